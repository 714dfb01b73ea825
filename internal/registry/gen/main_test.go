package main

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func TestGenerateGolden(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "registry.json"))
	require.NoError(t, err)

	got, err := generate(data, "1.2.3")
	require.NoError(t, err)

	golden := filepath.Join("testdata", "registry.golden")
	if *update {
		require.NoError(t, os.WriteFile(golden, got, 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err)
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("generated source mismatch (-want +got), run go test -update to accept:\n%s", diff)
	}
}

func TestGenerateErrors(t *testing.T) {
	tests := []struct {
		name     string
		registry string
		wantErr  string
	}{
		{
			name:     "not json",
			registry: `{"types": `,
			wantErr:  "parse registry",
		},
		{
			name:     "trailing data",
			registry: `{"types": {"a": {"name": "A", "directoryName": "as"}}} {}`,
			wantErr:  "unexpected data",
		},
		{
			name:     "no types",
			registry: `{"types": {}}`,
			wantErr:  "no types",
		},
		{
			name:     "type without name",
			registry: `{"types": {"a": {"directoryName": "as"}}}`,
			wantErr:  `type "a" has no name`,
		},
		{
			name:     "type without directory",
			registry: `{"types": {"a": {"name": "A"}}}`,
			wantErr:  `type "A" has no directoryName`,
		},
		{
			name:     "directory that leaves the package",
			registry: `{"types": {"a": {"name": "A", "directoryName": "../as"}}}`,
			wantErr:  "not a single path segment",
		},
		{
			name:     "suffix with a dot",
			registry: `{"types": {"a": {"name": "A", "directoryName": "as", "suffix": "a.b"}}}`,
			wantErr:  "contains a dot or a slash",
		},
		{
			name:     "unknown folder type id",
			registry: `{"types": {"a": {"name": "A", "directoryName": "as", "folderType": "missing"}}}`,
			wantErr:  `folderType "missing" is not a type id`,
		},
		{
			name: "child name equal to a top-level name",
			registry: `{"types": {
				"a": {"name": "A", "directoryName": "as"},
				"b": {"name": "B", "directoryName": "bs", "children": {"types": {"a2": {"name": "A", "directoryName": "as2"}}}}}}`,
			wantErr: `type name "A" occurs twice`,
		},
		{
			name: "shared suffix missing from the index",
			registry: `{"suffixes": {}, "types": {
				"a": {"name": "A", "directoryName": "as", "suffix": "x"},
				"b": {"name": "B", "directoryName": "bs", "suffix": "x"}}}`,
			wantErr: `suffix "x" is shared by 2 types`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := generate([]byte(tt.registry), "1.2.3")
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.wantErr)
		})
	}
}

func TestRunVersion(t *testing.T) {
	dir := t.TempDir()
	registryDir := filepath.Join(dir, "package", "lib", "src", "registry")
	require.NoError(t, os.MkdirAll(registryDir, 0o755))
	fixture, err := os.ReadFile(filepath.Join("testdata", "registry.json"))
	require.NoError(t, err)
	registryPath := filepath.Join(registryDir, "metadataRegistry.json")
	require.NoError(t, os.WriteFile(registryPath, fixture, 0o644))
	outPath := filepath.Join(dir, "out.go")

	t.Run("missing package.json", func(t *testing.T) {
		err := run(registryPath, "", outPath)
		require.Error(t, err)
		assert.Contains(t, err.Error(), "pass -version")
	})

	t.Run("invalid version", func(t *testing.T) {
		err := run(registryPath, "latest", outPath)
		require.Error(t, err)
		assert.Contains(t, err.Error(), `invalid -version "latest"`)
	})

	t.Run("version from package.json", func(t *testing.T) {
		manifest := `{"name": "@salesforce/source-deploy-retrieve", "version": "9.8.7"}`
		require.NoError(t, os.WriteFile(filepath.Join(dir, "package", "package.json"), []byte(manifest), 0o644))
		require.NoError(t, run(registryPath, "", outPath))
		out, err := os.ReadFile(outPath)
		require.NoError(t, err)
		assert.Contains(t, string(out), `const SDRVersion = "9.8.7"`)
	})

	t.Run("missing registry flag", func(t *testing.T) {
		err := run("", "1.2.3", outPath)
		require.Error(t, err)
		assert.Contains(t, err.Error(), "missing -registry")
	})
}

// TestCommittedTableCurrent regenerates the committed table from the registry
// file named by SFHARDEN_SDR_REGISTRY and checks that nothing changed.
func TestCommittedTableCurrent(t *testing.T) {
	registryPath := os.Getenv("SFHARDEN_SDR_REGISTRY")
	if registryPath == "" {
		t.Skip("SFHARDEN_SDR_REGISTRY is not set: set it to lib/src/registry/metadataRegistry.json of an unpacked @salesforce/source-deploy-retrieve to run this test")
	}
	data, err := os.ReadFile(registryPath)
	require.NoError(t, err)
	version := os.Getenv("SFHARDEN_SDR_VERSION")
	if version == "" {
		version, err = packageVersion(registryPath)
		require.NoError(t, err)
	}

	got, err := generate(data, version)
	require.NoError(t, err)
	want, err := os.ReadFile(filepath.Join("..", "zz_generated_registry.go"))
	require.NoError(t, err)
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("zz_generated_registry.go is out of date (-committed +generated); run go generate ./internal/registry:\n%s",
			strings.TrimSpace(diff))
	}
}
