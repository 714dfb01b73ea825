package policy_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfharden/sfharden/field"
	"github.com/sfharden/sfharden/permset"
	"github.com/sfharden/sfharden/policy"
)

func TestDefaultIsFreshCopy(t *testing.T) {
	a := policy.Default()
	require.NoError(t, a.Forbid(policy.Risk{Name: "ManageSandboxes", Kind: policy.KindUser, Tier: policy.TierHigh,
		Reason: "creates and refreshes sandboxes that copy production data"}))
	require.NoError(t, a.Waive(policy.Waiver{Permission: "ViewAllData", Reason: "Nightly reconciliation reads every record"}))

	b := policy.Default()
	_, found := b.Lookup("ManageSandboxes")
	assert.False(t, found, "an entry added to one catalogue reached another")
	assert.Empty(t, b.Waivers(), "a waiver added to one catalogue reached another")
}

func TestCatalogueClone(t *testing.T) {
	a := mustCatalogue(policy.Waiver{Permission: "ViewAllData", Reason: "Nightly reconciliation"})
	b := a.Clone()
	require.NoError(t, b.Waive(policy.Waiver{Permission: "ViewSetup", Reason: "Reads metadata for the sync"}))
	assert.Len(t, a.Waivers(), 1)
	assert.Len(t, b.Waivers(), 2)
}

func TestCatalogueDefaultEntries(t *testing.T) {
	c := policy.Default()
	for _, name := range []string{"viewAllRecords", "modifyAllRecords"} {
		r, found := c.Lookup(name)
		require.True(t, found, "%s is not catalogued", name)
		assert.Equal(t, policy.KindObject, r.Kind)
		assert.True(t, r.Risky())
	}
	api, found := c.Lookup("ApiEnabled")
	require.True(t, found)
	assert.Equal(t, policy.RoleRequired, api.Role)
}

func TestWaiveErrors(t *testing.T) {
	tests := []struct {
		name   string
		waiver policy.Waiver
		want   []wantError
	}{
		{
			name:   "reason empty",
			waiver: policy.Waiver{Permission: "ViewAllData"},
			want:   []wantError{{field.Required, `waivers["ViewAllData"].reason`}},
		},
		{
			name:   "permission empty",
			waiver: policy.Waiver{Reason: "because"},
			want:   []wantError{{field.Required, `waivers[""].permission`}},
		},
		{
			name:   "permission not catalogued",
			waiver: policy.Waiver{Permission: "RunReports", Reason: "reports"},
			want:   []wantError{{field.Invalid, `waivers["RunReports"].permission`}},
		},
		{
			name:   "role entry needs no waiver",
			waiver: policy.Waiver{Permission: "ApiEnabled", Reason: "API"},
			want:   []wantError{{field.Invalid, `waivers["ApiEnabled"].permission`}},
		},
		{
			name:   "object permission without object",
			waiver: policy.Waiver{Permission: "viewAllRecords", Reason: "reconciliation"},
			want:   []wantError{{field.Required, `waivers["viewAllRecords"].object`}},
		},
		{
			name:   "user permission with object",
			waiver: policy.Waiver{Permission: "ViewAllData", Object: "Invoice__c", Reason: "reconciliation"},
			want:   []wantError{{field.Invalid, `waivers["ViewAllData on Invoice__c"].object`}},
		},
		{
			name:   "duplicate",
			waiver: policy.Waiver{Permission: "ViewSetup", Reason: "again"},
			want:   []wantError{{field.Duplicate, `waivers["ViewSetup"]`}},
		},
		{
			name:   "duplicate in other case",
			waiver: policy.Waiver{Permission: "viewsetup", Reason: "again"},
			want:   []wantError{{field.Duplicate, `waivers["viewsetup"]`}},
		},
		{
			// A blank reason explains nothing to a reviewer.
			name:   "reason only spaces",
			waiver: policy.Waiver{Permission: "ViewAllData", Reason: " \t "},
			want:   []wantError{{field.Required, `waivers["ViewAllData"].reason`}},
		},
		{
			// A line break in the description could pass for a second,
			// forged line in review output.
			name:   "reason with line break",
			waiver: policy.Waiver{Permission: "ViewAllData", Reason: "reconciliation\nApproved by security"},
			want:   []wantError{{field.Invalid, `waivers["ViewAllData"].reason`}},
		},
		{
			name:   "reason with escape character",
			waiver: policy.Waiver{Permission: "ViewAllData", Reason: "reconciliation \x1b[2K"},
			want:   []wantError{{field.Invalid, `waivers["ViewAllData"].reason`}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := mustCatalogue(policy.Waiver{Permission: "ViewSetup", Reason: "Reads metadata for the sync"})
			err := c.Waive(tt.waiver)
			if diff := cmp.Diff(tt.want, errorsOf(t, err)); diff != "" {
				t.Errorf("errors mismatch (-want +got):\n%s\nerror: %v", diff, err)
			}
			assert.Len(t, c.Waivers(), 1, "a rejected waiver was added")
		})
	}
}

func TestCatalogueRemove(t *testing.T) {
	c := mustCatalogue(policy.Waiver{Permission: "ViewSetup", Reason: "Reads metadata"})
	assert.True(t, c.Remove("ViewSetup"))
	assert.False(t, c.Remove("ViewSetup"))
	assert.Empty(t, c.Waivers(), "the waiver of a removed entry stays")
}

func TestZeroCatalogue(t *testing.T) {
	var c policy.Catalogue
	assert.Empty(t, c.Entries())
	require.NoError(t, c.Forbid(policy.Risk{Name: "ManageSandboxes", Kind: policy.KindUser, Tier: policy.TierHigh, Reason: "copies data"}))
	assert.Len(t, c.Entries(), 1)
}

func TestWaiveStoresCleanWaiver(t *testing.T) {
	c := policy.Default()
	require.NoError(t, c.Waive(policy.Waiver{Permission: "viewalldata", Reason: "  Nightly reconciliation  "}))
	assert.Equal(t, []policy.Waiver{{Permission: "ViewAllData", Reason: "Nightly reconciliation"}}, c.Waivers(),
		"the permission is spelled as catalogued and the reason is trimmed")
}

func TestForbidObjectFlags(t *testing.T) {
	tests := []struct {
		name    string
		danger  string // why accepting the entry would be dangerous
		flag    string
		wantErr bool
	}{
		{name: "allowCreate", flag: "allowCreate"},
		{name: "allowEdit", flag: "allowEdit"},
		{name: "allowDelete", flag: "allowDelete"},
		{name: "viewAllRecords", flag: "viewAllRecords"},
		{name: "modifyAllRecords", flag: "modifyAllRecords"},
		{name: "viewAllFields", flag: "viewAllFields"},
		{name: "wrong case", danger: "a rule for AllowDelete would match no flag and enforce nothing", flag: "AllowDelete", wantErr: true},
		{name: "made-up flag", danger: "a rule nothing enforces looks like protection", flag: "deleteEverything", wantErr: true},
		{name: "allowRead", danger: "forbidding read everywhere would forbid all access", flag: "allowRead", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := policy.Default()
			err := c.Forbid(policy.Risk{Name: tt.flag, Kind: policy.KindObject, Tier: policy.TierHigh, Reason: "r"})
			if tt.wantErr {
				assert.Error(t, err, "danger: %s", tt.danger)
				return
			}
			assert.NoError(t, err)
		})
	}
}

func TestNilCatalogue(t *testing.T) {
	var c *policy.Catalogue
	risk := policy.Risk{Name: "ManageSandboxes", Kind: policy.KindUser, Tier: policy.TierHigh, Reason: "copies data"}
	assert.Error(t, c.Forbid(risk), "Forbid on a nil catalogue has nowhere to keep the entry")
	assert.Error(t, c.Waive(policy.Waiver{Permission: "ViewAllData", Reason: "r"}))
	assert.False(t, c.Remove("ViewAllData"))
	assert.Empty(t, c.Entries())
	assert.Empty(t, c.Waivers())
	_, found := c.Lookup("ViewAllData")
	assert.False(t, found)
}

func TestEmptyCatalogueTurnsOffChecks(t *testing.T) {
	ps := &permset.PermissionSet{UserPermissions: user("ModifyAllData", "ViewAllData")}
	for _, f := range policy.CheckPermissionSet(ps, policy.Options{Catalogue: &policy.Catalogue{}}) {
		assert.NotEqual(t, policy.RuleRiskyUserPermission, f.Rule, "an empty catalogue has no risks, as documented: %s", f)
	}
}
