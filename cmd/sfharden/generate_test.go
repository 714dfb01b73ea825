package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const exampleSpec = "../../examples/snowflake-etl/integration.yaml"

func TestGenerateWritesProject(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	code, stdout, stderr := runCommand("generate", "-o", out, exampleSpec)
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stdout, "wrote 1 integration(s)")
	for _, rel := range []string{"sfdx-project.json", "manifest/package.xml", "RUNBOOK.md",
		"force-app/main/default/profiles/Snowflake_ETL.profile-meta.xml",
		"scripts/apex/create-Snowflake_ETL-user.apex", "config/Snowflake_ETL-user-def.json"} {
		assert.FileExists(t, filepath.Join(out, filepath.FromSlash(rel)))
	}
}

func TestGenerateInvalidSpecWritesNothing(t *testing.T) {
	dir := t.TempDir()
	spec := filepath.Join(dir, "spec.yaml")
	require.NoError(t, os.WriteFile(spec, []byte(`integrations:
  - name: Orders_Sync
    contactEmail: ops@example.com
    user:
      username: orders@example.com
    network:
      allow: [203.0.113.0/24]
    access:
      userPermissions: [ModifyAllData]
`), 0o644))
	out := filepath.Join(dir, "out")
	code, _, stderr := runCommand("generate", "-o", out, spec)
	assert.Equal(t, exitFindings, code)
	var forbidden string
	for _, line := range strings.Split(strings.TrimSpace(stderr), "\n") {
		assert.True(t, strings.HasPrefix(line, spec+":"), "every error line starts with the spec file: %s", line)
		if strings.HasPrefix(line, spec+":9:25: integrations[0].access.userPermissions[0]: forbidden: ") {
			forbidden = line
		}
	}
	assert.Contains(t, forbidden, "add a waiver", stderr)
	assert.NoDirExists(t, out)
}

func TestGenerateIntoRequiresProject(t *testing.T) {
	code, _, stderr := runCommand("generate", "--into", t.TempDir(), exampleSpec)
	assert.Equal(t, exitError, code)
	assert.Contains(t, stderr, "is not an sf project")
}

func TestGenerateIntoExistingProject(t *testing.T) {
	out := filepath.Join(t.TempDir(), "proj")
	code, _, stderr := runCommand("generate", "-o", out, exampleSpec)
	require.Equal(t, exitOK, code, stderr)
	extra := filepath.Join(out, "force-app", "main", "default", "classes", "Keep.cls")
	require.NoError(t, os.MkdirAll(filepath.Dir(extra), 0o755))
	require.NoError(t, os.WriteFile(extra, []byte("public class Keep {}"), 0o644))

	code, _, stderr = runCommand("generate", "--into", out, "../../examples/webhook-receiver/integration.yaml")
	require.Equal(t, exitOK, code, stderr)
	assert.FileExists(t, extra, "other files are left as they were")
	assert.FileExists(t, filepath.Join(out, "force-app/main/default/connectedApps/Webhook_Receiver.connectedApp-meta.xml"))
	manifest, err := os.ReadFile(filepath.Join(out, "manifest", "package.xml"))
	require.NoError(t, err)
	assert.Contains(t, string(manifest), "<members>Snowflake_ETL</members>")
	assert.Contains(t, string(manifest), "<members>Webhook_Receiver</members>")
}

func TestGenerateUnwritableOutput(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	require.NoError(t, os.WriteFile(file, nil, 0o644))
	code, _, stderr := runCommand("generate", "-o", filepath.Join(file, "out"), exampleSpec)
	assert.Equal(t, exitError, code)
	assert.Contains(t, stderr, "sfharden generate:")
	assert.Equal(t, 1, strings.Count(strings.TrimSpace(stderr), "sfharden generate:"), stderr)
}

func TestValidate(t *testing.T) {
	code, stdout, stderr := runCommand("validate", exampleSpec)
	assert.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stdout, "pass every check")

	code, _, stderr = runCommand("validate", filepath.Join(t.TempDir(), "missing.yaml"))
	assert.Equal(t, exitError, code)
	assert.Contains(t, stderr, "read spec")

	code, _, _ = runCommand("validate")
	assert.Equal(t, exitError, code)
}

func TestHelpOfEveryCommandHasExample(t *testing.T) {
	for _, c := range commands {
		if c.name == "version" {
			continue
		}
		t.Run(c.name, func(t *testing.T) {
			code, stdout, _ := runCommand(c.name, "--help")
			assert.Equal(t, exitOK, code)
			assert.Contains(t, stdout, "Example:")
		})
	}
}

func TestGenerateOutAndIntoTogether(t *testing.T) {
	code, _, stderr := runCommand("generate", "-o", t.TempDir(), "--into", t.TempDir(), exampleSpec)
	assert.Equal(t, exitError, code)
	assert.Contains(t, stderr, "not both")
}
