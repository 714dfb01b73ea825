package audit

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseUsersInputs(t *testing.T) {
	tests := []struct {
		name  string
		data  []byte
		users int
		error string
	}{
		{"byte order mark", append([]byte("\xef\xbb\xbf"), usersJSON("a@example.com", "Orders_API")...), 1, ""},
		{"duplicate username", usersJSON("a@example.com", "Orders_API", "A@example.com", "Admin"), 0,
			`records 0 and 1 both have Username "A@example.com"`},
		{"wrong type", []byte(`{"status":0,"result":{"records":"none"}}`), 0, `"result.records" is a JSON string, expected an array`},
		{"not an object", []byte(`[]`), 0, "the document is a JSON array, expected an object"},
		{"truncated", []byte(`{"status":0,"result":{`), 0, "unexpected end of JSON input"},
		{"syntax error", []byte(`{"status":0,}`), 0, "at byte 13"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			users, err := ParseUsers(tt.data)
			if tt.error == "" {
				require.NoError(t, err)
				assert.Len(t, users, tt.users)
				return
			}
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.error)
			assert.NotContains(t, err.Error(), "audit.", "error names a Go type")
		})
	}
}

// What --users and --assignments leave open is listed, never dropped.
func TestUsersNotChecked(t *testing.T) {
	app := tree{appPath("Orders_Sync"): connectedAppXML(ccConfig("etl@example.com", "Api"), relaxation("ENFORCE")),
		profilePath("Orders_API"): apiOnlyProfile(safeRanges)}
	nullProfile := []byte(`{"status":0,"result":{"records":[{"Username":"etl@example.com","IsActive":true,"Profile":null}]}}`)
	groupRow := []byte(`{"status":0,"result":{"records":[{"Assignee":{"Username":"etl@example.com"},"PermissionSet":{"Name":"X00e5000000abcd"},` +
		`"PermissionSetGroup":{"DeveloperName":"Ghost_Group"}}]}}`)

	tests := []struct {
		name string
		opts Options
		want string
	}{
		{"empty users file", Options{Users: mustUsers(t, usersJSON()), UsersFile: "users.json"},
			"profile of run-as user etl@example.com of Orders_Sync: the user is not in users file users.json"},
		{"user without profile", Options{Users: mustUsers(t, nullProfile)},
			"profile of run-as user etl@example.com of Orders_Sync: the users file gives no Profile.Name for the user"},
		{"missing permission set", Options{Assignments: mustAssignments(t, assignmentsJSON("etl@example.com", "Missing_PS"))},
			"permission set Missing_PS assigned to integration user etl@example.com: not in the tree"},
		{"missing group", Options{Assignments: mustAssignments(t, groupRow)},
			"permission set group Ghost_Group assigned to integration user etl@example.com: not in the tree"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := app.audit(t, tt.opts)
			assert.Contains(t, r.NotChecked, tt.want)
			if tt.opts.Users != nil {
				assert.NotContains(t, r.NotChecked, "profiles of the run-as users of client-credentials apps: pass --users")
			}
		})
	}
}

// A JWT bearer app has no run-as user, but the profile it is bound to, by
// label as ConnectedApp profileName holds it, is an integration's.
func TestOAuthBindingsAreIntegrations(t *testing.T) {
	jwt := connectedAppXML("        <certificate>MIIB</certificate>\n        <isAdminApproved>true</isAdminApproved>\n        <scopes>Api</scopes>\n",
		relaxation("ENFORCE"), "    <profileName>System Administrator</profileName>\n")
	eca := doc("ExtlClntAppOauthConfigurablePolicies",
		"    <commaSeparatedPermissionSet>Sync_Access</commaSeparatedPermissionSet>\n"+
			"    <externalClientApplication>Sync</externalClientApplication>\n"+
			"    <ipRelaxationPolicyType>Enforce</ipRelaxationPolicyType>\n")
	r := tree{
		appPath("Nightly_Job"):     jwt,
		profilePath("Admin"):       profileXML(userPerm("ModifyAllData", true), userPerm("ViewAllData", true)),
		permSetPath("Sync_Access"): permSetXML("S", userPerm("AuthorApex", true), userPerm("ModifyMetadata", true)),
		srcDir + "extlClntAppOauthPolicies/Sync_oauthPlcy.ecaOauthPlcy-meta.xml": eca,
	}.audit(t, Options{})

	assert.Equal(t, []string{"OAuth app Nightly_Job is bound to profile System Administrator"}, messages(r, RuleSystemAdministrator))
	var flagged []string
	for _, f := range withRule(r, RuleDangerousUserPermission) {
		flagged = append(flagged, f.Component+": "+strings.SplitN(f.Message, ":", 2)[0])
	}
	assert.Contains(t, flagged, "Admin: ModifyAllData is enabled for an integration user (bound to OAuth app Nightly_Job)")
	assert.Contains(t, flagged, "Sync_Access: AuthorApex is enabled for an integration user (bound to OAuth app Sync)")
	assert.NotContains(t, r.NotChecked, "integration profile System Administrator (bound to OAuth app Nightly_Job): not in the tree")
}

// Four integration users share one permission set; the reason the report
// gives for it must not depend on map order or on the number of workers.
func TestOutputIsDeterministic(t *testing.T) {
	tr := hardenedTree()
	tr[permSetPath("OrgWide_ModifyAll")] = permSetXML("M", userPerm("ModifyAllData", true), userPerm("ViewAllData", true))
	tr[srcDir+"extlClntAppOauthSettings/Orders_API_oauth2.ecaOauth-meta.xml"] = doc("ExtlClntAppOauthSettings",
		"    <commaSeparatedOauthScopes>Api, Full</commaSeparatedOauthScopes>\n    <externalClientApplication>Orders_API</externalClientApplication>\n")
	var userPairs, assignmentPairs []string
	for i := range 4 {
		user := fmt.Sprintf("int%d@example.com", i)
		userPairs = append(userPairs, user, "Orders_API")
		assignmentPairs = append(assignmentPairs, user, "OrgWide_ModifyAll")
	}
	root := tr.write(t)

	var first []byte
	for run := range 6 {
		r, err := Run(Options{Paths: []string{root}, BaseDir: root, Workers: 1 + run%4,
			Users: mustUsers(t, usersJSON(userPairs...)), Assignments: mustAssignments(t, assignmentsJSON(assignmentPairs...))})
		require.NoError(t, err)
		var out bytes.Buffer
		require.NoError(t, WriteJSON(&out, r))
		if run == 0 {
			first = out.Bytes()
			assert.Contains(t, out.String(), "assigned to integration user int0@example.com")
			continue
		}
		assert.Equal(t, string(first), out.String(), "run %d differs from run 0", run)
	}
}
