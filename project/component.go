package project

// Component is one metadata component read from a project or folder.
type Component struct {
	// Type is the Metadata API type name, as in package.xml: "Profile".
	Type string

	// FullName is the decoded component name: "Work.com Only User" for the
	// file "Work%2Ecom Only User.profile-meta.xml".
	FullName string

	// Member is the name as package.xml lists it. For a component read from
	// a file it is the name exactly as the file name spells it, which the sf
	// CLI copies unchanged: "Work%2Ecom Only User", but also "Set.With.Dots"
	// and "unfiled$public/Welcome", which [pkgxml.EncodeMember] would encode
	// differently. A child stored as an element of its parent's file adds
	// the text of its name element: "Case.Notify_Owner". Member is empty
	// for a component built in code, whose FullName is encoded instead.
	Member string

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
