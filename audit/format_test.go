package audit

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// weakTree is an org set up before anyone hardened it: a System
// Administrator behind a client-credentials app, a whole-internet login
// range, an expiring password and a secret in source.
func weakTree() tree {
	return tree{
		profilePath("Orders_API"): profileXML(userPerm("ApiEnabled", true), userPerm("ApiUserOnly", true),
			ipRangeXML("0.0.0.0", "255.255.255.255")),
		srcDir + "profilePasswordPolicies/Orders_API.profilePasswordPolicy-meta.xml": passwordXML("Orders_API", 90),
		appPath("Orders_Sync"): connectedAppXML(ccConfig("admin@example.com", "Api", "Full")+
			"        <consumerSecret>0123456789</consumerSecret>\n", relaxation("BYPASS"), "    <profileName>Orders_API</profileName>\n"),
	}
}

func weakOptions(t *testing.T) Options {
	return Options{Users: mustUsers(t, usersJSON("admin@example.com", "System Administrator", "orders@example.com", "Orders_API"))}
}

func TestJSONGolden(t *testing.T) {
	r := weakTree().audit(t, weakOptions(t))
	var got bytes.Buffer
	require.NoError(t, WriteJSON(&got, r))

	golden := filepath.Join("testdata", "weak.json")
	if *update {
		require.NoError(t, os.WriteFile(golden, got.Bytes(), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err, "run go test ./audit -update to create the golden file")
	if diff := cmp.Diff(string(want), got.String()); diff != "" {
		t.Errorf("JSON report mismatch (-want +got):\n%s", diff)
	}
}

func TestJSONStableAcrossRuns(t *testing.T) {
	root := weakTree().write(t)
	var outputs []string
	for _, workers := range []int{1, 2, 8} {
		opts := weakOptions(t)
		opts.Paths, opts.BaseDir, opts.Workers = []string{root}, root, workers
		opts.Today = time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
		r, err := Run(opts)
		require.NoError(t, err)
		var b bytes.Buffer
		require.NoError(t, WriteJSON(&b, r))
		outputs = append(outputs, b.String())
	}
	assert.Equal(t, outputs[0], outputs[1])
	assert.Equal(t, outputs[0], outputs[2])
}

func TestJSONEmptyListsAreArrays(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, WriteJSON(&b, &Report{}))
	var doc map[string]any
	require.NoError(t, json.Unmarshal(b.Bytes(), &doc))
	for _, key := range []string{"findings", "suppressed", "expiredBaseline", "notChecked", "problems"} {
		assert.IsType(t, []any{}, doc[key], "%s must be an array", key)
	}
}

func TestTextGroupsByComponent(t *testing.T) {
	r := weakTree().audit(t, weakOptions(t))
	var b bytes.Buffer
	require.NoError(t, WriteText(&b, r))
	out := b.String()

	assert.Contains(t, out, "Profile Orders_API\n")
	assert.Contains(t, out, "  force-app/main/default/profiles/Orders_API.profile-meta.xml:11: high login-ip-range-too-broad: "+
		"loginIpRanges covers all IPv4 addresses; the IP restriction has no effect\n    fix: list only the addresses the integration connects from\n")
	assert.Equal(t, 1, strings.Count(out, "Profile Orders_API\n"), "one heading per component")
	s := r.Summary()
	assert.True(t, strings.HasSuffix(out, summaryLine(s)+"\n"))
	assert.Regexp(t, `^\d+ findings: 2 critical, \d+ high, \d+ medium, \d+ low, \d+ info; 3 files read$`, summaryLine(s))
}

func TestSARIFRequiredFields(t *testing.T) {
	r := weakTree().audit(t, weakOptions(t))
	var b bytes.Buffer
	require.NoError(t, WriteSARIF(&b, r, SARIFOptions{ToolVersion: "v0.0.0-test", BaseDir: "/src/repo"}))

	var log struct {
		Version string `json:"version"`
		Schema  string `json:"$schema"`
		Runs    []struct {
			Tool struct {
				Driver struct {
					Name  string `json:"name"`
					Rules []struct {
						ID               string            `json:"id"`
						ShortDescription map[string]string `json:"shortDescription"`
						FullDescription  map[string]string `json:"fullDescription"`
						Help             map[string]string `json:"help"`
						Default          map[string]string `json:"defaultConfiguration"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			BaseIDs map[string]map[string]string `json:"originalUriBaseIds"`
			Results []struct {
				RuleID    string            `json:"ruleId"`
				RuleIndex int               `json:"ruleIndex"`
				Level     string            `json:"level"`
				Message   map[string]string `json:"message"`
				Locations []struct {
					Physical struct {
						Artifact struct {
							URI    string `json:"uri"`
							BaseID string `json:"uriBaseId"`
						} `json:"artifactLocation"`
						Region struct {
							StartLine int `json:"startLine"`
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	require.NoError(t, json.Unmarshal(b.Bytes(), &log))

	assert.Equal(t, "2.1.0", log.Version)
	assert.NotEmpty(t, log.Schema)
	require.Len(t, log.Runs, 1)
	run := log.Runs[0]
	assert.Equal(t, "sfharden", run.Tool.Driver.Name)
	assert.Equal(t, "file:///src/repo/", run.BaseIDs["SRCROOT"]["uri"])
	require.Len(t, run.Tool.Driver.Rules, len(Rules()))
	for _, rule := range run.Tool.Driver.Rules {
		assert.NotEmpty(t, rule.ShortDescription["text"], rule.ID)
		assert.NotEmpty(t, rule.FullDescription["text"], rule.ID)
		assert.NotEmpty(t, rule.Help["text"], rule.ID)
		assert.Contains(t, []string{"error", "warning", "note"}, rule.Default["level"], rule.ID)
	}
	require.Len(t, run.Results, len(r.Findings))
	for _, res := range run.Results {
		assert.Equal(t, run.Tool.Driver.Rules[res.RuleIndex].ID, res.RuleID)
		assert.Contains(t, []string{"error", "warning", "note"}, res.Level)
		assert.NotEmpty(t, res.Message["text"])
		require.Len(t, res.Locations, 1, res.RuleID)
		loc := res.Locations[0].Physical
		assert.Equal(t, "SRCROOT", loc.Artifact.BaseID)
		assert.False(t, strings.HasPrefix(loc.Artifact.URI, "/"), "uri %q is relative", loc.Artifact.URI)
		assert.Positive(t, loc.Region.StartLine, res.RuleID)
	}
}

func TestSARIFEscapesPaths(t *testing.T) {
	r := &Report{Findings: []Finding{newFinding(RuleLoginIPRangesMissing, "Profile", "Work.com Only User",
		"force-app/main/default/profiles/Work%2Ecom Only User.profile-meta.xml", 2, "m")}}
	var b bytes.Buffer
	require.NoError(t, WriteSARIF(&b, r, SARIFOptions{}))
	assert.Contains(t, b.String(), `"uri": "force-app/main/default/profiles/Work%252Ecom%20Only%20User.profile-meta.xml"`)
}

// GitHub rejects an upload in which any result lacks a location, and a
// bare absolute path is no URI of the repository.
func TestSARIFLocations(t *testing.T) {
	tests := []struct {
		name, file, base string
		uri, baseID      string
	}{
		{"relative file", "force-app/p.profile-meta.xml", "/src/repo", "force-app/p.profile-meta.xml", "SRCROOT"},
		{"no file", "", "/src/repo", ".", "SRCROOT"},
		{"absolute file outside the base", "/src/examples/spec.yaml", "/src/repo", "../examples/spec.yaml", "SRCROOT"},
		{"absolute file inside the base", "/src/repo/spec.yaml", "/src/repo", "spec.yaml", "SRCROOT"},
		{"absolute file without a base", "/src/examples/spec.yaml", "", "file:///src/examples/spec.yaml", ""},
		{"colon in the first segment", "a:b/c.xml", "/src/repo", "./a:b/c.xml", "SRCROOT"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &Report{Findings: []Finding{newFinding(RuleNoEventMonitoring, "Org", "org", tt.file, 0, "m")}}
			var b bytes.Buffer
			require.NoError(t, WriteSARIF(&b, r, SARIFOptions{BaseDir: tt.base}))
			var log struct {
				Runs []struct {
					Results []struct {
						Locations []struct {
							PhysicalLocation struct {
								ArtifactLocation struct {
									URI       string `json:"uri"`
									URIBaseID string `json:"uriBaseId"`
								} `json:"artifactLocation"`
							} `json:"physicalLocation"`
						} `json:"locations"`
					} `json:"results"`
				} `json:"runs"`
			}
			require.NoError(t, json.Unmarshal(b.Bytes(), &log))
			locations := log.Runs[0].Results[0].Locations
			require.Len(t, locations, 1)
			assert.Equal(t, tt.uri, locations[0].PhysicalLocation.ArtifactLocation.URI)
			assert.Equal(t, tt.baseID, locations[0].PhysicalLocation.ArtifactLocation.URIBaseID)
		})
	}
}

// A finding about the whole tree, with no component file to point at,
// points at sfdx-project.json.
func TestTreeFindingsHaveAFile(t *testing.T) {
	r := tree{
		"sfdx-project.json":                             `{"packageDirectories":[{"path":"force-app","default":true}]}`,
		srcDir + "settings/OauthOidc.settings-meta.xml": doc("OauthOidcSettings", "    <blockOAuthUnPwFlow>true</blockOAuthUnPwFlow>\n"),
	}.audit(t, Options{Expected: []Expectation{{Name: "Ghost", AppType: "ConnectedApp"}}})
	require.NotEmpty(t, r.Findings)
	for _, f := range r.Findings {
		assert.NotEmpty(t, f.File, "%s: %s", f.Rule, f.Message)
	}
	assert.Equal(t, "sfdx-project.json", withRule(r, RuleNoEventMonitoring)[0].File)
}

// A newline in a file name must not start a line of its own in the text
// report, where it could pass for a finding.
func TestTextEscapesControlCharacters(t *testing.T) {
	r := &Report{Findings: []Finding{newFinding(RuleLoginIPRangesMissing, "Profile", "Evil\nProfile Fake",
		"profiles/Evil\n  ok.profile-meta.xml", 2, "name \x1b[2J")}}
	var b bytes.Buffer
	require.NoError(t, WriteText(&b, r))
	assert.Contains(t, b.String(), "Profile Evil\\nProfile Fake\n")
	assert.Contains(t, b.String(), "  profiles/Evil\\n  ok.profile-meta.xml:2: high login-ip-ranges-missing: name \\x1b[2J\n")
}
