package kinds_test

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfharden/sfharden/internal/kinds"
	"github.com/sfharden/sfharden/internal/mdxml"
)

// notRetrieveFormat lists the corpus files that were not written by a
// Salesforce retrieve, so a canonical writer changes them, with the reason.
var notRetrieveFormat = map[string]string{
	"Epic-ATS__NightlyBackup/force-app/main/default/profiles/Admin.profile-meta.xml":                                                                    "written by Copado: a fullName element and no final newline",
	"Epic-ATS__NightlyBackup/force-app/main/default/profiles/Minimum Access - API Only Integrations.profile-meta.xml":                                   "written by Copado: a fullName element and no final newline",
	"Epic-ATS__NightlyBackup/force-app/main/default/permissionsets/X2cloudnine_Pay_Transactions_Permission_Set.permissionset-meta.xml":                  "committed with CRLF line ends",
	"BetterLifeGroup__BB_Salesforce/force-app/main/default/profiles/Test sys admin.profile-meta.xml":                                                    "389 fieldPermissions entries appear twice, out of order, as a bad merge leaves them",
	"SFDC-Assets__transaction-security/force-app/main/default/permissionsets/TransactionSecurity.permissionset-meta.xml":                                "one userPermissions entry indented by hand",
	"ArlanisSOU__edenred-fullcopy/manifest/package.xml":                                                                                                 "a hand-kept manifest: types not sorted by name",
	"AureusTmc__FullcopyNetsuite/manifest/package.xml":                                                                                                  "an old manifest generator: standalone=\"yes\" and no final newline",
	"lumonoy__lumonCode/manifest/package.xml":                                                                                                           "an old manifest generator: standalone=\"yes\" and no final newline",
	"GSA__SF_WorkSpace/manifest/release_package.xml":                                                                                                    "hand-written: no XML declaration, irregular indentation, blank lines",
	"SFDC-Assets__transaction-security/force-app/main/default/transactionSecurityPolicies/BlockDownloadingFilesfrom.transactionSecurityPolicy-meta.xml": "executionUser written after type, out of schema order, and no final newline",
	"SFDC-Assets__transaction-security/force-app/main/default/transactionSecurityPolicies/ReportExportBlocked.transactionSecurityPolicy-meta.xml":       "no final newline",
	"SFDC-Assets__transaction-security/force-app/main/default/transactionSecurityPolicies/Reportscannotcontainconfi.transactionSecurityPolicy-meta.xml": "no final newline",
	"mdapi-format/Exygy__sf-dahlia-salesforce/src/package-all.xml":                                                                                      "hand-edited: irregular indentation and member order",
}

func corpusDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("SFHARDEN_CORPUS")
	if dir == "" {
		if os.Getenv("SFHARDEN_REQUIRE_TOOLS") == "1" {
			t.Fatal("SFHARDEN_CORPUS is not set; it must name the shared corpus of real metadata files")
		}
		t.Skip("SFHARDEN_CORPUS is not set; set it to the shared corpus folder to run the round-trip checks")
	}
	return dir
}

// corpusFiles returns the corpus files of modelled kinds, relative to dir.
func corpusFiles(t *testing.T, dir string) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if _, ok := kinds.ForFile(path); ok {
			rel, _ := filepath.Rel(dir, path)
			files = append(files, filepath.ToSlash(rel))
		}
		return nil
	})
	require.NoError(t, err)
	return files
}

func TestCorpusRoundTrip(t *testing.T) {
	dir := corpusDir(t)
	files := corpusFiles(t, dir)
	require.NotEmpty(t, files)
	identical := 0
	for _, rel := range files {
		t.Run(rel, func(t *testing.T) {
			kind, _ := kinds.ForFile(rel)
			data, err := os.ReadFile(filepath.Join(dir, rel))
			require.NoError(t, err)
			v := kind.New()
			require.NoError(t, mdxml.Unmarshal(data, v))
			out, err := mdxml.Marshal(v)
			require.NoError(t, err)

			if reason, ok := notRetrieveFormat[rel]; ok {
				assert.NotEqual(t, string(data), string(out), "listed as not in retrieve format (%s), but it round-trips unchanged", reason)
				// The canonical form is stable.
				again := kind.New()
				require.NoError(t, mdxml.Unmarshal(out, again))
				out2, err := mdxml.Marshal(again)
				require.NoError(t, err)
				assert.Equal(t, string(out), string(out2))
				return
			}
			if bytes.Equal(data, out) {
				identical++
				return
			}
			t.Errorf("round trip changed the file; first difference at line %d", firstDiffLine(data, out))
		})
	}
	t.Logf("%d of %d corpus files round-trip to identical bytes; %d are listed as not in retrieve format", identical, len(files), len(notRetrieveFormat))
}

func firstDiffLine(a, b []byte) int {
	la := strings.Split(string(a), "\n")
	lb := strings.Split(string(b), "\n")
	for i := range min(len(la), len(lb)) {
		if la[i] != lb[i] {
			return i + 1
		}
	}
	return min(len(la), len(lb)) + 1
}

func TestForFile(t *testing.T) {
	tests := map[string]string{
		"force-app/main/default/profiles/Admin.profile-meta.xml":                  "Profile",
		"src/profiles/Admin.profile":                                              "Profile",
		"force-app/main/default/permissionsets/Orders_API.permissionset-meta.xml": "PermissionSet",
		"x/externalClientApps/App.eca-meta.xml":                                   "ExternalClientApplication",
		"manifest/package.xml":                                                    "Package",
		"manifest/destructiveChangesPost.xml":                                     "Package",
		"force-app/main/default/classes/Sync.cls-meta.xml":                        "ApexClass",
		"src/classes/Sync.cls-meta.xml":                                           "ApexClass",
	}
	for path, want := range tests {
		k, ok := kinds.ForFile(path)
		if assert.True(t, ok, path) {
			assert.Equal(t, want, k.Type, path)
		}
	}
	for _, path := range []string{"classes/A.cls", "README.md", "sfdx-project.json", "objects/Account.object-meta.xml"} {
		_, ok := kinds.ForFile(path)
		assert.False(t, ok, path)
	}
}

func TestEveryKindMatchesTheSchema(t *testing.T) {
	for _, k := range append(kinds.All, kinds.Manifest) {
		assert.NoError(t, mdxml.CheckType(k.New()), k.Type)
	}
}
