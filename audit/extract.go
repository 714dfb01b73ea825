package audit

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/sfharden/sfharden/connectedapp"
	"github.com/sfharden/sfharden/internal/schema"
	"github.com/sfharden/sfharden/monitoring"
	"github.com/sfharden/sfharden/permset"
	"github.com/sfharden/sfharden/pkgxml"
	"github.com/sfharden/sfharden/profile"
)

// fileFacts holds the facts of one file in at most one of its fact fields,
// and the findings that the file shows on its own.
type fileFacts struct {
	profile  *profileFacts
	permSet  *accessFacts
	muting   *accessFacts
	group    *groupFacts
	session  *sessionFacts
	password *passwordFacts
	app      *appFacts
	policy   *policyFacts
	manifest *manifestFacts
	oauth    *oauthSettingsFacts
	security *securitySettingsFacts
	findings []Finding

	object  bool     // a CustomObject or CustomField file, which the audit only notes
	known   bool     // a metadata file of a type that the audit does not read
	read    bool     // a metadata file that the audit read
	problem *Problem // the file could not be read or parsed
}

// leafLine returns the line of the first "<tag>" in data, or fallback when
// there is none. The typed models keep the line of
// each nested element but not of each leaf, so leaves are found in the
// bytes.
func leafLine(data []byte, tag string, fallback int) int {
	i := bytes.Index(data, []byte("<"+tag+">"))
	if i < 0 {
		return fallback
	}
	return bytes.Count(data[:i], []byte("\n")) + 1
}

// leafLines returns the line of each "<tag>...</tag>" element of data
// whose content is text, in document order, and of each whose content
// holds elements in nested.
func leafLines(data []byte, tag string) (text, nested []int) {
	open, closing := []byte("<"+tag+">"), []byte("</"+tag+">")
	line, counted := 1, 0
	for from := 0; ; {
		i := bytes.Index(data[from:], open)
		if i < 0 {
			return text, nested
		}
		at := from + i
		line += bytes.Count(data[counted:at], []byte("\n"))
		counted = at
		from = at + len(open)
		if lt := bytes.IndexByte(data[from:], '<'); lt >= 0 && !bytes.HasPrefix(data[from+lt:], closing) {
			nested = append(nested, line)
		} else {
			text = append(text, line)
		}
	}
}

// userPermission is the shape shared by the user permission entries of
// profiles, permission sets and muting permission sets.
type userPermission struct {
	name    string
	enabled bool
	line    int
}

// objectPermission is the shape shared by object permission entries.
type objectPermission struct {
	object                                         string
	read, create, edit, delete, viewAll, modifyAll bool
	line                                           int
}

// fieldPermission is the shape shared by field permission entries.
type fieldPermission struct {
	field              string
	readable, editable bool
	line               int
}

func deref(b *bool) bool { return b != nil && *b }

// accessOf builds the facts of a profile or permission set and returns the
// findings that the file shows on its own: object permission dependencies
// and field access without object access. User permission dependencies
// depend on the API version of the tree, so checkDependencies reports them.
func accessOf(typ, name, file string, line int, users []userPermission, objects []objectPermission, fields []fieldPermission) (accessFacts, []Finding) {
	a := accessFacts{Name: name, File: file, Line: line, Perms: make(map[string]grant, len(users)),
		FieldCount: len(fields), ObjectCount: len(objects)}
	for _, u := range users {
		a.Perms[u.name] = grant{Enabled: u.enabled, Line: u.line}
	}
	var findings []Finding
	add := func(rule string, line int, format string, args ...any) {
		findings = append(findings, newFinding(rule, typ, name, file, line, fmt.Sprintf(format, args...)))
	}

	readable := map[string]bool{}
	editable := map[string]bool{}
	for _, o := range objects {
		for _, flag := range [...]struct {
			on   bool
			name string
		}{{o.viewAll, "viewAllRecords"}, {o.modifyAll, "modifyAllRecords"}} {
			if flag.on {
				a.RiskyObjects = append(a.RiskyObjects, objectGrant{Object: o.object, Flag: flag.name, Line: o.line})
			}
		}
		if broken := objectClosure(o); len(broken) > 0 {
			add(RuleMissingPermissionDependency, o.line, "object %s: %s", o.object, strings.Join(broken, ", "))
		}
		readable[o.object] = o.read || o.viewAll || o.modifyAll
		editable[o.object] = o.edit || o.modifyAll
	}
	// Activity fields are granted through the Event and Task objects.
	readable["Activity"] = readable["Event"] || readable["Task"]
	editable["Activity"] = editable["Event"] || editable["Task"]

	// Field problems are reported once per object and kind, at the first
	// field, so a profile with hundreds of such fields on one object gives
	// one finding for it.
	type fieldProblem struct {
		kind, object, first string
		line, count         int
	}
	var problems []*fieldProblem
	byKey := map[[2]string]*fieldProblem{}
	note := func(kind, object string, f fieldPermission) {
		key := [2]string{kind, object}
		if p, ok := byKey[key]; ok {
			p.count++
			return
		}
		p := &fieldProblem{kind: kind, object: object, first: f.field, line: f.line, count: 1}
		byKey[key] = p
		problems = append(problems, p)
	}
	for _, f := range fields {
		if f.readable || f.editable {
			a.HasFieldAccess = true
		}
		object, _, ok := strings.Cut(f.field, ".")
		if !ok || noObjectPermissions[object] {
			continue
		}
		switch {
		case f.editable && !f.readable:
			note("editable requires readable", object, f)
		case (f.readable || f.editable) && !readable[object]:
			note("no object read", object, f)
		case f.editable && !editable[object]:
			note("no object edit", object, f)
		}
	}
	for _, p := range problems {
		fields := p.first
		if p.count > 1 {
			fields = fmt.Sprintf("%s and %d other fields of %s", p.first, p.count-1, p.object)
		}
		switch p.kind {
		case "editable requires readable":
			add(RuleFieldAccessWithoutObject, p.line, "%s: editable requires readable", fields)
		case "no object read":
			add(RuleFieldAccessWithoutObject, p.line, "%s %s readable but no objectPermissions grant read on %s", fields, isAre(p.count), p.object)
		default:
			add(RuleFieldAccessWithoutObject, p.line, "%s %s editable but object %s does not allow edit", fields, isAre(p.count), p.object)
		}
	}
	return a, findings
}

func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}

// noObjectPermissions lists objects whose fields carry field permissions
// while the object itself takes no objectPermissions entry.
//
// NOTE: only User is known to behave this way; other setup objects may too.
var noObjectPermissions = map[string]bool{"User": true}

// objectClosure returns the object permission dependencies that o breaks:
// create, edit and View All need read, delete needs edit, and Modify All
// needs delete and View All.
func objectClosure(o objectPermission) []string {
	var broken []string
	need := func(has bool, flag, requires string) {
		if has {
			broken = append(broken, flag+" requires "+requires)
		}
	}
	need(o.create && !o.read, "allowCreate", "allowRead")
	need(o.edit && !o.read, "allowEdit", "allowRead")
	need(o.delete && !o.edit, "allowDelete", "allowEdit")
	need(o.viewAll && !o.read, "viewAllRecords", "allowRead")
	need(o.modifyAll && !o.delete, "modifyAllRecords", "allowDelete")
	need(o.modifyAll && !o.viewAll, "modifyAllRecords", "viewAllRecords")
	return broken
}

// profileScan returns what scanAccess would keep of a parsed Profile, so
// the typed models and the scanner feed the same code.
func profileScan(p *profile.Profile) *accessScan {
	sc := &accessScan{fullName: p.FullName, userLicense: p.UserLicense, line: p.Extra.Line}
	for _, u := range p.UserPermissions {
		sc.users = append(sc.users, userPermission{u.Name, u.Enabled, u.Extra.Line})
	}
	for _, o := range p.ObjectPermissions {
		sc.objects = append(sc.objects, objectPermission{o.Object, deref(o.AllowRead), deref(o.AllowCreate), deref(o.AllowEdit),
			deref(o.AllowDelete), deref(o.ViewAllRecords), deref(o.ModifyAllRecords), o.Extra.Line})
	}
	for _, f := range p.FieldPermissions {
		sc.fields = append(sc.fields, fieldPermission{f.Field, deref(f.Readable), f.Editable, f.Extra.Line})
	}
	for _, r := range p.LoginIPRanges {
		sc.ranges = append(sc.ranges, loginRange{Start: r.StartAddress, End: r.EndAddress, Line: r.Extra.Line})
	}
	return sc
}

// permSetScan returns what scanAccess would keep of a parsed PermissionSet.
func permSetScan(p *permset.PermissionSet) *accessScan {
	sc := &accessScan{fullName: p.FullName, line: p.Extra.Line}
	for _, u := range p.UserPermissions {
		sc.users = append(sc.users, userPermission{u.Name, u.Enabled, u.Extra.Line})
	}
	for _, o := range p.ObjectPermissions {
		sc.objects = append(sc.objects, objectPermission{o.Object, o.AllowRead, o.AllowCreate, o.AllowEdit,
			o.AllowDelete, o.ViewAllRecords, o.ModifyAllRecords, o.Extra.Line})
	}
	for _, f := range p.FieldPermissions {
		sc.fields = append(sc.fields, fieldPermission{f.Field, deref(f.Readable), f.Editable, f.Extra.Line})
	}
	return sc
}

func profileOf(sc *accessScan, name, file string) (*profileFacts, []Finding) {
	access, findings := accessOf("Profile", name, file, sc.line, sc.users, sc.objects, sc.fields)
	facts := &profileFacts{accessFacts: access, UserLicense: sc.userLicense, Ranges: sc.ranges}
	// Field access findings count for integration profiles only: full org
	// backups carry thousands of them on profiles no integration uses.
	kept := findings[:0]
	for _, f := range findings {
		if f.Rule == RuleFieldAccessWithoutObject {
			facts.FieldFindings = append(facts.FieldFindings, f)
		} else {
			kept = append(kept, f)
		}
	}
	return facts, kept
}

func permSetOf(sc *accessScan, name, file string) (*accessFacts, []Finding) {
	access, findings := accessOf("PermissionSet", name, file, sc.line, sc.users, sc.objects, sc.fields)
	return &access, findings
}

func mutingOf(p *permset.MutingPermissionSet, name, file string) *accessFacts {
	a := &accessFacts{Name: name, File: file, Line: p.Extra.Line, Perms: map[string]grant{}}
	for _, u := range p.UserPermissions {
		a.Perms[u.Name] = grant{Enabled: u.Enabled, Line: u.Extra.Line}
	}
	return a
}

// scopeValues is the ConnectedAppOauthAccessScope enumeration of the schema.
var scopeValues, _ = schema.Enumeration("ConnectedAppOauthAccessScope")

// connectedAppOf builds the facts of a ConnectedApp and returns the
// findings it shows on its own: secrets in source and malformed scopes.
func connectedAppOf(c *connectedapp.ConnectedApp, name, file string, data []byte) (*appFacts, []Finding) {
	app := &appFacts{Type: "ConnectedApp", Name: name, File: file, Line: c.Extra.Line,
		Profiles: c.ProfileName, PermissionSets: c.PermissionSetName, BindingFile: file}
	app.BindingLine = leafLine(data, "profileName", leafLine(data, "permissionSetName", c.Extra.Line))
	var findings []Finding
	add := func(rule string, line int, format string, args ...any) {
		findings = append(findings, newFinding(rule, app.Type, name, file, line, fmt.Sprintf(format, args...)))
	}

	if cfg := c.OAuthConfig; cfg != nil {
		line := cfg.Extra.Line
		app.ClientCredentials = deref(cfg.IsClientCredentialEnabled)
		app.RunAsUser = strings.TrimSpace(cfg.OAuthClientCredentialUser)
		app.RunAsFile = file
		app.RunAsLine = leafLine(data, "oauthClientCredentialUser", line)
		app.SelfAuthorize = !deref(cfg.IsAdminApproved)
		app.PermittedUsers = fmt.Sprintf("isAdminApproved %t", deref(cfg.IsAdminApproved))
		app.SelfAuthorizeFile = file
		app.SelfAuthorizeLine = leafLine(data, "isAdminApproved", line)
		app.Scopes = cfg.Scopes
		app.ScopesFile = file
		app.ScopesLine = leafLine(data, "scopes", line)
		textLines, nestedLines := leafLines(data, "scopes")
		if len(textLines) == len(cfg.Scopes) {
			app.ScopeLines = textLines
		}
		if strings.TrimSpace(cfg.ConsumerSecret) != "" {
			add(RuleConsumerSecretInSource, leafLine(data, "consumerSecret", line),
				"oauthConfig/consumerSecret of connected app %s is in source", name)
		}
		if strings.TrimSpace(cfg.ConsumerKey) != "" {
			add(RuleConsumerKeyInSource, leafLine(data, "consumerKey", line),
				"oauthConfig/consumerKey of connected app %s is in source", name)
		}
		n := 0
		for _, u := range cfg.Extra.Unknown {
			if u.Element != nil && u.Element.Tag == "scopes" {
				at := app.ScopesLine
				if n < len(nestedLines) {
					at = nestedLines[n]
				}
				n++
				add(RuleBroadOAuthScope, at, "oauthConfig/scopes must contain an enum value, not elements")
			}
		}
		for i, s := range cfg.Scopes {
			if !slices.Contains(scopeValues, s) {
				f := newFinding(RuleBroadOAuthScope, app.Type, name, file, app.scopeLine(i), unknownScope(s))
				f.Severity = Medium
				findings = append(findings, f)
			}
		}
	}
	if pol := c.OAuthPolicy; pol != nil {
		app.IPRelaxation = strings.TrimSpace(pol.IPRelaxation)
		app.IPRelaxationFile = file
		app.IPRelaxationLine = leafLine(data, "ipRelaxation", pol.Extra.Line)
	}
	return app, findings
}

// unknownScope returns the message for a scope value outside the enum,
// with the enum value that differs only in letter case or spelling form.
func unknownScope(s string) string {
	fold := strings.ReplaceAll(strings.ToLower(s), "_", "")
	for _, v := range scopeValues {
		if strings.ToLower(v) == fold {
			return fmt.Sprintf("unknown scope %q (values are case-sensitive; did you mean %s?)", s, v)
		}
	}
	return fmt.Sprintf("unknown scope %q; use a ConnectedAppOauthAccessScope value such as Api", s)
}

// splitList splits a comma-separated ECA list and drops empty items.
func splitList(s string) []string {
	var items []string
	for _, item := range strings.Split(s, ",") {
		if item = strings.TrimSpace(item); item != "" {
			items = append(items, item)
		}
	}
	return items
}

func ecaOf(v any, file string, data []byte) (*appFacts, []Finding) {
	app := &appFacts{Type: "ExternalClientApplication", partFile: file}
	var findings []Finding
	switch e := v.(type) {
	case *connectedapp.ExternalClientApplication:
		app.File, app.Line = file, e.Extra.Line
	case *connectedapp.ExtlClntAppOauthSettings:
		app.Name = e.ExternalClientApplication
		app.Scopes = splitList(e.CommaSeparatedOAuthScopes)
		app.ScopesFile = file
		app.ScopesLine = leafLine(data, "commaSeparatedOauthScopes", e.Extra.Line)
	case *connectedapp.ExtlClntAppGlobalOauthSettings:
		app.Name = e.ExternalClientApplication
		app.ClientCredentials = deref(e.IsClientCredentialsFlowEnabled)
		if strings.TrimSpace(e.ConsumerSecret) != "" {
			findings = append(findings, newFinding(RuleConsumerSecretInSource, app.Type, app.Name, file,
				leafLine(data, "consumerSecret", e.Extra.Line),
				fmt.Sprintf("consumerSecret of external client app %s is in source", app.Name)))
		}
		if strings.TrimSpace(e.ConsumerKey) != "" {
			findings = append(findings, newFinding(RuleConsumerKeyInSource, app.Type, app.Name, file,
				leafLine(data, "consumerKey", e.Extra.Line),
				fmt.Sprintf("consumerKey of external client app %s is in source", app.Name)))
		}
	case *connectedapp.ExtlClntAppOauthConfigurablePolicies:
		app.Name = e.ExternalClientApplication
		app.File, app.Line = file, e.Extra.Line
		app.ClientCredentials = deref(e.IsClientCredentialsFlowEnabled)
		app.RunAsUser = strings.TrimSpace(e.ClientCredentialsFlowUser)
		app.RunAsFile = file
		app.RunAsLine = leafLine(data, "clientCredentialsFlowUser", e.Extra.Line)
		app.Profiles = splitList(e.CommaSeparatedProfile)
		app.PermissionSets = splitList(e.CommaSeparatedPermissionSet)
		app.BindingFile = file
		app.BindingLine = leafLine(data, "commaSeparatedProfile", leafLine(data, "commaSeparatedPermissionSet", e.Extra.Line))
		app.IPRelaxation = strings.TrimSpace(e.IPRelaxationPolicyType)
		app.IPRelaxationFile = file
		app.IPRelaxationLine = leafLine(data, "ipRelaxationPolicyType", e.Extra.Line)
		app.SelfAuthorize = e.PermittedUsersPolicyType != "AdminApprovedPreAuthorized"
		app.PermittedUsers = "permittedUsersPolicyType " + e.PermittedUsersPolicyType
		app.SelfAuthorizeFile = file
		app.SelfAuthorizeLine = leafLine(data, "permittedUsersPolicyType", e.Extra.Line)
	}
	return app, findings
}

// mergeApp copies into app the fields that one file of an External Client
// App sets.
func mergeApp(app, part *appFacts) {
	if part.File != "" && (app.File == "" || part.RunAsFile != "") {
		app.File, app.Line = part.File, part.Line
	}
	app.ClientCredentials = app.ClientCredentials || part.ClientCredentials
	if part.RunAsFile != "" {
		app.RunAsUser, app.RunAsFile, app.RunAsLine = part.RunAsUser, part.RunAsFile, part.RunAsLine
		app.Profiles, app.PermissionSets = part.Profiles, part.PermissionSets
		app.BindingFile, app.BindingLine = part.BindingFile, part.BindingLine
		app.IPRelaxation, app.IPRelaxationFile, app.IPRelaxationLine = part.IPRelaxation, part.IPRelaxationFile, part.IPRelaxationLine
		app.SelfAuthorize, app.SelfAuthorizeFile, app.SelfAuthorizeLine = part.SelfAuthorize, part.SelfAuthorizeFile, part.SelfAuthorizeLine
		app.PermittedUsers = part.PermittedUsers
	}
	if part.ScopesFile != "" {
		app.Scopes, app.ScopesFile, app.ScopesLine = part.Scopes, part.ScopesFile, part.ScopesLine
	}
}

func groupOf(g *permset.PermissionSetGroup, name, file string, data []byte) *groupFacts {
	members, _ := leafLines(data, "permissionSets")
	muting, _ := leafLines(data, "mutingPermissionSets")
	return &groupFacts{Name: name, File: file, Line: g.Extra.Line, PermissionSets: g.PermissionSets, Muting: g.MutingPermissionSets,
		memberLines: lines(members, len(g.PermissionSets)), mutingLines: lines(muting, len(g.MutingPermissionSets))}
}

// lines returns found when it has one line for each of n items, else nil.
func lines(found []int, n int) []int {
	if len(found) != n {
		return nil
	}
	return found
}

func sessionOf(s *profile.SessionSetting, name, file string, data []byte) *sessionFacts {
	return &sessionFacts{Name: name, File: file, Profile: s.Profile, Timeout: s.SessionTimeout,
		Line: leafLine(data, "sessionTimeout", s.Extra.Line)}
}

func passwordOf(p *profile.PasswordPolicy, name, file string, data []byte) *passwordFacts {
	return &passwordFacts{Name: name, File: file, Profile: p.Profile, Expiration: p.PasswordExpiration,
		Line: leafLine(data, "passwordExpiration", p.Extra.Line)}
}

func policyOf(p *monitoring.TransactionSecurityPolicy, name, file string) *policyFacts {
	event := p.EventName
	if event == "" {
		event = p.EventType
	}
	return &policyFacts{Name: name, File: file, Line: p.Extra.Line, Active: p.Active, Event: event}
}

func manifestOf(p *pkgxml.Package, file string) *manifestFacts {
	m := &manifestFacts{File: file, Version: strings.TrimSpace(p.Version), Types: map[string]bool{}}
	for _, t := range p.Types {
		m.Types[t.Name] = true
	}
	return m
}
