package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			assert.Equal(t, exitError, run(tt.args, &stdout, &stderr))
			assert.NotEmpty(t, stderr.String())
		})
	}
}

func TestManifestHelpHasExample(t *testing.T) {
	var stdout, stderr bytes.Buffer
	assert.Equal(t, exitOK, run([]string{"manifest", "--help"}, &stdout, &stderr))
	assert.Contains(t, stdout.String(), "Example:\n  sfharden manifest")
	assert.Contains(t, stdout.String(), "--api-version")
}
