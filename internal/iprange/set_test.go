package iprange

import (
	"math/big"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func mustParseAll(t *testing.T, values ...string) []Range {
	t.Helper()
	ranges := make([]Range, len(values))
	for i, v := range values {
		r, err := Parse(v)
		if err != nil {
			t.Fatalf("Parse(%q): %v", v, err)
		}
		ranges[i] = r
	}
	return ranges
}

func rangeStrings(ranges []Range) []string {
	out := make([]string, len(ranges))
	for i, r := range ranges {
		out[i] = r.String()
	}
	return out
}

func TestUnion(t *testing.T) {
	tests := []struct {
		name  string
		input []string
		want  []string
	}{
		{"empty", nil, []string{}},
		{"one range", []string{"203.0.113.0/24"}, []string{"203.0.113.0-203.0.113.255"}},
		{"overlapping", []string{"192.0.2.10-192.0.2.20", "192.0.2.15-192.0.2.30"}, []string{"192.0.2.10-192.0.2.30"}},
		{"adjacent", []string{"0.0.0.0/1", "128.0.0.0/1"}, []string{"0.0.0.0-255.255.255.255"}},
		{"contained", []string{"192.0.2.0/24", "192.0.2.7"}, []string{"192.0.2.0-192.0.2.255"}},
		{"gap kept", []string{"192.0.2.1", "192.0.2.3"}, []string{"192.0.2.1", "192.0.2.3"}},
		{"unsorted input", []string{"198.51.100.0/24", "192.0.2.0/24"}, []string{"192.0.2.0-192.0.2.255", "198.51.100.0-198.51.100.255"}},
		{"families not merged", []string{"2001:db8::/48", "255.255.255.255"}, []string{"255.255.255.255", "2001:db8::-2001:db8:0:ffff:ffff:ffff:ffff:ffff"}},
		{"top of ipv4 then more", []string{"255.255.255.0/24", "255.255.255.255"}, []string{"255.255.255.0-255.255.255.255"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			input := mustParseAll(t, tt.input...)
			before := rangeStrings(input)
			got := rangeStrings(Union(input))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Union(%q) mismatch (-want +got):\n%s", tt.input, diff)
			}
			if diff := cmp.Diff(before, rangeStrings(input)); diff != "" {
				t.Errorf("Union changed its input (-before +after):\n%s", diff)
			}
		})
	}
}

func TestUnionSkipsZeroRange(t *testing.T) {
	got := Union([]Range{{}, MustParse("192.0.2.1")})
	if diff := cmp.Diff([]string{"192.0.2.1"}, rangeStrings(got)); diff != "" {
		t.Errorf("Union mismatch (-want +got):\n%s", diff)
	}
}

func TestTotalSize(t *testing.T) {
	ipv4, ipv6 := TotalSize(mustParseAll(t, "192.0.2.0/24", "192.0.2.0/25", "2001:db8::/127", "2001:db8::1"))
	if ipv4.Cmp(big.NewInt(256)) != 0 {
		t.Errorf("IPv4 total = %s, want 256: shared addresses count once", ipv4)
	}
	if ipv6.Cmp(big.NewInt(2)) != 0 {
		t.Errorf("IPv6 total = %s, want 2", ipv6)
	}
}

func TestCheckUnion(t *testing.T) {
	tests := []struct {
		name   string
		danger string // why the set is dangerous, for rejected sets
		input  []string
		want   []string // the number of addresses each error names, in family order
	}{
		{
			name:   "whole ipv4 but the first address",
			danger: "one address short of 0.0.0.0/0 passes a check for the whole space and restricts nothing",
			input:  []string{"0.0.0.1-255.255.255.255"},
			want:   []string{"4294967295 of the 4294967296 IPv4 addresses (99.99%)"},
		},
		{
			name:   "ipv4 from 1.0.0.0 up",
			danger: "every public address but 0.0.0.0/8 is allowed",
			input:  []string{"1.0.0.0-255.255.255.255"},
			want:   []string{"4278190080 of the 4294967296 IPv4 addresses (99.6%)"},
		},
		{
			name:   "two halves",
			danger: "each /1 alone looks like half, together they are every address",
			input:  []string{"0.0.0.0/1", "128.0.0.0/1"},
			want:   []string{"4294967296 of the 4294967296 IPv4 addresses (100%)"},
		},
		{
			name:   "four quarters",
			danger: "four /2 blocks add up to the whole space",
			input:  []string{"0.0.0.0/2", "64.0.0.0/2", "128.0.0.0/2", "192.0.0.0/2"},
			want:   []string{"4294967296 of the 4294967296 IPv4 addresses (100%)"},
		},
		{
			name:   "exactly half of ipv4",
			danger: "half of the internet is no restriction on an attacker",
			input:  []string{"128.0.0.0/1"},
			want:   []string{"2147483648 of the 4294967296 IPv4 addresses (50%)"},
		},
		{
			name:   "all global unicast ipv6",
			danger: "2000::/3 holds every routed IPv6 address",
			input:  []string{"2000::/3"},
			want:   []string{"42535295865117307932921825928971026432 of the 340282366920938463463374607431768211456 IPv6 addresses (12.5%)"},
		},
		{
			name:   "both families",
			danger: "each family on its own restricts nothing",
			input:  []string{"0.0.0.0/1", "128.0.0.0/1", "2000::/3"},
			want: []string{
				"4294967296 of the 4294967296 IPv4 addresses (100%)",
				"42535295865117307932921825928971026432 of the 340282366920938463463374607431768211456 IPv6 addresses (12.5%)",
			},
		},
		{name: "just under half of ipv4", input: []string{"0.0.0.0/2", "64.0.0.0/3", "96.0.0.0/4", "112.0.0.0-127.255.255.254"}},
		{name: "overlapping halves counted once", input: []string{"0.0.0.0/2", "0.0.0.0/2", "64.0.0.0/3"}},
		{name: "ipv6 just under 2^125", input: []string{"2000::/4", "3000::/5"}},
		{name: "documentation ranges", input: []string{"192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24", "2001:db8::/32"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			errs := CheckUnion(mustParseAll(t, tt.input...))
			var got []string
			for _, err := range errs {
				if err.Kind != KindTooBroad {
					t.Errorf("kind = %q, want %q", err.Kind, KindTooBroad)
				}
				for _, want := range tt.want {
					if strings.Contains(err.Detail, want) {
						got = append(got, want)
					}
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("CheckUnion(%q) mismatch (-want +got):\n%s\nerrors: %v\ndanger: %s", tt.input, diff, errs, tt.danger)
			}
		})
	}
}

func TestCheckUnionInput(t *testing.T) {
	errs := CheckUnion(mustParseAll(t, "0.0.0.0/1", "2001:db8::1", "128.0.0.0/1"))
	if len(errs) != 1 {
		t.Fatalf("got %d errors, want 1: %v", len(errs), errs)
	}
	if want := "0.0.0.0-127.255.255.255, 128.0.0.0-255.255.255.255"; errs[0].Input != want {
		t.Errorf("Input = %q, want %q", errs[0].Input, want)
	}
}

func TestReview(t *testing.T) {
	tests := []struct {
		name   string
		danger string // why a warned range is suspect
		input  string
		want   []string // a part of each warning's Detail
	}{
		{"private 10/8", "a private address never reaches Salesforce, so the partner's real egress is missing", "10.1.2.0/24",
			[]string{"10.0.0.0/8, which is a private network block (RFC 1918)"}},
		{"private 172.16/12", "the partner gave its internal address", "172.20.0.1", []string{"172.16.0.0/12"}},
		{"private 192.168/16", "the partner gave its internal address", "192.168.1.10", []string{"192.168.0.0/16"}},
		{"loopback", "localhost is never a remote client", "127.0.0.1", []string{"127.0.0.0/8, which is the loopback"}},
		{"this network", "0.0.0.0/8 is never a source address on the internet", "0.0.0.0", []string{"0.0.0.0/8"}},
		{"link-local v4", "link-local addresses stay on one link", "169.254.10.0/24", []string{"169.254.0.0/16"}},
		{"ipv6 loopback", "localhost is never a remote client", "::1", []string{"::1/128"}},
		{"unique local", "fc00::/7 is not routed on the internet", "fd12:3456::/48", []string{"fc00::/7"}},
		{"ipv6 link-local", "link-local addresses stay on one link", "fe80::1", []string{"fe80::/10"}},
		{"overlaps private", "part of the range can never match", "9.255.255.0-10.0.0.10", []string{"10.0.0.0/8"}},
		{"larger than /16", "a provider's whole network, not a partner's egress", "100.64.0.0/10",
			[]string{"has 4194304 addresses, more than a /16 (65536)"}},
		{"larger than /48", "a provider's whole allocation", "2600::/32",
			[]string{"more than a /48 (1208925819614629174706176)"}},
		{"private and broad", "the whole private block", "10.0.0.0/8", []string{"10.0.0.0/8", "more than a /16"}},
		{"exactly /16", "", "100.64.0.0/16", nil},
		{"exactly /48", "", "2600:1f18:1234::/48", nil},
		{"public single address", "", "52.1.2.3", nil},
		{"documentation v4", "", "203.0.113.0/24", nil},
		{"documentation v6 /32", "", "2001:db8::/32", nil},
		{"documentation single", "", "198.51.100.7", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			warnings := Review(MustParse(tt.input))
			if len(warnings) != len(tt.want) {
				t.Fatalf("Review(%q) = %v, want %d warnings\ndanger: %s", tt.input, warnings, len(tt.want), tt.danger)
			}
			for i, w := range warnings {
				if !strings.Contains(w.Detail, tt.want[i]) {
					t.Errorf("warning %d = %q, want it to contain %q", i, w.Detail, tt.want[i])
				}
				if w.Hint == "" {
					t.Errorf("warning %d has no hint", i)
				}
			}
		})
	}
}

func TestReviewZeroRange(t *testing.T) {
	if got := Review(Range{}); got != nil {
		t.Errorf("Review(Range{}) = %v, want nil", got)
	}
	if _, found := NonPublic(Range{}); found {
		t.Error("NonPublic(Range{}) found a block")
	}
	if IsBroad(Range{}) || IsDocumentation(Range{}) {
		t.Error("the zero Range is reported as broad or documentation")
	}
}
