package profile_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfharden/sfharden/field"
	"github.com/sfharden/sfharden/internal/permdata"
	"github.com/sfharden/sfharden/profile"
)

func ordersProfileRequest() profile.IntegrationRequest {
	return profile.IntegrationRequest{
		Name:        "Orders_API",
		Description: "API-only user of the order sync",
		LoginIPRanges: []profile.LoginRange{
			{Addresses: "203.0.113.0/24", Description: "Office egress"},
			{Addresses: "2001:db8::/48"},
			{Start: "198.51.100.7", End: "198.51.100.7"},
		},
	}
}

func TestBuildIntegrationProfileGolden(t *testing.T) {
	p, notices, err := profile.BuildIntegrationProfile(ordersProfileRequest())
	require.NoError(t, err)
	assert.Empty(t, notices)

	data, err := p.Marshal()
	require.NoError(t, err)
	checkGolden(t, "Orders_API.profile-meta.xml", data)
}

func TestBuildIntegrationProfileContent(t *testing.T) {
	p, _, err := profile.BuildIntegrationProfile(ordersProfileRequest())
	require.NoError(t, err)

	require.NotNil(t, p.Custom)
	assert.True(t, *p.Custom, "a new profile must be custom")
	assert.Equal(t, profile.LicenseIntegration, p.UserLicense)
	assert.Empty(t, p.ObjectPermissions)
	assert.Empty(t, p.FieldPermissions)
	assert.Empty(t, p.TabVisibilities)
	assert.Empty(t, p.ApplicationVisibilities)
	assert.Empty(t, p.ClassAccesses)

	enabled := map[string]bool{}
	for _, u := range p.UserPermissions {
		enabled[u.Name] = u.Enabled
	}
	for _, name := range []string{"ApiEnabled", "ApiUserOnly", "PasswordNeverExpires"} {
		assert.True(t, enabled[name], "%s must be enabled", name)
	}

	// A deploy keeps the org's value of a permission the file leaves out, so
	// every risky one must be written off explicitly.
	for _, r := range permdata.Default().AtLeast(permdata.TierLow) {
		if r.Kind != permdata.KindUser {
			continue
		}
		on, written := enabled[r.Name]
		assert.True(t, written, "%s is not written, so the deploy would keep the org's value", r.Name)
		assert.False(t, on, "%s must be disabled", r.Name)
	}
}

func TestBuildIntegrationProfileLicense(t *testing.T) {
	req := ordersProfileRequest()
	req.License = profile.LicenseSalesforce
	p, _, err := profile.BuildIntegrationProfile(req)
	require.NoError(t, err)
	assert.Equal(t, "Salesforce", p.UserLicense)
}

func TestBuildIntegrationProfileErrors(t *testing.T) {
	tests := []struct {
		name   string
		danger string // for security cases: why the input is dangerous
		change func(*profile.IntegrationRequest)
		want   []wantError
	}{
		{
			name:   "name missing",
			change: func(r *profile.IntegrationRequest) { r.Name = "" },
			want:   []wantError{{field.Required, "name"}},
		},
		{
			name:   "name with spaces",
			change: func(r *profile.IntegrationRequest) { r.Name = "Orders API" },
			want:   []wantError{{field.Invalid, "name"}},
		},
		{
			name:   "standard admin profile name",
			danger: "the deploy would overwrite System Administrator and restrict every admin to the partner's IP range",
			change: func(r *profile.IntegrationRequest) { r.Name = "Admin" },
			want:   []wantError{{field.Forbidden, "name"}},
		},
		{
			name:   "standard profile name in lower case",
			danger: "Salesforce compares API names without case, so admin is still System Administrator",
			change: func(r *profile.IntegrationRequest) { r.Name = "admin" },
			want:   []wantError{{field.Forbidden, "name"}},
		},
		{
			name:   "standard user profile name",
			danger: "every standard user would lose UI access and be locked to one IP range",
			change: func(r *profile.IntegrationRequest) { r.Name = "STANDARD" },
			want:   []wantError{{field.Forbidden, "name"}},
		},
		{
			name:   "standard integration profile name",
			danger: "other integrations that use the standard API-only profile would change with this one",
			change: func(r *profile.IntegrationRequest) { r.Name = "Minimum Access - API Only Integrations" },
			want:   []wantError{{field.Forbidden, "name"}},
		},
		{
			name:   "standard platform profile name",
			danger: "StandardAul is the file name of Standard Platform User",
			change: func(r *profile.IntegrationRequest) { r.Name = "standardaul" },
			want:   []wantError{{field.Forbidden, "name"}},
		},
		{
			name:   "description too long",
			change: func(r *profile.IntegrationRequest) { r.Description = strings.Repeat("x", 256) },
			want:   []wantError{{field.Invalid, "description"}},
		},
		{
			name:   "license not supported",
			change: func(r *profile.IntegrationRequest) { r.License = "Chatter Free" },
			want:   []wantError{{field.NotSupported, "license"}},
		},
		{
			name:   "no login ranges",
			danger: "without login IP ranges stolen credentials work from any address",
			change: func(r *profile.IntegrationRequest) { r.LoginIPRanges = nil },
			want:   []wantError{{field.Required, "loginIpRanges"}},
		},
		{
			name: "disable a needed permission",
			change: func(r *profile.IntegrationRequest) {
				r.Disable = []string{"ApiEnabled"}
			},
			want: []wantError{{field.Invalid, "disable[0]"}},
		},
		{
			name: "disable unknown permission",
			change: func(r *profile.IntegrationRequest) {
				r.Disable = []string{"ManageSandboxes", "ManageWidgetsX"}
			},
			want: []wantError{{field.NotSupported, "disable[1]"}},
		},
		{
			name:   "disable in wrong case",
			danger: "Salesforce rejects managesandboxes, so the deploy fails",
			change: func(r *profile.IntegrationRequest) {
				r.Disable = []string{"managesandboxes"}
			},
			want: []wantError{{field.Invalid, "disable[0]"}},
		},
		{
			name:   "leave out in wrong case",
			danger: "the risky permission would still be written, or the wrong one left to the org",
			change: func(r *profile.IntegrationRequest) {
				r.LeaveOut = []string{"viewclientsecret"}
			},
			want: []wantError{{field.Invalid, "leaveOut[0]"}},
		},
		{
			name: "leave out unwritten permission",
			change: func(r *profile.IntegrationRequest) {
				r.LeaveOut = []string{"RunReports"}
			},
			want: []wantError{{field.Invalid, "leaveOut[0]"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := ordersProfileRequest()
			tt.change(&req)
			p, _, err := profile.BuildIntegrationProfile(req)
			assert.Nil(t, p)
			if diff := cmp.Diff(tt.want, errorsOf(t, err)); diff != "" {
				t.Errorf("errors mismatch (-want +got):\n%s\nerror: %v\ndanger: %s", diff, err, tt.danger)
			}
		})
	}
}

func TestBuildIntegrationProfileDisableAndLeaveOut(t *testing.T) {
	req := ordersProfileRequest()
	req.Disable = []string{"ManageSandboxes"}
	req.LeaveOut = []string{"ViewClientSecret"}
	p, notices, err := profile.BuildIntegrationProfile(req)
	require.NoError(t, err)

	written := map[string]bool{}
	for _, u := range p.UserPermissions {
		written[u.Name] = true
	}
	assert.True(t, written["ManageSandboxes"], "an extra permission to disable is written")
	assert.False(t, written["ViewClientSecret"], "a left-out permission is not written")
	require.Len(t, notices, 1)
	assert.Equal(t, `userPermissions["ViewClientSecret"]`, notices[0].Path)
}

func TestStandardName(t *testing.T) {
	tests := []struct {
		name      string
		input     string
		wantName  string
		wantFound bool
	}{
		{"exact", "Admin", "Admin", true},
		{"lower case", "readonly", "ReadOnly", true},
		{"upper case", "GUEST", "Guest", true},
		{"with spaces", "salesforce api only system integrations", "Salesforce API Only System Integrations", true},
		{"retrieved standard", "Sales Insights Integration User", "Sales Insights Integration User", true},
		{"custom name", "Orders_API", "", false},
		{"prefix of a standard name", "Admin_Orders", "", false},
		{"empty", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, found := profile.StandardName(tt.input)
			assert.Equal(t, tt.wantFound, found)
			assert.Equal(t, tt.wantName, got)
		})
	}
}

func TestSettingsForStandardProfile(t *testing.T) {
	_, err := profile.BuildSessionSetting(profile.SessionRequest{Profile: "admin"})
	assert.Equal(t, []wantError{{field.Forbidden, "profile"}}, errorsOf(t, err),
		"session settings for admin would change every administrator's sessions")

	_, err = profile.BuildPasswordPolicy(profile.PasswordRequest{Profile: "Admin"})
	assert.Equal(t, []wantError{{field.Forbidden, "profile"}}, errorsOf(t, err),
		"a never-expiring password policy for Admin would apply to every administrator")
}
