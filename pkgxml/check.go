package pkgxml

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/sfharden/sfharden/internal/registry"
	"github.com/sfharden/sfharden/internal/suggest"
)

// Severity ranks a [Finding].
type Severity int

const (
	// Warning is a manifest that works but does not do what it seems to:
	// a wildcard that leaves out standard objects.
	Warning Severity = iota

	// Error is a manifest that retrieves or deploys the wrong components, or
	// none: a field listed as an object, an unknown type.
	Error
)

// String returns "warning" or "error".
func (s Severity) String() string {
	if s == Error {
		return "error"
	}
	return "warning"
}

// Finding is one problem [Check] found in a manifest.
type Finding struct {
	Severity Severity

	// Path locates the element: "types[2].members[0]", "version".
	Path string

	// Message states the problem, naming the type and member.
	Message string

	// Fix says what to change.
	Fix string
}

// String returns the finding as "error: types[0].members[1]: message (fix)".
func (f Finding) String() string {
	if f.Fix == "" {
		return fmt.Sprintf("%s: %s: %s", f.Severity, f.Path, f.Message)
	}
	return fmt.Sprintf("%s: %s: %s (%s)", f.Severity, f.Path, f.Message, f.Fix)
}

var versionPattern = regexp.MustCompile(`^[1-9][0-9]*\.0$`)

// Check returns the problems in p, in document order, or nil when it finds
// none:
//   - a missing or malformed version;
//   - a type name the sf CLI registry does not know, with the closest known
//     name as the fix;
//   - a field listed under CustomObject ("Invoice__c.Amount__c"), and a
//     child-type member without its parent ("Industry" under CustomField);
//   - "*" under CustomObject, which matches custom objects only, and "*"
//     under a type stored in folders, which matches nothing in a folder;
//   - a member that is not encoded the way file names are
//     ("Work.com Only User" for "Work%2Ecom Only User");
//   - empty and duplicate names.
func Check(p *Package) []Finding {
	var findings []Finding
	add := func(severity Severity, path, fix, format string, args ...any) {
		findings = append(findings, Finding{Severity: severity, Path: path, Message: fmt.Sprintf(format, args...), Fix: fix})
	}

	seenTypes := make(map[string]bool)
	for i, tm := range p.Types {
		path := fmt.Sprintf("types[%d]", i)
		t, known := registry.ByName(tm.Name)
		switch {
		case tm.Name == "":
			add(Error, path+".name", "add the Metadata API type name", "missing type name")
		case !known:
			fix := "check the type name against the Metadata API"
			if suggestion := closestType(tm.Name); suggestion != "" {
				fix = fmt.Sprintf("did you mean %q?", suggestion)
			}
			add(Error, path+".name", fix, "unknown metadata type %q", tm.Name)
		case seenTypes[tm.Name]:
			add(Warning, path+".name", "merge the members into one <types> element", "type %q is listed more than once", tm.Name)
		}
		seenTypes[tm.Name] = true

		seenMembers := make(map[string]bool)
		for j, member := range tm.Members {
			memberPath := fmt.Sprintf("%s.members[%d]", path, j)
			if seenMembers[member] {
				add(Warning, memberPath, "remove the duplicate", "%s member %q is listed more than once", tm.Name, member)
			}
			seenMembers[member] = true
			findings = append(findings, checkMember(tm.Name, t, known, member, memberPath)...)
		}
	}

	switch {
	case p.Version == "":
		findings = append(findings, Finding{Severity: Error, Path: "version", Message: "missing version", Fix: "add <version>" + APIVersion + "</version>"})
	case !versionPattern.MatchString(p.Version):
		findings = append(findings, Finding{Severity: Error, Path: "version", Message: fmt.Sprintf("invalid version %q", p.Version), Fix: "write the API version as a whole number and .0, such as " + APIVersion})
	}
	return findings
}

// checkMember returns the findings for one member of the type typeName.
func checkMember(typeName string, t registry.Type, known bool, member, path string) []Finding {
	finding := func(severity Severity, fix, format string, args ...any) []Finding {
		return []Finding{{Severity: severity, Path: path, Message: fmt.Sprintf(format, args...), Fix: fix}}
	}

	if strings.TrimSpace(member) == "" {
		return finding(Error, "remove it or write the component name", "%s member is empty", typeName)
	}
	if member == Wildcard {
		switch {
		case typeName == "CustomObject":
			return finding(Warning, "list each standard object by name next to the wildcard",
				`CustomObject "*" does not match standard objects; list Account etc. by name`)
		case known && t.InFolder:
			return finding(Warning, "list each folder and each component as Folder/Name",
				"%s \"*\" does not match components in folders; list them by name", typeName)
		}
		return nil
	}

	if typeName == "CustomObject" && strings.Contains(member, ".") {
		return finding(Error, "move it to a <types> element named CustomField",
			"CustomObject member %q is a field; list it under CustomField", member)
	}
	if known && t.IsChild() && !strings.Contains(member, ".") {
		return finding(Error, fmt.Sprintf("write it as %s.%s", t.Parent, member),
			"%s member %q does not name its %s", typeName, member, t.Parent)
	}
	if encoded := EncodeMember(typeName, DecodeMember(member)); encoded != member {
		return finding(Warning, fmt.Sprintf("write it as %q", encoded),
			"%s member %q is not encoded the way file names are", typeName, member)
	}
	return nil
}

// closestType returns the known type name nearest to name: one that differs
// only in case, or else the one with the fewest edits if it is close enough
// to be a typo. It returns "" when no name is close.
func closestType(name string) string {
	types := registry.Types()
	names := make([]string, len(types))
	for i, t := range types {
		names[i] = t.Name
	}
	return suggest.Closest(name, names)
}
