package monitoring

import (
	"bufio"
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The tests in this file run the generated classes through real Apex tools:
// the Apex parser (tools/apex/check.js), PMD's Apex rules as Salesforce Code
// Analyzer ranks them (tools/apex/pmd.js, which needs java) and xmllint with
// the Metadata API schema named by SFHARDEN_SCHEMA. Each skips when its tool
// is missing, and fails instead when SFHARDEN_REQUIRE_TOOLS=1.

// apexToolsDir is tools/apex, seen from this package's directory, where go
// test runs.
const apexToolsDir = "../tools/apex"

// skipOrFailWithoutTool skips the test, or fails it when
// SFHARDEN_REQUIRE_TOOLS=1.
func skipOrFailWithoutTool(t *testing.T, format string, args ...any) {
	t.Helper()
	if os.Getenv("SFHARDEN_REQUIRE_TOOLS") == "1" {
		t.Fatalf(format+" (SFHARDEN_REQUIRE_TOOLS=1)", args...)
	}
	t.Skipf(format, args...)
}

// requireApexTools returns the absolute path of tools/apex after checking
// that node and the installed npm packages are there.
func requireApexTools(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("node"); err != nil {
		skipOrFailWithoutTool(t, "node is not on PATH; install Node.js 20.19 or later to check generated Apex")
	}
	dir, err := filepath.Abs(apexToolsDir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "node_modules")); err != nil {
		skipOrFailWithoutTool(t, "%s/node_modules is missing; run npm ci in %s", dir, dir)
	}
	return dir
}

// writeGoldenCasesApex writes the Apex of every golden case under a new
// temporary folder and returns the paths of the .cls and .cls-meta.xml files.
func writeGoldenCasesApex(t *testing.T) (classes, metas []string) {
	t.Helper()
	root := t.TempDir()
	for _, tc := range apexGoldenCases {
		files, err := tc.policy.Apex()
		if err != nil {
			t.Fatalf("%s: Apex() error: %v", tc.name, err)
		}
		dir := filepath.Join(root, tc.name)
		writeApexFiles(t, dir, files)
		for _, file := range files {
			path := filepath.Join(dir, filepath.FromSlash(file.Path))
			if strings.HasSuffix(path, ".cls") {
				classes = append(classes, path)
			} else {
				metas = append(metas, path)
			}
		}
	}
	return classes, metas
}

// runTool runs a command and returns its combined output and exit code. It
// fails the test when the command cannot start.
func runTool(t *testing.T, name string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(name, args...)
	var output bytes.Buffer
	cmd.Stdout = &output
	cmd.Stderr = &output
	err := cmd.Run()

	var exitErr *exec.ExitError
	switch {
	case err == nil:
		return output.String(), 0
	case errors.As(err, &exitErr):
		return output.String(), exitErr.ExitCode()
	default:
		t.Fatalf("%s: %v", name, err)
		return "", 0
	}
}

func TestGeneratedApexParses(t *testing.T) {
	tools := requireApexTools(t)
	classes, _ := writeGoldenCasesApex(t)

	output, code := runTool(t, "node", append([]string{filepath.Join(tools, "check.js")}, classes...)...)
	if code != 0 {
		t.Errorf("check.js exited %d on the generated classes:\n%s", code, output)
	}
}

func TestApexParserCheckRejectsBrokenLiteral(t *testing.T) {
	tools := requireApexTools(t)

	// The literal that an unescaped apostrophe would produce, to show that
	// check.js fails when escaping is missing.
	broken := filepath.Join(t.TempDir(), "Broken.cls")
	source := "global class Broken {\n    private static final String USERNAME = 'o'brien@example.com';\n}\n"
	if err := os.WriteFile(broken, []byte(source), 0o644); err != nil {
		t.Fatal(err)
	}

	output, code := runTool(t, "node", filepath.Join(tools, "check.js"), broken)
	if code != 1 {
		t.Errorf("check.js exited %d on a broken class, want 1:\n%s", code, output)
	}
	if !strings.Contains(output, broken+":2:") {
		t.Errorf("check.js output names no error on line 2 of %s:\n%s", broken, output)
	}
}

// pmdViolation is one line of pmd.js output.
type pmdViolation struct {
	severity int
	line     string
}

// parsePMDOutput returns the violation lines of pmd.js output, which start
// with a severity from 1 to 5.
func parsePMDOutput(output string) []pmdViolation {
	var violations []pmdViolation
	scanner := bufio.NewScanner(strings.NewReader(output))
	for scanner.Scan() {
		line := scanner.Text()
		first, _, found := strings.Cut(line, " ")
		severity, err := strconv.Atoi(first)
		if found && err == nil && severity >= 1 && severity <= 5 {
			violations = append(violations, pmdViolation{severity: severity, line: line})
		}
	}
	return violations
}

func TestGeneratedApexPassesPMD(t *testing.T) {
	tools := requireApexTools(t)
	if _, err := exec.LookPath("java"); err != nil {
		skipOrFailWithoutTool(t, "java is not on PATH; PMD needs Java 11 or later (Debian: default-jre-headless)")
	}
	classes, _ := writeGoldenCasesApex(t)

	// A class that runs SOQL without a CRUD check, which PMD ranks High,
	// shows in the same run that severe violations are reported.
	risky := filepath.Join(t.TempDir(), "RiskyCondition.cls")
	source := "global with sharing class RiskyCondition {\n" +
		"    public Boolean evaluate(SObject event) {\n" +
		"        return [SELECT Id FROM Account LIMIT 1].isEmpty();\n" +
		"    }\n" +
		"}\n"
	if err := os.WriteFile(risky, []byte(source), 0o644); err != nil {
		t.Fatal(err)
	}

	args := append([]string{filepath.Join(tools, "pmd.js"), "--fail-on=2", risky}, classes...)
	output, code := runTool(t, "node", args...)
	if code != 1 {
		t.Fatalf("pmd.js exited %d, want 1 for the risky class alone:\n%s", code, output)
	}

	riskyFound := false
	for _, violation := range parsePMDOutput(output) {
		if violation.severity > 2 {
			continue
		}
		if strings.Contains(violation.line, risky+":") {
			riskyFound = true
			continue
		}
		t.Errorf("generated class has a PMD violation of severity %d: %s", violation.severity, violation.line)
	}
	if !riskyFound {
		t.Errorf("pmd.js reported no severe violation in %s, so the check cannot be trusted:\n%s", risky, output)
	}
	if i := strings.LastIndex(output, "pmd: "); i >= 0 {
		t.Log(strings.TrimSpace(output[i:]))
	}
}

func TestGeneratedApexMetaMatchesSchema(t *testing.T) {
	schema := os.Getenv("SFHARDEN_SCHEMA")
	if schema == "" {
		skipOrFailWithoutTool(t, "SFHARDEN_SCHEMA is not set; point it at metadata-v66.xsd")
	}
	if _, err := exec.LookPath("xmllint"); err != nil {
		skipOrFailWithoutTool(t, "xmllint is not on PATH (Debian: libxml2-utils)")
	}
	_, metas := writeGoldenCasesApex(t)

	output, code := runTool(t, "xmllint", append([]string{"--noout", "--schema", schema}, metas...)...)
	if code != 0 {
		t.Errorf("xmllint exited %d:\n%s", code, output)
	}
}
