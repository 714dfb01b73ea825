package audit

import (
	"github.com/sfharden/sfharden/internal/mdxml"
)

// oauthOidcSettings holds the elements of the OauthOidc settings that the
// audit reads; mdxml keeps the rest in Extra.
type oauthOidcSettings struct {
	BlockOAuthUnPwFlow *bool `xml:"blockOAuthUnPwFlow"`

	Extra mdxml.Extra `mdxml:"OauthOidcSettings"`
}

// securitySettings holds the elements of the Security settings that the
// audit reads.
type securitySettings struct {
	PasswordPolicies *passwordPolicies `xml:"passwordPolicies"`

	Extra mdxml.Extra `mdxml:"SecuritySettings"`
}

// passwordPolicies holds the org-wide password expiry, which applies to
// every profile without a ProfilePasswordPolicy.
type passwordPolicies struct {
	Expiration string `xml:"expiration"`

	Extra mdxml.Extra `mdxml:"PasswordPolicies"`
}

// readSettings reads the Settings files the audit uses, OauthOidc and
// Security, and ignores the others.
func readSettings(name, file string, data []byte) (fileFacts, error) {
	switch name {
	case "OauthOidc":
		v, err := mdxml.Parse[oauthOidcSettings](data)
		if err != nil {
			return fileFacts{}, err
		}
		line := leafLine(data, "blockOAuthUnPwFlow", v.Extra.Line)
		return fileFacts{oauth: &oauthSettingsFacts{File: file, Line: line, BlockUnPw: v.BlockOAuthUnPwFlow}}, nil
	case "Security":
		v, err := mdxml.Parse[securitySettings](data)
		if err != nil {
			return fileFacts{}, err
		}
		s := &securitySettingsFacts{File: file, Line: v.Extra.Line}
		if v.PasswordPolicies != nil {
			s.Expiration = v.PasswordPolicies.Expiration
			s.Line = leafLine(data, "expiration", v.PasswordPolicies.Extra.Line)
		}
		return fileFacts{security: s}, nil
	}
	return fileFacts{}, nil
}
