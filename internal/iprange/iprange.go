package iprange

import (
	"fmt"
	"math/big"
	"net/netip"
	"strconv"
	"strings"
)

// Range is an inclusive range of IP addresses of one family. Ranges come from [Parse], [FromEnds] or [MustParse], which
// guarantee that Start <= End, that both ends are IPv4 or both IPv6, and that
// neither end is an IPv4-mapped IPv6 address.
//
// The zero Range is invalid: IsValid reports false and String returns
// "invalid Range".
type Range struct {
	start, end netip.Addr
}

// First and last address of the IPv4-mapped block ::ffff:0:0/96, which
// contains IPv4 addresses written as IPv6.
var (
	mappedFirst = netip.MustParseAddr("::ffff:0.0.0.0")
	mappedLast  = netip.MustParseAddr("::ffff:255.255.255.255")
)

const formsHint = "give a CIDR block such as 203.0.113.0/24, a single address, or two addresses joined by '-'"

// Parse parses an IP range written as a CIDR block ("203.0.113.0/24",
// "2001:db8::/48"), a single address ("198.51.100.7"), or two addresses joined
// by '-' ("192.0.2.10-192.0.2.20"). An en dash ('–') is accepted in place of
// '-', and spaces around the value and around the dash are ignored.
//
// Parse rejects CIDR blocks with host bits set, ranges whose end is lower than
// their start, ranges with one IPv4 and one IPv6 end, IPv6 ranges that have
// addresses both inside and outside ::ffff:0:0/96, and addresses with zones.
// A range with both ends inside ::ffff:0:0/96 is returned as IPv4. Every error
// is an [*Error] whose Input is s.
//
// Parse accepts ranges that cover all addresses of a family, such as
// 0.0.0.0/0, so the audit can read them; [CheckRestricts] rejects them.
func Parse(s string) (Range, error) {
	text := strings.TrimSpace(s)
	if text == "" {
		return Range{}, &Error{Input: s, Kind: KindEmpty, Detail: "empty IP range", Hint: formsHint}
	}

	// A zone may contain '-', so report it before looking for a range.
	if addr, err := netip.ParseAddr(text); err == nil && addr.Zone() != "" {
		return Range{}, zoneError(s, text, addr, PartRange, "IP range", "")
	}

	startText, endText, isRange, err := cutRange(s, text)
	if err != nil {
		return Range{}, err
	}
	if isRange {
		where := fmt.Sprintf(" in IP range %q", s)
		start, err := parseEnd(s, strings.TrimSpace(startText), PartStart, where)
		if err != nil {
			return Range{}, err
		}
		end, err := parseEnd(s, strings.TrimSpace(endText), PartEnd, where)
		if err != nil {
			return Range{}, err
		}
		return fromAddrs(s, start, end)
	}

	if strings.Contains(text, "/") {
		return parsePrefix(s, text)
	}

	addr, err := parseAddr(s, text, PartRange, "IP range", "")
	if err != nil {
		return Range{}, err
	}
	return fromAddrs(s, addr, addr)
}

// MustParse calls [Parse] and panics on error. It is meant for tests and
// hard-coded values.
func MustParse(s string) Range {
	r, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return r
}

// FromEnds builds a range from a start and an end address as they are stored
// in metadata files (startAddress and endAddress, start and end, or
// startIpAddress and endIpAddress). Each value must be one address: a CIDR
// block or a range is a [KindNotSingle] error. Unlike [Parse], FromEnds does
// not trim spaces. The checks on the pair are the same as in Parse.
//
// Errors about one value have Part set to [PartStart] or [PartEnd] and that
// value as Input. Errors about the pair have Input "start-end".
func FromEnds(start, end string) (Range, error) {
	startAddr, err := parseEnd(start, start, PartStart, "")
	if err != nil {
		return Range{}, err
	}
	endAddr, err := parseEnd(end, end, PartEnd, "")
	if err != nil {
		return Range{}, err
	}
	return fromAddrs(start+"-"+end, startAddr, endAddr)
}

// Start returns the first address of r.
func (r Range) Start() netip.Addr { return r.start }

// End returns the last address of r.
func (r Range) End() netip.Addr { return r.end }

// IsValid reports whether r is a range returned by this package rather than
// the zero Range.
func (r Range) IsValid() bool { return r.start.IsValid() }

// Is4 reports whether r is an IPv4 range.
func (r Range) Is4() bool { return r.start.Is4() }

// String returns the start address for a single address, and "start-end"
// otherwise. [Parse] parses the result back to r.
func (r Range) String() string {
	if !r.IsValid() {
		return "invalid Range"
	}
	if r.start == r.end {
		return r.start.String()
	}
	return r.start.String() + "-" + r.end.String()
}

// Compare returns -1, 0 or +1 as r sorts before, equal to or after other.
// Ranges sort by the numeric value of their start address, then of their end
// address. Every IPv4 range sorts before every IPv6 range, and the zero Range
// sorts first. Use it as slices.SortFunc(ranges, Range.Compare).
func (r Range) Compare(other Range) int {
	if c := r.start.Compare(other.start); c != 0 {
		return c
	}
	return r.end.Compare(other.end)
}

// Size returns the number of addresses in r, ends included. It returns 0 for
// the zero Range.
func (r Range) Size() *big.Int {
	if !r.IsValid() {
		return new(big.Int)
	}
	first := new(big.Int).SetBytes(r.start.AsSlice())
	n := new(big.Int).SetBytes(r.end.AsSlice())
	n.Sub(n, first)
	return n.Add(n, big.NewInt(1))
}

// CoversAll reports whether r contains every address of its family:
// 0.0.0.0-255.255.255.255 for IPv4, or ::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff
// for IPv6. [Parse] and [FromEnds] reject the IPv6 one because it crosses
// ::ffff:0:0/96, so in practice CoversAll reports true only for the IPv4 one.
func (r Range) CoversAll() bool {
	if !r.IsValid() {
		return false
	}
	return r.start == firstAddr(r.start.BitLen()) && r.end == lastAddr(r.start.BitLen())
}

// cutRange splits text at its '-' or '–'. It reports ok false when there is no
// separator, and an error when there is more than one.
func cutRange(input, text string) (start, end string, ok bool, err error) {
	i := strings.IndexAny(text, "-–")
	if i < 0 {
		return "", "", false, nil
	}
	width := len("-")
	if text[i] != '-' {
		width = len("–")
	}
	start, end = text[:i], text[i+width:]
	if strings.ContainsAny(end, "-–") {
		return "", "", false, &Error{
			Input:  input,
			Kind:   KindSyntax,
			Detail: fmt.Sprintf("invalid IP range %q: more than one '-'", input),
			Hint:   formsHint,
		}
	}
	return start, end, true, nil
}

// parseEnd parses one end of a range. where is appended to messages to name
// the whole value, and is empty when text is the whole value.
func parseEnd(input, text string, part Part, where string) (netip.Addr, error) {
	name := partName(part)
	if text == "" {
		return netip.Addr{}, &Error{
			Input:  input,
			Kind:   KindEmpty,
			Part:   part,
			Detail: "missing " + name + where,
			Hint:   "give a single IP address",
		}
	}

	// A CIDR block or a range that parses gets a hint with the address to
	// use. Anything else is reported as an invalid address below.
	noun, first, last := "", netip.Addr{}, netip.Addr{}
	if strings.Contains(text, "/") {
		if p, err := netip.ParsePrefix(text); err == nil {
			noun, first, last = "CIDR block", p.Masked().Addr(), lastInPrefix(p.Masked())
		}
	} else if strings.ContainsAny(text, "-–") {
		if r, err := Parse(text); err == nil {
			noun, first, last = "range", r.start, r.end
		}
	}
	if noun != "" {
		hint := fmt.Sprintf("the first address of that %s is %s", noun, first)
		if part == PartEnd {
			hint = fmt.Sprintf("the last address of that %s is %s", noun, last)
		}
		return netip.Addr{}, &Error{
			Input:  input,
			Kind:   KindNotSingle,
			Part:   part,
			Detail: fmt.Sprintf("%s must be a single address, not the %s %q%s", name, noun, text, where),
			Hint:   hint,
		}
	}

	return parseAddr(input, text, part, name, where)
}

// parseAddr parses one address and rejects zones. name is the noun for text
// in messages.
func parseAddr(input, text string, part Part, name, where string) (netip.Addr, error) {
	addr, err := netip.ParseAddr(text)
	if err != nil {
		return netip.Addr{}, &Error{
			Input:  input,
			Kind:   KindSyntax,
			Part:   part,
			Detail: fmt.Sprintf("invalid %s %q%s: %s", name, text, where, addrReason(text, err)),
			Hint:   formsHint,
		}
	}
	if addr.Zone() != "" {
		return netip.Addr{}, zoneError(input, text, addr, part, name, where)
	}
	return addr, nil
}

func zoneError(input, text string, addr netip.Addr, part Part, name, where string) *Error {
	return &Error{
		Input:  input,
		Kind:   KindZone,
		Part:   part,
		Detail: fmt.Sprintf("%s %q%s has an IPv6 zone", name, text, where),
		Hint:   fmt.Sprintf("remove %q, because Salesforce IP ranges take addresses without a zone", "%"+addr.Zone()),
	}
}

// addrReason returns the reason from a netip.ParseAddr error without the
// ParseAddr("...") prefix that repeats the input.
func addrReason(text string, err error) string {
	return strings.TrimPrefix(err.Error(), "ParseAddr("+strconv.Quote(text)+"): ")
}

func parsePrefix(input, text string) (Range, error) {
	addrText, bitsText, _ := strings.Cut(text, "/")
	addr, err := parseAddr(input, addrText, PartRange, "address", fmt.Sprintf(" in CIDR block %q", input))
	if err != nil {
		return Range{}, err
	}

	prefix, err := netip.ParsePrefix(text)
	if err != nil {
		return Range{}, &Error{
			Input:  input,
			Kind:   KindSyntax,
			Detail: fmt.Sprintf("invalid prefix length %q in CIDR block %q", bitsText, input),
			Hint:   fmt.Sprintf("use a whole number from 0 to %d for %s", addr.BitLen(), familyName(addr)),
		}
	}
	if masked := prefix.Masked(); masked != prefix {
		return Range{}, &Error{
			Input:  input,
			Kind:   KindHostBits,
			Detail: fmt.Sprintf("%q has host bits set", input),
			Hint:   fmt.Sprintf("did you mean %s?", masked),
		}
	}

	return fromAddrs(input, prefix.Addr(), lastInPrefix(prefix))
}

// fromAddrs checks a pair of parsed addresses and builds the range. input
// becomes the Input of any error.
func fromAddrs(input string, start, end netip.Addr) (Range, error) {
	if start.Is4() != end.Is4() {
		return Range{}, &Error{
			Input:  input,
			Kind:   KindMixedFamily,
			Detail: fmt.Sprintf("start address %s is %s but end address %s is %s", start, familyName(start), end, familyName(end)),
			Hint:   mixedHint(start, end),
		}
	}

	if end.Less(start) {
		return Range{}, &Error{
			Input:  input,
			Kind:   KindReversed,
			Detail: fmt.Sprintf("end address %s is lower than start address %s", end, start),
			Hint:   "swap the two addresses",
		}
	}

	startMapped, endMapped := start.Is4In6(), end.Is4In6()
	spansBlock := start.Less(mappedFirst) && mappedLast.Less(end)
	if startMapped != endMapped || spansBlock {
		hint := "Salesforce rejects such ranges, so split it where the block starts (::ffff:0.0.0.0) and ends (::ffff:255.255.255.255)"
		if start == firstAddr(128) && end == lastAddr(128) {
			hint = "this range would allow every address, so the IP restriction would have no effect; list the addresses the integration connects from instead"
		}
		return Range{}, &Error{
			Input:  input,
			Kind:   KindCrossesMapped,
			Detail: fmt.Sprintf("IP range %s has addresses both inside and outside the IPv4-mapped block ::ffff:0:0/96", span(start, end)),
			Hint:   hint,
		}
	}

	if startMapped {
		start, end = start.Unmap(), end.Unmap()
	}
	return Range{start: start, end: end}, nil
}

func mixedHint(start, end netip.Addr) string {
	for _, addr := range []netip.Addr{start, end} {
		if addr.Is4In6() {
			return fmt.Sprintf("write %s as the IPv4 address %s", addr, addr.Unmap())
		}
	}
	return "use two ranges, one for IPv4 and one for IPv6"
}

// lastInPrefix returns the highest address of p, in the same form as
// p.Addr(), so an IPv4-mapped prefix stays IPv6.
func lastInPrefix(p netip.Prefix) netip.Addr {
	b := p.Addr().AsSlice()
	for i := range b {
		fixed := p.Bits() - i*8 // prefix bits that fall in this byte
		switch {
		case fixed <= 0:
			b[i] = 0xff
		case fixed < 8:
			b[i] |= 0xff >> fixed
		}
	}
	addr, _ := netip.AddrFromSlice(b)
	return addr
}

// firstAddr returns 0.0.0.0 for bits 32 and :: for bits 128.
func firstAddr(bits int) netip.Addr {
	if bits == 32 {
		return netip.IPv4Unspecified()
	}
	return netip.IPv6Unspecified()
}

// lastAddr returns 255.255.255.255 for bits 32 and
// ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff for bits 128.
func lastAddr(bits int) netip.Addr {
	return lastInPrefix(netip.PrefixFrom(firstAddr(bits), 0))
}

func familyName(addr netip.Addr) string {
	if addr.Is4() {
		return "IPv4"
	}
	return "IPv6"
}

func partName(part Part) string {
	switch part {
	case PartStart:
		return "start address"
	case PartEnd:
		return "end address"
	default:
		return "IP range"
	}
}

// span writes a range for messages, with an en dash between the ends.
func span(start, end netip.Addr) string {
	return start.String() + "–" + end.String()
}
