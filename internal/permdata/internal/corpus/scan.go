// Package corpus reads the user permissions granted by real retrieved profiles
// and permission sets, laid out one folder per source repository, and renders
// the table that package permdata commits as zz_generated_permissions.go.
//
// The corpus layout is <owner>__<repo>/<path in that repo>, with files in the
// older Metadata API format under mdapi-format/<owner>__<repo>/<path>.
package corpus

import (
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// UnknownVersion is the APIVersion of a repository whose API version the
// corpus and the built-in table do not state.
const UnknownVersion = "unknown"

// mdapiFolder holds the repositories whose files use the older Metadata API
// format (src/profiles/X.profile, without -meta.xml).
const mdapiFolder = "mdapi-format"

// fileSuffixes are the names of the metadata files that carry
// <userPermissions>, in source format and in Metadata API format.
var fileSuffixes = []string{
	".profile-meta.xml",
	".permissionset-meta.xml",
	".mutingpermissionset-meta.xml",
	".profile",
	".permissionset",
	".mutingpermissionset",
}

// sourceAPIVersions holds the sourceApiVersion of the sfdx-project.json of
// corpus repositories whose snapshot in the corpus leaves that file out. A
// sfdx-project.json inside the corpus takes precedence over this table.
var sourceAPIVersions = map[string]Repo{
	"ArlanisSOU/edenred-fullcopy": {APIVersion: "64.0", Evidence: "sfdx-project.json sourceApiVersion"},
	"Epic-ATS/NightlyBackup":      {APIVersion: "67.0", Evidence: "sfdx-project.json sourceApiVersion"},
	"GSA/SF_WorkSpace":            {APIVersion: "61.0", Evidence: "sfdx-project.json sourceApiVersion"},
	"awesomeandrey/minlopro-dx":   {APIVersion: "66.0", Evidence: "sfdx-project.json sourceApiVersion"},
	"lumonoy/lumonCode":           {APIVersion: "59.0", Evidence: "sfdx-project.json sourceApiVersion"},
}

// Repo describes one source repository of the corpus.
type Repo struct {
	Name       string // owner/repo
	APIVersion string // "64.0", or UnknownVersion
	Evidence   string // source of APIVersion, empty when unknown
}

// Grant is one <userPermissions> entry of a file.
type Grant struct {
	Name    string
	Enabled bool
}

// File is one profile or permission set of the corpus.
type File struct {
	Path   string // slash-separated, relative to the corpus folder
	Repo   Repo
	Grants []Grant // in file order
}

// Corpus is the result of [Scan].
type Corpus struct {
	Repos   []Repo    // sorted by Name
	Files   []File    // sorted by Path
	Skipped []Skipped // unreadable permission files, sorted by Path
}

// Skipped is a permission file that Scan left out because its user
// permissions cannot be read, such as a file with a merge conflict.
type Skipped struct {
	Path string // slash-separated, relative to the corpus folder
	Err  error
}

// Scan reads every profile and permission set under dir and the API version
// of each repository that contains one. Files that are not well-formed XML,
// or whose user permissions lack a name, go to Corpus.Skipped instead of
// failing the scan, because a corpus may keep such files on purpose.
func Scan(dir string) (*Corpus, error) {
	info, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("read corpus: %w", err)
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("read corpus: %q is not a folder", dir)
	}

	var files []File
	var skipped []Skipped
	repos := map[string]Repo{}
	err = filepath.WalkDir(dir, func(path string, entry fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if entry.IsDir() || !hasPermissionSuffix(entry.Name()) {
			return nil
		}

		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		repoDir, repoName, ok := repoOf(rel)
		if !ok {
			return fmt.Errorf("read corpus file %q: not inside an <owner>__<repo> folder", rel)
		}

		repo, seen := repos[repoName]
		if !seen {
			repo, err = repoInfo(filepath.Join(dir, filepath.FromSlash(repoDir)), repoName)
			if err != nil {
				return err
			}
			repos[repoName] = repo
		}

		grants, err := readGrants(path)
		var unreadable *unreadableError
		if errors.As(err, &unreadable) {
			skipped = append(skipped, Skipped{Path: rel, Err: err})
			return nil
		}
		if err != nil {
			return err
		}
		files = append(files, File{Path: rel, Repo: repo, Grants: grants})
		return nil
	})
	if err != nil {
		return nil, err
	}

	c := &Corpus{Files: files, Skipped: skipped}
	for _, repo := range repos {
		c.Repos = append(c.Repos, repo)
	}
	sort.Slice(c.Repos, func(i, j int) bool { return c.Repos[i].Name < c.Repos[j].Name })
	sort.Slice(c.Files, func(i, j int) bool { return c.Files[i].Path < c.Files[j].Path })
	sort.Slice(c.Skipped, func(i, j int) bool { return c.Skipped[i].Path < c.Skipped[j].Path })
	return c, nil
}

func hasPermissionSuffix(name string) bool {
	for _, suffix := range fileSuffixes {
		if strings.HasSuffix(name, suffix) {
			return true
		}
	}
	return false
}

// repoOf returns the corpus folder of the repository that holds rel and the
// repository's owner/repo name.
func repoOf(rel string) (dir, name string, ok bool) {
	parts := strings.Split(rel, "/")
	if len(parts) > 2 && parts[0] == mdapiFolder {
		parts = parts[1:]
		dir = mdapiFolder + "/"
	}
	if len(parts) < 2 {
		return "", "", false
	}
	owner, repo, found := strings.Cut(parts[0], "__")
	if !found || owner == "" || repo == "" {
		return "", "", false
	}
	return dir + parts[0], owner + "/" + repo, true
}

// repoInfo finds the API version of a repository: the sourceApiVersion of a
// sfdx-project.json at its root, then the built-in table, then the <version>
// of the first package.xml manifest in path order.
func repoInfo(dir, name string) (Repo, error) {
	version, err := projectVersion(filepath.Join(dir, "sfdx-project.json"))
	if err != nil {
		return Repo{}, err
	}
	if version != "" {
		return Repo{Name: name, APIVersion: version, Evidence: "sfdx-project.json sourceApiVersion"}, nil
	}

	if known, ok := sourceAPIVersions[name]; ok {
		known.Name = name
		return known, nil
	}

	version, manifest, err := manifestVersion(dir)
	if err != nil {
		return Repo{}, err
	}
	if version != "" {
		return Repo{Name: name, APIVersion: version, Evidence: manifest + " <version>"}, nil
	}
	return Repo{Name: name, APIVersion: UnknownVersion}, nil
}

func projectVersion(path string) (string, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("read project file: %w", err)
	}

	var project struct {
		SourceAPIVersion string `json:"sourceApiVersion"`
	}
	if err := json.Unmarshal(data, &project); err != nil {
		return "", fmt.Errorf("parse project file %s: %w", path, err)
	}
	return project.SourceAPIVersion, nil
}

// manifestVersion returns the <version> of the first package.xml manifest
// under dir, in path order, and the manifest's path relative to dir.
func manifestVersion(dir string) (version, manifest string, err error) {
	var paths []string
	err = filepath.WalkDir(dir, func(path string, entry fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !entry.IsDir() && strings.HasSuffix(entry.Name(), ".xml") && !strings.HasSuffix(entry.Name(), "-meta.xml") {
			paths = append(paths, path)
		}
		return nil
	})
	if err != nil {
		return "", "", fmt.Errorf("read corpus: %w", err)
	}
	sort.Strings(paths)

	for _, path := range paths {
		version, err := packageVersion(path)
		if err != nil {
			return "", "", err
		}
		if version != "" {
			rel, err := filepath.Rel(dir, path)
			if err != nil {
				return "", "", err
			}
			return version, filepath.ToSlash(rel), nil
		}
	}
	return "", "", nil
}

// packageVersion returns the <version> of a Package manifest, or "" when the
// file is another kind of XML document.
func packageVersion(path string) (string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("read manifest: %w", err)
	}

	var manifest struct {
		XMLName xml.Name
		Version string `xml:"version"`
	}
	if err := xml.Unmarshal(data, &manifest); err != nil {
		// A file that is not well-formed XML is not a manifest to read.
		return "", nil
	}
	if manifest.XMLName.Local != "Package" {
		return "", nil
	}
	return strings.TrimSpace(manifest.Version), nil
}

// unreadableError marks a permission file whose content cannot be read as
// user permissions, as opposed to a file that cannot be opened.
type unreadableError struct {
	err error
}

func (e *unreadableError) Error() string { return e.err.Error() }
func (e *unreadableError) Unwrap() error { return e.err }

// readGrants returns the <userPermissions> entries that are direct children
// of the root element of a profile or permission set.
func readGrants(path string) ([]Grant, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read permissions: %w", err)
	}
	defer f.Close()

	var grants []Grant
	decoder := xml.NewDecoder(f)
	depth := 0
	for {
		token, err := decoder.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, &unreadableError{fmt.Errorf("parse permissions in %s: %w", path, err)}
		}

		switch t := token.(type) {
		case xml.StartElement:
			if depth == 1 && t.Name.Local == "userPermissions" {
				var entry struct {
					Enabled string `xml:"enabled"`
					Name    string `xml:"name"`
				}
				if err := decoder.DecodeElement(&entry, &t); err != nil {
					return nil, &unreadableError{fmt.Errorf("parse permissions in %s: %w", path, err)}
				}
				name := strings.TrimSpace(entry.Name)
				if name == "" {
					return nil, &unreadableError{fmt.Errorf("parse permissions in %s: <userPermissions> without a <name>", path)}
				}
				grants = append(grants, Grant{Name: name, Enabled: strings.TrimSpace(entry.Enabled) == "true"})
				continue
			}
			depth++
		case xml.EndElement:
			depth--
		}
	}
	return grants, nil
}

// CompareVersions orders two API versions numerically ("9.0" before "38.0"),
// with UnknownVersion after every known one. It returns -1, 0 or +1.
func CompareVersions(a, b string) int {
	aMajor, aMinor, aOK := parseVersion(a)
	bMajor, bMinor, bOK := parseVersion(b)
	switch {
	case !aOK && !bOK:
		return strings.Compare(a, b)
	case !aOK:
		return 1
	case !bOK:
		return -1
	case aMajor != bMajor:
		return compareInts(aMajor, bMajor)
	default:
		return compareInts(aMinor, bMinor)
	}
}

func parseVersion(v string) (major, minor int, ok bool) {
	majorText, minorText, found := strings.Cut(v, ".")
	if !found {
		return 0, 0, false
	}
	major, errMajor := strconv.Atoi(majorText)
	minor, errMinor := strconv.Atoi(minorText)
	return major, minor, errMajor == nil && errMinor == nil
}

func compareInts(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	default:
		return 0
	}
}
