package profile

import "github.com/sfharden/sfharden/internal/mdxml"

// Parse parses the XML of a Profile file.
func Parse(data []byte) (*Profile, error) {
	return mdxml.Parse[Profile](data)
}

// ParseFile reads a Profile file. FullName comes from the file name
// (".profile-meta.xml" in source format, ".profile" in mdapi format) unless
// the file has a fullName element.
func ParseFile(path string) (*Profile, error) {
	v, err := mdxml.ParseFile[Profile](path)
	if err != nil {
		return nil, err
	}
	if v.FullName == "" {
		v.FullName = mdxml.NameFromPath(path, "profile")
	}
	return v, nil
}

// Marshal writes the Profile in the format a Salesforce retrieve produces.
func (v *Profile) Marshal() ([]byte, error) {
	return mdxml.Marshal(v)
}

// ParseSessionSetting parses the XML of a ProfileSessionSetting file.
func ParseSessionSetting(data []byte) (*SessionSetting, error) {
	return mdxml.Parse[SessionSetting](data)
}

// ParseSessionSettingFile reads a ProfileSessionSetting file. FullName comes from the file name
// (".profileSessionSetting-meta.xml" in source format, ".profileSessionSetting" in mdapi format) unless
// the file has a fullName element.
func ParseSessionSettingFile(path string) (*SessionSetting, error) {
	v, err := mdxml.ParseFile[SessionSetting](path)
	if err != nil {
		return nil, err
	}
	if v.FullName == "" {
		v.FullName = mdxml.NameFromPath(path, "profileSessionSetting")
	}
	return v, nil
}

// Marshal writes the SessionSetting in the format a Salesforce retrieve produces.
func (v *SessionSetting) Marshal() ([]byte, error) {
	return mdxml.Marshal(v)
}

// ParsePasswordPolicy parses the XML of a ProfilePasswordPolicy file.
func ParsePasswordPolicy(data []byte) (*PasswordPolicy, error) {
	return mdxml.Parse[PasswordPolicy](data)
}

// ParsePasswordPolicyFile reads a ProfilePasswordPolicy file. FullName comes from the file name
// (".profilePasswordPolicy-meta.xml" in source format, ".profilePasswordPolicy" in mdapi format) unless
// the file has a fullName element.
func ParsePasswordPolicyFile(path string) (*PasswordPolicy, error) {
	v, err := mdxml.ParseFile[PasswordPolicy](path)
	if err != nil {
		return nil, err
	}
	if v.FullName == "" {
		v.FullName = mdxml.NameFromPath(path, "profilePasswordPolicy")
	}
	return v, nil
}

// Marshal writes the PasswordPolicy in the format a Salesforce retrieve produces.
func (v *PasswordPolicy) Marshal() ([]byte, error) {
	return mdxml.Marshal(v)
}
