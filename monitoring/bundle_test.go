package monitoring

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfharden/sfharden/internal/testenv"
)

// bundleGoldenCases are the specs whose files are kept under
// testdata/bundle/<name>/.
var bundleGoldenCases = []struct {
	name string
	spec Spec
}{
	{
		name: "both-policies",
		spec: Spec{
			Integration:     "NightlySync",
			Username:        "${SF_NIGHTLY_USER}",
			MaxRowsPerQuery: 2000,
			ActiveHours:     "01:00-05:00",
			TimeZone:        "Europe/Berlin",
			Notify:          []string{"${SF_ADMIN_USERNAME}", "security@example.com"},
		},
	},
	{
		// Blocking is opt-in. The name is long and has separators, so the
		// developer names cut and clean it while the labels keep it
		// whole. The flow gets the username in lower case.
		name: "query-blocks-long-name",
		spec: Spec{
			Integration:     "erp-import (EU) warehouse nightly",
			Username:        "ERP.Import@Example.com",
			MaxRowsPerQuery: 50000,
			Notify:          []string{"admin@example.com"},
			Block:           true,
		},
	},
	{
		name: "login-only-label",
		spec: Spec{
			Integration: "Billing",
			Label:       "Billing Export (O'Brien)",
			Username:    "o'brien.api@example.co.uk",
			ActiveHours: "22:00-04:00",
			TimeZone:    "America/New_York",
			Notify:      []string{"admin@example.com"},
			Block:       true,
			APIVersion:  "62.0",
		},
	},
}

func TestBuildGolden(t *testing.T) {
	for _, tc := range bundleGoldenCases {
		t.Run(tc.name, func(t *testing.T) {
			bundle, err := Build(tc.spec)
			require.NoError(t, err)
			files, err := bundle.Files()
			require.NoError(t, err)

			dir := filepath.Join("testdata", "bundle", tc.name)
			if updateGolden() {
				require.NoError(t, os.RemoveAll(dir))
				writeFiles(t, dir, files)
			}

			var want []string
			require.NoError(t, filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
				if err == nil && !d.IsDir() {
					rel, _ := filepath.Rel(dir, path)
					want = append(want, filepath.ToSlash(rel))
				}
				return err
			}), "run go test ./monitoring/ -update to create the golden files")
			var got []string
			for _, file := range files {
				got = append(got, file.Path)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("file list mismatch (-want +got):\n%s", diff)
			}

			for _, file := range files {
				golden, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(file.Path)))
				if err != nil {
					t.Errorf("%v; run go test ./monitoring/ -update", err)
					continue
				}
				if diff := cmp.Diff(string(golden), string(file.Content)); diff != "" {
					t.Errorf("%s mismatch (-want +got):\n%s", file.Path, diff)
				}
			}
		})
	}
}

func TestBuildGoldenFilesMatchSchema(t *testing.T) {
	var xmlFiles []string
	for _, tc := range bundleGoldenCases {
		bundle, err := Build(tc.spec)
		require.NoError(t, err, tc.name)
		files, err := bundle.Files()
		require.NoError(t, err, tc.name)

		dir := filepath.Join(t.TempDir(), tc.name)
		writeFiles(t, dir, files)
		for _, file := range files {
			if strings.HasSuffix(file.Path, ".xml") {
				xmlFiles = append(xmlFiles, filepath.Join(dir, filepath.FromSlash(file.Path)))
			}
		}
	}
	require.Len(t, xmlFiles, 10)
	testenv.ValidateXML(t, xmlFiles...)
}

func TestBuildComponents(t *testing.T) {
	bundle, err := Build(bundleGoldenCases[0].spec)
	require.NoError(t, err)

	type entry struct{ Type, FullName, Path string }
	var got []entry
	for _, c := range bundle.Components {
		got = append(got, entry{c.Type, c.FullName, c.Path})
	}
	want := []entry{
		{TypeTransactionSecurityPolicy, "NightlySync_Rows", "transactionSecurityPolicies/NightlySync_Rows.transactionSecurityPolicy-meta.xml"},
		{TypeFlow, "PolicyCondition_NightlySync_Rows", "flows/PolicyCondition_NightlySync_Rows.flow-meta.xml"},
		{TypeTransactionSecurityPolicy, "NightlySync_Hours", "transactionSecurityPolicies/NightlySync_Hours.transactionSecurityPolicy-meta.xml"},
		{TypeApexClass, "NightlySync_HoursCondition", "classes/NightlySync_HoursCondition.cls-meta.xml"},
		{TypeApexClass, "NightlySync_HoursConditionTest", "classes/NightlySync_HoursConditionTest.cls-meta.xml"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("components mismatch (-want +got):\n%s", diff)
	}

	var sources []string
	for _, file := range bundle.Sources {
		sources = append(sources, file.Path)
	}
	assert.Equal(t, []string{"classes/NightlySync_HoursCondition.cls", "classes/NightlySync_HoursConditionTest.cls"}, sources)
	assert.Equal(t, []string{"NightlySync_HoursConditionTest"}, bundle.TestClasses)
	assert.Equal(t, []string{"SF_NIGHTLY_USER", "SF_ADMIN_USERNAME"}, bundle.Variables)
}

func TestBuildPolicyLinks(t *testing.T) {
	bundle, err := Build(bundleGoldenCases[0].spec)
	require.NoError(t, err)

	query := bundle.Components[0].Value.(*TransactionSecurityPolicy)
	flow := bundle.Components[1].Value.(*Flow)
	login := bundle.Components[2].Value.(*TransactionSecurityPolicy)
	class := bundle.Components[3].Value.(*ApexClass)

	assert.Equal(t, flow.FullName, query.Flow, "the query policy names its flow")
	assert.Equal(t, "ApiEvent", query.EventName)
	assert.Equal(t, conditionBuilderPolicy, query.Type)
	assert.Equal(t, "ApiEvent", flow.Variables[1].ObjectType, "the flow reads the policy's event")

	assert.Equal(t, class.FullName, login.ApexClass, "the login policy names its class")
	assert.Equal(t, bundleGoldenCases[0].spec.loginHoursPolicy().ConditionClassName(), login.ApexClass)
	assert.Equal(t, "LoginEvent", login.EventName)
	assert.Equal(t, apexPolicy, login.Type)
}

func TestBuildPolicySafety(t *testing.T) {
	for _, tc := range bundleGoldenCases {
		t.Run(tc.name, func(t *testing.T) {
			bundle, err := Build(tc.spec)
			require.NoError(t, err)

			for _, c := range bundle.Components {
				policy, ok := c.Value.(*TransactionSecurityPolicy)
				if !ok {
					continue
				}
				// The legacy fields belong to the retired transaction
				// security and would mislead a reader about who runs
				// the policy.
				assert.Empty(t, policy.ExecutionUser, "%s executionUser", c.FullName)
				assert.Empty(t, policy.EventType, "%s eventType", c.FullName)
				assert.Empty(t, policy.ResourceName, "%s resourceName", c.FullName)
				assert.True(t, policy.Active, "%s active", c.FullName)
				assert.LessOrEqual(t, len(policy.DeveloperName), maxPolicyNameLength, "%s developerName", c.FullName)

				action := policy.Action
				// Two-factor authentication turns into a block for API
				// logins, so it would stop the integration.
				assert.False(t, action.TwoFactorAuthentication, "%s twoFactorAuthentication", c.FullName)
				assert.Equal(t, tc.spec.Block, action.Block, "%s block", c.FullName)
				// Salesforce documents neither action for these events.
				assert.False(t, action.EndSession, "%s endSession", c.FullName)
				assert.False(t, action.FreezeUser, "%s freezeUser", c.FullName)
				require.Len(t, action.Notifications, len(tc.spec.Notify), "%s notifications", c.FullName)
				for i, n := range action.Notifications {
					assert.Equal(t, tc.spec.Notify[i], n.User)
					assert.NotEqual(t, tc.spec.Username, n.User, "the integration user is never notified")
					assert.True(t, n.InApp)
					assert.True(t, n.SendEmail)
				}
			}

			files, err := bundle.Files()
			require.NoError(t, err)
			for _, file := range files {
				for _, legacy := range []string{"<executionUser>", "<eventType>", "<resourceName>"} {
					assert.NotContains(t, string(file.Content), legacy, file.Path)
				}
			}
		})
	}
}

func TestBuildOmitsPolicyWithoutSetting(t *testing.T) {
	tests := []struct {
		name      string
		spec      Spec
		wantTypes []string
		wantTests []string
	}{
		{
			name:      "query only",
			spec:      Spec{Integration: "Sync", Username: "a@example.com", MaxRowsPerQuery: 10, Notify: []string{"b@example.com"}},
			wantTypes: []string{TypeTransactionSecurityPolicy, TypeFlow},
		},
		{
			name:      "login only",
			spec:      Spec{Integration: "Sync", Username: "a@example.com", ActiveHours: "01:00-02:00", TimeZone: "UTC", Notify: []string{"b@example.com"}},
			wantTypes: []string{TypeTransactionSecurityPolicy, TypeApexClass, TypeApexClass},
			wantTests: []string{"Sync_HoursConditionTest"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			bundle, err := Build(tc.spec)
			require.NoError(t, err)
			var types []string
			for _, c := range bundle.Components {
				types = append(types, c.Type)
			}
			assert.Equal(t, tc.wantTypes, types)
			assert.Equal(t, tc.wantTests, bundle.TestClasses)
			assert.Len(t, bundle.Sources, len(tc.wantTests)*2)
		})
	}
}

func TestBuildFlowThreshold(t *testing.T) {
	spec := bundleGoldenCases[0].spec
	spec.MaxRowsPerQuery = 123456
	bundle, err := Build(spec)
	require.NoError(t, err)
	rule := bundle.Components[1].Value.(*Flow).Decisions[0].Rules[0]

	assert.Equal(t, "1 AND (2 OR 3)", rule.ConditionLogic)
	require.Len(t, rule.Conditions, 3)
	assert.Equal(t, "myVariable_myEvent.Username", rule.Conditions[0].LeftValueReference)
	assert.Equal(t, "${SF_NIGHTLY_USER}", rule.Conditions[0].RightValue.StringValue)
	assert.Equal(t, "GreaterThan", rule.Conditions[1].Operator)
	assert.Equal(t, "123456.0", rule.Conditions[1].RightValue.NumberValue)
	assert.Equal(t, "EqualTo", rule.Conditions[2].Operator)
	assert.Equal(t, "-1.0", rule.Conditions[2].RightValue.NumberValue)
	assert.Equal(t, "myRule", rule.Label, "the rule's label is text, not xsi:nil")
}

func TestFlowUsername(t *testing.T) {
	tests := []struct {
		name     string
		username string
		want     string
	}{
		{name: "lower case kept", username: "integration@example.com", want: "integration@example.com"},
		// Salesforce stores usernames in lower case, and the flow's
		// EqualTo is not documented to ignore case.
		{name: "mixed case lowered", username: "Integration@Example.COM", want: "integration@example.com"},
		// Environment variable names are case-sensitive, so lowering
		// one would make sf look up another variable.
		{name: "placeholder kept", username: "${SF_Nightly_USER}", want: "${SF_Nightly_USER}"},
		{name: "text around placeholders lowered", username: "Sync.${SF_ENV}@${SF_DOMAIN}.COM", want: "sync.${SF_ENV}@${SF_DOMAIN}.com"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, flowUsername(tc.username))
		})
	}
}

func TestBuildFlowLowersUsername(t *testing.T) {
	spec := bundleGoldenCases[0].spec
	spec.Username = "Integration@Example.COM"
	spec.Notify = []string{"security@example.com"}
	bundle, err := Build(spec)
	require.NoError(t, err)

	rule := bundle.Components[1].Value.(*Flow).Decisions[0].Rules[0]
	assert.Equal(t, "integration@example.com", rule.Conditions[0].RightValue.StringValue, "the flow compares the lower-case username")

	// The Apex condition compares ignoring case, so it keeps the username
	// as written.
	require.NotEmpty(t, bundle.Sources)
	assert.Contains(t, string(bundle.Sources[0].Content), "USERNAME = 'Integration@Example.COM';")
	assert.Contains(t, string(bundle.Sources[0].Content), "USERNAME.equalsIgnoreCase(loginEvent.Username)")
}

func TestBuildMasterLabels(t *testing.T) {
	tests := []struct {
		name        string
		integration string
		label       string
		wantQuery   string
		wantLogin   string
	}{
		{name: "default from name", integration: "Nightly_Sync", wantQuery: "Nightly Sync Large Queries", wantLogin: "Nightly Sync Off-Hours Logins"},
		// The developer names keep 19 characters of the name; the labels
		// keep the whole name.
		{name: "default not cut to developer name", integration: "Warehouse Replication EU",
			wantQuery: "Warehouse Replication EU Large Queries", wantLogin: "Warehouse Replication EU Off-Hours Logins"},
		{name: "label given", integration: "WH_Repl", label: "Warehouse Replication (EU)",
			wantQuery: "Warehouse Replication (EU) Large Queries", wantLogin: "Warehouse Replication (EU) Off-Hours Logins"},
		{name: "long default cut to fit", integration: strings.Repeat("Warehouse ", 10),
			wantQuery: strings.TrimSpace(strings.Repeat("Warehouse ", 7)[:63]) + " Large Queries",
			wantLogin: strings.TrimSpace(strings.Repeat("Warehouse ", 7)[:63]) + " Off-Hours Logins"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			spec := bundleGoldenCases[0].spec
			spec.Integration = tc.integration
			spec.Label = tc.label
			bundle, err := Build(spec)
			require.NoError(t, err)

			query := bundle.Components[0].Value.(*TransactionSecurityPolicy)
			login := bundle.Components[2].Value.(*TransactionSecurityPolicy)
			assert.Equal(t, tc.wantQuery, query.MasterLabel)
			assert.Equal(t, tc.wantLogin, login.MasterLabel)
			assert.LessOrEqual(t, utf8.RuneCountInString(login.MasterLabel), maxMasterLabelLength)
		})
	}
}

func TestBundleRunbook(t *testing.T) {
	tests := []struct {
		name    string
		spec    Spec
		want    []string
		notWant []string
	}{
		{
			name: "with apex",
			spec: bundleGoldenCases[0].spec,
			want: []string{
				"## Transaction security policies",
				"sf project deploy start --source-dir event-monitoring\n",
				"sf project deploy start --source-dir event-monitoring --test-level RunSpecifiedTests --tests NightlySync_HoursConditionTest\n",
				"`SF_NIGHTLY_USER` replaces `${SF_NIGHTLY_USER}`",
				"`SF_ADMIN_USERNAME` replaces `${SF_ADMIN_USERNAME}`",
				"the username in lower case",
				"without `'`, `\\`, `\"`, `&`, `<` or `>`",
				"only the time of the login",
				"Each policy notifies its 2 recipients through one `notifications` element each.",
				"Modify All Data and View Setup",
				"enableTransactionSecurityPolicies",
				"- Flow `PolicyCondition_NightlySync_Rows`",
			},
		},
		{
			name:    "without apex",
			spec:    bundleGoldenCases[1].spec,
			want:    []string{"The bundle has no Apex, so the same command deploys it to production."},
			notWant: []string{"RunSpecifiedTests", "replacements", "lower case", "`notifications` element", "login policy"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			bundle, err := Build(tc.spec)
			require.NoError(t, err)
			text := bundle.Runbook("event-monitoring")
			for _, want := range tc.want {
				assert.Contains(t, text, want)
			}
			for _, notWant := range tc.notWant {
				assert.NotContains(t, text, notWant)
			}
		})
	}
}

// writeFiles writes files under dir, creating folders as needed.
func writeFiles(t *testing.T, dir string, files []File) {
	t.Helper()
	for _, file := range files {
		path := filepath.Join(dir, filepath.FromSlash(file.Path))
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, file.Content, 0o644))
	}
}
