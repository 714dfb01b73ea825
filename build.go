package sfharden

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/sfharden/sfharden/connectedapp"
	"github.com/sfharden/sfharden/field"
	"github.com/sfharden/sfharden/monitoring"
	"github.com/sfharden/sfharden/permset"
	"github.com/sfharden/sfharden/policy"
	"github.com/sfharden/sfharden/profile"
)

// BuildOptions controls [Build]. The zero value builds at the current time
// against the built-in risky-permission catalogue.
type BuildOptions struct {
	// Now is the time of the build: a JWT bearer certificate must be valid
	// then, and the first secret rotation is due SecretRotationDays later.
	// The zero value means time.Now().
	Now time.Time

	// Catalogue is the risky-permission catalogue to enforce; nil means
	// policy.Default(). The spec's waivers are added to a copy of it.
	Catalogue *policy.Catalogue
}

// Bundle is everything Build made from a spec.
type Bundle struct {
	APIVersion string
	// SpecFile is the path of the spec the bundle was built from, or "" for
	// a spec built in code. Write records it, so that a later Write from
	// another spec does not silently replace these components.
	SpecFile     string
	Built        time.Time
	Integrations []*IntegrationBundle

	// Notices report what Build changed or could not check, with the path
	// in the spec they concern.
	Notices []field.Notice
}

// IntegrationBundle is the metadata and scripts of one integration.
type IntegrationBundle struct {
	// Integration is the spec entry with its defaults filled in.
	Integration Integration

	Profile        *profile.Profile
	SessionSetting *profile.SessionSetting
	PasswordPolicy *profile.PasswordPolicy
	PermissionSet  *permset.PermissionSet
	Group          *permset.PermissionSetGroup
	App            *connectedapp.Bundle
	Monitoring     *monitoring.Bundle // nil when the spec requests no monitoring

	// UserScript is the anonymous Apex that creates or updates the user
	// and assigns its licence and group; UserDefinition is the
	// `sf org create user` definition for scratch orgs.
	UserScript     []byte
	UserDefinition []byte
}

// GroupName returns the developer name of an integration's permission set
// group. The group and its permission set get different names because a
// group is backed by a permission set record of its own.
func GroupName(integration string) string { return integration + "_Group" }

// Build checks the spec against the hardening policy and builds the
// metadata of every integration. It reports every problem it finds, not
// only the first, as [SpecErrors].
func Build(spec *Spec, opts BuildOptions) (*Bundle, error) {
	if spec == nil {
		return nil, errors.New("sfharden: Build of a nil spec")
	}
	now := opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	bundle := &Bundle{APIVersion: spec.APIVersion, Built: now, SpecFile: filepath.ToSlash(spec.File)}
	if bundle.APIVersion == "" {
		bundle.APIVersion = DefaultAPIVersion
	}

	errs := spec.validateSpec()
	root := field.NewPath("integrations")
	for i, raw := range spec.Integrations {
		in := raw.defaults()
		b := &builder{spec: spec, opts: opts, now: now, apiVersion: bundle.APIVersion, in: in, path: root.Index(i)}
		ib := b.build()
		errs = append(errs, b.errs...)
		bundle.Notices = append(bundle.Notices, b.notices...)
		bundle.Integrations = append(bundle.Integrations, ib)
	}
	errs = append(errs, checkMonitoringNames(bundle.Integrations)...)

	if errs = dedupe(errs); len(errs) > 0 {
		return nil, spec.locate(errs)
	}
	return bundle, nil
}

// builder builds one integration and collects its errors with spec paths.
type builder struct {
	spec       *Spec
	opts       BuildOptions
	now        time.Time
	apiVersion string
	in         Integration
	path       field.Path

	errs    field.List
	notices []field.Notice
}

func (b *builder) build() *IntegrationBundle {
	in := b.in
	ib := &IntegrationBundle{Integration: in}

	catalogue, waivedScopes := b.catalogue()
	b.buildProfile(ib, catalogue)
	b.buildPermissionSet(ib, catalogue)
	b.buildApp(ib, waivedScopes)
	b.buildMonitoring(ib)

	// The user script and definition need a valid username; validateSpec
	// reports an invalid one.
	if ib.Profile != nil && ib.Group != nil && len(validateUsername(field.Path{}, in.User.Username, true)) == 0 {
		script, err := userScript(in, ib.Profile.FullName, ib.Group.FullName)
		if err != nil {
			b.errs = append(b.errs, field.NewInvalid(b.path.Child("user"), in.User.Username, err.Error()))
		}
		ib.UserScript = script
		def, err := userDefinition(in, ib.Profile.FullName)
		if err != nil {
			b.errs = append(b.errs, field.NewInvalid(b.path.Child("user"), in.User.Username, err.Error()))
		}
		ib.UserDefinition = def
	}
	return ib
}

// catalogue returns a copy of the catalogue with the spec's waivers of
// permissions added, and the waivers of OAuth scopes for the app.
func (b *builder) catalogue() (*policy.Catalogue, []connectedapp.Waiver) {
	base := b.opts.Catalogue
	if base == nil {
		base = policy.Default()
	}
	catalogue := base.Clone()
	var scopes []connectedapp.Waiver
	for i, w := range b.in.Waivers {
		if w.Permission == "" || strings.TrimSpace(w.Reason) == "" {
			continue // reported by validateSpec
		}
		if isScopeName(w.Permission) {
			scopes = append(scopes, connectedapp.Waiver{Scope: w.Permission, Reason: w.Reason})
			continue
		}
		err := catalogue.Waive(policy.Waiver{Permission: w.Permission, Object: w.Object, Reason: w.Reason})
		b.add(err, b.path.Child("waivers").Index(i), nil)
		if err == nil && !b.requests(w) {
			b.notices = append(b.notices, field.Notice{Path: b.path.Child("waivers").Index(i).String(),
				Message: fmt.Sprintf("the spec does not request %s, so the waiver allows nothing; remove it", w.Permission)})
		}
	}
	return catalogue, scopes
}

// requests reports whether the integration requests what the waiver of a
// permission allows: the user permission, or the object flag on the object.
func (b *builder) requests(w Waiver) bool {
	for _, name := range b.in.Access.UserPermissions {
		if strings.EqualFold(name, w.Permission) {
			return true
		}
	}
	for object, levels := range b.in.Access.Objects {
		if w.Object != "" && !strings.EqualFold(object, w.Object) {
			continue
		}
		for _, level := range levels {
			if strings.EqualFold(level+"Records", w.Permission) {
				return true
			}
		}
	}
	return false
}

// isScopeName reports whether a waiver names an OAuth scope rather than a
// permission: the scopes that need a waiver, in either spelling.
func isScopeName(name string) bool {
	switch strings.ToLower(strings.ReplaceAll(name, "_", "")) {
	case "full", "web", "refreshtoken", "offlineaccess":
		return true
	}
	return false
}

func (b *builder) buildProfile(ib *IntegrationBundle, catalogue *policy.Catalogue) {
	in := b.in
	license := profile.LicenseIntegration
	if in.License == "Salesforce" {
		license = profile.LicenseSalesforce
	}
	ranges := make([]profile.LoginRange, len(in.Network.Allow))
	for i, a := range in.Network.Allow {
		ranges[i] = profile.LoginRange{Addresses: a, Description: in.Label + " egress"}
	}
	var disable []string
	for _, r := range catalogue.Risks(policy.KindUser) {
		disable = append(disable, r.Name)
	}
	p, notices, err := profile.BuildIntegrationProfile(profile.IntegrationRequest{
		Name:          in.Name,
		Description:   fmt.Sprintf("API-only profile of the %s integration, generated by sfharden. Access comes from permission set group %s.", in.Label, GroupName(in.Name)),
		License:       license,
		LoginIPRanges: ranges,
		Disable:       disable,
	})
	b.note(notices, profilePaths)
	b.add(err, field.Path{}, profilePaths)
	ib.Profile = p
	if p == nil {
		return
	}

	ss, err := profile.BuildSessionSetting(profile.SessionRequest{Profile: p.FullName, Timeout: in.SessionTimeoutMinutes})
	b.add(err, field.Path{}, []pathRule{{"timeout", "sessionTimeoutMinutes"}, {"", ""}})
	ib.SessionSetting = ss
	pp, err := profile.BuildPasswordPolicy(profile.PasswordRequest{Profile: p.FullName})
	b.add(err, field.Path{}, []pathRule{{"", ""}})
	ib.PasswordPolicy = pp
}

func (b *builder) buildPermissionSet(ib *IntegrationBundle, catalogue *policy.Catalogue) {
	in := b.in
	access := b.path.Child("access")
	req := permset.Request{
		Name:            in.Name,
		Label:           in.Label,
		Description:     in.Description,
		APIVersion:      b.apiVersion,
		Objects:         map[string]permset.Access{},
		Fields:          map[string]permset.FieldAccess{},
		UserPermissions: append([]string{"ApiEnabled"}, in.Access.UserPermissions...),
		Options: permset.Options{
			ImplyObjectAccess:       in.Access.AddObjectRead,
			AddDependencies:         in.Access.AddDependencies,
			AllowUnknownPermissions: in.Access.AllowUnknownPermissions,
		},
	}
	for object, levels := range in.Access.Objects {
		var a permset.Access
		for _, level := range levels {
			parsed, err := permset.ParseAccess(level)
			if err != nil {
				continue // reported by validateSpec
			}
			a |= parsed
		}
		req.Objects[object] = a
	}
	for name, level := range in.Access.Fields {
		if parsed, err := permset.ParseFieldAccess(level); err == nil {
			req.Fields[name] = parsed
		}
	}
	if in.Access.FieldFacts != "" && len(validateSpecPath(field.Path{}, in.Access.FieldFacts)) == 0 {
		describes, err := readDescribes(b.spec.resolve(in.Access.FieldFacts))
		if err != nil {
			b.errs = append(b.errs, field.NewInvalid(access.Child("fieldFacts"), in.Access.FieldFacts, err.Error()))
		}
		req.Describes = describes
	}

	opts := policy.Options{Catalogue: catalogue, Persona: policy.PersonaIntegration}
	ps, notices, err := policy.BuildPermissionSet(req, opts)
	rules := b.permsetPaths()
	b.note(notices, rules)
	b.add(err, field.Path{}, rules)
	if ps == nil && err != nil {
		b.forbiddenRequests(req, opts)
		return
	}
	ib.PermissionSet = ps

	group, notices, err := permset.BuildGroup(permset.GroupRequest{
		Name:           GroupName(in.Name),
		Label:          in.Label,
		Description:    fmt.Sprintf("Access of the %s integration user.", in.Label),
		PermissionSets: []string{ps.FullName},
		InTree:         []*permset.PermissionSet{ps},
	})
	b.note(notices, []pathRule{{"", ""}})
	b.add(err, field.Path{}, []pathRule{{"name", "name"}, {"", ""}})
	ib.Group = group
}

// forbiddenRequests reports the catalogued permissions the spec requests
// when the permission set could not be built for another reason, so that
// one run shows every problem.
func (b *builder) forbiddenRequests(req permset.Request, opts policy.Options) {
	draft := &permset.PermissionSet{FullName: req.Name, Label: req.Label}
	for _, name := range req.UserPermissions {
		draft.UserPermissions = append(draft.UserPermissions, permset.UserPermission{Name: name, Enabled: true})
	}
	for object, a := range req.Objects {
		entry := permset.ObjectPermissions{Object: object}
		entry.AllowRead = a.Has(permset.Read)
		entry.ViewAllRecords = a.Has(permset.ViewAll)
		entry.ModifyAllRecords = a.Has(permset.ModifyAll)
		draft.ObjectPermissions = append(draft.ObjectPermissions, entry)
	}
	var errs field.List
	for _, f := range policy.CheckPermissionSet(draft, opts) {
		if f.Severity == policy.SeverityError && (f.Rule == policy.RuleRiskyUserPermission || f.Rule == policy.RuleRiskyObjectPermission) {
			errs = append(errs, &field.Error{Path: f.Path, Kind: field.Forbidden, Detail: f.Message + "; " + f.Fix})
		}
	}
	b.add(errs.Err(), field.Path{}, b.permsetPaths())
}

func (b *builder) buildApp(ib *IntegrationBundle, waivers []connectedapp.Waiver) {
	in := b.in
	spec := connectedapp.Spec{
		Name:                  in.Name,
		Label:                 in.Label,
		Description:           in.Description,
		ContactEmail:          in.ContactEmail,
		RunAsUsername:         in.User.Username,
		PermissionSet:         in.Name,
		Scopes:                in.App.Scopes,
		SessionTimeoutMinutes: in.SessionTimeoutMinutes,
		SecretRotationDays:    in.SecretRotationDays,
		Network:               in.Network.Allow,
		Waivers:               waivers,
	}

	if in.App.Type == "connectedApp" {
		spec.Type = connectedapp.TypeConnectedApp
	}
	if in.App.Flow == "jwtBearer" {
		spec.Flow = connectedapp.JWTBearer
		// A path that leaves the spec's folder is reported by validateSpec
		// and never read, so its content cannot reach an error message.
		if in.App.Certificate != "" && len(validateSpecPath(field.Path{}, in.App.Certificate)) == 0 {
			data, err := readLimited(b.spec.resolve(in.App.Certificate), maxCertificateSize)
			if err != nil {
				b.errs = append(b.errs, field.NewInvalid(b.path.Child("app").Child("certificate"), in.App.Certificate, "reading the certificate failed: "+withoutPath(err)))
				return
			}
			spec.Certificate = data
		}
	}

	app, notices, err := connectedapp.Build(spec, b.now)
	rules := b.appPaths()
	// The app's notice about its IP ranges advises giving the run-as user's
	// profile the same login ranges. The bundle's profile has them, so the
	// notice is left out.
	notices = slices.DeleteFunc(notices, func(n field.Notice) bool { return n.Path == "app.network" })
	b.note(notices, rules)
	b.add(err, field.Path{}, rules)
	ib.App = app
}

func (b *builder) buildMonitoring(ib *IntegrationBundle) {
	m := b.in.Monitoring
	if m == nil {
		return
	}
	bundle, err := monitoring.Build(b.monitoringSpec())
	b.add(err, field.Path{}, []pathRule{
		{"integration", "name"},
		{"label", "label"},
		{"username", "user.username"},
		{"apiVersion", "!apiVersion"},
		{"", "monitoring"},
	})
	ib.Monitoring = bundle
}

func (b *builder) monitoringSpec() monitoring.Spec {
	m := b.in.Monitoring
	return monitoring.Spec{
		Integration:     b.in.Name,
		Label:           b.in.Label,
		Username:        b.in.User.Username,
		MaxRowsPerQuery: m.MaxRowsPerQuery,
		ActiveHours:     m.ActiveHours,
		TimeZone:        m.Timezone,
		Notify:          m.Notify,
		Block:           m.Block,
		EndSession:      m.EndSession,
		FreezeUser:      m.FreezeUser,
		APIVersion:      b.apiVersion,
	}
}

// checkMonitoringNames reports two integrations whose policy names would
// be the same, since the names are shortened to Setup's 25 characters.
func checkMonitoringNames(bundles []*IntegrationBundle) field.List {
	seen := map[string]int{}
	var errs field.List
	for i, ib := range bundles {
		if ib.Monitoring == nil {
			continue
		}
		for _, c := range ib.Monitoring.Components {
			if c.Type != monitoring.TypeTransactionSecurityPolicy {
				continue
			}
			key := strings.ToLower(c.FullName)
			if j, ok := seen[key]; ok && j != i {
				errs = append(errs, field.NewDuplicate(field.NewPath("integrations").Index(i).Child("name"), ib.Integration.Name,
					fmt.Sprintf("its monitoring policy %s has the same name as that of integration %s; policy names are cut to 25 characters, so make the names differ earlier", c.FullName, bundles[j].Integration.Name)))
				continue
			}
			seen[key] = i
		}
	}
	return errs
}

// Size limits of the files a spec names, far above any real one, so that a
// spec naming a device or a huge file fails instead of filling memory.
const (
	maxSpecSize        = 10 << 20
	maxCertificateSize = 1 << 20
	maxDescribeSize    = 64 << 20
)

// withoutPath returns the reason of a file error without the path, which
// the spec error names already.
func withoutPath(err error) string {
	var pathErr *fs.PathError
	if errors.As(err, &pathErr) {
		return pathErr.Err.Error()
	}
	return err.Error()
}

// readLimited reads a regular file of at most limit bytes.
func readLimited(path string, limit int64) ([]byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file", path)
	}
	if info.Size() > limit {
		return nil, fmt.Errorf("%s has %d bytes, more than the %d a file of this kind can have", path, info.Size(), limit)
	}
	return os.ReadFile(path)
}

// readDescribes reads the output of `sf sobject describe --json` from a
// file, or from every .json file of a folder.
func readDescribes(path string) ([]*permset.Describe, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("reading field facts failed: %s", withoutPath(err))
	}
	files := []string{path}
	if info.IsDir() {
		files, err = filepath.Glob(filepath.Join(path, "*.json"))
		if err != nil {
			return nil, err
		}
		slices.Sort(files)
	}
	var describes []*permset.Describe
	for _, f := range files {
		data, err := readLimited(f, maxDescribeSize)
		if err != nil {
			return nil, fmt.Errorf("reading field facts %s failed: %w", f, err)
		}
		d, err := permset.ParseDescribe(data)
		if err != nil {
			return nil, fmt.Errorf("field facts %s: %w", f, err)
		}
		describes = append(describes, d)
	}
	return describes, nil
}
