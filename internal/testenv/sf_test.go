package testenv

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// writeProject writes a minimal Salesforce DX project with two profiles and
// a permission set, and returns its folder.
func writeProject(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"sfdx-project.json": `{
  "packageDirectories": [{ "path": "force-app", "default": true }],
  "name": "testenv",
  "sourceApiVersion": "66.0"
}
`,
		"force-app/main/default/profiles/Minimum Access.profile-meta.xml": validProfile,
		"force-app/main/default/profiles/Integration.profile-meta.xml":    validProfile,
		"force-app/main/default/permissionsets/Api_Only.permissionset-meta.xml": `<?xml version="1.0" encoding="UTF-8"?>
<PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata">
    <label>API Only</label>
</PermissionSet>
`,
	}
	for name, content := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, []byte(content), 0o644))
	}
	return dir
}

// TestRunSFGenerateManifest also records the exact bytes of a manifest
// written by sf project generate manifest: an XML declaration without
// standalone, four-space indentation, types sorted by name, members sorted
// within each type, the version last and a final newline.
func TestRunSFGenerateManifest(t *testing.T) {
	project := writeProject(t)
	out := t.TempDir()

	RunSF(t, project, "project", "generate", "manifest", "--source-dir", "force-app", "--output-dir", out)

	got, err := os.ReadFile(filepath.Join(out, "package.xml"))
	require.NoError(t, err)
	want := `<?xml version="1.0" encoding="UTF-8"?>
<Package xmlns="http://soap.sforce.com/2006/04/metadata">
    <types>
        <members>Api_Only</members>
        <name>PermissionSet</name>
    </types>
    <types>
        <members>Integration</members>
        <members>Minimum Access</members>
        <name>Profile</name>
    </types>
    <version>66.0</version>
</Package>
`
	if diff := cmp.Diff(want, string(got)); diff != "" {
		t.Errorf("package.xml (-want +got):\n%s", diff)
	}
}

func TestRunSFConvertSource(t *testing.T) {
	project := writeProject(t)
	out := filepath.Join(t.TempDir(), "mdapi")

	RunSF(t, project, "project", "convert", "source", "--source-dir", "force-app", "--output-dir", out)

	for _, name := range []string{"package.xml", "profiles/Integration.profile", "profiles/Minimum Access.profile", "permissionsets/Api_Only.permissionset"} {
		assert.FileExists(t, filepath.Join(out, filepath.FromSlash(name)))
	}
	converted, err := os.ReadFile(filepath.Join(out, "profiles", "Integration.profile"))
	require.NoError(t, err)
	assert.Equal(t, validProfile, string(converted), "convert copies the file unchanged")
}

func TestRunSFFailureStopsTest(t *testing.T) {
	SF(t)
	notAProject := t.TempDir()

	r := record(t, func(tb testing.TB) {
		RunSF(tb, notAProject, "project", "generate", "manifest", "--source-dir", "force-app")
	})

	assert.Contains(t, r.fatal, "sf project generate manifest --source-dir force-app", "the report shows the command")
	assert.Contains(t, r.fatal, "RequiresProjectError", "the report shows what sf printed")
}

func TestRunSFKeepsHomeUntouched(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CACHE_HOME", "")

	RunSF(t, t.TempDir(), "--version")

	entries, err := os.ReadDir(home)
	require.NoError(t, err)
	assert.Empty(t, entries, "sf wrote to HOME")
}
