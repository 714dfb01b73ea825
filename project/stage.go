package project

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// stagePrefix starts the name of the staging folder inside the target.
const stagePrefix = ".sfharden-stage-"

// writePlan is every file Create writes, checked before anything is written.
type writePlan struct {
	root       string
	createRoot bool // root does not exist yet

	files []File         // in the order they are added
	index map[string]int // path -> position in files

	// needContent lists the content files (classes/X.cls) that the
	// -meta.xml files written need and that no component provided.
	needContent []string
}

// add plans the file rel, relative to the root. A path given twice is an
// error, because one write would silently lose the other.
func (plan *writePlan) add(rel string, data []byte, mode fs.FileMode) error {
	if err := checkRelativePath(rel); err != nil {
		return fmt.Errorf("write project: %w", err)
	}
	if plan.index == nil {
		plan.index = map[string]int{}
	}
	if _, dup := plan.index[strings.ToLower(rel)]; dup {
		return fmt.Errorf("write project: %s is written twice: give each component and file once", rel)
	}
	plan.index[strings.ToLower(rel)] = len(plan.files)
	plan.files = append(plan.files, File{Path: rel, Data: data, Mode: mode})
	return nil
}

// checkContentFiles makes sure every -meta.xml file of a type with content
// has its content file, from the plan or already on disk.
func (plan *writePlan) checkContentFiles() error {
	for _, rel := range plan.needContent {
		if _, ok := plan.index[strings.ToLower(rel)]; ok {
			continue
		}
		if _, err := os.Stat(filepath.Join(plan.root, filepath.FromSlash(rel))); err == nil {
			continue
		}
		return fmt.Errorf("write project: %s is missing: set the component value's Content or add the file to NewProject.Files", rel)
	}
	return nil
}

// testHookBeforeMove, when set by a test, runs before the n-th file (from 0)
// is moved into place; an error it returns fails the write there.
var testHookBeforeMove func(n int) error

// move is one file moved into place, for rollback.
type move struct {
	dest   string
	backup string // path of the replaced file in the staging folder; "" when dest was new
}

// commit stages every file, then moves them into place, rolling back on the
// first failure.
func (plan *writePlan) commit() (err error) {
	for _, f := range plan.files {
		if err := plan.checkNoSymlink(f.Path); err != nil {
			return err
		}
		// A folder where a file goes would be moved aside and deleted with
		// the staging folder, taking whatever it holds with it.
		dest := filepath.Join(plan.root, filepath.FromSlash(f.Path))
		if info, err := os.Lstat(dest); err == nil && info.IsDir() {
			return fmt.Errorf("write project: %s is a folder, where the file %s goes; move it away first", dest, f.Path)
		}
	}
	if plan.createRoot {
		if err := os.MkdirAll(plan.root, 0o755); err != nil {
			return fmt.Errorf("write project: %w", err)
		}
	}
	stage, err := os.MkdirTemp(plan.root, stagePrefix)
	if err != nil {
		plan.removeRoot()
		return fmt.Errorf("write project: create staging folder: %w", err)
	}

	var (
		moves       []move
		createdDirs []string
	)
	defer func() {
		if err != nil {
			rollback(moves, createdDirs)
		}
		os.RemoveAll(stage)
		if err != nil {
			plan.removeRoot()
		}
	}()

	staged := make([]string, len(plan.files))
	for i, f := range plan.files {
		staged[i] = filepath.Join(stage, "new", filepath.FromSlash(f.Path))
		if err := writeStaged(staged[i], f.Data, f.Mode); err != nil {
			return fmt.Errorf("write project: stage %s: %w", f.Path, err)
		}
	}

	for i, f := range plan.files {
		if testHookBeforeMove != nil {
			if err := testHookBeforeMove(i); err != nil {
				return fmt.Errorf("write project: move %s: %w", f.Path, err)
			}
		}
		dest := filepath.Join(plan.root, filepath.FromSlash(f.Path))
		made, err := mkdirAllRecorded(filepath.Dir(dest), plan.root)
		createdDirs = append(createdDirs, made...)
		if err != nil {
			return fmt.Errorf("write project: %w", err)
		}

		m := move{dest: dest}
		if _, err := os.Lstat(dest); err == nil {
			m.backup = filepath.Join(stage, "old", filepath.FromSlash(f.Path))
			if err := os.MkdirAll(filepath.Dir(m.backup), 0o755); err != nil {
				return fmt.Errorf("write project: %w", err)
			}
			if err := os.Rename(dest, m.backup); err != nil {
				return fmt.Errorf("write project: move aside %s: %w", f.Path, err)
			}
		}
		if err := os.Rename(staged[i], dest); err != nil {
			if m.backup != "" {
				os.Rename(m.backup, dest)
			}
			return fmt.Errorf("write project: move %s into place: %w", f.Path, err)
		}
		moves = append(moves, m)
	}
	return nil
}

// rollback undoes moves and removes the folders created for them, newest
// first.
func rollback(moves []move, createdDirs []string) {
	for _, m := range slices.Backward(moves) {
		os.Remove(m.dest)
		if m.backup != "" {
			os.Rename(m.backup, m.dest)
		}
	}
	for _, dir := range slices.Backward(createdDirs) {
		os.Remove(dir) // fails, as it should, if the folder is not empty
	}
}

// removeRoot removes the root after a failed write that created it.
func (plan *writePlan) removeRoot() {
	if plan.createRoot {
		os.RemoveAll(plan.root)
	}
}

// checkNoSymlink rejects a path whose existing folders or file inside the
// root include a symbolic link, which could lead outside the root.
func (plan *writePlan) checkNoSymlink(rel string) error {
	current := plan.root
	for _, part := range strings.Split(rel, "/") {
		current = filepath.Join(current, part)
		info, err := os.Lstat(current)
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("write project: %w", err)
		}
		if info.Mode()&fs.ModeSymlink != 0 {
			return fmt.Errorf("write project: %s leads through the symbolic link %s: replace the link with a folder", rel, current)
		}
	}
	return nil
}

// writeStaged writes a new file and syncs it, creating its folders.
func writeStaged(file string, data []byte, mode fs.FileMode) error {
	if mode == 0 {
		mode = 0o644
	}
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_EXCL, mode.Perm())
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Chmod(mode.Perm()); err != nil { // the umask may have cleared bits
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// mkdirAllRecorded creates dir and its missing parents below root and
// returns the folders it created, outermost first.
func mkdirAllRecorded(dir, root string) ([]string, error) {
	var missing []string
	for current := dir; current != root && current != filepath.Dir(current); current = filepath.Dir(current) {
		if _, err := os.Lstat(current); err == nil {
			break
		}
		missing = append(missing, current)
	}
	slices.Reverse(missing)
	var created []string
	for _, d := range missing {
		if err := os.Mkdir(d, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
			return created, err
		}
		created = append(created, d)
	}
	return created, nil
}
