package profile

import (
	"fmt"
	"strings"

	"github.com/sfharden/sfharden/field"
)

// standardProfile is the API name of a profile that Salesforce creates in
// an org, as a retrieve names its file, with the source of the name.
type standardProfile struct {
	Name   string
	Source string
}

// Sources of the standard profile names.
const (
	sourceMetadataNames = "salesforcehacker.com, \"What's in a profile name?\" (2013): Metadata API file names of standard profiles"
	sourceRetrieved     = "retrieved with <custom>false</custom> in public repositories"
	sourceNotConfirmed  = "standard profile name; no retrieved file or document opened for sfharden confirms the file name"
)

// standardProfiles lists the standard profiles that a generated profile
// must not be named after. A deploy of a profile with such a name changes
// the standard profile, and with it every user who has it, such as every
// administrator for Admin.
//
// NOTE: Salesforce adds standard profiles with new licences and features,
// and an org has only those of its edition. The list holds the names found
// so far, not every standard profile.
var standardProfiles = []standardProfile{
	{"Admin", sourceMetadataNames + "; " + sourceRetrieved + " Epic-ATS/NightlyBackup, lumonoy/lumonCode, AureusTmc/FullcopyNetsuite"},
	{"Analytics Cloud Integration User", sourceNotConfirmed},
	{"B2BMA Integration User", sourceRetrieved + " AureusTmc/FullcopyNetsuite, SKhodabole/BWSFDC"},
	{"Chatter External User", sourceNotConfirmed},
	{"Chatter Free User", sourceNotConfirmed},
	{"ContractManager", sourceMetadataNames},
	{"CustomerManager", sourceMetadataNames},
	{"CustomerPortalManager", sourceNotConfirmed},
	{"CustomerUser", sourceMetadataNames},
	{"Guest", sourceNotConfirmed},
	{"HighVolumePortal", sourceMetadataNames},
	{"MarketingProfile", sourceMetadataNames},
	{"Minimum Access - API Only Integrations", sourceRetrieved + " Epic-ATS/NightlyBackup, GSA/SF_WorkSpace"},
	{"Minimum Access - Salesforce", sourceNotConfirmed},
	{"Partner", sourceMetadataNames},
	{"PartnerUser", sourceNotConfirmed},
	{"PlatformPortal", sourceMetadataNames},
	{"ReadOnly", sourceMetadataNames},
	// The lumonoy/lumonCode copy reads <custom>true</custom>, but Salesforce
	// creates this profile for users of the Salesforce Integration licence.
	{"Salesforce API Only System Integrations", "file name in lumonoy/lumonCode"},
	{"Sales Insights Integration User", sourceRetrieved + " SKhodabole/BWSFDC"},
	{"SolutionManager", sourceMetadataNames},
	{"Standard", sourceMetadataNames},
	{"StandardAul", sourceMetadataNames},
}

// StandardName returns the API name of the standard profile that name
// would replace on deploy, comparing without regard to letter case as
// Salesforce compares API names. It reports false for any other name.
func StandardName(name string) (string, bool) {
	for _, s := range standardProfiles {
		if strings.EqualFold(s.Name, name) {
			return s.Name, true
		}
	}
	return "", false
}

// checkNotStandard returns a [field.List] error when profile names a
// standard profile, whose settings a generated file must not change.
func checkNotStandard(p field.Path, profile string) error {
	standard, isStandard := StandardName(profile)
	if !isStandard {
		return nil
	}
	return field.List{field.NewForbidden(p, profile, fmt.Sprintf(
		"%q names the standard profile %s, and deploying these settings would change them for every user who has it; name the integration's own profile",
		profile, standard))}
}
