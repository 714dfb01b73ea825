package audit

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// ruleCase is an input that must give at least one finding of rule, and
// one, close to it, that must give none.
type ruleCase struct {
	rule    string
	why     string
	trigger tree
	pass    tree
	opts    func(t *testing.T) Options
}

func appPath(name string) string { return srcDir + "connectedApps/" + name + ".connectedApp-meta.xml" }

var (
	safeRanges = ipRangeXML("203.0.113.0", "203.0.113.255")
	ccApp      = connectedAppXML(ccConfig("orders.api@example.com", "Api"), relaxation("ENFORCE"),
		"    <profileName>Orders_API</profileName>\n")
)

func ruleCases() []ruleCase {
	return []ruleCase{
		{rule: RuleDangerousUserPermission, why: "an API-only profile with Modify All Data can change every record",
			trigger: tree{profilePath("Orders_API"): profileXML(userPerm("ApiUserOnly", true), userPerm("ModifyAllData", true))},
			pass:    tree{profilePath("Orders_API"): profileXML(userPerm("ApiUserOnly", true), userPerm("ModifyAllData", false))}},
		{rule: RuleDangerousObjectPermission, why: "View All on an object ignores sharing",
			trigger: tree{permSetPath("Orders_API"): permSetXML("O", userPerm("ApiUserOnly", true), objectPerm("Account", true, false, false, false, true, false))},
			pass:    tree{permSetPath("Orders_API"): permSetXML("O", userPerm("ApiUserOnly", true), objectPerm("Account", true, false, false, false, false, false))}},
		{rule: RuleSystemAdministrator, why: "the run-as user of a client-credentials app is a System Administrator",
			trigger: tree{appPath("Orders_Sync"): connectedAppXML(ccConfig("orders.api@example.com", "Api"), relaxation("ENFORCE"))},
			pass:    tree{appPath("Orders_Sync"): connectedAppXML(ccConfig("orders.api@example.com", "Api"), relaxation("ENFORCE"))},
			opts: func(t *testing.T) Options {
				if t.Name() == "TestRules/"+RuleSystemAdministrator+"/pass" {
					return Options{Users: mustUsers(t, usersJSON("orders.api@example.com", "Orders_API"))}
				}
				return Options{Users: mustUsers(t, usersJSON("orders.api@example.com", "System Administrator"))}
			}},
		{rule: RuleAPIOnlyMissing, why: "a profile bound to a client-credentials app lets its users into the UI",
			trigger: tree{profilePath("Orders_API"): profileXML(userPerm("ApiEnabled", true)), appPath("Orders_Sync"): ccApp},
			pass:    tree{profilePath("Orders_API"): profileXML(userPerm("ApiEnabled", true), userPerm("ApiUserOnly", true)), appPath("Orders_Sync"): ccApp}},
		{rule: RuleLoginIPRangesMissing, why: "an API-only profile without ranges works from any address",
			trigger: tree{profilePath("Orders_API"): apiOnlyProfile()},
			pass:    tree{profilePath("Orders_API"): apiOnlyProfile(safeRanges)}},
		{rule: RuleLoginIPRangeTooBroad, why: "a /4 admits a sixteenth of the internet",
			trigger: tree{profilePath("Orders_API"): profileXML(ipRangeXML("64.0.0.0", "79.255.255.255"))},
			pass:    tree{profilePath("Orders_API"): profileXML(safeRanges)}},
		{rule: RuleLoginIPRangeInvalid, why: "an end below the start is rejected on deploy",
			trigger: tree{profilePath("Orders_API"): profileXML(ipRangeXML("10.0.0.9", "10.0.0.1"))},
			pass:    tree{profilePath("Orders_API"): profileXML(ipRangeXML("10.0.0.1", "10.0.0.9"))}},
		{rule: RuleIPRelaxationBypass, why: "BYPASS skips the login ranges of every user of the app",
			trigger: tree{appPath("Orders_Sync"): connectedAppXML(ccConfig("orders.api@example.com", "Api"), relaxation("BYPASS"))},
			pass:    tree{appPath("Orders_Sync"): connectedAppXML(ccConfig("orders.api@example.com", "Api"), relaxation("ENFORCE"))}},
		{rule: RulePasswordExpires, why: "the password of an API-only user without client credentials expires",
			trigger: tree{profilePath("Orders_API"): profileXML(userPerm("ApiUserOnly", true)),
				srcDir + "profilePasswordPolicies/P.profilePasswordPolicy-meta.xml": passwordXML("Orders_API", 60)},
			pass: tree{profilePath("Orders_API"): profileXML(userPerm("ApiUserOnly", true)),
				srcDir + "profilePasswordPolicies/P.profilePasswordPolicy-meta.xml": passwordXML("Orders_API", 0)}},
		{rule: RuleSessionTimeoutTooLong, why: "a two-hour session outlives a stolen session ID's use",
			trigger: tree{profilePath("Orders_API"): apiOnlyProfile(safeRanges),
				srcDir + "profileSessionSettings/S.profileSessionSetting-meta.xml": sessionXML("Orders_API", 120)},
			pass: tree{profilePath("Orders_API"): apiOnlyProfile(safeRanges),
				srcDir + "profileSessionSettings/S.profileSessionSetting-meta.xml": sessionXML("Orders_API", 15)}},
		{rule: RuleSharedIntegrationUser, why: "two tools share one run-as user",
			trigger: tree{appPath("Orders_Sync"): connectedAppXML(ccConfig("shared@example.com", "Api"), relaxation("ENFORCE")),
				appPath("Billing_Sync"): connectedAppXML(ccConfig("shared@example.com", "Api"), relaxation("ENFORCE"))},
			pass: tree{appPath("Orders_Sync"): connectedAppXML(ccConfig("orders@example.com", "Api"), relaxation("ENFORCE")),
				appPath("Billing_Sync"): connectedAppXML(ccConfig("billing@example.com", "Api"), relaxation("ENFORCE"))}},
		{rule: RuleConsumerSecretInSource, why: "a secret in the repository lets anyone request tokens",
			trigger: tree{appPath("Orders_Sync"): connectedAppXML(ccConfig("o@example.com", "Api")+"        <consumerSecret>ABC123</consumerSecret>\n", relaxation("ENFORCE"))},
			pass:    tree{appPath("Orders_Sync"): connectedAppXML(ccConfig("o@example.com", "Api"), relaxation("ENFORCE"))}},
		{rule: RuleConsumerKeyInSource, why: "the key ties the file to one org",
			trigger: tree{appPath("Orders_Sync"): connectedAppXML(ccConfig("o@example.com", "Api")+"        <consumerKey>3MVG9</consumerKey>\n", relaxation("ENFORCE"))},
			pass:    tree{appPath("Orders_Sync"): connectedAppXML(ccConfig("o@example.com", "Api"), relaxation("ENFORCE"))}},
		{rule: RuleBroadOAuthScope, why: "full grants everything the user can do",
			trigger: tree{appPath("Orders_Sync"): connectedAppXML(ccConfig("o@example.com", "Full"), relaxation("ENFORCE"))},
			pass:    tree{appPath("Orders_Sync"): connectedAppXML(ccConfig("o@example.com", "Api"), relaxation("ENFORCE"))}},
		{rule: RuleSelfAuthorizationAllowed, why: "any user may authorize the integration's app",
			trigger: tree{appPath("Orders_Sync"): connectedAppXML("        <isClientCredentialEnabled>true</isClientCredentialEnabled>\n"+
				"        <oauthClientCredentialUser>o@example.com</oauthClientCredentialUser>\n        <scopes>Api</scopes>\n", relaxation("ENFORCE"))},
			pass: tree{appPath("Orders_Sync"): connectedAppXML(ccConfig("o@example.com", "Api"), relaxation("ENFORCE"))}},
		{rule: RulePermissionNotRevoked, why: "a permission left out of a profile is not turned off by a deploy",
			trigger: tree{profilePath("Orders_API"): profileXML(userPerm("ApiEnabled", true), userPerm("ApiUserOnly", true))},
			pass:    tree{profilePath("Orders_API"): apiOnlyProfile()}},
		{rule: RuleMissingPermissionDependency, why: "Modify All Data cannot be on without View All Data",
			trigger: tree{permSetPath("Admin_Lite"): permSetXML("A", userPerm("ManageRoles", true))},
			pass:    tree{permSetPath("Admin_Lite"): permSetXML("A", userPerm("ManageRoles", true), userPerm("ViewRoles", true))}},
		{rule: RuleFieldAccessWithoutObject, why: "a readable field of an unreadable object hides a mistake",
			trigger: tree{permSetPath("Orders_API"): permSetXML("O", fieldPerm("Contact.Email", true, false))},
			pass: tree{permSetPath("Orders_API"): permSetXML("O", fieldPerm("Contact.Email", true, false),
				objectPerm("Contact", true, false, false, false, false, false))}},
		{rule: RuleFieldAccessUnknown, why: "a profile-only retrieve has no field permissions",
			trigger: tree{profilePath("Orders_API"): profileXML(userPerm("ApiUserOnly", true))},
			pass: tree{profilePath("Orders_API"): profileXML(userPerm("ApiUserOnly", true)),
				srcDir + "objects/Account/fields/Industry__c.field-meta.xml": doc("CustomField", "    <fullName>Industry__c</fullName>\n")}},
		{rule: RuleGroupMemberMissing, why: "a group member outside the tree cannot be audited",
			trigger: tree{permSetPath("Orders_Read"): permSetXML("R"),
				srcDir + "permissionsetgroups/Orders_Bundle.permissionsetgroup-meta.xml": doc("PermissionSetGroup",
					"    <label>B</label>\n    <permissionSets>Orders_Missing</permissionSets>\n    <permissionSets>Orders_Read</permissionSets>\n")},
			pass: tree{permSetPath("Orders_Read"): permSetXML("R"),
				srcDir + "permissionsetgroups/Orders_Bundle.permissionsetgroup-meta.xml": doc("PermissionSetGroup",
					"    <label>B</label>\n    <permissionSets>Orders_Read</permissionSets>\n")}},
		{rule: RuleDuplicateSessionSetting, why: "two session settings for one profile hide which applies",
			trigger: tree{srcDir + "profileSessionSettings/A.profileSessionSetting-meta.xml": sessionXML("Orders_API", 15),
				srcDir + "profileSessionSettings/B.profileSessionSetting-meta.xml": sessionXML("Orders_API", 240)},
			pass: tree{srcDir + "profileSessionSettings/A.profileSessionSetting-meta.xml": sessionXML("Orders_API", 15),
				srcDir + "profileSessionSettings/B.profileSessionSetting-meta.xml": sessionXML("Billing_API", 15)}},
		{rule: RuleDuplicatePasswordPolicy, why: "two password policies for one profile hide which applies",
			trigger: tree{srcDir + "profilePasswordPolicies/A.profilePasswordPolicy-meta.xml": passwordXML("Orders_API", 0),
				srcDir + "profilePasswordPolicies/B.profilePasswordPolicy-meta.xml": passwordXML("Orders_API", 90)},
			pass: tree{srcDir + "profilePasswordPolicies/A.profilePasswordPolicy-meta.xml": passwordXML("Orders_API", 0)}},
		{rule: RuleNoEventMonitoring, why: "nothing alerts on what the integration user does",
			trigger: tree{profilePath("Orders_API"): apiOnlyProfile(safeRanges),
				srcDir + "transactionSecurityPolicies/W.transactionSecurityPolicy-meta.xml": tspXML("ApiEvent", false)},
			pass: tree{profilePath("Orders_API"): apiOnlyProfile(safeRanges),
				srcDir + "transactionSecurityPolicies/W.transactionSecurityPolicy-meta.xml": tspXML("ApiEvent", true)}},
		{rule: RuleUsernamePasswordFlowAllowed, why: "the org lets clients send passwords for tokens",
			trigger: tree{srcDir + "settings/OauthOidc.settings-meta.xml": doc("OauthOidcSettings", "    <blockOAuthUsrAgtFlow>true</blockOAuthUsrAgtFlow>\n")},
			pass:    tree{srcDir + "settings/OauthOidc.settings-meta.xml": doc("OauthOidcSettings", "    <blockOAuthUnPwFlow>true</blockOAuthUnPwFlow>\n")}},
		{rule: RuleSpecDrift, why: "the org's ranges differ from the spec",
			trigger: driftedTree(),
			pass:    hardenedTree(),
			opts: func(t *testing.T) Options {
				return Options{Expected: []Expectation{{Name: "Orders_API", Username: "orders.api@example.com",
					AllowRanges: []string{"203.0.113.0/24"}, SessionTimeout: 15, Scopes: []string{"Api"},
					AppType: "ExternalClientApplication", SpecFile: "spec.yaml", Line: 3}}}
			}},
	}
}

func TestRules(t *testing.T) {
	covered := map[string]bool{}
	for _, c := range ruleCases() {
		covered[c.rule] = true
		t.Run(c.rule, func(t *testing.T) {
			t.Run("trigger", func(t *testing.T) {
				opts := Options{}
				if c.opts != nil {
					opts = c.opts(t)
				}
				got := withRule(c.trigger.audit(t, opts), c.rule)
				require.NotEmpty(t, got, "want a finding: %s", c.why)
				for _, f := range got {
					assert.NotEmpty(t, f.File, "finding %q has no file", f.Message)
					assert.NotEmpty(t, f.Fix)
				}
			})
			t.Run("pass", func(t *testing.T) {
				opts := Options{}
				if c.opts != nil {
					opts = c.opts(t)
				}
				assert.Empty(t, withRule(c.pass.audit(t, opts), c.rule))
			})
		})
	}
	for _, r := range Rules() {
		assert.True(t, covered[r.ID], "rule %s has no test case", r.ID)
	}
}

func TestRulesDocumented(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("RULES.md"))
	require.NoError(t, err)
	for _, r := range Rules() {
		assert.Regexp(t, regexp.MustCompile("(?m)^\\| `"+regexp.QuoteMeta(r.ID)+"` \\| "+r.Severity.String()+" \\|"), string(data),
			"RULES.md lists rule %s with severity %s", r.ID, r.Severity)
	}
}

// driftedTree is the hardened tree after someone widened the profile's
// login range by hand.
func driftedTree() tree {
	tr := hardenedTree()
	tr[profilePath("Orders_API")] = apiOnlyProfile(ipRangeXML("198.51.100.0", "198.51.100.255"))
	return tr
}

// An mdapi folder, as sf project retrieve --target-metadata-dir writes it,
// is audited like a source tree.
func TestMdapiFolder(t *testing.T) {
	r := tree{
		"package.xml": doc("Package", "    <types>\n        <members>Orders_API</members>\n        <name>Profile</name>\n    </types>\n    <version>62.0</version>\n"),
		"profiles/Orders_API.profile": profileXML(userPerm("ApiEnabled", true), userPerm("ApiUserOnly", true),
			ipRangeXML("0.0.0.0", "255.255.255.255")),
	}.audit(t, Options{})
	got := withRule(r, RuleLoginIPRangeTooBroad)
	require.Len(t, got, 1)
	assert.Equal(t, "profiles/Orders_API.profile", got[0].File)
	assert.Equal(t, "Orders_API", got[0].Component)
	assert.Equal(t, []string{"field-level access for Orders_API is unknown: the retrieve did not include any objects"},
		messages(r, RuleFieldAccessUnknown))
}
