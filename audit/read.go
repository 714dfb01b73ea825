package audit

import (
	"bytes"
	"cmp"
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

	// keepAll reports whether every object and field permission of the
	// permission set of that name is kept, for the spec comparison.
	keepAll func(name string) bool
}

// reader reads the paths of one audit and collects their facts. Its
// methods run on several goroutines, so every change of the facts goes
// through collect.
type reader struct {
	opts Options

	mu       sync.Mutex
	f        *facts
	ecaParts []*appFacts    // External Client App files, merged once all are read
	seen     map[string]int // paths read, to the index of their root in opts.Paths
	found    []int          // metadata files found under each root, of any type
	isFile   []bool         // the root is a single file
}

// readFacts reads every metadata file under opts.Paths and keeps the facts
// the rules need. A folder is read with project.Walk, which finds its
// layout (an sf project's package directories, an mdapi folder or a plain
// folder of metadata) and hands over each component's file from
// opts.Workers goroutines. In a plain folder, with neither
// sfdx-project.json nor package.xml, the layout is a guess, so files that
// the guess leaves out are read as well: both X.profile-meta.xml and
// X.profile are profiles there. A single file is read on its own.
func readFacts(opts Options) *facts {
	r := &reader{opts: opts, f: &facts{}, seen: map[string]int{}, found: make([]int, len(opts.Paths)),
		isFile: make([]bool, len(opts.Paths))}
	for i, root := range opts.Paths {
		r.readRoot(i, root)
	}
	r.checkFound()
	if len(opts.Paths) > 0 {
		r.f.Anchor = anchorOf(opts, opts.Paths[0])
	}

	slices.SortFunc(r.ecaParts, func(a, b *appFacts) int { return strings.Compare(a.partFile, b.partFile) })
	apps := map[string]*appFacts{}
	for _, part := range r.ecaParts {
		app := apps[part.Name]
		if app == nil {
			app = &appFacts{Type: part.Type, Name: part.Name}
			apps[part.Name] = app
		}
		mergeApp(app, part)
	}
	for _, name := range sortedKeys(apps) {
		if name != "" {
			r.f.Apps = append(r.f.Apps, apps[name])
		}
	}
	r.f.setVersions()
	r.f.sort()
	return r.f
}

// collect merges the facts of the file at path. With count, it also
// counts the file as found under root i when it is a metadata file.
func (r *reader) collect(i int, path string, ff fileFacts, count bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if count && (ff.read || ff.object || ff.known) {
		r.found[i]++
	}
	switch {
	case ff.profile != nil:
		ff.profile.path = path
	case ff.permSet != nil:
		ff.permSet.path = path
	}
	r.f.add(ff, &r.ecaParts)
	if ff.manifest != nil && ff.manifest.Version != "" {
		r.f.versions = append(r.f.versions, versionDir{dir: absDir(path), version: ff.manifest.Version})
	}
	if r.opts.Progress != nil && ff.read {
		r.opts.Progress(r.f.Files)
	}
}

func (r *reader) input(path, name string) input {
	return input{path: path, name: name, keepAll: r.keepAll}
}

// keepAll reports whether the spec names the permission set.
func (r *reader) keepAll(name string) bool {
	return slices.ContainsFunc(r.opts.Expected, func(e Expectation) bool { return e.Name == name })
}

// claim reports whether path has not been read yet, and marks it read.
// Walk hands over a file once per component it holds, and the plain
// folder pass meets the files that Walk handed over again.
func (r *reader) claim(i int, path string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, ok := r.seen[path]; ok {
		return false
	}
	r.seen[path] = i
	return true
}

func (r *reader) problem(file, format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.f.Problems = append(r.f.Problems, Problem{File: file, Error: fmt.Sprintf(format, args...)})
}

// readRoot reads the i-th path of opts.Paths.
func (r *reader) readRoot(i int, root string) {
	shown := r.opts.display(root)
	info, err := os.Stat(root)
	switch {
	case err != nil:
		r.problem(shown, "read %s: %v", shown, errors.Unwrap(err))
		return
	case info.Mode().IsRegular():
		r.isFile[i] = true
		if r.claim(i, root) {
			r.collect(i, root, readFile(r.input(root, shown)), true)
		} else {
			r.found[i]++ // named twice
		}
		return
	case !info.IsDir():
		r.problem(shown, "read %s: not a regular file or a folder (mode %s); give an sf project, a package directory, an mdapi folder or a metadata file",
			shown, info.Mode().Type())
		return
	}

	walkOpts := project.WalkOptions{Workers: r.opts.Workers, SkipValues: true}
	tree, err := project.Walk(root, walkOpts, func(c project.Component) {
		r.mu.Lock()
		_, dup := r.seen[c.Path]
		if !dup {
			r.seen[c.Path] = i
			r.found[i]++
		}
		r.mu.Unlock()
		if !dup {
			r.collect(i, c.Path, readFile(r.input(c.Path, r.opts.display(c.Path))), false)
		}
	})
	if err != nil {
		// root was read above, so the error concerns sfdx-project.json, the
		// one file that project.Walk reads before it walks the folder.
		projectFile := filepath.Join(root, project.ProjectFile)
		r.problem(r.opts.display(projectFile), "%v; the folder was audited as a plain folder of metadata", err)
		r.readPlain(i, root, nil)
		return
	}

	r.mu.Lock()
	for _, p := range tree.Problems {
		r.f.Problems = append(r.f.Problems, Problem{File: r.opts.display(p.Path), Error: p.Error()})
	}
	if tree.Manifest != nil {
		m := manifestOf(tree.Manifest, r.opts.display(tree.ManifestPath))
		r.f.Manifests = append(r.f.Manifests, m)
	}
	version := tree.APIVersion
	if version == "" && tree.Manifest != nil {
		version = tree.Manifest.Version
	}
	if version != "" {
		r.f.versions = append(r.f.versions, versionDir{dir: absDir(filepath.Join(root, "x")), version: version})
	}
	r.mu.Unlock()

	if isPlainFolder(root) {
		r.readPlain(i, root, &tree.Format)
	}
}

// anchorOf returns the file that findings about a whole tree point to:
// the sfdx-project.json or package.xml of root, or else root itself.
func anchorOf(opts Options, root string) string {
	for _, name := range []string{project.ProjectFile, project.PackageXML, project.DefaultManifest} {
		file := filepath.Join(root, filepath.FromSlash(name))
		if info, err := os.Stat(file); err == nil && info.Mode().IsRegular() {
			return opts.display(file)
		}
	}
	return opts.display(root)
}

// isPlainFolder reports whether root has neither sfdx-project.json nor
// package.xml, so that project.Walk guesses its layout from the names of
// its files.
func isPlainFolder(root string) bool {
	for _, name := range []string{project.ProjectFile, project.PackageXML} {
		if _, err := os.Lstat(filepath.Join(root, name)); err == nil {
			return false
		}
	}
	return true
}

// checkFound reports each path that holds no metadata file, and every path
// when the whole run read no file of a type the audit reads, so that such
// a run does not pass as clean.
func (r *reader) checkFound() {
	for i, root := range r.opts.Paths {
		shown := r.opts.display(root)
		if slices.ContainsFunc(r.f.Problems, func(p Problem) bool { return p.File == shown }) {
			continue // the path itself could not be read, which is reported
		}
		switch {
		case r.found[i] == 0 && r.isFile[i]:
			r.f.Problems = append(r.f.Problems, Problem{File: shown, Error: fmt.Sprintf(
				"%s is not a metadata file of a type the audit reads (%s)", shown, auditedTypes)})
		case r.found[i] == 0:
			r.f.Problems = append(r.f.Problems, Problem{File: shown, Error: fmt.Sprintf(
				"%s contains no metadata file; give an sf project, a package directory, an mdapi folder or a metadata file", shown)})
		case r.f.Files == 0:
			r.f.Problems = append(r.f.Problems, Problem{File: shown, Error: fmt.Sprintf(
				"%s contains %d metadata %s, none of a type the audit reads (%s); give the folder that contains them",
				shown, r.found[i], plural(r.found[i], "file", "files"), auditedTypes)})
		}
	}
}

// auditedTypes names the metadata types whose files the audit reads.
const auditedTypes = "Profile, PermissionSet, PermissionSetGroup, MutingPermissionSet, ProfileSessionSetting, " +
	"ProfilePasswordPolicy, ConnectedApp, External Client App files, TransactionSecurityPolicy, Settings"

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
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
		return fileFacts{known: true}
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
	case "Profile", "PermissionSet":
		sc, err := scanAccess(data, kind.Type)
		if err != nil {
			return r, err
		}
		if kind.Type == "Profile" {
			r.profile, r.findings = profileOf(sc, cmpName(sc.fullName, name), in.name)
		} else {
			r.permSet, r.findings = permSetOf(sc, cmpName(sc.fullName, name), in.name)
			if in.keepAll != nil && in.keepAll(r.permSet.Name) {
				r.permSet.Objects, r.permSet.Fields = sc.objects, sc.fields
			}
		}
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
		r.group = groupOf(v, cmpName(v.FullName, name), file, data)
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

// add merges the result of one file into f. The files of an External
// Client App go to ecaParts, to be joined by app name once all are read.
func (f *facts) add(r fileFacts, ecaParts *[]*appFacts) {
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
		// Of two OauthOidc settings files, the first by path counts, so
		// that the result does not depend on which was read first.
		if f.OAuth == nil || r.oauth.File < f.OAuth.File {
			f.OAuth = r.oauth
		}
	case r.security != nil:
		if f.Security == nil || r.security.File < f.Security.File {
			f.Security = r.security
		}
	case r.app != nil && r.app.Type == "ConnectedApp":
		f.Apps = append(f.Apps, r.app)
	case r.app != nil:
		*ecaParts = append(*ecaParts, r.app)
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
		return cmp.Or(strings.Compare(a.Type, b.Type), strings.Compare(a.Name, b.Name), strings.Compare(a.File, b.File))
	})
}
