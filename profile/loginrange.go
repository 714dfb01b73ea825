package profile

import (
	"errors"

	"github.com/sfharden/sfharden/field"
	"github.com/sfharden/sfharden/internal/iprange"
)

// LoginRange is one range of addresses a user may log in from. Give either
// Addresses, or Start and End.
type LoginRange struct {
	// Addresses is a CIDR block ("203.0.113.0/24", "2001:db8::/48"), a
	// single address, or two addresses joined by '-'.
	Addresses string
	// Start and End are the two addresses of the range, both included, as
	// a profile file stores them. Each must be a single address.
	Start, End string
	// Description is written as the range's description. It may be empty.
	Description string
}

// loginIPRanges converts the requested ranges into profile entries that
// cover exactly the addresses given. Ranges in the IPv4-mapped block
// ::ffff:0:0/96 come out as the IPv4 addresses they map to. A range with
// every address of its family is rejected, and so are ranges that together
// cover half of IPv4 or 2^125 IPv6 addresses, because they restrict almost
// nothing. Each range that [iprange.Review] doubts comes back as a notice.
func loginIPRanges(base field.Path, requested []LoginRange) ([]LoginIPRange, []field.Notice, field.List) {
	if len(requested) == 0 {
		return nil, nil, field.List{field.NewRequired(base, "give the addresses the integration connects from, such as 203.0.113.0/24")}
	}

	var errs field.List
	var notices []field.Notice
	var ranges []LoginIPRange
	var parsed []iprange.Range
	seen := map[iprange.Range]int{}
	for i, lr := range requested {
		p := base.Index(i)
		var r iprange.Range
		var err error
		switch {
		case lr.Addresses != "" && (lr.Start != "" || lr.End != ""):
			errs = append(errs, field.NewInvalid(p, lr.Addresses, "give Addresses, or Start and End, not both"))
			continue
		case lr.Addresses != "":
			r, err = iprange.Parse(lr.Addresses)
		default:
			r, err = iprange.FromEnds(lr.Start, lr.End)
		}
		if err == nil {
			err = iprange.CheckRestricts(r)
		}
		if err != nil {
			errs = append(errs, rangeError(p, lr, err))
			continue
		}

		if first, dup := seen[r]; dup {
			errs = append(errs, field.NewDuplicate(p, r.String(), "the same addresses as "+base.Index(first).String()))
			continue
		}
		seen[r] = i
		parsed = append(parsed, r)
		for _, w := range iprange.Review(r) {
			notices = append(notices, field.Notice{Path: p.String(), Message: w.String()})
		}
		ranges = append(ranges, LoginIPRange{
			StartAddress: r.Start().String(),
			EndAddress:   r.End().String(),
			Description:  lr.Description,
		})
	}

	for _, err := range iprange.CheckUnion(parsed) {
		errs = append(errs, field.NewForbidden(base, err.Input, err.Error()))
	}
	return ranges, notices, errs
}

// rangeError turns an iprange error into a field error whose path names the
// part at fault: loginIpRanges[3].startAddress for a CIDR block pasted into
// Start, loginIpRanges[3] for a problem with the range as a whole.
func rangeError(p field.Path, lr LoginRange, err error) *field.Error {
	var re *iprange.Error
	if !errors.As(err, &re) {
		return field.NewInvalid(p, lr.Addresses, err.Error())
	}

	value := lr.Addresses
	if lr.Addresses == "" {
		value = lr.Start + "-" + lr.End
	}
	switch re.Part {
	case iprange.PartStart:
		if lr.Addresses == "" {
			p, value = p.Child("startAddress"), lr.Start
		}
	case iprange.PartEnd:
		if lr.Addresses == "" {
			p, value = p.Child("endAddress"), lr.End
		}
	}

	switch re.Kind {
	case iprange.KindEmpty:
		return field.NewRequired(p, re.Error())
	case iprange.KindCoversAll:
		return field.NewForbidden(p, value, re.Error())
	default:
		return field.NewInvalid(p, value, re.Error())
	}
}
