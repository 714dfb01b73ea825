// Package connectedapp builds the OAuth app through which one external
// system calls the Salesforce API, hardened for an integration that runs
// without a person at a browser, and reads the app files a retrieve returns.
//
// Start with [Build]. It takes a [Spec] and returns a [Bundle] whose
// [Bundle.Components] are the metadata files with their source-format paths,
// ready for a project writer, together with notices. By default it builds an
// External Client App, the successor of the Connected App: since Spring '26
// an org needs a request to Salesforce Support before it can create a new
// Connected App. Set [Spec.Type] to [TypeConnectedApp] for an org that
// already runs Connected Apps, which still deploy. Both kinds are hardened
// the same way:
//
//   - The app runs the client credentials flow (the zero [Flow]) as one
//     run-as user, or the JWT bearer flow with the caller's certificate.
//     The authorization code and credentials flow, the token exchange flow
//     and (in an External Client App) the device flow are off, and no
//     refresh token is ever issued (refresh token policy Zero).
//   - Only users with the integration's permission set may use it (admin
//     approved users are pre-authorized).
//   - IP relaxation is Enforce, so the login IP ranges of the run-as user's
//     profile apply to every token.
//   - Access tokens live 15 minutes unless the spec says otherwise.
//   - The only default scope is Api.
//
// An External Client App is five files, named as a retrieve names them:
// externalClientApps/<App>.eca-meta.xml and, in extlClntAppGlobalOauthSets,
// extlClntAppOauthSettings, extlClntAppOauthPolicies and extlClntAppPolicies,
// the files <App>_glbloauth, <App>_oauth, <App>_oauthPlcy and <App>_plcy.
// A Connected App is one file, connectedApps/<App>.connectedApp-meta.xml.
//
// # What Build refuses to build
//
// Build collects every problem into a field.List error, with paths such as
// app.scopes[1]. It rejects:
//
//   - a consumer key or consumer secret: each org generates its own on
//     deploy, and a secret in source control is a leak;
//   - the scopes Full, Web, RefreshToken and OfflineAccess, unless a
//     [Waiver] gives the reason (Full is high risk; see [ScopeRisk]);
//   - scope names that are not Metadata API names or OAuth request names.
//     The Metadata API names are case-sensitive, so "Sfap" is an error
//     that suggests SFAP;
//   - a client credentials app without a run-as user;
//   - a JWT bearer certificate that does not parse, is not valid at the
//     build time, holds a private key, or has an RSA key under 2048 bits or
//     an EC key off P-256, P-384 and P-521;
//   - network ranges that cover every address, such as 0.0.0.0/0, or
//     that together cover half of IPv4 or 2^125 IPv6 addresses, such as
//     0.0.0.0/1 with 128.0.0.0/1. A private, loopback or link-local range,
//     or one larger than a /16 (IPv4) or a /48 (IPv6), gets a notice;
//   - waiver reasons that are empty after trimming space or that have a
//     line break or another control character;
//   - developer names with characters other than letters, digits and single
//     underscores, or longer than 80 characters (70 for an External Client
//     App, whose child files add up to 10 characters to the name).
//
// [CheckDistinct] rejects two integrations that share an app, a run-as user
// or a certificate.
//
// # Values that differ per org
//
// Usernames differ between orgs, so RunAsUsername and ContactEmail accept
// ${NAME} placeholders. [Bundle.Placeholders] lists them so that the project
// writer adds sfdx-project.json replacements, and sf fills them in from
// environment variables at deploy time.
//
// # Network ranges
//
// The partner's ranges go into the app's IP ranges (ConnectedApp ipRanges,
// External Client App trustedIpRanges) in the order given. Salesforce treats
// those as trusted ranges rather than as the only addresses allowed, so the
// restriction itself comes from the login IP ranges of the run-as user's
// profile, which IP relaxation Enforce keeps in force. Give that profile the
// same ranges.
//
// # Rotation
//
// Every bundle records a rotation period ([Spec.SecretRotationDays], 90 days
// by default). [Bundle.NextRotation] gives the due date and
// [Bundle.RotationSteps] the runbook text. Build warns when a certificate
// expires before the next rotation is due.
//
// # Reading retrieved files
//
// [Parse], [ParseExternalClientApp] and the other Parse functions read
// retrieved files, including ones with elements newer than API v66.0 and
// ones that hold consumer keys. Marshal writes them back byte for byte.
// [StoredCredentials] lists the consumer key and secret elements that a
// retrieved file holds, for an audit to report. [MalformedScopes] lists
// scope elements that hold no plain value, such as
// <scopes><scopes>Api</scopes></scopes>: the parser keeps them as unknown
// elements, so without it such an app reads as one without scopes. Salesforce documents the
// global OAuth settings type as one not to commit, because a retrieve puts
// the consumer key there. The file Build writes has no key, but a retrieved
// copy does.
//
// Known gaps: the callback URL of every app is [PlaceholderCallbackURL],
// because neither flow redirects; the session timeout values are those
// Setup offers, not a list from the schema.
package connectedapp
