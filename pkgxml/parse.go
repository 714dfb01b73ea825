package pkgxml

import (
	"fmt"
	"io/fs"

	"github.com/sfharden/sfharden/internal/fsutil"
	"github.com/sfharden/sfharden/internal/mdxml"
)

// Parse parses the XML of a package.xml or destructive-change manifest.
func Parse(data []byte) (*Package, error) {
	return mdxml.Parse[Package](data)
}

// ParseFile reads a manifest file. Its errors name the file, and its syntax
// errors the line too.
func ParseFile(path string) (*Package, error) {
	return mdxml.ParseFile[Package](path)
}

// Marshal writes the manifest as `sf project generate manifest` does: the
// XML declaration, <types> sorted by <name>, members sorted byte-wise,
// <version> last, 4-space indentation and one final newline. A manifest
// that has a fullName (the name of a package in a packaging org) keeps it.
func (p *Package) Marshal() ([]byte, error) {
	return mdxml.Options{FullName: true}.Marshal(p)
}

// WriteFile writes the manifest to path atomically: a reader sees the old
// file or the new one, never a mix.
func (p *Package) WriteFile(path string) error {
	data, err := p.Marshal()
	if err != nil {
		return fmt.Errorf("write manifest %s: %w", path, err)
	}
	return fsutil.WriteFileAtomic(path, data, fs.FileMode(0o644))
}
