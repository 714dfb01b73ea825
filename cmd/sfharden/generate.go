package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/sfharden/sfharden"
	"github.com/sfharden/sfharden/field"
)

func runGenerate(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("generate", "[-o DIR | --into PROJECT] [--force] SPEC",
		"Checks an integration spec against the hardening policy and writes the hardened\n"+
			"bundle as an sf project: a new project in DIR, or the bundle's components added to\n"+
			"the existing sf project PROJECT. Nothing on disk changes unless every check passes\n"+
			"and every file is written.\n"+
			"Exit status: 0 on success, 1 when the spec is invalid or breaks the policy (one\n"+
			"line per problem: FILE:LINE:COLUMN: PATH: KIND: ...), 2 on usage or I/O errors.",
		"sfharden generate -o out examples/snowflake-etl/integration.yaml", stderr)
	out := fs.String("o", "out", "folder of the new project")
	into := fs.String("into", "", "existing sf project to add the bundle to, instead of -o")
	force := fs.Bool("force", false, "write into an existing non-empty folder that is not an sf project")
	positional, code := parseFlags(fs, args, stdout)
	if code >= 0 {
		return code
	}
	specPath, code := oneSpec("generate", positional, stderr)
	if code >= 0 {
		return code
	}

	bundle, code := buildSpec(specPath, stderr)
	if code >= 0 {
		return code
	}

	outGiven := false
	fs.Visit(func(f *flag.Flag) { outGiven = outGiven || f.Name == "o" })
	if outGiven && *into != "" {
		fmt.Fprintln(stderr, "sfharden generate: give -o for a new project or --into for an existing one, not both")
		return exitError
	}

	dir := *out
	if *into != "" {
		dir = *into
		if _, err := os.Stat(filepath.Join(dir, "sfdx-project.json")); err != nil {
			fmt.Fprintf(stderr, "sfharden generate: %s is not an sf project (no sfdx-project.json); use -o to write a new project\n", dir)
			return exitError
		}
	}
	if err := bundle.Write(dir, sfharden.WriteOptions{Force: *force}); err != nil {
		fmt.Fprintf(stderr, "sfharden generate: %v\n", err)
		return exitError
	}
	fmt.Fprintf(stdout, "wrote %d integration(s) to %s; next steps are in %s\n",
		len(bundle.Integrations), dir, filepath.Join(dir, "RUNBOOK.md"))
	return exitOK
}

func runValidate(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("validate", "SPEC",
		"Runs every check of 'sfharden generate' on an integration spec and writes nothing.\n"+
			"Exit status: 0 when the spec passes, 1 when it is invalid or breaks the policy\n"+
			"(one line per problem), 2 on usage or I/O errors.",
		"sfharden validate examples/snowflake-etl/integration.yaml", stderr)
	positional, code := parseFlags(fs, args, stdout)
	if code >= 0 {
		return code
	}
	specPath, code := oneSpec("validate", positional, stderr)
	if code >= 0 {
		return code
	}
	bundle, code := buildSpec(specPath, stderr)
	if code >= 0 {
		return code
	}
	fmt.Fprintf(stdout, "%s: %d integration(s) pass every check\n", specPath, len(bundle.Integrations))
	return exitOK
}

func oneSpec(command string, positional []string, stderr io.Writer) (string, int) {
	switch len(positional) {
	case 0:
		fmt.Fprintf(stderr, "sfharden %s: missing SPEC; give the path of an integration spec file\n", command)
		return "", exitError
	case 1:
		return positional[0], -1
	default:
		fmt.Fprintf(stderr, "sfharden %s: give one SPEC file, not %d arguments\n", command, len(positional))
		return "", exitError
	}
}

// buildSpec loads and builds a spec, printing its problems one per line and
// its notices, and returns the exit code to stop with, or -1 to go on.
func buildSpec(path string, stderr io.Writer) (*sfharden.Bundle, int) {
	spec, err := sfharden.LoadSpec(path)
	if err == nil {
		var bundle *sfharden.Bundle
		bundle, err = sfharden.Build(spec, sfharden.BuildOptions{})
		if err == nil {
			printNotices(stderr, path, spec, bundle.Notices)
			return bundle, -1
		}
	}
	var specErrs sfharden.SpecErrors
	if errors.As(err, &specErrs) {
		for _, e := range specErrs {
			fmt.Fprintln(stderr, e)
		}
		return nil, exitFindings
	}
	fmt.Fprintf(stderr, "sfharden: %v\n", err)
	return nil, exitError
}

func printNotices(w io.Writer, path string, spec *sfharden.Spec, notices []field.Notice) {
	for _, n := range notices {
		if line, col, ok := spec.Position(n.Path); ok {
			fmt.Fprintf(w, "%s:%d:%d: notice: %s\n", path, line, col, n)
			continue
		}
		fmt.Fprintf(w, "%s: notice: %s\n", path, n)
	}
}
