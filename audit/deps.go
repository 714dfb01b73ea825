package audit

import (
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/sfharden/sfharden/internal/permdata"
)

// setVersions gives each profile and permission set the API version of
// the nearest folder above it that has one: the folder of a package.xml,
// or the root of an sf project or mdapi folder.
func (f *facts) setVersions() {
	slices.SortFunc(f.versions, func(a, b versionDir) int { return len(b.dir) - len(a.dir) })
	set := func(a *accessFacts) {
		if a.path == "" {
			return
		}
		dir := absDir(a.path)
		for _, v := range f.versions {
			if dir == v.dir || strings.HasPrefix(dir, v.dir+string(filepath.Separator)) {
				a.APIVersion = v.version
				return
			}
		}
	}
	for _, p := range f.Profiles {
		set(&p.accessFacts)
	}
	for _, p := range f.PermSets {
		set(p)
	}
}

// absDir returns the absolute folder of the file at path.
func absDir(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	return filepath.Dir(abs)
}

// appliesAt reports whether a dependency recorded from API version since
// holds in a tree at API version tree. An unknown version on either side
// counts as applying, so the check errs towards reporting.
func appliesAt(since, tree string) bool {
	t, err := strconv.ParseFloat(tree, 64)
	if err != nil {
		return true
	}
	s, err := strconv.ParseFloat(since, 64)
	if err != nil {
		return true
	}
	return t >= s
}

// checkDependencies reports each enabled user permission whose required
// permissions are not enabled in the same profile or permission set, once
// per permission with every missing one. A dependency counts only from
// the API version at which Salesforce introduced it, compared with the
// version of the file's tree. Platform dependencies apply to permission
// sets and profiles alike. Functional ones only to profiles, because a
// permission set may rely on the profile for them.
func (a *auditor) checkDependencies() {
	for _, p := range a.f.Profiles {
		a.checkDependenciesOf("Profile", &p.accessFacts)
	}
	for _, p := range a.f.PermSets {
		a.checkDependenciesOf("PermissionSet", p)
	}
}

func (a *auditor) checkDependenciesOf(typ string, p *accessFacts) {
	for _, name := range sortedKeys(p.Perms) {
		g := p.Perms[name]
		if !g.Enabled {
			continue
		}
		var missing []string
		for _, dep := range permdata.Requires(name) {
			if dep.Basis != permdata.BasisPlatform && typ != "Profile" {
				continue
			}
			if appliesAt(dep.APIVersion, p.APIVersion) && !p.enabled(dep.Requires) {
				missing = append(missing, dep.Requires)
			}
		}
		if len(missing) == 0 {
			continue
		}
		verb := "is"
		if len(missing) > 1 {
			verb = "are"
		}
		version := ""
		if p.APIVersion != "" {
			version = fmt.Sprintf(" at API version %s", p.APIVersion)
		}
		a.addf(RuleMissingPermissionDependency, typ, p.Name, p.File, g.Line,
			"%s is enabled but %s, which it requires%s, %s not", name, joinAnd(missing), version, verb)
	}
}

// joinAnd joins items as "a", "a and b" or "a, b and c".
func joinAnd(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}
