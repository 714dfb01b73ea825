package project

import (
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfharden/sfharden/internal/registry"
	"github.com/sfharden/sfharden/internal/testenv"
	"github.com/sfharden/sfharden/permset"
	"github.com/sfharden/sfharden/profile"
)

// writeTree writes files (path relative to dir -> content) below dir.
func writeTree(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for rel, content := range files {
		file := filepath.Join(dir, filepath.FromSlash(rel))
		require.NoError(t, os.MkdirAll(filepath.Dir(file), 0o755))
		require.NoError(t, os.WriteFile(file, []byte(content), 0o644))
	}
}

const (
	profileXML = `<?xml version="1.0" encoding="UTF-8"?>
<Profile xmlns="http://soap.sforce.com/2006/04/metadata">
    <custom>true</custom>
    <userLicense>Salesforce Integration</userLicense>
</Profile>
`
	permsetXML = `<?xml version="1.0" encoding="UTF-8"?>
<PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata">
    <label>Orders API</label>
</PermissionSet>
`
	objectXML = `<?xml version="1.0" encoding="UTF-8"?>
<CustomObject xmlns="http://soap.sforce.com/2006/04/metadata">
    <label>Invoice</label>
</CustomObject>
`
	emptyObjectXML = `<?xml version="1.0" encoding="UTF-8"?>
<CustomObject xmlns="http://soap.sforce.com/2006/04/metadata"/>
`
	fieldXML = `<?xml version="1.0" encoding="UTF-8"?>
<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">
    <fullName>Amount__c</fullName>
    <label>Amount</label>
    <type>Number</type>
    <precision>18</precision>
    <scale>2</scale>
</CustomField>
`
	classMetaXML = `<?xml version="1.0" encoding="UTF-8"?>
<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata">
    <apiVersion>62.0</apiVersion>
    <status>Active</status>
</ApexClass>
`
	layoutXML = `<?xml version="1.0" encoding="UTF-8"?>
<Layout xmlns="http://soap.sforce.com/2006/04/metadata">
    <layoutSections>
        <style>OneColumn</style>
    </layoutSections>
</Layout>
`
)

// mixedProject is an sf project with modelled and unmodelled types, names
// that need encoding, an object with fields, an object with only fields and
// components at several depths.
var mixedProject = map[string]string{
	"sfdx-project.json": `{"packageDirectories": [{"path": "force-app", "default": true}, {"path": "extra"}], "sourceApiVersion": "62.0"}`,
	"force-app/main/default/profiles/Work%2Ecom Only User.profile-meta.xml":                  profileXML,
	"force-app/main/default/permissionsets/Orders_API.permissionset-meta.xml":                permsetXML,
	"force-app/main/default/objects/Invoice__c/Invoice__c.object-meta.xml":                   objectXML,
	"force-app/main/default/objects/Invoice__c/fields/Amount__c.field-meta.xml":              fieldXML,
	"force-app/main/default/objects/Account/Account.object-meta.xml":                         emptyObjectXML,
	"force-app/main/default/objects/Account/fields/Orders_Id__c.field-meta.xml":              fieldXML,
	"force-app/main/default/layouts/Account-Account %28Marketing%29 Layout.layout-meta.xml":  layoutXML,
	"force-app/main/default/layouts/acme__Shipment__c-acme__Shipment Layout.layout-meta.xml": layoutXML,
	"force-app/main/default/classes/OrderSync.cls":                                           "public class OrderSync {}\n",
	"force-app/main/default/classes/OrderSync.cls-meta.xml":                                  classMetaXML,
	"extra/nested/deeper/profiles/Integration.profile-meta.xml":                              profileXML,
	"extra/README.md": "not metadata\n",
}

func TestReadSourceProject(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, mixedProject)

	tree, err := Read(dir)
	require.NoError(t, err)
	assert.Empty(t, tree.Problems)
	assert.Equal(t, registry.Source, tree.Format)
	assert.Equal(t, "62.0", tree.APIVersion)
	assert.Equal(t, []PackageDirectory{{Path: "force-app", Default: true}, {Path: "extra"}}, tree.PackageDirectories)
	assert.Nil(t, tree.Manifest)

	var got []string
	for _, c := range tree.Components {
		got = append(got, c.Type+" "+c.FullName)
	}
	want := []string{
		"ApexClass OrderSync",
		"CustomField Account.Orders_Id__c",
		"CustomField Invoice__c.Amount__c",
		"CustomObject Invoice__c",
		"Layout Account-Account (Marketing) Layout",
		"Layout acme__Shipment__c-acme__Shipment Layout",
		"PermissionSet Orders_API",
		"Profile Integration",
		"Profile Work.com Only User",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("components mismatch (-want +got):\n%s", diff)
	}

	byName := map[string]Component{}
	for _, c := range tree.Components {
		byName[c.FullName] = c
	}
	if assert.IsType(t, &profile.Profile{}, byName["Work.com Only User"].Value) {
		assert.Equal(t, "Work.com Only User", byName["Work.com Only User"].Value.(*profile.Profile).FullName)
	}
	assert.IsType(t, &permset.PermissionSet{}, byName["Orders_API"].Value)
	assert.Nil(t, byName["Invoice__c"].Value, "CustomObject is not modelled")
}

func TestReadReportsBrokenFiles(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"profiles/Broken.profile-meta.xml":             "<?xml version=\"1.0\"?>\n<Profile xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n<custom>true</custom>\n<custom>\n",
		"profiles/Good.profile-meta.xml":               profileXML,
		"weird/Thing.noSuchSuffix-meta.xml":            "<x/>",
		"permissionsets/Orders.permissionset-meta.xml": permsetXML,
	})

	tree, err := Read(dir)
	require.NoError(t, err)
	require.Len(t, tree.Problems, 2)
	assert.Equal(t, filepath.Join(dir, "profiles", "Broken.profile-meta.xml"), tree.Problems[0].Path)
	assert.True(t, strings.HasPrefix(tree.Problems[0].Error(), filepath.Join(dir, "profiles", "Broken.profile-meta.xml")+":"), "problem %q names file and line", tree.Problems[0])
	assert.Contains(t, tree.Problems[1].Error(), `suffix "noSuchSuffix"`)
	assert.Len(t, tree.Components, 2, "the files that parse are read")
}

func TestReadMdapiFolder(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"package.xml":                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Package xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n    <version>58.0</version>\n</Package>\n",
		"profiles/Admin.profile":         profileXML,
		"classes/OrderSync.cls":          "public class OrderSync {}\n",
		"classes/OrderSync.cls-meta.xml": classMetaXML,
		"destructiveChanges.xml":         "<Package/>",
	})
	tree, err := Read(dir)
	require.NoError(t, err)
	assert.Equal(t, registry.Mdapi, tree.Format)
	assert.Equal(t, "58.0", tree.APIVersion)
	require.NotNil(t, tree.Manifest)
	assert.Empty(t, tree.Problems)
	require.Len(t, tree.Components, 2)
	assert.Equal(t, "ApexClass", tree.Components[0].Type)
	assert.IsType(t, &profile.Profile{}, tree.Components[1].Value)
}

func TestReadCorpusMdapiWithoutPackageXML(t *testing.T) {
	corpus := testenv.Corpus(t)
	tree, err := Read(filepath.Join(corpus, "mdapi-format", "Exygy__sf-dahlia-salesforce", "src"))
	require.NoError(t, err)
	assert.Equal(t, registry.Mdapi, tree.Format, "a renamed manifest does not hide the mdapi layout")
	assert.Len(t, tree.Components, 3)
	assert.Empty(t, tree.Problems)
}

func TestReadRejects(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"file.txt": "x"})
	tests := []struct {
		name, root, project string
	}{
		{"missing folder", filepath.Join(dir, "nope"), ""},
		{"file", filepath.Join(dir, "file.txt"), ""},
		{"invalid json", "", `{"packageDirectories": [`},
		{"no package directories", "", `{"packageDirectories": []}`},
		{"directory outside", "", `{"packageDirectories": [{"path": "../elsewhere", "default": true}]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := tt.root
			if tt.project != "" {
				root = t.TempDir()
				writeTree(t, root, map[string]string{ProjectFile: tt.project})
			}
			_, err := Read(root)
			assert.Error(t, err)
		})
	}
}

func TestWalkCallsFromWorkers(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, mixedProject)
	for _, workers := range []int{1, 3, 0} {
		var count atomic.Int64
		tree, err := Walk(dir, WalkOptions{Workers: workers, SkipValues: true}, func(c Component) {
			assert.Nil(t, c.Value, "SkipValues parses nothing")
			count.Add(1)
		})
		require.NoError(t, err)
		assert.Empty(t, tree.Components, "Walk keeps no components")
		assert.Equal(t, int64(9), count.Load(), "workers=%d", workers)
	}
}

// TestManifestMatchesSfCLI checks that the manifest of a tree is the one
// `sf project generate manifest --source-dir` writes for it.
func TestManifestMatchesSfCLI(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, mixedProject)

	testenv.RunSF(t, dir, "project", "generate", "manifest", "--source-dir", "force-app", "--source-dir", "extra", "--output-dir", "sf-out")
	want, err := os.ReadFile(filepath.Join(dir, "sf-out", "package.xml"))
	require.NoError(t, err)

	tree, err := ReadWith(dir, WalkOptions{SkipValues: true})
	require.NoError(t, err)
	got, err := tree.BuildManifest("").Marshal()
	require.NoError(t, err)
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("manifest differs from sf (-sf +ours):\n%s", diff)
	}
}

// sfNamedProject has the names and layouts in which the sf CLI's manifest
// differs from one built by decoding and re-encoding names: names that
// encoding would change, a field whose object and field names both encode a
// dot, a Document whose content keeps its extension, and children stored as
// elements of their parent's file or beside it.
var sfNamedProject = map[string]string{
	ProjectFile: `{"packageDirectories": [{"path": "force-app", "default": true}], "sourceApiVersion": "62.0"}`,
	"force-app/main/default/email/unfiled$public/Tpl.email":                             "Hello\n",
	"force-app/main/default/email/unfiled$public/Tpl.email-meta.xml":                    emailXML,
	"force-app/main/default/layouts/Account-Account (Marketing) Layout.layout-meta.xml": layoutXML,
	"force-app/main/default/profiles/Set.With.Dots.profile-meta.xml":                    profileXML,
	"force-app/main/default/profiles/O'Brien.profile-meta.xml":                          profileXML,
	"force-app/main/default/profiles/Bad%ZZ.profile-meta.xml":                           profileXML,
	"force-app/main/default/objects/Acc%2Eount/fields/F%2Eoo__c.field-meta.xml":         fieldXML,
	"force-app/main/default/documents/Shared.documentFolder-meta.xml":                   documentFolderXML,
	"force-app/main/default/documents/Shared/logo.png":                                  "png",
	"force-app/main/default/documents/Shared/logo.png-meta.xml":                         documentXML,
	"force-app/main/default/labels/CustomLabels.labels-meta.xml":                        labelsXML,
	"force-app/main/default/workflows/Case.workflow-meta.xml":                           workflowXML,
	"force-app/main/default/sharingRules/Account.sharingRules-meta.xml":                 sharingRulesXML,
	"force-app/main/default/bots/Chat/Chat.bot-meta.xml":                                botXML,
	"force-app/main/default/bots/Chat/v1.botVersion-meta.xml":                           botVersionXML,
}

const (
	emailXML = `<?xml version="1.0" encoding="UTF-8"?>
<EmailTemplate xmlns="http://soap.sforce.com/2006/04/metadata">
    <available>true</available>
    <encodingKey>UTF-8</encodingKey>
    <name>Tpl</name>
    <style>none</style>
    <subject>Hello</subject>
    <type>text</type>
</EmailTemplate>
`
	documentFolderXML = `<?xml version="1.0" encoding="UTF-8"?>
<DocumentFolder xmlns="http://soap.sforce.com/2006/04/metadata">
    <accessType>Public</accessType>
    <name>Shared</name>
    <publicFolderAccess>ReadOnly</publicFolderAccess>
</DocumentFolder>
`
	documentXML = `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="http://soap.sforce.com/2006/04/metadata">
    <internalUseOnly>false</internalUseOnly>
    <name>logo</name>
    <public>true</public>
</Document>
`
	labelsXML = `<?xml version="1.0" encoding="UTF-8"?>
<CustomLabels xmlns="http://soap.sforce.com/2006/04/metadata">
    <labels>
        <fullName>Greeting</fullName>
        <language>en_US</language>
        <protected>false</protected>
        <shortDescription>Greeting</shortDescription>
        <value>Hello</value>
    </labels>
    <labels>
        <fullName>
            Spaced
        </fullName>
        <language>en_US</language>
        <protected>false</protected>
        <shortDescription>Spaced</shortDescription>
        <value>Hello</value>
    </labels>
    <labels>
        <fullName>Odd.Name &amp; (x)</fullName>
        <language>en_US</language>
        <protected>false</protected>
        <shortDescription>Odd</shortDescription>
        <value>x</value>
    </labels>
</CustomLabels>
`
	workflowXML = `<?xml version="1.0" encoding="UTF-8"?>
<Workflow xmlns="http://soap.sforce.com/2006/04/metadata">
    <alerts>
        <fullName>Notify_Owner</fullName>
        <description>Notify</description>
        <protected>false</protected>
        <recipients>
            <type>owner</type>
        </recipients>
        <senderType>CurrentUser</senderType>
        <template>unfiled$public/Tpl</template>
    </alerts>
    <rules>
        <fullName>On Create.v2</fullName>
        <active>false</active>
        <criteriaItems>
            <field>Case.Status</field>
            <operation>equals</operation>
            <value>New</value>
        </criteriaItems>
        <triggerType>onCreateOnly</triggerType>
    </rules>
</Workflow>
`
	sharingRulesXML = `<?xml version="1.0" encoding="UTF-8"?>
<SharingRules xmlns="http://soap.sforce.com/2006/04/metadata">
    <sharingCriteriaRules>
        <fullName>Share_EU</fullName>
        <accessLevel>Read</accessLevel>
        <label>Share EU</label>
        <sharedTo>
            <allInternalUsers></allInternalUsers>
        </sharedTo>
        <criteriaItems>
            <field>BillingCountry</field>
            <operation>equals</operation>
            <value>DE</value>
        </criteriaItems>
        <includeRecordsOwnedByAll>true</includeRecordsOwnedByAll>
    </sharingCriteriaRules>
</SharingRules>
`
	botXML = `<?xml version="1.0" encoding="UTF-8"?>
<Bot xmlns="http://soap.sforce.com/2006/04/metadata">
    <label>Chat</label>
</Bot>
`
	botVersionXML = `<?xml version="1.0" encoding="UTF-8"?>
<BotVersion xmlns="http://soap.sforce.com/2006/04/metadata">
    <fullName>v1</fullName>
</BotVersion>
`
)

// assertManifestMatchesSf runs `sf project generate manifest` on the
// package directories of the project at dir and compares its package.xml
// with the one built from reading the project.
func assertManifestMatchesSf(t *testing.T, dir string, packageDirectories ...string) *Tree {
	t.Helper()
	args := []string{"project", "generate", "manifest", "--output-dir", "sf-out"}
	for _, pkg := range packageDirectories {
		args = append(args, "--source-dir", pkg)
	}
	tree, err := ReadWith(dir, WalkOptions{SkipValues: true})
	require.NoError(t, err)
	got, err := tree.BuildManifest("").Marshal()
	require.NoError(t, err)

	testenv.RunSF(t, dir, args...)
	want, err := os.ReadFile(filepath.Join(dir, "sf-out", "package.xml"))
	require.NoError(t, err)
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("manifest differs from sf (-sf +ours):\n%s", diff)
	}
	return tree
}

// TestManifestKeepsFileNamesLikeSfCLI checks names that the sf CLI copies
// from file names unchanged, documents and children inside parent files.
func TestManifestKeepsFileNamesLikeSfCLI(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, sfNamedProject)

	tree := assertManifestMatchesSf(t, dir, "force-app")
	assert.Empty(t, tree.Problems)

	members := map[string]string{}
	for _, c := range tree.Components {
		members[c.Type+" "+c.Member] = c.FullName
	}
	assert.Equal(t, "Acc.ount.F.oo__c", members["CustomField Acc%2Eount.F%2Eoo__c"], "object and field split on the folder")
	assert.Equal(t, "unfiled$public/Tpl", members["EmailTemplate unfiled$public/Tpl"])
	assert.Equal(t, "Shared/logo", members["Document Shared/logo"])
	assert.Equal(t, "Odd.Name & (x)", members["CustomLabel Odd.Name & (x)"], "a label is named without its parent")
	assert.Equal(t, "CustomLabels", members["CustomLabels CustomLabels"])
	assert.Equal(t, "Case.On Create.v2", members["WorkflowRule Case.On Create.v2"])
	assert.Equal(t, "Chat.v1", members["BotVersion Chat.v1"])
}

func TestReadRejectsUnnamedChildElement(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"labels/CustomLabels.labels-meta.xml": `<CustomLabels xmlns="http://soap.sforce.com/2006/04/metadata"><labels><value>x</value></labels></CustomLabels>`,
	})
	tree, err := Read(dir)
	require.NoError(t, err)
	require.Len(t, tree.Problems, 1, "a label without a name is not left out silently")
	assert.Contains(t, tree.Problems[0].Error(), "<fullName>")
	assert.Empty(t, tree.Components, "the file's components are not listed in part")
}

// TestForceIgnoreMatchesSfCLI checks that the files a .forceignore leaves
// out, with the sf CLI's default patterns, are the ones sf leaves out.
func TestForceIgnoreMatchesSfCLI(t *testing.T) {
	tests := []struct {
		name        string
		forceignore string
		ignored     []string // FullNames of profiles left out
	}{
		{"no file reads hidden files", "", nil},
		{"empty file adds the defaults", "\n", []string{".Dotted", "Inner", "Old"}},
		{"pattern at any depth", "Admin.profile-meta.xml\n", []string{".Dotted", "Admin", "Inner", "Old"}},
		{"anchored pattern", "/force-app/main/default/profiles/Admin.profile-meta.xml\nprofiles/Sales.profile-meta.xml\n", []string{".Dotted", "Admin", "Inner", "Old"}},
		{"folder pattern", "nested/\n", []string{".Dotted", "Deep", "Inner", "Old"}},
		{"double star", "force-app/**/deeper/**\n", []string{".Dotted", "Deep", "Inner", "Old"}},
		{"negation", "*.profile-meta.xml\n!Sales.profile-meta.xml\n", []string{".Dotted", "Admin", "Deep", "Inner", "Old", "Set.With.Dots"}},
		{"no negation inside an ignored folder", "nested/\n!nested/deeper/Deep.profile-meta.xml\n", []string{".Dotted", "Deep", "Inner", "Old"}},
		{"case is ignored", "*.PROFILE-META.XML\n", []string{".Dotted", "Admin", "Deep", "Inner", "Old", "Sales", "Set.With.Dots"}},
		{"wildcards and classes", "S?les.*\n[A]dmin*\n", []string{".Dotted", "Admin", "Inner", "Old", "Sales"}},
		{"comments and escapes", "# Admin.profile-meta.xml\n\\#hash.profile-meta.xml\nSet.With.Dots.profile-meta.xml   \n", []string{"#hash", ".Dotted", "Inner", "Old", "Set.With.Dots"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			files := map[string]string{
				ProjectFile: `{"packageDirectories": [{"path": "force-app", "default": true}], "sourceApiVersion": "62.0"}`,
				"force-app/main/default/profiles/Admin.profile-meta.xml":              profileXML,
				"force-app/main/default/profiles/Sales.profile-meta.xml":              profileXML,
				"force-app/main/default/profiles/Set.With.Dots.profile-meta.xml":      profileXML,
				"force-app/main/default/profiles/#hash.profile-meta.xml":              profileXML,
				"force-app/main/default/profiles/.Dotted.profile-meta.xml":            profileXML,
				"force-app/main/default/profiles/.hidden/Inner.profile-meta.xml":      profileXML,
				"force-app/main/default/nested/deeper/profiles/Deep.profile-meta.xml": profileXML,
			}
			if tt.forceignore != "" {
				files[ForceIgnoreFile] = tt.forceignore
				// Without a .forceignore the sf CLI lists this file as the
				// profile "Old", which Walk does not.
				files["force-app/main/default/profiles/Old.profile-meta.xml.dup"] = profileXML
			}
			writeTree(t, dir, files)

			tree := assertManifestMatchesSf(t, dir, "force-app")
			assert.Empty(t, tree.Problems)
			var listed []string
			for _, c := range tree.Components {
				listed = append(listed, c.FullName)
			}
			for _, name := range tt.ignored {
				assert.NotContains(t, listed, name)
			}
		})
	}
}

func TestReadRejectsIgnoredContentFile(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		ForceIgnoreFile:          "A.cls\nB.cls-meta.xml\n",
		"classes/A.cls":          "public class A {}\n",
		"classes/A.cls-meta.xml": classMetaXML,
		"classes/B.cls":          "public class B {}\n",
		"classes/B.cls-meta.xml": classMetaXML,
	})
	tree, err := ReadWith(dir, WalkOptions{SkipValues: true})
	require.NoError(t, err)

	require.Len(t, tree.Problems, 1, "a class without its content is rejected, as the sf CLI rejects it")
	assert.Equal(t, filepath.Join(dir, "classes", "A.cls"), tree.Problems[0].Path)
	var names []string
	for _, c := range tree.Components {
		names = append(names, c.FullName)
	}
	assert.Equal(t, []string{"A"}, names, "B is left out with its metadata file")
}

// TestReadFollowsSymbolicLinks checks that a package directory, a folder and
// a file reached through symbolic links are read as the sf CLI reads them.
func TestReadFollowsSymbolicLinks(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		ProjectFile: `{"packageDirectories": [{"path": "force-app", "default": true}, {"path": "linked"}], "sourceApiVersion": "62.0"}`,
		"force-app/main/default/profiles/Admin.profile-meta.xml": profileXML,
		"real/profiles/Linked.profile-meta.xml":                  profileXML,
		"outside/permissionsets/Orders.permissionset-meta.xml":   permsetXML,
		"outside/File.profile-meta.xml":                          profileXML,
	})
	require.NoError(t, os.Symlink("real", filepath.Join(dir, "linked")))
	require.NoError(t, os.Symlink(filepath.Join("..", "..", "..", "outside"), filepath.Join(dir, "force-app", "main", "default", "more")))
	require.NoError(t, os.Symlink(filepath.Join("..", "..", "..", "..", "outside", "File.profile-meta.xml"), filepath.Join(dir, "force-app", "main", "default", "profiles", "Link.profile-meta.xml")))

	tree := assertManifestMatchesSf(t, dir, "force-app", "linked")
	assert.Empty(t, tree.Problems)
	var got []string
	for _, c := range tree.Components {
		got = append(got, c.Type+" "+c.FullName)
	}
	want := []string{"PermissionSet Orders", "Profile Admin", "Profile File", "Profile Link", "Profile Linked"}
	assert.Equal(t, want, got, "File is read through the folder link and again, as Link, through the file link")
}

func TestReadReportsBadSymbolicLinks(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"profiles/Admin.profile-meta.xml": profileXML})
	loop := filepath.Join(dir, "profiles", "loop")
	broken := filepath.Join(dir, "profiles", "Gone.profile-meta.xml")
	require.NoError(t, os.Symlink("..", loop))
	require.NoError(t, os.Symlink("missing.xml", broken))

	tree, err := Read(dir)
	require.NoError(t, err)
	require.Len(t, tree.Problems, 2)
	assert.Equal(t, broken, tree.Problems[0].Path)
	assert.Equal(t, loop, tree.Problems[1].Path)
	assert.Contains(t, tree.Problems[1].Error(), "leads back")
	require.Len(t, tree.Components, 1, "the loop is not followed, so Admin is read once")
	assert.Equal(t, "Admin", tree.Components[0].FullName)
}

// TestCorpusManifestsMatchSfCLI compares, for each repository of the
// corpus, the manifest of its source folders with the sf CLI's.
func TestCorpusManifestsMatchSfCLI(t *testing.T) {
	corpus := testenv.Corpus(t)
	repos, err := os.ReadDir(corpus)
	require.NoError(t, err)

	for _, repo := range repos {
		if !repo.IsDir() || repo.Name() == "mdapi-format" {
			continue
		}
		t.Run(repo.Name(), func(t *testing.T) {
			project := t.TempDir()
			writeTree(t, project, map[string]string{
				ProjectFile:       `{"packageDirectories": [{"path": "force-app", "default": true}], "sourceApiVersion": "66.0"}`,
				"force-app/.keep": "",
			})
			folders, err := os.ReadDir(filepath.Join(corpus, repo.Name()))
			require.NoError(t, err)

			args := []string{"project", "generate", "manifest", "--output-dir", "sf-out"}
			var components []Component
			for _, folder := range folders {
				if !folder.IsDir() || folder.Name() == "manifest" {
					continue
				}
				source := filepath.Join(corpus, repo.Name(), folder.Name())
				args = append(args, "--source-dir", source)
				tree, err := ReadWith(source, WalkOptions{SkipValues: true})
				require.NoError(t, err)
				assert.Empty(t, tree.Problems)
				components = append(components, tree.Components...)
			}
			testenv.RunSF(t, project, args...)
			want, err := os.ReadFile(filepath.Join(project, "sf-out", "package.xml"))
			require.NoError(t, err)

			got, err := BuildManifest(components, "66.0").Marshal()
			require.NoError(t, err)
			if diff := cmp.Diff(string(want), string(got)); diff != "" {
				t.Errorf("manifest differs from sf (-sf +ours):\n%s", diff)
			}
		})
	}
}

func BenchmarkReadCorpus(b *testing.B) {
	corpus := testenv.Corpus(b)
	var bytes int64
	filepath.Walk(corpus, func(_ string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			bytes += info.Size()
		}
		return nil
	})
	b.SetBytes(bytes)
	b.ResetTimer()
	for b.Loop() {
		tree, err := Read(corpus)
		if err != nil {
			b.Fatal(err)
		}
		if len(tree.Components) == 0 {
			b.Fatal("no components read")
		}
	}
}
