package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/sfharden/sfharden/internal/fsutil"
	"github.com/sfharden/sfharden/internal/kinds"
	"github.com/sfharden/sfharden/internal/mdxml"
	"github.com/sfharden/sfharden/internal/registry"
)

func runFmt(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("fmt", "[--check] PATH...",
		"Rewrites metadata files, or every metadata file under a folder, in the exact form a\n"+
			"Salesforce retrieve writes. Changed files are listed on stdout. Metadata files of\n"+
			"types sfharden does not model are left alone and listed as skipped on stderr.\n"+
			"Exit status: 0 when nothing needed a change (or every change was written), 1 with\n"+
			"--check when a file would change, 2 when a file could not be read or parsed.",
		"sfharden fmt --check force-app", stderr)
	check := fs.Bool("check", false, "change nothing; list the files that would change and exit 1 if there are any")
	paths, code := parseFlags(fs, args, stdout)
	if code >= 0 {
		return code
	}
	if len(paths) == 0 {
		fmt.Fprintln(stderr, "sfharden fmt: missing PATH; give metadata files or folders to format")
		fs.Usage()
		return exitError
	}

	failed, changed := false, false
	report := func(err error) {
		fmt.Fprintf(stderr, "sfharden fmt: %v\n", err)
		failed = true
	}
	for _, root := range paths {
		err := walkMetadata(root, stderr, report, func(path string, explicit bool) {
			kind, ok := kinds.ForFile(path)
			if !ok {
				if t, _, known := registry.ForPath(path, registry.Source); known || explicit {
					name := "an unknown type"
					if known {
						name = t.Name
					}
					fmt.Fprintf(stderr, "skipped %s: %s is not modelled by sfharden\n", path, name)
				}
				return
			}
			did, err := formatFile(path, kind, *check)
			if err != nil {
				fmt.Fprintln(stderr, err)
				failed = true
				return
			}
			if did {
				changed = true
				fmt.Fprintln(stdout, path)
			}
		})
		if err != nil {
			fmt.Fprintf(stderr, "sfharden fmt: %v\n", err)
			failed = true
		}
	}
	switch {
	case failed:
		return exitError
	case changed && *check:
		return exitFindings
	}
	return exitOK
}

// formatFile reports whether the file at path is not in canonical form and,
// unless check is set, rewrites it.
func formatFile(path string, kind kinds.Kind, check bool) (bool, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return false, err
	}

	v := kind.New()
	if err := mdxml.Unmarshal(data, v); err != nil {
		var xerr *mdxml.Error
		if errors.As(err, &xerr) {
			xerr.File = path
		}
		return false, err
	}
	out, err := mdxml.Marshal(v)
	if err != nil {
		return false, fmt.Errorf("%s: %w", path, err)
	}

	if bytes.Equal(data, out) {
		return false, nil
	}
	if check {
		return true, nil
	}

	// Write through a symbolic link to its target, so the link stays.
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return false, err
	}
	info, err := os.Stat(target)
	if err != nil {
		return false, err
	}
	if info.Mode().Perm()&0o200 == 0 {
		return false, fmt.Errorf("%s is read-only; make it writable to format it", path)
	}
	return true, fsutil.WriteFileAtomic(target, out, 0o644)
}

// walkMetadata calls visit for root when it is a file, or for every file
// below root when it is a folder, skipping hidden folders and
// node_modules. explicit is true for a file named on the command line. A
// folder or file that cannot be read goes to report, and the walk goes on.
// Symbolic links below root are listed as skipped on stderr.
func walkMetadata(root string, stderr io.Writer, report func(error), visit func(path string, explicit bool)) error {
	info, err := os.Stat(root)
	if err != nil {
		return err
	}
	if !info.IsDir() {
		visit(root, true)
		return nil
	}
	start := root
	if resolved, err := filepath.EvalSymlinks(root); err == nil {
		start = resolved
	}
	return filepath.WalkDir(start, func(path string, d fs.DirEntry, err error) error {
		displayPath := root + strings.TrimPrefix(path, start)
		if err != nil {
			report(err)
			if d != nil && d.IsDir() && path != start {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			name := d.Name()
			if path != start && (strings.HasPrefix(name, ".") || name == "node_modules") {
				return filepath.SkipDir
			}
			return nil
		}
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			fmt.Fprintf(stderr, "skipped %s: a symbolic link; give its target to format it\n", displayPath)
		case d.Type().IsRegular():
			visit(displayPath, false)
		}
		return nil
	})
}
