package permdata

import (
	"github.com/sfharden/sfharden/internal/suggest"
	"sort"
	"strings"
)

//go:generate go run ./gen -corpus "$SFHARDEN_CORPUS"

// SourceDocumentation is the Source of the names that come from the Salesforce
// documentation rather than from a retrieved file.
const SourceDocumentation = "Salesforce documentation"

// Permission is a user permission name, the <name> of a <userPermissions>
// entry, with the first place it was seen.
type Permission struct {
	Name       string
	Source     string // owner/repo of a retrieved file, or SourceDocumentation
	APIVersion string // API version of that source, "unknown" when it is not stated
}

// Repository is a public repository of retrieved metadata that the names in
// the corpus table come from.
type Repository struct {
	Name       string // owner/repo
	APIVersion string // API version of its retrieved files, or "unknown"
	Evidence   string // source of APIVersion, empty when unknown
}

// documentedPermissions lists user permission names that no corpus file
// holds, so that every name in the default risk catalogue is a known name.
// Each name and its label are in the Salesforce Field Reference page for
// MutingPermissionSet (API 67.0, Summer '26), as a Permissions<Name> field.
var documentedPermissions = []Permission{
	// Label "Bulk API Hard Delete".
	{Name: "BulkApiHardDelete", Source: SourceDocumentation, APIVersion: "67.0"},
	// Label "Waive Multi-Factor Authentication for Exempt Users".
	{Name: "BypassMFAForUiLogins", Source: SourceDocumentation, APIVersion: "67.0"},
	// Label "Manage Encryption Keys".
	{Name: "ManageEncryptionKeys", Source: SourceDocumentation, APIVersion: "67.0"},
	// Label "Exempt from Transaction Security".
	{Name: "TransactionSecurityExempt", Source: SourceDocumentation, APIVersion: "67.0"},
	// Label "View Encrypted Data".
	{Name: "ViewEncryptedData", Source: SourceDocumentation, APIVersion: "67.0"},
}

// knownIndex maps each known name to its entry, built once from the corpus
// table and the documented names.
var knownIndex = buildKnownIndex()

// lowerIndex maps the lower-case form of each known name to the name.
var lowerIndex = buildLowerIndex()

func buildKnownIndex() map[string]Permission {
	index := make(map[string]Permission, len(corpusPermissions)+len(documentedPermissions))
	for _, p := range documentedPermissions {
		index[p.Name] = p
	}
	// A corpus entry wins over a documented one with the same name.
	for _, p := range corpusPermissions {
		index[p.Name] = p
	}
	return index
}

func buildLowerIndex() map[string]string {
	index := make(map[string]string, len(knownIndex))
	for name := range knownIndex {
		index[strings.ToLower(name)] = name
	}
	return index
}

// Known reports whether name is a known user permission name. The match is
// exact and case-sensitive, as Salesforce matches <name> values.
func Known(name string) bool {
	_, ok := knownIndex[name]
	return ok
}

// Canonical returns the known user permission name that equals name
// without regard to letter case, such as ModifyAllData for "modifyalldata".
// Salesforce matches <name> values exactly, so a caller whose name differs
// from the result only in case has a name that the org rejects.
func Canonical(name string) (string, bool) {
	if Known(name) {
		return name, true
	}
	known, ok := lowerIndex[strings.ToLower(name)]
	return known, ok
}

// LookupPermission returns the entry of a known user permission name and
// where it was first seen.
func LookupPermission(name string) (Permission, bool) {
	p, ok := knownIndex[name]
	return p, ok
}

// Permissions returns every known user permission name, sorted by name.
func Permissions() []Permission {
	all := make([]Permission, 0, len(knownIndex))
	for _, p := range knownIndex {
		all = append(all, p)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].Name < all[j].Name })
	return all
}

// Repositories returns the repositories of the corpus table, sorted by name.
func Repositories() []Repository {
	return append([]Repository(nil), corpusRepositories...)
}

// Suggest returns the known user permission name closest to name, for
// messages such as `unknown user permission "ModifyAllDta"; did you mean
// ModifyAllData?`. A name that matches a known name apart from letter case
// returns that name. Otherwise Suggest returns the known name at the smallest
// case-insensitive edit distance, the alphabetically first on a tie, provided
// the distance is at most a third of the length of name (and at least 1).
// It returns "" when no known name is that close.
func Suggest(name string) string {
	if name == "" {
		return ""
	}
	if Known(name) {
		return name
	}

	lower := strings.ToLower(name)
	if match, ok := lowerIndex[lower]; ok {
		return match
	}

	names := make([]string, 0, len(lowerIndex))
	for _, candidate := range lowerIndex {
		names = append(names, candidate)
	}
	return suggest.Closest(name, names)
}
