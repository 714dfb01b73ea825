package sfharden

import (
	"fmt"
	"path/filepath"

	"github.com/sfharden/sfharden/internal/strictyaml"
)

// DefaultAPIVersion is the Metadata API version a spec gets when it names
// none.
const DefaultAPIVersion = "66.0"

// Spec is an integration spec file: the integrations to harden and the
// Metadata API version to write them for.
type Spec struct {
	APIVersion   string        `yaml:"apiVersion"`
	Integrations []Integration `yaml:"integrations"`

	// File is the path the spec was read from, used to resolve relative
	// paths such as certificates and to prefix error positions. It is empty
	// for a spec built in code.
	File string `yaml:"-"`

	positions strictyaml.Positions
}

// Integration describes one system that connects to Salesforce: who it
// runs as, where it connects from, what it may read and write, and how it
// authenticates.
type Integration struct {
	// Name is the API name of every component written for the
	// integration: letters, digits and single underscores, starting with a
	// letter.
	Name         string `yaml:"name"`
	Label        string `yaml:"label"` // default: Name with spaces for underscores
	Description  string `yaml:"description"`
	ContactEmail string `yaml:"contactEmail"`

	User    User   `yaml:"user"`
	License string `yaml:"license"` // SalesforceIntegration (default) or Salesforce

	Network Network `yaml:"network"`
	Access  Access  `yaml:"access"`
	App     App     `yaml:"app"`

	SessionTimeoutMinutes int `yaml:"sessionTimeoutMinutes"` // default 15
	SecretRotationDays    int `yaml:"secretRotationDays"`    // default 90

	Monitoring *Monitoring `yaml:"monitoring"`
	Waivers    []Waiver    `yaml:"waivers"`
}

// User is the integration's own API-only user.
type User struct {
	// Username is a literal username or a ${ENV_VAR} placeholder that the
	// sf CLI fills in at deploy time, since usernames differ per org.
	Username  string `yaml:"username"`
	Email     string `yaml:"email"`
	LastName  string `yaml:"lastName"`
	FirstName string `yaml:"firstName"`
	Alias     string `yaml:"alias"`    // default: derived from Name, at most 8 characters
	TimeZone  string `yaml:"timeZone"` // TimeZoneSidKey; default America/Los_Angeles
	Locale    string `yaml:"locale"`   // LocaleSidKey; default en_US
	Language  string `yaml:"language"` // LanguageLocaleKey; default en_US
}

// Network lists the partner's outbound addresses: CIDR blocks, single
// addresses or start-end ranges, IPv4 or IPv6.
type Network struct {
	Allow []string `yaml:"allow"`
}

// Access is what the integration may do, granted through its permission
// set. Objects map an object API name to access levels (read, create, edit,
// delete, viewAll, modifyAll); Fields map Object.Field to read or edit.
type Access struct {
	Objects         map[string][]string `yaml:"objects"`
	Fields          map[string]string   `yaml:"fields"`
	UserPermissions []string            `yaml:"userPermissions"`

	// AddObjectRead grants object read, with a notice, for a field whose
	// object the spec does not open; without it that is an error.
	AddObjectRead bool `yaml:"addObjectRead"`

	// AddDependencies adds the user permissions that requested ones depend
	// on, with a notice; without it a missing dependency is an error.
	AddDependencies bool `yaml:"addDependencies"`

	// AllowUnknownPermissions accepts user permission names that sfharden
	// has not seen in real orgs (orgs with other features have more).
	AllowUnknownPermissions bool `yaml:"allowUnknownPermissions"`

	// FieldFacts is the path of the JSON that `sf sobject describe --json`
	// prints, or a folder of such files, relative to the spec; with it the
	// field rules (required, formula, master-detail fields) are checked.
	FieldFacts string `yaml:"fieldFacts"`
}

// App is the OAuth app the integration authenticates through.
type App struct {
	Type        string   `yaml:"type"`        // externalClientApp (default) or connectedApp
	Flow        string   `yaml:"flow"`        // clientCredentials (default) or jwtBearer
	Scopes      []string `yaml:"scopes"`      // default [api]
	Certificate string   `yaml:"certificate"` // PEM file for jwtBearer, relative to the spec file
}

// Monitoring asks for the transaction security policies that watch the
// integration user. Each of MaxRowsPerQuery and ActiveHours that is set
// adds one policy; at least one is required.
type Monitoring struct {
	// MaxRowsPerQuery is the number of rows above which one query raises an
	// alert. It applies to each query, not to the rows read in a day.
	MaxRowsPerQuery int      `yaml:"maxRowsPerQuery"`
	ActiveHours     string   `yaml:"activeHours"` // "HH:MM-HH:MM"; a window may wrap midnight
	Timezone        string   `yaml:"timezone"`    // IANA time zone of ActiveHours
	Notify          []string `yaml:"notify"`      // usernames or ${ENV_VAR} placeholders of admins
	Block           bool     `yaml:"block"`       // block the query or login as well as alert
	// EndSession and FreezeUser are the actions of legacy policies; an
	// Enhanced Transaction Security policy rejects them.
	EndSession bool `yaml:"endSession"`
	FreezeUser bool `yaml:"freezeUser"`
}

// Waiver allows one catalogued risky permission or scope for one
// integration, with the reason, which is written into the permission set's
// description so it shows in review.
type Waiver struct {
	// Permission is a user permission (ViewAllData), an object permission
	// (viewAllRecords or modifyAllRecords, with Object) or an OAuth scope
	// (full, refresh_token, web, offline_access).
	Permission string `yaml:"permission"`
	Object     string `yaml:"object"` // the object of an object permission
	Reason     string `yaml:"reason"`
}

// LoadSpec reads and decodes a spec file strictly. Decoding errors come back
// as one error per line, each "FILE:LINE:COLUMN: path: message".
func LoadSpec(path string) (*Spec, error) {
	data, err := readLimited(path, maxSpecSize)
	if err != nil {
		return nil, fmt.Errorf("read spec: %w", err)
	}
	spec, err := ParseSpec(data)
	if spec != nil {
		spec.File = path
	}
	if err != nil {
		return spec, withFile(path, err)
	}
	return spec, nil
}

// ParseSpec decodes spec YAML strictly.
func ParseSpec(data []byte) (*Spec, error) {
	var spec Spec
	positions, err := strictyaml.Decode(data, &spec)
	spec.positions = positions
	if err != nil {
		return &spec, err
	}
	return &spec, nil
}

// Position returns the line and column in the spec file of the value at
// path, or of its nearest ancestor; ok is false for a spec built in code.
func (s *Spec) Position(path string) (line, column int, ok bool) {
	if s.positions == nil {
		return 0, 0, false
	}
	pos, ok := s.positions.Lookup(path)
	return pos.Line, pos.Column, ok
}

// dir is the folder that relative paths in the spec are resolved against.
func (s *Spec) dir() string {
	if s.File == "" {
		return "."
	}
	return filepath.Dir(s.File)
}
