package connectedapp

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfharden/sfharden/internal/mdxml"
	"github.com/sfharden/sfharden/internal/testenv"
)

// sampleParsers maps the source-format suffix of each modelled file type to
// the function that reads such a file.
var sampleParsers = map[string]func(path string) (any, error){
	".connectedApp-meta.xml": func(path string) (any, error) { return ParseFile(path) },
	".eca-meta.xml":          func(path string) (any, error) { return ParseExternalClientAppFile(path) },
	".ecaGlblOauth-meta.xml": func(path string) (any, error) { return ParseGlobalOAuthSettingsFile(path) },
	".ecaOauth-meta.xml":     func(path string) (any, error) { return ParseOAuthSettingsFile(path) },
	".ecaOauthPlcy-meta.xml": func(path string) (any, error) { return ParseOAuthPoliciesFile(path) },
	".ecaPlcy-meta.xml":      func(path string) (any, error) { return ParsePoliciesFile(path) },
}

// TestSamplesRoundTrip reads every retrieved Connected App and External
// Client App file among the samples and writes it back to the same bytes.
// Some hold elements newer than API v66.0 and some hold ${NAME}
// placeholders; both must survive.
func TestSamplesRoundTrip(t *testing.T) {
	// Three Connected Apps, five files of one External Client App and
	// three of another.
	roundTripAll(t, sampleRoot(t), 11)
}

// TestCorpusRoundTrip does the same for the app files of the corpus of
// retrieved projects.
func TestCorpusRoundTrip(t *testing.T) {
	roundTripAll(t, testenv.Corpus(t), 1)
}

func roundTripAll(t *testing.T, root string, minFiles int) {
	var files []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && sampleParser(path) != nil {
			files = append(files, path)
		}
		return nil
	})
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(files), minFiles, "too few app files under %s", root)

	for _, path := range files {
		rel, _ := filepath.Rel(root, path)
		t.Run(rel, func(t *testing.T) {
			want, err := os.ReadFile(path)
			require.NoError(t, err)
			value, err := sampleParser(path)(path)
			require.NoError(t, err)

			got, err := mdxml.Marshal(value)
			require.NoError(t, err)
			assert.Equal(t, string(want), string(got))
		})
	}
}

func TestSamplesKeepNewerElements(t *testing.T) {
	root := sampleRoot(t)
	global, err := ParseGlobalOAuthSettingsFile(filepath.Join(root,
		"extlClntAppGlobalOauthSets", "X3B_Authentication_App_glbloauth.ecaGlblOauth-meta.xml"))
	require.NoError(t, err)

	var unknown []string
	for _, u := range global.Extra.Unknown {
		unknown = append(unknown, u.Element.Tag)
	}
	assert.Equal(t, []string{"isDPopEnabled", "isEnforceRefreshTokenTTL"}, unknown)
	assert.Equal(t, "X3B_Authentication_App_glbloauth", global.FullName)
}

func TestSamplesStoredCredentials(t *testing.T) {
	root := sampleRoot(t)
	tests := []struct {
		path string
		want []string
	}{
		{"connectedApps/Azure_OAuth_Connected_App.connectedApp-meta.xml", []string{"oauthConfig/consumerKey"}},
		{"extlClntAppGlobalOauthSets/X3B_Authentication_App_glbloauth.ecaGlblOauth-meta.xml", []string{"consumerKey"}},
		{"minlopro-eca/externalClientApps/MinloproSalesforceLoopback.eca-meta.xml", nil},
	}
	for _, tc := range tests {
		t.Run(tc.path, func(t *testing.T) {
			path := filepath.Join(root, filepath.FromSlash(tc.path))
			value, err := sampleParser(path)(path)
			require.NoError(t, err)
			assert.Equal(t, tc.want, StoredCredentials(value))
		})
	}
}

// TestSamplesScopeSpelling checks the facts the scope table relies on: a
// retrieved External Client App joins scopes with ", " in WSDL order and
// spells SFAP as SFApiPlatform.
func TestSamplesScopeSpelling(t *testing.T) {
	root := sampleRoot(t)
	settings, err := ParseOAuthSettingsFile(filepath.Join(root,
		"minlopro-eca", "extlClntAppOauthSettings", "MinloproSalesforceLoopback_oauth.ecaOauth-meta.xml"))
	require.NoError(t, err)

	scopes := strings.Split(settings.CommaSeparatedOAuthScopes, ", ")
	for i, scope := range scopes {
		if scope == "SFApiPlatform" {
			scopes[i] = "SFAP"
		}
	}
	assert.Equal(t, settings.CommaSeparatedOAuthScopes, ecaScopeList(scopes))
}

func sampleParser(path string) func(string) (any, error) {
	for suffix, parse := range sampleParsers {
		if strings.HasSuffix(path, suffix) {
			return parse
		}
	}
	return nil
}

func sampleRoot(t *testing.T) string {
	t.Helper()
	return testenv.Samples(t)
}
