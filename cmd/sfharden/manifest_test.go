package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfharden/sfharden/internal/testenv"
)

const projectWithProfile = `{"packageDirectories": [{"path": "force-app", "default": true}], "sourceApiVersion": "61.0"}`

func TestManifestPrintsPackageXML(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"sfdx-project.json": projectWithProfile,
		"force-app/main/default/permissionsetgroups/Orders.permissionsetgroup-meta.xml": canonicalGroup,
		"force-app/main/default/profiles/Work%2Ecom Only User.profile-meta.xml":         "<Profile/>",
	})
	var stdout, stderr bytes.Buffer
	code := run([]string{"manifest", dir}, &stdout, &stderr)

	assert.Equal(t, exitOK, code, stderr.String())
	want := `<?xml version="1.0" encoding="UTF-8"?>
<Package xmlns="http://soap.sforce.com/2006/04/metadata">
    <types>
        <members>Orders</members>
        <name>PermissionSetGroup</name>
    </types>
    <types>
        <members>Work%2Ecom Only User</members>
        <name>Profile</name>
    </types>
    <version>61.0</version>
</Package>
`
	assert.Equal(t, want, stdout.String())
	assert.Empty(t, stderr.String())
}

func TestManifestWritesFileWithVersion(t *testing.T) {
	dir := writeTree(t, map[string]string{"profiles/Admin.profile-meta.xml": "<Profile/>"})
	out := filepath.Join(t.TempDir(), "package.xml")
	var stdout, stderr bytes.Buffer

	code := run([]string{"manifest", "-o", out, dir, "--api-version", "62.0"}, &stdout, &stderr)

	require.Equal(t, exitOK, code, stderr.String())
	assert.Empty(t, stdout.String())
	data, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Contains(t, string(data), "<members>Admin</members>")
	assert.Contains(t, string(data), "<version>62.0</version>")
}

func TestManifestUsageErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"no path", []string{"manifest"}},
		{"two paths", []string{"manifest", "a", "b"}},
		{"unknown flag", []string{"manifest", "--nope", "."}},
		{"missing path", []string{"manifest", filepath.Join(t.TempDir(), "missing")}},
		{"version not a number", []string{"manifest", "--api-version", "abc", "."}},
		{"version without .0", []string{"manifest", "--api-version", "66", "."}},
		{"version with minor part", []string{"manifest", "--api-version", "66.1", "."}},
		{"retired version", []string{"manifest", "--api-version", "20.0", "."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			assert.Equal(t, exitError, run(tt.args, &stdout, &stderr))
			assert.NotEmpty(t, stderr.String())
			assert.Empty(t, stdout.String(), "no manifest is printed")
		})
	}
}

func TestManifestHelpHasExample(t *testing.T) {
	var stdout, stderr bytes.Buffer
	assert.Equal(t, exitOK, run([]string{"manifest", "--help"}, &stdout, &stderr))
	assert.Contains(t, stdout.String(), "Example:\n  sfharden manifest")
	assert.Contains(t, stdout.String(), "--api-version")
}

func TestManifestRejectsUnplacedFiles(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"profiles/Admin.profile-meta.xml":   "<Profile/>",
		"weird/Thing.noSuchSuffix-meta.xml": "<x/>",
	})
	out := filepath.Join(t.TempDir(), "package.xml")
	var stdout, stderr bytes.Buffer

	code := run([]string{"manifest", "-o", out, dir}, &stdout, &stderr)

	assert.Equal(t, exitError, code, "a manifest without the file would deploy less")
	assert.Contains(t, stderr.String(), "Thing.noSuchSuffix-meta.xml")
	assert.Empty(t, stdout.String())
	assert.NoFileExists(t, out, "no manifest is written")
}

// TestManifestMatchesSfCLIOnHardNames runs the command and `sf project
// generate manifest` on names, documents, labels and a .forceignore that
// each make a manifest differ when names are decoded and encoded again or
// files are placed by suffix alone.
func TestManifestMatchesSfCLIOnHardNames(t *testing.T) {
	profile := `<?xml version="1.0" encoding="UTF-8"?>
<Profile xmlns="http://soap.sforce.com/2006/04/metadata">
    <custom>true</custom>
</Profile>
`
	dir := writeTree(t, map[string]string{
		"sfdx-project.json": projectWithProfile,
		".forceignore":      "**/Ignored.profile-meta.xml\n",
		"force-app/main/default/profiles/Set.With.Dots.profile-meta.xml": profile,
		"force-app/main/default/profiles/O'Brien.profile-meta.xml":       profile,
		"force-app/main/default/profiles/Bad%ZZ.profile-meta.xml":        profile,
		"force-app/main/default/profiles/Ignored.profile-meta.xml":       profile,
		"force-app/main/default/documents/Shared/logo.png":               "png",
		"force-app/main/default/documents/Shared/logo.png-meta.xml": `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="http://soap.sforce.com/2006/04/metadata">
    <internalUseOnly>false</internalUseOnly>
    <name>logo</name>
    <public>true</public>
</Document>
`,
		"force-app/main/default/labels/CustomLabels.labels-meta.xml": `<?xml version="1.0" encoding="UTF-8"?>
<CustomLabels xmlns="http://soap.sforce.com/2006/04/metadata">
    <labels>
        <fullName>Greeting</fullName>
        <language>en_US</language>
        <protected>false</protected>
        <shortDescription>Greeting</shortDescription>
        <value>Hello</value>
    </labels>
</CustomLabels>
`,
	})
	var stdout, stderr bytes.Buffer
	code := run([]string{"manifest", dir}, &stdout, &stderr)
	require.Equal(t, exitOK, code, stderr.String())

	testenv.RunSF(t, dir, "project", "generate", "manifest", "--source-dir", "force-app", "--output-dir", "sf-out")
	want, err := os.ReadFile(filepath.Join(dir, "sf-out", "package.xml"))
	require.NoError(t, err)
	if diff := cmp.Diff(string(want), stdout.String()); diff != "" {
		t.Errorf("manifest differs from sf (-sf +sfharden):\n%s", diff)
	}
	assert.NotContains(t, stdout.String(), "Ignored")
}
