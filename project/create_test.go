package project

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfharden/sfharden/connectedapp"
	"github.com/sfharden/sfharden/internal/testenv"
	"github.com/sfharden/sfharden/permset"
	"github.com/sfharden/sfharden/pkgxml"
	"github.com/sfharden/sfharden/profile"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

func boolPtr(b bool) *bool { return &b }

// integrationComponents are the components of a small API integration.
func integrationComponents() []Component {
	return []Component{
		{Type: "Profile", FullName: "Orders.com API", Value: &profile.Profile{Custom: boolPtr(true), UserLicense: "Salesforce Integration"}},
		{Type: "PermissionSet", FullName: "Orders_API", Value: &permset.PermissionSet{Label: "Orders API", Description: "Read-only order sync"}},
		{Type: "ConnectedApp", FullName: "Orders_Sync", Value: &connectedapp.ConnectedApp{Label: "Orders Sync", ContactEmail: "${ORDERS_CONTACT_EMAIL}"}},
	}
}

// integrationProject is a project with a placeholder and a second package
// directory for event monitoring.
func integrationProject() NewProject {
	return NewProject{
		Name:       "orders-integration",
		APIVersion: "62.0",
		Replacements: []Replacement{{
			Glob:            "force-app/main/default/connectedApps/*.connectedApp-meta.xml",
			StringToReplace: "${ORDERS_CONTACT_EMAIL}",
			Env:             "ORDERS_CONTACT_EMAIL",
		}},
		Packages: []PackageContent{{
			Directory:  "event-monitoring",
			Components: []Component{{Type: "PermissionSet", FullName: "Event_Log_Reader", Value: &permset.PermissionSet{Label: "Event Log Reader"}}},
		}},
		Files: []File{
			{Path: "RUNBOOK.md", Data: []byte("# Orders integration\n")},
			{Path: "scripts/assign.sh", Data: []byte("#!/bin/sh\n"), Mode: 0o755},
		},
	}
}

// snapshot returns every file below dir with its content, and every folder.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(file string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, file)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			files[rel+"/"] = ""
			return nil
		}
		data, err := os.ReadFile(file)
		files[rel] = string(data)
		return err
	})
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	require.NoError(t, err)
	return files
}

func TestCreateNewProjectGolden(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "orders")
	require.NoError(t, Create(dir, integrationProject(), integrationComponents(), WriteOptions{}))

	got := snapshot(t, dir)
	golden := filepath.Join("testdata", "new-project")
	if *update {
		require.NoError(t, os.RemoveAll(golden))
		require.NoError(t, os.CopyFS(golden, os.DirFS(dir)))
	}
	want := snapshot(t, golden)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("project mismatch (-want +got):\n%s", diff)
	}
	info, err := os.Stat(filepath.Join(dir, "scripts", "assign.sh"))
	require.NoError(t, err)
	assert.Equal(t, fs.FileMode(0o755), info.Mode().Perm())
}

func TestCreateWritesValidXML(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, Create(dir, integrationProject(), integrationComponents(), WriteOptions{}))
	var files []string
	for rel := range snapshot(t, dir) {
		if strings.HasSuffix(rel, ".xml") {
			files = append(files, filepath.Join(dir, filepath.FromSlash(rel)))
		}
	}
	require.Len(t, files, 6, "four components and two manifests")
	testenv.ValidateXML(t, files...)
}

// TestCreateAgreesWithSfCLI checks that the sf CLI converts the written
// project and lists the same components in its manifest.
func TestCreateAgreesWithSfCLI(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, Create(dir, integrationProject(), integrationComponents(), WriteOptions{}))

	testenv.RunSF(t, dir, "project", "convert", "source", "--source-dir", "force-app", "--source-dir", "event-monitoring", "--output-dir", "mdapi-out")
	converted, err := Read(filepath.Join(dir, "mdapi-out"))
	require.NoError(t, err)
	assert.Empty(t, converted.Problems)
	assert.Len(t, converted.Components, 4)

	testenv.RunSF(t, dir, "project", "generate", "manifest", "--source-dir", "force-app", "--output-dir", "sf-out")
	want, err := os.ReadFile(filepath.Join(dir, "sf-out", "package.xml"))
	require.NoError(t, err)
	got, err := os.ReadFile(filepath.Join(dir, "manifest", "package.xml"))
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got))
}

// TestReplacementUnsetFailsDeploy checks that the sf CLI stops when the
// environment variable of a replacement is not set, instead of deploying
// the placeholder or an empty value.
func TestReplacementUnsetFailsDeploy(t *testing.T) {
	sf := testenv.SF(t)
	dir := t.TempDir()
	require.NoError(t, Create(dir, integrationProject(), integrationComponents(), WriteOptions{}))

	convert := func(value *string) ([]byte, error) {
		cmd := exec.CommandContext(t.Context(), sf, "project", "convert", "source", "--source-dir", "force-app", "--output-dir", "out")
		cmd.Dir = dir
		env := []string{"HOME=" + t.TempDir(), "SF_DISABLE_TELEMETRY=true", "SF_AUTOUPDATE_DISABLE=true", "SF_APPLY_REPLACEMENTS_ON_CONVERT=true", "PATH=" + os.Getenv("PATH")}
		if value != nil {
			env = append(env, "ORDERS_CONTACT_EMAIL="+*value)
		}
		cmd.Env = env
		return cmd.CombinedOutput()
	}

	output, err := convert(nil)
	assert.Error(t, err, "convert with the variable unset must fail:\n%s", output)
	assert.Contains(t, string(output), "ORDERS_CONTACT_EMAIL")

	require.NoError(t, os.RemoveAll(filepath.Join(dir, "out")))
	email := "orders-team@example.com"
	output, err = convert(&email)
	require.NoError(t, err, "%s", output)
	data, err := os.ReadFile(filepath.Join(dir, "out", "connectedApps", "Orders_Sync.connectedApp"))
	require.NoError(t, err)
	assert.Contains(t, string(data), "<contactEmail>orders-team@example.com</contactEmail>")
}

func TestCreateIntoExistingProject(t *testing.T) {
	dir := t.TempDir()
	existing := map[string]string{
		ProjectFile: "{\n  \"packageDirectories\": [{\"path\": \"app\", \"default\": true}],\n  \"name\": \"legacy\",\n  \"sourceApiVersion\": \"60.0\",\n  \"plugins\": {\"x\": \"<y>\"}\n}\n",
		"app/profiles/Orders%2Ecom API.profile-meta.xml": "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Profile xmlns=\"http://soap.sforce.com/2006/04/metadata\"/>\n",
		"app/classes/Other.cls":                          "public class Other {}\n",
		"app/classes/Other.cls-meta.xml":                 classMetaXML,
		"manifest/package.xml":                           "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Package xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n    <types>\n        <members>Other</members>\n        <name>ApexClass</name>\n    </types>\n    <version>63.0</version>\n</Package>\n",
		"README.md":                                      "keep me\n",
	}
	writeTree(t, dir, existing)

	p := integrationProject()
	p.Files = nil
	require.NoError(t, Create(dir, p, integrationComponents(), WriteOptions{}))
	after := snapshot(t, dir)

	assert.Equal(t, existing["README.md"], after["README.md"])
	assert.Equal(t, existing["app/classes/Other.cls"], after["app/classes/Other.cls"])
	assert.Equal(t, profileXML, after["app/profiles/Orders%2Ecom API.profile-meta.xml"], "the profile is replaced where it is")
	assert.NotContains(t, after, "force-app/main/default/profiles/Orders%2Ecom API.profile-meta.xml")
	assert.Contains(t, after, "app/main/default/permissionsets/Orders_API.permissionset-meta.xml", "new components go to the default package directory")

	manifest, err := pkgxml.Parse([]byte(after["manifest/package.xml"]))
	require.NoError(t, err)
	assert.True(t, manifest.Has("ApexClass", "Other"), "existing members are kept")
	assert.True(t, manifest.Has("Profile", "Orders%2Ecom API"))
	assert.Equal(t, "63.0", manifest.Version, "the higher version wins")

	project := after[ProjectFile]
	assert.Contains(t, project, `"path": "event-monitoring"`)
	assert.Contains(t, project, `"replaceWithEnv": "ORDERS_CONTACT_EMAIL"`)
	assert.Contains(t, project, `"x": "<y>"`, "other keys are kept unescaped")
	assert.Less(t, strings.Index(project, `"name"`), strings.Index(project, `"plugins"`), "key order is kept")

	tree, err := Read(dir)
	require.NoError(t, err)
	assert.Empty(t, tree.Problems)

	// Writing the same again changes nothing.
	require.NoError(t, Create(dir, p, integrationComponents(), WriteOptions{}))
	assert.Equal(t, after, snapshot(t, dir))
}

func TestCreateRejectsNonProject(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"notes.txt": "mine\n"})

	err := Create(dir, NewProject{}, integrationComponents(), WriteOptions{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "not empty")
	assert.Equal(t, map[string]string{"./": "", "notes.txt": "mine\n"}, snapshot(t, dir))

	require.NoError(t, Create(dir, NewProject{}, integrationComponents(), WriteOptions{Force: true}))
	after := snapshot(t, dir)
	assert.Equal(t, "mine\n", after["notes.txt"])
	assert.Contains(t, after, ProjectFile)
}

// TestCreateFailureLeavesTargetUnchanged fails the write after each number
// of moved files and checks that the target is as it was.
func TestCreateFailureLeavesTargetUnchanged(t *testing.T) {
	for _, existing := range []bool{true, false} {
		for failAt := range 9 { // the plan has 9 files
			t.Run(fmt.Sprintf("existing=%v/after %d files", existing, failAt), func(t *testing.T) {
				dir := filepath.Join(t.TempDir(), "target")
				if existing {
					require.NoError(t, Create(dir, NewProject{APIVersion: "60.0"}, integrationComponents()[:1], WriteOptions{}))
					writeTree(t, dir, map[string]string{"README.md": "keep\n"})
				}
				before := snapshot(t, dir)

				testHookBeforeMove = func(n int) error {
					if n == failAt {
						return errors.New("injected failure")
					}
					return nil
				}
				defer func() { testHookBeforeMove = nil }()

				err := Create(dir, integrationProject(), integrationComponents(), WriteOptions{})
				require.Error(t, err)
				assert.Contains(t, err.Error(), "injected failure")
				if diff := cmp.Diff(before, snapshot(t, dir)); diff != "" {
					t.Errorf("target changed (-before +after):\n%s", diff)
				}
			})
		}
	}
}

// TestCreateHostileNames checks that no name writes outside the target.
func TestCreateHostileNames(t *testing.T) {
	names := []struct{ name, why string }{
		{"../../escape", "climbs out of the profiles folder"},
		{"..", "is the parent folder"},
		{"/etc/passwd", "is absolute"},
		{"a/b", "adds a folder"},
		{`..\..\escape`, "climbs out on Windows"},
		{"nul\x00byte", "truncates the path in C APIs"},
		{"", "has no name"},
	}
	for _, n := range names {
		t.Run(n.why, func(t *testing.T) {
			parent := t.TempDir()
			dir := filepath.Join(parent, "target")
			components := []Component{{Type: "Profile", FullName: n.name, Value: &profile.Profile{}}}
			err := Create(dir, NewProject{}, components, WriteOptions{})
			require.Error(t, err)
			assert.Equal(t, map[string]string{"./": ""}, snapshot(t, parent), "nothing is written")
		})
	}

	t.Run("file path outside", func(t *testing.T) {
		parent := t.TempDir()
		for _, rel := range []string{"../x", "/tmp/x", "a/../../x", `a\b`, "./a"} {
			err := Create(filepath.Join(parent, "target"), NewProject{Files: []File{{Path: rel, Data: []byte("x")}}}, nil, WriteOptions{})
			assert.Error(t, err, rel)
		}
		assert.Equal(t, map[string]string{"./": ""}, snapshot(t, parent))
	})

	t.Run("symbolic link", func(t *testing.T) {
		parent := t.TempDir()
		outside := filepath.Join(parent, "outside")
		dir := filepath.Join(parent, "target")
		require.NoError(t, os.MkdirAll(outside, 0o755))
		require.NoError(t, Create(dir, NewProject{}, nil, WriteOptions{}))
		require.NoError(t, os.MkdirAll(filepath.Join(dir, "force-app", "main", "default"), 0o755))
		require.NoError(t, os.Symlink(outside, filepath.Join(dir, "force-app", "main", "default", "profiles")))

		err := Create(dir, NewProject{}, integrationComponents()[:1], WriteOptions{})
		require.Error(t, err)
		assert.Contains(t, err.Error(), "symbolic link")
		entries, err := os.ReadDir(outside)
		require.NoError(t, err)
		assert.Empty(t, entries)
	})
}

func TestCreateRejectsBadComponents(t *testing.T) {
	tests := []struct {
		name      string
		component Component
		want      string
	}{
		{"no value", Component{Type: "Profile", FullName: "A"}, "no value"},
		{"value of another type", Component{Type: "Profile", FullName: "A", Value: &permset.PermissionSet{}}, "not a Profile"},
		{"unknown type", Component{Type: "Profil", FullName: "A", Value: &profile.Profile{}}, "unknown metadata type"},
		{"same component twice", Component{Type: "PermissionSet", FullName: "Orders_API", Value: &permset.PermissionSet{Label: "x"}}, "written twice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			components := append(integrationComponents(), tt.component)
			err := Create(filepath.Join(t.TempDir(), "p"), NewProject{}, components, WriteOptions{})
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

func TestCreateRejectsBadReplacement(t *testing.T) {
	p := NewProject{Replacements: []Replacement{{Glob: "x", StringToReplace: "${A}", Env: "A-B"}}}
	err := Create(filepath.Join(t.TempDir(), "p"), p, nil, WriteOptions{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `"A-B"`)
}

func BenchmarkCreate1000Components(b *testing.B) {
	var components []Component
	for i := range 1000 {
		components = append(components, Component{
			Type:     "PermissionSet",
			FullName: fmt.Sprintf("Orders_API_%04d", i),
			Value:    &permset.PermissionSet{Label: fmt.Sprintf("Orders API %d", i), Description: "Read-only order sync"},
		})
	}
	parent := b.TempDir()
	var size int64
	for i := 0; b.Loop(); i++ {
		dir := filepath.Join(parent, fmt.Sprint(i))
		if err := Create(dir, NewProject{}, components, WriteOptions{}); err != nil {
			b.Fatal(err)
		}
		if size == 0 {
			filepath.Walk(dir, func(_ string, info os.FileInfo, err error) error {
				if err == nil && !info.IsDir() {
					size += info.Size()
				}
				return nil
			})
			b.SetBytes(size)
		}
	}
}

func TestCreateRefusesFolderInPlaceOfFile(t *testing.T) {
	// A folder at a file's path would be moved aside and deleted with the
	// staging folder, with everything in it.
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "sfdx-project.json"), []byte(`{"packageDirectories":[{"path":"force-app","default":true}]}`), 0o644))
	kept := filepath.Join(dir, "RUNBOOK.md", "deep", "file")
	require.NoError(t, os.MkdirAll(filepath.Dir(kept), 0o755))
	require.NoError(t, os.WriteFile(kept, []byte("keep"), 0o644))

	err := Create(dir, NewProject{Files: []File{{Path: "RUNBOOK.md", Data: []byte("# Runbook\n")}}}, nil, WriteOptions{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "is a folder")
	assert.FileExists(t, kept)
}
