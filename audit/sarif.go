package audit

import (
	"encoding/json"
	"io"
	"net/url"
	"path/filepath"
	"strings"
)

// SARIFOptions are the run details that a SARIF log carries besides the
// findings.
type SARIFOptions struct {
	ToolVersion string // version of sfharden
	// BaseDir is the absolute folder that finding paths are relative to; it
	// becomes the SRCROOT base URI. Empty leaves SRCROOT out.
	BaseDir string
}

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                   `json:"tool"`
	OriginalURIBaseIDs map[string]sarifArtifactLoc `json:"originalUriBaseIds,omitempty"`
	Results            []sarifResult               `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri,omitempty"`
	Rules          []sarifRule `json:"rules"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifRule struct {
	ID                   string            `json:"id"`
	Name                 string            `json:"name"`
	ShortDescription     sarifText         `json:"shortDescription"`
	FullDescription      sarifText         `json:"fullDescription"`
	Help                 sarifText         `json:"help"`
	DefaultConfiguration sarifRuleConfig   `json:"defaultConfiguration"`
	Properties           sarifRuleProperty `json:"properties"`
}

type sarifRuleConfig struct {
	Level string `json:"level"`
}

// sarifRuleProperty carries the tags and the "security-severity" score
// (0.1 to 10) that GitHub code scanning reads to rank security alerts.
type sarifRuleProperty struct {
	Tags             []string `json:"tags"`
	SecuritySeverity string   `json:"security-severity"`
}

type sarifResult struct {
	RuleID    string          `json:"ruleId"`
	RuleIndex int             `json:"ruleIndex"`
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifactLoc `json:"artifactLocation"`
	Region           *sarifRegion     `json:"region,omitempty"`
}

type sarifArtifactLoc struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine int `json:"startLine"`
}

// securitySeverity is the GitHub code scanning score of each severity.
var securitySeverity = map[Severity]string{
	Critical: "9.5", High: "8.0", Medium: "5.5", Low: "3.0", Info: "0.1",
}

// WriteSARIF writes r as a SARIF 2.1.0 log that GitHub code scanning
// accepts: every rule of the audit with its descriptions, help and default
// level, and one result per finding with its file relative to SRCROOT and
// its line.
func WriteSARIF(w io.Writer, r *Report, opts SARIFOptions) error {
	run := sarifRun{Tool: sarifTool{Driver: sarifDriver{
		Name:           "sfharden",
		Version:        opts.ToolVersion,
		InformationURI: "https://github.com/sfharden/sfharden",
	}}, Results: []sarifResult{}}
	index := map[string]int{}
	for i, rule := range rules {
		index[rule.ID] = i
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRule{
			ID:                   rule.ID,
			Name:                 ruleName(rule.ID),
			ShortDescription:     sarifText{rule.Summary},
			FullDescription:      sarifText{rule.Summary + ": " + rule.Reason},
			Help:                 sarifText{"Fix: " + rule.Fix},
			DefaultConfiguration: sarifRuleConfig{rule.Severity.sarifLevel()},
			Properties:           sarifRuleProperty{Tags: []string{"security", "salesforce"}, SecuritySeverity: securitySeverity[rule.Severity]},
		})
	}
	base := ""
	if opts.BaseDir != "" {
		base = "SRCROOT"
		u := url.URL{Scheme: "file", Path: filepath.ToSlash(opts.BaseDir)}
		if !strings.HasSuffix(u.Path, "/") {
			u.Path += "/"
		}
		run.OriginalURIBaseIDs = map[string]sarifArtifactLoc{"SRCROOT": {URI: u.String()}}
	}
	for _, f := range r.Findings {
		res := sarifResult{RuleID: f.Rule, RuleIndex: index[f.Rule], Level: f.Severity.sarifLevel(),
			Message: sarifText{f.Message + ". Fix: " + f.Fix}}
		loc := sarifPhysical{ArtifactLocation: artifactLocation(f.File, opts.BaseDir, base)}
		if f.Line > 0 {
			loc.Region = &sarifRegion{StartLine: f.Line}
		}
		res.Locations = []sarifLocation{{PhysicalLocation: loc}}
		run.Results = append(run.Results, res)
	}
	log := sarifLog{
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Version: "2.1.0",
		Runs:    []sarifRun{run},
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(log)
}

// artifactLocation returns the location of file for a result. GitHub
// rejects a whole upload when one result has no location, so a finding
// without a file points at the base folder. An absolute path is made
// relative to the base folder, with ".." where needed. Without a base
// folder it becomes a file URI, so no result has a bare absolute path.
func artifactLocation(file, baseDir, baseID string) sarifArtifactLoc {
	if file == "" {
		file = "."
	}
	if filepath.IsAbs(file) && baseDir != "" {
		if rel, err := filepath.Rel(baseDir, file); err == nil {
			file = filepath.ToSlash(rel)
		}
	}
	if filepath.IsAbs(file) || strings.HasPrefix(file, "/") {
		u := url.URL{Scheme: "file", Path: filepath.ToSlash(file)}
		if !strings.HasPrefix(u.Path, "/") {
			u.Path = "/" + u.Path // a Windows path with a drive letter
		}
		return sarifArtifactLoc{URI: u.String()}
	}
	uri := (&url.URL{Path: file}).EscapedPath()
	if first, _, _ := strings.Cut(uri, "/"); strings.Contains(first, ":") {
		uri = "./" + uri // else the part before ':' reads as a URI scheme
	}
	loc := sarifArtifactLoc{URI: uri}
	if baseID != "" {
		loc.URIBaseID = baseID
	}
	return loc
}

// ruleName turns a rule ID into the PascalCase name SARIF viewers show:
// "login-ip-ranges-missing" gives "LoginIpRangesMissing".
func ruleName(id string) string {
	var b strings.Builder
	for _, part := range strings.Split(id, "-") {
		if part == "" {
			continue
		}
		b.WriteString(strings.ToUpper(part[:1]) + part[1:])
	}
	return b.String()
}
