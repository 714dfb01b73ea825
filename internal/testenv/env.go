package testenv

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
)

// Names of the environment variables that locate the test inputs.
const (
	SchemaVar       = "SFHARDEN_SCHEMA"
	WSDLVar         = "SFHARDEN_WSDL"
	CorpusVar       = "SFHARDEN_CORPUS"
	SamplesVar      = "SFHARDEN_SAMPLES"
	TxnSecVar       = "SFHARDEN_TXNSEC"
	RequireToolsVar = "SFHARDEN_REQUIRE_TOOLS"
)

// sfInModule is where npm ci in tools/node installs the pinned Salesforce
// CLI, relative to the module root.
var sfInModule = filepath.Join("tools", "node", "node_modules", ".bin", "sf")

// Schema returns the path of the Metadata API schema (metadata-v66.xsd)
// named by SFHARDEN_SCHEMA.
func Schema(t testing.TB) string {
	t.Helper()
	return fileFromEnv(t, SchemaVar, "metadata-v66.xsd")
}

// WSDL returns the path of the Metadata API WSDL (metadata-v66.wsdl) named
// by SFHARDEN_WSDL.
func WSDL(t testing.TB) string {
	t.Helper()
	return fileFromEnv(t, WSDLVar, "metadata-v66.wsdl")
}

// Corpus returns the folder of retrieved metadata named by SFHARDEN_CORPUS.
func Corpus(t testing.TB) string {
	t.Helper()
	return dirFromEnv(t, CorpusVar, "the corpus of retrieved metadata")
}

// Samples returns the folder of reference samples named by SFHARDEN_SAMPLES.
func Samples(t testing.TB) string {
	t.Helper()
	return dirFromEnv(t, SamplesVar, "the reference samples")
}

// TxnSec returns the folder of transaction security references named by
// SFHARDEN_TXNSEC.
func TxnSec(t testing.TB) string {
	t.Helper()
	return dirFromEnv(t, TxnSecVar, "the transaction security references")
}

// Xmllint returns the path of xmllint found on PATH.
func Xmllint(t testing.TB) string {
	t.Helper()
	path, err := exec.LookPath("xmllint")
	if err != nil {
		unavailable(t, "xmllint not found on PATH; install libxml2-utils: %v", err)
	}
	return path
}

// SF returns the path of the Salesforce CLI. It prefers the version pinned
// by tools/node/package-lock.json, found by walking up from the working
// directory to the module root, and falls back to sf on PATH.
func SF(t testing.TB) string {
	t.Helper()
	if root, err := moduleRoot(); err == nil {
		path := filepath.Join(root, sfInModule)
		if isExecutable(path) {
			return path
		}
	}
	path, err := exec.LookPath("sf")
	if err != nil {
		unavailable(t, "sf not found in %s or on PATH; run npm ci in tools/node", sfInModule)
	}
	return path
}

// RequireTools reports whether SFHARDEN_REQUIRE_TOOLS asks for missing
// inputs and tools to fail tests rather than skip them.
func RequireTools() bool {
	required, err := strconv.ParseBool(os.Getenv(RequireToolsVar))
	return err == nil && required
}

// unavailable skips the test, or fails it when RequireTools is true.
func unavailable(t testing.TB, format string, args ...any) {
	t.Helper()
	if RequireTools() {
		t.Fatalf(format+" (%s is set, so this fails instead of skipping)", append(args, RequireToolsVar)...)
	}
	t.Skipf(format, args...)
}

func fileFromEnv(t testing.TB, name, what string) string {
	t.Helper()
	path := pathFromEnv(t, name, what)
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		unavailable(t, "%s=%q is a folder; set it to the path of %s", name, path, what)
	}
	return path
}

func dirFromEnv(t testing.TB, name, what string) string {
	t.Helper()
	path := pathFromEnv(t, name, what)
	if info, err := os.Stat(path); err == nil && !info.IsDir() {
		unavailable(t, "%s=%q is not a folder; set it to the folder of %s", name, path, what)
	}
	return path
}

func pathFromEnv(t testing.TB, name, what string) string {
	t.Helper()
	path := os.Getenv(name)
	if path == "" {
		unavailable(t, "%s is not set; set it to the path of %s to run this test", name, what)
	}
	if _, err := os.Stat(path); err != nil {
		unavailable(t, "%s=%q cannot be read; set it to the path of %s: %v", name, path, what, err)
	}
	return path
}

// moduleRoot returns the closest folder at or above the working directory
// that contains go.mod. go test runs each test in its package folder, so
// this is the root of the sfharden module.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("get working directory: %w", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		} else if !errors.Is(err, fs.ErrNotExist) {
			return "", fmt.Errorf("look for go.mod: %w", err)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod found at or above the working directory")
		}
		dir = parent
	}
}

func isExecutable(path string) bool {
	info, err := os.Stat(path)
	return err == nil && !info.IsDir() && info.Mode().Perm()&0o111 != 0
}
