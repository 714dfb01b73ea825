package audit

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// tree is a source tree as file paths under force-app/main/default mapped
// to their content.
type tree map[string]string

// write puts the tree into a new temporary folder and returns it.
func (tr tree) write(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	for path, content := range tr {
		file := filepath.Join(root, filepath.FromSlash(path))
		require.NoError(t, os.MkdirAll(filepath.Dir(file), 0o755))
		require.NoError(t, os.WriteFile(file, []byte(content), 0o644))
	}
	return root
}

// audit runs the audit on the tree with opts, with paths relative to the
// tree's folder.
func (tr tree) audit(t *testing.T, opts Options) *Report {
	t.Helper()
	root := tr.write(t)
	opts.Paths = []string{root}
	opts.BaseDir = root
	if opts.Today.IsZero() {
		opts.Today = time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)
	}
	r, err := Run(opts)
	require.NoError(t, err)
	require.Empty(t, r.Problems, "every test file must parse")
	return r
}

// withRule returns the findings of one rule.
func withRule(r *Report, rule string) []Finding {
	var out []Finding
	for _, f := range r.Findings {
		if f.Rule == rule {
			out = append(out, f)
		}
	}
	return out
}

// messages returns the messages of the findings of one rule.
func messages(r *Report, rule string) []string {
	var out []string
	for _, f := range withRule(r, rule) {
		out = append(out, f.Message)
	}
	return out
}

const (
	srcDir  = "force-app/main/default/"
	xmlHead = `<?xml version="1.0" encoding="UTF-8"?>` + "\n"
	ns      = ` xmlns="http://soap.sforce.com/2006/04/metadata"`
)

func doc(root string, body ...string) string {
	return xmlHead + "<" + root + ns + ">\n" + strings.Join(body, "") + "</" + root + ">\n"
}

func profilePath(name string) string { return srcDir + "profiles/" + name + ".profile-meta.xml" }
func permSetPath(name string) string {
	return srcDir + "permissionsets/" + name + ".permissionset-meta.xml"
}

func profileXML(body ...string) string { return doc("Profile", body...) }

func permSetXML(label string, body ...string) string {
	return doc("PermissionSet", append([]string{"    <label>" + label + "</label>\n"}, body...)...)
}

func userPerm(name string, enabled bool) string {
	return fmt.Sprintf("    <userPermissions>\n        <enabled>%t</enabled>\n        <name>%s</name>\n    </userPermissions>\n", enabled, name)
}

func ipRangeXML(start, end string) string {
	return fmt.Sprintf("    <loginIpRanges>\n        <endAddress>%s</endAddress>\n        <startAddress>%s</startAddress>\n    </loginIpRanges>\n", end, start)
}

func objectPerm(object string, read, create, edit, del, viewAll, modifyAll bool) string {
	return fmt.Sprintf("    <objectPermissions>\n        <allowCreate>%t</allowCreate>\n        <allowDelete>%t</allowDelete>\n"+
		"        <allowEdit>%t</allowEdit>\n        <allowRead>%t</allowRead>\n        <modifyAllRecords>%t</modifyAllRecords>\n"+
		"        <object>%s</object>\n        <viewAllRecords>%t</viewAllRecords>\n    </objectPermissions>\n",
		create, del, edit, read, modifyAll, object, viewAll)
}

func fieldPerm(field string, readable, editable bool) string {
	return fmt.Sprintf("    <fieldPermissions>\n        <editable>%t</editable>\n        <field>%s</field>\n        <readable>%t</readable>\n    </fieldPermissions>\n",
		editable, field, readable)
}

// apiOnlyProfile is an API-only profile with every catalogued risky
// permission of tier high or above written as false, and the given extra
// elements.
func apiOnlyProfile(extra ...string) string {
	body := []string{"    <custom>true</custom>\n"}
	body = append(body, extra...)
	body = append(body, "    <userLicense>Salesforce</userLicense>\n")
	for _, name := range []string{"ApiEnabled", "ApiUserOnly", "PasswordNeverExpires"} {
		body = append(body, userPerm(name, true))
	}
	for _, name := range []string{
		"AssignPermissionSets", "AuthorApex", "BulkApiHardDelete", "BypassMFAForUiLogins", "CustomizeApplication",
		"DataExport", "ManageAuthProviders", "ManageCertificates", "ManageEncryptionKeys", "ManageInternalUsers",
		"ManageIpAddresses", "ManageLoginAccessPolicies", "ManageNamedCredentials", "ManagePasswordPolicies",
		"ManageProfilesPermissionsets", "ManageRemoteAccess", "ManageRoles", "ManageSharing", "ManageUsers",
		"ModifyAllData", "ModifyMetadata", "ResetPasswords", "TransactionSecurityExempt", "ViewAllData",
		"ViewClientSecret", "ViewEncryptedData",
	} {
		body = append(body, userPerm(name, false))
	}
	return profileXML(body...)
}

func sessionXML(profile string, timeout int) string {
	return doc("ProfileSessionSetting",
		"    <externalCommunityUserIdentityVerif>false</externalCommunityUserIdentityVerif>\n",
		"    <forceLogout>true</forceLogout>\n",
		"    <profile>"+profile+"</profile>\n",
		"    <sessionPersistence>false</sessionPersistence>\n",
		fmt.Sprintf("    <sessionTimeout>%d</sessionTimeout>\n", timeout),
		"    <sessionTimeoutWarning>false</sessionTimeoutWarning>\n")
}

func passwordXML(profile string, expiration int) string {
	return doc("ProfilePasswordPolicy",
		"    <lockoutInterval>15</lockoutInterval>\n",
		"    <maxLoginAttempts>3</maxLoginAttempts>\n",
		"    <minimumPasswordLength>20</minimumPasswordLength>\n",
		"    <passwordComplexity>4</passwordComplexity>\n",
		fmt.Sprintf("    <passwordExpiration>%d</passwordExpiration>\n", expiration),
		"    <passwordHistory>0</passwordHistory>\n",
		"    <passwordQuestion>1</passwordQuestion>\n",
		"    <profile>"+profile+"</profile>\n")
}

// connectedAppXML is a ConnectedApp with the given oauthConfig and
// oauthPolicy bodies and extra top-level elements.
func connectedAppXML(oauthConfig, oauthPolicy string, extra ...string) string {
	body := []string{"    <contactEmail>ops@example.com</contactEmail>\n", "    <label>App</label>\n"}
	body = append(body, "    <oauthConfig>\n        <callbackUrl>https://example.com/cb</callbackUrl>\n"+oauthConfig+"    </oauthConfig>\n")
	if oauthPolicy != "" {
		body = append(body, "    <oauthPolicy>\n"+oauthPolicy+"    </oauthPolicy>\n")
	}
	body = append(body, extra...)
	return doc("ConnectedApp", body...)
}

func ccConfig(user string, scopes ...string) string {
	s := "        <isAdminApproved>true</isAdminApproved>\n        <isClientCredentialEnabled>true</isClientCredentialEnabled>\n" +
		"        <oauthClientCredentialUser>" + user + "</oauthClientCredentialUser>\n"
	for _, scope := range scopes {
		s += "        <scopes>" + scope + "</scopes>\n"
	}
	return s
}

func relaxation(value string) string {
	return "        <ipRelaxation>" + value + "</ipRelaxation>\n        <refreshTokenPolicy>zero</refreshTokenPolicy>\n"
}

func tspXML(event string, active bool) string {
	return doc("TransactionSecurityPolicy",
		"    <action>\n        <block>false</block>\n        <endSession>false</endSession>\n        <freezeUser>false</freezeUser>\n"+
			"        <twoFactorAuthentication>false</twoFactorAuthentication>\n    </action>\n",
		fmt.Sprintf("    <active>%t</active>\n", active),
		"    <eventName>"+event+"</eventName>\n",
		"    <masterLabel>Watch</masterLabel>\n",
		"    <type>CustomConditionBuilderPolicy</type>\n")
}

// usersJSON is what sf data query --json prints for the User query, for
// users given as username, profile label pairs.
func usersJSON(pairs ...string) []byte {
	var records []string
	for i := 0; i+1 < len(pairs); i += 2 {
		records = append(records, fmt.Sprintf(`{"attributes":{"type":"User"},"Username":%q,"IsActive":true,`+
			`"Profile":{"attributes":{"type":"Profile"},"Name":%q},"UserType":"Standard"}`, pairs[i], pairs[i+1]))
	}
	return []byte(fmt.Sprintf(`{"status":0,"result":{"records":[%s],"totalSize":%d,"done":true}}`,
		strings.Join(records, ","), len(records)))
}

// assignmentsJSON is what sf data query --json prints for the
// PermissionSetAssignment query, for username, permission set pairs.
func assignmentsJSON(pairs ...string) []byte {
	var records []string
	for i := 0; i+1 < len(pairs); i += 2 {
		records = append(records, fmt.Sprintf(`{"attributes":{"type":"PermissionSetAssignment"},`+
			`"Assignee":{"attributes":{"type":"User"},"Username":%q},"PermissionSet":{"attributes":{"type":"PermissionSet"},"Name":%q},"PermissionSetGroup":null}`,
			pairs[i], pairs[i+1]))
	}
	return []byte(fmt.Sprintf(`{"status":0,"result":{"records":[%s],"totalSize":%d,"done":true}}`,
		strings.Join(records, ","), len(records)))
}

func mustUsers(t *testing.T, data []byte) []User {
	t.Helper()
	users, err := ParseUsers(data)
	require.NoError(t, err)
	return users
}

func mustAssignments(t *testing.T, data []byte) []Assignment {
	t.Helper()
	a, err := ParseAssignments(data)
	require.NoError(t, err)
	return a
}
