package registry

import (
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestModelledTypesInTable(t *testing.T) {
	for _, name := range modelledTypeNames {
		t.Run(name, func(t *testing.T) {
			typ, ok := ByName(name)
			require.True(t, ok, "modelled type %q is missing from the SDR %s table", name, SDRVersion)
			assert.True(t, typ.Modelled)
			assert.False(t, typ.IsChild())
			assert.NotEmpty(t, typ.Suffix)
			assert.NotEmpty(t, typ.DirectoryName)
			assert.False(t, typ.InFolder)
			assert.False(t, typ.StrictDirectoryName)

			// sfharden writes one XML file per component, plus the .cls
			// content file for ApexClass. A registry change that gives
			// one of these types children or a strategy needs new code.
			if name == "ApexClass" {
				assert.True(t, typ.HasContent())
			} else {
				assert.True(t, typ.IsSingleFile(), "type %q is no longer a single file: %+v", name, typ)
			}
		})
	}
}

func TestModelledTypes(t *testing.T) {
	var got []string
	for _, typ := range ModelledTypes() {
		got = append(got, typ.Name)
	}
	want := slices.Sorted(slices.Values(modelledTypeNames))
	assert.Equal(t, want, got)
}

func TestGeneratedTableConsistent(t *testing.T) {
	names := make(map[string]Type, len(generatedTypes))
	for _, typ := range generatedTypes {
		assert.NotContains(t, names, typ.Name, "duplicate type name")
		names[typ.Name] = typ
	}
	assert.True(t, slices.IsSortedFunc(generatedTypes, func(a, b Type) int { return strings.Compare(a.Name, b.Name) }),
		"generatedTypes is not sorted by name")

	type fileKey struct{ suffix, directory string }
	files := make(map[fileKey]string)
	for _, typ := range generatedTypes {
		assert.NotEmpty(t, typ.DirectoryName, "type %q", typ.Name)
		assert.False(t, typ.Modelled, "type %q: the generated table must not set Modelled", typ.Name)

		for _, child := range typ.Children {
			if assert.Contains(t, names, child, "child of %q", typ.Name) {
				assert.Equal(t, typ.Name, names[child].Parent, "parent of %q", child)
			}
		}
		if typ.IsChild() {
			if assert.Contains(t, names, typ.Parent, "parent of %q", typ.Name) {
				assert.Contains(t, names[typ.Parent].Children, typ.Name)
			}
			continue
		}
		for _, ref := range []string{typ.FolderType, typ.FolderContentType, typ.AliasFor} {
			if ref != "" {
				assert.Contains(t, names, ref, "type %q refers to a missing type", typ.Name)
			}
		}

		// ForPath relies on the directory deciding between types that share
		// a suffix, which needs each suffix and directory pair to be unique.
		if typ.Suffix != "" && typ.AliasFor == "" {
			key := fileKey{typ.Suffix, typ.DirectoryName}
			assert.NotContains(t, files, key, "types %q and %q share suffix and directory", files[key], typ.Name)
			files[key] = typ.Name
		}
	}

	for suffix, name := range sdrSuffixDefaults {
		typ, ok := names[name]
		if assert.True(t, ok, "suffix default %q", name) {
			assert.Equal(t, suffix, typ.Suffix)
		}
		assert.Greater(t, len(registryIndex.bySuffix[suffix]), 1, "suffix %q is not shared", suffix)
	}
}

func TestFolderDirectoriesUnique(t *testing.T) {
	seen := make(map[string]string)
	for _, typ := range Types() {
		if !typ.IsFolder() || typ.AliasFor != "" {
			continue
		}
		assert.NotContains(t, seen, typ.DirectoryName, "folder types %q and %q share a directory", seen[typ.DirectoryName], typ.Name)
		seen[typ.DirectoryName] = typ.Name
	}
}

func TestTypesCount(t *testing.T) {
	topLevel := 0
	for _, typ := range generatedTypes {
		if !typ.IsChild() {
			topLevel++
		}
	}
	assert.Len(t, Types(), topLevel)
	assert.Greater(t, topLevel, 500, "the registry of SDR %s lists 539 top-level types", SDRVersion)
}

func TestByName(t *testing.T) {
	tests := []struct {
		name       string
		typeName   string
		wantOK     bool
		wantDir    string
		wantSuffix string
		wantParent string
	}{
		{name: "profile", typeName: "Profile", wantOK: true, wantDir: "profiles", wantSuffix: "profile"},
		{name: "eca global oauth with Sets directory", typeName: "ExtlClntAppGlobalOauthSettings", wantOK: true, wantDir: "extlClntAppGlobalOauthSets", wantSuffix: "ecaGlblOauth"},
		{name: "content type", typeName: "ApexClass", wantOK: true, wantDir: "classes", wantSuffix: "cls"},
		{name: "child type", typeName: "CustomField", wantOK: true, wantDir: "fields", wantSuffix: "field", wantParent: "CustomObject"},
		{name: "lower case is a different name", typeName: "profile"},
		{name: "unknown", typeName: "NoSuchType"},
		{name: "empty", typeName: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			typ, ok := ByName(tt.typeName)
			require.Equal(t, tt.wantOK, ok)
			if !ok {
				assert.Equal(t, Type{}, typ)
				return
			}
			assert.Equal(t, tt.typeName, typ.Name)
			assert.Equal(t, tt.wantDir, typ.DirectoryName)
			assert.Equal(t, tt.wantSuffix, typ.Suffix)
			assert.Equal(t, tt.wantParent, typ.Parent)
		})
	}
}

func TestByNameReturnsCopy(t *testing.T) {
	object, ok := ByName("CustomObject")
	require.True(t, ok)
	require.NotEmpty(t, object.Children)
	object.Children[0] = "Changed"

	again, ok := ByName("CustomObject")
	require.True(t, ok)
	assert.NotEqual(t, "Changed", again.Children[0])
}

func TestBySuffix(t *testing.T) {
	tests := []struct {
		name     string
		suffix   string
		wantType string
	}{
		{name: "profile", suffix: "profile", wantType: "Profile"},
		{name: "eca oauth settings", suffix: "ecaOauth", wantType: "ExtlClntAppOauthSettings"},
		{name: "content type", suffix: "cls", wantType: "ApexClass"},
		{name: "shared suffix gives the sf CLI default", suffix: "settings", wantType: "Settings"},
		{name: "shared suffix of strict types", suffix: "policy", wantType: "AppointmentAssignmentPolicy"},
		{name: "legacy suffix", suffix: "custompageweblink", wantType: "CustomPageWebLink"},
		{name: "suffix is case sensitive", suffix: "connectedapp"},
		{name: "child suffix", suffix: "field"},
		{name: "alias suffix", suffix: "emailTemplateFolder"},
		{name: "with dot", suffix: ".profile"},
		{name: "empty", suffix: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			typ, ok := BySuffix(tt.suffix)
			assert.Equal(t, tt.wantType != "", ok)
			assert.Equal(t, tt.wantType, typ.Name)
		})
	}
}

func TestTypePredicates(t *testing.T) {
	tests := []struct {
		typeName       string
		wantSingleFile bool
		wantContent    bool
		wantBundle     bool
		wantDecomposed bool
		wantFolder     bool
	}{
		{typeName: "Profile", wantSingleFile: true},
		{typeName: "ApexClass", wantContent: true},
		{typeName: "StaticResource", wantContent: true},
		{typeName: "LightningComponentBundle", wantBundle: true},
		{typeName: "CustomObject", wantDecomposed: true},
		{typeName: "Bot", wantDecomposed: true},
		{typeName: "ReportFolder", wantSingleFile: true, wantFolder: true},
		{typeName: "CustomLabels"},
		{typeName: "CustomField"},
	}
	for _, tt := range tests {
		t.Run(tt.typeName, func(t *testing.T) {
			typ, ok := ByName(tt.typeName)
			require.True(t, ok)
			assert.Equal(t, tt.wantSingleFile, typ.IsSingleFile(), "IsSingleFile")
			assert.Equal(t, tt.wantContent, typ.HasContent(), "HasContent")
			assert.Equal(t, tt.wantBundle, typ.IsBundle(), "IsBundle")
			assert.Equal(t, tt.wantDecomposed, typ.IsDecomposed(), "IsDecomposed")
			assert.Equal(t, tt.wantFolder, typ.IsFolder(), "IsFolder")
		})
	}
}
