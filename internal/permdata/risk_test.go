package permdata

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTierOrder(t *testing.T) {
	order := []Tier{TierNone, TierLow, TierMedium, TierHigh, TierCritical}
	for i := 1; i < len(order); i++ {
		assert.Less(t, order[i-1], order[i], "%s must rank below %s", order[i-1], order[i])
	}
	assert.Equal(t, TierNone, Tier(0), "the zero value must mean no risk")
}

func TestTierString(t *testing.T) {
	tests := []struct {
		tier Tier
		want string
	}{
		{TierNone, "none"},
		{TierLow, "low"},
		{TierMedium, "medium"},
		{TierHigh, "high"},
		{TierCritical, "critical"},
		{Tier(9), "Tier(9)"},
		{Tier(-1), "Tier(-1)"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.tier.String())
		})
	}
}

func TestParseTier(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    Tier
		wantErr bool
	}{
		{name: "lower case", in: "high", want: TierHigh},
		{name: "mixed case", in: "Critical", want: TierCritical},
		{name: "none", in: "none", want: TierNone},
		{name: "unknown word", in: "severe", wantErr: true},
		{name: "empty", in: "", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseTier(tt.in)
			if tt.wantErr {
				require.Error(t, err)
				assert.Contains(t, err.Error(), "critical", "the error lists the allowed values")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestTierTextRoundTrip(t *testing.T) {
	type doc struct {
		Tier Tier `json:"tier"`
	}
	data, err := json.Marshal(doc{Tier: TierMedium})
	require.NoError(t, err)
	assert.JSONEq(t, `{"tier":"medium"}`, string(data))

	var back doc
	require.NoError(t, json.Unmarshal(data, &back))
	assert.Equal(t, TierMedium, back.Tier)

	assert.Error(t, json.Unmarshal([]byte(`{"tier":"extreme"}`), &back))
	_, err = json.Marshal(doc{Tier: Tier(7)})
	assert.Error(t, err)
}

func TestDefaultCatalogueRisks(t *testing.T) {
	userRisks := []string{
		"ModifyAllData", "ViewAllData", "ModifyMetadata", "CustomizeApplication", "AuthorApex",
		"ManageUsers", "ManageInternalUsers", "ManageProfilesPermissionsets", "AssignPermissionSets",
		"ResetPasswords", "ManagePasswordPolicies", "ManageSharing", "ManageRoles", "ViewAllUsers",
		"ManageAuthProviders", "ManageRemoteAccess", "ManageIpAddresses", "ManageLoginAccessPolicies",
		"BypassMFAForUiLogins", "ViewSetup", "ExportReport", "DataExport", "BulkApiHardDelete",
		"ViewEventLogFiles", "ManageDataIntegrations",
	}
	c := Default()
	for _, name := range userRisks {
		t.Run(name, func(t *testing.T) {
			r, ok := c.Lookup(name)
			require.True(t, ok, "missing from the default catalogue")
			assert.Equal(t, KindUser, r.Kind)
			assert.True(t, r.Risky())
			assert.Empty(t, r.Role)
			assert.True(t, Known(name), "a catalogue name must be a known permission")
		})
	}

	for _, name := range []string{"viewAllRecords", "modifyAllRecords"} {
		t.Run(name, func(t *testing.T) {
			r, ok := c.Lookup(name)
			require.True(t, ok)
			assert.Equal(t, KindObject, r.Kind)
			assert.True(t, r.Risky())
		})
	}
}

func TestDefaultCatalogueRoles(t *testing.T) {
	tests := []struct {
		name string
		role Role
	}{
		// Other tools flag these, but an integration cannot work without
		// API access, and an expiring password breaks it without warning.
		{name: "ApiEnabled", role: RoleRequired},
		{name: "PasswordNeverExpires", role: RoleExpected},
		{name: "ApiUserOnly", role: RoleExpected},
	}
	c := Default()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, ok := c.Lookup(tt.name)
			require.True(t, ok)
			assert.Equal(t, tt.role, r.Role)
			assert.Equal(t, TierNone, r.Tier)
			assert.False(t, r.Risky())
		})
	}
}

func TestDefaultRisksTableSortedAndValid(t *testing.T) {
	for i, r := range defaultRisks {
		assert.NoError(t, r.Validate())
		assert.NotEmpty(t, r.Source, r.Name)
		if r.Kind == KindUser {
			assert.True(t, Known(r.Name), "%s is not a known user permission", r.Name)
		}
		if i > 0 {
			assert.Less(t, defaultRisks[i-1].Name, r.Name, "entries %d and %d are out of order or duplicate", i-1, i)
		}
	}
}

func TestDefaultReturnsFreshCopy(t *testing.T) {
	first := Default()
	require.NoError(t, first.Add(Risk{Name: "ViewSetup", Kind: KindUser, Tier: TierCritical, Reason: "stricter policy"}))
	require.True(t, first.Remove("ModifyAllData"))

	second := Default()
	r, ok := second.Lookup("ViewSetup")
	require.True(t, ok)
	assert.Equal(t, TierMedium, r.Tier)
	_, ok = second.Lookup("ModifyAllData")
	assert.True(t, ok)
}

func TestCatalogueAddRejectsInvalid(t *testing.T) {
	tests := []struct {
		name string
		risk Risk
	}{
		{name: "no name", risk: Risk{Kind: KindUser, Tier: TierHigh, Reason: "r"}},
		{name: "unknown kind", risk: Risk{Name: "X", Kind: "field", Tier: TierHigh, Reason: "r"}},
		{name: "empty kind", risk: Risk{Name: "X", Tier: TierHigh, Reason: "r"}},
		{name: "neither tier nor role", risk: Risk{Name: "X", Kind: KindUser, Reason: "r"}},
		{name: "tier and role", risk: Risk{Name: "X", Kind: KindUser, Tier: TierLow, Role: RoleExpected, Reason: "r"}},
		{name: "tier out of range", risk: Risk{Name: "X", Kind: KindUser, Tier: Tier(8), Reason: "r"}},
		{name: "no reason", risk: Risk{Name: "X", Kind: KindUser, Tier: TierHigh}},
		// Nothing enforces a flag outside the list, so the rule would only
		// look like protection.
		{name: "object flag not enforced", risk: Risk{Name: "allowRead", Kind: KindObject, Tier: TierHigh, Reason: "r"}},
		{name: "object flag made up", risk: Risk{Name: "deleteEverything", Kind: KindObject, Tier: TierHigh, Reason: "r"}},
		{name: "object flag wrong case", risk: Risk{Name: "AllowDelete", Kind: KindObject, Tier: TierHigh, Reason: "r"}},
		// Salesforce rejects the lower-case name, and the catalogue would
		// replace ModifyAllData with it.
		{name: "user permission wrong case", risk: Risk{Name: "modifyalldata", Kind: KindUser, Tier: TierCritical, Reason: "r"}},
		{name: "object flag as user permission", risk: Risk{Name: "ViewAllRecords", Kind: KindUser, Tier: TierHigh, Reason: "r"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Default()
			before := c.Entries()

			err := c.Add(tt.risk)
			require.Error(t, err)
			assert.Contains(t, err.Error(), "invalid catalogue entry")
			assert.Empty(t, cmp.Diff(before, c.Entries()), "a rejected entry must leave the catalogue unchanged")
		})
	}
}

func TestCatalogueAddAndReplace(t *testing.T) {
	c := Default()
	n := c.Len()

	custom := Risk{Name: "ManageSandboxes", Kind: KindUser, Tier: TierHigh, Reason: "refreshes sandboxes from production data"}
	require.NoError(t, c.Add(custom))
	assert.Equal(t, n+1, c.Len())
	got, ok := c.Lookup("ManageSandboxes")
	require.True(t, ok)
	assert.Equal(t, custom, got)

	lowered := Risk{Name: "ExportReport", Kind: KindUser, Tier: TierLow, Reason: "reports hold no regulated data here"}
	require.NoError(t, c.Add(lowered))
	assert.Equal(t, n+1, c.Len(), "replacing keeps the count")
	got, _ = c.Lookup("ExportReport")
	assert.Equal(t, TierLow, got.Tier)
}

func TestZeroCatalogue(t *testing.T) {
	var c Catalogue
	assert.Equal(t, 0, c.Len())
	assert.Empty(t, c.Entries())
	_, ok := c.Lookup("ModifyAllData")
	assert.False(t, ok)
	assert.False(t, c.Remove("ModifyAllData"))

	require.NoError(t, c.Add(Risk{Name: "ModifyAllData", Kind: KindUser, Tier: TierCritical, Reason: "r"}))
	_, ok = c.Lookup("ModifyAllData")
	assert.True(t, ok)
}

func TestCatalogueEntriesSorted(t *testing.T) {
	entries := Default().Entries()
	require.Len(t, entries, len(defaultRisks))
	assert.Empty(t, cmp.Diff(defaultRisks, entries))
}

func TestCatalogueAtLeast(t *testing.T) {
	c := Default()

	critical := c.AtLeast(TierCritical)
	require.NotEmpty(t, critical)
	for _, r := range critical {
		assert.Equal(t, TierCritical, r.Tier, r.Name)
	}

	all := c.AtLeast(TierNone)
	for i, r := range all {
		assert.True(t, r.Risky(), "%s is a role entry", r.Name)
		if i > 0 {
			prev := all[i-1]
			ordered := prev.Tier > r.Tier || (prev.Tier == r.Tier && prev.Name < r.Name)
			assert.True(t, ordered, "%s (%s) must come after %s (%s)", r.Name, r.Tier, prev.Name, prev.Tier)
		}
	}
	assert.Len(t, all, len(c.AtLeast(TierLow)))
	assert.NotContains(t, names(all), "ApiEnabled")
}

func names(risks []Risk) []string {
	var out []string
	for _, r := range risks {
		out = append(out, r.Name)
	}
	return out
}

func TestCatalogueClone(t *testing.T) {
	c := Default()
	clone := c.Clone()
	require.True(t, clone.Remove("ViewSetup"))
	_, ok := c.Lookup("ViewSetup")
	assert.True(t, ok, "changing the clone must not change the original")

	var nilCatalogue *Catalogue
	empty := nilCatalogue.Clone()
	require.NotNil(t, empty)
	assert.Equal(t, 0, empty.Len())
}

func TestCatalogueAcceptsEnforcedObjectFlags(t *testing.T) {
	for _, flag := range ObjectFlags() {
		t.Run(flag, func(t *testing.T) {
			c := Default()
			require.NoError(t, c.Add(Risk{Name: flag, Kind: KindObject, Tier: TierHigh, Reason: "r"}))
			got, ok := c.Lookup(flag)
			require.True(t, ok)
			assert.Equal(t, flag, got.Name)
		})
	}
}

func TestCatalogueLookupIgnoresCase(t *testing.T) {
	c := Default()
	tests := []struct {
		name   string
		lookup string
		want   string
	}{
		{"exact", "ModifyAllData", "ModifyAllData"},
		{"lower case", "modifyalldata", "ModifyAllData"},
		{"upper case", "VIEWALLDATA", "ViewAllData"},
		{"object flag", "MODIFYALLRECORDS", "modifyAllRecords"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := c.Lookup(tt.lookup)
			require.True(t, ok, "a name in the wrong case must still find its risk")
			assert.Equal(t, tt.want, got.Name)
		})
	}

	assert.True(t, c.Remove("viewalldata"))
	_, ok := c.Lookup("ViewAllData")
	assert.False(t, ok, "Remove ignores case like Lookup")
}

func TestCanonical(t *testing.T) {
	tests := []struct {
		name      string
		input     string
		want      string
		wantFound bool
	}{
		{"exact", "ModifyAllData", "ModifyAllData", true},
		{"lower case", "modifyalldata", "ModifyAllData", true},
		{"mixed case", "apiENABLED", "ApiEnabled", true},
		{"unknown", "ManageWidgetsX", "", false},
		{"empty", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, found := Canonical(tt.input)
			assert.Equal(t, tt.wantFound, found)
			assert.Equal(t, tt.want, got)
		})
	}
}
