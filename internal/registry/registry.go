package registry

//go:generate go run ./gen -registry ${SFHARDEN_SDR_REGISTRY} -version ${SFHARDEN_SDR_VERSION} -o zz_generated_registry.go

import "slices"

// Type is one metadata type of the sf CLI registry. The fields other than
// Modelled come from the registry unchanged, except that type ids are
// replaced by type names.
type Type struct {
	// Name is the Metadata API type name, as in a package.xml <name>
	// element: "Profile".
	Name string

	// DirectoryName is the folder that contains the type's files in a package
	// directory or an mdapi folder: "profiles".
	DirectoryName string

	// Suffix is the file suffix without the dot: "profile". It is empty for
	// bundle types, whose files keep their own extensions.
	Suffix string

	// LegacySuffix is an older suffix that the sf CLI still accepts.
	LegacySuffix string

	// MetaFileSuffix replaces "-meta.xml" for the few bundle types that
	// describe themselves in another file, such as "schema.json".
	MetaFileSuffix string

	// StrictDirectoryName is true when the sf CLI finds the type only
	// inside a folder named DirectoryName.
	StrictDirectoryName bool

	// InFolder is true for types whose components live in folders below
	// DirectoryName, such as Report and EmailTemplate. Their fullName
	// starts with the folder path: "MyFolder/MyReport".
	InFolder bool

	// FolderType names the folder type of an InFolder type: "ReportFolder".
	FolderType string

	// FolderContentType names the type a folder type contains: "Report".
	FolderContentType string

	// AliasFor names the type that the sf CLI uses in place of this one.
	AliasFor string

	// Adapter, Transformer and Decomposition are the sf CLI strategies for
	// reading and converting the type. Empty means a single XML file per
	// component.
	Adapter       string
	Transformer   string
	Decomposition string

	// Children names the child types, sorted: CustomObject has
	// "CustomField" among others.
	Children []string

	// Parent names the parent type of a child type: "CustomObject" for
	// CustomField. It is empty for top-level types.
	Parent string

	// XMLElementName and UniqueIDElement place the components of a child
	// type inside its parent's file: each <XMLElementName> element below the
	// root is one child, named by the text of its <UniqueIDElement>. The
	// CustomLabel "Greeting" is a <labels> element of CustomLabels whose
	// <fullName> is "Greeting". Both are empty for a child stored as a file.
	XMLElementName  string
	UniqueIDElement string

	// IgnoreParentName is true for a child type whose fullName is its own
	// name alone ("Greeting"), not "<parent>.<name>".
	IgnoreParentName bool

	// IgnoreParsedFullName is true for a type whose one component is named
	// after the type, whatever its file is called: CustomLabels.
	IgnoreParsedFullName bool

	// NotAddressable is true for a child type that the sf CLI never lists in
	// a manifest, because it is deployed only as part of its parent.
	NotAddressable bool

	// UnaddressableWithoutParent is true for a child type that cannot be
	// deployed without its parent.
	UnaddressableWithoutParent bool

	// Modelled is true for the types that sfharden reads and writes as
	// typed documents. It comes from a hand-written list, not from the
	// registry.
	Modelled bool
}

// IsChild reports whether t is a child type, whose components are elements
// or files of a parent component.
func (t Type) IsChild() bool { return t.Parent != "" }

// IsFolder reports whether t is the folder type of an InFolder type.
func (t Type) IsFolder() bool { return t.FolderContentType != "" }

// HasContent reports whether a component of t has a content file next to its
// metadata XML file, as ApexClass has Name.cls next to Name.cls-meta.xml.
func (t Type) HasContent() bool {
	return t.Adapter == "matchingContentFile" || t.Adapter == "mixedContent"
}

// IsBundle reports whether a component of t is a folder of files, as a
// LightningComponentBundle is.
func (t Type) IsBundle() bool {
	return t.Adapter == "bundle" || t.Adapter == "uiBundles" || t.Adapter == "digitalExperience"
}

// IsDecomposed reports whether the sf CLI splits a component of t into
// several source files, as it does for CustomObject.
func (t Type) IsDecomposed() bool {
	return t.Adapter == "decomposed" || t.Adapter == "partiallyDecomposed" || t.Transformer == "decomposed"
}

// IsSingleFile reports whether a component of t is exactly one XML file with
// no content file, children, strategies or bundle folder. Such a type needs
// no type-specific file handling.
func (t Type) IsSingleFile() bool {
	return t.Parent == "" && t.Suffix != "" && t.Adapter == "" && t.Transformer == "" && len(t.Children) == 0
}

// typeIndex contains the lookup tables built once from the generated table.
type typeIndex struct {
	types []Type

	// byName maps every type name, top-level and child, to its position in types.
	byName map[string]int

	// bySuffix maps a suffix or legacy suffix to the top-level types that use
	// it, aliases left out.
	bySuffix map[string][]int

	// folderByDirectory maps a directory name to its folder type.
	folderByDirectory map[string]int

	// bundleByDirectory maps a directory name to the bundle type stored there.
	bundleByDirectory map[string]int
}

var registryIndex = newIndex(generatedTypes, modelledTypeNames)

func newIndex(types []Type, modelled []string) *typeIndex {
	index := &typeIndex{
		types:             slices.Clone(types),
		byName:            make(map[string]int, len(types)),
		bySuffix:          make(map[string][]int),
		folderByDirectory: make(map[string]int),
		bundleByDirectory: make(map[string]int),
	}

	for i, t := range index.types {
		index.byName[t.Name] = i
		if t.IsChild() || t.AliasFor != "" {
			continue
		}
		if t.Suffix != "" {
			index.bySuffix[t.Suffix] = append(index.bySuffix[t.Suffix], i)
		}
		if t.LegacySuffix != "" && t.LegacySuffix != t.Suffix {
			index.bySuffix[t.LegacySuffix] = append(index.bySuffix[t.LegacySuffix], i)
		}
		if t.IsFolder() {
			index.folderByDirectory[t.DirectoryName] = i
		}
		if t.Adapter == "bundle" && t.Suffix == "" && t.MetaFileSuffix == "" {
			index.bundleByDirectory[t.DirectoryName] = i
		}
	}

	// A name missing from the generated table is caught by a test, so it is
	// skipped here rather than panicking at package initialisation.
	for _, name := range modelled {
		if i, ok := index.byName[name]; ok {
			index.types[i].Modelled = true
		}
	}
	return index
}

// typeAt returns a copy of the type at position i that does not share the
// Children slice with the table.
func (index *typeIndex) typeAt(i int) Type {
	t := index.types[i]
	t.Children = slices.Clone(t.Children)
	return t
}

// ByName returns the type with the Metadata API name name, top-level or
// child. The match is exact: "Profile", not "profile".
func ByName(name string) (Type, bool) {
	i, ok := registryIndex.byName[name]
	if !ok {
		return Type{}, false
	}
	return registryIndex.typeAt(i), true
}

// BySuffix returns the top-level type whose file suffix or legacy suffix is
// suffix, given without the dot: "profile". Aliases and child types are not
// returned. When several types share the suffix, BySuffix returns the one the
// sf CLI picks from the suffix alone; use [ForPath] to let the directory
// decide.
func BySuffix(suffix string) (Type, bool) {
	candidates := registryIndex.bySuffix[suffix]
	switch len(candidates) {
	case 0:
		return Type{}, false
	case 1:
		return registryIndex.typeAt(candidates[0]), true
	}
	if name, ok := sdrSuffixDefaults[suffix]; ok {
		return ByName(name)
	}

	// NOTE: a suffix shared through a legacy suffix has no default in the
	// registry, so the first type by name is returned.
	return registryIndex.typeAt(candidates[0]), true
}

// Types returns every top-level type, sorted by name.
func Types() []Type {
	var types []Type
	for i, t := range registryIndex.types {
		if !t.IsChild() {
			types = append(types, registryIndex.typeAt(i))
		}
	}
	return types
}

// ModelledTypes returns the types that sfharden reads and writes as typed
// documents, sorted by name.
func ModelledTypes() []Type {
	var types []Type
	for i, t := range registryIndex.types {
		if t.Modelled {
			types = append(types, registryIndex.typeAt(i))
		}
	}
	return types
}
