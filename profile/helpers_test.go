package profile_test

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/sfharden/sfharden/field"
	"github.com/sfharden/sfharden/internal/testenv"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// wantError is an expected error, matched by kind and path only.
type wantError struct {
	Kind field.Kind
	Path string
}

func errorsOf(t *testing.T, err error) []wantError {
	t.Helper()
	if err == nil {
		return nil
	}
	var list field.List
	require.True(t, errors.As(err, &list), "error is a %T, not a field.List: %v", err, err)
	got := make([]wantError, len(list))
	for i, e := range list {
		got[i] = wantError{Kind: e.Kind, Path: e.Path}
	}
	return got
}

// checkGolden compares data with testdata/name, rewriting the file under
// -update, and validates the file against the Metadata API schema.
func checkGolden(t *testing.T, name string, data []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.WriteFile(path, data, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -update to create the golden file")
	if diff := cmp.Diff(string(want), string(data)); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", name, diff)
	}
	testenv.ValidateXMLBytes(t, name, data)
}
