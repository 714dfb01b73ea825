package permset

// DefaultAPIVersion is the Metadata API version that [Build] names in its
// messages when a [Request] gives none. It is the version of the schema the
// types of this package are generated from.
const DefaultAPIVersion = "66.0"

// Request describes the permission set to build. Every grant is a positive
// one, because a permission set only adds access. The zero Options is the
// strictest: every rule that can fail is an error.
type Request struct {
	// Name is the API name (fullName): a letter, then letters, digits and
	// single underscores, at most 80 characters, not ending with '_'.
	Name        string
	Label       string // required, at most 80 characters
	Description string // at most 255 characters
	// License is the permission set license, such as "Salesforce API
	// Integration". Empty writes no <license>, which is what a set for the
	// Salesforce Integration user needs once the user holds the permission
	// set license.
	License string
	// APIVersion is the org's API version, such as "62.0", named in
	// messages about unknown user permissions. Empty means DefaultAPIVersion.
	APIVersion string

	// Objects maps an object API name to the levels requested on it. Build
	// adds the levels they need, so Edit becomes Read|Edit.
	Objects map[string]Access
	// Fields maps "Object.Field" to the access requested on that field.
	Fields map[string]FieldAccess
	// UserPermissions are the API names of user permissions to enable, such
	// as "ApiEnabled".
	UserPermissions []string
	// ApexClasses are Apex classes the set may run, such as a REST resource.
	ApexClasses []string
	// CustomPermissions are custom permissions to enable.
	CustomPermissions []string

	// Describes hold the describe of each object with field grants. Without
	// one, Build cannot tell required, master-detail, system or read-only
	// fields apart, and returns a notice that it did not check them.
	Describes []*Describe

	Options Options
}

// Options turns some errors of [Build] into changes that it makes and
// reports as notices.
type Options struct {
	// ImplyObjectAccess adds the object access that a field grant needs:
	// read for a readable field, read and edit for an editable one. Without
	// it such a field grant is an error.
	ImplyObjectAccess bool
	// AddDependencies adds the user permissions that a requested one needs
	// in the same permission set. Without it a missing one is an error.
	AddDependencies bool
	// AllowUnknownPermissions accepts user permission names that sfharden
	// does not know, such as one from a feature newer than its tables.
	AllowUnknownPermissions bool
}
