package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const auditProfile = `<?xml version="1.0" encoding="UTF-8"?>
<Profile xmlns="http://soap.sforce.com/2006/04/metadata">
    <loginIpRanges>
        <endAddress>255.255.255.255</endAddress>
        <startAddress>0.0.0.0</startAddress>
    </loginIpRanges>
</Profile>
`

const auditPermSet = `<?xml version="1.0" encoding="UTF-8"?>
<PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata">
    <label>Orders</label>
</PermissionSet>
`

// chdir changes the working folder for one test, since the audit reports
// paths relative to it.
func chdir(t *testing.T, dir string) {
	t.Helper()
	old, err := os.Getwd()
	require.NoError(t, err)
	require.NoError(t, os.Chdir(dir))
	t.Cleanup(func() { _ = os.Chdir(old) })
}

func TestAuditExitStatus(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"force-app/profiles/Orders_API.profile-meta.xml":             auditProfile,
		"force-app/permissionsets/Orders_API.permissionset-meta.xml": auditPermSet,
		"baseline.json": `{"accepted":[{"rule":"login-ip-range-too-broad","component":"Orders_API","reason":"dev sandbox","expires":"2999-12-31"}]}`,
		"expired.json":  `{"accepted":[{"rule":"login-ip-range-too-broad","component":"Orders_API","reason":"dev sandbox","expires":"2000-01-01"}]}`,
		"noreason.json": `{"accepted":[{"rule":"login-ip-range-too-broad","component":"Orders_API","expires":"2999-12-31"}]}`,
	})
	chdir(t, dir)

	tests := []struct {
		name string
		args []string
		want int
	}{
		{"high finding fails the default threshold", []string{"audit", "force-app"}, exitFindings},
		{"critical threshold passes", []string{"audit", "--fail-on", "critical", "force-app"}, exitOK},
		{"none never fails", []string{"audit", "--fail-on", "none", "force-app"}, exitOK},
		{"baseline accepts the finding", []string{"audit", "--baseline", "baseline.json", "force-app"}, exitOK},
		{"expired baseline suppresses nothing", []string{"audit", "--baseline", "expired.json", "force-app"}, exitFindings},
		{"baseline without reason is a usage error", []string{"audit", "--baseline", "noreason.json", "force-app"}, exitError},
		{"missing path", []string{"audit"}, exitError},
		{"unknown format", []string{"audit", "--format", "xml", "force-app"}, exitError},
		{"unknown severity", []string{"audit", "--fail-on", "severe", "force-app"}, exitError},
		{"missing users file", []string{"audit", "--users", "nope.json", "force-app"}, exitError},
		{"help", []string{"audit", "--help"}, exitOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runCommand(tt.args...)
			assert.Equal(t, tt.want, code, "stderr: %s", stderr)
		})
	}
}

func TestAuditExpiredBaselineNamed(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"force-app/profiles/Orders_API.profile-meta.xml": auditProfile,
		"expired.json": `{"accepted":[{"rule":"login-ip-range-too-broad","component":"Orders_API","reason":"dev sandbox","expires":"2000-01-01"}]}`,
	})
	chdir(t, dir)
	_, stdout, stderr := runCommand("audit", "--baseline", "expired.json", "force-app")
	assert.Contains(t, stderr, "baseline entry for login-ip-range-too-broad on Orders_API expired 2000-01-01")
	assert.Contains(t, stdout, "Expired baseline entries (no longer suppressing):")
}

func TestAuditUnreadableFileStillAuditsTheRest(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"force-app/profiles/Orders_API.profile-meta.xml": auditProfile,
		"force-app/profiles/Broken.profile-meta.xml":     "<Profile xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n<<<<<<< HEAD\n",
	})
	chdir(t, dir)
	code, stdout, stderr := runCommand("audit", "--format", "json", "force-app")
	assert.Equal(t, exitError, code)
	assert.Contains(t, stderr, filepath.ToSlash("force-app/profiles/Broken.profile-meta.xml"))

	var doc struct {
		Findings []struct {
			Rule string `json:"rule"`
			File string `json:"file"`
		} `json:"findings"`
		Problems []struct {
			File string `json:"file"`
		} `json:"problems"`
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &doc))
	require.Len(t, doc.Problems, 1)
	assert.Equal(t, "force-app/profiles/Broken.profile-meta.xml", doc.Problems[0].File)
	assert.Contains(t, doc.Findings, struct {
		Rule string `json:"rule"`
		File string `json:"file"`
	}{"login-ip-range-too-broad", "force-app/profiles/Orders_API.profile-meta.xml"})
}

func TestAuditUsersAndSARIF(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"force-app/connectedApps/Orders_Sync.connectedApp-meta.xml": `<?xml version="1.0" encoding="UTF-8"?>
<ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
    <contactEmail>ops@example.com</contactEmail>
    <label>Orders Sync</label>
    <oauthConfig>
        <callbackUrl>https://example.com/cb</callbackUrl>
        <isAdminApproved>true</isAdminApproved>
        <isClientCredentialEnabled>true</isClientCredentialEnabled>
        <oauthClientCredentialUser>admin@example.com</oauthClientCredentialUser>
        <scopes>Api</scopes>
    </oauthConfig>
</ConnectedApp>
`,
		"users.json": `{"status":0,"result":{"records":[{"attributes":{"type":"User"},"Username":"admin@example.com","IsActive":true,` +
			`"Profile":{"attributes":{"type":"Profile"},"Name":"System Administrator"},"UserType":"Standard"}],"totalSize":1,"done":true}}`,
	})
	chdir(t, dir)
	code, stdout, stderr := runCommand("audit", "--users", "users.json", "--format", "sarif", "force-app")
	assert.Equal(t, exitFindings, code, stderr)

	var log struct {
		Version string `json:"version"`
		Runs    []struct {
			Results []struct {
				RuleID    string `json:"ruleId"`
				Level     string `json:"level"`
				Locations []struct {
					Physical struct {
						Artifact struct {
							URI string `json:"uri"`
						} `json:"artifactLocation"`
						Region struct {
							StartLine int `json:"startLine"`
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &log))
	assert.Equal(t, "2.1.0", log.Version)
	var found bool
	for _, r := range log.Runs[0].Results {
		if r.RuleID == "system-administrator-integration-user" {
			found = true
			assert.Equal(t, "error", r.Level)
			assert.Equal(t, "force-app/connectedApps/Orders_Sync.connectedApp-meta.xml", r.Locations[0].Physical.Artifact.URI)
			assert.Equal(t, 9, r.Locations[0].Physical.Region.StartLine)
		}
	}
	assert.True(t, found, "the System Administrator run-as user is reported")
}

// What sfharden generate writes must pass the audit: no finding at high or
// above, and no drift from the spec it came from.
func TestAuditPassesGeneratedBundles(t *testing.T) {
	for _, spec := range []string{
		"../../examples/snowflake-etl/integration.yaml",
		"../../examples/webhook-receiver/integration.yaml",
	} {
		t.Run(filepath.Base(filepath.Dir(spec)), func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "bundle")
			code, _, stderr := runCommand("generate", "-o", out, spec)
			require.Equal(t, exitOK, code, stderr)

			code, stdout, stderr := runCommand("audit", "--spec", spec, "--format", "json", out)
			assert.Equal(t, exitOK, code, "stderr: %s\nstdout: %s", stderr, stdout)
			var doc struct {
				Findings []struct {
					Rule     string `json:"rule"`
					Severity string `json:"severity"`
					Message  string `json:"message"`
				} `json:"findings"`
			}
			require.NoError(t, json.Unmarshal([]byte(stdout), &doc))
			for _, f := range doc.Findings {
				assert.NotContains(t, []string{"critical", "high"}, f.Severity, "%s: %s", f.Rule, f.Message)
				assert.NotEqual(t, "spec-drift", f.Rule, f.Message)
			}
		})
	}
}

// Hand changes to a generated bundle show as spec drift at the changed
// element, and a Bypass app whose spec profile has login ranges is high.
func TestAuditSpecDrift(t *testing.T) {
	out := filepath.Join(t.TempDir(), "bundle")
	code, _, stderr := runCommand("generate", "-o", out, exampleSpec)
	require.Equal(t, exitOK, code, stderr)
	base := filepath.Join(out, "force-app", "main", "default")
	edit := func(file, old, new string) {
		t.Helper()
		path := filepath.Join(base, filepath.FromSlash(file))
		data, err := os.ReadFile(path)
		require.NoError(t, err)
		require.Contains(t, string(data), old, file)
		require.NoError(t, os.WriteFile(path, []byte(strings.Replace(string(data), old, new, 1)), 0o644))
	}
	edit("permissionsets/Snowflake_ETL.permissionset-meta.xml",
		"<editable>false</editable>\n        <field>Opportunity.Amount</field>", "<editable>true</editable>\n        <field>Opportunity.Amount</field>")
	edit("permissionsets/Snowflake_ETL.permissionset-meta.xml", "    <objectPermissions>",
		"    <objectPermissions>\n        <allowCreate>true</allowCreate>\n        <allowDelete>false</allowDelete>\n        <allowEdit>true</allowEdit>\n"+
			"        <allowRead>true</allowRead>\n        <modifyAllRecords>false</modifyAllRecords>\n        <object>Contact</object>\n"+
			"        <viewAllRecords>false</viewAllRecords>\n    </objectPermissions>\n    <objectPermissions>")
	edit("profilePasswordPolicies/Snowflake_ETL_profilePasswordPolicy.profilePasswordPolicy-meta.xml",
		"<passwordExpiration>0</passwordExpiration>", "<passwordExpiration>90</passwordExpiration>")
	edit("extlClntAppOauthPolicies/Snowflake_ETL_oauthPlcy.ecaOauthPlcy-meta.xml", ">Enforce<", ">Bypass<")
	edit("extlClntAppOauthPolicies/Snowflake_ETL_oauthPlcy.ecaOauthPlcy-meta.xml", ">AdminApprovedPreAuthorized<", ">AllSelfAuthorized<")

	code, stdout, stderr := runCommand("audit", "--spec", exampleSpec, "--format", "json", out)
	assert.Equal(t, exitFindings, code, stderr)
	var doc struct {
		Findings []struct {
			Rule     string `json:"rule"`
			Severity string `json:"severity"`
			Message  string `json:"message"`
		} `json:"findings"`
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &doc))
	var drift []string
	bypass := ""
	for _, f := range doc.Findings {
		switch f.Rule {
		case "spec-drift":
			drift = append(drift, strings.TrimPrefix(f.Message, "spec integration Snowflake_ETL: "))
		case "ip-relaxation-bypass":
			bypass = f.Severity
		}
	}
	assert.ElementsMatch(t, []string{
		"field Opportunity.Amount: the tree grants read and edit, the spec grants read",
		"object Contact: the tree grants read, create and edit, the spec grants no access",
		"passwordExpiration is 90 days, the spec sets 0",
		`ipRelaxationPolicyType is "Bypass", the spec sets "Enforce"`,
		"permittedUsersPolicyType AllSelfAuthorized, the spec sets permittedUsersPolicyType AdminApprovedPreAuthorized",
	}, drift)
	assert.Equal(t, "high", bypass, "the spec ties the app to a profile with login ranges")
}

// A run that reads no metadata fails and names the path, rather than
// passing as clean.
func TestAuditNoMetadataFails(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"empty/.keep": "",
		"notes.txt":   "not metadata\n",
	})
	chdir(t, dir)
	tests := []struct {
		name, path, stderr string
	}{
		{"empty folder", "empty", "sfharden audit: unreadable: empty contains no metadata file"},
		{"plain file", "notes.txt", "sfharden audit: unreadable: notes.txt is not a metadata file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runCommand("audit", tt.path)
			assert.Equal(t, exitError, code)
			assert.Contains(t, stderr, tt.stderr)
		})
	}
}
