package testenv

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// CheckApex parses each Apex file with tools/apex/check.js, the
// @apexdevtools/apex-parser grammar: classes (.cls) as compilation units
// and scripts for `sf apex run` (.apex) as anonymous blocks. Each syntax
// error fails the test with the parser's message. It skips, or fails when
// RequireTools is true, where node or the tool's packages are missing.
func CheckApex(t testing.TB, files ...string) {
	t.Helper()
	if len(files) == 0 {
		return
	}
	node, err := exec.LookPath("node")
	if err != nil {
		unavailable(t, "node not found on PATH; install Node.js to check generated Apex: %v", err)
	}
	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	tool := filepath.Join(root, "tools", "apex")
	if _, err := os.Stat(filepath.Join(tool, "node_modules")); err != nil {
		unavailable(t, "%s has no node_modules; run npm ci there", tool)
	}
	out, err := exec.Command(node, append([]string{filepath.Join(tool, "check.js")}, files...)...).CombinedOutput()
	if err != nil {
		t.Errorf("the Apex parser rejected generated Apex: %v\n%s", err, out)
	}
}
