package testenv

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Limits of one xmllint run. Loading the 2 MB Metadata API schema takes
// xmllint 2.9.14 about a second (measured on a 2-core x86_64 machine), so
// ValidateXML passes many files to each run. The byte limit keeps the
// command line far below the usual 2 MiB argument limit of Linux. Tests
// lower both limits to exercise batching.
var (
	maxBatchFiles = 256
	maxBatchBytes = 128 << 10
)

// ValidateXML validates each file against the schema named by
// SFHARDEN_SCHEMA with xmllint --noout --schema. It reports every file that
// is missing, not well formed or not valid with t.Errorf, quoting xmllint's
// message, and lets the test go on. It skips or fails the test like [Schema]
// and [Xmllint] when the schema or xmllint is not available.
func ValidateXML(t testing.TB, files ...string) {
	t.Helper()
	if len(files) == 0 {
		return
	}
	schema := Schema(t)
	xmllint := Xmllint(t)

	var readable []string
	for _, file := range files {
		if _, err := os.Stat(file); err != nil {
			t.Errorf("validate %s: %v", file, err)
			continue
		}
		if strings.HasPrefix(file, "-") {
			file = "./" + file // so that xmllint does not read it as an option
		}
		readable = append(readable, file)
	}

	for _, batch := range splitBatches(readable) {
		validateBatch(t, xmllint, schema, batch)
	}
}

// ValidateXMLBytes writes data to a temporary file named after the last
// element of name and validates it like [ValidateXML]. The file name
// appears in the reports, so name should identify the document, such as
// "Integration.profile-meta.xml".
func ValidateXMLBytes(t testing.TB, name string, data []byte) {
	t.Helper()
	path := filepath.Join(t.TempDir(), filepath.Base(name))
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatalf("write %s for validation: %v", path, err)
	}
	ValidateXML(t, path)
}

func splitBatches(files []string) [][]string {
	var batches [][]string
	var batch []string
	size := 0
	for _, file := range files {
		if len(batch) > 0 && (len(batch) >= maxBatchFiles || size+len(file)+1 > maxBatchBytes) {
			batches = append(batches, batch)
			batch, size = nil, 0
		}
		batch = append(batch, file)
		size += len(file) + 1
	}
	if len(batch) > 0 {
		batches = append(batches, batch)
	}
	return batches
}

// validateBatch runs one xmllint over files and reports each file that
// xmllint does not declare valid. xmllint prints "FILE validates" for a valid
// file and starts each message about a file with "FILE:" or "FILE ". Lines
// that start with no file name, such as the excerpt and caret under a parser
// error, continue the message before them.
func validateBatch(t testing.TB, xmllint, schema string, files []string) {
	t.Helper()
	args := append([]string{"--noout", "--schema", schema}, files...)
	cmd := exec.CommandContext(t.Context(), xmllint, args...)
	output, err := cmd.CombinedOutput()
	var exitErr *exec.ExitError
	if err != nil && !errors.As(err, &exitErr) {
		t.Fatalf("run xmllint: %v", err)
	}

	valid := make(map[string]bool, len(files))
	messages := make(map[string][]string, len(files))
	current := ""
	for _, line := range strings.Split(strings.TrimRight(string(output), "\n"), "\n") {
		if file := fileOfLine(files, line); file != "" {
			current = file
			if line == file+" validates" {
				valid[file] = true
				continue
			}
		}
		if current != "" {
			messages[current] = append(messages[current], line)
		}
	}

	for _, file := range files {
		if valid[file] {
			continue
		}
		message := strings.Join(messages[file], "\n")
		if message == "" {
			message = string(bytes.TrimSpace(output))
		}
		t.Errorf("%s failed validation against the Metadata API schema %s:\n%s", file, schema, message)
	}
}

// fileOfLine returns the longest file name that starts line followed by ':'
// or ' ', so that "a b.xml" wins over "a" for the line "a b.xml validates".
func fileOfLine(files []string, line string) string {
	best := ""
	for _, file := range files {
		if len(file) <= len(best) || len(line) <= len(file) || !strings.HasPrefix(line, file) {
			continue
		}
		if next := line[len(file)]; next == ':' || next == ' ' {
			best = file
		}
	}
	return best
}
