package project

// Component is one metadata component read from a project or folder.
type Component struct {
	// Type is the Metadata API type name, as in package.xml: "Profile".
	Type string

	// FullName is the decoded component name: "Work.com Only User" for the
	// file "Work%2Ecom Only User.profile-meta.xml".
	FullName string

	// Path is the path of the component's metadata file.
	Path string

	// Value is the parsed file: *profile.Profile, *permset.PermissionSet and
	// so on. It is nil for a type that sfharden does not model.
	Value any
}

// Problem is a file that could not be read or parsed. The rest of the
// project is read all the same.
type Problem struct {
	Path string
	Err  error
}

func (p Problem) Error() string { return p.Err.Error() }
