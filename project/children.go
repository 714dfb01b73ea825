package project

import (
	"path/filepath"
	"strings"

	"github.com/sfharden/sfharden/internal/registry"
)

// childType is a child type stored as its own file in a folder per parent
// component: CustomField in objects/Account/fields/.
type childType struct {
	child  registry.Type
	parent registry.Type
}

var (
	// childrenBySuffix maps a child file suffix ("field") to the child types
	// of folderPerType parents that use it.
	childrenBySuffix = map[string][]childType{}

	// knownSuffixes contains every suffix, legacy suffix and metadata file
	// suffix of the registry, child types included.
	knownSuffixes = map[string]bool{}
)

func init() {
	for _, t := range registry.Types() {
		for _, s := range []string{t.Suffix, t.LegacySuffix} {
			if s != "" {
				knownSuffixes[s] = true
			}
		}
		for _, name := range t.Children {
			child, ok := registry.ByName(name)
			if !ok || child.Suffix == "" {
				continue
			}
			knownSuffixes[child.Suffix] = true
			if t.Decomposition == "folderPerType" {
				childrenBySuffix[child.Suffix] = append(childrenBySuffix[child.Suffix], childType{child: child, parent: t})
			}
		}
	}
}

// forChildPath finds the child type and fullName of a source-format file
// <parent dir>/<Parent>/<child dir>/<Name>.<suffix>-meta.xml, such as
// objects/Account/fields/Industry.field-meta.xml, which is the CustomField
// "Account.Industry". The fullName keeps the file name's escapes.
func forChildPath(rel string) (registry.Type, string, bool) {
	segments := strings.Split(filepath.ToSlash(rel), "/")
	if len(segments) < 4 {
		return registry.Type{}, "", false
	}
	stem, ok := strings.CutSuffix(segments[len(segments)-1], registry.MetaXMLSuffix)
	if !ok {
		return registry.Type{}, "", false
	}
	dot := strings.LastIndexByte(stem, '.')
	if dot <= 0 {
		return registry.Type{}, "", false
	}
	name, suffix := stem[:dot], stem[dot+1:]
	childDir, parentName, parentDir := segments[len(segments)-2], segments[len(segments)-3], segments[len(segments)-4]
	for _, c := range childrenBySuffix[suffix] {
		if c.child.DirectoryName == childDir && c.parent.DirectoryName == parentDir {
			return c.child, parentName + "." + name, true
		}
	}
	return registry.Type{}, "", false
}
