package connectedapp

import (
	"fmt"
	"slices"
	"time"

	"github.com/sfharden/sfharden/internal/mdxml"
	"github.com/sfharden/sfharden/internal/registry"
)

// Bundle is the metadata of one integration's OAuth app, as [Build] made it.
type Bundle struct {
	// Name is the developer name of the app.
	Name string
	Type AppType
	Flow Flow

	// RotationDays is the period after which the consumer secret (client
	// credentials) or certificate (JWT bearer) is replaced.
	RotationDays int

	// CertificateExpiry is when the certificate of a JWT bearer app
	// expires, and the zero time for a client credentials app.
	CertificateExpiry time.Time

	components   []Component
	placeholders []string
}

// Component is one metadata file of a [Bundle].
type Component struct {
	// Type is the Metadata API type name, as in package.xml:
	// "ExternalClientApplication".
	Type string

	// FullName is the component name: "Orders_Sync" or
	// "Orders_Sync_oauthPlcy".
	FullName string

	// Path is the source-format path of the file relative to a package
	// folder such as force-app/main/default:
	// "externalClientApps/Orders_Sync.eca-meta.xml".
	Path string

	// Value is the metadata: *ExternalClientApplication,
	// *ExtlClntAppGlobalOauthSettings, *ExtlClntAppOauthSettings,
	// *ExtlClntAppOauthConfigurablePolicies,
	// *ExtlClntAppConfigurablePolicies or *ConnectedApp.
	Value any
}

// Marshal writes the component in the format a Salesforce retrieve
// produces.
func (c Component) Marshal() ([]byte, error) {
	data, err := mdxml.Marshal(c.Value)
	if err != nil {
		return nil, fmt.Errorf("write %s %s: %w", c.Type, c.FullName, err)
	}
	return data, nil
}

// Components returns the files of the bundle in the order a project writer
// should write them: the app first, then its settings and policies. The
// slice is a copy, but the values it points to are the bundle's own.
func (b *Bundle) Components() []Component {
	return slices.Clone(b.components)
}

// Placeholders returns the names of the ${NAME} placeholders that the
// bundle's files contain, sorted. Each needs an sfdx-project.json
// replacement with stringToReplace "${NAME}" and replaceWithEnv NAME so
// that sf fills it in at deploy time.
func (b *Bundle) Placeholders() []string {
	return slices.Clone(b.placeholders)
}

// NextRotation returns when the secret or certificate that was put in
// place at rotated is due to be replaced: RotationDays calendar days later.
func (b *Bundle) NextRotation(rotated time.Time) time.Time {
	return rotated.AddDate(0, 0, b.RotationDays)
}

// newComponent returns the component of type typeName called fullName with
// its source-format path.
func newComponent(typeName, fullName string, value any) Component {
	t, ok := registry.ByName(typeName)
	if !ok {
		panic("connectedapp: registry lacks metadata type " + typeName)
	}
	path, err := registry.SourcePath(t, fullName)
	if err != nil {
		// Build checks fullName first, so this is a bug in the package.
		panic(fmt.Sprintf("connectedapp: source path of %s %q: %v", typeName, fullName, err))
	}
	return Component{Type: typeName, FullName: fullName, Path: path, Value: value}
}
