package audit

import (
	"slices"

	"github.com/sfharden/sfharden/internal/permdata"
)

// severityOf maps a catalogue risk tier to a finding severity.
func severityOf(t permdata.Tier) Severity {
	switch t {
	case permdata.TierCritical:
		return Critical
	case permdata.TierHigh:
		return High
	case permdata.TierMedium:
		return Medium
	case permdata.TierLow:
		return Low
	}
	return Info
}

// checkAccess applies the permission rules to the integration profiles and
// permission sets, and the group rule to every permission set group.
func (a *auditor) checkAccess() {
	for _, p := range a.f.Profiles {
		if why, ok := a.intProfiles[p.Name]; ok {
			a.checkRisks("Profile", &p.accessFacts, why)
		}
	}
	for _, p := range a.f.PermSets {
		if why, ok := a.intPermSets[p.Name]; ok {
			a.checkRisks("PermissionSet", p, why)
		}
	}
	a.checkUsers()
	a.checkGroups()
}

// checkRisks reports the risky user and object permissions that an
// integration profile or permission set enables.
func (a *auditor) checkRisks(typ string, p *accessFacts, why string) {
	for _, name := range sortedKeys(p.Perms) {
		g := p.Perms[name]
		risk, ok := a.catalogue.Lookup(name)
		if !g.Enabled || !ok || !risk.Risky() || risk.Kind != permdata.KindUser {
			continue
		}
		f := newFinding(RuleDangerousUserPermission, typ, p.Name, p.File, g.Line,
			name+" is enabled for an integration user ("+why+"): "+risk.Reason)
		f.Severity = severityOf(risk.Tier)
		a.add(f)
	}
	for _, o := range p.RiskyObjects {
		risk, ok := a.catalogue.Lookup(o.Flag)
		if !ok || !risk.Risky() {
			continue
		}
		f := newFinding(RuleDangerousObjectPermission, typ, p.Name, p.File, o.Line,
			o.Flag+" is enabled on "+o.Object+" for an integration user ("+why+"): "+risk.Reason)
		f.Severity = severityOf(risk.Tier)
		a.add(f)
	}
}

// checkUsers applies the rules that need to know each integration user's
// profile and permission sets: System Administrator as integration user,
// and field visibility that an API-only profile adds to a permission set.
func (a *auditor) checkUsers() {
	for _, key := range sortedKeys(a.intUsers) {
		u, known := a.users[key]
		if !known {
			continue
		}
		if isSystemAdministrator(u.Profile) {
			file, line := a.opts.display(a.opts.UsersFile), 0
			if file != "" {
				line = 1
			}
			where := "integration user " + u.Username + " (" + a.intUsers[key] + ")"
			if apps := a.runAs[key]; len(apps) > 0 {
				file, line = apps[0].RunAsFile, apps[0].RunAsLine
				where = "run-as user " + u.Username + " of " + apps[0].Name
			}
			a.addf(RuleSystemAdministrator, "User", u.Username, file, line,
				"%s runs as profile System Administrator", where)
		}

		// The note matters when the profile grants field access itself, or
		// when the retrieve cannot show whether it does.
		profileName := profileAPIName(u.Profile)
		p, ok := a.profiles[profileName]
		if !ok || !p.apiOnly() || !(p.HasFieldAccess || a.fieldAccessUnknown(p)) {
			continue
		}
		for _, ps := range a.assigned[key] {
			set, ok := a.permSets[ps]
			if !ok || (!set.HasFieldAccess && set.ObjectCount == 0) {
				continue
			}
			f := newFinding(RuleFieldAccessWithoutObject, "PermissionSet", set.Name, set.File, set.Line,
				"field visibility for objects opened to this user also comes from profile "+profileName+
					"; the permission set does not limit it")
			f.Severity = Info
			f.Fix = "review the field permissions of profile " + profileName + " together with the permission set"
			a.add(f)
		}
	}

	for _, app := range a.f.Apps {
		kind := "OAuth app"
		if app.ClientCredentials {
			kind = "client-credentials app"
		}
		for _, p := range app.Profiles {
			if isSystemAdministrator(p) {
				a.addf(RuleSystemAdministrator, app.Type, app.Name, app.BindingFile, app.BindingLine,
					"%s %s is bound to profile System Administrator", kind, app.Name)
			}
		}
	}
}

// checkGroups reports permission set group members that are not in the
// tree.
func (a *auditor) checkGroups() {
	if len(a.f.Groups) > 0 && len(a.f.PermSets) == 0 {
		a.skipped("members of permission set groups: the tree has no permission sets")
		return
	}
	for _, g := range a.f.Groups {
		for i, member := range g.PermissionSets {
			if _, ok := a.permSets[member]; !ok {
				a.addf(RuleGroupMemberMissing, "PermissionSetGroup", g.Name, g.File, g.memberLine(i, false),
					"PermissionSetGroup %s references %s, which is not in the source tree; its permissions were not audited", g.Name, member)
			}
		}
		for i, member := range g.Muting {
			if _, ok := a.muting[member]; !ok && len(a.f.Muting) > 0 {
				a.addf(RuleGroupMemberMissing, "PermissionSetGroup", g.Name, g.File, g.memberLine(i, true),
					"PermissionSetGroup %s references muting permission set %s, which is not in the source tree", g.Name, member)
			}
		}
	}
}

// unsetRisks returns the catalogued user permissions of tier high or above
// that p does not mention.
func (a *auditor) unsetRisks(p *profileFacts) []string {
	var unset []string
	for _, r := range a.catalogue.AtLeast(permdata.TierHigh) {
		if r.Kind != permdata.KindUser {
			continue
		}
		if _, ok := p.Perms[r.Name]; !ok {
			unset = append(unset, r.Name)
		}
	}
	slices.Sort(unset)
	return unset
}
