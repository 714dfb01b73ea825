package pkgxml

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfharden/sfharden/internal/testenv"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// golden compares got with testdata/name, or rewrites the file with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err)
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", path, diff)
	}
}

// integrationMembers are the components of an API integration: fields,
// objects and a permission set, given in no particular order.
var integrationMembers = []Member{
	{Type: "PermissionSet", Name: "Orders_API"},
	{Type: "CustomField", Name: "Invoice__c.Amount__c"},
	{Type: "CustomObject", Name: "Invoice__c"},
	{Type: "CustomField", Name: "Account.Industry"},
	{Type: "CustomObject", Name: "Account"},
	{Type: "CustomObject", Name: "Account"},
}

func TestBuildIntegrationManifest(t *testing.T) {
	data, err := Build(integrationMembers, "62.0").Marshal()
	require.NoError(t, err)

	want := `<?xml version="1.0" encoding="UTF-8"?>
<Package xmlns="http://soap.sforce.com/2006/04/metadata">
    <types>
        <members>Account.Industry</members>
        <members>Invoice__c.Amount__c</members>
        <name>CustomField</name>
    </types>
    <types>
        <members>Account</members>
        <members>Invoice__c</members>
        <name>CustomObject</name>
    </types>
    <types>
        <members>Orders_API</members>
        <name>PermissionSet</name>
    </types>
    <version>62.0</version>
</Package>
`
	if diff := cmp.Diff(want, string(data)); diff != "" {
		t.Errorf("manifest mismatch (-want +got):\n%s", diff)
	}
}

func TestBuildDefaultsVersion(t *testing.T) {
	assert.Equal(t, APIVersion, Build(nil, "").Version)
}

func TestBuildOrderIndependent(t *testing.T) {
	reversed := make([]Member, len(integrationMembers))
	for i, m := range integrationMembers {
		reversed[len(reversed)-1-i] = m
	}
	assert.Equal(t, Build(integrationMembers, "62.0"), Build(reversed, "62.0"))
}

// cliMembers are components whose names exercise encoding, folders and
// sorting, as decoded names with the member the sf CLI expects for each.
var cliMembers = []struct {
	member  Member
	encoded string
}{
	{Member{Type: "Profile", Name: "Work.com Only User"}, "Work%2Ecom Only User"},
	{Member{Type: "Profile", Name: "Admin"}, "Admin"},
	{Member{Type: "Profile", Name: "admin lower"}, "admin lower"},
	{Member{Type: "Profile", Name: "Custom: Sales & Marketing (EU)"}, "Custom%3A Sales %26 Marketing %28EU%29"},
	{Member{Type: "CustomField", Name: "Account.Industry"}, "Account.Industry"},
	{Member{Type: "CustomObject", Name: "*"}, "*"},
	{Member{Type: "CustomObject", Name: "Account"}, "Account"},
	{Member{Type: "Layout", Name: "acme__Shipment__c-acme__Shipment Layout"}, "acme__Shipment__c-acme__Shipment Layout"},
	{Member{Type: "Layout", Name: "Account-Account (Marketing) Layout"}, "Account-Account %28Marketing%29 Layout"},
	{Member{Type: "ReportFolder", Name: "Sales"}, "Sales"},
	{Member{Type: "Report", Name: "Sales/Pipeline"}, "Sales/Pipeline"},
	{Member{Type: "DocumentFolder", Name: "Shared"}, "Shared"},
	{Member{Type: "CustomMetadata", Name: "Region.Europe"}, "Region.Europe"},
	{Member{Type: "PermissionSet", Name: "Orders_API"}, "Orders_API"},
}

func TestBuildGolden(t *testing.T) {
	var members []Member
	for _, c := range cliMembers {
		members = append(members, c.member)
	}
	data, err := Build(members, "62.0").Marshal()
	require.NoError(t, err)
	golden(t, "cli_members.xml", data)
}

// TestBuildMatchesSfCLI checks that Build writes the bytes that
// `sf project generate manifest --metadata` writes for the same components.
func TestBuildMatchesSfCLI(t *testing.T) {
	dir := newSfProject(t, "62.0")
	args := []string{"project", "generate", "manifest", "--output-dir", "out"}
	var members []Member
	for _, c := range cliMembers {
		args = append(args, "--metadata", c.member.Type+":"+c.encoded)
		members = append(members, c.member)
	}
	testenv.RunSF(t, dir, args...)

	want, err := os.ReadFile(filepath.Join(dir, "out", "package.xml"))
	require.NoError(t, err)
	got, err := Build(members, "62.0").Marshal()
	require.NoError(t, err)
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("Build differs from sf project generate manifest (-sf +Build):\n%s", diff)
	}
}

// TestDestructiveMatchesSfCLI checks that a destructive manifest has the
// bytes and file name that `sf project generate manifest --type` writes.
func TestDestructiveMatchesSfCLI(t *testing.T) {
	dir := newSfProject(t, "62.0")
	members := []Member{{Type: "CustomField", Name: "Invoice__c.Legacy_Id__c"}, {Type: "Profile", Name: "Work.com Only User"}}
	for _, c := range []struct {
		flag string
		kind Destructive
	}{{"pre", DestructivePre}, {"post", DestructivePost}, {"destroy", DestructiveChanges}} {
		t.Run(c.flag, func(t *testing.T) {
			out := filepath.Join(dir, c.flag)
			testenv.RunSF(t, dir, "project", "generate", "manifest", "--type", c.flag, "--output-dir", out,
				"--metadata", "CustomField:Invoice__c.Legacy_Id__c", "--metadata", "Profile:Work%2Ecom Only User")
			want, err := os.ReadFile(filepath.Join(out, c.kind.FileName()))
			require.NoError(t, err, "sf wrote no %s", c.kind.FileName())

			ours := t.TempDir()
			path, err := WriteDestructive(ours, c.kind, Build(members, "62.0"))
			require.NoError(t, err)
			got, err := os.ReadFile(path)
			require.NoError(t, err)
			assert.Equal(t, string(want), string(got))
		})
	}
}

// newSfProject makes an empty sf project with the given sourceApiVersion.
func newSfProject(t *testing.T, version string) string {
	t.Helper()
	dir := t.TempDir()
	project := `{"packageDirectories": [{"path": "force-app", "default": true}], "sourceApiVersion": "` + version + `"}`
	require.NoError(t, os.WriteFile(filepath.Join(dir, "sfdx-project.json"), []byte(project), 0o644))
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "force-app"), 0o755))
	return dir
}

func TestEncodeMember(t *testing.T) {
	tests := []struct {
		name, typeName, in, want string
	}{
		{"dot in profile name", "Profile", "Work.com Only User", "Work%2Ecom Only User"},
		{"field keeps separator", "CustomField", "Account.Industry", "Account.Industry"},
		{"record type keeps separator", "RecordType", "Account.Partner.EU", "Account.Partner%2EEU"},
		{"layout keeps dash", "Layout", "Object-Layout Name", "Object-Layout Name"},
		{"layout encodes brackets", "Layout", "Account-Account (Sales) Layout", "Account-Account %28Sales%29 Layout"},
		{"custom metadata record", "CustomMetadata", "Region.Europe", "Region.Europe"},
		{"report in folder", "Report", "Sales Q1/Pipeline.v2", "Sales Q1/Pipeline%2Ev2"},
		{"document keeps extension", "Document", "Shared/logo.png", "Shared/logo.png"},
		{"wildcard", "CustomObject", "*", "*"},
		{"percent sign", "Profile", "50% Off", "50%25 Off"},
		{"unknown type as one name", "NoSuchType", "a.b", "a%2Eb"},
		{"non-ASCII kept", "Profile", "Vertrieb München", "Vertrieb München"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := EncodeMember(tt.typeName, tt.in)
			assert.Equal(t, tt.want, got)
			assert.Equal(t, tt.in, DecodeMember(got), "decoding gives the name back")
		})
	}
}

func TestBuildListsFoldersUnderContentType(t *testing.T) {
	p := Build([]Member{{Type: "ReportFolder", Name: "Sales"}, {Type: "DashboardFolder", Name: "Ops/"}, {Type: "DocumentFolder", Name: "Shared"}}, "")
	assert.True(t, p.Has("Report", "Sales/"))
	assert.True(t, p.Has("Dashboard", "Ops/"), "a trailing slash is not doubled")
	assert.True(t, p.Has("Document", "Shared"), "DocumentFolder gets no slash")
	assert.False(t, p.Has("ReportFolder", "Sales"))
}

func TestBuildKeepsEncodedMembers(t *testing.T) {
	p := Build([]Member{
		{Type: "Profile", Name: "Set.With.Dots", Encoded: "Set.With.Dots"},
		{Type: "EmailTemplate", Name: "unfiled$public/Tpl", Encoded: "unfiled$public/Tpl"},
		{Type: "ReportFolder", Name: "Sales", Encoded: "Sales"},
		{Type: "Profile", Name: "Work.com Only User"},
	}, "")
	assert.True(t, p.Has("Profile", "Set.With.Dots"), "an encoded member is not encoded again")
	assert.True(t, p.Has("EmailTemplate", "unfiled$public/Tpl"))
	assert.True(t, p.Has("Report", "Sales/"), "a folder still gets its slash")
	assert.True(t, p.Has("Profile", "Work%2Ecom Only User"), "a member without Encoded is encoded")
}

func TestMergeUnionAndHighestVersion(t *testing.T) {
	a := Build([]Member{{Type: "Profile", Name: "Admin"}, {Type: "PermissionSet", Name: "A"}}, "62.0")
	b := Build([]Member{{Type: "Profile", Name: "Admin"}, {Type: "Profile", Name: "Integration"}}, "9.0")
	c := Build([]Member{{Type: "ConnectedApp", Name: "Orders"}}, "64.0")

	merged := Merge(a, nil, b, c)
	want := Build([]Member{{Type: "Profile", Name: "Admin"}, {Type: "PermissionSet", Name: "A"}, {Type: "Profile", Name: "Integration"}, {Type: "ConnectedApp", Name: "Orders"}}, "64.0")
	assert.Equal(t, want, merged)
	assert.Equal(t, "62.0", Merge(a, b).Version, "62.0 is above 9.0 as a number")
}

func TestMergeKeepsInputs(t *testing.T) {
	a := Build([]Member{{Type: "Profile", Name: "Admin"}}, "62.0")
	before := *a
	Merge(a, Build([]Member{{Type: "Profile", Name: "Other"}}, "63.0"))
	assert.Equal(t, before, *a)
}

func TestSubtract(t *testing.T) {
	a := Build([]Member{{Type: "Profile", Name: "Admin"}, {Type: "Profile", Name: "Integration"}, {Type: "PermissionSet", Name: "Old"}, {Type: "CustomObject", Name: "*"}}, "62.0")
	b := Build([]Member{{Type: "Profile", Name: "Admin"}, {Type: "PermissionSet", Name: "Old"}, {Type: "CustomObject", Name: "Account"}}, "64.0")

	got := Subtract(a, b)
	want := Build([]Member{{Type: "Profile", Name: "Integration"}, {Type: "CustomObject", Name: "*"}}, "62.0")
	assert.Equal(t, want, got, "a named member does not remove a wildcard, and a's version is kept")
	assert.Equal(t, a, Subtract(a, nil))
}

func TestCompareVersions(t *testing.T) {
	assert.Equal(t, 1, CompareVersions("62.0", "9.0"))
	assert.Equal(t, 0, CompareVersions("62.0", "62.0"))
	assert.Equal(t, -1, CompareVersions("", "9.0"))
	assert.Equal(t, 1, CompareVersions("9.0", "abc"))
}

func TestWriteDestructiveRejects(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name string
		p    *Package
		want string
	}{
		{"wildcard", Build([]Member{{Type: "ApexClass", Name: "*"}}, "62.0"), "cannot be deleted"},
		{"empty", Build(nil, "62.0"), "no components"},
		{"no version", &Package{Types: []TypeMembers{{Name: "ApexClass", Members: []string{"A"}}}}, "missing version"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := WriteDestructive(dir, DestructivePre, tt.p)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Empty(t, entries, "nothing is written for a rejected manifest")
}

func TestParseRoundTrip(t *testing.T) {
	data, err := Build(integrationMembers, "62.0").Marshal()
	require.NoError(t, err)
	p, err := Parse(data)
	require.NoError(t, err)
	again, err := p.Marshal()
	require.NoError(t, err)
	assert.Equal(t, string(data), string(again))
	assert.Len(t, p.Members(), 5)
}

func TestParseFileNamesLine(t *testing.T) {
	path := filepath.Join(t.TempDir(), "package.xml")
	require.NoError(t, os.WriteFile(path, []byte("<?xml version=\"1.0\"?>\n<Package>\n<types>\n</Package>\n"), 0o644))
	_, err := ParseFile(path)
	require.Error(t, err)
	assert.True(t, strings.HasPrefix(err.Error(), path+":"), "error %q names the file", err)
}

func TestManifestsValidate(t *testing.T) {
	dir := t.TempDir()
	var files []string
	for name, p := range map[string]*Package{
		"integration.xml": Build(integrationMembers, "62.0"),
		"retrieve.xml":    RetrieveManifest([]string{"Orders_API"}, []string{"Orders"}, []string{"Account"}),
		"empty.xml":       Build(nil, ""),
	} {
		path := filepath.Join(dir, name)
		require.NoError(t, p.WriteFile(path))
		files = append(files, path)
	}
	destructive, err := WriteDestructive(dir, DestructivePost, Build(integrationMembers, "62.0"))
	require.NoError(t, err)
	testenv.ValidateXML(t, append(files, destructive)...)
}
