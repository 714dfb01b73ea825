package audit

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// runOn audits the given paths, relative to the tree's folder, and keeps
// problems, which these tests look at.
func runOn(t *testing.T, tr tree, paths ...string) *Report {
	t.Helper()
	root := tr.write(t)
	opts := Options{BaseDir: root, Today: time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)}
	for _, p := range paths {
		opts.Paths = append(opts.Paths, filepath.Join(root, filepath.FromSlash(p)))
	}
	r, err := Run(opts)
	require.NoError(t, err)
	return r
}

func problemFiles(r *Report) []string {
	var files []string
	for _, p := range r.Problems {
		files = append(files, p.File)
	}
	return files
}

// One file with an mdapi name makes project.Walk read a plain folder as an
// mdapi folder. The audit must still read the source-format files beside
// it, and the mdapi-format profile too.
func TestPlainFolderReadsBothForms(t *testing.T) {
	tests := []struct {
		name  string
		stray string
	}{
		{"stray layout", "layouts/Account-Account Layout.layout"},
		{"stray mdapi profile", "profiles/Old.profile"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr := tree{
				profilePath("Orders_API"): profileXML(userPerm("ApiUserOnly", true), userPerm("ModifyAllData", true)),
				srcDir + tt.stray:         profileXML(userPerm("ApiUserOnly", true), userPerm("ViewAllData", true)),
			}
			r := runOn(t, tr, "force-app/main/default")
			require.Empty(t, r.Problems)

			var components []string
			for _, f := range withRule(r, RuleDangerousUserPermission) {
				components = append(components, f.Component+" "+f.File)
			}
			want := []string{"Orders_API force-app/main/default/profiles/Orders_API.profile-meta.xml"}
			if tt.stray == "profiles/Old.profile" {
				want = append(want, "Old force-app/main/default/profiles/Old.profile")
				assert.Equal(t, 2, r.Files)
			}
			assert.ElementsMatch(t, want, components)
		})
	}
}

// A folder that holds mdapi packages below it, each with its own
// package.xml, is read, and each profile is judged at its package's API
// version: ModifyMetadata, which AuthorApex requires, came with API 47.0.
func TestNestedMdapiPackagesUseTheirVersion(t *testing.T) {
	manifest := func(version string) string {
		return doc("Package", "    <types>\n        <members>*</members>\n        <name>Profile</name>\n    </types>\n    <version>"+version+"</version>\n")
	}
	profile := profileXML(userPerm("AuthorApex", true))
	r := runOn(t, tree{
		"old/src/package.xml":          manifest("38.0"),
		"old/src/profiles/Dev.profile": profile,
		"new/src/package.xml":          manifest("62.0"),
		"new/src/profiles/Dev.profile": profile,
	}, ".")
	require.Empty(t, r.Problems)

	got := withRule(r, RuleMissingPermissionDependency)
	require.Len(t, got, 1, "only the 62.0 profile misses ModifyMetadata")
	assert.Equal(t, "new/src/profiles/Dev.profile", got[0].File)
	assert.Equal(t, "AuthorApex is enabled but ModifyMetadata, which it requires at API version 62.0, is not", got[0].Message)
}

// Modify All Data brings fifteen permissions with it. A permission set
// that enables it alone gives one finding that names them all.
func TestMissingDependenciesGrouped(t *testing.T) {
	r := tree{permSetPath("Admin_Lite"): permSetXML("A", userPerm("ModifyAllData", true))}.audit(t, Options{})
	got := withRule(r, RuleMissingPermissionDependency)
	require.Len(t, got, 1)
	assert.Contains(t, got[0].Message, "ModifyAllData is enabled but ConvertLeads, EditEvent,")
	assert.Contains(t, got[0].Message, "ViewAllData and ViewSetup, which it requires, are not")
}

// A run that reads no metadata must not pass as clean.
func TestNoMetadataIsAProblem(t *testing.T) {
	tests := []struct {
		name  string
		tree  tree
		path  string
		error string
	}{
		{"empty folder", tree{"empty/.keep": ""}, "empty", "contains no metadata file"},
		{"file that is not metadata", tree{"README.md": "# hi\n"}, "README.md", "is not a metadata file of a type the audit reads"},
		{"only Apex classes", tree{"src/classes/A.cls": "public class A {}", "src/classes/A.cls-meta.xml": doc("ApexClass", "")},
			"src", "contains 1 metadata file, none of a type the audit reads"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runOn(t, tt.tree, tt.path)
			require.Len(t, r.Problems, 1)
			assert.Equal(t, tt.path, r.Problems[0].File)
			assert.Contains(t, r.Problems[0].Error, tt.error)
		})
	}
}

// An sfdx-project.json that does not parse is named, and the folder is
// still audited file by file.
func TestInvalidProjectFileStillAudits(t *testing.T) {
	r := runOn(t, tree{
		"sfdx-project.json":       "{",
		profilePath("Orders_API"): profileXML(userPerm("ApiUserOnly", true), userPerm("ModifyAllData", true)),
	}, ".")
	assert.Equal(t, []string{"sfdx-project.json"}, problemFiles(r))
	assert.Contains(t, r.Problems[0].Error, "audited as a plain folder")
	assert.NotEmpty(t, withRule(r, RuleDangerousUserPermission))
}

// Namespace prefixes bound to the metadata namespace must not hide a
// permission; the schema accepts such files.
func TestPrefixedElements(t *testing.T) {
	const mdNS = `xmlns:md="http://soap.sforce.com/2006/04/metadata"`
	tests := []struct {
		name    string
		profile string
		want    []string // messages of dangerous-user-permission
		problem string
	}{
		{"prefixed entry", profileXML(userPerm("ApiUserOnly", true),
			"    <md:userPermissions "+mdNS+"><md:enabled>true</md:enabled><md:name>ModifyAllData</md:name></md:userPermissions>\n"),
			[]string{"ModifyAllData"}, ""},
		{"prefixed root", xmlHead + "<md:Profile " + mdNS + ">\n" + "    <md:userPermissions><md:enabled>true</md:enabled><md:name>ApiUserOnly</md:name></md:userPermissions>\n" +
			"    <md:userPermissions><md:enabled>true</md:enabled><md:name>ViewAllData</md:name></md:userPermissions>\n</md:Profile>\n",
			[]string{"ViewAllData"}, ""},
		{"prefix of another namespace", profileXML(userPerm("ApiUserOnly", true),
			`    <x:userPermissions xmlns:x="urn:other"><x:enabled>true</x:enabled><x:name>ModifyAllData</x:name></x:userPermissions>`+"\n"),
			nil, ""},
		{"undeclared prefix", profileXML(userPerm("ApiUserOnly", true),
			"    <md:userPermissions><md:enabled>true</md:enabled><md:name>ModifyAllData</md:name></md:userPermissions>\n"),
			nil, `undeclared namespace prefix "md"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runOn(t, tree{profilePath("Orders_API"): tt.profile}, srcDir)
			if tt.problem != "" {
				require.Len(t, r.Problems, 1)
				assert.Contains(t, r.Problems[0].Error, tt.problem)
				return
			}
			require.Empty(t, r.Problems)
			var got []string
			for _, f := range withRule(r, RuleDangerousUserPermission) {
				got = append(got, f.Message[:len(tt.want[0])])
			}
			assert.Equal(t, tt.want, got)
		})
	}
}
