package testenv

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPathHelpers(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "metadata.xsd")
	require.NoError(t, os.WriteFile(file, []byte("<schema/>"), 0o644))
	missing := filepath.Join(dir, "missing")

	helpers := []struct {
		name   string
		envVar string
		get    func(testing.TB) string
		isDir  bool
	}{
		{"Schema", SchemaVar, Schema, false},
		{"WSDL", WSDLVar, WSDL, false},
		{"Corpus", CorpusVar, Corpus, true},
		{"Samples", SamplesVar, Samples, true},
		{"TxnSec", TxnSecVar, TxnSec, true},
	}
	for _, helper := range helpers {
		right, wrong := file, dir
		if helper.isDir {
			right, wrong = dir, file
		}
		cases := []struct {
			name    string
			value   string
			require string
			want    string // path returned, or "" when the helper must stop the test
		}{
			{name: "set", value: right, want: right},
			{name: "set while tools are required", value: right, require: "1", want: right},
			{name: "unset skips", value: ""},
			{name: "unset fails when required", value: "", require: "1"},
			{name: "missing path skips", value: missing},
			{name: "missing path fails when required", value: missing, require: "true"},
			{name: "wrong kind of path skips", value: wrong},
			{name: "wrong kind of path fails when required", value: wrong, require: "1"},
			{name: "require flag 0 still skips", value: "", require: "0"},
		}
		for _, tc := range cases {
			t.Run(helper.name+"/"+tc.name, func(t *testing.T) {
				t.Setenv(helper.envVar, tc.value)
				t.Setenv(RequireToolsVar, tc.require)

				var got string
				r := record(t, func(tb testing.TB) { got = helper.get(tb) })

				if tc.want != "" {
					assert.Equal(t, tc.want, got)
					assert.Empty(t, r.skipped, "skip message")
					assert.Empty(t, r.fatal, "fatal message")
					return
				}
				stop := r.skipped
				if RequireTools() {
					assert.Empty(t, r.skipped, "skip message")
					stop = r.fatal
				} else {
					assert.Empty(t, r.fatal, "fatal message")
				}
				assert.Contains(t, stop, helper.envVar, "the message names the variable")
			})
		}
	}
}

func TestXmllintNotOnPath(t *testing.T) {
	cases := []struct {
		name      string
		require   string
		wantFatal bool
	}{
		{name: "skips", require: ""},
		{name: "fails when required", require: "1", wantFatal: true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("PATH", t.TempDir())
			t.Setenv(RequireToolsVar, tc.require)

			r := record(t, func(tb testing.TB) { Xmllint(tb) })

			if tc.wantFatal {
				assert.Contains(t, r.fatal, "xmllint")
				assert.Empty(t, r.skipped)
			} else {
				assert.Contains(t, r.skipped, "xmllint")
				assert.Empty(t, r.fatal)
			}
		})
	}
}

func TestSFOutsideModuleAndPath(t *testing.T) {
	cases := []struct {
		name      string
		require   string
		wantFatal bool
	}{
		{name: "skips", require: ""},
		{name: "fails when required", require: "1", wantFatal: true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Chdir(t.TempDir())
			t.Setenv("PATH", t.TempDir())
			t.Setenv(RequireToolsVar, tc.require)

			r := record(t, func(tb testing.TB) { SF(tb) })

			if tc.wantFatal {
				assert.Contains(t, r.fatal, "sf not found")
				assert.Empty(t, r.skipped)
			} else {
				assert.Contains(t, r.skipped, "sf not found")
				assert.Empty(t, r.fatal)
			}
		})
	}
}

func TestSFPrefersPinnedCLI(t *testing.T) {
	root, err := moduleRoot()
	require.NoError(t, err)
	pinned := filepath.Join(root, sfInModule)
	if !isExecutable(pinned) {
		unavailable(t, "%s is not installed; run npm ci in tools/node", pinned)
	}

	// A fake sf earlier on PATH must not win over the pinned one.
	bin := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(bin, "sf"), []byte("#!/bin/sh\n"), 0o755))
	t.Setenv("PATH", bin)

	assert.Equal(t, pinned, SF(t))
}

func TestSFFallsBackToPath(t *testing.T) {
	bin := t.TempDir()
	fake := filepath.Join(bin, "sf")
	require.NoError(t, os.WriteFile(fake, []byte("#!/bin/sh\n"), 0o755))
	t.Chdir(t.TempDir())
	t.Setenv("PATH", bin)

	assert.Equal(t, fake, SF(t))
}

func TestModuleRootFindsGoMod(t *testing.T) {
	root, err := moduleRoot()
	require.NoError(t, err)

	assert.FileExists(t, filepath.Join(root, "go.mod"))
	assert.DirExists(t, filepath.Join(root, "internal", "testenv"))
}
