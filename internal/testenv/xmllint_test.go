package testenv

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const validProfile = `<?xml version="1.0" encoding="UTF-8"?>
<Profile xmlns="http://soap.sforce.com/2006/04/metadata">
    <custom>true</custom>
    <userLicense>Salesforce Integration</userLicense>
</Profile>
`

// unknownElementProfile is well formed but has an element that the Profile
// type does not define.
const unknownElementProfile = `<?xml version="1.0" encoding="UTF-8"?>
<Profile xmlns="http://soap.sforce.com/2006/04/metadata">
    <custom>true</custom>
    <modifyEverything>true</modifyEverything>
</Profile>
`

// truncatedProfile is not well formed: the root element is never closed.
const truncatedProfile = `<?xml version="1.0" encoding="UTF-8"?>
<Profile xmlns="http://soap.sforce.com/2006/04/metadata">
    <custom>true</custom>
`

func TestValidateXML(t *testing.T) {
	Schema(t)
	Xmllint(t)
	dir := t.TempDir()

	cases := []struct {
		name      string
		file      string
		content   string // no file is written when empty
		wantError string // a part of xmllint's message, or "" for a valid file
	}{
		{name: "valid profile", file: "Valid.profile-meta.xml", content: validProfile},
		{name: "valid profile with spaces in name", file: "Minimum Access.profile-meta.xml", content: validProfile},
		{name: "unknown element", file: "Unknown.profile-meta.xml", content: unknownElementProfile, wantError: "modifyEverything"},
		{name: "not well formed", file: "Truncated.profile-meta.xml", content: truncatedProfile, wantError: "parser error"},
		{name: "empty file", file: "Empty.profile-meta.xml", content: "\n", wantError: "parser error"},
		{name: "missing file", file: "Missing.profile-meta.xml", wantError: "no such file"},
	}

	var files []string
	for _, tc := range cases {
		path := filepath.Join(dir, tc.file)
		if tc.content != "" {
			require.NoError(t, os.WriteFile(path, []byte(tc.content), 0o644))
		}
		files = append(files, path)
	}

	r := record(t, func(tb testing.TB) { ValidateXML(tb, files...) })

	require.Empty(t, r.fatal)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, tc.file)
			reports := reportsAbout(r.errors, path)
			if tc.wantError == "" {
				assert.Empty(t, reports)
				return
			}
			require.Len(t, reports, 1)
			assert.Contains(t, reports[0], tc.wantError)
		})
	}
	assert.Len(t, r.errors, 4, "one report for each bad file:\n%s", strings.Join(r.errors, "\n"))
}

func TestValidateXMLBatches(t *testing.T) {
	Schema(t)
	Xmllint(t)
	defer func(files int) { maxBatchFiles = files }(maxBatchFiles)
	maxBatchFiles = 2
	dir := t.TempDir()

	contents := []string{validProfile, unknownElementProfile, validProfile, validProfile, unknownElementProfile}
	var files, wantInvalid []string
	for i, content := range contents {
		path := filepath.Join(dir, "Batch"+string(rune('A'+i))+".profile-meta.xml")
		require.NoError(t, os.WriteFile(path, []byte(content), 0o644))
		files = append(files, path)
		if content != validProfile {
			wantInvalid = append(wantInvalid, path)
		}
	}

	r := record(t, func(tb testing.TB) { ValidateXML(tb, files...) })

	var gotInvalid []string
	for _, file := range files {
		if len(reportsAbout(r.errors, file)) > 0 {
			gotInvalid = append(gotInvalid, file)
		}
	}
	if diff := cmp.Diff(wantInvalid, gotInvalid); diff != "" {
		t.Errorf("invalid files (-want +got):\n%s", diff)
	}
	assert.Len(t, r.errors, len(wantInvalid))
}

func TestValidateXMLBytes(t *testing.T) {
	Schema(t)
	Xmllint(t)

	cases := []struct {
		name      string
		content   string
		wantError bool
	}{
		{name: "valid profile", content: validProfile},
		{name: "unknown element", content: unknownElementProfile, wantError: true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := record(t, func(tb testing.TB) {
				ValidateXMLBytes(tb, "Integration.profile-meta.xml", []byte(tc.content))
			})

			require.Empty(t, r.fatal)
			if !tc.wantError {
				assert.Empty(t, r.errors)
				return
			}
			require.Len(t, r.errors, 1)
			assert.Contains(t, r.errors[0], "Integration.profile-meta.xml")
			assert.Contains(t, r.errors[0], "modifyEverything")
		})
	}
}

func TestValidateXMLNameLikeOption(t *testing.T) {
	Schema(t)
	Xmllint(t)
	t.Chdir(t.TempDir())
	require.NoError(t, os.WriteFile("--version.profile-meta.xml", []byte(unknownElementProfile), 0o644))

	r := record(t, func(tb testing.TB) { ValidateXML(tb, "--version.profile-meta.xml") })

	require.Len(t, r.errors, 1)
	assert.Contains(t, r.errors[0], "modifyEverything")
}

func TestValidateXMLNoFiles(t *testing.T) {
	t.Setenv(SchemaVar, "")
	t.Setenv(RequireToolsVar, "1")

	r := record(t, func(tb testing.TB) { ValidateXML(tb) })

	assert.Empty(t, r.fatal, "no files need no schema")
	assert.Empty(t, r.errors)
}

func TestSplitBatches(t *testing.T) {
	defer func(files, size int) { maxBatchFiles, maxBatchBytes = files, size }(maxBatchFiles, maxBatchBytes)

	cases := []struct {
		name     string
		maxFiles int
		maxBytes int
		files    []string
		want     [][]string
	}{
		{name: "none", maxFiles: 2, maxBytes: 100, files: nil, want: nil},
		{name: "one batch", maxFiles: 3, maxBytes: 100, files: []string{"a", "b"}, want: [][]string{{"a", "b"}}},
		{name: "split by count", maxFiles: 2, maxBytes: 100, files: []string{"a", "b", "c"}, want: [][]string{{"a", "b"}, {"c"}}},
		{name: "split by bytes", maxFiles: 10, maxBytes: 6, files: []string{"aa", "bb", "cc"}, want: [][]string{{"aa", "bb"}, {"cc"}}},
		{name: "name longer than limit gets own batch", maxFiles: 10, maxBytes: 3, files: []string{"long", "b"}, want: [][]string{{"long"}, {"b"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			maxBatchFiles, maxBatchBytes = tc.maxFiles, tc.maxBytes

			got := splitBatches(tc.files)

			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("batches (-want +got):\n%s", diff)
			}
		})
	}
}

func TestFileOfLine(t *testing.T) {
	files := []string{"a", "a b.xml", "c.xml"}
	cases := []struct {
		name string
		line string
		want string
	}{
		{name: "validates line", line: "c.xml validates", want: "c.xml"},
		{name: "longest name wins", line: "a b.xml fails to validate", want: "a b.xml"},
		{name: "short name with colon", line: "a:3: parser error : x", want: "a"},
		{name: "continuation line", line: "    ^", want: ""},
		{name: "prefix without separator", line: "c.xmlx validates", want: ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, fileOfLine(files, tc.line))
		})
	}
}

// reportsAbout returns the reports that start with path, which is how
// ValidateXML names the file a report is about.
func reportsAbout(reports []string, path string) []string {
	var about []string
	for _, report := range reports {
		if strings.HasPrefix(report, path+" ") || strings.HasPrefix(report, "validate "+path+":") {
			about = append(about, report)
		}
	}
	return about
}
