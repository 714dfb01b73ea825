package main

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/sfharden/sfharden"
	"github.com/sfharden/sfharden/audit"
	"github.com/sfharden/sfharden/internal/schema"
)

func runAudit(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("audit", "[flags] PATH...",
		"Reads retrieved metadata (sf projects, package directories or mdapi folders) and reports\n"+
			"every way its integration users fall short of the hardened template: the file, the\n"+
			"line, the rule and the fix. The rules are listed in audit/RULES.md.\n"+
			"Exit status: 0 when no finding is at or above --fail-on, 1 when one is, 2 on usage\n"+
			"errors, unreadable files (which are named; everything else is still audited) or a\n"+
			"PATH that holds no metadata the audit reads.",
		"sfharden audit --users users.json --assignments assignments.json --format sarif force-app > audit.sarif", stderr)
	format := fs.String("format", "text", "output format: text, json or sarif")
	failOn := fs.String("fail-on", "high", "exit 1 when a finding at or above this severity remains: critical, high, medium, low, info or none")
	usersFile := fs.String("users", "", "JSON of sf data query --json for SELECT Username, IsActive, Profile.Name, UserType FROM User")
	assignmentsFile := fs.String("assignments", "", "JSON of sf data query --json for SELECT Assignee.Username, PermissionSet.Name, PermissionSetGroup.DeveloperName FROM PermissionSetAssignment")
	specFile := fs.String("spec", "", "sfharden spec to compare the metadata with (rule spec-drift)")
	baselineFile := fs.String("baseline", "", "JSON of accepted findings, each with rule, component, reason and expires (YYYY-MM-DD)")
	paths, code := parseFlags(fs, args, stdout)
	if code >= 0 {
		return code
	}

	usage := func(format string, args ...any) int {
		fmt.Fprintf(stderr, "sfharden audit: "+format+"\n", args...)
		return exitError
	}
	if len(paths) == 0 {
		return usage("missing PATH; give the sf project or metadata folder to audit")
	}
	if *format != "text" && *format != "json" && *format != "sarif" {
		return usage("invalid --format %q: use text, json or sarif", *format)
	}
	threshold := audit.Critical + 1
	if *failOn != "none" {
		s, err := audit.ParseSeverity(*failOn)
		if err != nil {
			return usage("invalid --fail-on %q: use critical, high, medium, low, info or none", *failOn)
		}
		threshold = s
	}

	cwd, err := os.Getwd()
	if err != nil {
		return usage("find the working folder: %v", err)
	}
	opts := audit.Options{Paths: paths, BaseDir: cwd, UsersFile: *usersFile, AssignmentsFile: *assignmentsFile}
	if err := loadAuditInputs(&opts, *usersFile, *assignmentsFile, *specFile, *baselineFile); err != nil {
		return usage("%v", err)
	}
	if isTerminal(stderr) {
		opts.Progress = progressLine(stderr)
	}

	report, err := audit.Run(opts)
	if opts.Progress != nil {
		fmt.Fprint(stderr, "\r\033[K")
	}
	if err != nil {
		return usage("%v", err)
	}

	switch *format {
	case "json":
		err = audit.WriteJSON(stdout, report)
	case "sarif":
		err = audit.WriteSARIF(stdout, report, audit.SARIFOptions{ToolVersion: toolVersion(), BaseDir: cwd})
	default:
		err = audit.WriteText(stdout, report)
	}
	if err != nil {
		fmt.Fprintf(stderr, "sfharden audit: write report: %v\n", err)
		return exitError
	}
	for _, p := range report.Problems {
		fmt.Fprintf(stderr, "sfharden audit: unreadable: %s\n", escapeControls(p.Error))
	}
	for _, e := range report.ExpiredBaseline {
		fmt.Fprintf(stderr, "sfharden audit: baseline entry for %s on %s expired %s; its findings are reported again\n",
			e.Rule, e.Component, e.Expires)
	}

	switch {
	case len(report.Problems) > 0:
		return exitError
	case report.Fails(threshold):
		return exitFindings
	}
	return exitOK
}

// loadAuditInputs reads the optional input files of the audit into opts.
func loadAuditInputs(opts *audit.Options, usersFile, assignmentsFile, specFile, baselineFile string) error {
	if usersFile != "" {
		data, err := os.ReadFile(usersFile)
		if err != nil {
			return fmt.Errorf("read --users: %w", err)
		}
		if opts.Users, err = audit.ParseUsers(data); err != nil {
			return fmt.Errorf("--users %s: %w", usersFile, err)
		}
	}
	if assignmentsFile != "" {
		data, err := os.ReadFile(assignmentsFile)
		if err != nil {
			return fmt.Errorf("read --assignments: %w", err)
		}
		if opts.Assignments, err = audit.ParseAssignments(data); err != nil {
			return fmt.Errorf("--assignments %s: %w", assignmentsFile, err)
		}
	}
	if baselineFile != "" {
		data, err := os.ReadFile(baselineFile)
		if err != nil {
			return fmt.Errorf("read --baseline: %w", err)
		}
		if opts.Baseline, err = audit.ParseBaseline(data); err != nil {
			return fmt.Errorf("--baseline %s: %w", baselineFile, err)
		}
	}
	if specFile != "" {
		spec, err := sfharden.LoadSpec(specFile)
		if err != nil {
			return err
		}
		bundle, err := sfharden.Build(spec, sfharden.BuildOptions{})
		if err != nil {
			return fmt.Errorf("--spec %s: %w", specFile, err)
		}
		opts.Expected = expectations(spec, bundle)
	}
	return nil
}

// expectations turns the integrations of a spec into what the audit
// compares: the components that sfharden generate writes for each, and
// the values they should have.
func expectations(spec *sfharden.Spec, bundle *sfharden.Bundle) []audit.Expectation {
	var out []audit.Expectation
	for i, in := range spec.Integrations {
		e := audit.Expectation{
			Name:            in.Name,
			Username:        in.User.Username,
			AllowRanges:     in.Network.Allow,
			SessionTimeout:  in.SessionTimeoutMinutes,
			UserPermissions: in.Access.UserPermissions,
			AppType:         "ExternalClientApplication",
			SpecFile:        spec.File,
		}
		if e.SessionTimeout == 0 {
			e.SessionTimeout = 15
		}
		if strings.EqualFold(in.App.Type, "connectedApp") {
			e.AppType = "ConnectedApp"
		}
		scopes := in.App.Scopes
		if len(scopes) == 0 {
			scopes = []string{"api"}
		}
		for _, s := range scopes {
			e.Scopes = append(e.Scopes, scopeValue(s))
		}
		if line, _, ok := spec.Position(fmt.Sprintf("integrations[%d]", i)); ok {
			e.Line = line
		}
		if i < len(bundle.Integrations) {
			built := bundle.Integrations[i]
			e.PermissionSet = built.PermissionSet
			e.PasswordPolicy = built.PasswordPolicy
			if built.SessionSetting != nil {
				e.SessionTimeout = built.SessionSetting.SessionTimeout
			}
			if built.App != nil {
				for _, c := range built.App.Components() {
					e.App = append(e.App, c.Value)
				}
			}
		}
		out = append(out, e)
	}
	return out
}

// scopeValue returns the ConnectedAppOauthAccessScope value of a scope
// written in OAuth form ("api", "refresh_token") or as the value itself.
func scopeValue(s string) string {
	values, _ := schema.Enumeration("ConnectedAppOauthAccessScope")
	folded := strings.ReplaceAll(s, "_", "")
	for _, v := range values {
		if strings.EqualFold(v, folded) {
			return v
		}
	}
	return s
}

// escapeControls writes the control characters of s, which file names may
// hold, as Go escapes, so that a name cannot start a line of its own.
func escapeControls(s string) string {
	if !strings.ContainsFunc(s, unicode.IsControl) {
		return s
	}
	q := strconv.Quote(s)
	return q[1 : len(q)-1]
}

// isTerminal reports whether w is a terminal, where a progress line helps
// rather than clutters.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// progressLine returns a Progress function that rewrites one stderr line
// at most ten times a second.
func progressLine(w io.Writer) func(done int) {
	var last time.Time
	return func(done int) {
		if now := time.Now(); now.Sub(last) >= 100*time.Millisecond {
			last = now
			fmt.Fprintf(w, "\rreading metadata: %d files", done)
		}
	}
}

// toolVersion returns the version that runVersion prints, without the
// program name, for the SARIF log.
func toolVersion() string {
	if version != "" {
		return version
	}
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" {
		return info.Main.Version
	}
	return "(devel)"
}
