package profile_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfharden/sfharden/field"
	"github.com/sfharden/sfharden/profile"
)

func TestLoginRangeErrors(t *testing.T) {
	tests := []struct {
		name   string
		danger string // for security cases: why the input is dangerous
		input  profile.LoginRange
		want   wantError
	}{
		{
			name:   "reversed ends",
			danger: "Salesforce rejects the deploy",
			input:  profile.LoginRange{Start: "10.0.0.9", End: "10.0.0.1"},
			want:   wantError{field.Invalid, "loginIpRanges[0]"},
		},
		{
			name:  "mixed families",
			input: profile.LoginRange{Start: "192.0.2.1", End: "2001:db8::1"},
			want:  wantError{field.Invalid, "loginIpRanges[0]"},
		},
		{
			name:  "crosses mapped block",
			input: profile.LoginRange{Start: "::2", End: "::1:0:0:0"},
			want:  wantError{field.Invalid, "loginIpRanges[0]"},
		},
		{
			name:   "cidr pasted into start",
			danger: "the deploy fails only at deploy time, far from the typo",
			input:  profile.LoginRange{Start: "192.0.2.0/24", End: "192.0.2.0/24"},
			want:   wantError{field.Invalid, "loginIpRanges[0].startAddress"},
		},
		{
			name:  "cidr pasted into end",
			input: profile.LoginRange{Start: "192.0.2.0", End: "192.0.2.0/24"},
			want:  wantError{field.Invalid, "loginIpRanges[0].endAddress"},
		},
		{
			name:  "end missing",
			input: profile.LoginRange{Start: "192.0.2.1"},
			want:  wantError{field.Required, "loginIpRanges[0].endAddress"},
		},
		{
			name:   "every ipv4 address",
			danger: "a restriction that allows every address has no effect, so the profile only looks hardened",
			input:  profile.LoginRange{Addresses: "0.0.0.0/0"},
			want:   wantError{field.Forbidden, "loginIpRanges[0]"},
		},
		{
			name:   "every ipv4 address as ends",
			danger: "the same whole-internet range written the way dev tools write it",
			input:  profile.LoginRange{Start: "0.0.0.0", End: "255.255.255.255"},
			want:   wantError{field.Forbidden, "loginIpRanges[0]"},
		},
		{
			name:   "every ipv6 address",
			danger: "::/0 would allow every address",
			input:  profile.LoginRange{Addresses: "::/0"},
			want:   wantError{field.Invalid, "loginIpRanges[0]"},
		},
		{
			name:   "host bits set",
			danger: "203.0.113.7/24 may mean the block or the host; guessing could open 256 addresses",
			input:  profile.LoginRange{Addresses: "203.0.113.7/24"},
			want:   wantError{field.Invalid, "loginIpRanges[0]"},
		},
		{
			name:  "both forms",
			input: profile.LoginRange{Addresses: "203.0.113.0/24", Start: "203.0.113.0"},
			want:  wantError{field.Invalid, "loginIpRanges[0]"},
		},
		{
			name:  "empty",
			input: profile.LoginRange{},
			want:  wantError{field.Required, "loginIpRanges[0].startAddress"},
		},
		{
			name:  "zone",
			input: profile.LoginRange{Addresses: "fe80::1%eth0"},
			want:  wantError{field.Invalid, "loginIpRanges[0]"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := profile.BuildIntegrationProfile(profile.IntegrationRequest{
				Name:          "Orders_API",
				LoginIPRanges: []profile.LoginRange{tt.input},
			})
			if diff := cmp.Diff([]wantError{tt.want}, errorsOf(t, err)); diff != "" {
				t.Errorf("errors mismatch (-want +got):\n%s\nerror: %v\ndanger: %s", diff, err, tt.danger)
			}
		})
	}
}

func TestLoginRangesCollectEveryError(t *testing.T) {
	_, _, err := profile.BuildIntegrationProfile(profile.IntegrationRequest{
		Name: "Orders_API",
		LoginIPRanges: []profile.LoginRange{
			{Start: "10.0.0.9", End: "10.0.0.1"},
			{Start: "192.0.2.1", End: "2001:db8::1"},
			{Start: "::2", End: "::1:0:0:0"},
			{Start: "192.0.2.0/24", End: "192.0.2.0/24"},
			{Start: "::ffff:192.0.2.1", End: "::ffff:192.0.2.9"},
		},
	})
	want := []wantError{
		{field.Invalid, "loginIpRanges[0]"},
		{field.Invalid, "loginIpRanges[1]"},
		{field.Invalid, "loginIpRanges[2]"},
		{field.Invalid, "loginIpRanges[3].startAddress"},
	}
	if diff := cmp.Diff(want, errorsOf(t, err)); diff != "" {
		t.Errorf("errors mismatch (-want +got):\n%s\nerror: %v", diff, err)
	}
}

func TestLoginRangesAccepted(t *testing.T) {
	tests := []struct {
		name      string
		input     profile.LoginRange
		wantStart string
		wantEnd   string
	}{
		{"cidr", profile.LoginRange{Addresses: "203.0.113.0/24"}, "203.0.113.0", "203.0.113.255"},
		{"single address", profile.LoginRange{Addresses: "198.51.100.7"}, "198.51.100.7", "198.51.100.7"},
		{"dash range", profile.LoginRange{Addresses: "192.0.2.10-192.0.2.20"}, "192.0.2.10", "192.0.2.20"},
		{"ipv6 cidr", profile.LoginRange{Addresses: "2001:db8::/48"}, "2001:db8::", "2001:db8:0:ffff:ffff:ffff:ffff:ffff"},
		{"ends", profile.LoginRange{Start: "198.51.100.1", End: "198.51.100.9"}, "198.51.100.1", "198.51.100.9"},
		{"mapped ends written as ipv4", profile.LoginRange{Start: "::ffff:192.0.2.1", End: "::ffff:192.0.2.9"}, "192.0.2.1", "192.0.2.9"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, _, err := profile.BuildIntegrationProfile(profile.IntegrationRequest{
				Name:          "Orders_API",
				LoginIPRanges: []profile.LoginRange{tt.input},
			})
			require.NoError(t, err)
			require.Len(t, p.LoginIPRanges, 1)
			assert.Equal(t, tt.wantStart, p.LoginIPRanges[0].StartAddress)
			assert.Equal(t, tt.wantEnd, p.LoginIPRanges[0].EndAddress)
		})
	}
}

func TestLoginRangesDuplicate(t *testing.T) {
	_, _, err := profile.BuildIntegrationProfile(profile.IntegrationRequest{
		Name: "Orders_API",
		LoginIPRanges: []profile.LoginRange{
			{Addresses: "203.0.113.0/24"},
			{Start: "203.0.113.0", End: "203.0.113.255"},
		},
	})
	assert.Equal(t, []wantError{{field.Duplicate, "loginIpRanges[1]"}}, errorsOf(t, err))
}

// TestLoginRangeElementOrder checks the order of the children of
// loginIpRanges: description, endAddress, startAddress, as in the schema.
// Blocks written start first were reported to fail, and mixed orders churn
// on every retrieve.
func TestLoginRangeElementOrder(t *testing.T) {
	p, _, err := profile.BuildIntegrationProfile(profile.IntegrationRequest{
		Name:          "Orders_API",
		LoginIPRanges: []profile.LoginRange{{Description: "Office egress", Start: "203.0.113.0", End: "203.0.113.255"}},
	})
	require.NoError(t, err)
	data, err := p.Marshal()
	require.NoError(t, err)
	assert.Contains(t, string(data), `    <loginIpRanges>
        <description>Office egress</description>
        <endAddress>203.0.113.255</endAddress>
        <startAddress>203.0.113.0</startAddress>
    </loginIpRanges>
`)
}
