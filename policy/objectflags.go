package policy

import (
	"fmt"
	"strings"

	"github.com/sfharden/sfharden/field"
	"github.com/sfharden/sfharden/permset"
	"github.com/sfharden/sfharden/profile"
)

// objectFlags lists the object permission flags that a [KindObject]
// catalogue entry may name, in the order Salesforce lists them, with the
// access level each grants. viewAllFields has no level, because
// [permset.Access] does not model it.
var objectFlags = []struct {
	name  string
	level permset.Access
}{
	{"allowCreate", permset.Create},
	{"allowEdit", permset.Edit},
	{"allowDelete", permset.Delete},
	{"viewAllRecords", permset.ViewAll},
	{"modifyAllRecords", permset.ModifyAll},
	{"viewAllFields", 0},
}

// flagLevel returns the access level of the flag named name, or 0 for
// viewAllFields and unknown names.
func flagLevel(name string) permset.Access {
	for _, f := range objectFlags {
		if f.name == name {
			return f.level
		}
	}
	return 0
}

// setFlags returns the flags that a permission set's object entry turns on.
func setFlags(o permset.ObjectPermissions) map[string]bool {
	return map[string]bool{
		"allowCreate":      o.AllowCreate,
		"allowEdit":        o.AllowEdit,
		"allowDelete":      o.AllowDelete,
		"viewAllRecords":   o.ViewAllRecords,
		"modifyAllRecords": o.ModifyAllRecords,
		"viewAllFields":    o.ViewAllFields != nil && *o.ViewAllFields,
	}
}

// profileFlags returns the flags that a profile's object entry turns on.
func profileFlags(o profile.ObjectPermissions) map[string]bool {
	on := func(b *bool) bool { return b != nil && *b }
	return map[string]bool{
		"allowCreate":      on(o.AllowCreate),
		"allowEdit":        on(o.AllowEdit),
		"allowDelete":      on(o.AllowDelete),
		"viewAllRecords":   on(o.ViewAllRecords),
		"modifyAllRecords": on(o.ModifyAllRecords),
		"viewAllFields":    on(o.ViewAllFields),
	}
}

// objectFlags reports each catalogued risky flag that flags turns on for
// object. description is nil for a profile, whose waivers are not written
// into its description.
func (c *checker) objectFlags(p field.Path, object string, flags map[string]bool, description *string) {
	for _, f := range objectFlags {
		if !flags[f.name] {
			continue
		}
		risk, found := c.catalogue.Lookup(f.name)
		if !found || risk.Kind != KindObject || !risk.Risky() {
			continue
		}
		c.objectRisk(p.Child(f.name), risk, object, description)
	}
}

// objectRisk reports a risky flag on object: an error (a warning for a
// person) without a waiver, and information with one. A waiver for a flag
// also covers the flags that Salesforce turns on with it, so one waiver
// for modifyAllRecords covers the viewAllRecords that comes with it.
func (c *checker) objectRisk(p field.Path, risk Risk, object string, description *string) {
	if _, waived := c.catalogue.waiverFor(risk.Name, object); !waived {
		if through, covered := c.catalogue.coveringWaiver(risk.Name, object); covered {
			c.add(SeverityInfo, RuleWaived, p, fmt.Sprintf("%s on %s comes with %s, which is waived: %s",
				risk.Name, object, through.Permission, through.Reason), "")
			return
		}
	}
	c.risk(p, risk, risk.Name, object, description, RuleRiskyObjectPermission)
}

// coveringWaiver returns a waiver on object for another flag that
// Salesforce turns flag on with, such as a modifyAllRecords waiver for
// viewAllRecords.
func (c *Catalogue) coveringWaiver(flag, object string) (Waiver, bool) {
	level := flagLevel(flag)
	if c == nil || level == 0 {
		return Waiver{}, false
	}
	for _, w := range c.waivers {
		if w.Object == "" || w.Permission == flag || !strings.EqualFold(w.Object, object) {
			continue
		}
		if waived := flagLevel(w.Permission); waived != 0 && waived.Closure().Has(level) {
			return w, true
		}
	}
	return Waiver{}, false
}
