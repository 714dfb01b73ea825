package policy

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sfharden/sfharden/field"
	"github.com/sfharden/sfharden/permset"
)

// waiversLabel starts the waiver text in a description.
const waiversLabel = "Waivers: "

// waiverEntry matches one waiver as [Waiver.String] writes it: an API name,
// an optional " on " and object name, and a reason in brackets. A reason
// has no control characters, because [Catalogue.Waive] rejects them.
const waiverEntry = `[A-Za-z][A-Za-z0-9_]*(?: on [A-Za-z][A-Za-z0-9_]*)? \([^\x00-\x1f\x7f]*\)`

// recordedWaivers matches waiver text that RecordWaivers wrote at the end
// of a description: at its start or after the full stop, question or
// exclamation mark that ends a sentence, "Waivers: " and entries joined by
// "; ". Submatch 1 is the mark that ends the text before it.
var recordedWaivers = regexp.MustCompile(`(?:^|([.!?]) )` + regexp.QuoteMeta(waiversLabel) +
	waiverEntry + `(?:; ` + waiverEntry + `)*$`)

// RecordWaivers writes the waivers of c that ps uses into the end of its
// description, such as "Read-only sync. Waivers: ViewAllData (Nightly
// reconciliation reads every record)", so that the reason for each risky
// grant travels with the metadata. It adds a full stop to a description
// that lacks one. Only a suffix in the exact form RecordWaivers writes
// counts as waiver text from an earlier call: RecordWaivers replaces it,
// so calling it twice changes nothing, and removes it when ps uses no
// waiver. Other text, such as "Waivers: see ticket SEC-12", is kept.
//
// When the result would exceed the 255-character limit of a description,
// RecordWaivers leaves ps unchanged and returns a [field.List] error. It
// never cuts the text, because a cut reason no longer explains the grant:
// shorten the description or the reasons.
func RecordWaivers(ps *permset.PermissionSet, c *Catalogue) error {
	var used []string
	for _, w := range c.Waivers() {
		if grants(ps, w) {
			used = append(used, w.String())
		}
	}

	base := ps.Description
	if m := recordedWaivers.FindStringSubmatchIndex(base); m != nil {
		mark := ""
		if m[2] >= 0 {
			mark = base[m[2]:m[3]]
		}
		base = strings.TrimSpace(base[:m[0]] + mark)
	}
	description := base
	if len(used) > 0 {
		description = sentence(base) + waiversLabel + strings.Join(used, "; ")
	}

	if n := utf8.RuneCountInString(description); n > permset.MaxDescriptionLength {
		return field.List{field.NewInvalid(field.NewPath("description"), description, fmt.Sprintf(
			"with its waivers the description is %d characters; the maximum is %d, so shorten the description or the waiver reasons",
			n, permset.MaxDescriptionLength))}
	}
	ps.Description = description
	return nil
}

// sentence returns text ending with a full stop and a space, ready for the
// waiver text, or "" for empty text. Trailing space is dropped first, so
// "Read. " gives "Read. " and not "Read. . ".
func sentence(text string) string {
	text = strings.TrimRightFunc(text, unicode.IsSpace)
	switch {
	case text == "":
		return ""
	case strings.HasSuffix(text, ".") || strings.HasSuffix(text, "!") || strings.HasSuffix(text, "?"):
		return text + " "
	default:
		return text + ". "
	}
}

// grants reports whether ps holds the permission that w waives. Object
// names match without regard to letter case, as Salesforce API names do.
func grants(ps *permset.PermissionSet, w Waiver) bool {
	if w.Object == "" {
		for _, u := range ps.UserPermissions {
			if u.Name == w.Permission && u.Enabled {
				return true
			}
		}
		return false
	}
	for _, o := range ps.ObjectPermissions {
		if strings.EqualFold(o.Object, w.Object) && setFlags(o)[w.Permission] {
			return true
		}
	}
	return false
}

// BuildPermissionSet builds the set that req describes with [permset.Build],
// records the waivers it uses with [RecordWaivers], and checks it with
// [CheckPermissionSet]. Every error finding becomes a [field.Forbidden]
// error, so an integration's set with an unwaived catalogued permission is
// never returned. Warnings come back as notices after those of Build.
func BuildPermissionSet(req permset.Request, opts Options) (*permset.PermissionSet, []field.Notice, error) {
	ps, notices, err := permset.Build(req)
	if err != nil {
		return nil, notices, err
	}
	if err := RecordWaivers(ps, opts.catalogue()); err != nil {
		return nil, notices, err
	}

	var errs field.List
	for _, f := range CheckPermissionSet(ps, opts) {
		switch f.Severity {
		case SeverityError:
			errs = append(errs, &field.Error{Path: f.Path, Kind: field.Forbidden, Detail: f.Message + "; " + f.Fix})
		case SeverityWarning:
			notices = append(notices, field.Notice{Path: f.Path, Message: f.Message + "; " + f.Fix})
		}
	}
	if err := errs.Err(); err != nil {
		return nil, notices, err
	}
	return ps, notices, nil
}
