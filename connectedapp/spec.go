package connectedapp

import "fmt"

// AppType is the kind of OAuth app that [Build] writes.
type AppType int

const (
	// TypeExternalClientApp writes an External Client App: the header file and
	// its four settings and policy files. It is the zero value because
	// since Spring '26 an org needs a request to Salesforce Support before
	// it can create a new Connected App.
	TypeExternalClientApp AppType = iota

	// TypeConnectedApp writes one ConnectedApp file. Use it for an org that
	// already runs Connected Apps, which still deploy.
	TypeConnectedApp
)

// String returns the name used in messages and specs.
func (t AppType) String() string {
	switch t {
	case TypeExternalClientApp:
		return "ExternalClientApp"
	case TypeConnectedApp:
		return "ConnectedApp"
	default:
		return fmt.Sprintf("AppType(%d)", int(t))
	}
}

// Flow is the OAuth 2.0 flow the integration uses to get a token. Both
// flows run without a person at a browser and issue no refresh token.
type Flow int

const (
	// ClientCredentials is the client credentials flow: the client sends
	// the consumer key and secret, and the token belongs to the run-as
	// user. It is the zero value.
	ClientCredentials Flow = iota

	// JWTBearer is the JWT bearer flow: the client signs a JWT with the
	// private key of [Spec.Certificate], so no consumer secret is used.
	JWTBearer
)

// String returns the name used in messages and specs.
func (f Flow) String() string {
	switch f {
	case ClientCredentials:
		return "ClientCredentials"
	case JWTBearer:
		return "JWTBearer"
	default:
		return fmt.Sprintf("Flow(%d)", int(f))
	}
}

// Defaults that [Build] applies to zero fields of a [Spec].
const (
	// DefaultSessionTimeoutMinutes is the lifetime of an access token. The
	// client credentials and JWT bearer flows get a new token cheaply, so
	// the shortest value Setup offers costs the integration nothing.
	DefaultSessionTimeoutMinutes = 15

	// DefaultSecretRotationDays is how often the consumer secret (client
	// credentials) or the certificate (JWT bearer) is replaced.
	DefaultSecretRotationDays = 90

	// MaxSecretRotationDays is the longest rotation period Build accepts.
	MaxSecretRotationDays = 365
)

// DefaultScopes are the scopes of an app whose Spec lists none: REST, SOAP
// and Bulk API access as the run-as user, and nothing else.
var DefaultScopes = []string{"Api"}

// Spec describes the OAuth app of one system-to-Salesforce integration.
// The zero values of Type, Flow, Scopes, SessionTimeoutMinutes and
// SecretRotationDays select the hardened defaults: an External Client App,
// the client credentials flow, the Api scope, 15-minute sessions and a
// 90-day rotation.
type Spec struct {
	// Name is the developer name of the app, such as "Orders_Sync". It is
	// also the integration's name in messages.
	Name string

	// Label is the name shown in Setup.
	Label string

	// Description is an optional sentence on what the integration does.
	Description string

	// ContactEmail is the address Salesforce writes to about the app. A
	// ${NAME} placeholder is accepted, as for RunAsUsername.
	ContactEmail string

	Type AppType
	Flow Flow

	// RunAsUsername is the username of the integration user. With client
	// credentials every token belongs to this user, so it is required. With
	// JWT bearer it is the subject the client puts in its JWT; it is
	// optional and, when given, is checked by [CheckDistinct]. Usernames
	// differ between orgs, so a ${NAME} placeholder (upper-case letters,
	// digits and underscores) may stand for the whole username or part of
	// it; [Bundle.Placeholders] lists the names.
	RunAsUsername string

	// PermissionSet is the API name of the permission set that grants the
	// integration user access to the app. Only users with it can get a
	// token.
	PermissionSet string

	// Scopes are OAuth scopes, written as Metadata API names ("Api") or as
	// the names OAuth requests use ("api"). Empty means [DefaultScopes].
	Scopes []string

	// SessionTimeoutMinutes is the access token lifetime: 15, 30, 60, 120,
	// 240, 480, 720 or 1440. Zero means [DefaultSessionTimeoutMinutes].
	SessionTimeoutMinutes int

	// SecretRotationDays is the rotation period of the consumer secret or
	// certificate, from 1 to [MaxSecretRotationDays]. Zero means
	// [DefaultSecretRotationDays].
	SecretRotationDays int

	// Network lists the partner's egress addresses as CIDR blocks
	// ("203.0.113.0/24"), single addresses or start-end ranges. They are
	// written in this order. See the package documentation for how they
	// restrict tokens.
	Network []string

	// Certificate is the X.509 certificate in PEM form whose private key
	// signs the JWTs of the JWT bearer flow. It is required with JWTBearer
	// and rejected with ClientCredentials. A certificate is public, so it
	// belongs in source control.
	Certificate []byte

	// ConsumerKey and ConsumerSecret are always rejected. Each org
	// generates its own, and a secret in source control is a leak. They
	// exist so that a caller who copies them from Setup gets an error that
	// says so instead of having them dropped without a word.
	ConsumerKey    string
	ConsumerSecret string

	// Waivers allow scopes that Build otherwise forbids.
	Waivers []Waiver
}

// Waiver allows one forbidden scope for one app, with the reason a
// reviewer accepted. Build still returns a notice for each waived scope.
type Waiver struct {
	// Scope is the Metadata API name of the scope, such as "RefreshToken".
	Scope string

	// Reason says why the integration needs the scope. It is required.
	Reason string
}
