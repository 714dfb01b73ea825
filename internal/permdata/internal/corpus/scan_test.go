package corpus

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

const testCorpus = "testdata/corpus"

func TestScanRepositories(t *testing.T) {
	c, err := Scan(testCorpus)
	require.NoError(t, err)

	want := []Repo{
		{Name: "acme/one", APIVersion: "60.0", Evidence: "sfdx-project.json sourceApiVersion"},
		{Name: "acme/two", APIVersion: "50.0", Evidence: "manifest/package.xml <version>"},
		{Name: "old/three", APIVersion: UnknownVersion},
	}
	if diff := cmp.Diff(want, c.Repos); diff != "" {
		t.Errorf("repositories (-want +got):\n%s", diff)
	}
}

func TestScanFiles(t *testing.T) {
	c, err := Scan(testCorpus)
	require.NoError(t, err)

	want := []File{
		{
			Path: "acme__one/force-app/main/default/profiles/Integration User.profile-meta.xml",
			Repo: Repo{Name: "acme/one", APIVersion: "60.0", Evidence: "sfdx-project.json sourceApiVersion"},
			// The <name> of <customPermissions> is not a user permission.
			Grants: []Grant{{Name: "ApiEnabled", Enabled: true}, {Name: "ModifyAllData", Enabled: false}},
		},
		{
			// CRLF line endings, as some committed files have.
			Path:   "acme__two/force-app/main/default/permissionsets/Admin.permissionset-meta.xml",
			Repo:   Repo{Name: "acme/two", APIVersion: "50.0", Evidence: "manifest/package.xml <version>"},
			Grants: []Grant{{Name: "ModifyAllData", Enabled: true}, {Name: "ViewAllData", Enabled: true}},
		},
		{
			Path:   "mdapi-format/old__three/src/profiles/Old Admin.profile",
			Repo:   Repo{Name: "old/three", APIVersion: UnknownVersion},
			Grants: []Grant{{Name: "ZOldPermission", Enabled: true}, {Name: "ViewAllData", Enabled: true}},
		},
	}
	if diff := cmp.Diff(want, c.Files); diff != "" {
		t.Errorf("files (-want +got):\n%s", diff)
	}
}

func TestFirstSightings(t *testing.T) {
	c, err := Scan(testCorpus)
	require.NoError(t, err)

	want := []Sighting{
		{Name: "ApiEnabled", Repo: "acme/one", APIVersion: "60.0"},
		// Listed by acme/one at 60.0 too, but acme/two is at 50.0.
		{Name: "ModifyAllData", Repo: "acme/two", APIVersion: "50.0"},
		// An unknown version comes after every known one.
		{Name: "ViewAllData", Repo: "acme/two", APIVersion: "50.0"},
		{Name: "ZOldPermission", Repo: "old/three", APIVersion: UnknownVersion},
	}
	if diff := cmp.Diff(want, c.FirstSightings()); diff != "" {
		t.Errorf("sightings (-want +got):\n%s", diff)
	}
}

func TestFirstSightingsTieGoesToRepoName(t *testing.T) {
	c := &Corpus{Files: []File{
		{Path: "b", Repo: Repo{Name: "zeta/repo", APIVersion: "50.0"}, Grants: []Grant{{Name: "ApiEnabled"}}},
		{Path: "a", Repo: Repo{Name: "alpha/repo", APIVersion: "50.0"}, Grants: []Grant{{Name: "ApiEnabled"}}},
	}}
	assert.Equal(t, []Sighting{{Name: "ApiEnabled", Repo: "alpha/repo", APIVersion: "50.0"}}, c.FirstSightings())
}

func TestRenderGolden(t *testing.T) {
	c, err := Scan(testCorpus)
	require.NoError(t, err)
	got, err := c.Render()
	require.NoError(t, err)

	golden := filepath.Join("testdata", "zz_generated_permissions.golden")
	if *update {
		require.NoError(t, os.WriteFile(golden, got, 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err, "run go test ./internal/permdata/internal/corpus -update to create the golden file")
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("rendered source (-want +got):\n%s", diff)
	}
}

func TestScanErrors(t *testing.T) {
	tests := []struct {
		name    string
		files   map[string]string
		dir     string // overrides the temporary corpus folder
		wantErr string
	}{
		{
			name:    "missing folder",
			dir:     filepath.Join(t.TempDir(), "absent"),
			wantErr: "read corpus",
		},
		{
			name:    "file outside a repository folder",
			files:   map[string]string{"loose/Admin.profile-meta.xml": "<Profile/>"},
			wantErr: "not inside an <owner>__<repo> folder",
		},
		{
			name:    "malformed project file",
			files:   map[string]string{"a__b/sfdx-project.json": "{", "a__b/Admin.profile-meta.xml": "<Profile/>"},
			wantErr: "parse project file",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := tt.dir
			if dir == "" {
				dir = t.TempDir()
				for name, content := range tt.files {
					path := filepath.Join(dir, filepath.FromSlash(name))
					require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
					require.NoError(t, os.WriteFile(path, []byte(content), 0o644))
				}
			}

			_, err := Scan(dir)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.wantErr)
		})
	}
}

func TestScanSkipsUnreadableFiles(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"a__b/Good.profile-meta.xml":     "<Profile><userPermissions><enabled>true</enabled><name>ApiEnabled</name></userPermissions></Profile>",
		"a__b/Conflict.profile-meta.xml": "<Profile>\n<<<<<<< HEAD\n<userPermissions><name>X</name>",
		"a__b/NoName.profile-meta.xml":   "<Profile><userPermissions><enabled>true</enabled></userPermissions></Profile>",
	}
	for name, content := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, []byte(content), 0o644))
	}

	c, err := Scan(dir)
	require.NoError(t, err)

	require.Len(t, c.Files, 1)
	assert.Equal(t, "a__b/Good.profile-meta.xml", c.Files[0].Path)
	require.Len(t, c.Skipped, 2)
	assert.Equal(t, "a__b/Conflict.profile-meta.xml", c.Skipped[0].Path)
	assert.Contains(t, c.Skipped[0].Err.Error(), "parse permissions")
	assert.Equal(t, "a__b/NoName.profile-meta.xml", c.Skipped[1].Path)
	assert.Contains(t, c.Skipped[1].Err.Error(), "without a <name>")
}

func TestScanRejectsFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "corpus.txt")
	require.NoError(t, os.WriteFile(path, nil, 0o644))

	_, err := Scan(path)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "is not a folder")
}

func TestManifestThatIsNotAPackage(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"a__b/config/broken.xml":          "<Package><version>41.0",
		"a__b/config/other.xml":           "<CustomLabels><version>42.0</version></CustomLabels>",
		"a__b/profiles/X.profile":         "<Profile/>",
		"a__b/x/Y.permissionset-meta.xml": "<PermissionSet/>",
	}
	for name, content := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, []byte(content), 0o644))
	}

	c, err := Scan(dir)
	require.NoError(t, err)
	assert.Equal(t, []Repo{{Name: "a/b", APIVersion: UnknownVersion}}, c.Repos)
}

func TestCompareVersions(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		want int
	}{
		{name: "equal", a: "60.0", b: "60.0", want: 0},
		{name: "numeric not lexical", a: "9.0", b: "38.0", want: -1},
		{name: "minor decides", a: "60.1", b: "60.0", want: 1},
		{name: "unknown after known", a: UnknownVersion, b: "67.0", want: 1},
		{name: "known before unknown", a: "38.0", b: UnknownVersion, want: -1},
		{name: "two unknowns", a: UnknownVersion, b: UnknownVersion, want: 0},
		{name: "no minor part is not a version", a: "60", b: "59.0", want: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, CompareVersions(tt.a, tt.b))
		})
	}
}
