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

func TestLoginRangesTogether(t *testing.T) {
	tests := []struct {
		name   string
		danger string // why the set of ranges is dangerous
		ranges []string
		want   []wantError
	}{
		{
			name:   "whole ipv4 but the first address",
			danger: "one address short of 0.0.0.0/0 lets every attacker in",
			ranges: []string{"0.0.0.1-255.255.255.255"},
			want:   []wantError{{field.Forbidden, "loginIpRanges"}},
		},
		{
			name:   "ipv4 from 1.0.0.0",
			danger: "every routed IPv4 address is allowed",
			ranges: []string{"1.0.0.0-255.255.255.255"},
			want:   []wantError{{field.Forbidden, "loginIpRanges"}},
		},
		{
			name:   "two halves",
			danger: "each /1 passes alone, together they are 0.0.0.0/0",
			ranges: []string{"0.0.0.0/1", "128.0.0.0/1"},
			want:   []wantError{{field.Forbidden, "loginIpRanges"}},
		},
		{
			name:   "four quarters",
			danger: "four /2 blocks add up to every address",
			ranges: []string{"0.0.0.0/2", "64.0.0.0/2", "128.0.0.0/2", "192.0.0.0/2"},
			want:   []wantError{{field.Forbidden, "loginIpRanges"}},
		},
		{
			name:   "all global unicast ipv6",
			danger: "2000::/3 is every routed IPv6 address",
			ranges: []string{"2000::/3"},
			want:   []wantError{{field.Forbidden, "loginIpRanges"}},
		},
		{
			name:   "documentation ranges",
			ranges: []string{"192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24", "2001:db8::/32"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var requested []profile.LoginRange
			for _, r := range tt.ranges {
				requested = append(requested, profile.LoginRange{Addresses: r})
			}
			_, _, err := profile.BuildIntegrationProfile(profile.IntegrationRequest{Name: "Orders_API", LoginIPRanges: requested})
			if diff := cmp.Diff(tt.want, errorsOf(t, err)); diff != "" {
				t.Errorf("errors mismatch (-want +got):\n%s\nerror: %v\ndanger: %s", diff, err, tt.danger)
			}
		})
	}
}

func TestLoginRangeNotices(t *testing.T) {
	tests := []struct {
		name   string
		danger string // why the range deserves a second look
		ranges []string
		want   []string // notice paths
	}{
		{"private address", "a private address never reaches Salesforce, so the real egress is missing",
			[]string{"203.0.113.0/24", "10.20.0.0/16"}, []string{"loginIpRanges[1]"}},
		{"loopback", "localhost is never a remote client", []string{"127.0.0.1"}, []string{"loginIpRanges[0]"}},
		{"unique local ipv6", "fc00::/7 is not routed on the internet", []string{"fd00::/64"}, []string{"loginIpRanges[0]"}},
		{"link-local ipv6", "fe80::/10 never leaves one link", []string{"fe80::1"}, []string{"loginIpRanges[0]"}},
		{"larger than /16", "a provider's whole network is rarely the partner's egress", []string{"100.0.0.0/12"}, []string{"loginIpRanges[0]"}},
		{"larger than /48", "a provider's whole allocation", []string{"2600::/40"}, []string{"loginIpRanges[0]"}},
		{"private and large", "two doubts about one range", []string{"10.0.0.0/8"}, []string{"loginIpRanges[0]", "loginIpRanges[0]"}},
		{"documentation ranges stay silent", "", []string{"192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24", "2001:db8::/32"}, nil},
		{"public /16", "", []string{"52.95.0.0/16"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var requested []profile.LoginRange
			for _, r := range tt.ranges {
				requested = append(requested, profile.LoginRange{Addresses: r})
			}
			_, notices, err := profile.BuildIntegrationProfile(profile.IntegrationRequest{Name: "Orders_API", LoginIPRanges: requested})
			require.NoError(t, err)
			var paths []string
			for _, n := range notices {
				paths = append(paths, n.Path)
			}
			assert.Equal(t, tt.want, paths, "danger: %s", tt.danger)
		})
	}
}
