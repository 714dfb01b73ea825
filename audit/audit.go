package audit

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/sfharden/sfharden/internal/permdata"
	"github.com/sfharden/sfharden/permset"
	"github.com/sfharden/sfharden/profile"
)

// Options are the paths to audit and what is known of the org. The zero
// value audits nothing, so set Paths.
type Options struct {
	// Paths are sf projects, package directories, mdapi folders or single
	// metadata files.
	Paths []string

	// BaseDir is the folder that the file paths of findings are relative
	// to, normally the repository root. Files outside it, and every file
	// when BaseDir is empty, are shown as given.
	BaseDir string

	// Users and Assignments come from ParseUsers and ParseAssignments. They
	// tell the audit which user runs as which profile and holds which
	// permission sets. UsersFile and AssignmentsFile are the files they were
	// read from, which findings about users point to.
	Users           []User
	Assignments     []Assignment
	UsersFile       string
	AssignmentsFile string

	// Expected are the integrations of an sfharden spec, compared with the
	// tree by the spec-drift rule.
	Expected []Expectation

	// Baseline holds accepted findings. Entries expire at the end of their
	// expiry day in Today's location.
	Baseline []BaselineEntry
	Today    time.Time // zero means time.Now()

	// Workers is the number of files parsed at once; 0 means GOMAXPROCS.
	Workers int

	// Progress, when set, is called after each metadata file with the
	// number of files read so far. Calls do not overlap.
	Progress func(done int)
}

// Expectation is one integration of an sfharden spec: the components that
// `sfharden generate` writes for it and the values they should have.
type Expectation struct {
	Name            string   // API name of the profile, permission set and OAuth app
	Username        string   // run-as user; a ${VAR} placeholder is not compared
	AllowRanges     []string // login IP ranges, as iprange.Parse reads them
	SessionTimeout  int      // minutes
	Scopes          []string // OAuth scopes as enum values: "Api"
	AppType         string   // "ExternalClientApplication" or "ConnectedApp"
	UserPermissions []string // user permissions the spec grants
	SpecFile        string
	Line            int // line of the integration in SpecFile

	// The components that sfharden.Build makes for the integration. When
	// set, spec-drift compares the tree's permission set (user, object and
	// field permissions), password policy (passwordExpiration) and OAuth
	// app (IP relaxation, permitted users and scopes) with them. Nil
	// leaves that comparison out.
	PermissionSet  *permset.PermissionSet
	PasswordPolicy *profile.PasswordPolicy
	// App holds the values of the app's components: a
	// *connectedapp.ConnectedApp, or the External Client App files.
	App []any
}

// display returns path as findings show it, and "" for no path.
func (o Options) display(path string) string {
	if path == "" || o.BaseDir == "" {
		return filepath.ToSlash(path)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.ToSlash(path)
	}
	rel, err := filepath.Rel(o.BaseDir, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return filepath.ToSlash(path)
	}
	return filepath.ToSlash(rel)
}

// Run audits the metadata under opts.Paths. Files that cannot be read or
// parsed are listed in Report.Problems and everything else is audited. Run
// returns an error only for invalid options.
func Run(opts Options) (*Report, error) {
	if len(opts.Paths) == 0 {
		return nil, errors.New("no path to audit: give an sf project, a package directory or an mdapi folder")
	}
	if err := ValidateBaseline(opts.Baseline); err != nil {
		return nil, err
	}
	if opts.BaseDir != "" {
		abs, err := filepath.Abs(opts.BaseDir)
		if err != nil {
			return nil, fmt.Errorf("invalid base folder %q: %w", opts.BaseDir, err)
		}
		opts.BaseDir = abs
	}
	if opts.Today.IsZero() {
		opts.Today = time.Now()
	}

	f := readFacts(opts)
	a := newAuditor(opts, f)
	a.resolve()
	a.checkAccess()
	a.checkDependencies()
	a.checkProfiles()
	a.checkApps()
	a.checkOrg()
	a.checkSpec()

	r := &Report{Problems: f.Problems, Files: f.Files, NotChecked: a.notChecked}
	r.Findings = append(a.findings, f.FileFindings...)
	for i := range r.Findings {
		if r.Findings[i].File == "" {
			r.Findings[i].File = f.Anchor
		}
	}
	applyBaseline(r, opts.Baseline, opts.Today)
	sortReport(r)
	return r, nil
}

// newFinding returns a finding of rule with the rule's severity and fix.
func newFinding(rule, typ, component, file string, line int, message string) Finding {
	r, ok := LookupRule(rule)
	if !ok {
		panic("audit: unknown rule " + rule)
	}
	return Finding{Rule: rule, Severity: r.Severity, Type: typ, Component: component,
		File: file, Line: line, Message: message, Fix: r.Fix}
}

// auditor holds the facts of one run, indexed, and the integration users,
// profiles and permission sets found in them.
type auditor struct {
	opts       Options
	f          *facts
	catalogue  *permdata.Catalogue
	findings   []Finding
	notChecked []string

	profiles map[string]*profileFacts
	permSets map[string]*accessFacts
	muting   map[string]*accessFacts
	groups   map[string]*groupFacts

	users       map[string]User         // by lower-case username
	assigned    map[string][]string     // lower-case username to permission set names, groups expanded
	assignments map[string][]Assignment // lower-case username to the rows of --assignments
	runAs       map[string][]*appFacts
	ccApps      []*appFacts
	intProfiles map[string]string // integration profile name to why it is one
	intPermSets map[string]string
	intUsers    map[string]string // lower-case username to why
}

func newAuditor(opts Options, f *facts) *auditor {
	a := &auditor{opts: opts, f: f, catalogue: permdata.Default(),
		profiles: map[string]*profileFacts{}, permSets: map[string]*accessFacts{},
		muting: map[string]*accessFacts{}, groups: map[string]*groupFacts{},
		users: map[string]User{}, assigned: map[string][]string{}, assignments: map[string][]Assignment{}, runAs: map[string][]*appFacts{},
		intProfiles: map[string]string{}, intPermSets: map[string]string{}, intUsers: map[string]string{}}
	for _, p := range f.Profiles {
		if _, dup := a.profiles[p.Name]; !dup {
			a.profiles[p.Name] = p
		}
	}
	for _, p := range f.PermSets {
		if _, dup := a.permSets[p.Name]; !dup {
			a.permSets[p.Name] = p
		}
	}
	for _, p := range f.Muting {
		a.muting[p.Name] = p
	}
	for _, g := range f.Groups {
		a.groups[g.Name] = g
	}
	for _, u := range opts.Users {
		a.users[strings.ToLower(u.Username)] = u
	}
	for _, as := range opts.Assignments {
		key := strings.ToLower(as.Username)
		a.assignments[key] = append(a.assignments[key], as)
		if as.PermissionSetGroup != "" {
			if g, ok := a.groups[as.PermissionSetGroup]; ok {
				a.assigned[key] = append(a.assigned[key], g.PermissionSets...)
			}
			continue
		}
		a.assigned[key] = append(a.assigned[key], as.PermissionSet)
	}
	return a
}

func (a *auditor) add(f Finding) {
	a.findings = append(a.findings, f)
}

func (a *auditor) addf(rule, typ, component, file string, line int, format string, args ...any) {
	a.add(newFinding(rule, typ, component, file, line, fmt.Sprintf(format, args...)))
}

func (a *auditor) skipped(format string, args ...any) {
	a.notChecked = append(a.notChecked, fmt.Sprintf(format, args...))
}

// profileOfUser returns the API name of the profile of username, or "".
func (a *auditor) profileOfUser(username string) string {
	u, ok := a.users[strings.ToLower(username)]
	if !ok {
		return ""
	}
	return profileAPIName(u.Profile)
}

// resolve finds the integration users, profiles and permission sets: the
// API-only profiles, the profiles and permission sets bound to any OAuth
// app, the run-as users of client-credentials apps, what those users are
// assigned, and what the spec names. Maps are read in sorted key order, so
// the reason recorded for each component is the same in every run.
func (a *auditor) resolve() {
	for _, app := range a.f.Apps {
		kind := "OAuth app"
		if app.ClientCredentials {
			kind = "client-credentials app"
			a.ccApps = append(a.ccApps, app)
			if app.RunAsUser != "" {
				key := strings.ToLower(app.RunAsUser)
				a.runAs[key] = append(a.runAs[key], app)
				setOnce(a.intUsers, key, "run-as user of "+app.Name)
			}
		}
		for _, p := range app.Profiles {
			setOnce(a.intProfiles, profileAPIName(p), "bound to "+kind+" "+app.Name)
		}
		for _, ps := range app.PermissionSets {
			a.markPermSet(ps, "bound to "+kind+" "+app.Name)
		}
	}
	for _, p := range a.f.Profiles {
		if p.apiOnly() {
			setOnce(a.intProfiles, p.Name, "API-only")
		}
	}
	for _, p := range a.f.PermSets {
		if p.enabled("ApiUserOnly") {
			setOnce(a.intPermSets, p.Name, "grants ApiUserOnly")
		}
	}
	for _, e := range a.opts.Expected {
		setOnce(a.intProfiles, e.Name, "named by the spec")
		a.markPermSet(e.Name, "named by the spec")
		if e.Username != "" && !strings.Contains(e.Username, "${") {
			setOnce(a.intUsers, strings.ToLower(e.Username), "named by the spec")
		}
	}

	for _, key := range sortedKeys(a.intUsers) {
		if p := a.profileOfUser(key); p != "" {
			setOnce(a.intProfiles, p, "profile of integration user "+a.users[key].Username)
		}
	}
	for _, key := range sortedKeys(a.users) {
		u := a.users[key]
		if why, ok := a.intProfiles[profileAPIName(u.Profile)]; ok && u.Active {
			setOnce(a.intUsers, key, "profile "+profileAPIName(u.Profile)+" is "+why)
		}
	}
	for _, key := range sortedKeys(a.intUsers) {
		for _, ps := range a.assigned[key] {
			a.markPermSet(ps, "assigned to integration user "+a.userName(key))
		}
	}
	a.skippedUsers()
}

// skippedUsers lists what --users and --assignments leave open about the
// integration users.
func (a *auditor) skippedUsers() {
	usersGiven := a.opts.Users != nil || a.opts.UsersFile != ""
	switch {
	case len(a.ccApps) > 0 && !usersGiven:
		a.skipped("profiles of the run-as users of client-credentials apps: pass --users")
	case usersGiven:
		in := "the users file"
		if a.opts.UsersFile != "" {
			in = "users file " + a.opts.display(a.opts.UsersFile)
		}
		for _, key := range sortedKeys(a.runAs) {
			apps := a.runAs[key]
			u, ok := a.users[key]
			switch {
			case !ok:
				a.skipped("profile of run-as user %s of %s: the user is not in %s", apps[0].RunAsUser, apps[0].Name, in)
			case u.Profile == "":
				a.skipped("profile of run-as user %s of %s: %s gives no Profile.Name for the user", u.Username, apps[0].Name, in)
			}
		}
	}

	if a.opts.Assignments == nil && a.opts.AssignmentsFile == "" {
		a.skipped("permission sets assigned to integration users: pass --assignments")
		return
	}
	for _, key := range sortedKeys(a.intUsers) {
		for _, as := range a.assignments[key] {
			switch {
			case as.PermissionSetGroup != "":
				if _, ok := a.groups[as.PermissionSetGroup]; !ok {
					a.skipped("permission set group %s assigned to integration user %s: not in the tree", as.PermissionSetGroup, as.Username)
				}
			case profileOwned(as.PermissionSet):
			case a.permSets[as.PermissionSet] == nil && a.groups[as.PermissionSet] == nil:
				a.skipped("permission set %s assigned to integration user %s: not in the tree", as.PermissionSet, as.Username)
			}
		}
	}
}

// profileOwned reports whether name is that of the permission set that
// Salesforce keeps for each profile, which PermissionSetAssignment lists
// for every user: "X" and the 15-character profile ID, "X00e...".
func profileOwned(name string) bool {
	return len(name) >= 16 && strings.HasPrefix(name, "X00e")
}

func (a *auditor) userName(key string) string {
	if u, ok := a.users[key]; ok {
		return u.Username
	}
	for _, app := range a.runAs[key] {
		return app.RunAsUser
	}
	return key
}

// markPermSet marks a permission set, or the members of a permission set
// group of that name, as held by an integration user.
func (a *auditor) markPermSet(name, why string) {
	if g, ok := a.groups[name]; ok {
		for _, member := range g.PermissionSets {
			setOnce(a.intPermSets, member, why+" through group "+name)
		}
		return
	}
	setOnce(a.intPermSets, name, why)
}

func setOnce(m map[string]string, key, value string) {
	if _, ok := m[key]; !ok {
		m[key] = value
	}
}

// sortedKeys returns the keys of m in order, so checks run in a stable
// order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
