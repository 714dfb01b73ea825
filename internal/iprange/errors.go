package iprange

// Kind classifies an [Error]. The set is closed, so callers can switch on it.
type Kind int

const (
	// KindEmpty is an empty value.
	KindEmpty Kind = iota + 1
	// KindSyntax is a value that is not an address, a CIDR block or a range.
	KindSyntax
	// KindZone is an IPv6 address with a zone such as "%eth0".
	KindZone
	// KindHostBits is a CIDR block whose address has bits set after the prefix.
	KindHostBits
	// KindNotSingle is a CIDR block or a range where one address is required.
	KindNotSingle
	// KindMixedFamily is a range with one IPv4 end and one IPv6 end.
	KindMixedFamily
	// KindReversed is a range whose end address is lower than its start address.
	KindReversed
	// KindCrossesMapped is an IPv6 range with addresses both inside and outside
	// the IPv4-mapped block ::ffff:0:0/96.
	KindCrossesMapped
	// KindCoversAll is a range with every address of its family, returned by
	// [CheckRestricts].
	KindCoversAll
	// KindTooLarge is a range above the size cap of org-wide trusted ranges,
	// returned by [CheckTrustedSize].
	KindTooLarge
	// KindTooBroad is a set of ranges that together allow too large a part
	// of the address space, returned by [CheckUnion].
	KindTooBroad
)

var kindNames = map[Kind]string{
	KindEmpty:         "empty",
	KindSyntax:        "syntax",
	KindZone:          "zone",
	KindHostBits:      "host bits set",
	KindNotSingle:     "not a single address",
	KindMixedFamily:   "mixed families",
	KindReversed:      "reversed",
	KindCrossesMapped: "crosses the IPv4-mapped block",
	KindCoversAll:     "covers all addresses",
	KindTooLarge:      "too large",
	KindTooBroad:      "too broad together",
}

// String returns a short lowercase name for k, for logs and test output.
func (k Kind) String() string {
	if name, ok := kindNames[k]; ok {
		return name
	}
	return "unknown"
}

// Part is the part of a range that an [Error] is about. Callers that know the
// XML element names (startAddress, start, startIpAddress) use it to build a
// field path.
type Part int

const (
	// PartRange is the range as a whole, or both ends together.
	PartRange Part = iota
	// PartStart is the start address.
	PartStart
	// PartEnd is the end address.
	PartEnd
)

// Error is a rejected IP range. Every error that this package returns is an
// *Error, so callers can use errors.As to read the kind and attach a field path.
type Error struct {
	// Input is the text the error is about: the value given to [Parse], or
	// one value given to [FromEnds] when Part is PartStart or PartEnd. For a
	// problem with both ends from FromEnds it is "start-end", and for
	// [CheckRestricts] and [CheckTrustedSize] it is [Range.String], and for
	// [CheckUnion] the ranges of one family joined by ", ".
	Input string
	Kind  Kind
	Part  Part
	// Detail states what is wrong, for example "end address 10.0.0.1 is lower
	// than start address 10.0.0.9".
	Detail string
	// Hint is the next step for the user, such as "swap the two addresses".
	// It may be empty.
	Hint string
}

// Error returns Detail, followed by "; " and Hint when there is a hint.
func (e *Error) Error() string {
	if e.Hint == "" {
		return e.Detail
	}
	return e.Detail + "; " + e.Hint
}
