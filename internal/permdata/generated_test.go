package permdata

import (
	"bufio"
	"os"
	"regexp"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/sfharden/sfharden/internal/permdata/internal/corpus"
)

// corpusDir returns $SFHARDEN_CORPUS. When it is unset the test is skipped,
// or fails when SFHARDEN_REQUIRE_TOOLS=1.
func corpusDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("SFHARDEN_CORPUS")
	if dir != "" {
		return dir
	}
	if os.Getenv("SFHARDEN_REQUIRE_TOOLS") == "1" {
		t.Fatal("SFHARDEN_CORPUS is not set: set it to the folder of the retrieved metadata corpus")
	}
	t.Skip("SFHARDEN_CORPUS is not set: set it to the folder of the retrieved metadata corpus to run this test")
	return ""
}

// scanCorpus scans dir once for all the tests of this file.
var scanCorpus = sync.OnceValues(func() (*corpus.Corpus, error) {
	return corpus.Scan(os.Getenv("SFHARDEN_CORPUS"))
})

func TestGeneratedFileHeader(t *testing.T) {
	f, err := os.Open("zz_generated_permissions.go")
	require.NoError(t, err)
	defer f.Close()

	scanner := bufio.NewScanner(f)
	require.True(t, scanner.Scan(), "zz_generated_permissions.go is empty")
	// The form that Go tools recognise as a generated file.
	require.Regexp(t, regexp.MustCompile(`^// Code generated .* DO NOT EDIT\.$`), scanner.Text())
}

func TestGeneratedFileUpToDate(t *testing.T) {
	dir := corpusDir(t)

	c, err := scanCorpus()
	require.NoError(t, err)
	want, err := c.Render()
	require.NoError(t, err)
	got, err := os.ReadFile("zz_generated_permissions.go")
	require.NoError(t, err)

	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("zz_generated_permissions.go is out of date; run SFHARDEN_CORPUS=%s go generate ./internal/permdata (-want +got):\n%s", dir, diff)
	}
}

// TestPlatformDependenciesHoldInCorpus checks the dependency table against
// real retrieved files: Salesforce keeps a platform dependency inside every
// profile and permission set it saves, so a corpus file at or above the
// dependency's API version that grants Permission must grant Requires too.
func TestPlatformDependenciesHoldInCorpus(t *testing.T) {
	corpusDir(t)

	c, err := scanCorpus()
	require.NoError(t, err)

	enabledByFile := make([]map[string]bool, len(c.Files))
	for i, file := range c.Files {
		enabled := map[string]bool{}
		for _, g := range file.Grants {
			enabled[g.Name] = enabled[g.Name] || g.Enabled
		}
		enabledByFile[i] = enabled
	}

	checked := 0
	for _, d := range dependencies {
		if d.Basis != BasisPlatform {
			continue
		}
		for i, file := range c.Files {
			enabled := enabledByFile[i]
			if !enabled[d.Permission] || corpus.CompareVersions(file.Repo.APIVersion, d.APIVersion) < 0 {
				continue
			}
			checked++
			if !enabled[d.Requires] {
				t.Errorf("%s (API %s) grants %s without %s", file.Path, file.Repo.APIVersion, d.Permission, d.Requires)
			}
		}
	}
	require.Positive(t, checked, "no corpus file grants a permission of the dependency table")
}
