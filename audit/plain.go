package audit

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/sfharden/sfharden/internal/kinds"
	"github.com/sfharden/sfharden/internal/registry"
)

// readPlain reads the metadata files under root that are not read yet,
// recognising each file by its own name: X.profile-meta.xml and X.profile
// are both profiles. format is the layout that project.Walk guessed for
// root. With it, readPlain reads only the manifests, which give the API
// version of the files below them, and the files of the other format, so
// the files that Walk left out for .forceignore stay out. Without one, Walk could not read
// root at all: every file is read, and unreadable folders are reported.
//
// NOTE: .forceignore does not apply to the files of the other format,
// because the rules that project.Walk applies are not exported.
func (r *reader) readPlain(i int, root string, format *registry.Format) {
	var report func(path string, err error)
	if format == nil {
		report = func(path string, err error) { r.problem(r.opts.display(path), "%v", err) }
	}
	var paths []string
	for _, path := range listPlain(root, report) {
		if !isAuditedName(path) {
			continue
		}
		kind, _ := kinds.ForFile(path)
		isManifest := kind.Type == kinds.Manifest.Type
		if format != nil && !isManifest && strings.HasSuffix(path, registry.MetaXMLSuffix) == (*format == registry.Source) {
			continue
		}
		if r.claim(i, path) {
			paths = append(paths, path)
		}
	}

	workers := r.opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	work := make(chan string)
	var wg sync.WaitGroup
	for range min(workers, len(paths)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for path := range work {
				r.collect(i, path, readFile(r.input(path, r.opts.display(path))), true)
			}
		}()
	}
	for _, path := range paths {
		work <- path
	}
	close(work)
	wg.Wait()
}

// isAuditedName reports whether the name of the file at path, in source or
// mdapi form, is that of a metadata type the audit reads or notes.
func isAuditedName(path string) bool {
	if _, ok := kinds.ForFile(path); ok {
		return true
	}
	if _, ok := settingsName(path); ok {
		return true
	}
	base := filepath.Base(path)
	return slices.ContainsFunc(objectSuffixes, func(s string) bool { return strings.HasSuffix(base, s) })
}

// listPlain returns the regular files below root, sorted. It follows
// symbolic links as project.Walk does, and skips names that start with a
// dot (the sf CLI's own folders, .git) and node_modules. report, when not
// nil, receives each folder or link that cannot be read.
func listPlain(root string, report func(path string, err error)) []string {
	if report == nil {
		report = func(string, error) {}
	}
	info, err := os.Stat(root)
	if err != nil {
		report(root, err)
		return nil
	}
	var files []string
	var walk func(dir string, ancestors []fs.FileInfo)
	walk = func(dir string, ancestors []fs.FileInfo) {
		entries, err := os.ReadDir(dir)
		if err != nil {
			report(dir, fmt.Errorf("read folder %s: %w", dir, err))
			return
		}
		for _, entry := range entries {
			name := entry.Name()
			if strings.HasPrefix(name, ".") || name == "node_modules" {
				continue
			}
			path := filepath.Join(dir, name)
			info, err := os.Stat(path)
			if err != nil {
				report(path, fmt.Errorf("read %s: %w", path, err))
				continue
			}
			switch {
			case info.IsDir():
				if slices.ContainsFunc(ancestors, func(a fs.FileInfo) bool { return os.SameFile(a, info) }) {
					report(path, fmt.Errorf("%s: the symbolic link leads back to a folder that contains it, so it is not followed", path))
					continue
				}
				walk(path, append(slices.Clip(ancestors), info))
			case info.Mode().IsRegular():
				files = append(files, path)
			}
		}
	}
	walk(root, []fs.FileInfo{info})
	return files
}
