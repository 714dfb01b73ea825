package iprange

import (
	"fmt"
	"math"
	"math/big"
	"slices"
	"strings"
)

// Limits on the addresses that the ranges of one restriction may allow
// together, such as a profile's login IP ranges or an app's IP ranges. They
// are prefix lengths: the ranges may not cover as many IPv4 addresses as a
// /1 block (half of IPv4, 2^31 addresses). Nor may they cover as many IPv6
// addresses as a /3 block (2^125 addresses, the size of 2000::/3, from
// which all global unicast addresses are allocated). Ranges that large stop
// almost no attacker, so [CheckUnion] rejects them.
const (
	MaxUnionPrefix4 = 1
	MaxUnionPrefix6 = 3
)

// Union returns the addresses of ranges as the fewest ranges that contain
// them: overlapping and adjacent ranges of one family are merged, and the
// result is sorted by [Range.Compare]. Zero Ranges are skipped. ranges is
// not changed.
func Union(ranges []Range) []Range {
	sorted := make([]Range, 0, len(ranges))
	for _, r := range ranges {
		if r.IsValid() {
			sorted = append(sorted, r)
		}
	}
	slices.SortFunc(sorted, Range.Compare)

	var merged []Range
	for _, r := range sorted {
		if n := len(merged); n > 0 && touches(merged[n-1], r) {
			if merged[n-1].end.Less(r.end) {
				merged[n-1].end = r.end
			}
			continue
		}
		merged = append(merged, r)
	}
	return merged
}

// touches reports whether next, which sorts at or after prev, overlaps prev
// or starts right after its end.
func touches(prev, next Range) bool {
	if prev.Is4() != next.Is4() {
		return false
	}
	after := prev.end.Next()
	// The zero Addr means prev ends at the last address of its family.
	return !after.IsValid() || !after.Less(next.start)
}

// TotalSize returns the number of distinct IPv4 and IPv6 addresses in
// ranges. An address that several ranges contain is counted once.
func TotalSize(ranges []Range) (ipv4, ipv6 *big.Int) {
	ipv4, ipv6 = new(big.Int), new(big.Int)
	for _, r := range Union(ranges) {
		if r.Is4() {
			ipv4.Add(ipv4, r.Size())
		} else {
			ipv6.Add(ipv6, r.Size())
		}
	}
	return ipv4, ipv6
}

// CheckUnion returns a [KindTooBroad] error for each family whose ranges
// together contain at least as many addresses as a /[MaxUnionPrefix4] IPv4
// block or a /[MaxUnionPrefix6] IPv6 block. It judges the ranges of one
// restriction as a set, so 0.0.0.0/1 and 128.0.0.0/1, or four /2 blocks,
// are rejected like 0.0.0.0/0. The Input of each error lists the ranges of
// its family, joined by ", ".
func CheckUnion(ranges []Range) []*Error {
	ipv4, ipv6 := TotalSize(ranges)
	var errs []*Error
	for _, family := range []struct {
		total  *big.Int
		bits   int
		prefix int
		name   string
		is4    bool
	}{
		{ipv4, 32, MaxUnionPrefix4, "IPv4", true},
		{ipv6, 128, MaxUnionPrefix6, "IPv6", false},
	} {
		limit := new(big.Int).Lsh(big.NewInt(1), uint(family.bits-family.prefix))
		if family.total.Cmp(limit) < 0 {
			continue
		}
		space := new(big.Int).Lsh(big.NewInt(1), uint(family.bits))
		var listed []string
		for _, r := range ranges {
			if r.IsValid() && r.Is4() == family.is4 {
				listed = append(listed, r.String())
			}
		}
		errs = append(errs, &Error{
			Input: strings.Join(listed, ", "),
			Kind:  KindTooBroad,
			Detail: fmt.Sprintf("the IP ranges together contain %s of the %s %s addresses (%s), at or above the limit of %s (a /%d)",
				family.total, space, family.name, percent(family.total, space), limit, family.prefix),
			Hint: "a restriction that broad stops almost no one, so list only the addresses the integration connects from",
		})
	}
	return errs
}

// percent returns part as a percentage of whole, rounded down to two
// decimals, such as "50%", "12.5%" or "99.99%".
func percent(part, whole *big.Int) string {
	ratio := new(big.Float).Quo(new(big.Float).SetInt(part), new(big.Float).SetInt(whole))
	value, _ := ratio.Mul(ratio, big.NewFloat(100)).Float64()
	// Rounding down keeps 0.0.0.1-255.255.255.255 from reading as 100%.
	return fmt.Sprintf("%g%%", math.Floor(value*100)/100)
}
