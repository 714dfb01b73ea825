package policy

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/sfharden/sfharden/field"
	"github.com/sfharden/sfharden/internal/permdata"
)

// Tier is how much harm a permission can do in the hands of an integration
// user. Tiers are ordered, so TierHigh > TierMedium.
type Tier = permdata.Tier

// The tiers, lowest first. TierNone marks an entry that is not a risk.
const (
	TierNone     = permdata.TierNone
	TierLow      = permdata.TierLow
	TierMedium   = permdata.TierMedium
	TierHigh     = permdata.TierHigh
	TierCritical = permdata.TierCritical
)

// Kind is the kind of permission a catalogue entry names.
type Kind = permdata.Kind

// The kinds of entry: a user permission name, or an object permission flag,
// such as viewAllRecords or modifyAllRecords, that is risky on any object.
const (
	KindUser   = permdata.KindUser
	KindObject = permdata.KindObject
)

// Role is the reason a catalogue entry that is not a risk is listed: an
// integration needs the permission.
type Role = permdata.Role

// The roles of entries that are not risks.
const (
	RoleRequired = permdata.RoleRequired
	RoleExpected = permdata.RoleExpected
)

// Risk is one catalogue entry: a permission with a Tier and the reason an
// integration must not hold it, or a Role and the reason it needs it.
type Risk = permdata.Risk

// Waiver lets an integration hold one catalogued permission, for a stated
// reason. The reason travels with the metadata: [RecordWaivers] writes it
// into the permission set's description.
type Waiver struct {
	// Permission is a catalogued user permission such as "ViewAllData", or
	// a catalogued object flag such as "modifyAllRecords".
	Permission string
	// Object is the object of an object flag waiver, such as "Invoice__c".
	// It is empty for a user permission.
	Object string
	// Reason states why the integration needs the permission, such as
	// "Nightly reconciliation reads every record". It is required.
	Reason string
}

// String returns the text that [RecordWaivers] writes for w, such as
// "ViewAllData (Nightly reconciliation reads every record)".
func (w Waiver) String() string {
	if w.Object != "" {
		return fmt.Sprintf("%s on %s (%s)", w.Permission, w.Object, w.Reason)
	}
	return fmt.Sprintf("%s (%s)", w.Permission, w.Reason)
}

// Catalogue is the set of permissions that an integration must not hold,
// the permissions it needs, and the waivers that let it hold some of them.
// Start from [Default] and add your own entries with [Catalogue.Forbid] and
// your own waivers with [Catalogue.Waive]. Names match without regard to
// letter case. A nil or zero Catalogue has no entries, so checks against
// it report no risky permission and no missing required one: only
// [Default] turns those checks on. Forbid and Waive on a nil Catalogue
// return an error. A Catalogue is not safe for concurrent changes.
type Catalogue struct {
	risks   *permdata.Catalogue
	waivers []Waiver
}

// Default returns a new catalogue with the built-in entries and no waivers.
// Each call returns a separate copy, so changes to one do not reach another.
func Default() *Catalogue {
	return &Catalogue{risks: permdata.Default()}
}

// Clone returns a separate copy of c.
func (c *Catalogue) Clone() *Catalogue {
	if c == nil {
		return &Catalogue{risks: &permdata.Catalogue{}}
	}
	return &Catalogue{risks: c.risks.Clone(), waivers: append([]Waiver(nil), c.waivers...)}
}

// Forbid adds r to the catalogue, replacing an entry of the same name in
// any letter case, so callers can forbid their own permissions or change a
// tier. r needs a name, a kind, a reason and a tier or a role. An entry of
// [KindObject] must name one of the flags that the checks enforce:
// allowCreate, allowEdit, allowDelete, viewAllRecords, modifyAllRecords or
// viewAllFields. A user permission must not be a known name in another
// letter case.
func (c *Catalogue) Forbid(r Risk) error {
	if c == nil {
		return errNilCatalogue
	}
	if c.risks == nil {
		c.risks = &permdata.Catalogue{}
	}
	return c.risks.Add(r)
}

// Remove deletes the entry named name, in any letter case, and the waivers
// for it, and reports whether there was an entry.
func (c *Catalogue) Remove(name string) bool {
	if c == nil || c.risks == nil || !c.risks.Remove(name) {
		return false
	}
	kept := c.waivers[:0]
	for _, w := range c.waivers {
		if !strings.EqualFold(w.Permission, name) {
			kept = append(kept, w)
		}
	}
	c.waivers = kept
	return true
}

// Lookup returns the entry named name, compared without regard to letter
// case, so that a risky permission in the wrong case is still found.
func (c *Catalogue) Lookup(name string) (Risk, bool) {
	if c == nil || c.risks == nil {
		return Risk{}, false
	}
	return c.risks.Lookup(name)
}

// Entries returns every entry sorted by name.
func (c *Catalogue) Entries() []Risk {
	if c == nil || c.risks == nil {
		return nil
	}
	return c.risks.Entries()
}

// Risks returns the entries of kind that are risks, sorted by name.
func (c *Catalogue) Risks(kind Kind) []Risk {
	var found []Risk
	for _, r := range c.Entries() {
		if r.Kind == kind && r.Risky() {
			found = append(found, r)
		}
	}
	return found
}

// Waive adds w to the catalogue. It returns a [field.List] error when w has
// no reason, names a permission that the catalogue does not list as a risk
// (so it needs no waiver), lacks the object of an object permission, or
// repeats a waiver. A reason that is empty after trimming space, or that
// has a line break or another control character, is rejected, because the
// reason is written into a description where it must read as one line.
// The waiver is stored with the reason trimmed and the permission spelled
// as the catalogue spells it. Waive on a nil Catalogue returns an error.
func (c *Catalogue) Waive(w Waiver) error {
	if c == nil {
		return errNilCatalogue
	}
	var errs field.List
	p := field.NewPath("waivers").Key(w.key())

	risk, found := c.Lookup(w.Permission)
	switch {
	case w.Permission == "":
		errs = append(errs, field.NewRequired(p.Child("permission"), "name the catalogued permission to waive, such as ViewAllData"))
	case !found || !risk.Risky():
		errs = append(errs, field.NewInvalid(p.Child("permission"), w.Permission, "the catalogue does not list it as a risk, so it needs no waiver"))
	case risk.Kind == KindObject && w.Object == "":
		errs = append(errs, field.NewRequired(p.Child("object"), fmt.Sprintf("name the object that %s is waived for, such as Invoice__c", w.Permission)))
	case risk.Kind == KindUser && w.Object != "":
		errs = append(errs, field.NewInvalid(p.Child("object"), w.Object, fmt.Sprintf("%s is a user permission, so leave the object empty", w.Permission)))
	}
	reason := strings.TrimSpace(w.Reason)
	switch i := strings.IndexFunc(reason, unicode.IsControl); {
	case reason == "":
		errs = append(errs, field.NewRequired(p.Child("reason"), "say why the integration needs the permission; the reason is written into the permission set's description"))
	case i >= 0:
		errs = append(errs, field.NewInvalid(p.Child("reason"), w.Reason, fmt.Sprintf(
			"the reason has the control character %U; write it on one line without control characters, because it is written into the permission set's description",
			[]rune(reason[i:])[0])))
	}
	if _, dup := c.waiverFor(w.Permission, w.Object); dup {
		errs = append(errs, field.NewDuplicate(p, w.key(), "a waiver for it exists already"))
	}
	if err := errs.Err(); err != nil {
		return err
	}

	w.Permission = risk.Name
	w.Reason = reason
	c.waivers = append(c.waivers, w)
	sort.Slice(c.waivers, func(i, j int) bool { return c.waivers[i].key() < c.waivers[j].key() })
	return nil
}

// Waivers returns the waivers sorted by permission, then object.
func (c *Catalogue) Waivers() []Waiver {
	if c == nil {
		return nil
	}
	return append([]Waiver(nil), c.waivers...)
}

// waiverFor returns the waiver for permission on object, both compared
// without regard to letter case as Salesforce compares API names, so a
// waiver for invoice__c covers Invoice__c.
func (c *Catalogue) waiverFor(permission, object string) (Waiver, bool) {
	if c == nil {
		return Waiver{}, false
	}
	for _, w := range c.waivers {
		if strings.EqualFold(w.Permission, permission) && strings.EqualFold(w.Object, object) {
			return w, true
		}
	}
	return Waiver{}, false
}

// errNilCatalogue is the error of a change to a nil *Catalogue, which has
// nowhere to keep the change.
var errNilCatalogue = errors.New("the catalogue is nil; start from policy.Default() or &policy.Catalogue{}")

// key names a waiver in paths and sorting: "ViewAllData" or
// "viewAllRecords on Invoice__c".
func (w Waiver) key() string {
	if w.Object != "" {
		return w.Permission + " on " + w.Object
	}
	return w.Permission
}
