package project

import (
	"cmp"
	"slices"

	"github.com/sfharden/sfharden/internal/registry"
	"github.com/sfharden/sfharden/pkgxml"
)

// Format is the layout of a tree on disk: [registry.Source] or
// [registry.Mdapi].
type Format = registry.Format

// Tree is a project or folder read by [Read].
type Tree struct {
	// Root is the folder that was read.
	Root string

	// Format is Source for an sf project or a plain folder of metadata, and
	// Mdapi for a folder with a package.xml.
	Format Format

	// PackageDirectories are the package directories of sfdx-project.json,
	// relative to Root. A plain folder or an mdapi folder has one, ".".
	PackageDirectories []PackageDirectory

	// APIVersion is the sourceApiVersion of sfdx-project.json, or the
	// version of an mdapi folder's package.xml, or "" when neither is set.
	APIVersion string

	// Components are sorted by type, then by name.
	Components []Component

	// Problems are the files that could not be read or parsed, sorted by
	// path. The rest of the tree is read all the same.
	Problems []Problem

	// Manifest is manifest/package.xml of an sf project or the package.xml of
	// an mdapi folder. It is nil when there is none, or when it does not
	// parse and a Problem gives the reason. ManifestPath is its path.
	Manifest     *pkgxml.Package
	ManifestPath string
}

// PackageDirectory is one entry of packageDirectories in sfdx-project.json.
type PackageDirectory struct {
	// Path is relative to the project root, with forward slashes:
	// "force-app".
	Path string `json:"path"`

	// Default marks the package directory that the sf CLI writes retrieved
	// components into. A project has exactly one.
	Default bool `json:"default,omitempty"`
}

// BuildManifest returns the package.xml that lists the components, as
// `sf project generate manifest --source-dir` writes it for the same
// files. The version is the given one, or else tree's APIVersion, or else
// [pkgxml.APIVersion].
func (t *Tree) BuildManifest(version string) *pkgxml.Package {
	if version == "" {
		version = t.APIVersion
	}
	return BuildManifest(t.Components, version)
}

// BuildManifest returns the package.xml that lists components at version
// ([pkgxml.APIVersion] when empty). A component with a Member is listed by
// it; any other is listed by its FullName, encoded with
// [pkgxml.EncodeMember].
func BuildManifest(components []Component, version string) *pkgxml.Package {
	members := make([]pkgxml.Member, 0, len(components))
	for _, c := range components {
		members = append(members, pkgxml.Member{Type: c.Type, Name: c.FullName, Encoded: c.Member})
	}
	return pkgxml.Build(members, version)
}

func sortComponents(components []Component) {
	slices.SortFunc(components, func(a, b Component) int {
		return cmp.Or(cmp.Compare(a.Type, b.Type), cmp.Compare(a.FullName, b.FullName), cmp.Compare(a.Path, b.Path))
	})
}

func sortProblems(problems []Problem) {
	slices.SortFunc(problems, func(a, b Problem) int { return cmp.Compare(a.Path, b.Path) })
}
