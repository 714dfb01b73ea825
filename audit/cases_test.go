package audit

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// hardenedTree returns the components that sfharden generate writes for one
// integration. The profile is API-only with every risky permission off,
// login IP ranges, a 15-minute session and a password that never expires.
// A least-privilege permission set sits in a group. The External Client
// App uses client credentials with IP relaxation enforced. Transaction
// security policies watch the user, and the org blocks the
// username-password flow.
func hardenedTree() tree {
	eca := srcDir + "externalClientApps/Orders_API.eca-meta.xml"
	return tree{
		profilePath("Orders_API"): apiOnlyProfile(ipRangeXML("203.0.113.0", "203.0.113.255")),
		srcDir + "profileSessionSettings/Orders_API.profileSessionSetting-meta.xml":  sessionXML("Orders_API", 15),
		srcDir + "profilePasswordPolicies/Orders_API.profilePasswordPolicy-meta.xml": passwordXML("Orders_API", 0),
		permSetPath("Orders_API"): permSetXML("Orders API",
			fieldPerm("Invoice__c.Amount__c", true, false),
			objectPerm("Invoice__c", true, false, false, false, false, false)),
		srcDir + "permissionsetgroups/Orders_API_Group.permissionsetgroup-meta.xml": doc("PermissionSetGroup",
			"    <label>Orders API</label>\n    <permissionSets>Orders_API</permissionSets>\n"),
		eca: doc("ExternalClientApplication",
			"    <contactEmail>ops@example.com</contactEmail>\n    <distributionState>Local</distributionState>\n    <label>Orders API</label>\n"),
		srcDir + "extlClntAppOauthSettings/Orders_API_oauth.ecaOauth-meta.xml": doc("ExtlClntAppOauthSettings",
			"    <commaSeparatedOauthScopes>Api</commaSeparatedOauthScopes>\n    <externalClientApplication>Orders_API</externalClientApplication>\n"),
		srcDir + "extlClntAppGlobalOauthSets/Orders_API_glbloauth.ecaGlblOauth-meta.xml": doc("ExtlClntAppGlobalOauthSettings",
			"    <callbackUrl>https://login.salesforce.com/services/oauth2/callback</callbackUrl>\n"+
				"    <externalClientApplication>Orders_API</externalClientApplication>\n"+
				"    <isClientCredentialsFlowEnabled>true</isClientCredentialsFlowEnabled>\n"),
		srcDir + "extlClntAppOauthPolicies/Orders_API_oauthPlcy.ecaOauthPlcy-meta.xml": doc("ExtlClntAppOauthConfigurablePolicies",
			"    <clientCredentialsFlowUser>orders.api@example.com</clientCredentialsFlowUser>\n"+
				"    <commaSeparatedProfile>Orders_API</commaSeparatedProfile>\n"+
				"    <externalClientApplication>Orders_API</externalClientApplication>\n"+
				"    <ipRelaxationPolicyType>Enforce</ipRelaxationPolicyType>\n"+
				"    <isClientCredentialsFlowEnabled>true</isClientCredentialsFlowEnabled>\n"+
				"    <permittedUsersPolicyType>AdminApprovedPreAuthorized</permittedUsersPolicyType>\n"),
		srcDir + "transactionSecurityPolicies/Orders_API_Rows.transactionSecurityPolicy-meta.xml":  tspXML("ApiEvent", true),
		srcDir + "transactionSecurityPolicies/Orders_API_Hours.transactionSecurityPolicy-meta.xml": tspXML("LoginEvent", true),
		srcDir + "settings/OauthOidc.settings-meta.xml":                                            doc("OauthOidcSettings", "    <blockOAuthUnPwFlow>true</blockOAuthUnPwFlow>\n"),
		srcDir + "objects/Invoice__c/Invoice__c.object-meta.xml":                                   doc("CustomObject", "    <label>Invoice</label>\n"),
	}
}

func TestHardenedBundlePasses(t *testing.T) {
	r := hardenedTree().audit(t, Options{
		Users:       mustUsers(t, usersJSON("orders.api@example.com", "Orders_API")),
		Assignments: mustAssignments(t, assignmentsJSON("orders.api@example.com", "Orders_API")),
	})
	assert.Empty(t, r.Findings, "a hardened bundle gives no finding")
	assert.False(t, r.Fails(Info))
	assert.Equal(t, 12, r.Files, "the object file is noted, not read")
}

func TestHardenedBundleWithoutOrgData(t *testing.T) {
	r := hardenedTree().audit(t, Options{})
	assert.False(t, r.Fails(High), "findings: %v", r.Findings)
	assert.Contains(t, r.NotChecked, "permission sets assigned to integration users: pass --assignments")
	assert.Contains(t, r.NotChecked, "profiles of the run-as users of client-credentials apps: pass --users")
}

// A dev tool wrote 0.0.0.0-255.255.255.255 into a profile's login ranges,
// which admits every address.
func TestCaseWholeInternetLoginRange(t *testing.T) {
	r := tree{
		profilePath("Orders_API"): profileXML(ipRangeXML("0.0.0.0", "255.255.255.255")),
	}.audit(t, Options{})

	got := withRule(r, RuleLoginIPRangeTooBroad)
	require.Len(t, got, 1)
	assert.Equal(t, High, got[0].Severity)
	assert.Equal(t, "loginIpRanges covers all IPv4 addresses; the IP restriction has no effect", got[0].Message)
	assert.Equal(t, "Profile", got[0].Type)
	assert.Equal(t, "Orders_API", got[0].Component)
	assert.Equal(t, "force-app/main/default/profiles/Orders_API.profile-meta.xml", got[0].File)
	assert.Equal(t, 3, got[0].Line, "line of the <loginIpRanges> start tag")
}

// A profile retrieved with a manifest that lists only Profile carries no
// field permissions, whatever access the profile really grants.
func TestCaseProfileOnlyRetrieve(t *testing.T) {
	manifest := doc("Package", "    <types>\n        <members>Orders_API</members>\n        <name>Profile</name>\n    </types>\n    <version>62.0</version>\n")
	profileOnly := tree{
		"sfdx-project.json":       `{"packageDirectories":[{"path":"force-app","default":true}]}`,
		"manifest/package.xml":    manifest,
		profilePath("Orders_API"): apiOnlyProfile(),
	}
	r := profileOnly.audit(t, Options{})
	assert.Equal(t, []string{"field-level access for Orders_API is unknown: the retrieve did not include any objects"},
		messages(r, RuleFieldAccessUnknown))
	assert.Equal(t, Info, withRule(r, RuleFieldAccessUnknown)[0].Severity)

	withObjects := tree{
		"sfdx-project.json": `{"packageDirectories":[{"path":"force-app","default":true}]}`,
		"manifest/package.xml": doc("Package", "    <types>\n        <members>Account</members>\n        <name>CustomObject</name>\n    </types>\n"+
			"    <types>\n        <members>Orders_API</members>\n        <name>Profile</name>\n    </types>\n    <version>62.0</version>\n"),
		profilePath("Orders_API"): apiOnlyProfile(),
	}
	assert.Empty(t, withRule(withObjects.audit(t, Options{}), RuleFieldAccessUnknown),
		"with objects in the retrieve, no field permissions means no field access")
}

// A permission set whose field permissions do not match its object
// permissions, held by a user whose API-only profile also grants fields.
func TestCaseFieldAccessWithoutObjectAccess(t *testing.T) {
	tr := tree{
		permSetPath("Orders_API"): permSetXML("Orders API",
			fieldPerm("Account.Industry", false, true),
			fieldPerm("Contact.Email", true, false),
			fieldPerm("Invoice__c.Amount__c", true, true),
			objectPerm("Invoice__c", true, false, false, false, false, false)),
	}
	r := tr.audit(t, Options{})
	assert.Equal(t, []string{
		"Account.Industry: editable requires readable",
		"Contact.Email is readable but no objectPermissions grant read on Contact",
		"Invoice__c.Amount__c is editable but object Invoice__c does not allow edit",
	}, messages(r, RuleFieldAccessWithoutObject))

	tr[profilePath("Orders_API")] = apiOnlyProfile(ipRangeXML("203.0.113.0", "203.0.113.255"))
	r = tr.audit(t, Options{
		Users:       mustUsers(t, usersJSON("orders.api@example.com", "Orders_API")),
		Assignments: mustAssignments(t, assignmentsJSON("orders.api@example.com", "Orders_API")),
	})
	var notes []string
	for _, f := range withRule(r, RuleFieldAccessWithoutObject) {
		if f.Severity == Info {
			notes = append(notes, f.Message)
		}
	}
	assert.Equal(t, []string{"field visibility for objects opened to this user also comes from profile Orders_API; the permission set does not limit it"}, notes)
}

// A connected app with scopes written in OAuth form and the wrong case,
// full access, nested scopes, and IP relaxation that undoes the run-as
// profile's login ranges.
func TestCaseScopesAndIPRelaxation(t *testing.T) {
	app := srcDir + "connectedApps/Orders_Sync.connectedApp-meta.xml"
	tr := tree{
		profilePath("Orders_API"): apiOnlyProfile(ipRangeXML("203.0.113.0", "203.0.113.255")),
		app: connectedAppXML(ccConfig("orders.sync@example.com", "Api", "Sfap", "Full")+
			"        <scopes>\n            <scopes>Api</scopes>\n        </scopes>\n",
			relaxation("BYPASS")),
	}
	r := tr.audit(t, Options{Users: mustUsers(t, usersJSON("orders.sync@example.com", "Orders_API"))})

	bypass := withRule(r, RuleIPRelaxationBypass)
	require.Len(t, bypass, 1)
	assert.Equal(t, High, bypass[0].Severity)
	assert.Equal(t, "ipRelaxation BYPASS makes the loginIpRanges of profile Orders_API ineffective for tokens from Orders_Sync", bypass[0].Message)

	scopes := messages(r, RuleBroadOAuthScope)
	assert.Contains(t, scopes, "oauthConfig/scopes must contain an enum value, not elements")
	assert.Contains(t, scopes, `unknown scope "Sfap" (values are case-sensitive; did you mean SFAP?)`)
	assert.Contains(t, scopes, "scope Full gives tokens from Orders_Sync everything the user can do, refresh tokens included; request Api instead")
	for _, f := range withRule(r, RuleBroadOAuthScope) {
		if f.Message == "scope Full gives tokens from Orders_Sync everything the user can do, refresh tokens included; request Api instead" {
			assert.Equal(t, High, f.Severity)
		}
	}

	// The profile binding of the app names the run-as profile without --users.
	tr[app] = connectedAppXML(ccConfig("orders.sync@example.com", "Api"), relaxation("BYPASS"),
		"    <profileName>Orders_API</profileName>\n")
	assert.Equal(t, []string{"ipRelaxation BYPASS makes the loginIpRanges of profile Orders_API ineffective for tokens from Orders_Sync"},
		messages(tr.audit(t, Options{}), RuleIPRelaxationBypass))
}

// An API-only profile whose password expires after 90 days.
func TestCasePasswordExpires(t *testing.T) {
	profile := profileXML(userPerm("ApiEnabled", true), userPerm("ApiUserOnly", true), ipRangeXML("203.0.113.0", "203.0.113.255"))
	policy := srcDir + "profilePasswordPolicies/Orders_API_profilePasswordPolicy1700000000000.profilePasswordPolicy-meta.xml"
	want := "API-only profile Orders_API: password expires every 90 days; password-based integrations fail with " +
		"INVALID_OPERATION_WITH_EXPIRED_PASSWORD; prefer client credentials or JWT bearer"

	t.Run("password-based integration", func(t *testing.T) {
		r := tree{profilePath("Orders_API"): profile, policy: passwordXML("Orders_API", 90)}.audit(t, Options{
			Users: mustUsers(t, usersJSON("orders.api@example.com", "Orders_API")),
		})
		got := withRule(r, RulePasswordExpires)
		require.Len(t, got, 1)
		assert.Equal(t, want, got[0].Message)
		assert.Equal(t, Medium, got[0].Severity)
		assert.Equal(t, "force-app/main/default/profilePasswordPolicies/Orders_API_profilePasswordPolicy1700000000000.profilePasswordPolicy-meta.xml", got[0].File)
		assert.Equal(t, 7, got[0].Line, "line of <passwordExpiration>")
	})
	t.Run("run-as user of a client-credentials app only", func(t *testing.T) {
		r := tree{
			profilePath("Orders_API"): profile,
			policy:                    passwordXML("Orders_API", 90),
			srcDir + "connectedApps/Orders_Sync.connectedApp-meta.xml": connectedAppXML(ccConfig("orders.sync@example.com", "Api"), relaxation("ENFORCE")),
		}.audit(t, Options{Users: mustUsers(t, usersJSON("orders.sync@example.com", "Orders_API"))})
		assert.Empty(t, withRule(r, RulePasswordExpires))
	})
}
