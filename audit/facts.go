package audit

// The reader keeps these facts of each file and drops the parsed tree, so
// memory grows with the number of components, not with their size.

// grant is one user permission entry of a profile or permission set.
type grant struct {
	Enabled bool
	Line    int
}

// objectGrant is a View All or Modify All flag on one object.
type objectGrant struct {
	Object string
	Flag   string // "viewAllRecords" or "modifyAllRecords"
	Line   int
}

// loginRange is one loginIpRanges entry as written.
type loginRange struct {
	Start, End string
	Line       int
}

// accessFacts are the parts of a profile, permission set or muting
// permission set that the rules read.
type accessFacts struct {
	Name  string
	File  string
	Line  int
	Perms map[string]grant // user permissions by name

	path       string // path the file was read from
	APIVersion string // API version of the tree the file is in; "" when unknown

	RiskyObjects   []objectGrant
	Objects        []objectPermission // every entry, kept only for a permission set that the spec names
	Fields         []fieldPermission  // every entry, kept only for a permission set that the spec names
	FieldCount     int                // fieldPermissions entries
	ObjectCount    int                // objectPermissions entries
	HasFieldAccess bool
}

func (a *accessFacts) enabled(name string) bool {
	return a.Perms[name].Enabled
}

// profileFacts are the facts of one Profile file.
type profileFacts struct {
	accessFacts
	UserLicense string
	Ranges      []loginRange

	// FieldFindings are the field-access-without-object-access findings,
	// reported only when the profile turns out to be an integration profile.
	FieldFindings []Finding
}

// apiOnly reports whether users of the profile can use only the API: the
// profile enables ApiUserOnly, or it has the Salesforce Integration
// licence, whose profiles are API-only whatever their permissions say.
func (p *profileFacts) apiOnly() bool {
	return p.enabled("ApiUserOnly") || p.UserLicense == "Salesforce Integration"
}

// groupFacts are the facts of one PermissionSetGroup file.
type groupFacts struct {
	Name           string
	File           string
	Line           int
	PermissionSets []string
	Muting         []string

	// memberLines and mutingLines are the lines of PermissionSets and
	// Muting, or nil when the file does not show them one to a line.
	memberLines, mutingLines []int
}

// memberLine returns the line of the i-th member, or of the group.
func (g *groupFacts) memberLine(i int, muting bool) int {
	lines := g.memberLines
	if muting {
		lines = g.mutingLines
	}
	if i < len(lines) {
		return lines[i]
	}
	return g.Line
}

// sessionFacts are the facts of one ProfileSessionSetting file.
type sessionFacts struct {
	Name, File, Profile string
	Line                int
	Timeout             int
}

// passwordFacts are the facts of one ProfilePasswordPolicy file.
type passwordFacts struct {
	Name, File, Profile string
	Line                int
	Expiration          int // days; 0 means never
}

// appFacts are the facts of one OAuth app: a ConnectedApp, or an External
// Client App put together from its settings and policy files.
type appFacts struct {
	Type string // "ConnectedApp" or "ExternalClientApplication"
	Name string
	File string // the file that carries the app's OAuth policy, else its main file
	Line int

	ClientCredentials bool
	RunAsUser         string
	RunAsFile         string
	RunAsLine         int

	Profiles       []string // profiles bound to the app
	PermissionSets []string // permission sets bound to the app
	BindingFile    string
	BindingLine    int

	IPRelaxation     string
	IPRelaxationFile string
	IPRelaxationLine int

	// SelfAuthorize is true when every user may authorize the app.
	SelfAuthorize     bool
	PermittedUsers    string // the element that sets SelfAuthorize, as written: "isAdminApproved false"
	SelfAuthorizeFile string
	SelfAuthorizeLine int

	Scopes     []string
	ScopeLines []int // line of each scope, parallel to Scopes
	ScopesFile string
	ScopesLine int

	partFile string // for one file of an External Client App, that file
}

// scopeLine returns the line of the i-th scope, or of the first.
func (a *appFacts) scopeLine(i int) int {
	if i < len(a.ScopeLines) {
		return a.ScopeLines[i]
	}
	return a.ScopesLine
}

// policyFacts are the facts of one TransactionSecurityPolicy file.
type policyFacts struct {
	Name, File string
	Line       int
	Active     bool
	Event      string // eventName, or eventType for legacy policies
}

// manifestFacts are the facts of one package.xml.
type manifestFacts struct {
	File    string
	Version string
	Types   map[string]bool
}

// oauthSettingsFacts are the facts of settings/OauthOidc.settings-meta.xml.
type oauthSettingsFacts struct {
	File      string
	Line      int
	BlockUnPw *bool
}

// securitySettingsFacts are the facts of settings/Security.settings-meta.xml.
type securitySettingsFacts struct {
	File       string
	Line       int
	Expiration string // passwordPolicies/expiration: "NinetyDays", "Never" and so on
}

// facts is everything the reader kept of the input.
type facts struct {
	Profiles     []*profileFacts
	PermSets     []*accessFacts
	Muting       []*accessFacts
	Groups       []*groupFacts
	Sessions     []*sessionFacts
	Passwords    []*passwordFacts
	Apps         []*appFacts
	Policies     []*policyFacts
	Manifests    []*manifestFacts
	OAuth        *oauthSettingsFacts
	Security     *securitySettingsFacts
	HasObjects   bool // the tree has CustomObject or CustomField files
	FileFindings []Finding
	Problems     []Problem
	Files        int
	Anchor       string // file that findings without a file of their own point to

	versions []versionDir // API versions of the folders read
}

// versionDir is the API version of the files below an absolute folder:
// the sourceApiVersion of an sf project, or the version of a package.xml.
type versionDir struct {
	dir     string
	version string
}
