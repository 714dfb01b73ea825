package audit

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/sfharden/sfharden/connectedapp"
	"github.com/sfharden/sfharden/internal/kinds"
	"github.com/sfharden/sfharden/internal/mdxml"
	"github.com/sfharden/sfharden/monitoring"
	"github.com/sfharden/sfharden/permset"
	"github.com/sfharden/sfharden/pkgxml"
	"github.com/sfharden/sfharden/profile"
)

// TODO: read through project.Walk once it is part of the module; until then
// this reader lists files itself and keeps the same rules: hidden folders
// and node_modules are skipped, and every other file whose name marks a
// type that the audit reads is parsed.

// input is one file to read, with the path that findings show.
type input struct {
	path string // path to open
	name string // path shown in findings and problems
}

// readFacts reads every metadata file under the roots with opts.Workers
// goroutines and keeps the facts the rules need.
func readFacts(opts Options) *facts {
	files := make(chan input, 64)
	results := make(chan fileFacts, 64)
	var listProblems []Problem
	var total atomic.Int64

	go func() {
		defer close(files)
		for _, root := range opts.Paths {
			err := listFiles(root, func(path string) {
				total.Add(1)
				files <- input{path: path, name: opts.display(path)}
			})
			if err != nil {
				listProblems = append(listProblems, Problem{File: opts.display(root), Error: err.Error()})
			}
		}
	}()

	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for in := range files {
				results <- readFile(in)
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()

	f := &facts{}
	apps := map[string]*appFacts{}
	var done int
	for r := range results {
		done++
		if opts.Progress != nil {
			opts.Progress(done, int(total.Load()))
		}
		f.add(r, apps)
	}
	f.Problems = append(f.Problems, listProblems...)
	for _, app := range apps {
		if app.Name != "" {
			f.Apps = append(f.Apps, app)
		}
	}
	f.sort()
	return f
}

// listFiles calls fn with every regular file under root, or with root when
// it is a file.
func listFiles(root string, fn func(string)) error {
	info, err := os.Stat(root)
	if err != nil {
		return fmt.Errorf("read %s: %w", root, errors.Unwrap(err))
	}
	if !info.IsDir() {
		fn(root)
		return nil
	}
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if path != root && (strings.HasPrefix(name, ".") || name == "node_modules") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() {
			fn(path)
		}
		return nil
	})
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
