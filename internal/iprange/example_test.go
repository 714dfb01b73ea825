package iprange_test

import (
	"errors"
	"fmt"

	"github.com/sfharden/sfharden/internal/iprange"
)

func ExampleParse() {
	for _, s := range []string{
		"203.0.113.0/24",
		"198.51.100.7",
		"::ffff:192.0.2.1-::ffff:192.0.2.9",
		"2001:db8::/48",
	} {
		r, err := iprange.Parse(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("startAddress %s, endAddress %s, size %s\n", r.Start(), r.End(), r.Size())
	}
	// Output:
	// startAddress 203.0.113.0, endAddress 203.0.113.255, size 256
	// startAddress 198.51.100.7, endAddress 198.51.100.7, size 1
	// startAddress 192.0.2.1, endAddress 192.0.2.9, size 9
	// startAddress 2001:db8::, endAddress 2001:db8:0:ffff:ffff:ffff:ffff:ffff, size 1208925819614629174706176
}

func ExampleParse_errors() {
	for _, s := range []string{
		"203.0.113.5/24",
		"10.0.0.9-10.0.0.1",
		"192.0.2.1-2001:db8::1",
	} {
		_, err := iprange.Parse(s)
		var rangeErr *iprange.Error
		if errors.As(err, &rangeErr) {
			fmt.Printf("%s: %v\n", rangeErr.Kind, err)
		}
	}
	// Output:
	// host bits set: "203.0.113.5/24" has host bits set; did you mean 203.0.113.0/24?
	// reversed: end address 10.0.0.1 is lower than start address 10.0.0.9; swap the two addresses
	// mixed families: start address 192.0.2.1 is IPv4 but end address 2001:db8::1 is IPv6; use two ranges, one for IPv4 and one for IPv6
}

func ExampleFromEnds() {
	_, err := iprange.FromEnds("192.0.2.0/24", "192.0.2.255")
	fmt.Println(err)
	// Output:
	// start address must be a single address, not the CIDR block "192.0.2.0/24"; the first address of that CIDR block is 192.0.2.0
}

func ExampleCheckTrustedSize() {
	for _, s := range []string{"100.0.0.0-101.255.255.255", "100.0.0.0-103.255.255.255"} {
		r := iprange.MustParse(s)
		fmt.Printf("%s: %v\n", r, iprange.CheckTrustedSize(r))
	}
	// Output:
	// 100.0.0.0-101.255.255.255: <nil>
	// 100.0.0.0-103.255.255.255: trusted IP range 100.0.0.0–103.255.255.255 has 67108864 addresses; the maximum is 33554432 (/7)
}

func ExampleCheckUnion() {
	ranges := []iprange.Range{iprange.MustParse("0.0.0.0/1"), iprange.MustParse("128.0.0.0/1")}
	for _, err := range iprange.CheckUnion(ranges) {
		fmt.Println(err)
	}
	// Output:
	// the IP ranges together contain 4294967296 of the 4294967296 IPv4 addresses (100%), at or above the limit of 2147483648 (a /1); a restriction that broad stops almost no one, so list only the addresses the integration connects from
}

func ExampleReview() {
	for _, w := range iprange.Review(iprange.MustParse("10.0.0.0/8")) {
		fmt.Println(w.Detail)
	}
	// Output:
	// IP range 10.0.0.0–10.255.255.255 has addresses in 10.0.0.0/8, which is a private network block (RFC 1918), so Salesforce never sees a client connect from them
	// IP range 10.0.0.0–10.255.255.255 has 16777216 addresses, more than a /16 (65536), and a partner's NAT egress is rarely that large
}
