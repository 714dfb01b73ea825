package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	testCorpus = "../internal/corpus/testdata/corpus"
	testGolden = "../internal/corpus/testdata/zz_generated_permissions.golden"
)

func TestRunWritesTable(t *testing.T) {
	out := filepath.Join(t.TempDir(), outputName)
	require.NoError(t, run([]string{"-corpus", testCorpus, "-o", out}))

	got, err := os.ReadFile(out)
	require.NoError(t, err)
	want, err := os.ReadFile(testGolden)
	require.NoError(t, err)
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("written table (-want +got):\n%s", diff)
	}
}

func TestRunWarnsAboutSkippedFiles(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a__b", "Broken.profile-meta.xml")
	require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
	require.NoError(t, os.WriteFile(path, []byte("<Profile><userPermissions>"), 0o644))

	var warnings bytes.Buffer
	stderr = &warnings
	t.Cleanup(func() { stderr = os.Stderr })

	require.NoError(t, run([]string{"-corpus", dir, "-o", filepath.Join(dir, outputName)}))
	assert.Contains(t, warnings.String(), "skipped a__b/Broken.profile-meta.xml")
}

func TestRunErrors(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		wantErr string
	}{
		{name: "missing corpus flag", args: nil, wantErr: "SFHARDEN_CORPUS"},
		{name: "empty corpus flag, as go generate passes an unset variable", args: []string{"-corpus", ""}, wantErr: "missing -corpus"},
		{name: "corpus folder absent", args: []string{"-corpus", filepath.Join(t.TempDir(), "absent")}, wantErr: "read corpus"},
		{name: "unknown flag", args: []string{"-verbose"}, wantErr: "flag provided but not defined"},
		{name: "output folder absent", args: []string{"-corpus", testCorpus, "-o", filepath.Join(t.TempDir(), "absent", outputName)}, wantErr: "write generated permissions"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := run(tt.args)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.wantErr)
		})
	}
}

func TestModuleRoot(t *testing.T) {
	root, err := moduleRoot()
	require.NoError(t, err)
	assert.FileExists(t, filepath.Join(root, "go.mod"))
	assert.DirExists(t, filepath.Join(root, "internal", "permdata"))
}
