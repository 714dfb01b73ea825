package sfharden_test

import (
	"bytes"
	"errors"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfharden/sfharden"
	"github.com/sfharden/sfharden/field"
	"github.com/sfharden/sfharden/internal/testenv"
	"github.com/sfharden/sfharden/internal/treetest"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// buildTime is the build time of the golden trees: the example certificate
// is valid then, and the first rotation dates follow from it.
var buildTime = time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)

var examples = []string{"snowflake-etl", "webhook-receiver"}

// writeExample builds an example spec and writes its project into a new
// temporary folder.
func writeExample(t *testing.T, name string) (string, *sfharden.Bundle) {
	t.Helper()
	spec, err := sfharden.LoadSpec(filepath.Join("examples", name, "integration.yaml"))
	require.NoError(t, err)
	bundle, err := sfharden.Build(spec, sfharden.BuildOptions{Now: buildTime})
	require.NoError(t, err)
	dir := filepath.Join(t.TempDir(), name)
	require.NoError(t, bundle.Write(dir, sfharden.WriteOptions{ProjectName: name}))
	return dir, bundle
}

func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	return treetest.Read(t, dir)
}

func filesWithSuffix(dir string, tree map[string]string, suffixes ...string) []string {
	var out []string
	for rel := range tree {
		for _, s := range suffixes {
			if strings.HasSuffix(rel, s) {
				out = append(out, filepath.Join(dir, filepath.FromSlash(rel)))
			}
		}
	}
	return out
}

func TestExamplesMatchGoldenTrees(t *testing.T) {
	for _, name := range examples {
		t.Run(name, func(t *testing.T) {
			dir, _ := writeExample(t, name)
			got := readTree(t, dir)
			golden := filepath.Join("testdata", "golden", name)
			if *update {
				require.NoError(t, os.RemoveAll(golden))
				require.NoError(t, os.CopyFS(golden, os.DirFS(dir)))
			}
			want := readTree(t, golden)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("generated tree differs from %s (-want +got); run go test . -update if the change is intended:\n%s", golden, diff)
			}
		})
	}
}

func TestExamplesValidateAgainstSchema(t *testing.T) {
	for _, name := range examples {
		t.Run(name, func(t *testing.T) {
			dir, _ := writeExample(t, name)
			xml := filesWithSuffix(dir, readTree(t, dir), ".xml")
			require.NotEmpty(t, xml)
			testenv.ValidateXML(t, xml...)
		})
	}
}

func TestExamplesApexParses(t *testing.T) {
	for _, name := range examples {
		t.Run(name, func(t *testing.T) {
			dir, _ := writeExample(t, name)
			apex := filesWithSuffix(dir, readTree(t, dir), ".cls", ".apex")
			require.NotEmpty(t, apex)
			testenv.CheckApex(t, apex...)
		})
	}
}

// TestExamplesAgreeWithSalesforceCLI checks the project with the sf CLI
// itself: it converts, and its manifest of each package directory is
// byte for byte the one sfharden wrote.
func TestExamplesAgreeWithSalesforceCLI(t *testing.T) {
	for _, name := range examples {
		t.Run(name, func(t *testing.T) {
			dir, bundle := writeExample(t, name)
			for _, env := range bundle.Placeholders() {
				t.Setenv(env, strings.ToLower(env)+"@example.com")
			}
			manifests := map[string]string{"force-app": sfharden.ManifestPath}
			if _, err := os.Stat(filepath.Join(dir, sfharden.MonitoringDirectory)); err == nil {
				manifests[sfharden.MonitoringDirectory] = sfharden.MonitoringManifestPath
			}
			for pkg, manifest := range manifests {
				out := t.TempDir()
				testenv.RunSF(t, dir, "project", "generate", "manifest", "--source-dir", pkg, "--output-dir", out, "--api-version", bundle.APIVersion)
				theirs, err := os.ReadFile(filepath.Join(out, "package.xml"))
				require.NoError(t, err)
				ours, err := os.ReadFile(filepath.Join(dir, manifest))
				require.NoError(t, err)
				assert.Equal(t, string(theirs), string(ours), "manifest of %s", pkg)
			}
			testenv.RunSF(t, dir, "project", "convert", "source", "--source-dir", "force-app", "--output-dir", filepath.Join(t.TempDir(), "mdapi"))
		})
	}
}

// specError builds spec YAML from a base integration with edits applied,
// and returns the errors of Build.
func buildErrors(t *testing.T, yaml string) sfharden.SpecErrors {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "spec.yaml")
	require.NoError(t, os.WriteFile(path, []byte(yaml), 0o644))
	spec, err := sfharden.LoadSpec(path)
	if err == nil {
		_, err = sfharden.Build(spec, sfharden.BuildOptions{Now: buildTime})
	}
	require.Error(t, err, "the spec must be rejected")
	var list sfharden.SpecErrors
	require.True(t, errors.As(err, &list), "error %v is not SpecErrors", err)
	return list
}

const baseSpec = `integrations:
  - name: Orders_Sync
    contactEmail: ops@example.com
    user:
      username: orders-sync@example.com
    network:
      allow: [203.0.113.0/24]
    access:
      objects:
        Account: read
      fields:
        Account.Industry: read
`

func TestBadSpecs(t *testing.T) {
	tests := []struct {
		name string
		why  string // why the input is dangerous or wrong
		yaml string
		path string
		kind field.Kind
		line int
		text string
	}{
		{
			name: "missing network",
			why:  "without login IP ranges the user can log in from anywhere",
			yaml: strings.Replace(baseSpec, "    network:\n      allow: [203.0.113.0/24]\n", "", 1),
			path: "integrations[0].network.allow", kind: field.Required, line: 2,
			text: "spec.yaml:2:5: integrations[0].network.allow: required",
		},
		{
			name: "CIDR with host bits",
			why:  "203.0.113.5/24 names a network by one of its hosts; the user meant a /24 or one address",
			yaml: strings.Replace(baseSpec, "203.0.113.0/24", "203.0.113.5/24", 1),
			path: "integrations[0].network.allow[0]", kind: field.Invalid, line: 7,
			text: "did you mean 203.0.113.0/24?",
		},
		{
			name: "forbidden permission without waiver",
			why:  "ModifyAllData gives the integration every record and setting in the org",
			yaml: strings.Replace(baseSpec, "        Account.Industry: read\n", "        Account.Industry: read\n      userPermissions: [ModifyAllData]\n", 1),
			path: "integrations[0].access.userPermissions[0]", kind: field.Forbidden, line: 13,
			text: "add a waiver (waivers: permission, reason) for ModifyAllData",
		},
		{
			name: "field on unreadable object",
			why:  "field access without object access grants nothing and hides a mistake",
			yaml: strings.Replace(baseSpec, "        Account.Industry: read\n", "        Account.Industry: read\n        Contact.Email: read\n", 1),
			path: `integrations[0].access.fields["Contact.Email"]`, kind: field.Forbidden, line: 13,
			text: "set access.addObjectRead: true",
		},
		{
			name: "duplicate username",
			why:  "one user shared by two integrations cannot be revoked for one of them",
			yaml: baseSpec + strings.Replace(strings.TrimPrefix(baseSpec, "integrations:\n"), "Orders_Sync", "Billing_Sync", 1),
			path: "integrations[1].user.username", kind: field.Duplicate, line: 16,
			text: "share a user",
		},
		{
			name: "unknown key",
			why:  "a misspelt key would otherwise be ignored and its setting lost",
			yaml: strings.Replace(baseSpec, "contactEmail:", "contactEmial:", 1),
			path: "integrations[0]", kind: field.Invalid, line: 3,
			text: `spec.yaml:3:5: integrations[0]: invalid: unknown key "contactEmial"; did you mean "contactEmail"?`,
		},
		{
			name: "placeholder without a name",
			why:  "sf cannot fill ${} from any environment variable, so the placeholder would be deployed",
			yaml: strings.Replace(baseSpec, "orders-sync@example.com", "${}", 1),
			path: "integrations[0].user.username", kind: field.Invalid, line: 5,
			text: "has no name",
		},
		{
			name: "name Salesforce rejects",
			why:  "Salesforce API names allow letters, digits and single underscores only",
			yaml: strings.Replace(baseSpec, "name: Orders_Sync", "name: Orders Sync!", 1),
			path: "integrations[0].name", kind: field.Invalid, line: 2,
			text: "single underscores",
		},
		{
			name: "username-password flow",
			why:  "a long-lived password in the partner's system is the anti-pattern this tool exists to remove",
			yaml: baseSpec + "    app:\n      flow: usernamePassword\n",
			path: "integrations[0].app.flow", kind: field.Forbidden, line: 14,
			text: "username-password",
		},
		{
			name: "empty monitoring section",
			why:  "a monitoring key with no value would silently write no policies",
			yaml: baseSpec + "    monitoring: ~\n",
			path: "integrations[0].monitoring", kind: field.Required, line: 13,
			text: "monitoring section is empty",
		},
		{
			name: "alert to another integration's user",
			why:  "Salesforce drops alerts to users without Modify All Data, which no integration user has",
			yaml: baseSpec + "    monitoring:\n      maxRowsPerQuery: 1000\n      notify: [billing-sync@example.com]\n" +
				strings.Replace(strings.Replace(strings.TrimPrefix(baseSpec, "integrations:\n"), "Orders_Sync", "Billing_Sync", 1), "orders-sync@", "billing-sync@", 1),
			path: "integrations[0].monitoring.notify[0]", kind: field.Forbidden, line: 15,
			text: "is the user of integration Billing_Sync",
		},
		{
			name: "recipient placeholder in lower case",
			why:  "${lower} names no conventional environment variable and would be deployed as it is",
			yaml: baseSpec + "    monitoring:\n      maxRowsPerQuery: 1000\n      notify: [\"${lower}\"]\n",
			path: "integrations[0].monitoring.notify[0]", kind: field.Invalid, line: 15,
			text: "environment variable",
		},
		{
			name: "refresh token scope without waiver",
			why:  "client credentials issue no refresh token, so asking for one is a mistake",
			yaml: baseSpec + "    app:\n      scopes: [api, refresh_token]\n",
			path: "integrations[0].app.scopes[1]", kind: field.Forbidden, line: 14,
			text: "RefreshToken",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			errs := buildErrors(t, tt.yaml)
			var found *sfharden.SpecError
			for _, e := range errs {
				if e.Path == tt.path && e.Kind == tt.kind {
					found = e
					break
				}
			}
			require.NotNil(t, found, "no %s error at %s (%s); got:\n%s", tt.kind, tt.path, tt.why, errs)
			assert.Equal(t, tt.line, found.Line, "line of %s", found)
			assert.Contains(t, found.Error(), tt.text)
			assert.NotContains(t, found.Error(), "\n", "each error is one line")
			assert.True(t, strings.HasPrefix(found.Error(), found.File+":"), "the error starts with the file: %s", found)
		})
	}
}

func TestBuildCollectsEveryError(t *testing.T) {
	yaml := strings.Replace(baseSpec, "203.0.113.0/24", "203.0.113.5/24", 1)
	yaml = strings.Replace(yaml, "ops@example.com", "not-an-address", 1)
	yaml = strings.Replace(yaml, "        Account.Industry: read\n", "        Account.Industry: read\n      userPermissions: [ViewAllData]\n", 1)
	errs := buildErrors(t, yaml)
	var paths []string
	for _, e := range errs {
		paths = append(paths, e.Path)
	}
	assert.Contains(t, paths, "integrations[0].network.allow[0]")
	assert.Contains(t, paths, "integrations[0].contactEmail")
	assert.Contains(t, paths, "integrations[0].access.userPermissions[0]")
}

func TestWaiverAllowsPermissionAndTravels(t *testing.T) {
	yaml := strings.Replace(baseSpec, "        Account.Industry: read\n",
		"        Account.Industry: read\n      userPermissions: [ViewAllData]\n    waivers:\n      - permission: ViewAllData\n        reason: Nightly reconciliation reads every record\n", 1)
	spec, err := sfharden.ParseSpec([]byte(yaml))
	require.NoError(t, err)
	bundle, err := sfharden.Build(spec, sfharden.BuildOptions{Now: buildTime})
	require.NoError(t, err)
	ps := bundle.Integrations[0].PermissionSet
	assert.Contains(t, ps.Description, "ViewAllData (Nightly reconciliation reads every record)")
}

func TestWriteFailureLeavesNothing(t *testing.T) {
	spec, err := sfharden.ParseSpec([]byte(baseSpec))
	require.NoError(t, err)
	bundle, err := sfharden.Build(spec, sfharden.BuildOptions{Now: buildTime})
	require.NoError(t, err)

	parent := t.TempDir()
	require.NoError(t, os.Chmod(parent, 0o500))
	t.Cleanup(func() { os.Chmod(parent, 0o700) })
	if os.Geteuid() == 0 {
		// root writes through permission bits, so use a path below a file.
		file := filepath.Join(t.TempDir(), "file")
		require.NoError(t, os.WriteFile(file, nil, 0o644))
		parent = file
	}
	target := filepath.Join(parent, "out")
	err = bundle.Write(target, sfharden.WriteOptions{})
	require.Error(t, err)
	_, statErr := os.Stat(target)
	assert.True(t, errors.Is(statErr, fs.ErrNotExist) || errors.Is(statErr, fs.ErrPermission) || statErr != nil, "nothing was written")
}

func TestRegenerateIntoSameProjectIsStable(t *testing.T) {
	dir, bundle := writeExample(t, "snowflake-etl")
	before := readTree(t, dir)
	require.NoError(t, bundle.Write(dir, sfharden.WriteOptions{}))
	after := readTree(t, dir)
	if diff := cmp.Diff(before, after); diff != "" {
		t.Errorf("writing the same bundle again changed the project (-before +after):\n%s", diff)
	}
	assert.True(t, bytes.Contains([]byte(after["sfdx-project.json"]), []byte(`"replaceWithEnv": "SNOWFLAKE_ETL_USERNAME"`)))
}

func TestSpecPathOutsideFolderNotRead(t *testing.T) {
	// A spec from an untrusted change must not make sfharden read, and
	// quote in an error, a file outside the spec's folder.
	yaml := baseSpec + "    app:\n      flow: jwtBearer\n      certificate: /etc/passwd\n"
	errs := buildErrors(t, yaml)
	for _, e := range errs {
		assert.NotContains(t, e.Error(), "root:", "the file's content leaked into %s", e)
	}
	var found bool
	for _, e := range errs {
		found = found || (e.Path == "integrations[0].app.certificate" && e.Kind == field.Forbidden)
	}
	assert.True(t, found, "the path is forbidden: %s", errs)
}
