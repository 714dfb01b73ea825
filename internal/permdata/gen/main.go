// Command gen scans a corpus of retrieved Salesforce profiles and permission
// sets and writes internal/permdata/zz_generated_permissions.go, the table of
// known user permission names behind permdata.Known.
//
// Usage, from anywhere inside the module:
//
//	go run ./internal/permdata/gen -corpus DIR [-o FILE]
//
// DIR holds one folder per source repository, named <owner>__<repo>, with
// Metadata API format repositories under mdapi-format/. Without -o the file
// is written into internal/permdata of the enclosing module.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/sfharden/sfharden/internal/permdata/internal/corpus"
)

const outputName = "zz_generated_permissions.go"

// stderr receives the warnings about skipped corpus files.
var stderr io.Writer = os.Stderr

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	flags := flag.NewFlagSet("gen", flag.ContinueOnError)
	corpusDir := flags.String("corpus", "", "folder of the permission corpus (one <owner>__<repo> folder per repository)")
	output := flags.String("o", "", "file to write (default: internal/permdata/"+outputName+" of the enclosing module)")
	if err := flags.Parse(args); err != nil {
		return err
	}
	if *corpusDir == "" {
		return errors.New("missing -corpus: pass the corpus folder, or set SFHARDEN_CORPUS when running go generate")
	}

	c, err := corpus.Scan(*corpusDir)
	if err != nil {
		return err
	}
	for _, skipped := range c.Skipped {
		fmt.Fprintf(stderr, "gen: skipped %s: %v\n", skipped.Path, skipped.Err)
	}
	source, err := c.Render()
	if err != nil {
		return err
	}

	path := *output
	if path == "" {
		root, err := moduleRoot()
		if err != nil {
			return err
		}
		path = filepath.Join(root, "internal", "permdata", outputName)
	}
	if err := os.WriteFile(path, source, 0o644); err != nil {
		return fmt.Errorf("write generated permissions: %w", err)
	}
	return nil
}

// moduleRoot returns the nearest folder at or above the working directory
// that holds a go.mod file.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("find module root: %w", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("find module root: no go.mod above the working directory; pass -o FILE")
		}
		dir = parent
	}
}
