package iprange

import (
	"fmt"
	"math/big"
	"net/netip"
)

// Largest ranges, as prefix lengths, that [Review] accepts without a
// warning: a /16 for IPv4 (65,536 addresses) and a /48 for IPv6. A
// partner's NAT egress is rarely larger, so a larger range is more likely a
// typo or a provider's whole network than the partner's own addresses.
const (
	EgressPrefix4 = 16
	EgressPrefix6 = 48
)

// Block is an address block with a special purpose.
type Block struct {
	Prefix netip.Prefix
	// Purpose names the block with the RFC that reserves it, such as "a
	// private network block (RFC 1918)".
	Purpose string
}

// nonPublicBlocks are the blocks whose addresses never reach Salesforce as
// a client's public source address: hosts on the internet cannot be
// reached from them, or they never leave one host or one link. Go's
// net/netip names the same RFCs for IsPrivate, IsLoopback and
// IsLinkLocalUnicast.
var nonPublicBlocks = []Block{
	{netip.MustParsePrefix("0.0.0.0/8"), "the \"this network\" block (RFC 1122)"},
	{netip.MustParsePrefix("10.0.0.0/8"), "a private network block (RFC 1918)"},
	{netip.MustParsePrefix("127.0.0.0/8"), "the loopback block (RFC 1122)"},
	{netip.MustParsePrefix("169.254.0.0/16"), "the link-local block (RFC 3927)"},
	{netip.MustParsePrefix("172.16.0.0/12"), "a private network block (RFC 1918)"},
	{netip.MustParsePrefix("192.168.0.0/16"), "a private network block (RFC 1918)"},
	{netip.MustParsePrefix("::1/128"), "the loopback address (RFC 4291)"},
	{netip.MustParsePrefix("fc00::/7"), "the unique local block (RFC 4193)"},
	{netip.MustParsePrefix("fe80::/10"), "the link-local block (RFC 4291)"},
}

// documentationBlocks are reserved for examples in documentation (RFC 5737
// for IPv4, RFC 3849 for IPv6). sfharden's own examples use them, so
// [Review] stays silent about ranges inside them.
var documentationBlocks = []netip.Prefix{
	netip.MustParsePrefix("192.0.2.0/24"),
	netip.MustParsePrefix("198.51.100.0/24"),
	netip.MustParsePrefix("203.0.113.0/24"),
	netip.MustParsePrefix("2001:db8::/32"),
}

// NonPublic returns the first block that r shares an address with and
// whose addresses can never be a client's public address, such as
// 10.0.0.0/8 or fe80::/10. It reports false when r has no such address.
func NonPublic(r Range) (Block, bool) {
	if !r.IsValid() {
		return Block{}, false
	}
	for _, b := range nonPublicBlocks {
		if r.overlaps(b.Prefix) {
			return b, true
		}
	}
	return Block{}, false
}

// IsDocumentation reports whether every address of r lies in one block
// reserved for documentation: 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24
// or 2001:db8::/32.
func IsDocumentation(r Range) bool {
	if !r.IsValid() {
		return false
	}
	for _, p := range documentationBlocks {
		if p.Contains(r.start) && p.Contains(r.end) {
			return true
		}
	}
	return false
}

// IsBroad reports whether r has more addresses than a /[EgressPrefix4]
// IPv4 block or a /[EgressPrefix6] IPv6 block.
func IsBroad(r Range) bool {
	if !r.IsValid() {
		return false
	}
	return r.Size().Cmp(egressLimit(r)) > 0
}

func egressLimit(r Range) *big.Int {
	bits := EgressPrefix6
	if r.Is4() {
		bits = EgressPrefix4
	}
	return new(big.Int).Lsh(big.NewInt(1), uint(r.start.BitLen()-bits))
}

// Warning is a doubt about a valid range that is not reason enough to
// reject it.
type Warning struct {
	Detail string // the doubt, such as "IP range 10.0.0.0–10.0.0.255 has addresses in 10.0.0.0/8, ..."
	Hint   string // the next step for the user
}

// String returns Detail, followed by "; " and Hint.
func (w Warning) String() string {
	return w.Detail + "; " + w.Hint
}

// Review returns warnings about a range that parsed and passed
// [CheckRestricts], in the order of these checks. A range with addresses
// in a block that is never a client's public address (see [NonPublic])
// cannot match a connection from the partner. A range larger than a
// /[EgressPrefix4] or /[EgressPrefix6] is larger than a partner's NAT egress
// usually is. Ranges inside documentation blocks ([IsDocumentation]) get
// no warning, because examples use them.
func Review(r Range) []Warning {
	if !r.IsValid() || IsDocumentation(r) {
		return nil
	}
	var warnings []Warning
	if b, found := NonPublic(r); found {
		warnings = append(warnings, Warning{
			Detail: fmt.Sprintf("IP range %s has addresses in %s, which is %s, so Salesforce never sees a client connect from them", span(r.start, r.end), b.Prefix, b.Purpose),
			Hint:   "give the public address that the partner's network sends from, as seen from the internet",
		})
	}
	if IsBroad(r) {
		bits := EgressPrefix6
		if r.Is4() {
			bits = EgressPrefix4
		}
		warnings = append(warnings, Warning{
			Detail: fmt.Sprintf("IP range %s has %s addresses, more than a /%d (%s), and a partner's NAT egress is rarely that large", span(r.start, r.end), r.Size(), bits, egressLimit(r)),
			Hint:   "check that the range is the partner's own egress and not its provider's whole network",
		})
	}
	return warnings
}

// overlaps reports whether r and p share an address. p is of the same
// family as r or the check reports false.
func (r Range) overlaps(p netip.Prefix) bool {
	if p.Addr().Is4() != r.Is4() {
		return false
	}
	first, last := p.Addr(), lastInPrefix(p)
	return !r.end.Less(first) && !last.Less(r.start)
}
