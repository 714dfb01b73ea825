package iprange

import (
	"errors"
	"math/big"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// requireError checks that err is an *Error with the given kind and part, and
// returns it for further checks.
func requireError(t *testing.T, err error, kind Kind, part Part) *Error {
	t.Helper()
	if err == nil {
		t.Fatalf("got no error, want kind %q", kind)
	}
	var rangeErr *Error
	if !errors.As(err, &rangeErr) {
		t.Fatalf("error %q is %T, want *Error", err, err)
	}
	if rangeErr.Kind != kind {
		t.Errorf("kind of %q = %q, want %q", err, rangeErr.Kind, kind)
	}
	if rangeErr.Part != part {
		t.Errorf("part of %q = %d, want %d", err, rangeErr.Part, part)
	}
	return rangeErr
}

func TestParse(t *testing.T) {
	tests := []struct {
		name  string
		input string
		start string
		end   string
	}{
		{"ipv4 cidr", "203.0.113.0/24", "203.0.113.0", "203.0.113.255"},
		{"ipv6 cidr", "2001:db8::/48", "2001:db8::", "2001:db8:0:ffff:ffff:ffff:ffff:ffff"},
		{"ipv4 single address", "198.51.100.7", "198.51.100.7", "198.51.100.7"},
		{"ipv6 single address", "2001:db8::7", "2001:db8::7", "2001:db8::7"},
		{"ipv4 range", "192.0.2.10-192.0.2.20", "192.0.2.10", "192.0.2.20"},
		{"ipv6 range", "2001:db8::10-2001:db8::20", "2001:db8::10", "2001:db8::20"},
		{"range with equal ends", "192.0.2.1-192.0.2.1", "192.0.2.1", "192.0.2.1"},
		{"ipv4 /32 is one address", "192.0.2.1/32", "192.0.2.1", "192.0.2.1"},
		{"ipv6 /128 is one address", "2001:db8::1/128", "2001:db8::1", "2001:db8::1"},
		{"ipv4 /31 at the top", "255.255.255.254/31", "255.255.255.254", "255.255.255.255"},
		{"ipv4 /1 upper half", "128.0.0.0/1", "128.0.0.0", "255.255.255.255"},
		{"highest ipv4 address", "255.255.255.255", "255.255.255.255", "255.255.255.255"},
		{"lowest ipv4 address", "0.0.0.0", "0.0.0.0", "0.0.0.0"},
		// Parse accepts these so audits can read them, and CheckRestricts rejects them.
		{"ipv4 /0", "0.0.0.0/0", "0.0.0.0", "255.255.255.255"},
		{"every ipv4 address as a range", "0.0.0.0-255.255.255.255", "0.0.0.0", "255.255.255.255"},
		{"mapped range is unmapped", "::ffff:192.0.2.1-::ffff:192.0.2.9", "192.0.2.1", "192.0.2.9"},
		{"mapped single address is unmapped", "::ffff:198.51.100.7", "198.51.100.7", "198.51.100.7"},
		{"mapped cidr is unmapped", "::ffff:192.0.2.0/120", "192.0.2.0", "192.0.2.255"},
		{"whole mapped block is all of ipv4", "::ffff:0:0/96", "0.0.0.0", "255.255.255.255"},
		{"mapped block edges", "::ffff:0.0.0.0-::ffff:255.255.255.255", "0.0.0.0", "255.255.255.255"},
		{"ipv6 up to below the mapped block", "::-::fffe:ffff:ffff", "::", "::fffe:ffff:ffff"},
		{"ipv6 from above the mapped block", "::1:0:0:0-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "::1:0:0:0", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"},
		{"upper-case ipv6", "2001:DB8::/32", "2001:db8::", "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff"},
		{"spaces around value and dash", "  192.0.2.10 - 192.0.2.20\t", "192.0.2.10", "192.0.2.20"},
		{"en dash between addresses", "192.0.2.10–192.0.2.20", "192.0.2.10", "192.0.2.20"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Parse(tt.input)
			if err != nil {
				t.Fatalf("Parse(%q) error: %v", tt.input, err)
			}
			if got := r.Start().String(); got != tt.start {
				t.Errorf("Parse(%q).Start() = %s, want %s", tt.input, got, tt.start)
			}
			if got := r.End().String(); got != tt.end {
				t.Errorf("Parse(%q).End() = %s, want %s", tt.input, got, tt.end)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name  string
		input string
		kind  Kind
		part  Part
	}{
		{"empty", "", KindEmpty, PartRange},
		{"only spaces", "  \t", KindEmpty, PartRange},
		{"garbage", "partner NAT", KindSyntax, PartRange},
		{"ipv4 octet above 255", "192.0.2.256", KindSyntax, PartRange},
		{"ipv4 octet with leading zero", "010.0.0.1", KindSyntax, PartRange},
		{"three ipv4 octets", "192.0.2", KindSyntax, PartRange},
		{"hostname", "login.example.com", KindSyntax, PartRange},
		{"ipv6 zone", "fe80::1%eth0", KindZone, PartRange},
		{"ipv6 zone with dash", "fe80::1%en-0", KindZone, PartRange},
		{"ipv6 zone in range end", "fe80::1-fe80::2%eth0", KindZone, PartEnd},
		{"ipv6 zone in cidr", "fe80::%eth0/64", KindZone, PartRange},
		{"ipv4 host bits set", "203.0.113.5/24", KindHostBits, PartRange},
		{"ipv6 host bits set", "2001:db8::1/48", KindHostBits, PartRange},
		{"ipv4 prefix above 32", "192.0.2.0/33", KindSyntax, PartRange},
		{"ipv6 prefix above 128", "2001:db8::/129", KindSyntax, PartRange},
		{"prefix not a number", "192.0.2.0/x", KindSyntax, PartRange},
		{"prefix with leading zero", "192.0.2.0/024", KindSyntax, PartRange},
		{"empty prefix", "192.0.2.0/", KindSyntax, PartRange},
		{"two slashes", "192.0.2.0/24/25", KindSyntax, PartRange},
		{"garbage cidr address", "192.0.2/24", KindSyntax, PartRange},
		{"reversed ipv4 range", "10.0.0.9-10.0.0.1", KindReversed, PartRange},
		{"reversed ipv6 range", "2001:db8::2-2001:db8::1", KindReversed, PartRange},
		{"reversed mapped range", "::ffff:192.0.2.9-::ffff:192.0.2.1", KindReversed, PartRange},
		{"ipv4 start ipv6 end", "192.0.2.1-2001:db8::1", KindMixedFamily, PartRange},
		{"ipv6 start ipv4 end", "2001:db8::1-192.0.2.1", KindMixedFamily, PartRange},
		{"ipv4 start mapped end", "192.0.2.1-::ffff:192.0.2.9", KindMixedFamily, PartRange},
		// Salesforce places IPv4 addresses in ::ffff:0:0/96 and rejects a
		// range with addresses both inside and outside that block.
		{"range over the mapped block", "::2-::1:0:0:0", KindCrossesMapped, PartRange},
		{"range from inside the mapped block", "::ffff:192.0.2.1-2001:db8::1", KindCrossesMapped, PartRange},
		{"range into the mapped block", "::1-::ffff:192.0.2.1", KindCrossesMapped, PartRange},
		{"ipv6 /0", "::/0", KindCrossesMapped, PartRange},
		{"cidr one bit wider than the mapped block", "::fffe:0:0/95", KindCrossesMapped, PartRange},
		{"cidr as range start", "192.0.2.0/24-192.0.2.255", KindNotSingle, PartStart},
		{"cidr as range end", "192.0.2.0-192.0.2.0/24", KindNotSingle, PartEnd},
		{"slash without address as range end", "192.0.2.0-/24", KindSyntax, PartEnd},
		{"missing start", "-192.0.2.1", KindEmpty, PartStart},
		{"missing end", "192.0.2.1-", KindEmpty, PartEnd},
		{"only a dash", "-", KindEmpty, PartStart},
		{"two dashes", "192.0.2.1-192.0.2.5-192.0.2.9", KindSyntax, PartRange},
		{"dash and en dash", "192.0.2.1-192.0.2.5–192.0.2.9", KindSyntax, PartRange},
		{"garbage end", "192.0.2.1-gateway", KindSyntax, PartEnd},
		{"garbage start", "gateway-192.0.2.1", KindSyntax, PartStart},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Parse(tt.input)
			rangeErr := requireError(t, err, tt.kind, tt.part)
			if rangeErr.Input != tt.input {
				t.Errorf("Input = %q, want %q", rangeErr.Input, tt.input)
			}
			if r.IsValid() {
				t.Errorf("Parse(%q) returned %s with its error", tt.input, r)
			}
		})
	}
}

func TestFromEnds(t *testing.T) {
	tests := []struct {
		name       string
		start, end string
		want       string
	}{
		{"ipv4 block", "203.0.113.0", "203.0.113.255", "203.0.113.0-203.0.113.255"},
		{"single address", "198.51.100.7", "198.51.100.7", "198.51.100.7"},
		{"ipv6", "2001:db8::", "2001:db8::ff", "2001:db8::-2001:db8::ff"},
		{"mapped ends are unmapped", "::ffff:192.0.2.1", "::ffff:192.0.2.9", "192.0.2.1-192.0.2.9"},
		{"every ipv4 address", "0.0.0.0", "255.255.255.255", "0.0.0.0-255.255.255.255"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := FromEnds(tt.start, tt.end)
			if err != nil {
				t.Fatalf("FromEnds(%q, %q) error: %v", tt.start, tt.end, err)
			}
			if got := r.String(); got != tt.want {
				t.Errorf("FromEnds(%q, %q) = %s, want %s", tt.start, tt.end, got, tt.want)
			}
		})
	}
}

func TestFromEndsErrors(t *testing.T) {
	tests := []struct {
		name       string
		start, end string
		kind       Kind
		part       Part
		input      string
	}{
		{"cidr in start", "192.0.2.0/24", "192.0.2.0/24", KindNotSingle, PartStart, "192.0.2.0/24"},
		{"cidr in end", "192.0.2.0", "192.0.2.0/24", KindNotSingle, PartEnd, "192.0.2.0/24"},
		{"range in start", "192.0.2.1-192.0.2.9", "192.0.2.9", KindNotSingle, PartStart, "192.0.2.1-192.0.2.9"},
		{"empty start", "", "192.0.2.1", KindEmpty, PartStart, ""},
		{"empty end", "192.0.2.1", "", KindEmpty, PartEnd, ""},
		{"space before start", " 192.0.2.1", "192.0.2.1", KindSyntax, PartStart, " 192.0.2.1"},
		{"cidr with host bits in start", "192.0.2.5/24", "192.0.2.255", KindNotSingle, PartStart, "192.0.2.5/24"},
		{"garbage with slash in end", "192.0.2.1", "n/a", KindSyntax, PartEnd, "n/a"},
		{"garbage with dash in end", "192.0.2.1", "to-do", KindSyntax, PartEnd, "to-do"},
		{"zone in start", "fe80::1%eth0", "fe80::2", KindZone, PartStart, "fe80::1%eth0"},
		{"reversed", "10.0.0.9", "10.0.0.1", KindReversed, PartRange, "10.0.0.9-10.0.0.1"},
		{"mixed families", "192.0.2.1", "2001:db8::1", KindMixedFamily, PartRange, "192.0.2.1-2001:db8::1"},
		{"crosses the mapped block", "::2", "::1:0:0:0", KindCrossesMapped, PartRange, "::2-::1:0:0:0"},
		{"every ipv6 address", "::", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", KindCrossesMapped, PartRange, "::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := FromEnds(tt.start, tt.end)
			rangeErr := requireError(t, err, tt.kind, tt.part)
			if rangeErr.Input != tt.input {
				t.Errorf("Input = %q, want %q", rangeErr.Input, tt.input)
			}
		})
	}
}

// The messages are part of what users see, so a few are pinned word for word.
func TestErrorMessages(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want string
	}{
		{
			"host bits",
			parseError("203.0.113.5/24"),
			`"203.0.113.5/24" has host bits set; did you mean 203.0.113.0/24?`,
		},
		{
			"reversed",
			parseError("10.0.0.9-10.0.0.1"),
			"end address 10.0.0.1 is lower than start address 10.0.0.9; swap the two addresses",
		},
		{
			"mixed families",
			parseError("192.0.2.1-2001:db8::1"),
			"start address 192.0.2.1 is IPv4 but end address 2001:db8::1 is IPv6; use two ranges, one for IPv4 and one for IPv6",
		},
		{
			"mixed families with a mapped end",
			parseError("192.0.2.1-::ffff:192.0.2.9"),
			"start address 192.0.2.1 is IPv4 but end address ::ffff:192.0.2.9 is IPv6; write ::ffff:192.0.2.9 as the IPv4 address 192.0.2.9",
		},
		{
			"crosses the mapped block",
			parseError("::2-::1:0:0:0"),
			"IP range ::2–::1:0:0:0 has addresses both inside and outside the IPv4-mapped block ::ffff:0:0/96; " +
				"Salesforce rejects such ranges, so split it where the block starts (::ffff:0.0.0.0) and ends (::ffff:255.255.255.255)",
		},
		{
			"every ipv6 address",
			parseError("::/0"),
			"IP range ::–ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff has addresses both inside and outside the IPv4-mapped block ::ffff:0:0/96; " +
				"this range would allow every address, so the IP restriction would have no effect; list the addresses the integration connects from instead",
		},
		{
			"zone",
			parseError("fe80::1%eth0"),
			`IP range "fe80::1%eth0" has an IPv6 zone; remove "%eth0", because Salesforce IP ranges take addresses without a zone`,
		},
		{
			"garbage",
			parseError("192.0.2.256"),
			`invalid IP range "192.0.2.256": IPv4 field has value >255; give a CIDR block such as 203.0.113.0/24, a single address, or two addresses joined by '-'`,
		},
		{
			"garbage end",
			parseError("192.0.2.1-x"),
			`invalid end address "x" in IP range "192.0.2.1-x": unable to parse IP; give a CIDR block such as 203.0.113.0/24, a single address, or two addresses joined by '-'`,
		},
		{
			"prefix length",
			parseError("192.0.2.0/33"),
			`invalid prefix length "33" in CIDR block "192.0.2.0/33"; use a whole number from 0 to 32 for IPv4`,
		},
		{
			"cidr in start address",
			fromEndsError("192.0.2.0/24", "192.0.2.0/24"),
			`start address must be a single address, not the CIDR block "192.0.2.0/24"; the first address of that CIDR block is 192.0.2.0`,
		},
		{
			"cidr in end address",
			fromEndsError("192.0.2.0", "192.0.2.0/24"),
			`end address must be a single address, not the CIDR block "192.0.2.0/24"; the last address of that CIDR block is 192.0.2.255`,
		},
		{
			"range in end address",
			fromEndsError("192.0.2.1", "192.0.2.1-192.0.2.9"),
			`end address must be a single address, not the range "192.0.2.1-192.0.2.9"; the last address of that range is 192.0.2.9`,
		},
		{
			"cidr as range start",
			parseError("192.0.2.0/24-192.0.2.255"),
			`start address must be a single address, not the CIDR block "192.0.2.0/24" in IP range "192.0.2.0/24-192.0.2.255"; the first address of that CIDR block is 192.0.2.0`,
		},
		{
			"too large for a trusted range",
			CheckTrustedSize(MustParse("100.0.0.0-103.255.255.255")),
			"trusted IP range 100.0.0.0–103.255.255.255 has 67108864 addresses; the maximum is 33554432 (/7)",
		},
		{
			"covers all ipv4",
			CheckRestricts(MustParse("0.0.0.0/0")),
			"IP range 0.0.0.0–255.255.255.255 covers every IPv4 address, so the IP restriction would have no effect; " +
				"list only the addresses the integration connects from",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.err == nil {
				t.Fatal("got no error")
			}
			if diff := cmp.Diff(tt.want, tt.err.Error()); diff != "" {
				t.Errorf("message (-want +got):\n%s", diff)
			}
		})
	}
}

func parseError(s string) error {
	_, err := Parse(s)
	return err
}

func fromEndsError(start, end string) error {
	_, err := FromEnds(start, end)
	return err
}

func TestRangeString(t *testing.T) {
	tests := []struct {
		name string
		r    Range
		want string
	}{
		{"single address", MustParse("192.0.2.1/32"), "192.0.2.1"},
		{"cidr as range", MustParse("203.0.113.0/24"), "203.0.113.0-203.0.113.255"},
		{"ipv6", MustParse("2001:db8::/127"), "2001:db8::-2001:db8::1"},
		{"unmapped", MustParse("::ffff:192.0.2.1-::ffff:192.0.2.9"), "192.0.2.1-192.0.2.9"},
		{"zero range", Range{}, "invalid Range"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.r.String(); got != tt.want {
				t.Errorf("String() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestRangeSize(t *testing.T) {
	pow2 := func(n uint) *big.Int { return new(big.Int).Lsh(big.NewInt(1), n) }
	sub := func(a, b *big.Int) *big.Int { return new(big.Int).Sub(a, b) }
	tests := []struct {
		name string
		r    Range
		want *big.Int
	}{
		{"single address", MustParse("198.51.100.7"), big.NewInt(1)},
		{"ipv4 /24", MustParse("203.0.113.0/24"), big.NewInt(256)},
		{"ipv4 range", MustParse("192.0.2.10-192.0.2.20"), big.NewInt(11)},
		{"ipv4 /7", MustParse("100.0.0.0/7"), big.NewInt(33554432)},
		{"every ipv4 address", MustParse("0.0.0.0/0"), pow2(32)},
		{"ipv6 /128", MustParse("2001:db8::1/128"), big.NewInt(1)},
		{"ipv6 /32", MustParse("2001:db8::/32"), pow2(96)},
		{"ipv6 below the mapped block", MustParse("::-::fffe:ffff:ffff"), sub(pow2(48), pow2(32))},
		{"ipv6 above the mapped block", MustParse("::1:0:0:0-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"), sub(pow2(128), pow2(48))},
		{"zero range", Range{}, big.NewInt(0)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.r.Size(); got.Cmp(tt.want) != 0 {
				t.Errorf("Size() of %s = %s, want %s", tt.r, got, tt.want)
			}
		})
	}
}

func TestRangeCoversAll(t *testing.T) {
	tests := []struct {
		name string
		r    Range
		want bool
	}{
		{"ipv4 /0", MustParse("0.0.0.0/0"), true},
		{"ipv4 full range", MustParse("0.0.0.0-255.255.255.255"), true},
		{"whole mapped block", MustParse("::ffff:0:0/96"), true},
		{"ipv4 missing the last address", MustParse("0.0.0.0-255.255.255.254"), false},
		{"ipv4 missing the first address", MustParse("0.0.0.1-255.255.255.255"), false},
		{"ipv4 /1", MustParse("0.0.0.0/1"), false},
		{"largest ipv6 range", MustParse("::1:0:0:0-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"), false},
		{"single address", MustParse("0.0.0.0"), false},
		{"zero range", Range{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.r.CoversAll(); got != tt.want {
				t.Errorf("CoversAll() of %s = %t, want %t", tt.r, got, tt.want)
			}
		})
	}
}

func TestRangeCompare(t *testing.T) {
	ranges := []Range{
		MustParse("2001:db8::/32"),
		MustParse("159.142.0.0/16"),
		MustParse("63.238.36.11"),
		MustParse("63.151.176.0/24"),
		MustParse("::1"),
		MustParse("63.151.176.0/20"),
		MustParse("255.255.255.255"),
	}
	slices.SortFunc(ranges, Range.Compare)

	var got []string
	for _, r := range ranges {
		got = append(got, r.String())
	}
	// Numeric order puts 63.x before 159.x, unlike text order. A shared
	// start sorts by end, and every IPv4 range comes before any IPv6 range.
	want := []string{
		"63.151.176.0-63.151.176.255",
		"63.151.176.0-63.151.191.255",
		"63.238.36.11",
		"159.142.0.0-159.142.255.255",
		"255.255.255.255",
		"::1",
		"2001:db8::-2001:db8:ffff:ffff:ffff:ffff:ffff:ffff",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("sorted ranges (-want +got):\n%s", diff)
	}

	r := MustParse("192.0.2.0/24")
	if got := r.Compare(MustParse("192.0.2.0-192.0.2.255")); got != 0 {
		t.Errorf("Compare of equal ranges = %d, want 0", got)
	}
	if got := (Range{}).Compare(MustParse("0.0.0.0")); got != -1 {
		t.Errorf("Compare of zero range with 0.0.0.0 = %d, want -1", got)
	}
}

func TestCheckRestricts(t *testing.T) {
	tests := []struct {
		name    string
		r       Range
		wantErr bool
	}{
		{"ipv4 /0", MustParse("0.0.0.0/0"), true},
		{"ipv4 full range", MustParse("0.0.0.0-255.255.255.255"), true},
		{"whole mapped block", MustParse("::ffff:0:0/96"), true},
		{"ipv4 /1", MustParse("128.0.0.0/1"), false},
		{"partner block", MustParse("203.0.113.0/24"), false},
		{"largest ipv6 range", MustParse("::1:0:0:0-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckRestricts(tt.r)
			if !tt.wantErr {
				if err != nil {
					t.Errorf("CheckRestricts(%s) error: %v", tt.r, err)
				}
				return
			}
			rangeErr := requireError(t, err, KindCoversAll, PartRange)
			if rangeErr.Input != tt.r.String() {
				t.Errorf("Input = %q, want %q", rangeErr.Input, tt.r.String())
			}
		})
	}
}

func TestCheckTrustedSize(t *testing.T) {
	tests := []struct {
		name    string
		r       Range
		wantErr bool
	}{
		{"ipv4 /6", MustParse("100.0.0.0-103.255.255.255"), true},
		{"ipv4 /7", MustParse("100.0.0.0-101.255.255.255"), false},
		{"ipv4 /7 unaligned", MustParse("100.0.0.1-102.0.0.0"), false},
		{"ipv4 /7 plus one address", MustParse("100.0.0.0-102.0.0.0"), true},
		{"every ipv4 address", MustParse("0.0.0.0/0"), true},
		{"ipv4 single address", MustParse("192.0.2.1"), false},
		{"ipv6 /31", MustParse("2001:db8::-2001:db9:ffff:ffff:ffff:ffff:ffff:ffff"), true},
		{"ipv6 /32", MustParse("2001:db8::/32"), false},
		{"ipv6 /32 plus one address", MustParse("2001:db8::-2001:db9::"), true},
		{"largest ipv6 range", MustParse("::1:0:0:0-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"), true},
		{"zero range", Range{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckTrustedSize(tt.r)
			if !tt.wantErr {
				if err != nil {
					t.Errorf("CheckTrustedSize(%s) error: %v", tt.r, err)
				}
				return
			}
			requireError(t, err, KindTooLarge, PartRange)
		})
	}
}

// Profile login IP ranges have no size cap, so Parse must accept ranges that
// CheckTrustedSize rejects.
func TestParseHasNoTrustedSizeCap(t *testing.T) {
	r, err := Parse("100.0.0.0/6")
	if err != nil {
		t.Fatalf("Parse error: %v", err)
	}
	if CheckTrustedSize(r) == nil {
		t.Errorf("CheckTrustedSize(%s) returned no error", r)
	}
}

func TestMustParsePanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("MustParse of a reversed range did not panic")
		}
	}()
	MustParse("10.0.0.9-10.0.0.1")
}

func TestKindString(t *testing.T) {
	for kind := KindEmpty; kind <= KindTooLarge; kind++ {
		if kind.String() == "unknown" {
			t.Errorf("kind %d has no name", int(kind))
		}
	}
	if got := Kind(0).String(); got != "unknown" {
		t.Errorf("Kind(0).String() = %q, want \"unknown\"", got)
	}
}

func TestErrorWithoutHint(t *testing.T) {
	err := &Error{Detail: "end address 10.0.0.1 is lower than start address 10.0.0.9"}
	if got := err.Error(); got != err.Detail {
		t.Errorf("Error() = %q, want the detail alone", got)
	}
}
