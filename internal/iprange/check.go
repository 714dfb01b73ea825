package iprange

import (
	"fmt"
	"math/big"
)

// Size caps of one org-wide trusted IP range (Setup > Network Access, the
// networkAccess ipRanges of SecuritySettings), as prefix lengths: a range
// may have at most as many addresses as a /7 IPv4 block or a /32 IPv6 block.
// Profile login IP ranges and connected app IP ranges have no such cap.
//
// NOTE: The figures are as quoted by Celigo ("How do I whitelist IP
// addresses in Salesforce", docs.celigo.com/hc/en-us/articles/228523247):
// no more than 33,554,432 IPv4 addresses and 2^96 IPv6 addresses. They are
// not taken from Salesforce documentation.
const (
	MaxTrustedPrefix4 = 7
	MaxTrustedPrefix6 = 32
)

// CheckRestricts returns a [KindCoversAll] error when r contains every
// address of its family, because a login IP restriction with such a range
// lets every address through. Generators call it on the ranges they write.
// Audits read such ranges with [Parse] or [FromEnds] and report them with
// [Range.CoversAll] instead.
func CheckRestricts(r Range) error {
	if !r.CoversAll() {
		return nil
	}
	return &Error{
		Input:  r.String(),
		Kind:   KindCoversAll,
		Detail: fmt.Sprintf("IP range %s covers every %s address, so the IP restriction would have no effect", span(r.start, r.end), familyName(r.start)),
		Hint:   "list only the addresses the integration connects from",
	}
}

// CheckTrustedSize returns a [KindTooLarge] error when r has more addresses
// than one org-wide trusted IP range may have (see [MaxTrustedPrefix4] and
// [MaxTrustedPrefix6]). Do not use it for profile login IP ranges, which
// have no size cap.
func CheckTrustedSize(r Range) error {
	if !r.IsValid() {
		return nil
	}

	bits := MaxTrustedPrefix6
	if r.Is4() {
		bits = MaxTrustedPrefix4
	}
	limit := new(big.Int).Lsh(big.NewInt(1), uint(r.start.BitLen()-bits))

	size := r.Size()
	if size.Cmp(limit) <= 0 {
		return nil
	}
	return &Error{
		Input:  r.String(),
		Kind:   KindTooLarge,
		Detail: fmt.Sprintf("trusted IP range %s has %s addresses", span(r.start, r.end), size),
		Hint:   fmt.Sprintf("the maximum is %s (/%d)", limit, bits),
	}
}
