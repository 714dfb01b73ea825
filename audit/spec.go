package audit

import (
	"fmt"
	"slices"
	"strings"

	"github.com/sfharden/sfharden/connectedapp"
	"github.com/sfharden/sfharden/internal/iprange"
	"github.com/sfharden/sfharden/internal/permdata"
)

// checkSpec compares the tree with the components that sfharden generate
// writes for each integration of the spec. It compares the login IP
// ranges, session timeout and password expiry, the run-as user, the app's
// settings and scopes, and the permission set's user, object and field
// permissions. Each difference is one finding at the element concerned.
func (a *auditor) checkSpec() {
	for _, e := range a.opts.Expected {
		drift := func(typ, component, file string, line int, format string, args ...any) {
			if file == "" {
				file, line = a.opts.display(e.SpecFile), e.Line
			}
			a.addf(RuleSpecDrift, typ, component, file, line, "spec integration %s: %s", e.Name, fmt.Sprintf(format, args...))
		}

		p, ok := a.profiles[e.Name]
		if !ok {
			drift("Profile", e.Name, "", 0, "profile %s is not in the tree", e.Name)
		} else {
			a.compareRanges(e, p, drift)
			a.compareSession(e, p, drift)
			a.comparePassword(e, p, drift)
		}

		ps, ok := a.permSets[e.Name]
		switch {
		case !ok:
			drift("PermissionSet", e.Name, "", 0, "permission set %s is not in the tree", e.Name)
		case e.PermissionSet != nil:
			comparePermSet(permSetScan(e.PermissionSet), ps, drift)
		default:
			compareUserPermissions(e, ps, drift)
		}

		app := a.app(e.Name, e.AppType)
		if app == nil {
			drift(e.AppType, e.Name, "", 0, "OAuth app %s is not in the tree", e.Name)
			continue
		}
		if e.Username != "" && !strings.Contains(e.Username, "${") && !strings.EqualFold(app.RunAsUser, e.Username) {
			drift(app.Type, app.Name, app.RunAsFile, app.RunAsLine, "run-as user is %q, the spec names %q", app.RunAsUser, e.Username)
		}
		compareApp(e, app, drift)
	}
}

// compareUserPermissions reports user permissions that the permission set
// enables beyond what the spec grants, when the built permission set is
// not known.
func compareUserPermissions(e Expectation, ps *accessFacts, drift driftFunc) {
	// sfharden generate grants ApiEnabled to every integration.
	allowed := map[string]bool{"ApiEnabled": true}
	for _, name := range e.UserPermissions {
		allowed[name] = true
		for _, dep := range permdata.RequiresAll(name) {
			allowed[dep] = true
		}
	}
	for _, name := range sortedKeys(ps.Perms) {
		if g := ps.Perms[name]; g.Enabled && !allowed[name] {
			drift("PermissionSet", ps.Name, ps.File, g.Line, "user permission %s is enabled but the spec does not grant it", name)
		}
	}
}

// comparePermSet reports each user, object and field permission of the
// tree's permission set that differs from the one the spec builds.
func comparePermSet(want *accessScan, ps *accessFacts, drift driftFunc) {
	wantUsers := map[string]bool{}
	for _, u := range want.users {
		wantUsers[u.name] = u.enabled
	}
	for _, name := range sortedKeys(ps.Perms) {
		if g := ps.Perms[name]; g.Enabled && !wantUsers[name] {
			drift("PermissionSet", ps.Name, ps.File, g.Line, "user permission %s is enabled but the spec does not grant it", name)
		}
	}
	for _, name := range sortedKeys(wantUsers) {
		if wantUsers[name] && !ps.enabled(name) {
			drift("PermissionSet", ps.Name, ps.File, ps.Line, "user permission %s, which the spec grants, is not enabled", name)
		}
	}

	type entry struct {
		want, got string
		line      int
	}
	objects := map[string]*entry{}
	at := func(m map[string]*entry, key string) *entry {
		if m[key] == nil {
			m[key] = &entry{want: "no access", got: "no access", line: ps.Line}
		}
		return m[key]
	}
	for _, o := range want.objects {
		at(objects, o.object).want = objectAccess(o)
	}
	for _, o := range ps.Objects {
		e := at(objects, o.object)
		e.got, e.line = objectAccess(o), o.line
	}
	for _, name := range sortedKeys(objects) {
		if e := objects[name]; e.want != e.got {
			drift("PermissionSet", ps.Name, ps.File, e.line, "object %s: the tree grants %s, the spec grants %s", name, e.got, e.want)
		}
	}

	fields := map[string]*entry{}
	for _, f := range want.fields {
		at(fields, f.field).want = fieldAccess(f)
	}
	for _, f := range ps.Fields {
		e := at(fields, f.field)
		e.got, e.line = fieldAccess(f), f.line
	}
	for _, name := range sortedKeys(fields) {
		if e := fields[name]; e.want != e.got {
			drift("PermissionSet", ps.Name, ps.File, e.line, "field %s: the tree grants %s, the spec grants %s", name, e.got, e.want)
		}
	}
}

// objectAccess describes the flags of an object permission entry.
func objectAccess(o objectPermission) string {
	var flags []string
	for _, f := range [...]struct {
		on   bool
		name string
	}{{o.read, "read"}, {o.create, "create"}, {o.edit, "edit"}, {o.delete, "delete"},
		{o.viewAll, "View All"}, {o.modifyAll, "Modify All"}} {
		if f.on {
			flags = append(flags, f.name)
		}
	}
	if len(flags) == 0 {
		return "no access"
	}
	return joinAnd(flags)
}

// fieldAccess describes a field permission entry.
func fieldAccess(f fieldPermission) string {
	switch {
	case f.editable && f.readable:
		return "read and edit"
	case f.editable:
		return "edit"
	case f.readable:
		return "read"
	}
	return "no access"
}

// compareApp reports the OAuth app settings that differ from the app the
// spec builds, and its scopes.
func compareApp(e Expectation, app *appFacts, drift driftFunc) {
	scopes := e.Scopes
	if want := builtApp(e); want != nil {
		scopes = want.Scopes
		if !strings.EqualFold(app.IPRelaxation, want.IPRelaxation) {
			element := "ipRelaxation"
			if app.Type != "ConnectedApp" {
				element = "ipRelaxationPolicyType"
			}
			drift(app.Type, app.Name, app.IPRelaxationFile, app.IPRelaxationLine, "%s is %q, the spec sets %q", element, app.IPRelaxation, want.IPRelaxation)
		}
		if app.PermittedUsers != want.PermittedUsers {
			drift(app.Type, app.Name, app.SelfAuthorizeFile, app.SelfAuthorizeLine, "%s, the spec sets %s", app.PermittedUsers, want.PermittedUsers)
		}
	}
	if len(scopes) > 0 && app.ScopesFile != "" {
		got := slices.Sorted(slices.Values(app.Scopes))
		want := slices.Sorted(slices.Values(scopes))
		if !slices.Equal(got, want) {
			drift(app.Type, app.Name, app.ScopesFile, app.ScopesLine, "scopes are %s, the spec asks for %s",
				strings.Join(got, ", "), strings.Join(want, ", "))
		}
	}
}

// builtApp returns the facts of the app that the spec builds, or nil.
func builtApp(e Expectation) *appFacts {
	if len(e.App) == 0 {
		return nil
	}
	// The parts get a file name because mergeApp distinguishes the files
	// of an External Client App by the file fields they set.
	const file = "spec"
	app := &appFacts{Name: e.Name}
	for _, v := range e.App {
		switch v := v.(type) {
		case *connectedapp.ConnectedApp:
			built, _ := connectedAppOf(v, e.Name, file, nil)
			return built
		default:
			part, _ := ecaOf(v, file, nil)
			app.Type = part.Type
			mergeApp(app, part)
		}
	}
	return app
}

// comparePassword reports a password expiry that differs from the spec's.
func (a *auditor) comparePassword(e Expectation, p *profileFacts, drift driftFunc) {
	if e.PasswordPolicy == nil {
		return
	}
	want := e.PasswordPolicy.PasswordExpiration
	for _, pw := range a.f.Passwords {
		if pw.Profile == p.Name {
			if pw.Expiration != want {
				drift("Profile", p.Name, pw.File, pw.Line, "passwordExpiration is %d days, the spec sets %d", pw.Expiration, want)
			}
			return
		}
	}
	drift("Profile", p.Name, p.File, p.Line, "no ProfilePasswordPolicy for profile %s is in the tree; the spec sets passwordExpiration %d", p.Name, want)
}

type driftFunc func(typ, component, file string, line int, format string, args ...any)

// compareRanges reports each login IP range of the profile that the spec
// does not allow, at its element, and each that the spec allows but the
// profile lacks.
func (a *auditor) compareRanges(e Expectation, p *profileFacts, drift driftFunc) {
	want := map[string]bool{}
	for _, s := range e.AllowRanges {
		r, err := iprange.Parse(s)
		if err != nil {
			continue // the spec's own validation reports it
		}
		want[r.String()] = true
	}
	got := map[string]bool{}
	for _, r := range p.Ranges {
		text := r.Start + "-" + r.End
		if rng, err := iprange.FromEnds(r.Start, r.End); err == nil {
			text = rng.String()
		}
		got[text] = true
		if !want[text] {
			drift("Profile", p.Name, p.File, r.Line, "loginIpRanges %s is not in the spec, which allows [%s]",
				text, strings.Join(sortedKeys(want), " "))
		}
	}
	for _, text := range sortedKeys(want) {
		if !got[text] {
			drift("Profile", p.Name, p.File, p.Line, "the spec allows %s, which loginIpRanges do not list", text)
		}
	}
}

func (a *auditor) compareSession(e Expectation, p *profileFacts, drift driftFunc) {
	if e.SessionTimeout == 0 {
		return
	}
	for _, s := range a.f.Sessions {
		if s.Profile == p.Name {
			if s.Timeout != e.SessionTimeout {
				drift("Profile", p.Name, s.File, s.Line, "sessionTimeout is %d minutes, the spec sets %d", s.Timeout, e.SessionTimeout)
			}
			return
		}
	}
	drift("Profile", p.Name, p.File, p.Line, "no ProfileSessionSetting for profile %s is in the tree; the spec sets %d minutes", p.Name, e.SessionTimeout)
}

// app returns the OAuth app of the given type and name, or of either type
// when typ is empty.
func (a *auditor) app(name, typ string) *appFacts {
	for _, app := range a.f.Apps {
		if app.Name == name && (typ == "" || app.Type == typ) {
			return app
		}
	}
	return nil
}
