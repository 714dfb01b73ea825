package audit

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSessionTimeout(t *testing.T) {
	tests := []struct {
		name     string
		timeout  int
		severity Severity // of the finding; -1 for none
		message  string
	}{
		{"template value", 15, -1, ""},
		{"half an hour", 30, Low, "time out after 30 minutes"},
		{"four hours", 240, Medium, "time out after 240 minutes"},
		{"no profile timeout", 0, Medium, "sessionTimeout 0 sets no timeout for integration profile Orders_API, so the org's default timeout, up to 24 hours, applies"},
		{"negative", -5, Medium, "sessionTimeout -5 of integration profile Orders_API is invalid"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := tree{
				profilePath("Orders_API"): apiOnlyProfile(safeRanges),
				srcDir + "profileSessionSettings/S.profileSessionSetting-meta.xml": sessionXML("Orders_API", tt.timeout),
			}.audit(t, Options{})
			got := withRule(r, RuleSessionTimeoutTooLong)
			if tt.severity < 0 {
				assert.Empty(t, got)
				return
			}
			require.Len(t, got, 1)
			assert.Equal(t, tt.severity, got[0].Severity)
			assert.Contains(t, got[0].Message, tt.message)
			assert.Equal(t, 7, got[0].Line, "the line of <sessionTimeout>")
		})
	}
}

// Each scope finding points at its own <scopes> element, and a scope
// outside the enum is medium, as RULES.md documents.
func TestScopeFindingsAtTheirLines(t *testing.T) {
	app := connectedAppXML(ccConfig("o@example.com", "Api", "Full", "RefreshToken", "api"), relaxation("ENFORCE"))
	r := tree{appPath("Orders_Sync"): app}.audit(t, Options{})

	var got []string
	for _, f := range withRule(r, RuleBroadOAuthScope) {
		got = append(got, fmt.Sprintf("%d %s %.14s", f.Line, f.Severity, f.Message))
	}
	assert.Equal(t, []string{
		"11 high scope Full giv",
		"12 medium scope RefreshT",
		"13 medium unknown scope ",
	}, got)
}

func TestGroupMemberMissingAtItsLine(t *testing.T) {
	r := tree{
		permSetPath("Orders_Read"): permSetXML("R"),
		srcDir + "permissionsetgroups/Orders_Bundle.permissionsetgroup-meta.xml": doc("PermissionSetGroup",
			"    <label>B</label>\n    <permissionSets>Orders_Read</permissionSets>\n    <permissionSets>Orders_Missing</permissionSets>\n"),
	}.audit(t, Options{})
	got := withRule(r, RuleGroupMemberMissing)
	require.Len(t, got, 1)
	assert.Equal(t, 5, got[0].Line)
}

// Both apps that share a run-as user are shown, each at its own element.
func TestSharedUserNamesEveryApp(t *testing.T) {
	r := tree{appPath("Orders_Sync"): connectedAppXML(ccConfig("shared@example.com", "Api"), relaxation("ENFORCE")),
		appPath("Billing_Sync"): connectedAppXML(ccConfig("shared@example.com", "Api"), relaxation("ENFORCE")),
	}.audit(t, Options{})
	var files []string
	for _, f := range withRule(r, RuleSharedIntegrationUser) {
		files = append(files, fmt.Sprintf("%s:%d", f.File, f.Line))
	}
	assert.Equal(t, []string{
		"force-app/main/default/connectedApps/Billing_Sync.connectedApp-meta.xml:9",
		"force-app/main/default/connectedApps/Orders_Sync.connectedApp-meta.xml:9",
	}, files)
}
