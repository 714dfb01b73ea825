package project

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"

	"github.com/sfharden/sfharden/internal/mdxml"
	"github.com/sfharden/sfharden/internal/registry"
	"github.com/sfharden/sfharden/pkgxml"
)

// DefaultPackageDirectory is the package directory that [Create] writes
// components into.
const DefaultPackageDirectory = "force-app"

// NewProject describes the project [Create] writes around the components.
// The zero value is a project named after its folder at [pkgxml.APIVersion].
type NewProject struct {
	// Name is the name in sfdx-project.json; empty means the folder name.
	Name string

	// APIVersion is the sourceApiVersion of sfdx-project.json and the
	// version of every manifest written; empty means [pkgxml.APIVersion].
	APIVersion string

	// Replacements are the placeholders that `sf project deploy start`
	// fills from environment variables.
	Replacements []Replacement

	// Packages are package directories besides force-app, each with its own
	// components and manifest.
	Packages []PackageContent

	// Files are plain files written as they are, such as scripts, JSON
	// configuration and a RUNBOOK.md.
	Files []File
}

// PackageContent is a package directory and the components to write into it.
type PackageContent struct {
	// Directory is the package directory, relative to the project root:
	// "event-monitoring". Components go below <Directory>/main/default.
	Directory string

	// Components are written as [Create] writes the default ones.
	Components []Component

	// Manifest is the path of the package directory's own manifest, relative
	// to the project root; empty means "manifest/package-<Directory>.xml".
	Manifest string
}

// Replacement is one entry of "replacements" in sfdx-project.json: during
// a deploy the sf CLI replaces StringToReplace with the value of the
// environment variable Env in every file that matches Glob.
//
// Create writes "allowUnsetEnvVariable": false, which is also the sf CLI's
// default: a deploy fails when Env is not set, rather than deploying an
// empty value. (The sf CLI applies replacements on deploy, and on `sf
// project convert source` only with SF_APPLY_REPLACEMENTS_ON_CONVERT=true.)
type Replacement struct {
	// Glob selects files relative to the project: "force-app/**/*.connectedApp-meta.xml".
	Glob string

	// StringToReplace is the placeholder: "${ORDERS_CONTACT_EMAIL}".
	StringToReplace string

	// Env is the environment variable that gives the value.
	Env string
}

// File is a plain file to write, with a path relative to the project root
// in forward slashes.
type File struct {
	Path string
	Data []byte

	// Mode is the file's permission bits; 0 means 0o644. Give 0o755 for a
	// script.
	Mode fs.FileMode
}

// WriteOptions controls [Create]. With the zero value, Create rejects a
// non-empty folder that is not an sf project.
type WriteOptions struct {
	// Force writes into a non-empty folder that has no sfdx-project.json,
	// as if it were empty. Files that are not written are left as they are.
	Force bool
}

// Create writes components into the sf project at dir, in the default
// package directory force-app, with the project described by p.
//
// When dir does not exist or is empty, Create writes a new project:
// sfdx-project.json, each component as
// force-app/main/default/<folder>/<name>.<suffix>-meta.xml, manifest/package.xml
// listing them, the extra package directories with their manifests, and
// p.Files. When dir is an sf project, Create adds or replaces only the
// components and files it is given. A component that exists already is
// replaced where it is, and the manifests are merged with the ones there.
// sfdx-project.json changes only if it lacks a package directory or a
// replacement of p. Every other file is left as it was. A non-empty dir
// that is not an sf project is rejected unless opts.Force is set.
//
// Create writes all or nothing: every file is first written to a staging
// folder inside dir, then moved into place, and a failure while moving puts
// back every file already moved. No path outside dir is written. A
// component name that contains "/", "\", "..", a NUL byte or is absolute is
// an error, and so is a path that leads through a symbolic link.
//
// NOTE: moving files into place is not one atomic step. If the process is
// killed while it moves files, some are new and some old, and the staging
// folder (.sfharden-stage-*) is left in dir with the replaced files in it.
func Create(dir string, p NewProject, components []Component, opts WriteOptions) error {
	plan, err := planWrite(dir, p, components, opts)
	if err != nil {
		return err
	}
	return plan.commit()
}

// target is the state of the folder Create writes into.
type target struct {
	exists   bool
	project  bool   // has sfdx-project.json
	projData []byte // its contents
	tree     *Tree  // the project read with SkipValues
}

func inspectTarget(dir string, force bool) (*target, error) {
	info, err := os.Lstat(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return &target{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("write project: %w", err)
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("write project: %s is not a folder: give a folder for the project", dir)
	}
	t := &target{exists: true}
	data, err := os.ReadFile(filepath.Join(dir, ProjectFile))
	switch {
	case err == nil:
		t.project, t.projData = true, data
		tree, err := ReadWith(dir, WalkOptions{SkipValues: true})
		if err != nil {
			return nil, fmt.Errorf("write project: %w", err)
		}
		t.tree = tree
		return t, nil
	case !errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("write project: %w", err)
	}

	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("write project: %w", err)
	}
	if len(entries) > 0 && !force {
		return nil, fmt.Errorf("write project: %s is not empty and has no %s: choose an empty folder, or force the write to add a project to it", dir, ProjectFile)
	}
	return t, nil
}

// planWrite checks every input and computes every file to write.
func planWrite(dir string, p NewProject, components []Component, opts WriteOptions) (*writePlan, error) {
	state, err := inspectTarget(dir, opts.Force)
	if err != nil {
		return nil, err
	}
	version := p.APIVersion
	if version == "" {
		version = pkgxml.APIVersion
	}
	plan := &writePlan{root: dir, createRoot: !state.exists}

	defaultDir := DefaultPackageDirectory
	if state.project {
		defaultDir = defaultPackageDirectory(state.tree)
	}
	packages := append([]PackageContent{{Directory: defaultDir, Components: components, Manifest: DefaultManifest}}, p.Packages...)
	seenDirs := map[string]bool{}
	for i, content := range packages {
		if err := checkRelativePath(content.Directory); err != nil {
			return nil, fmt.Errorf("write project: package directory: %w", err)
		}
		if seenDirs[content.Directory] {
			return nil, fmt.Errorf("write project: package directory %q is given twice: merge its components into one PackageContent", content.Directory)
		}
		seenDirs[content.Directory] = true
		if content.Manifest == "" {
			packages[i].Manifest = "manifest/package-" + strings.ReplaceAll(content.Directory, "/", "-") + ".xml"
		}
		if err := plan.addPackage(packages[i], state, version); err != nil {
			return nil, err
		}
	}

	projectJSON, err := projectFileFor(dir, p, packages, state, version)
	if err != nil {
		return nil, err
	}
	if projectJSON != nil {
		if err := plan.add(ProjectFile, projectJSON, 0); err != nil {
			return nil, err
		}
	}
	for _, f := range p.Files {
		if err := plan.add(f.Path, f.Data, f.Mode); err != nil {
			return nil, err
		}
	}
	if err := plan.checkContentFiles(); err != nil {
		return nil, err
	}
	return plan, nil
}

// defaultPackageDirectory returns the default package directory of a project.
func defaultPackageDirectory(tree *Tree) string {
	for _, dir := range tree.PackageDirectories {
		if dir.Default {
			return path.Clean(filepath.ToSlash(dir.Path))
		}
	}
	return path.Clean(filepath.ToSlash(tree.PackageDirectories[0].Path))
}

// addPackage plans the components of one package directory and its manifest.
func (plan *writePlan) addPackage(content PackageContent, state *target, version string) error {
	existing := map[string]string{} // type + "\x00" + fullName -> path relative to the root
	if state.tree != nil {
		for _, c := range state.tree.Components {
			rel, err := filepath.Rel(plan.root, c.Path)
			if err == nil {
				existing[c.Type+"\x00"+c.FullName] = filepath.ToSlash(rel)
			}
		}
	}

	for _, c := range content.Components {
		files, err := componentFiles(c)
		if err != nil {
			return err
		}
		base := content.Directory + "/main/default/"
		for _, f := range files {
			rel := base + f.Path
			if at, ok := existing[c.Type+"\x00"+componentName(c)]; ok {
				// Replace the component where the project keeps it; a
				// content file sits next to its -meta.xml file.
				rel = path.Join(path.Dir(at), path.Base(f.Path))
			}
			if err := plan.add(rel, f.Data, 0); err != nil {
				return err
			}
			if len(files) == 1 && registryType(c.Type).HasContent() {
				plan.needContent = append(plan.needContent, strings.TrimSuffix(rel, registry.MetaXMLSuffix))
			}
		}
	}

	manifest := BuildManifest(content.Components, version)
	if state.project {
		current, err := pkgxml.ParseFile(filepath.Join(plan.root, filepath.FromSlash(content.Manifest)))
		switch {
		case err == nil:
			manifest = pkgxml.Merge(current, manifest)
		case !errors.Is(err, fs.ErrNotExist):
			return fmt.Errorf("write project: cannot merge the manifest: %w: fix or remove it", err)
		}
	}
	data, err := manifest.Marshal()
	if err != nil {
		return fmt.Errorf("write project: %s: %w", content.Manifest, err)
	}
	return plan.add(content.Manifest, data, 0)
}

// registryType returns the registry type of a name that componentFiles has
// checked.
func registryType(typeName string) registry.Type {
	found, _ := registry.ByName(typeName)
	return found
}

// componentName returns the decoded name of c: FullName, or the FullName
// field of its value.
func componentName(c Component) string {
	if c.FullName != "" {
		return c.FullName
	}
	if field := fullNameField(c.Value); field.IsValid() {
		return field.String()
	}
	return ""
}

// componentFiles returns the files of one component, with paths relative to
// a package directory's main/default folder: its metadata XML file and, for
// a type with a content file such as ApexClass, the content taken from the
// value's Content field.
func componentFiles(c Component) ([]File, error) {
	name := componentName(c)
	if err := checkComponentName(c.Type, name); err != nil {
		return nil, err
	}
	t, ok := registry.ByName(c.Type)
	if !ok {
		return nil, fmt.Errorf("write project: unknown metadata type %q for component %q: use the Metadata API type name", c.Type, name)
	}
	if c.Value == nil {
		return nil, fmt.Errorf("write project: %s %q has no value to write: set Value to the parsed metadata", c.Type, name)
	}
	if root := rootElement(c.Value); root != c.Type {
		return nil, fmt.Errorf("write project: %s %q has a value of type %T, which is not a %s", c.Type, name, c.Value, c.Type)
	}
	rel, err := registry.SourcePath(t, pkgxml.EncodeMember(c.Type, name))
	if err != nil {
		return nil, fmt.Errorf("write project: %w", err)
	}

	value, content := c.Value, ""
	if t.HasContent() {
		value, content = splitContent(c.Value)
	}
	data, err := mdxml.Marshal(value)
	if err != nil {
		return nil, fmt.Errorf("write project: %s %q: %w", c.Type, name, err)
	}
	files := []File{{Path: rel, Data: data}}
	if t.HasContent() && content != "" {
		files = append(files, File{Path: strings.TrimSuffix(rel, registry.MetaXMLSuffix), Data: []byte(content)})
	}
	return files, nil
}

// splitContent returns a copy of v without its Content field, and that
// field's text, which source format keeps in a file of its own.
func splitContent(v any) (any, string) {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.Elem().Kind() != reflect.Struct {
		return v, ""
	}
	field := rv.Elem().FieldByName("Content")
	if !field.IsValid() || field.Kind() != reflect.String {
		return v, ""
	}
	cp := reflect.New(rv.Elem().Type())
	cp.Elem().Set(rv.Elem())
	cp.Elem().FieldByName("Content").SetString("")
	return cp.Interface(), field.String()
}

// checkComponentName rejects a decoded name that could leave its folder.
func checkComponentName(typeName, name string) error {
	switch {
	case name == "":
		return fmt.Errorf("write project: %s component has no name: set FullName", typeName)
	case strings.ContainsAny(name, "/\\\x00"), strings.Contains(name, ".."), filepath.IsAbs(name), path.IsAbs(name):
		return fmt.Errorf("write project: invalid %s name %q: a name must not contain \"/\", \"\\\", \"..\" or a NUL byte", typeName, name)
	}
	return nil
}

// checkRelativePath rejects a path that is empty, absolute, leaves its
// folder, or is spelled differently on other systems.
func checkRelativePath(rel string) error {
	switch {
	case rel == "":
		return errors.New("empty path")
	case strings.ContainsAny(rel, "\\\x00"):
		return fmt.Errorf("invalid path %q: use forward slashes and no NUL byte", rel)
	case path.IsAbs(rel) || filepath.IsAbs(rel) || !filepath.IsLocal(filepath.FromSlash(rel)):
		return fmt.Errorf("invalid path %q: give a path inside the project", rel)
	case path.Clean(rel) != rel:
		return fmt.Errorf("invalid path %q: write it as %q", rel, path.Clean(rel))
	}
	return nil
}

var envNamePattern = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

func checkReplacement(r Replacement) error {
	switch {
	case r.Glob == "":
		return fmt.Errorf("replacement for %q has no glob: give the files it applies to", r.StringToReplace)
	case r.StringToReplace == "":
		return fmt.Errorf("replacement for glob %q has no string to replace", r.Glob)
	case !envNamePattern.MatchString(r.Env):
		return fmt.Errorf("replacement for %q: invalid environment variable name %q: use letters, digits and _", r.StringToReplace, r.Env)
	}
	return nil
}
