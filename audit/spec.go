package audit

import (
	"fmt"
	"slices"
	"strings"

	"github.com/sfharden/sfharden/internal/iprange"
	"github.com/sfharden/sfharden/internal/permdata"
)

// checkSpec compares the tree with the integrations of the spec: the
// components sfharden generate writes for each, the login IP ranges, the
// session timeout, the run-as user, the scopes and the user permissions.
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
		}

		ps, ok := a.permSets[e.Name]
		if !ok {
			drift("PermissionSet", e.Name, "", 0, "permission set %s is not in the tree", e.Name)
		} else {
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
					drift("PermissionSet", e.Name, ps.File, g.Line, "user permission %s is enabled but the spec does not grant it", name)
				}
			}
		}

		app := a.app(e.Name, e.AppType)
		if app == nil {
			drift(e.AppType, e.Name, "", 0, "OAuth app %s is not in the tree", e.Name)
			continue
		}
		if e.Username != "" && !strings.Contains(e.Username, "${") && !strings.EqualFold(app.RunAsUser, e.Username) {
			drift(app.Type, app.Name, app.RunAsFile, app.RunAsLine, "run-as user is %q, the spec names %q", app.RunAsUser, e.Username)
		}
		if len(e.Scopes) > 0 && app.ScopesFile != "" {
			got := slices.Sorted(slices.Values(app.Scopes))
			want := slices.Sorted(slices.Values(e.Scopes))
			if !slices.Equal(got, want) {
				drift(app.Type, app.Name, app.ScopesFile, app.ScopesLine, "scopes are %s, the spec asks for %s",
					strings.Join(got, ", "), strings.Join(want, ", "))
			}
		}
	}
}

type driftFunc func(typ, component, file string, line int, format string, args ...any)

func (a *auditor) compareRanges(e Expectation, p *profileFacts, drift driftFunc) {
	var want, got []string
	for _, s := range e.AllowRanges {
		r, err := iprange.Parse(s)
		if err != nil {
			continue // the spec's own validation reports it
		}
		want = append(want, r.String())
	}
	for _, r := range p.Ranges {
		rng, err := iprange.FromEnds(r.Start, r.End)
		if err != nil {
			got = append(got, r.Start+"-"+r.End)
			continue
		}
		got = append(got, rng.String())
	}
	slices.Sort(want)
	slices.Sort(got)
	if !slices.Equal(want, got) {
		drift("Profile", p.Name, p.File, p.Line, "loginIpRanges are [%s], the spec allows [%s]",
			strings.Join(got, " "), strings.Join(want, " "))
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
