// Command gen reads the metadata registry of the sf CLI, the file
// lib/src/registry/metadataRegistry.json of the npm package
// @salesforce/source-deploy-retrieve (SDR), and writes it as a Go table for
// package registry.
//
// Usage:
//
//	go run ./internal/registry/gen -registry PATH/metadataRegistry.json -version X.Y.Z [-o FILE]
//
// To get the file, run `npm pack @salesforce/source-deploy-retrieve` in a
// temporary directory and unpack the archive. Without -version, gen reads the
// version from the package.json of the unpacked package, three directories
// above the registry file.
package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"go/format"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// sdrRegistry is the part of metadataRegistry.json that gen reads.
type sdrRegistry struct {
	Types    map[string]sdrType `json:"types"`
	Suffixes map[string]string  `json:"suffixes"`
}

// sdrType is one type entry of the registry. Keys that gen does not read
// (such as supportsWildcardAndName) are ignored.
type sdrType struct {
	Name                string       `json:"name"`
	DirectoryName       string       `json:"directoryName"`
	Suffix              string       `json:"suffix"`
	LegacySuffix        string       `json:"legacySuffix"`
	MetaFileSuffix      string       `json:"metaFileSuffix"`
	StrictDirectoryName bool         `json:"strictDirectoryName"`
	InFolder            bool         `json:"inFolder"`
	FolderType          string       `json:"folderType"`
	FolderContentType   string       `json:"folderContentType"`
	AliasFor            string       `json:"aliasFor"`
	Strategies          *sdrStrategy `json:"strategies"`
	Children            *sdrChildren `json:"children"`

	// The keys below describe child types and how the sf CLI names
	// components.
	XMLElementName             string `json:"xmlElementName"`
	UniqueIDElement            string `json:"uniqueIdElement"`
	IgnoreParentName           bool   `json:"ignoreParentName"`
	IgnoreParsedFullName       bool   `json:"ignoreParsedFullName"`
	IsAddressable              *bool  `json:"isAddressable"`
	UnaddressableWithoutParent bool   `json:"unaddressableWithoutParent"`
}

type sdrStrategy struct {
	Adapter       string `json:"adapter"`
	Transformer   string `json:"transformer"`
	Decomposition string `json:"decomposition"`
}

type sdrChildren struct {
	Types map[string]sdrType `json:"types"`
}

// genType is one row of the generated table, with type ids replaced by names.
type genType struct {
	Name                string
	DirectoryName       string
	Suffix              string
	LegacySuffix        string
	MetaFileSuffix      string
	StrictDirectoryName bool
	InFolder            bool
	FolderType          string
	FolderContentType   string
	AliasFor            string
	Adapter             string
	Transformer         string
	Decomposition       string
	Children            []string
	Parent              string

	XMLElementName             string
	UniqueIDElement            string
	IgnoreParentName           bool
	IgnoreParsedFullName       bool
	NotAddressable             bool
	UnaddressableWithoutParent bool
}

var versionPattern = regexp.MustCompile(`^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$`)

func main() {
	registryPath := flag.String("registry", "", "path of metadataRegistry.json from @salesforce/source-deploy-retrieve")
	version := flag.String("version", "", "version of @salesforce/source-deploy-retrieve the registry file comes from (default: read from its package.json)")
	outPath := flag.String("o", "zz_generated_registry.go", "output Go file")
	flag.Parse()

	if err := run(*registryPath, *version, *outPath); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(registryPath, version, outPath string) error {
	if registryPath == "" {
		return errors.New("missing -registry: pass the path of lib/src/registry/metadataRegistry.json from an unpacked `npm pack @salesforce/source-deploy-retrieve` (for go generate, set SFHARDEN_SDR_REGISTRY)")
	}
	data, err := os.ReadFile(registryPath)
	if err != nil {
		return fmt.Errorf("read registry: %w", err)
	}

	if version == "" {
		version, err = packageVersion(registryPath)
		if err != nil {
			return fmt.Errorf("%w (pass -version)", err)
		}
	}
	if !versionPattern.MatchString(version) {
		return fmt.Errorf("invalid -version %q: expected a semantic version such as 13.7.0", version)
	}

	src, err := generate(data, version)
	if err != nil {
		return fmt.Errorf("%s: %w", registryPath, err)
	}
	if err := os.WriteFile(outPath, src, 0o644); err != nil {
		return fmt.Errorf("write output: %w", err)
	}
	return nil
}

// packageVersion reads the version field of package.json in the package root,
// which is three directories above lib/src/registry/metadataRegistry.json.
func packageVersion(registryPath string) (string, error) {
	manifestPath := filepath.Join(filepath.Dir(registryPath), "..", "..", "..", "package.json")
	data, err := os.ReadFile(manifestPath)
	if err != nil {
		return "", fmt.Errorf("read package version: %w", err)
	}
	var manifest struct {
		Name    string `json:"name"`
		Version string `json:"version"`
	}
	if err := json.Unmarshal(data, &manifest); err != nil {
		return "", fmt.Errorf("parse %s: %w", manifestPath, err)
	}
	if manifest.Name != "@salesforce/source-deploy-retrieve" || manifest.Version == "" {
		return "", fmt.Errorf("%s is not the package.json of @salesforce/source-deploy-retrieve", manifestPath)
	}
	return manifest.Version, nil
}

// generate returns the formatted Go source of the table for the registry
// file contents data.
func generate(data []byte, version string) ([]byte, error) {
	var registry sdrRegistry
	decoder := json.NewDecoder(bytes.NewReader(data))
	if err := decoder.Decode(&registry); err != nil {
		return nil, fmt.Errorf("parse registry: %w", err)
	}
	if _, err := decoder.Token(); err != io.EOF {
		return nil, errors.New("parse registry: unexpected data after the top-level object")
	}
	if len(registry.Types) == 0 {
		return nil, errors.New("registry has no types")
	}

	types, err := convert(registry)
	if err != nil {
		return nil, err
	}
	defaults, err := suffixDefaults(registry, types)
	if err != nil {
		return nil, err
	}

	sum := sha256.Sum256(data)
	var buf bytes.Buffer
	writeSource(&buf, version, hex.EncodeToString(sum[:]), types, defaults)
	src, err := format.Source(buf.Bytes())
	if err != nil {
		return nil, fmt.Errorf("format generated source: %w", err)
	}
	return src, nil
}

// convert flattens the registry into one row per type, top-level and child,
// sorted by name, and replaces type ids with type names.
func convert(registry sdrRegistry) ([]genType, error) {
	nameOf := make(map[string]string, len(registry.Types))
	for id, t := range registry.Types {
		if err := checkType(id, t); err != nil {
			return nil, err
		}
		nameOf[id] = t.Name
	}
	lookup := func(id, field, owner string) (string, error) {
		if id == "" {
			return "", nil
		}
		name, ok := nameOf[id]
		if !ok {
			return "", fmt.Errorf("type %q: %s %q is not a type id of the registry", owner, field, id)
		}
		return name, nil
	}

	var rows []genType
	seen := make(map[string]bool)
	for id, t := range registry.Types {
		row := genType{
			Name:                t.Name,
			DirectoryName:       t.DirectoryName,
			Suffix:              t.Suffix,
			LegacySuffix:        t.LegacySuffix,
			MetaFileSuffix:      t.MetaFileSuffix,
			StrictDirectoryName: t.StrictDirectoryName,
			InFolder:            t.InFolder,
		}
		setNaming(&row, t)
		var err error
		if row.FolderType, err = lookup(t.FolderType, "folderType", id); err != nil {
			return nil, err
		}
		if row.FolderContentType, err = lookup(t.FolderContentType, "folderContentType", id); err != nil {
			return nil, err
		}
		if row.AliasFor, err = lookup(t.AliasFor, "aliasFor", id); err != nil {
			return nil, err
		}
		if t.Strategies != nil {
			row.Adapter = t.Strategies.Adapter
			row.Transformer = t.Strategies.Transformer
			row.Decomposition = t.Strategies.Decomposition
		}

		if t.Children != nil {
			for childID, child := range t.Children.Types {
				if err := checkType(childID, child); err != nil {
					return nil, fmt.Errorf("child of %q: %w", t.Name, err)
				}
				row.Children = append(row.Children, child.Name)
				childRow := genType{
					Name:           child.Name,
					DirectoryName:  child.DirectoryName,
					Suffix:         child.Suffix,
					LegacySuffix:   child.LegacySuffix,
					MetaFileSuffix: child.MetaFileSuffix,
					Parent:         t.Name,
				}
				setNaming(&childRow, child)
				if child.Strategies != nil {
					childRow.Adapter = child.Strategies.Adapter
					childRow.Transformer = child.Strategies.Transformer
					childRow.Decomposition = child.Strategies.Decomposition
				}
				rows = append(rows, childRow)
			}
			slices.Sort(row.Children)
		}
		rows = append(rows, row)
	}

	for _, row := range rows {
		if seen[row.Name] {
			return nil, fmt.Errorf("type name %q occurs twice in the registry", row.Name)
		}
		seen[row.Name] = true
	}
	slices.SortFunc(rows, func(a, b genType) int { return strings.Compare(a.Name, b.Name) })
	return rows, nil
}

// setNaming copies the keys that decide how the sf CLI names and lists a
// component.
func setNaming(row *genType, t sdrType) {
	row.XMLElementName = t.XMLElementName
	row.UniqueIDElement = t.UniqueIDElement
	row.IgnoreParentName = t.IgnoreParentName
	row.IgnoreParsedFullName = t.IgnoreParsedFullName
	row.NotAddressable = t.IsAddressable != nil && !*t.IsAddressable
	row.UnaddressableWithoutParent = t.UnaddressableWithoutParent
}

func checkType(id string, t sdrType) error {
	switch {
	case t.Name == "":
		return fmt.Errorf("type %q has no name", id)
	case t.DirectoryName == "":
		return fmt.Errorf("type %q has no directoryName", t.Name)
	case strings.ContainsAny(t.DirectoryName, `/\.`):
		return fmt.Errorf("type %q has directoryName %q, which is not a single path segment", t.Name, t.DirectoryName)
	case strings.ContainsAny(t.Suffix, `/\.`):
		return fmt.Errorf("type %q has suffix %q, which contains a dot or a slash", t.Name, t.Suffix)
	}
	return nil
}

// suffixDefaults returns, for each suffix that more than one top-level type
// uses, the name of the type that the registry's suffix index picks.
func suffixDefaults(registry sdrRegistry, types []genType) (map[string]string, error) {
	users := make(map[string]int)
	for _, t := range types {
		if t.Parent == "" && t.Suffix != "" && t.AliasFor == "" {
			users[t.Suffix]++
		}
	}
	defaults := make(map[string]string)
	for suffix, count := range users {
		if count < 2 {
			continue
		}
		id, ok := registry.Suffixes[suffix]
		if !ok {
			return nil, fmt.Errorf("suffix %q is shared by %d types but missing from the suffix index", suffix, count)
		}
		t, ok := registry.Types[id]
		if !ok {
			return nil, fmt.Errorf("suffix index maps %q to %q, which is not a top-level type", suffix, id)
		}
		defaults[suffix] = t.Name
	}
	return defaults, nil
}

func writeSource(buf *bytes.Buffer, version, checksum string, types []genType, defaults map[string]string) {
	fmt.Fprintf(buf, "// Code generated by internal/registry/gen from @salesforce/source-deploy-retrieve %s. DO NOT EDIT.\n\n", version)
	fmt.Fprintf(buf, "// Source: lib/src/registry/metadataRegistry.json, sha256 %s.\n\n", checksum)
	buf.WriteString("package registry\n\n")

	buf.WriteString("// SDRVersion is the version of the npm package @salesforce/source-deploy-retrieve\n")
	buf.WriteString("// whose metadata registry the type table was generated from.\n")
	fmt.Fprintf(buf, "const SDRVersion = %q\n\n", version)

	buf.WriteString("// generatedTypes lists every type of the registry, top-level and child types, sorted by name.\n")
	buf.WriteString("var generatedTypes = []Type{\n")
	for _, t := range types {
		buf.WriteString("\t{")
		writeFields(buf, t)
		buf.WriteString("},\n")
	}
	buf.WriteString("}\n\n")

	buf.WriteString("// sdrSuffixDefaults maps each suffix shared by several top-level types to the\n")
	buf.WriteString("// type that the sf CLI picks when the directory does not decide.\n")
	buf.WriteString("var sdrSuffixDefaults = map[string]string{\n")
	suffixes := make([]string, 0, len(defaults))
	for suffix := range defaults {
		suffixes = append(suffixes, suffix)
	}
	slices.Sort(suffixes)
	for _, suffix := range suffixes {
		fmt.Fprintf(buf, "\t%q: %q,\n", suffix, defaults[suffix])
	}
	buf.WriteString("}\n")
}

// writeFields writes the non-zero fields of t as a keyed struct literal body.
func writeFields(buf *bytes.Buffer, t genType) {
	var fields []string

	addString := func(key, value string) {
		if value != "" {
			fields = append(fields, key+": "+strconv.Quote(value))
		}
	}
	addBool := func(key string, value bool) {
		if value {
			fields = append(fields, key+": true")
		}
	}

	addString("Name", t.Name)
	addString("DirectoryName", t.DirectoryName)
	addString("Suffix", t.Suffix)
	addString("LegacySuffix", t.LegacySuffix)
	addString("MetaFileSuffix", t.MetaFileSuffix)
	addBool("StrictDirectoryName", t.StrictDirectoryName)
	addBool("InFolder", t.InFolder)
	addString("FolderType", t.FolderType)
	addString("FolderContentType", t.FolderContentType)
	addString("AliasFor", t.AliasFor)
	addString("Adapter", t.Adapter)
	addString("Transformer", t.Transformer)
	addString("Decomposition", t.Decomposition)
	if len(t.Children) > 0 {
		quoted := make([]string, len(t.Children))
		for i, child := range t.Children {
			quoted[i] = strconv.Quote(child)
		}
		fields = append(fields, "Children: []string{"+strings.Join(quoted, ", ")+"}")
	}
	addString("Parent", t.Parent)
	addString("XMLElementName", t.XMLElementName)
	addString("UniqueIDElement", t.UniqueIDElement)
	addBool("IgnoreParentName", t.IgnoreParentName)
	addBool("IgnoreParsedFullName", t.IgnoreParsedFullName)
	addBool("NotAddressable", t.NotAddressable)
	addBool("UnaddressableWithoutParent", t.UnaddressableWithoutParent)

	buf.WriteString(strings.Join(fields, ", "))
}
