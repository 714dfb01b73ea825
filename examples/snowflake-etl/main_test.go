package main

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/sfharden/sfharden"
	"github.com/sfharden/sfharden/internal/treetest"
)

// TestProgramMatchesSpecFile checks that the Go program and
// integration.yaml describe the same integration, down to the bytes of
// every generated file.
func TestProgramMatchesSpecFile(t *testing.T) {
	now := time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)
	fromGo, err := sfharden.Build(Spec(), sfharden.BuildOptions{Now: now})
	require.NoError(t, err)
	spec, err := sfharden.LoadSpec("integration.yaml")
	require.NoError(t, err)
	fromYAML, err := sfharden.Build(spec, sfharden.BuildOptions{Now: now})
	require.NoError(t, err)

	goDir := filepath.Join(t.TempDir(), "go")
	yamlDir := filepath.Join(t.TempDir(), "yaml")
	require.NoError(t, fromGo.Write(goDir, sfharden.WriteOptions{ProjectName: "snowflake-etl"}))
	require.NoError(t, fromYAML.Write(yamlDir, sfharden.WriteOptions{ProjectName: "snowflake-etl"}))
	fromFile, fromCode := treetest.Read(t, yamlDir), treetest.Read(t, goDir)
	// The lock names the spec file, which the program does not have.
	delete(fromFile, sfharden.LockPath)
	delete(fromCode, sfharden.LockPath)
	if diff := cmp.Diff(fromFile, fromCode); diff != "" {
		t.Errorf("main.go and integration.yaml give different projects (-yaml +go):\n%s", diff)
	}
}
