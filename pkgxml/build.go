package pkgxml

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/sfharden/sfharden/internal/registry"
)

// APIVersion is the Metadata API version that [Build] and [RetrieveManifest]
// write when the caller gives none: the version of the schema sfharden is
// generated from.
const APIVersion = "66.0"

// Member is one component to list in a manifest.
type Member struct {
	// Type is the Metadata API type name: "Profile", "CustomField".
	Type string

	// Name is the decoded fullName: "Work.com Only User", "Account.Industry".
	Name string

	// Encoded, when set, is the member exactly as the manifest lists it, and
	// Name is not encoded. A component read from a file sets it to the name
	// the file name spells, which the sf CLI copies unchanged: the file
	// "Set.With.Dots.profile-meta.xml" is the member "Set.With.Dots", not
	// "Set%2EWith%2EDots" as [EncodeMember] would write it.
	Encoded string
}

// folderTypesWithSlash lists the folder types whose folders the sf CLI lists
// under the content type with a trailing slash, so that the Metadata API
// reads the member as a folder: the ReportFolder "Sales" is the Report
// member "Sales/". Other folder types (DocumentFolder) are listed under the
// content type without one.
var folderTypesWithSlash = map[string]bool{
	"DashboardFolder":     true,
	"EmailTemplateFolder": true,
	"ReportFolder":        true,
}

// Build returns the manifest that lists members, with version as its
// <version> ([APIVersion] when empty). Members are encoded with
// [EncodeMember] unless they give their Encoded form, duplicates are dropped, types are sorted by name and
// members byte-wise. A folder type is listed under the type it contains, as
// the sf CLI lists it: the ReportFolder "Sales" becomes the Report member
// "Sales/".
//
// NOTE: the sf CLI sorts members by UTF-16 code unit and Build by byte. The
// orders differ only for names that mix characters above U+FFFF with
// characters from U+E000 to U+FFFF. For a type that cannot mix "*" with
// names, the sf CLI keeps only the wildcard, whereas Build keeps both.
func Build(members []Member, version string) *Package {
	byType := make(map[string]map[string]bool)
	for _, m := range members {
		typeName, member := manifestEntry(m)
		if byType[typeName] == nil {
			byType[typeName] = make(map[string]bool)
		}
		byType[typeName][member] = true
	}
	if version == "" {
		version = APIVersion
	}
	return fromSets(byType, version)
}

// manifestEntry returns the type and encoded member under which m is listed.
func manifestEntry(m Member) (typeName, member string) {
	member = m.Encoded
	if member == "" {
		member = EncodeMember(m.Type, m.Name)
	}
	t, ok := registry.ByName(m.Type)
	if !ok || !t.IsFolder() {
		return m.Type, member
	}
	if folderTypesWithSlash[m.Type] && !strings.HasSuffix(member, "/") {
		member += "/"
	}
	return t.FolderContentType, member
}

// fromSets builds a sorted manifest from members grouped by type.
func fromSets(byType map[string]map[string]bool, version string) *Package {
	p := &Package{Version: version}
	for typeName, set := range byType {
		if len(set) == 0 {
			continue
		}
		tm := TypeMembers{Name: typeName, Members: make([]string, 0, len(set))}
		for member := range set {
			tm.Members = append(tm.Members, member)
		}
		slices.Sort(tm.Members)
		p.Types = append(p.Types, tm)
	}
	slices.SortFunc(p.Types, func(a, b TypeMembers) int { return cmp.Compare(a.Name, b.Name) })
	return p
}

// sets groups the members of p by type.
func (p *Package) sets() map[string]map[string]bool {
	byType := make(map[string]map[string]bool)
	for _, tm := range p.Types {
		if byType[tm.Name] == nil {
			byType[tm.Name] = make(map[string]bool)
		}
		for _, member := range tm.Members {
			byType[tm.Name][member] = true
		}
	}
	return byType
}

// Members returns the members of p as type and decoded name, sorted as
// [Marshal] writes them. A wildcard is returned as "*".
func (p *Package) Members() []Member {
	sorted := fromSets(p.sets(), p.Version)
	var members []Member
	for _, tm := range sorted.Types {
		for _, member := range tm.Members {
			members = append(members, Member{Type: tm.Name, Name: DecodeMember(member)})
		}
	}
	return members
}

// Has reports whether p lists the encoded member under typeName.
func (p *Package) Has(typeName, member string) bool {
	for _, tm := range p.Types {
		if tm.Name == typeName && slices.Contains(tm.Members, member) {
			return true
		}
	}
	return false
}

// Merge returns the union of the manifests: every member of every manifest,
// each once, sorted as [Build] sorts. Its version is the highest of theirs,
// compared as numbers ("62.0" is above "9.0"), so that no member needs a
// version the result does not have; a version that is not a number loses to
// any number. Its fullName is the first non-empty one. Other elements are
// not kept. Nil manifests are skipped.
func Merge(manifests ...*Package) *Package {
	byType := make(map[string]map[string]bool)
	version, fullName := "", ""
	for _, p := range manifests {
		if p == nil {
			continue
		}
		for typeName, set := range p.sets() {
			if byType[typeName] == nil {
				byType[typeName] = make(map[string]bool)
			}
			for member := range set {
				byType[typeName][member] = true
			}
		}
		if CompareVersions(p.Version, version) > 0 {
			version = p.Version
		}
		if fullName == "" {
			fullName = p.FullName
		}
	}
	merged := fromSets(byType, version)
	merged.FullName = fullName
	return merged
}

// Subtract returns the members of a that b does not list, with a's version
// and fullName. Members are compared as written, so a wildcard in b removes
// only a wildcard in a, not named members. A type left without members is
// dropped.
func Subtract(a, b *Package) *Package {
	remove := make(map[string]map[string]bool)
	if b != nil {
		remove = b.sets()
	}
	byType := a.sets()
	for typeName, set := range byType {
		for member := range set {
			if remove[typeName][member] {
				delete(set, member)
			}
		}
	}
	result := fromSets(byType, a.Version)
	result.FullName = a.FullName
	return result
}

// CompareVersions compares two API versions such as "62.0" as numbers and
// returns -1, 0 or +1. A version that does not parse as a number is lower
// than any that does, and two such versions compare as strings.
func CompareVersions(a, b string) int {
	x, errA := strconv.ParseFloat(a, 64)
	y, errB := strconv.ParseFloat(b, 64)
	switch {
	case errA != nil && errB != nil:
		return cmp.Compare(a, b)
	case errA != nil:
		return -1
	case errB != nil:
		return +1
	}
	return cmp.Compare(x, y)
}
