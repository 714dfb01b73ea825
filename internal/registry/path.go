package registry

import (
	"errors"
	"fmt"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// MetaXMLSuffix ends the name of every metadata XML file in source format,
// and of the metadata XML file next to a content file in mdapi format.
const MetaXMLSuffix = "-meta.xml"

// Format is the layout of a metadata tree. The zero value is Source.
type Format int

const (
	// Source is the sf project layout: each component is described by
	// <directoryName>/<fullName>.<suffix>-meta.xml somewhere below a package
	// directory such as force-app/main/default.
	Source Format = iota

	// Mdapi is the Metadata API layout of a retrieve or deploy folder with a
	// package.xml: each component is <directoryName>/<fullName>.<suffix>
	// directly below the folder.
	Mdapi
)

// String returns "source" or "mdapi".
func (f Format) String() string {
	switch f {
	case Source:
		return "source"
	case Mdapi:
		return "mdapi"
	}
	return fmt.Sprintf("Format(%d)", int(f))
}

// ForPath returns the type and fullName of the component that the file at
// filePath names in the given format. The fullName is taken from the file
// name unchanged, so it keeps the escapes the Metadata API uses: a file named
// "Work%2Ecom Only User.profile-meta.xml" gives "Work%2Ecom Only User". The
// name is everything before the last dot, so names with unescaped dots, such
// as the CustomMetadata record "Region.Europe", are kept whole.
//
// Each component is reported for one file only. In source format that is its
// -meta.xml file, so a content file such as MyClass.cls returns false. In
// mdapi format it is <fullName>.<suffix>, which for a type with content (see
// [Type.HasContent]) is the content file. Its <fullName>.<suffix>-meta.xml
// companion returns false.
//
// The type is found from the suffix and the directories above the file:
//   - A type whose DirectoryName is the parent directory matches. So does an
//     InFolder or folder type whose DirectoryName is any ancestor: the folders
//     in between become part of the fullName ("MyFolder/MyReport"), and the
//     nearest such ancestor counts. A type with StrictDirectoryName also
//     matches when DirectoryName is any ancestor, as CustomObject does in
//     objects/Account/Account.object-meta.xml.
//   - When several types share the suffix, the one whose directory is nearest
//     to the file wins: "policy" is AccessControlPolicy in
//     accessControlPolicies/ but AppointmentSchedulingPolicy in
//     appointmentSchedulingPolicies/.
//   - In source format only, when no directory matches, a type without
//     StrictDirectoryName or InFolder is still found from its suffix, as the
//     sf CLI does: profiles may sit in any folder of a package directory. If
//     several such types share the suffix, the sf CLI's choice for it is used.
//     In mdapi format the directory must match.
//
// Two layouts without a suffix are recognised too: folder files named
// <folder>-meta.xml below the directory of a folder type, such as
// reports/Sales-meta.xml, and the <bundle>.<ext>-meta.xml file of a bundle
// type such as lwc/myCmp/myCmp.js-meta.xml, which gives the bundle's name.
//
// ForPath returns false for files of child types (objects/Account/fields/
// Industry.field-meta.xml, whose fullName "Account.Industry" a file name
// does not hold), for package.xml and other manifests, and for files it
// cannot place. Backslashes are path separators only on Windows.
//
// A Document keeps its content file's own extension, so in source format
// any <name>.<ext>-meta.xml file in a folder below documents/ is a Document
// named "<folder>/<name>", as the sf CLI names it: documents/Shared/logo.png-meta.xml
// and documents/Shared/logo.document-meta.xml both give "Shared/logo". In
// mdapi format the content file documents/Shared/logo.png gives
// "Shared/logo.png", the name the Metadata API uses.
func ForPath(filePath string, format Format) (t Type, fullName string, ok bool) {
	if format != Source && format != Mdapi {
		return Type{}, "", false
	}
	segments := strings.Split(path.Clean(filepath.ToSlash(filePath)), "/")
	base := segments[len(segments)-1]
	dirs := segments[:len(segments)-1]
	stem, isMetaXML := strings.CutSuffix(base, MetaXMLSuffix)

	if isMetaXML {
		if t, name, ok := forBundleFile(dirs, stem); ok {
			return t, name, true
		}
		if !strings.Contains(stem, ".") {
			return forFolderFile(dirs, stem)
		}
	}
	if t, name, ok := forDocumentFile(dirs, stem, isMetaXML, format); ok {
		return t, name, true
	}
	if isMetaXML != (format == Source) {
		return Type{}, "", false
	}

	dot := strings.LastIndexByte(stem, '.')
	if dot <= 0 {
		return Type{}, "", false
	}
	return forSuffix(dirs, stem[:dot], stem[dot+1:], format)
}

// forSuffix finds the type for a file named <name>.<suffix> below dirs.
func forSuffix(dirs []string, name, suffix string, format Format) (Type, string, bool) {
	candidates := registryIndex.bySuffix[suffix]

	best, bestDepth := -1, -1
	for _, i := range candidates {
		t := registryIndex.types[i]
		depth := lastIndex(dirs, t.DirectoryName)
		if depth < 0 {
			continue
		}
		nested := t.InFolder || t.IsFolder()
		if !nested && !t.StrictDirectoryName && depth != len(dirs)-1 {
			continue
		}
		if depth > bestDepth {
			best, bestDepth = i, depth
		}
	}
	if best >= 0 {
		t := registryIndex.typeAt(best)
		if t.InFolder || t.IsFolder() {
			return t, strings.Join(slices.Concat(dirs[bestDepth+1:], []string{name}), "/"), true
		}
		return t, name, true
	}

	if format != Source {
		return Type{}, "", false
	}
	var loose []int
	for _, i := range candidates {
		t := registryIndex.types[i]
		if !t.StrictDirectoryName && !t.InFolder && !t.IsFolder() {
			loose = append(loose, i)
		}
	}
	switch len(loose) {
	case 0:
		return Type{}, "", false
	case 1:
		return registryIndex.typeAt(loose[0]), name, true
	}
	defaultName, ok := sdrSuffixDefaults[suffix]
	if !ok {
		return Type{}, "", false
	}
	for _, i := range loose {
		if registryIndex.types[i].Name == defaultName {
			return registryIndex.typeAt(i), name, true
		}
	}
	return Type{}, "", false
}

// forDocumentFile finds a Document, the one type stored in folders whose
// files keep their own extension: in source format its -meta.xml file, in
// mdapi format its content file. The sf CLI takes any file below documents/
// for a Document, whatever its suffix, except the folder files directly in
// documents/.
func forDocumentFile(dirs []string, stem string, isMetaXML bool, format Format) (Type, string, bool) {
	i, ok := registryIndex.byName["Document"]
	if !ok {
		return Type{}, "", false
	}
	t := registryIndex.types[i]
	depth := lastIndex(dirs, t.DirectoryName)
	if depth < 0 || depth == len(dirs)-1 {
		return Type{}, "", false
	}
	name := stem
	switch {
	case format == Source && isMetaXML:
		dot := strings.LastIndexByte(stem, '.')
		if dot <= 0 || isFolderSuffix(t, stem[dot+1:]) {
			return Type{}, "", false
		}
		name = stem[:dot]
	case format == Mdapi && !isMetaXML:
	default:
		return Type{}, "", false
	}
	return registryIndex.typeAt(i), strings.Join(slices.Concat(dirs[depth+1:], []string{name}), "/"), true
}

// isFolderSuffix reports whether suffix is the suffix of the folder type of
// the InFolder type t, as "documentFolder" is for Document.
func isFolderSuffix(t Type, suffix string) bool {
	i, ok := registryIndex.byName[t.FolderType]
	return ok && registryIndex.types[i].Suffix == suffix
}

// forFolderFile finds the folder type for a file named <name>-meta.xml, the
// form a folder takes in mdapi format (and that the sf CLI also accepts in
// source format).
func forFolderFile(dirs []string, name string) (Type, string, bool) {
	if name == "" {
		return Type{}, "", false
	}
	for depth := len(dirs) - 1; depth >= 0; depth-- {
		if i, ok := registryIndex.folderByDirectory[dirs[depth]]; ok {
			return registryIndex.typeAt(i), strings.Join(slices.Concat(dirs[depth+1:], []string{name}), "/"), true
		}
	}
	return Type{}, "", false
}

// forBundleFile finds the bundle type for a file <bundle>/<bundle>.<ext> (the
// stem of a -meta.xml file) directly inside the bundle type's directory.
func forBundleFile(dirs []string, stem string) (Type, string, bool) {
	if len(dirs) < 2 {
		return Type{}, "", false
	}
	i, ok := registryIndex.bundleByDirectory[dirs[len(dirs)-2]]
	if !ok {
		return Type{}, "", false
	}
	bundle := dirs[len(dirs)-1]
	if !strings.HasPrefix(stem, bundle+".") {
		return Type{}, "", false
	}
	return registryIndex.typeAt(i), bundle, true
}

func lastIndex(segments []string, name string) int {
	for i := len(segments) - 1; i >= 0; i-- {
		if segments[i] == name {
			return i
		}
	}
	return -1
}

// SourcePath returns the path of the metadata XML file of the component
// fullName of type t in source format, relative to a package directory such
// as force-app/main/default: "profiles/Admin.profile-meta.xml". The fullName
// is used as the file name unchanged, so pass it with the Metadata API's
// escapes ("Work%2Ecom Only User"), as [ForPath] returns it.
//
// A decomposed type gets a folder of its own, as the sf CLI writes it:
// "objects/Account/Account.object-meta.xml". A folder type's file is
// "<directoryName>/<fullName>.<suffix>-meta.xml" as for other types.
func SourcePath(t Type, fullName string) (string, error) {
	if err := checkPathInput(t, fullName); err != nil {
		return "", err
	}
	file := fullName + "." + t.Suffix + MetaXMLSuffix
	if t.IsDecomposed() {
		return path.Join(t.DirectoryName, fullName, file), nil
	}
	return t.DirectoryName + "/" + file, nil
}

// MdapiPath returns the path of the file of the component fullName of type t
// in mdapi format, relative to the folder that contains package.xml:
// "profiles/Admin.profile". For a type with content (see [Type.HasContent])
// that is the content file, and the metadata XML file is the returned path
// followed by [MetaXMLSuffix]. A folder type's file is
// "<directoryName>/<fullName>-meta.xml", with no suffix, and a Document's is
// "<directoryName>/<fullName>", because its fullName ends with its own
// extension: "documents/Shared/logo.png".
func MdapiPath(t Type, fullName string) (string, error) {
	if err := checkPathInput(t, fullName); err != nil {
		return "", err
	}
	if t.IsFolder() {
		return t.DirectoryName + "/" + fullName + MetaXMLSuffix, nil
	}
	if t.Name == "Document" {
		// A Document's fullName ends with the extension of its file.
		return t.DirectoryName + "/" + fullName, nil
	}
	return t.DirectoryName + "/" + fullName + "." + t.Suffix, nil
}

// checkPathInput rejects types that have no file of their own and names that
// would leave the type's directory or differ between operating systems.
func checkPathInput(t Type, fullName string) error {
	switch {
	case t.Name == "":
		return errors.New("metadata type is empty: look the type up with ByName")
	case t.IsChild():
		return fmt.Errorf("metadata type %q is a child of %q and has no file of its own: write the %s instead", t.Name, t.Parent, t.Parent)
	case t.Suffix == "":
		return fmt.Errorf("metadata type %q has no file suffix, so its file name cannot be built: bundle types are not supported", t.Name)
	case t.DirectoryName == "":
		return fmt.Errorf("metadata type %q has no directory name", t.Name)
	case fullName == "":
		return fmt.Errorf("missing fullName for metadata type %q", t.Name)
	case strings.ContainsAny(fullName, "\\\x00"):
		return fmt.Errorf("invalid fullName %q: a backslash or NUL byte is not allowed in a file name", fullName)
	}

	segments := strings.Split(fullName, "/")
	if len(segments) > 1 && !t.InFolder && !t.IsFolder() {
		return fmt.Errorf("invalid fullName %q: metadata type %q is not stored in folders, so the name must not contain \"/\"", fullName, t.Name)
	}
	for _, segment := range segments {
		if segment == "" || segment == "." || segment == ".." {
			return fmt.Errorf("invalid fullName %q: every part between slashes must be a non-empty name other than \".\" and \"..\"", fullName)
		}
	}
	return nil
}
