package sfharden_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfharden/sfharden"
)

// buildFile builds a spec written to a file called name in a new folder.
func buildFile(t *testing.T, name, yaml string) *sfharden.Bundle {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(path, []byte(yaml), 0o644))
	spec, err := sfharden.LoadSpec(path)
	require.NoError(t, err)
	bundle, err := sfharden.Build(spec, sfharden.BuildOptions{Now: buildTime})
	require.NoError(t, err)
	return bundle
}

func conflictsOf(t *testing.T, err error) []string {
	t.Helper()
	var conflict *sfharden.ConflictError
	require.True(t, errors.As(err, &conflict), "expected a ConflictError, got %v", err)
	return conflict.Conflicts
}

func TestWriteRefusesForeignComponent(t *testing.T) {
	// The project already has a permission set of the same name that
	// sfharden did not write: replacing it would silently change someone
	// else's access.
	dir := filepath.Join(t.TempDir(), "proj")
	bundle := buildFile(t, "spec.yaml", baseSpec)
	require.NoError(t, bundle.Write(dir, sfharden.WriteOptions{}))
	foreign := filepath.Join(dir, "force-app/main/default/permissionsets/Orders_Sync.permissionset-meta.xml")
	require.NoError(t, os.Remove(filepath.Join(dir, ".sfharden", "generated.json")))
	require.NoError(t, os.WriteFile(foreign, []byte(`<?xml version="1.0" encoding="UTF-8"?>
<PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata">
    <label>Orders Sync</label>
</PermissionSet>
`), 0o644))

	err := bundle.Write(dir, sfharden.WriteOptions{})
	conflicts := conflictsOf(t, err)
	require.Len(t, conflicts, 1)
	assert.Contains(t, conflicts[0], "PermissionSet Orders_Sync")
	assert.Contains(t, conflicts[0], "sfharden did not write it")
	data, readErr := os.ReadFile(foreign)
	require.NoError(t, readErr)
	assert.Contains(t, string(data), "<label>Orders Sync</label>", "nothing changes on a conflict")

	require.NoError(t, bundle.Write(dir, sfharden.WriteOptions{Force: true}))
}

func TestWriteRefusesChangedComponent(t *testing.T) {
	// A reviewer's hand edit after generation must not be lost silently.
	dir := filepath.Join(t.TempDir(), "proj")
	bundle := buildFile(t, "spec.yaml", baseSpec)
	require.NoError(t, bundle.Write(dir, sfharden.WriteOptions{}))
	profile := filepath.Join(dir, "force-app/main/default/profiles/Orders_Sync.profile-meta.xml")
	data, err := os.ReadFile(profile)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(profile, []byte(strings.Replace(string(data), "<custom>true</custom>", "<custom>true</custom>\n    <description>edited</description>", 1)), 0o644))

	conflicts := conflictsOf(t, bundle.Write(dir, sfharden.WriteOptions{}))
	assert.Contains(t, conflicts[0], "changed after sfharden wrote it")
}

func TestWriteRefusesOtherSpecSameName(t *testing.T) {
	// Another spec that reuses an integration's name would rebind its
	// profile, permission set and app to another user.
	dir := filepath.Join(t.TempDir(), "proj")
	require.NoError(t, buildFile(t, "orders.yaml", baseSpec).Write(dir, sfharden.WriteOptions{}))
	other := strings.Replace(baseSpec, "orders-sync@example.com", "someone-else@example.com", 1)
	conflicts := conflictsOf(t, buildFile(t, "other.yaml", other).Write(dir, sfharden.WriteOptions{}))
	assert.Contains(t, strings.Join(conflicts, "\n"), "sfharden wrote it from orders.yaml, not from other.yaml")
}

func TestWriteRefusesSharedRunAsUser(t *testing.T) {
	// Two apps running as one user cannot be revoked one at a time.
	dir := filepath.Join(t.TempDir(), "proj")
	require.NoError(t, buildFile(t, "orders.yaml", baseSpec).Write(dir, sfharden.WriteOptions{}))
	billing := strings.Replace(baseSpec, "Orders_Sync", "Billing_Sync", 1)
	conflicts := conflictsOf(t, buildFile(t, "billing.yaml", billing).Write(dir, sfharden.WriteOptions{}))
	assert.Contains(t, strings.Join(conflicts, "\n"), "runs as orders-sync@example.com, the user of integration Billing_Sync")
}

func TestWriteTwoSpecsIntoOneProject(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "proj")
	require.NoError(t, buildFile(t, "orders.yaml", baseSpec).Write(dir, sfharden.WriteOptions{}))
	billing := strings.Replace(strings.Replace(baseSpec, "Orders_Sync", "Billing_Sync", 1), "orders-sync@", "billing-sync@", 1)
	require.NoError(t, buildFile(t, "billing.yaml", billing).Write(dir, sfharden.WriteOptions{}))
	manifest, err := os.ReadFile(filepath.Join(dir, "manifest", "package.xml"))
	require.NoError(t, err)
	assert.Contains(t, string(manifest), "<members>Orders_Sync</members>")
	assert.Contains(t, string(manifest), "<members>Billing_Sync</members>")
}

func TestWriteRefusesEditedRunbook(t *testing.T) {
	// A team's own notes in RUNBOOK.md must not be overwritten silently.
	dir := filepath.Join(t.TempDir(), "proj")
	bundle := buildFile(t, "spec.yaml", baseSpec)
	require.NoError(t, bundle.Write(dir, sfharden.WriteOptions{}))
	runbook := filepath.Join(dir, "RUNBOOK.md")
	require.NoError(t, os.WriteFile(runbook, []byte("# Our own runbook\n"), 0o644))

	conflicts := conflictsOf(t, bundle.Write(dir, sfharden.WriteOptions{}))
	assert.Contains(t, strings.Join(conflicts, "\n"), "RUNBOOK.md: it was changed after sfharden wrote it")
	data, err := os.ReadFile(runbook)
	require.NoError(t, err)
	assert.Equal(t, "# Our own runbook\n", string(data))
}

func TestWriteRefusesForeignPlainFile(t *testing.T) {
	// A project's own RUNBOOK.md, which sfharden never wrote, is kept.
	dir := filepath.Join(t.TempDir(), "proj")
	require.NoError(t, os.MkdirAll(dir, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "sfdx-project.json"), []byte(`{"packageDirectories":[{"path":"force-app","default":true}]}`), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "RUNBOOK.md"), []byte("# Team runbook\n"), 0o644))

	conflicts := conflictsOf(t, buildFile(t, "spec.yaml", baseSpec).Write(dir, sfharden.WriteOptions{}))
	assert.Contains(t, strings.Join(conflicts, "\n"), "RUNBOOK.md: sfharden did not write it")
}
