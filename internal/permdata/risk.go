package permdata

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// Tier is how much harm a permission can do in the hands of an integration
// user. Tiers are ordered, so TierHigh > TierMedium, and the zero value
// TierNone marks an entry that is not a risk.
type Tier int

const (
	TierNone Tier = iota
	TierLow
	TierMedium
	TierHigh
	TierCritical
)

var tierNames = [...]string{
	TierNone:     "none",
	TierLow:      "low",
	TierMedium:   "medium",
	TierHigh:     "high",
	TierCritical: "critical",
}

// String returns the lower-case name of t: "none", "low", "medium", "high"
// or "critical".
func (t Tier) String() string {
	if t < TierNone || t > TierCritical {
		return fmt.Sprintf("Tier(%d)", int(t))
	}
	return tierNames[t]
}

// ParseTier returns the tier named s, ignoring letter case.
func ParseTier(s string) (Tier, error) {
	for t, name := range tierNames {
		if strings.EqualFold(s, name) {
			return Tier(t), nil
		}
	}
	return TierNone, fmt.Errorf("invalid tier %q: use one of none, low, medium, high, critical", s)
}

// MarshalText returns the name of t, so tiers read as words in JSON and YAML.
func (t Tier) MarshalText() ([]byte, error) {
	if t < TierNone || t > TierCritical {
		return nil, fmt.Errorf("invalid tier %d: use a value from TierNone to TierCritical", int(t))
	}
	return []byte(t.String()), nil
}

// UnmarshalText sets t from its name.
func (t *Tier) UnmarshalText(text []byte) error {
	parsed, err := ParseTier(string(text))
	if err != nil {
		return err
	}
	*t = parsed
	return nil
}

// Kind is the kind of permission a catalogue entry names.
type Kind string

const (
	// KindUser is a user permission, the <name> of a <userPermissions> entry.
	KindUser Kind = "user"
	// KindObject is an object permission flag of <objectPermissions>, such
	// as modifyAllRecords, that is risky on any object.
	KindObject Kind = "object"
)

// Role is the reason a non-risky entry is in the catalogue. Other tools flag
// these permissions as risky, but an integration needs them.
type Role string

const (
	// RoleRequired marks a permission without which an integration cannot work.
	RoleRequired Role = "required for integrations"
	// RoleExpected marks a permission that belongs on an integration profile.
	RoleExpected Role = "expected on integration profiles"
)

// Risk is one catalogue entry: a permission with either a risk Tier and the
// reason an integration must not hold it, or a Role and the reason it needs it.
type Risk struct {
	Name   string // API name: "ModifyAllData", or "modifyAllRecords" for KindObject
	Kind   Kind
	Tier   Tier   // TierNone when Role is set
	Role   Role   // empty for a risk
	Reason string // one line on why
	Source string // document that describes the permission; may be empty
}

// Risky reports whether r is a risk rather than a role entry.
func (r Risk) Risky() bool {
	return r.Tier != TierNone
}

// Validate returns an error that names what is wrong with r, or nil.
func (r Risk) Validate() error {
	var problems []string
	if r.Name == "" {
		problems = append(problems, "name is required")
	}
	if r.Kind != KindUser && r.Kind != KindObject {
		problems = append(problems, fmt.Sprintf("kind %q is not supported: use %q or %q", r.Kind, KindUser, KindObject))
	}
	if r.Tier < TierNone || r.Tier > TierCritical {
		problems = append(problems, fmt.Sprintf("tier %d is invalid: use TierLow to TierCritical", int(r.Tier)))
	}
	switch {
	case r.Tier == TierNone && r.Role == "":
		problems = append(problems, "set a tier for a risk or a role for a needed permission")
	case r.Tier != TierNone && r.Role != "":
		problems = append(problems, fmt.Sprintf("tier %s and role %q are both set: an entry is a risk or a role, not both", r.Tier, r.Role))
	}
	if r.Reason == "" {
		problems = append(problems, "reason is required")
	}
	problems = append(problems, r.nameProblems()...)

	if len(problems) == 0 {
		return nil
	}
	return fmt.Errorf("invalid catalogue entry %q: %s", r.Name, strings.Join(problems, "; "))
}

// nameProblems returns what is wrong with the name of r for its kind. An
// object entry must name a flag that the checks enforce, spelled as the
// Metadata API spells it. A user entry must not name a known permission in
// another letter case, because Salesforce rejects such a name, nor an
// object flag, which would share its catalogue key.
func (r Risk) nameProblems() []string {
	if r.Name == "" {
		return nil
	}
	switch r.Kind {
	case KindObject:
		if slices.Contains(objectFlags, r.Name) {
			return nil
		}
		for _, flag := range objectFlags {
			if strings.EqualFold(flag, r.Name) {
				return []string{fmt.Sprintf("object permission names are case-sensitive: write %s", flag)}
			}
		}
		return []string{fmt.Sprintf("object permission %q is not one that the checks enforce: use one of %s", r.Name, strings.Join(objectFlags, ", "))}
	case KindUser:
		for _, flag := range objectFlags {
			if strings.EqualFold(flag, r.Name) {
				return []string{fmt.Sprintf("%s is an object permission: use kind %q", flag, KindObject)}
			}
		}
		if known, ok := Canonical(r.Name); ok && known != r.Name {
			return []string{fmt.Sprintf("user permission names are case-sensitive: write %s", known)}
		}
	}
	return nil
}

// objectFlags are the <objectPermissions> flags that a catalogue entry of
// [KindObject] may name, because the checks of package policy enforce
// each of them on every object. allowRead is left out: forbidding it on
// every object would forbid all access.
var objectFlags = []string{"allowCreate", "allowDelete", "allowEdit", "modifyAllRecords", "viewAllFields", "viewAllRecords"}

// ObjectFlags returns the object permission flags that a [KindObject]
// entry may name, sorted.
func ObjectFlags() []string {
	return slices.Clone(objectFlags)
}

// Catalogue is a set of [Risk] entries keyed by permission name without
// regard to letter case, so a name in the wrong case still finds its
// entry. The zero value is an empty catalogue ready to use. A Catalogue is
// not safe for concurrent changes.
type Catalogue struct {
	entries map[string]Risk // keyed by the lower-case name
}

// Default returns a new catalogue filled with the built-in entries. Each call
// returns a separate copy, so changes to one do not reach another.
func Default() *Catalogue {
	c := &Catalogue{entries: make(map[string]Risk, len(defaultRisks))}
	for _, r := range defaultRisks {
		c.entries[strings.ToLower(r.Name)] = r
	}
	return c
}

// Add puts r into the catalogue, replacing any entry with the same name in
// any letter case, so callers can add permissions or change the tier of a
// built-in one. It returns an error and leaves the catalogue unchanged when
// r is invalid.
func (c *Catalogue) Add(r Risk) error {
	if err := r.Validate(); err != nil {
		return err
	}
	if c.entries == nil {
		c.entries = map[string]Risk{}
	}
	c.entries[strings.ToLower(r.Name)] = r
	return nil
}

// Remove deletes the entry named name, compared without regard to letter
// case, and reports whether there was one.
func (c *Catalogue) Remove(name string) bool {
	key := strings.ToLower(name)
	if _, ok := c.entries[key]; !ok {
		return false
	}
	delete(c.entries, key)
	return true
}

// Lookup returns the entry named name, compared without regard to letter
// case, so that "modifyalldata" still finds the risk of ModifyAllData. The
// returned entry carries the name as catalogued. Whether the case of a
// name is right is a separate check (see [Canonical]).
func (c *Catalogue) Lookup(name string) (Risk, bool) {
	r, ok := c.entries[strings.ToLower(name)]
	return r, ok
}

// Len returns the number of entries.
func (c *Catalogue) Len() int {
	return len(c.entries)
}

// Entries returns every entry sorted by name.
func (c *Catalogue) Entries() []Risk {
	all := make([]Risk, 0, len(c.entries))
	for _, r := range c.entries {
		all = append(all, r)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].Name < all[j].Name })
	return all
}

// AtLeast returns the risks of tier min or above, highest tier first and by
// name within a tier. Role entries are never returned.
func (c *Catalogue) AtLeast(min Tier) []Risk {
	if min == TierNone {
		min = TierLow
	}
	var found []Risk
	for _, r := range c.entries {
		if r.Tier >= min {
			found = append(found, r)
		}
	}
	sort.Slice(found, func(i, j int) bool {
		if found[i].Tier != found[j].Tier {
			return found[i].Tier > found[j].Tier
		}
		return found[i].Name < found[j].Name
	})
	return found
}

// Clone returns a separate copy of c. A nil c gives an empty catalogue.
func (c *Catalogue) Clone() *Catalogue {
	clone := &Catalogue{entries: map[string]Risk{}}
	if c == nil {
		return clone
	}
	for name, r := range c.entries {
		clone.entries[name] = r
	}
	return clone
}
