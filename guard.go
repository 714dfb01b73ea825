package sfharden

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/sfharden/sfharden/connectedapp"
	"github.com/sfharden/sfharden/internal/mdxml"
	"github.com/sfharden/sfharden/project"
)

// LockPath is the file, relative to the project root, in which Write
// records what it wrote: the SHA-256 of each component's file and the spec
// it came from. A later Write replaces a component only when the lock shows
// that sfharden wrote it from the same spec and its file is unchanged since.
const LockPath = ".sfharden/generated.json"

// lockFile is the JSON of LockPath.
type lockFile struct {
	Components map[string]lockEntry `json:"components"`
}

type lockEntry struct {
	SHA256 string `json:"sha256"`
	Spec   string `json:"spec,omitempty"`
}

// ConflictError lists the existing components that Write would replace or
// share a user with although it did not write them. WriteOptions.Force
// writes anyway.
type ConflictError struct {
	Conflicts []string
}

func (e *ConflictError) Error() string {
	return "the project already has components that sfharden did not write from this spec, or changed since; " +
		"check them, or use --force to replace them:\n" + strings.Join(e.Conflicts, "\n")
}

func componentKey(typ, name string) string { return typ + ":" + name }

func digest(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// readLock returns the lock of the project at dir, or an empty one.
func readLock(dir string) (*lockFile, error) {
	lock := &lockFile{Components: map[string]lockEntry{}}
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(LockPath)))
	if errors.Is(err, fs.ErrNotExist) {
		return lock, nil
	}
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(data, lock); err != nil {
		return nil, fmt.Errorf("%s: %w", LockPath, err)
	}
	if lock.Components == nil {
		lock.Components = map[string]lockEntry{}
	}
	return lock, nil
}

// guard checks what Write is about to do to an existing project at dir and
// returns the updated lock to write with it. A conflict is a component of
// the same type and name that sfharden did not write from this spec or that
// was changed since. An OAuth app of another integration that runs as one
// of this bundle's users is a conflict too.
func (b *Bundle) guard(dir string, components []project.Component, files []project.File, force bool) ([]byte, error) {
	lock, err := readLock(dir)
	if err != nil {
		return nil, fmt.Errorf("write bundle: %w", err)
	}
	var existing []project.Component
	if _, err := os.Stat(filepath.Join(dir, "sfdx-project.json")); err == nil {
		tree, err := project.Read(dir)
		if err != nil {
			return nil, fmt.Errorf("write bundle: read %s: %w", dir, err)
		}
		existing = tree.Components
	}

	spec := specRef(dir, b.SpecFile)
	ours := map[string]bool{}
	for _, c := range components {
		ours[componentKey(c.Type, strings.ToLower(c.FullName))] = true
	}
	var conflicts []string
	for _, c := range components {
		data, err := mdxml.Marshal(c.Value)
		if err != nil {
			return nil, fmt.Errorf("write bundle: %s %s: %w", c.Type, c.FullName, err)
		}
		key := componentKey(c.Type, c.FullName)
		for _, e := range existing {
			if e.Type != c.Type || !strings.EqualFold(e.FullName, c.FullName) {
				continue
			}
			if reason := replaceable(e, data, lock.Components[key], spec); reason != "" {
				conflicts = append(conflicts, fmt.Sprintf("%s %s (%s): %s", c.Type, c.FullName, e.Path, reason))
			}
		}
		lock.Components[key] = lockEntry{SHA256: digest(data), Spec: spec}
	}
	conflicts = append(conflicts, guardFiles(dir, files, lock)...)
	conflicts = append(conflicts, b.sharedRunAsUsers(existing, ours)...)
	if len(conflicts) > 0 && !force {
		return nil, &ConflictError{Conflicts: conflicts}
	}
	out, err := json.MarshalIndent(lock, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(out, '\n'), nil
}

// guardFiles checks the plain files of a write (runbook, scripts, user
// definitions, Apex sources) and records them in the lock. An existing
// file may be replaced when it already contains the new content, or when
// the lock shows that sfharden wrote it and it is unchanged since. The spec
// does not matter here, so a write from another spec replaces RUNBOOK.md.
func guardFiles(dir string, files []project.File, lock *lockFile) []string {
	var conflicts []string
	for _, f := range files {
		key := "file:" + f.Path
		current, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f.Path)))
		switch {
		case errors.Is(err, fs.ErrNotExist) || (err == nil && bytes.Equal(current, f.Data)):
		case err != nil:
			conflicts = append(conflicts, fmt.Sprintf("%s: cannot read it: %s", f.Path, withoutPath(err)))
		case lock.Components[key].SHA256 == "":
			conflicts = append(conflicts, fmt.Sprintf("%s: sfharden did not write it", f.Path))
		case lock.Components[key].SHA256 != digest(current):
			conflicts = append(conflicts, fmt.Sprintf("%s: it was changed after sfharden wrote it", f.Path))
		}
		lock.Components[key] = lockEntry{SHA256: digest(f.Data)}
	}
	return conflicts
}

// replaceable returns why the existing component may not be replaced, or
// "" when it may.
func replaceable(e project.Component, newData []byte, entry lockEntry, spec string) string {
	current, err := os.ReadFile(e.Path)
	if err != nil {
		return "cannot read it: " + withoutPath(err)
	}
	switch {
	case bytes.Equal(current, newData):
		return ""
	case entry.SHA256 == "":
		return "sfharden did not write it"
	case entry.SHA256 != digest(current):
		return "it was changed after sfharden wrote it"
	case entry.Spec != "" && spec != "" && entry.Spec != spec:
		return fmt.Sprintf("sfharden wrote it from %s, not from %s", entry.Spec, spec)
	}
	return ""
}

// sharedRunAsUsers reports OAuth apps of the project, other than this
// bundle's, that run as one of this bundle's integration users.
func (b *Bundle) sharedRunAsUsers(existing []project.Component, ours map[string]bool) []string {
	users := map[string]string{}
	for _, ib := range b.Integrations {
		users[strings.ToLower(ib.Integration.User.Username)] = ib.Integration.Name
	}
	var conflicts []string
	for _, e := range existing {
		if ours[componentKey(e.Type, strings.ToLower(e.FullName))] {
			continue
		}
		runAs := runAsUser(e.Value)
		if runAs == "" {
			continue
		}
		if name, ok := users[strings.ToLower(runAs)]; ok {
			conflicts = append(conflicts, fmt.Sprintf("%s %s (%s) runs as %s, the user of integration %s; one user per integration keeps a stolen credential to one system's access", e.Type, e.FullName, e.Path, runAs, name))
		}
	}
	slices.Sort(conflicts)
	return conflicts
}

// specRef names a spec file in the lock: by its path from the project root
// when it lies inside the project, else by its file name, so the lock does
// not depend on where the project sits on a machine.
//
// NOTE: two specs outside the project with the same file name count as the
// same spec.
func specRef(dir, spec string) string {
	if spec == "" {
		return ""
	}
	absDir, errDir := filepath.Abs(dir)
	absSpec, errSpec := filepath.Abs(spec)
	if errDir == nil && errSpec == nil {
		if rel, err := filepath.Rel(absDir, absSpec); err == nil && !strings.HasPrefix(rel, "..") {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.Base(spec)
}

// runAsUser returns the client credentials user of an OAuth app value, or
// "" for anything else.
func runAsUser(v any) string {
	switch app := v.(type) {
	case *connectedapp.ConnectedApp:
		if app.OAuthConfig != nil {
			return app.OAuthConfig.OAuthClientCredentialUser
		}
	case *connectedapp.ExtlClntAppOauthConfigurablePolicies:
		return app.ClientCredentialsFlowUser
	}
	return ""
}
