package policy

import (
	"fmt"
	"sort"
	"strings"

	"github.com/sfharden/sfharden/field"
	"github.com/sfharden/sfharden/internal/permdata"
	"github.com/sfharden/sfharden/permset"
)

// profileOnly lists user permissions that belong on the integration's
// profile rather than in a permission set, with the reason.
var profileOnly = map[string]string{
	"PasswordNeverExpires": "the password policy is a property of the profile, and an assignment can be removed without anyone noticing the password now expires",
}

// CheckPermissionSet returns the findings for ps, in the order of its
// elements: user permissions, object permissions, field permissions, then
// the set as a whole. It reads ps and does not change it. A nil ps has no
// findings.
func CheckPermissionSet(ps *permset.PermissionSet, opts Options) []Finding {
	if ps == nil {
		return nil
	}
	c := &checker{opts: opts, catalogue: opts.catalogue()}
	c.permissionSet(field.Path{}, ps, true)
	return c.findings
}

// CheckGroup returns the findings for group and the member sets it lists.
// members holds the member sets, in any order, and nil members are
// skipped. Member names match without regard to letter case, as Salesforce
// API names do. A member that group lists but members lacks is an error,
// because the check cannot see its access. Field access is checked against
// the object access of the whole group, because the object access may come
// from another member. A nil group has no findings.
//
// NOTE: muting permission sets are not read, so a finding may name a
// permission that the group mutes.
func CheckGroup(group *permset.PermissionSetGroup, members []*permset.PermissionSet, opts Options) []Finding {
	if group == nil {
		return nil
	}
	c := &checker{opts: opts, catalogue: opts.catalogue()}
	byName := map[string]*permset.PermissionSet{} // keyed by the lower-case name
	for _, m := range members {
		if m != nil {
			byName[strings.ToLower(m.FullName)] = m
		}
	}

	union := &permset.PermissionSet{}
	for i, name := range group.PermissionSets {
		p := field.NewPath("permissionSets").Key(name)
		member, found := byName[strings.ToLower(name)]
		if !found {
			c.add(SeverityError, RuleMissingMember, field.NewPath("permissionSets").Index(i),
				fmt.Sprintf("group %s lists %s, but the check was not given that permission set", group.FullName, name),
				"pass every member set to CheckGroup, reading it from the source tree or a retrieve")
			continue
		}
		c.permissionSet(p, member, false)
		union.ObjectPermissions = append(union.ObjectPermissions, member.ObjectPermissions...)
		union.FieldPermissions = append(union.FieldPermissions, member.FieldPermissions...)
		union.UserPermissions = append(union.UserPermissions, member.UserPermissions...)
	}

	c.fieldAccess(field.Path{}, union.ObjectPermissions, union.FieldPermissions)
	c.functionalDependencies(field.Path{}, enabledUserPermissions(union.UserPermissions), "the group")
	if len(group.MutingPermissionSets) > 0 {
		c.add(SeverityInfo, RuleMutingNotChecked, field.NewPath("mutingPermissionSets"),
			fmt.Sprintf("group %s mutes permissions, which this check does not read, so findings may name muted permissions", group.FullName),
			"")
	}
	return c.findings
}

type checker struct {
	opts      Options
	catalogue *Catalogue
	findings  []Finding
}

func (c *checker) add(severity Severity, rule string, p field.Path, message, fix string) {
	c.findings = append(c.findings, Finding{Severity: severity, Rule: rule, Path: p.String(), Message: message, Fix: fix})
}

// permissionSet checks one set. With alone false it leaves the field and
// functional dependency checks to the caller, which runs them on a group.
func (c *checker) permissionSet(base field.Path, ps *permset.PermissionSet, alone bool) {
	enabled := enabledUserPermissions(ps.UserPermissions)

	for _, u := range ps.UserPermissions {
		p := base.Child("userPermissions").Key(u.Name)
		c.permissionNameCase(p, u.Name)
		if !u.Enabled {
			c.add(SeverityWarning, RuleDisabledEntry, p,
				fmt.Sprintf("%s is disabled, but a permission set only adds access, so the entry has no effect", u.Name),
				"remove the entry; a false entry for a permission the org lacks still fails the deploy")
			continue
		}
		c.userPermission(p, u.Name, &ps.Description)
		if reason, ok := profileOnly[u.Name]; ok && c.opts.Persona == PersonaIntegration {
			c.add(SeverityWarning, RuleBelongsOnProfile, p,
				fmt.Sprintf("%s belongs on the integration's profile: %s", u.Name, reason),
				"grant it in the profile and remove it here")
		}
		c.platformDependencies(p, u.Name, enabled)
	}

	for _, o := range ps.ObjectPermissions {
		c.objectPermission(base.Child("objectPermissions").Key(o.Object), o, &ps.Description)
	}

	if alone {
		c.fieldAccess(base, ps.ObjectPermissions, ps.FieldPermissions)
		c.functionalDependencies(base, enabled, "the permission set")
	} else {
		c.fieldShape(base, ps.FieldPermissions)
	}

	if ps.HasActivationRequired != nil && *ps.HasActivationRequired {
		c.add(SeverityWarning, RuleActivationRequired, base.Child("hasActivationRequired"),
			"the set grants its access only in sessions that activate it, which an integration never does",
			"set hasActivationRequired to false")
	}
}

// permissionNameCase reports a user permission name that matches a known
// one only apart from letter case. Salesforce matches the names exactly,
// so the deploy fails, and the finding is an error for every persona.
func (c *checker) permissionNameCase(p field.Path, name string) {
	if known, ok := permdata.Canonical(name); ok && known != name {
		c.add(SeverityError, RulePermissionNameCase, p,
			fmt.Sprintf("user permission names are case-sensitive, so Salesforce rejects %q", name),
			fmt.Sprintf("write %s", known))
	}
}

// userPermission reports a catalogued risk, a waiver, or an unknown name.
// The catalogue ignores letter case, so a risky permission in the wrong
// case is still reported as a risk.
func (c *checker) userPermission(p field.Path, name string, description *string) {
	risk, found := c.catalogue.Lookup(name)
	if found && risk.Kind == KindUser && risk.Risky() {
		c.risk(p, risk, risk.Name, "", description, RuleRiskyUserPermission)
		return
	}
	if _, known := permdata.Canonical(name); !found && !known {
		fix := "check the name against the target org"
		if suggestion := permdata.Suggest(name); suggestion != "" {
			fix = fmt.Sprintf("did you mean %s?", suggestion)
		}
		c.add(SeverityWarning, RuleUnknownPermission, p,
			fmt.Sprintf("unknown user permission %q; an org that does not have it rejects the deploy", name), fix)
	}
}

// risk reports a catalogued permission: an error (a warning for a person)
// without a waiver, and information with one, plus a warning when the
// description does not carry the waiver. description is nil for a profile,
// whose waivers are not written into its description.
func (c *checker) risk(p field.Path, risk Risk, permission, object string, description *string, rule string) {
	subject := permission
	if object != "" {
		subject = fmt.Sprintf("%s on %s", permission, object)
	}

	waiver, waived := c.catalogue.waiverFor(permission, object)
	if !waived {
		c.add(c.opts.riskSeverity(), rule, p,
			fmt.Sprintf("%s is a %s risk for an integration user: it %s", subject, risk.Tier, risk.Reason),
			fmt.Sprintf("remove it, or add a policy.Waiver for %s with the reason the integration needs it", subject))
		return
	}

	c.add(SeverityInfo, RuleWaived, p, fmt.Sprintf("%s is waived: %s", subject, waiver.Reason), "")
	if description != nil && !strings.Contains(*description, waiver.String()) {
		c.add(SeverityWarning, RuleWaiverNotRecorded, p,
			fmt.Sprintf("the description does not record the waiver for %s, so it does not travel with the metadata", subject),
			"call policy.RecordWaivers before writing the permission set")
	}
}

func (c *checker) objectPermission(p field.Path, o permset.ObjectPermissions, description *string) {
	granted := permset.AccessOf(o)
	if closed := granted.Closure(); closed != granted {
		c.add(SeverityError, RuleObjectAccessNotClosed, p,
			fmt.Sprintf("%s grants %s, which needs %s on the same object", o.Object, granted, closed&^granted),
			fmt.Sprintf("grant %s, or remove the levels that need it", closed))
	}
	if granted == 0 {
		c.add(SeverityWarning, RuleDisabledEntry, p,
			fmt.Sprintf("the entry for %s grants nothing, so it has no effect", o.Object), "remove the entry")
	}
	c.objectFlags(p, o.Object, setFlags(o), description)
}

// fieldShape reports field entries that break the editable-needs-readable
// rule or grant nothing.
func (c *checker) fieldShape(base field.Path, fields []permset.FieldPermissions) {
	for _, f := range fields {
		p := base.Child("fieldPermissions").Key(f.Field)
		readable := f.Readable != nil && *f.Readable
		switch {
		case f.Editable && !readable:
			c.add(SeverityError, RuleEditableNotReadable, p,
				fmt.Sprintf("%s: editable requires readable", f.Field),
				"set readable to true, or editable to false")
		case !f.Editable && !readable:
			c.add(SeverityWarning, RuleDisabledEntry, p,
				fmt.Sprintf("%s is neither readable nor editable, so the entry has no effect", f.Field), "remove the entry")
		}
	}
}

// fieldAccess checks field entries against the object access of the same
// set, or of a whole group.
func (c *checker) fieldAccess(base field.Path, objects []permset.ObjectPermissions, fields []permset.FieldPermissions) {
	c.fieldShape(base, fields)

	// API names ignore letter case, so object account covers field
	// Account.Industry. The map is keyed by the lower-case object name.
	access := map[string]permset.Access{}
	for _, o := range objects {
		access[strings.ToLower(o.Object)] |= permset.AccessOf(o)
	}
	for _, f := range fields {
		object, _, _ := strings.Cut(f.Field, ".")
		granted := access[strings.ToLower(object)]
		p := base.Child("fieldPermissions").Key(f.Field)
		readable := f.Readable != nil && *f.Readable
		switch {
		case readable && !granted.Has(permset.Read):
			c.add(SeverityWarning, RuleFieldWithoutObjectAccess, p,
				fmt.Sprintf("%s is readable but no objectPermissions grant read on %s", f.Field, object),
				fmt.Sprintf("grant read on %s, or remove the field entry; note that field visibility can also come from the profile", object))
		case f.Editable && readable && !granted.Has(permset.Edit):
			c.add(SeverityWarning, RuleFieldEditWithoutObjectEdit, p,
				fmt.Sprintf("%s is editable but object %s does not allow edit", f.Field, object),
				fmt.Sprintf("grant edit on %s, or make the field read-only", object))
		}
	}
}

// platformDependencies reports each permission that Salesforce enables with
// name inside one set and that the set lacks.
func (c *checker) platformDependencies(p field.Path, name string, enabled map[string]bool) {
	for _, d := range permdata.Requires(name) {
		if d.Basis == permdata.BasisPlatform && !enabled[d.Requires] {
			c.add(SeverityError, RuleMissingDependency, p,
				fmt.Sprintf("%s requires %s, which Salesforce enables with it, so the file understates the access", name, d.Requires),
				fmt.Sprintf("add %s, or remove %s", d.Requires, name))
		}
	}
}

// functionalDependencies reports permissions that have no effect without
// another one that may come from elsewhere, such as the profile.
func (c *checker) functionalDependencies(base field.Path, enabled map[string]bool, holder string) {
	for _, name := range sortedTrue(enabled) {
		for _, d := range permdata.Requires(name) {
			if d.Basis == permdata.BasisFunctional && !enabled[d.Requires] {
				c.add(SeverityInfo, RuleMissingDependency, base.Child("userPermissions").Key(name),
					fmt.Sprintf("%s has no effect unless the user also holds %s, which %s does not grant", name, d.Requires, holder),
					fmt.Sprintf("make sure the profile grants %s", d.Requires))
			}
		}
	}
}

func enabledUserPermissions(entries []permset.UserPermission) map[string]bool {
	enabled := map[string]bool{}
	for _, u := range entries {
		if u.Enabled {
			enabled[u.Name] = true
		}
	}
	return enabled
}

func sortedTrue(m map[string]bool) []string {
	var keys []string
	for k, v := range m {
		if v {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	return keys
}
