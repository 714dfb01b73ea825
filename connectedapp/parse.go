package connectedapp

import "github.com/sfharden/sfharden/internal/mdxml"

// Parse parses the XML of a ConnectedApp file.
func Parse(data []byte) (*ConnectedApp, error) {
	return mdxml.Parse[ConnectedApp](data)
}

// ParseFile reads a ConnectedApp file. FullName comes from the file name
// (".connectedApp-meta.xml" in source format, ".connectedApp" in mdapi format) unless
// the file has a fullName element.
func ParseFile(path string) (*ConnectedApp, error) {
	v, err := mdxml.ParseFile[ConnectedApp](path)
	if err != nil {
		return nil, err
	}
	if v.FullName == "" {
		v.FullName = mdxml.NameFromPath(path, "connectedApp")
	}
	return v, nil
}

// Marshal writes the ConnectedApp in the format a Salesforce retrieve produces.
func (v *ConnectedApp) Marshal() ([]byte, error) {
	return mdxml.Marshal(v)
}

// ParseExternalClientApp parses the XML of an ExternalClientApplication file.
func ParseExternalClientApp(data []byte) (*ExternalClientApplication, error) {
	return mdxml.Parse[ExternalClientApplication](data)
}

// ParseExternalClientAppFile reads an ExternalClientApplication file. FullName comes from the file name
// (".eca-meta.xml" in source format, ".eca" in mdapi format) unless
// the file has a fullName element.
func ParseExternalClientAppFile(path string) (*ExternalClientApplication, error) {
	v, err := mdxml.ParseFile[ExternalClientApplication](path)
	if err != nil {
		return nil, err
	}
	if v.FullName == "" {
		v.FullName = mdxml.NameFromPath(path, "eca")
	}
	return v, nil
}

// Marshal writes the ExternalClientApplication in the format a Salesforce retrieve produces.
func (v *ExternalClientApplication) Marshal() ([]byte, error) {
	return mdxml.Marshal(v)
}

// ParseGlobalOAuthSettings parses the XML of an ExtlClntAppGlobalOauthSettings file.
func ParseGlobalOAuthSettings(data []byte) (*ExtlClntAppGlobalOauthSettings, error) {
	return mdxml.Parse[ExtlClntAppGlobalOauthSettings](data)
}

// ParseGlobalOAuthSettingsFile reads an ExtlClntAppGlobalOauthSettings file. FullName comes from the file name
// (".ecaGlblOauth-meta.xml" in source format, ".ecaGlblOauth" in mdapi format) unless
// the file has a fullName element.
func ParseGlobalOAuthSettingsFile(path string) (*ExtlClntAppGlobalOauthSettings, error) {
	v, err := mdxml.ParseFile[ExtlClntAppGlobalOauthSettings](path)
	if err != nil {
		return nil, err
	}
	if v.FullName == "" {
		v.FullName = mdxml.NameFromPath(path, "ecaGlblOauth")
	}
	return v, nil
}

// Marshal writes the ExtlClntAppGlobalOauthSettings in the format a Salesforce retrieve produces.
func (v *ExtlClntAppGlobalOauthSettings) Marshal() ([]byte, error) {
	return mdxml.Marshal(v)
}

// ParseOAuthSettings parses the XML of an ExtlClntAppOauthSettings file.
func ParseOAuthSettings(data []byte) (*ExtlClntAppOauthSettings, error) {
	return mdxml.Parse[ExtlClntAppOauthSettings](data)
}

// ParseOAuthSettingsFile reads an ExtlClntAppOauthSettings file. FullName comes from the file name
// (".ecaOauth-meta.xml" in source format, ".ecaOauth" in mdapi format) unless
// the file has a fullName element.
func ParseOAuthSettingsFile(path string) (*ExtlClntAppOauthSettings, error) {
	v, err := mdxml.ParseFile[ExtlClntAppOauthSettings](path)
	if err != nil {
		return nil, err
	}
	if v.FullName == "" {
		v.FullName = mdxml.NameFromPath(path, "ecaOauth")
	}
	return v, nil
}

// Marshal writes the ExtlClntAppOauthSettings in the format a Salesforce retrieve produces.
func (v *ExtlClntAppOauthSettings) Marshal() ([]byte, error) {
	return mdxml.Marshal(v)
}

// ParseOAuthPolicies parses the XML of an ExtlClntAppOauthConfigurablePolicies file.
func ParseOAuthPolicies(data []byte) (*ExtlClntAppOauthConfigurablePolicies, error) {
	return mdxml.Parse[ExtlClntAppOauthConfigurablePolicies](data)
}

// ParseOAuthPoliciesFile reads an ExtlClntAppOauthConfigurablePolicies file. FullName comes from the file name
// (".ecaOauthPlcy-meta.xml" in source format, ".ecaOauthPlcy" in mdapi format) unless
// the file has a fullName element.
func ParseOAuthPoliciesFile(path string) (*ExtlClntAppOauthConfigurablePolicies, error) {
	v, err := mdxml.ParseFile[ExtlClntAppOauthConfigurablePolicies](path)
	if err != nil {
		return nil, err
	}
	if v.FullName == "" {
		v.FullName = mdxml.NameFromPath(path, "ecaOauthPlcy")
	}
	return v, nil
}

// Marshal writes the ExtlClntAppOauthConfigurablePolicies in the format a Salesforce retrieve produces.
func (v *ExtlClntAppOauthConfigurablePolicies) Marshal() ([]byte, error) {
	return mdxml.Marshal(v)
}

// ParsePolicies parses the XML of an ExtlClntAppConfigurablePolicies file.
func ParsePolicies(data []byte) (*ExtlClntAppConfigurablePolicies, error) {
	return mdxml.Parse[ExtlClntAppConfigurablePolicies](data)
}

// ParsePoliciesFile reads an ExtlClntAppConfigurablePolicies file. FullName comes from the file name
// (".ecaPlcy-meta.xml" in source format, ".ecaPlcy" in mdapi format) unless
// the file has a fullName element.
func ParsePoliciesFile(path string) (*ExtlClntAppConfigurablePolicies, error) {
	v, err := mdxml.ParseFile[ExtlClntAppConfigurablePolicies](path)
	if err != nil {
		return nil, err
	}
	if v.FullName == "" {
		v.FullName = mdxml.NameFromPath(path, "ecaPlcy")
	}
	return v, nil
}

// Marshal writes the ExtlClntAppConfigurablePolicies in the format a Salesforce retrieve produces.
func (v *ExtlClntAppConfigurablePolicies) Marshal() ([]byte, error) {
	return mdxml.Marshal(v)
}
