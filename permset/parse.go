package permset

import "github.com/sfharden/sfharden/internal/mdxml"

// Parse parses the XML of a PermissionSet file.
func Parse(data []byte) (*PermissionSet, error) {
	return mdxml.Parse[PermissionSet](data)
}

// ParseFile reads a PermissionSet file. FullName comes from the file name
// (".permissionset-meta.xml" in source format, ".permissionset" in mdapi format) unless
// the file has a fullName element.
func ParseFile(path string) (*PermissionSet, error) {
	v, err := mdxml.ParseFile[PermissionSet](path)
	if err != nil {
		return nil, err
	}
	if v.FullName == "" {
		v.FullName = mdxml.NameFromPath(path, "permissionset")
	}
	return v, nil
}

// Marshal writes the PermissionSet in the format a Salesforce retrieve produces.
func (v *PermissionSet) Marshal() ([]byte, error) {
	return mdxml.Marshal(v)
}

// ParseGroup parses the XML of a PermissionSetGroup file.
func ParseGroup(data []byte) (*PermissionSetGroup, error) {
	return mdxml.Parse[PermissionSetGroup](data)
}

// ParseGroupFile reads a PermissionSetGroup file. FullName comes from the file name
// (".permissionsetgroup-meta.xml" in source format, ".permissionsetgroup" in mdapi format) unless
// the file has a fullName element.
func ParseGroupFile(path string) (*PermissionSetGroup, error) {
	v, err := mdxml.ParseFile[PermissionSetGroup](path)
	if err != nil {
		return nil, err
	}
	if v.FullName == "" {
		v.FullName = mdxml.NameFromPath(path, "permissionsetgroup")
	}
	return v, nil
}

// Marshal writes the PermissionSetGroup in the format a Salesforce retrieve produces.
func (v *PermissionSetGroup) Marshal() ([]byte, error) {
	return mdxml.Marshal(v)
}

// ParseMuting parses the XML of a MutingPermissionSet file.
func ParseMuting(data []byte) (*MutingPermissionSet, error) {
	return mdxml.Parse[MutingPermissionSet](data)
}

// ParseMutingFile reads a MutingPermissionSet file. FullName comes from the file name
// (".mutingpermissionset-meta.xml" in source format, ".mutingpermissionset" in mdapi format) unless
// the file has a fullName element.
func ParseMutingFile(path string) (*MutingPermissionSet, error) {
	v, err := mdxml.ParseFile[MutingPermissionSet](path)
	if err != nil {
		return nil, err
	}
	if v.FullName == "" {
		v.FullName = mdxml.NameFromPath(path, "mutingpermissionset")
	}
	return v, nil
}

// Marshal writes the MutingPermissionSet in the format a Salesforce retrieve produces.
func (v *MutingPermissionSet) Marshal() ([]byte, error) {
	return mdxml.Marshal(v)
}
