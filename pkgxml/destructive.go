package pkgxml

import (
	"fmt"
	"path/filepath"
)

// Destructive names one of the three destructive-change manifests. A
// destructive manifest has the shape of package.xml, version included, and
// lists the components a deploy deletes. Its members must be named: the
// Metadata API does not accept "*" in it.
type Destructive int

const (
	// DestructiveChanges is destructiveChanges.xml, deleted by a deploy of
	// a Metadata API folder (`sf project deploy start --metadata-dir`) that
	// contains it next to its package.xml.
	DestructiveChanges Destructive = iota

	// DestructivePre is destructiveChangesPre.xml, deleted before the other
	// components deploy: `sf project deploy start --manifest package.xml
	// --pre-destructive-changes destructiveChangesPre.xml`.
	DestructivePre

	// DestructivePost is destructiveChangesPost.xml, deleted after the other
	// components deploy: `--post-destructive-changes`.
	DestructivePost
)

// FileName returns the file name the sf CLI and the Metadata API use for
// the manifest: "destructiveChangesPre.xml".
func (d Destructive) FileName() string {
	switch d {
	case DestructivePre:
		return "destructiveChangesPre.xml"
	case DestructivePost:
		return "destructiveChangesPost.xml"
	}
	return "destructiveChanges.xml"
}

// DeployFlag returns the flag of `sf project deploy start` that takes the
// manifest, or "" for [DestructiveChanges], which a Metadata API folder
// carries next to its package.xml.
func (d Destructive) DeployFlag() string {
	switch d {
	case DestructivePre:
		return "--pre-destructive-changes"
	case DestructivePost:
		return "--post-destructive-changes"
	}
	return ""
}

// WriteDestructive writes p as the destructive manifest d in dir and
// returns the path it wrote. It rejects a manifest with a wildcard member,
// which the Metadata API does not delete, and one with no members.
func WriteDestructive(dir string, d Destructive, p *Package) (string, error) {
	path := filepath.Join(dir, d.FileName())
	if len(p.Types) == 0 {
		return "", fmt.Errorf("write %s: the manifest lists no components to delete", path)
	}
	for _, tm := range p.Types {
		for _, member := range tm.Members {
			if member == Wildcard {
				return "", fmt.Errorf("write %s: %s member %q cannot be deleted: list each %s to delete by name", path, tm.Name, member, tm.Name)
			}
		}
	}
	if p.Version == "" {
		return "", fmt.Errorf("write %s: missing version: set it to the API version of the deploy", path)
	}
	return path, p.WriteFile(path)
}
