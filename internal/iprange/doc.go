// Package iprange parses and checks the IP address ranges that Salesforce
// login restrictions take: profile loginIpRanges (startAddress, endAddress),
// connected app ipRanges (start, end), external client app trustedIpRanges
// (startIpAddress, endIpAddress), and org-wide trusted ranges (Network
// Access). Each of these stores a range as two addresses, both included.
//
// Start with [Parse] for values that users write: a CIDR block
// ("203.0.113.0/24", "2001:db8::/48"), a single address ("198.51.100.7"), or
// two addresses joined by '-' ("192.0.2.10-192.0.2.20"). Use [FromEnds] for
// the two values read from an existing metadata file. Both return a [Range]
// whose Start and End are the values to write.
//
// # What is rejected
//
// Parse and FromEnds reject ranges that Salesforce rejects or that would not
// cover exactly the addresses written. These are an end lower than the
// start, one IPv4 and one IPv6 end, and an IPv6 range with addresses both
// inside and outside the IPv4-mapped block ::ffff:0:0/96. They are also a
// CIDR block with host bits set, an IPv6 zone ("fe80::1%eth0"), and empty or
// malformed values. FromEnds also rejects
// a CIDR block or a range in place of one address. Because ::/0 includes the
// mapped block and addresses outside it, it is rejected for crossing the
// block, with a hint that it would allow every address.
//
// Two further checks are separate because they do not apply everywhere:
//
//   - [CheckRestricts] rejects a range with every address of its family
//     (0.0.0.0/0, 0.0.0.0-255.255.255.255), because a restriction with it has
//     no effect. Generators call it. Audits read such ranges without error
//     and report them through [Range.CoversAll].
//   - [CheckTrustedSize] applies the size cap of org-wide trusted ranges (at
//     most a /7 of IPv4 addresses or a /32 of IPv6 addresses). Profile login
//     IP ranges have no such cap, so do not call it for them.
//
// # Sets of ranges
//
// A restriction is only as narrow as all its ranges together, so
// [CheckUnion] judges them as a set: it rejects ranges that together hold
// at least half of IPv4 or 2^125 IPv6 addresses, such as 0.0.0.0/1 with
// 128.0.0.0/1. [Union] and [TotalSize] merge and count a set.
//
// [Review] returns warnings, not errors, for one range that is more likely
// a mistake than a partner's egress: one with addresses that are never a
// client's public address (private, loopback, link-local and "this
// network" blocks, see [NonPublic]), and one larger than a /16 (IPv4) or a
// /48 (IPv6). It stays silent about the documentation blocks 192.0.2.0/24,
// 198.51.100.0/24, 203.0.113.0/24 and 2001:db8::/32, which examples use.
//
// Every error is an [*Error] with the input, a [Kind], the [Part] at fault
// and a hint, so callers can attach a field path such as
// loginIpRanges[3].startAddress.
//
// # IPv4-mapped addresses
//
// A range whose two ends are both inside ::ffff:0:0/96 is returned as the
// IPv4 range those addresses map to: "::ffff:192.0.2.1-::ffff:192.0.2.9"
// becomes 192.0.2.1-192.0.2.9, and "::ffff:0:0/96" becomes all of IPv4. A
// Range therefore never holds an IPv4-mapped address, and metadata written
// from it has IPv4 ends for IPv4 addresses however they were typed.
//
// # Order
//
// [Range.Compare] sorts ranges by the numeric value of their start address,
// then of their end address, with every IPv4 range before every IPv6 range.
// Salesforce returns profile loginIpRanges in numeric order of startAddress
// (63.x before 159.x). How it orders IPv4 against IPv6 ranges was not
// observed, so IPv4 first is this package's choice.
//
// # Zero value
//
// The zero [Range] is invalid: IsValid reports false, Size is 0, and it sorts
// before every other range.
package iprange
