package policy

import (
	"errors"
	"fmt"

	"github.com/sfharden/sfharden/field"
	"github.com/sfharden/sfharden/internal/iprange"
	"github.com/sfharden/sfharden/permset"
	"github.com/sfharden/sfharden/profile"
)

// CheckProfile returns the findings for the profile of a user. For an
// integration (the zero Options) it checks four things. The profile grants
// the permissions an integration needs and turns every catalogued risk off
// explicitly. It grants no object, field, tab, app or class access. It
// restricts logins to IP ranges that are not, alone or together, most of
// the address space, and it warns about ranges that cannot be a client's
// public address or are larger than a partner's egress usually is.
//
// Deploying a profile does not turn off a user permission that the file
// leaves out, so a catalogued permission missing from the file is a warning:
// the org keeps whatever value it had. A nil p has no findings.
func CheckProfile(p *profile.Profile, opts Options) []Finding {
	if p == nil {
		return nil
	}
	c := &checker{opts: opts, catalogue: opts.catalogue()}
	enabled, present := map[string]bool{}, map[string]bool{}
	for _, u := range p.UserPermissions {
		present[u.Name] = true
		enabled[u.Name] = u.Enabled
	}

	for _, u := range p.UserPermissions {
		path := field.NewPath("userPermissions").Key(u.Name)
		c.permissionNameCase(path, u.Name)
		if u.Enabled {
			c.userPermission(path, u.Name, nil)
		}
	}
	for _, o := range p.ObjectPermissions {
		c.objectFlags(field.NewPath("objectPermissions").Key(o.Object), o.Object, profileFlags(o), nil)
	}
	if opts.Persona != PersonaIntegration {
		return c.findings
	}

	c.roles(enabled)
	for _, r := range c.catalogue.Risks(KindUser) {
		if !present[r.Name] {
			c.add(SeverityWarning, RuleRiskyNotDisabled, field.NewPath("userPermissions").Key(r.Name),
				fmt.Sprintf("the profile leaves %s out, and a deploy keeps the org's value for a permission the file leaves out", r.Name),
				fmt.Sprintf("write %s with enabled false", r.Name))
		}
	}
	c.profileAccess(p)
	c.loginIPRanges(p)
	if p.Custom == nil || !*p.Custom || p.UserLicense == "" {
		c.add(SeverityWarning, RuleProfileLicense, field.Path{},
			"a new custom profile needs custom true and a userLicense, or the deploy fails",
			"write <custom>true</custom> and the licence, such as Salesforce Integration")
	}
	return c.findings
}

// roles reports the permissions that an integration needs and its profile
// lacks: an error for a required one, a warning for an expected one.
func (c *checker) roles(enabled map[string]bool) {
	for _, r := range c.catalogue.Entries() {
		if r.Kind != KindUser || r.Risky() || enabled[r.Name] {
			continue
		}
		p := field.NewPath("userPermissions").Key(r.Name)
		if r.Role == RoleRequired {
			c.add(SeverityError, RuleRequiredPermission, p,
				fmt.Sprintf("an integration profile needs %s: %s", r.Name, r.Reason), fmt.Sprintf("enable %s", r.Name))
			continue
		}
		c.add(SeverityWarning, RuleExpectedPermission, p,
			fmt.Sprintf("an integration profile should enable %s: %s", r.Name, r.Reason), fmt.Sprintf("enable %s", r.Name))
	}
}

// profileAccess reports access that an integration profile grants. Access
// belongs in the permission set group, where it is reviewed and assigned.
func (c *checker) profileAccess(p *profile.Profile) {
	report := func(path field.Path, what string) {
		c.add(SeverityWarning, RuleProfileGrantsAccess, path,
			fmt.Sprintf("the integration profile grants %s; a profile that grants access hides it from review of the permission set group", what),
			"move the access to a permission set in the group")
	}
	for _, o := range p.ObjectPermissions {
		if profileObjectAccess(o) != 0 {
			report(field.NewPath("objectPermissions").Key(o.Object), "access to "+o.Object)
		}
	}
	for _, f := range p.FieldPermissions {
		if f.Editable || (f.Readable != nil && *f.Readable) {
			report(field.NewPath("fieldPermissions").Key(f.Field), "access to field "+f.Field)
		}
	}
	for _, t := range p.TabVisibilities {
		if t.Visibility != "Hidden" {
			report(field.NewPath("tabVisibilities").Key(t.Tab), "tab "+t.Tab)
		}
	}
	for _, a := range p.ApplicationVisibilities {
		if a.Visible {
			report(field.NewPath("applicationVisibilities").Key(a.Application), "app "+a.Application)
		}
	}
	for _, a := range p.ClassAccesses {
		if a.Enabled {
			report(field.NewPath("classAccesses").Key(a.ApexClass), "Apex class "+a.ApexClass)
		}
	}
}

func profileObjectAccess(o profile.ObjectPermissions) permset.Access {
	on := func(b *bool) bool { return b != nil && *b }
	return permset.AccessOf(permset.ObjectPermissions{
		AllowRead: on(o.AllowRead), AllowCreate: on(o.AllowCreate), AllowEdit: on(o.AllowEdit),
		AllowDelete: on(o.AllowDelete), ViewAllRecords: on(o.ViewAllRecords), ModifyAllRecords: on(o.ModifyAllRecords),
	})
}

// loginIPRanges reports a profile without login IP ranges and ranges that
// are invalid or allow every address, as errors. Ranges that together
// cover half of IPv4 or 2^125 IPv6 addresses are an error too, and ranges
// that [iprange.Review] doubts are warnings: the same judgement that
// [profile.BuildIntegrationProfile] makes of the ranges it writes.
func (c *checker) loginIPRanges(p *profile.Profile) {
	base := field.NewPath("loginIpRanges")
	if len(p.LoginIPRanges) == 0 {
		c.add(SeverityError, RuleLoginIPRanges, base,
			"the integration profile has no login IP ranges, so stolen credentials work from any address",
			"add the ranges the integration connects from")
		return
	}
	var valid []iprange.Range
	for i, r := range p.LoginIPRanges {
		path := field.NewPath("loginIpRanges").Index(i)
		parsed, err := iprange.FromEnds(r.StartAddress, r.EndAddress)
		var rangeErr *iprange.Error
		switch {
		case errors.As(err, &rangeErr):
			c.add(SeverityError, RuleLoginIPRanges, path, rangeErr.Detail, rangeErr.Hint)
		case err != nil:
			c.add(SeverityError, RuleLoginIPRanges, path, err.Error(), "")
		case parsed.CoversAll():
			c.add(SeverityError, RuleLoginIPRanges, path,
				fmt.Sprintf("loginIpRanges covers all %s addresses; the IP restriction has no effect", family(parsed)),
				"list only the addresses the integration connects from")
		default:
			valid = append(valid, parsed)
			for _, w := range iprange.Review(parsed) {
				c.add(SeverityWarning, RuleLoginIPRangeSuspect, path, w.Detail, w.Hint)
			}
		}
	}
	for _, err := range iprange.CheckUnion(valid) {
		c.add(SeverityError, RuleLoginIPRanges, base, err.Detail, err.Hint)
	}
}

func family(r iprange.Range) string {
	if r.Is4() {
		return "IPv4"
	}
	return "IPv6"
}
