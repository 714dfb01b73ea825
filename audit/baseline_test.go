package audit

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseBaseline(t *testing.T) {
	tests := []struct {
		name    string
		input   string
		wantErr string
	}{
		{"complete entry", `{"accepted":[{"rule":"login-ip-ranges-missing","component":"Orders_API","reason":"r","expires":"2025-09-30"}]}`, ""},
		{"missing reason", `{"accepted":[{"rule":"login-ip-ranges-missing","component":"Orders_API","expires":"2025-09-30"}]}`, "missing reason"},
		{"missing expiry", `{"accepted":[{"rule":"login-ip-ranges-missing","component":"Orders_API","reason":"r"}]}`, "missing expires"},
		{"bad date", `{"accepted":[{"rule":"login-ip-ranges-missing","component":"Orders_API","reason":"r","expires":"30/09/2025"}]}`, `invalid expires "30/09/2025"`},
		{"unknown rule", `{"accepted":[{"rule":"no-such-rule","component":"Orders_API","reason":"r","expires":"2025-09-30"}]}`, `unknown rule "no-such-rule"`},
		{"unknown field", `{"accepted":[{"rule":"login-ip-ranges-missing","component":"O","reason":"r","expires":"2025-09-30","until":"x"}]}`, "unknown field"},
		{"byte order mark", "\xef\xbb\xbf" + `{"accepted":[]}`, ""},
		{"wrong shape", `{"accepted":{"rule":"x"}}`, `"accepted" is a JSON object, expected an array`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseBaseline([]byte(tt.input))
			if tt.wantErr == "" {
				assert.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.wantErr)
			assert.NotContains(t, err.Error(), "audit.", "error names a Go type")
		})
	}
}

func TestBaselineSuppressesUntilExpiry(t *testing.T) {
	entry := BaselineEntry{Rule: RuleLoginIPRangesMissing, Component: "Orders_API", Reason: "partner moves to fixed egress", Expires: "2025-06-01"}
	tr := tree{profilePath("Orders_API"): apiOnlyProfile()}

	onExpiryDay := tr.audit(t, Options{Baseline: []BaselineEntry{entry}, Today: time.Date(2025, 6, 1, 23, 0, 0, 0, time.UTC)})
	assert.Empty(t, withRule(onExpiryDay, RuleLoginIPRangesMissing), "the entry applies through its expiry day")
	assert.Len(t, onExpiryDay.Suppressed, 1)
	assert.Empty(t, onExpiryDay.ExpiredBaseline)

	dayAfter := tr.audit(t, Options{Baseline: []BaselineEntry{entry}, Today: time.Date(2025, 6, 2, 0, 0, 0, 0, time.UTC)})
	assert.Len(t, withRule(dayAfter, RuleLoginIPRangesMissing), 1, "an expired entry stops suppressing")
	assert.Equal(t, []BaselineEntry{entry}, dayAfter.ExpiredBaseline)
	assert.Empty(t, dayAfter.Suppressed)
}

func TestRunRejectsIncompleteBaseline(t *testing.T) {
	_, err := Run(Options{Paths: []string{t.TempDir()}, Baseline: []BaselineEntry{{Rule: RuleLoginIPRangesMissing, Component: "O"}}})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "missing reason, expires")
}

func TestParseQueryResults(t *testing.T) {
	users, err := ParseUsers(usersJSON("a@example.com", "System Administrator"))
	require.NoError(t, err)
	assert.Equal(t, []User{{Username: "a@example.com", Active: true, Profile: "System Administrator", UserType: "Standard"}}, users)

	_, err = ParseUsers([]byte(`{"status":1,"message":"INVALID_SESSION_ID"}`))
	assert.ErrorContains(t, err, "status 1")
	_, err = ParseUsers([]byte(`[]`))
	assert.ErrorContains(t, err, "invalid query result")

	group := []byte(`{"status":0,"result":{"records":[{"Assignee":{"Username":"a@example.com"},"PermissionSet":{"Name":"X00e5"},"PermissionSetGroup":{"DeveloperName":"Orders_Bundle"}}]}}`)
	assignments, err := ParseAssignments(group)
	require.NoError(t, err)
	assert.Equal(t, []Assignment{{Username: "a@example.com", PermissionSet: "X00e5", PermissionSetGroup: "Orders_Bundle"}}, assignments)
}
