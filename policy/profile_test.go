package policy_test

import (
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfharden/sfharden/internal/testenv"
	"github.com/sfharden/sfharden/permset"
	"github.com/sfharden/sfharden/policy"
	"github.com/sfharden/sfharden/profile"
)

func hardenedProfile(t *testing.T) *profile.Profile {
	t.Helper()
	p, _, err := profile.BuildIntegrationProfile(profile.IntegrationRequest{
		Name:          "Orders_API",
		LoginIPRanges: []profile.LoginRange{{Addresses: "203.0.113.0/24"}},
	})
	require.NoError(t, err)
	return p
}

func TestCheckProfileHardenedIsClean(t *testing.T) {
	findings := policy.CheckProfile(hardenedProfile(t), policy.Options{})
	assert.Empty(t, findings, "the hardened profile should pass its own policy")
}

func TestCheckProfile(t *testing.T) {
	tests := []struct {
		name   string
		danger string // for security cases: why the input is dangerous
		change func(*profile.Profile)
		want   []ruleAt
	}{
		{
			name:   "api enabled off",
			danger: "the integration cannot call any API",
			change: func(p *profile.Profile) {
				p.UserPermissions[0].Enabled = false // ApiEnabled sorts first
			},
			want: []ruleAt{{policy.SeverityError, policy.RuleRequiredPermission, `userPermissions["ApiEnabled"]`}},
		},
		{
			name:   "risky permission left out",
			danger: "a deploy keeps the org's value, so the permission may still be on",
			change: func(p *profile.Profile) {
				p.UserPermissions = dropPermission(p.UserPermissions, "ViewAllData")
			},
			want: []ruleAt{{policy.SeverityWarning, policy.RuleRiskyNotDisabled, `userPermissions["ViewAllData"]`}},
		},
		{
			name: "risky permission on",
			change: func(p *profile.Profile) {
				for i := range p.UserPermissions {
					if p.UserPermissions[i].Name == "ModifyAllData" {
						p.UserPermissions[i].Enabled = true
					}
				}
			},
			want: []ruleAt{{policy.SeverityError, policy.RuleRiskyUserPermission, `userPermissions["ModifyAllData"]`}},
		},
		{
			name:   "whole internet range",
			danger: "the restriction lets every address through",
			change: func(p *profile.Profile) {
				p.LoginIPRanges = []profile.LoginIPRange{{StartAddress: "0.0.0.0", EndAddress: "255.255.255.255"}}
			},
			want: []ruleAt{{policy.SeverityError, policy.RuleLoginIPRanges, "loginIpRanges[0]"}},
		},
		{
			name:   "no ranges",
			change: func(p *profile.Profile) { p.LoginIPRanges = nil },
			want:   []ruleAt{{policy.SeverityError, policy.RuleLoginIPRanges, "loginIpRanges"}},
		},
		{
			name: "reversed range",
			change: func(p *profile.Profile) {
				p.LoginIPRanges = []profile.LoginIPRange{{StartAddress: "10.0.0.9", EndAddress: "10.0.0.1"}}
			},
			want: []ruleAt{{policy.SeverityError, policy.RuleLoginIPRanges, "loginIpRanges[0]"}},
		},
		{
			name: "object access on profile",
			change: func(p *profile.Profile) {
				p.ObjectPermissions = []profile.ObjectPermissions{{Object: "Account", AllowRead: new(true)}}
				p.TabVisibilities = []profile.TabVisibility{{Tab: "standard-Account", Visibility: "DefaultOn"}}
			},
			want: []ruleAt{
				{policy.SeverityWarning, policy.RuleProfileGrantsAccess, `objectPermissions["Account"]`},
				{policy.SeverityWarning, policy.RuleProfileGrantsAccess, `tabVisibilities["standard-Account"]`},
			},
		},
		{
			name: "view all records on profile",
			change: func(p *profile.Profile) {
				p.ObjectPermissions = []profile.ObjectPermissions{profile.ObjectAccess("Account", permset.ViewAll)}
			},
			want: []ruleAt{
				{policy.SeverityError, policy.RuleRiskyObjectPermission, `objectPermissions["Account"].viewAllRecords`},
				{policy.SeverityWarning, policy.RuleProfileGrantsAccess, `objectPermissions["Account"]`},
			},
		},
		{
			name:   "two halves of ipv4",
			danger: "each /1 passes alone, together they let every address in",
			change: func(p *profile.Profile) {
				p.LoginIPRanges = []profile.LoginIPRange{
					{StartAddress: "0.0.0.0", EndAddress: "127.255.255.255"},
					{StartAddress: "128.0.0.0", EndAddress: "255.255.255.255"},
				}
			},
			want: []ruleAt{
				{policy.SeverityWarning, policy.RuleLoginIPRangeSuspect, "loginIpRanges[0]"},
				{policy.SeverityWarning, policy.RuleLoginIPRangeSuspect, "loginIpRanges[0]"},
				{policy.SeverityWarning, policy.RuleLoginIPRangeSuspect, "loginIpRanges[1]"},
				{policy.SeverityWarning, policy.RuleLoginIPRangeSuspect, "loginIpRanges[1]"},
				{policy.SeverityError, policy.RuleLoginIPRanges, "loginIpRanges"},
			},
		},
		{
			name:   "all global unicast ipv6",
			danger: "2000::/3 is every routed IPv6 address",
			change: func(p *profile.Profile) {
				p.LoginIPRanges = []profile.LoginIPRange{{StartAddress: "2000::", EndAddress: "3fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"}}
			},
			want: []ruleAt{
				{policy.SeverityWarning, policy.RuleLoginIPRangeSuspect, "loginIpRanges[0]"},
				{policy.SeverityError, policy.RuleLoginIPRanges, "loginIpRanges"},
			},
		},
		{
			name:   "private range",
			danger: "a private address never reaches Salesforce, so the partner's real egress is missing",
			change: func(p *profile.Profile) {
				p.LoginIPRanges = []profile.LoginIPRange{{StartAddress: "192.168.1.0", EndAddress: "192.168.1.255"}}
			},
			want: []ruleAt{{policy.SeverityWarning, policy.RuleLoginIPRangeSuspect, "loginIpRanges[0]"}},
		},
		{
			name: "documentation ranges stay silent",
			change: func(p *profile.Profile) {
				p.LoginIPRanges = []profile.LoginIPRange{
					{StartAddress: "192.0.2.0", EndAddress: "192.0.2.255"},
					{StartAddress: "2001:db8::", EndAddress: "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff"},
				}
			},
			want: []ruleAt{},
		},
		{
			name:   "risky permission off in wrong case",
			danger: "Salesforce rejects modifyalldata, and ModifyAllData keeps the org's value",
			change: func(p *profile.Profile) {
				for i := range p.UserPermissions {
					if p.UserPermissions[i].Name == "ModifyAllData" {
						p.UserPermissions[i].Name = "modifyalldata"
					}
				}
			},
			want: []ruleAt{
				{policy.SeverityError, policy.RulePermissionNameCase, `userPermissions["modifyalldata"]`},
				{policy.SeverityWarning, policy.RuleRiskyNotDisabled, `userPermissions["ModifyAllData"]`},
			},
		},
		{
			name:   "not custom",
			change: func(p *profile.Profile) { p.Custom = nil },
			want:   []ruleAt{{policy.SeverityWarning, policy.RuleProfileLicense, ""}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := hardenedProfile(t)
			tt.change(p)
			got := rulesOf(policy.CheckProfile(p, policy.Options{}))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("findings mismatch (-want +got):\n%s\ndanger: %s", diff, tt.danger)
			}
		})
	}
}

// TestCheckProfileRetrievedSample checks the standard API-only profile as
// a retrieve returns it: it enables API access but restricts no logins and
// leaves every risky permission to the org.
func TestCheckProfileRetrievedSample(t *testing.T) {
	path := filepath.Join(testenv.Samples(t), "profiles", "Minimum Access - API Only Integrations.profile-meta.xml")
	p, err := profile.ParseFile(path)
	require.NoError(t, err)

	byRule := map[string]int{}
	for _, f := range policy.CheckProfile(p, policy.Options{}) {
		byRule[f.Rule]++
	}
	assert.Equal(t, 1, byRule[policy.RuleLoginIPRanges])
	assert.Equal(t, 1, byRule[policy.RuleExpectedPermission], "PasswordNeverExpires is missing")
	assert.Equal(t, 1, byRule[policy.RuleProfileLicense], "a standard profile is not custom")
	assert.Equal(t, len(policy.Default().Risks(policy.KindUser)), byRule[policy.RuleRiskyNotDisabled])
	assert.Zero(t, byRule[policy.RuleRequiredPermission], "ApiEnabled is on")
}

func dropPermission(entries []profile.UserPermission, name string) []profile.UserPermission {
	var kept []profile.UserPermission
	for _, u := range entries {
		if u.Name != name {
			kept = append(kept, u)
		}
	}
	return kept
}

func TestCheckProfileForbiddenObjectFlag(t *testing.T) {
	c := policy.Default()
	require.NoError(t, c.Forbid(policy.Risk{Name: "allowDelete", Kind: policy.KindObject, Tier: policy.TierHigh, Reason: "the integration only reads"}))
	p := hardenedProfile(t)
	p.ObjectPermissions = []profile.ObjectPermissions{profile.ObjectAccess("Account", permset.Delete)}

	got := rulesOf(policy.CheckProfile(p, policy.Options{Catalogue: c}))
	want := []ruleAt{
		{policy.SeverityError, policy.RuleRiskyObjectPermission, `objectPermissions["Account"].allowDelete`},
		{policy.SeverityWarning, policy.RuleProfileGrantsAccess, `objectPermissions["Account"]`},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("findings mismatch (-want +got):\n%s", diff)
	}
}
