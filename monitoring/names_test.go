package monitoring

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfharden/sfharden/field"
)

func TestSpecPolicyNames(t *testing.T) {
	tests := []struct {
		name        string
		integration string
		wantQuery   string
		wantLogin   string
	}{
		{name: "plain name", integration: "NightlySync", wantQuery: "NightlySync_Rows", wantLogin: "NightlySync_Hours"},
		{name: "separators become one underscore", integration: "erp -- import", wantQuery: "erp_import_Rows", wantLogin: "erp_import_Hours"},
		{name: "underscores do not double", integration: "erp__import_", wantQuery: "erp_import_Rows", wantLogin: "erp_import_Hours"},
		{name: "leading separators dropped", integration: "  (EU) sync", wantQuery: "EU_sync_Rows", wantLogin: "EU_sync_Hours"},
		{name: "non-ASCII letters separate", integration: "Größe", wantQuery: "Gr_e_Rows", wantLogin: "Gr_e_Hours"},
		{name: "cut to 19 characters", integration: strings.Repeat("A", 30), wantQuery: strings.Repeat("A", 19) + "_Rows", wantLogin: strings.Repeat("A", 19) + "_Hours"},
		{name: "cut never ends in underscore", integration: strings.Repeat("A", 18) + "-B", wantQuery: strings.Repeat("A", 18) + "_Rows", wantLogin: strings.Repeat("A", 18) + "_Hours"},
		{name: "digit first has no name", integration: "3PL"},
		{name: "empty has no name", integration: ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			spec := Spec{Integration: tc.integration}
			assert.Equal(t, tc.wantQuery, spec.QueryPolicyName())
			assert.Equal(t, tc.wantLogin, spec.LoginPolicyName())
		})
	}
}

func TestPolicyNamesFollowSalesforceRules(t *testing.T) {
	inputs := []string{"NightlySync", "a", "erp import (EU) warehouse nightly batch", "x_" + strings.Repeat("9", 40), "A-B-C-D-E-F-G-H-I-J-K-L"}
	for _, input := range inputs {
		spec := Spec{Integration: input}
		for _, name := range []string{spec.QueryPolicyName(), spec.LoginPolicyName()} {
			kind, detail := checkPolicyName(name)
			assert.Zero(t, kind, "%q gives %q: %s", input, name, detail)
		}
		hours := spec.loginHoursPolicy()
		assert.LessOrEqual(t, len(hours.TestClassName()), 40, "Apex class names have at most 40 characters")
	}
}

func TestBuildAllReportsCollisions(t *testing.T) {
	spec := func(integration string) Spec {
		s := validSpec()
		s.Integration = integration
		return s
	}
	long := strings.Repeat("Warehouse", 3)

	tests := []struct {
		name  string
		specs []Spec
		want  []pathKind
	}{
		{name: "distinct names", specs: []Spec{spec("NightlySync"), spec("ErpImport")}},
		{name: "same name", specs: []Spec{spec("NightlySync"), spec("NightlySync")},
			want: []pathKind{{"[1].integration", field.Duplicate}}},
		// Salesforce treats developer names and Apex class names that
		// differ only in case as the same name.
		{name: "names differ in case", specs: []Spec{spec("NightlySync"), spec("nightlysync")},
			want: []pathKind{{"[1].integration", field.Duplicate}}},
		{name: "names differ in separators", specs: []Spec{spec("erp-import"), spec("erp import"), spec("erp_import")},
			want: []pathKind{{"[1].integration", field.Duplicate}, {"[2].integration", field.Duplicate}}},
		{name: "names differ after the cut", specs: []Spec{spec(long + "A"), spec(long + "B")},
			want: []pathKind{{"[1].integration", field.Duplicate}}},
		{name: "field errors carry the index", specs: []Spec{spec("NightlySync"), {Integration: "ErpImport", Username: "erp@example.com", MaxRowsPerQuery: 10}},
			want: []pathKind{{"[1].notify", field.Required}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			bundles, err := BuildAll(tc.specs)
			if diff := cmp.Diff(tc.want, pathKinds(t, err)); diff != "" {
				t.Errorf("errors mismatch (-want +got):\n%s\nerror: %v", diff, err)
			}
			if tc.want == nil {
				assert.Len(t, bundles, len(tc.specs))
			} else {
				assert.Nil(t, bundles)
			}
		})
	}
}

func TestBuildAllCollisionMessage(t *testing.T) {
	first, second := validSpec(), validSpec()
	second.Integration = "nightly sync"
	first.Integration = "Nightly-Sync"

	_, err := BuildAll([]Spec{first, second})
	require.Error(t, err)
	assert.Equal(t, `[1].integration: duplicate: "nightly sync": gives the same policy names (nightly_sync_Rows, nightly_sync_Hours) as integration "Nightly-Sync" at index 0, because the names keep 19 characters of the integration name and Salesforce ignores case in them; rename one of the two integrations`, err.Error())
}
