package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const canonicalGroup = `<?xml version="1.0" encoding="UTF-8"?>
<PermissionSetGroup xmlns="http://soap.sforce.com/2006/04/metadata">
    <label>Orders</label>
    <permissionSets>Orders_API</permissionSets>
</PermissionSetGroup>
`

// messyGroup is canonicalGroup with CRLF line ends, tabs and no declaration.
const messyGroup = "<PermissionSetGroup xmlns=\"http://soap.sforce.com/2006/04/metadata\">\r\n\t<permissionSets>Orders_API</permissionSets>\r\n\t<label>Orders</label>\r\n</PermissionSetGroup>"

func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, []byte(content), 0o644))
	}
	return dir
}

func runCommand(args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestFmtCheckListsFilesToChange(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"permissionsetgroups/A.permissionsetgroup-meta.xml": messyGroup,
		"permissionsetgroups/B.permissionsetgroup-meta.xml": canonicalGroup,
		"objects/Account/Account.object-meta.xml":           "<CustomObject/>",
		"README.md": "not metadata",
	})
	code, stdout, stderr := runCommand("fmt", "--check", dir)
	assert.Equal(t, exitFindings, code)
	assert.Equal(t, filepath.Join(dir, "permissionsetgroups", "A.permissionsetgroup-meta.xml")+"\n", stdout)
	assert.Contains(t, stderr, "skipped "+filepath.Join(dir, "objects", "Account", "Account.object-meta.xml"))
	assert.NotContains(t, stderr, "README.md")

	data, err := os.ReadFile(filepath.Join(dir, "permissionsetgroups", "A.permissionsetgroup-meta.xml"))
	require.NoError(t, err)
	assert.Equal(t, messyGroup, string(data), "--check changes nothing")
}

func TestFmtRewritesInPlace(t *testing.T) {
	dir := writeTree(t, map[string]string{"A.permissionsetgroup-meta.xml": messyGroup})
	path := filepath.Join(dir, "A.permissionsetgroup-meta.xml")

	code, stdout, _ := runCommand("fmt", path)
	assert.Equal(t, exitOK, code)
	assert.Equal(t, path+"\n", stdout)
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, canonicalGroup, string(data))
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, 1, "no temporary file is left behind")

	code, stdout, _ = runCommand("fmt", "--check", path)
	assert.Equal(t, exitOK, code)
	assert.Empty(t, stdout)
}

func TestFmtInvalidFileExits2AndGoesOn(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"a/Broken.permissionsetgroup-meta.xml": "<PermissionSetGroup>\n<label>x</lab>\n</PermissionSetGroup>\n",
		"b/Messy.permissionsetgroup-meta.xml":  messyGroup,
	})
	code, stdout, stderr := runCommand("fmt", dir)
	assert.Equal(t, exitError, code)
	assert.Contains(t, stderr, filepath.Join(dir, "a", "Broken.permissionsetgroup-meta.xml")+":2:")
	assert.Contains(t, stdout, "Messy.permissionsetgroup-meta.xml", "the other files are still processed")
	data, err := os.ReadFile(filepath.Join(dir, "b", "Messy.permissionsetgroup-meta.xml"))
	require.NoError(t, err)
	assert.Equal(t, canonicalGroup, string(data))
}

func TestFmtUsageErrors(t *testing.T) {
	code, _, stderr := runCommand("fmt")
	assert.Equal(t, exitError, code)
	assert.Contains(t, stderr, "missing PATH")

	code, _, _ = runCommand("fmt", "--bogus", ".")
	assert.Equal(t, exitError, code)

	code, _, stderr = runCommand("fmt", filepath.Join(t.TempDir(), "nope"))
	assert.Equal(t, exitError, code)
	assert.Contains(t, stderr, "no such file")
}

func TestFmtHelpShowsExample(t *testing.T) {
	code, stdout, _ := runCommand("fmt", "--help")
	assert.Equal(t, exitOK, code)
	assert.Contains(t, stdout, "Example:")
	assert.Contains(t, stdout, "--check")
}

func TestFlagsAfterArguments(t *testing.T) {
	dir := writeTree(t, map[string]string{"A.permissionsetgroup-meta.xml": messyGroup})
	code, _, _ := runCommand("fmt", dir, "--check")
	assert.Equal(t, exitFindings, code)
}

func TestUnknownCommand(t *testing.T) {
	code, _, stderr := runCommand("frobnicate")
	assert.Equal(t, exitError, code)
	assert.True(t, strings.Contains(stderr, `unknown command "frobnicate"`))
}

func TestVersion(t *testing.T) {
	code, stdout, _ := runCommand("version")
	assert.Equal(t, exitOK, code)
	assert.True(t, strings.HasPrefix(stdout, "sfharden "))
}

func TestFmtWritesThroughSymlink(t *testing.T) {
	dir := writeTree(t, map[string]string{"real/A.permissionsetgroup-meta.xml": messyGroup})
	link := filepath.Join(dir, "B.permissionsetgroup-meta.xml")
	require.NoError(t, os.Symlink(filepath.Join(dir, "real", "A.permissionsetgroup-meta.xml"), link))

	code, _, stderr := runCommand("fmt", link)
	require.Equal(t, exitOK, code, stderr)
	info, err := os.Lstat(link)
	require.NoError(t, err)
	assert.NotZero(t, info.Mode()&os.ModeSymlink, "the link stays a link")
	data, err := os.ReadFile(filepath.Join(dir, "real", "A.permissionsetgroup-meta.xml"))
	require.NoError(t, err)
	assert.Equal(t, canonicalGroup, string(data))

	code, _, stderr = runCommand("fmt", "--check", dir)
	assert.Equal(t, exitOK, code)
	assert.Contains(t, stderr, "a symbolic link", "links below a folder are listed as skipped")
}

func TestFmtRefusesReadOnlyFile(t *testing.T) {
	dir := writeTree(t, map[string]string{"A.permissionsetgroup-meta.xml": messyGroup})
	path := filepath.Join(dir, "A.permissionsetgroup-meta.xml")
	require.NoError(t, os.Chmod(path, 0o444))
	code, _, stderr := runCommand("fmt", path)
	assert.Equal(t, exitError, code)
	assert.Contains(t, stderr, "read-only")
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, messyGroup, string(data))
}
