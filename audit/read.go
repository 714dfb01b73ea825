package audit

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/sfharden/sfharden/connectedapp"
	"github.com/sfharden/sfharden/internal/kinds"
	"github.com/sfharden/sfharden/internal/mdxml"
	"github.com/sfharden/sfharden/monitoring"
	"github.com/sfharden/sfharden/permset"
	"github.com/sfharden/sfharden/pkgxml"
	"github.com/sfharden/sfharden/profile"
	"github.com/sfharden/sfharden/project"
)

// input is one file to read, with the path that findings show.
type input struct {
	path string // path to open
	name string // path shown in findings and problems
}

// readFacts reads every metadata file under opts.Paths and keeps the facts
// the rules need. A folder is read with project.Walk, which finds its
// layout (an sf project's package directories, an mdapi folder or a plain
// folder of metadata) and hands over each component's file from
// opts.Workers goroutines. A single file is read on its own.
func readFacts(opts Options) *facts {
	f := &facts{}
	apps := map[string]*appFacts{}
	var mu sync.Mutex
	collect := func(r fileFacts) {
		mu.Lock()
		defer mu.Unlock()
		f.add(r, apps)
		if opts.Progress != nil && r.read {
			opts.Progress(f.Files)
		}
	}

	for _, root := range opts.Paths {
		info, err := os.Stat(root)
		if err != nil {
			f.Problems = append(f.Problems, Problem{File: opts.display(root),
				Error: fmt.Sprintf("read %s: %v", opts.display(root), errors.Unwrap(err))})
			continue
		}
		if !info.IsDir() {
			collect(readFile(input{path: root, name: opts.display(root)}))
			continue
		}
		walkOpts := project.WalkOptions{Workers: opts.Workers, SkipValues: true}
		tree, err := project.Walk(root, walkOpts, func(c project.Component) {
			collect(readFile(input{path: c.Path, name: opts.display(c.Path)}))
		})
		if err != nil {
			f.Problems = append(f.Problems, Problem{File: opts.display(root), Error: err.Error()})
			continue
		}
		for _, p := range tree.Problems {
			f.Problems = append(f.Problems, Problem{File: opts.display(p.Path), Error: p.Error()})
		}
		if tree.Manifest != nil {
			f.Manifests = append(f.Manifests, manifestOf(tree.Manifest, opts.display(tree.ManifestPath)))
		}
	}

	for _, app := range apps {
		if app.Name != "" {
			f.Apps = append(f.Apps, app)
		}
	}
	f.sort()
	return f
}

// objectSuffixes mark the files of CustomObject and CustomField, in source
// and mdapi format.
var objectSuffixes = []string{".object-meta.xml", ".field-meta.xml", ".object"}

// readFile reads and parses one file. A file of a type the audit does not
// read gives an empty result.
func readFile(in input) fileFacts {
	base := filepath.Base(in.path)
	if slices.ContainsFunc(objectSuffixes, func(s string) bool { return strings.HasSuffix(base, s) }) {
		return fileFacts{object: true}
	}
	settings, isSettings := settingsName(in.path)
	kind, isKind := kinds.ForFile(in.path)
	if !isSettings && !isKind {
		return fileFacts{}
	}
	if isKind && kind.Type == "ApexClass" || isKind && kind.Type == "Flow" {
		return fileFacts{}
	}

	buf := buffers.Get().(*bytes.Buffer)
	defer buffers.Put(buf)
	data, err := readInto(buf, in.path)
	if err != nil {
		return fileFacts{read: true, problem: &Problem{File: in.name, Error: fmt.Sprintf("read metadata file %s: %v", in.name, errors.Unwrap(err))}}
	}
	var r fileFacts
	if isSettings {
		r, err = readSettings(settings, in.name, data)
	} else {
		r, err = readKind(kind, in, data)
	}
	r.read = true
	if err != nil {
		var xerr *mdxml.Error
		if errors.As(err, &xerr) {
			xerr.File = in.name
		}
		r.problem = &Problem{File: in.name, Error: err.Error()}
	}
	return r
}

// buffers holds read buffers for reuse: the facts copy what they keep, so
// a file's bytes are not needed once it is read.
var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// readInto reads the file at path into buf and returns its bytes, which
// stay valid until buf is reused.
func readInto(buf *bytes.Buffer, path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	buf.Reset()
	if info, err := f.Stat(); err == nil {
		buf.Grow(int(info.Size()) + 1)
	}
	if _, err := buf.ReadFrom(f); err != nil {
		return nil, &fs.PathError{Op: "read", Path: path, Err: err}
	}
	return buf.Bytes(), nil
}

// settingsName returns the name of a Settings file:
// "settings/OauthOidc.settings-meta.xml" in source format and
// "settings/OauthOidc.settings" in mdapi format give "OauthOidc".
func settingsName(path string) (string, bool) {
	base := strings.TrimSuffix(filepath.Base(path), "-meta.xml")
	name, ok := strings.CutSuffix(base, ".settings")
	return name, ok && name != ""
}

func readKind(kind kinds.Kind, in input, data []byte) (fileFacts, error) {
	name := mdxml.NameFromPath(in.path, kind.Suffix)
	var r fileFacts
	switch kind.Type {
	case "Profile":
		sc, err := scanAccess(data, "Profile")
		if err != nil {
			return r, err
		}
		r.profile, r.findings = profileOf(sc, cmpName(sc.fullName, name), in.name)
		return r, nil
	case "PermissionSet":
		sc, err := scanAccess(data, "PermissionSet")
		if err != nil {
			return r, err
		}
		r.permSet, r.findings = permSetOf(sc, cmpName(sc.fullName, name), in.name)
		return r, nil
	}

	value := kind.New()
	if err := mdxml.Unmarshal(data, value); err != nil {
		return fileFacts{}, err
	}
	file := in.name
	switch v := value.(type) {
	case *permset.MutingPermissionSet:
		r.muting = mutingOf(v, cmpName(v.FullName, name), file)
	case *permset.PermissionSetGroup:
		r.group = groupOf(v, cmpName(v.FullName, name), file)
	case *profile.SessionSetting:
		r.session = sessionOf(v, cmpName(v.FullName, name), file, data)
	case *profile.PasswordPolicy:
		r.password = passwordOf(v, cmpName(v.FullName, name), file, data)
	case *connectedapp.ConnectedApp:
		r.app, r.findings = connectedAppOf(v, cmpName(v.FullName, name), file, data)
	case *connectedapp.ExternalClientApplication:
		r.app, r.findings = ecaOf(v, file, data)
		r.app.Name = cmpName(v.FullName, name)
	case *connectedapp.ExtlClntAppOauthSettings, *connectedapp.ExtlClntAppGlobalOauthSettings,
		*connectedapp.ExtlClntAppOauthConfigurablePolicies:
		r.app, r.findings = ecaOf(v, file, data)
	case *monitoring.TransactionSecurityPolicy:
		r.policy = policyOf(v, cmpName(v.FullName, name), file)
	case *pkgxml.Package:
		r.manifest = manifestOf(v, file)
	}
	return r, nil
}

// cmpName returns the fullName element of a file when it has one, else the
// name from the file name.
func cmpName(fullName, fromPath string) string {
	if fullName != "" {
		return fullName
	}
	return fromPath
}

// add merges the result of one file into f. External Client App parts are
// joined by app name in apps.
func (f *facts) add(r fileFacts, apps map[string]*appFacts) {
	if r.read {
		f.Files++
	}
	if r.problem != nil {
		f.Problems = append(f.Problems, *r.problem)
	}
	f.HasObjects = f.HasObjects || r.object
	f.FileFindings = append(f.FileFindings, r.findings...)
	switch {
	case r.profile != nil:
		f.Profiles = append(f.Profiles, r.profile)
	case r.permSet != nil:
		f.PermSets = append(f.PermSets, r.permSet)
	case r.muting != nil:
		f.Muting = append(f.Muting, r.muting)
	case r.group != nil:
		f.Groups = append(f.Groups, r.group)
	case r.session != nil:
		f.Sessions = append(f.Sessions, r.session)
	case r.password != nil:
		f.Passwords = append(f.Passwords, r.password)
	case r.policy != nil:
		f.Policies = append(f.Policies, r.policy)
	case r.manifest != nil:
		f.Manifests = append(f.Manifests, r.manifest)
	case r.oauth != nil:
		f.OAuth = r.oauth
	case r.security != nil:
		f.Security = r.security
	case r.app != nil && r.app.Type == "ConnectedApp":
		f.Apps = append(f.Apps, r.app)
	case r.app != nil:
		key := r.app.Name
		app := apps[key]
		if app == nil {
			app = &appFacts{Type: r.app.Type, Name: key}
			apps[key] = app
		}
		mergeApp(app, r.app)
	}
}

// sort orders every list by file, so the rules see the same input order
// however the workers finished.
func (f *facts) sort() {
	byFile := func(a, b string) int { return strings.Compare(a, b) }
	slices.SortFunc(f.Profiles, func(a, b *profileFacts) int { return byFile(a.File, b.File) })
	slices.SortFunc(f.PermSets, func(a, b *accessFacts) int { return byFile(a.File, b.File) })
	slices.SortFunc(f.Muting, func(a, b *accessFacts) int { return byFile(a.File, b.File) })
	slices.SortFunc(f.Groups, func(a, b *groupFacts) int { return byFile(a.File, b.File) })
	slices.SortFunc(f.Sessions, func(a, b *sessionFacts) int { return byFile(a.File, b.File) })
	slices.SortFunc(f.Passwords, func(a, b *passwordFacts) int { return byFile(a.File, b.File) })
	slices.SortFunc(f.Policies, func(a, b *policyFacts) int { return byFile(a.File, b.File) })
	slices.SortFunc(f.Manifests, func(a, b *manifestFacts) int { return byFile(a.File, b.File) })
	slices.SortFunc(f.Apps, func(a, b *appFacts) int {
		if c := strings.Compare(a.Type, b.Type); c != 0 {
			return c
		}
		return strings.Compare(a.Name, b.Name)
	})
}
