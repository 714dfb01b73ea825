package project

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/sfharden/sfharden/internal/mdxml"
	"github.com/sfharden/sfharden/internal/registry"
	"github.com/sfharden/sfharden/pkgxml"
)

// File names that decide the layout of a tree.
const (
	ProjectFile     = "sfdx-project.json"
	PackageXML      = "package.xml"
	DefaultManifest = "manifest/package.xml"
)

// WalkOptions controls [Walk]. The zero value parses every modelled file
// with GOMAXPROCS workers.
type WalkOptions struct {
	// Workers is the number of files parsed at once; 0 means
	// runtime.GOMAXPROCS(0).
	Workers int

	// SkipValues leaves Value nil for every component, so no metadata file is
	// parsed. Type, FullName and Path come from the file names alone, which
	// is all a manifest needs.
	SkipValues bool
}

// Read reads the project or folder at root: the components of every
// package directory, the manifest, and a Problem for each file that does not
// parse. It returns an error only when root itself cannot be read or its
// sfdx-project.json is invalid.
func Read(root string) (*Tree, error) {
	return ReadWith(root, WalkOptions{})
}

// ReadWith is [Read] with options.
func ReadWith(root string, opts WalkOptions) (*Tree, error) {
	var (
		mu         sync.Mutex
		components []Component
	)
	tree, err := Walk(root, opts, func(c Component) {
		mu.Lock()
		components = append(components, c)
		mu.Unlock()
	})
	if err != nil {
		return nil, err
	}
	sortComponents(components)
	tree.Components = components
	return tree, nil
}

// Walk reads the project or folder at root as [Read] does, but hands each
// component to fn instead of keeping it, so a caller that keeps only a few
// facts per component reads a large project in bounded memory. The
// returned Tree has everything except Components.
//
// The layout is found from root. A folder with sfdx-project.json is an sf
// project whose package directories are read in source format, at any
// depth. A folder with package.xml, or with files only the mdapi format
// has, is an mdapi folder. Any other folder is read as one package
// directory in source format.
//
// Files are chosen as the sf CLI chooses them. Each package directory uses
// the nearest .forceignore file, in it or in a folder above it. Files that
// its patterns match are left out, and so are those that the sf CLI's
// default patterns match: names that start with a dot, *.dup,
// package2-descriptor.json and package2-manifest.json. Without a
// .forceignore no file is left out.
// Symbolic links are followed; a link that points nowhere or back into a
// folder that contains it is a Problem. node_modules and .git folders are
// never read.
//
// A file of a type whose children are elements of it, such as CustomLabels
// or Workflow, gives its own component and one per child element. The child
// files of decomposed types (objects/Account/fields/Industry.field-meta.xml,
// bots/Chat/v1.botVersion-meta.xml) give one child component each.
//
// Files are parsed by opts.Workers goroutines and fn is called from them,
// in no particular order and concurrently: fn must be safe for concurrent
// use. Walk returns after the last call to fn has returned.
//
// NOTE: the sf CLI reads node_modules folders unless .forceignore excludes
// them, and .git folders when no .forceignore exists; Walk never does. The
// sf CLI also takes a file whose name only contains "-meta.xml", such as
// Admin.profile-meta.xml.dup, for a component; Walk requires the name to end
// with it.
func Walk(root string, opts WalkOptions, fn func(Component)) (*Tree, error) {
	info, err := os.Stat(root)
	if err != nil {
		return nil, fmt.Errorf("read project: %w", err)
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("read project: %s is a file: give the folder that contains sfdx-project.json, package.xml or metadata folders", root)
	}
	tree, err := layout(root)
	if err != nil {
		return nil, err
	}

	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	paths := make(chan string, workers*4)
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		problems = tree.Problems
	)
	report := func(p Problem) {
		mu.Lock()
		problems = append(problems, p)
		mu.Unlock()
	}
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for file := range paths {
				components, problem := readComponent(root, file, tree.Format, opts)
				if problem != nil {
					report(*problem)
				}
				for _, c := range components {
					fn(c)
				}
			}
		}()
	}

	for _, dir := range tree.PackageDirectories {
		if err := listFiles(root, dir.Path, paths, report); err != nil {
			report(Problem{Path: filepath.Join(root, filepath.FromSlash(dir.Path)), Err: err})
		}
	}
	close(paths)
	wg.Wait()

	sortProblems(problems)
	tree.Problems = problems
	return tree, nil
}

// layout finds the format, package directories and manifest of root.
func layout(root string) (*Tree, error) {
	tree := &Tree{Root: root, Format: registry.Source, PackageDirectories: []PackageDirectory{{Path: ".", Default: true}}}

	projectPath := filepath.Join(root, ProjectFile)
	data, err := os.ReadFile(projectPath)
	switch {
	case err == nil:
		project, err := parseProjectFile(projectPath, data)
		if err != nil {
			return nil, err
		}
		tree.PackageDirectories = project.PackageDirectories
		tree.APIVersion = project.SourceAPIVersion
		tree.ManifestPath = filepath.Join(root, filepath.FromSlash(DefaultManifest))
	case errors.Is(err, fs.ErrNotExist):
		if _, statErr := os.Stat(filepath.Join(root, PackageXML)); statErr == nil {
			tree.Format = registry.Mdapi
			tree.ManifestPath = filepath.Join(root, PackageXML)
		} else if looksLikeMdapi(root) {
			tree.Format = registry.Mdapi
		}
	default:
		return nil, fmt.Errorf("read project: %w", err)
	}

	if tree.ManifestPath != "" {
		manifest, err := pkgxml.ParseFile(tree.ManifestPath)
		switch {
		case err == nil:
			tree.Manifest = manifest
			if tree.Format == registry.Mdapi {
				tree.APIVersion = manifest.Version
			}
		case errors.Is(err, fs.ErrNotExist):
			tree.ManifestPath = ""
		default:
			tree.Problems = append(tree.Problems, Problem{Path: tree.ManifestPath, Err: err})
		}
	}
	return tree, nil
}

// looksLikeMdapi reports whether a folder without package.xml is laid out
// in mdapi format all the same, as a retrieve whose manifest was renamed
// is: a top-level folder holds a file that only the mdapi format places,
// such as profiles/Admin.profile.
func looksLikeMdapi(root string) bool {
	dirs, err := os.ReadDir(root)
	if err != nil {
		return false
	}
	for _, dir := range dirs {
		if !dir.IsDir() || strings.HasPrefix(dir.Name(), ".") {
			continue
		}
		files, err := os.ReadDir(filepath.Join(root, dir.Name()))
		if err != nil {
			continue
		}
		for _, file := range files {
			rel := dir.Name() + "/" + file.Name()
			// Types with a content file (classes/X.cls) look the same in
			// both formats, so only types without one decide.
			if t, _, ok := registry.ForPath(rel, registry.Mdapi); ok && !t.HasContent() && !strings.HasSuffix(rel, registry.MetaXMLSuffix) {
				return true
			}
		}
	}
	return false
}

// projectFile is the part of sfdx-project.json that reading needs.
type projectFile struct {
	PackageDirectories []PackageDirectory `json:"packageDirectories"`
	SourceAPIVersion   string             `json:"sourceApiVersion"`
}

func parseProjectFile(path string, data []byte) (*projectFile, error) {
	var project projectFile
	if err := json.Unmarshal(data, &project); err != nil {
		return nil, fmt.Errorf("read project: invalid %s: %w", path, err)
	}
	if len(project.PackageDirectories) == 0 {
		return nil, fmt.Errorf("read project: %s lists no packageDirectories: add {\"path\": \"force-app\", \"default\": true}", path)
	}
	for _, dir := range project.PackageDirectories {
		if !filepath.IsLocal(filepath.FromSlash(dir.Path)) {
			return nil, fmt.Errorf("read project: package directory %q in %s is outside the project: use a path below the folder of sfdx-project.json", dir.Path, path)
		}
	}
	return &project, nil
}

// listFiles sends the path, relative to root, of every file below the
// package directory dir that the nearest .forceignore does not exclude.
// Symbolic links to files and folders are followed, as the sf CLI follows
// them. A link that points nowhere, or back into a folder being listed, is
// reported and not followed. node_modules and .git folders are never read.
func listFiles(root, dir string, paths chan<- string, report func(Problem)) error {
	start := filepath.Join(root, filepath.FromSlash(dir))
	ignore, err := findForceIgnore(start)
	if err != nil {
		return err
	}
	info, err := os.Stat(start)
	if err != nil {
		return err
	}
	if !info.IsDir() {
		return fmt.Errorf("package directory %s is not a folder", start)
	}
	lister := fileLister{root: root, ignore: ignore, paths: paths, report: report}
	return lister.walk(start, []os.FileInfo{info})
}

// fileLister walks one package directory.
type fileLister struct {
	root   string
	ignore ignoreRules
	paths  chan<- string
	report func(Problem)
}

// walk lists the folder dir, whose own folder and the folders above it up
// to the package directory are ancestors.
func (l fileLister) walk(dir string, ancestors []os.FileInfo) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, entry := range entries {
		name := entry.Name()
		file := filepath.Join(dir, name)
		info, err := entry.Info()
		if err != nil {
			l.report(Problem{Path: file, Err: err})
			continue
		}
		if info.Mode()&fs.ModeSymlink != 0 {
			target, err := os.Stat(file)
			if err != nil {
				l.report(Problem{Path: file, Err: fmt.Errorf("%s: cannot follow the symbolic link: %w: fix or remove the link", file, err)})
				continue
			}
			info = target
		}

		switch {
		case info.IsDir():
			if skippedFolderNames[name] {
				continue
			}
			if slices.ContainsFunc(ancestors, func(a os.FileInfo) bool { return os.SameFile(a, info) }) {
				l.report(Problem{Path: file, Err: fmt.Errorf("%s: the symbolic link leads back to a folder that contains it, so it is not followed: remove the link", file)})
				continue
			}
			if err := l.walk(file, append(ancestors, info)); err != nil {
				l.report(Problem{Path: file, Err: err})
			}
		case info.Mode().IsRegular():
			if l.ignore.ignores(file) {
				l.checkIgnoredContent(file)
				continue
			}
			rel, err := filepath.Rel(l.root, file)
			if err != nil {
				l.report(Problem{Path: file, Err: err})
				continue
			}
			l.paths <- rel
		}
	}
	return nil
}

// checkIgnoredContent reports a content file, such as classes/A.cls, that
// .forceignore leaves out while it keeps the metadata file beside it. The
// sf CLI rejects such a project because the component would lack its
// content.
func (l fileLister) checkIgnoredContent(file string) {
	if strings.HasSuffix(file, registry.MetaXMLSuffix) {
		return
	}
	meta := file + registry.MetaXMLSuffix
	if _, err := os.Stat(meta); err != nil || l.ignore.ignores(meta) {
		return
	}
	l.report(Problem{Path: file, Err: fmt.Errorf("%s: %s leaves out this content file but not its metadata file %s: list both files in it, or neither", file, ForceIgnoreFile, filepath.Base(meta))})
}

// skippedFolderNames are folders that never contain metadata source and
// can be large.
var skippedFolderNames = map[string]bool{
	"node_modules": true,
	".git":         true,
}

// readComponent identifies the file at rel (relative to root) and, for a
// modelled type, parses it. It returns the file's component followed by the
// child components that the file holds as elements, such as the CustomLabel
// components of a CustomLabels file.
func readComponent(root, rel string, format Format, opts WalkOptions) ([]Component, *Problem) {
	file := filepath.Join(root, rel)
	if base := filepath.Base(rel); format == registry.Mdapi && isManifestName(base) {
		return nil, nil
	}
	t, member, ok := registry.ForPath(rel, format)
	fullName := pkgxml.DecodeMember(member)
	if !ok && format == registry.Source {
		var child childFile
		child, ok = forChildPath(rel)
		t, member, fullName = child.typ, child.member, child.fullName
	}
	if !ok {
		return nil, unknownSuffix(file, format)
	}
	if t.NotAddressable {
		// The sf CLI deploys such a child with its parent and never lists it.
		return nil, nil
	}
	if t.IgnoreParsedFullName {
		member, fullName = t.Name, t.Name
	}
	c := Component{Type: t.Name, FullName: fullName, Member: member, Path: file}

	if listsOnlyChildren(t) && format == registry.Source {
		empty, err := hasNoElements(file)
		if err != nil {
			return nil, &Problem{Path: file, Err: err}
		}
		if empty {
			// The sf CLI leaves out a decomposed parent whose file has no
			// elements of its own: only its children are components.
			return nil, nil
		}
	}

	components := []Component{c}
	if hasElementChildren(t) {
		children, err := readElementChildren(file, t, c)
		if err != nil {
			return nil, &Problem{Path: file, Err: err}
		}
		components = append(components, children...)
	}

	if opts.SkipValues {
		return components, nil
	}
	value, modelled := newValue(t.Name)
	if !modelled {
		return components, nil
	}
	if t.HasContent() && !strings.HasSuffix(file, registry.MetaXMLSuffix) {
		// An mdapi component of a content type, such as an Apex class, is
		// named by its content file; its metadata XML sits beside it.
		file += registry.MetaXMLSuffix
	}
	if err := parseValue(file, value, c.FullName); err != nil {
		return nil, &Problem{Path: file, Err: err}
	}
	components[0].Value = value
	return components, nil
}

// listsOnlyChildren reports whether the sf CLI leaves a component of the
// decomposed type t out of a manifest when its own file has no elements.
// It does so when t has a child type that can be listed on its own.
func listsOnlyChildren(t registry.Type) bool {
	if t.Transformer != "decomposed" {
		return false
	}
	for _, name := range t.Children {
		child, ok := registry.ByName(name)
		if ok && !child.NotAddressable && !child.UnaddressableWithoutParent {
			return true
		}
	}
	return false
}

// parseValue parses the metadata file into value and sets its
// FullName from the file name when the file has no fullName element.
func parseValue(file string, value any, fullName string) error {
	data, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	if err := mdxml.Unmarshal(data, value); err != nil {
		var xerr *mdxml.Error
		if errors.As(err, &xerr) {
			xerr.File = file
			return xerr
		}
		return fmt.Errorf("%s: %w", file, err)
	}
	if field := fullNameField(value); field.IsValid() && field.String() == "" {
		field.SetString(fullName)
	}
	return nil
}

// fullNameField returns the settable FullName string field of a pointer to
// a modelled struct, or the zero Value.
func fullNameField(value any) reflect.Value {
	rv := reflect.ValueOf(value)
	if rv.Kind() != reflect.Pointer || rv.Elem().Kind() != reflect.Struct {
		return reflect.Value{}
	}
	field := rv.Elem().FieldByName("FullName")
	if !field.IsValid() || field.Kind() != reflect.String || !field.CanSet() {
		return reflect.Value{}
	}
	return field
}

// hasNoElements reports whether the root element of the XML file at path
// has no child elements.
func hasNoElements(file string) (bool, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return false, err
	}
	decoder := xml.NewDecoder(bytes.NewReader(data))
	depth := 0
	for {
		token, err := decoder.Token()
		if err == io.EOF {
			return true, nil
		}
		if err != nil {
			return false, fmt.Errorf("%s: %w", file, err)
		}
		if _, ok := token.(xml.StartElement); ok {
			depth++
			if depth == 2 {
				return false, nil
			}
		}
		if _, ok := token.(xml.EndElement); ok {
			depth--
		}
	}
}

// unknownSuffix returns a Problem for a metadata XML file whose suffix no
// registry type has, which the sf CLI rejects, and nil for any other file
// the registry does not place (content files, bundle files, READMEs).
func unknownSuffix(file string, format Format) *Problem {
	base := filepath.Base(file)
	stem, isMeta := strings.CutSuffix(base, registry.MetaXMLSuffix)
	if !isMeta || format != registry.Source {
		return nil
	}
	dot := strings.LastIndexByte(stem, '.')
	if dot <= 0 {
		return nil
	}
	suffix := stem[dot+1:]
	if knownSuffixes[suffix] {
		return nil
	}
	return &Problem{Path: file, Err: fmt.Errorf("%s: no metadata type has the suffix %q: check the file name against the metadata registry", file, suffix)}
}

func isManifestName(base string) bool {
	lower := strings.ToLower(base)
	return lower == "package.xml" || strings.HasPrefix(lower, "destructivechanges")
}
