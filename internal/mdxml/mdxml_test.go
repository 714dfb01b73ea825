package mdxml_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfharden/sfharden/internal/mdxml"
)

// The test types model a small part of PermissionSet and
// ProfileSessionSetting, enough to exercise every field kind.
type permissionSet struct {
	FullName              string             `xml:"fullName"`
	ClassAccesses         []classAccess      `xml:"classAccesses" sort:"apexClass"`
	Description           string             `xml:"description"`
	FieldPermissions      []fieldPermission  `xml:"fieldPermissions" sort:"field"`
	HasActivationRequired *bool              `xml:"hasActivationRequired"`
	Label                 string             `xml:"label"`
	ObjectPermissions     []objectPermission `xml:"objectPermissions" sort:"object"`
	UserPermissions       []userPermission   `xml:"userPermissions" sort:"name"`

	Extra mdxml.Extra `mdxml:"PermissionSet"`
}

type classAccess struct {
	ApexClass string `xml:"apexClass"`
	Enabled   bool   `xml:"enabled"`

	Extra mdxml.Extra `mdxml:"PermissionSetApexClassAccess"`
}

type fieldPermission struct {
	Editable bool   `xml:"editable"`
	Field    string `xml:"field"`
	Readable *bool  `xml:"readable"`

	Extra mdxml.Extra `mdxml:"PermissionSetFieldPermissions"`
}

type objectPermission struct {
	AllowCreate      bool   `xml:"allowCreate"`
	AllowDelete      bool   `xml:"allowDelete"`
	AllowEdit        bool   `xml:"allowEdit"`
	AllowRead        bool   `xml:"allowRead"`
	ModifyAllRecords bool   `xml:"modifyAllRecords"`
	Object           string `xml:"object"`
	ViewAllRecords   bool   `xml:"viewAllRecords"`

	Extra mdxml.Extra `mdxml:"PermissionSetObjectPermissions"`
}

type userPermission struct {
	Enabled bool   `xml:"enabled"`
	Name    string `xml:"name"`

	Extra mdxml.Extra `mdxml:"PermissionSetUserPermission"`
}

type sessionSetting struct {
	ForceLogout    bool   `xml:"forceLogout"`
	Profile        string `xml:"profile"`
	SessionTimeout int    `xml:"sessionTimeout"`

	Extra mdxml.Extra `mdxml:"ProfileSessionSetting"`
}

type loginRanges struct {
	LoginIPRanges []loginIPRange `xml:"loginIpRanges" sort:"ip:startAddress"`

	Extra mdxml.Extra `mdxml:"Profile"`
}

type loginIPRange struct {
	Description  string `xml:"description"`
	EndAddress   string `xml:"endAddress"`
	StartAddress string `xml:"startAddress"`

	Extra mdxml.Extra `mdxml:"ProfileLoginIpRange"`
}

func ptr[T any](v T) *T { return &v }

func TestMarshalOrdersGroupsAndEntries(t *testing.T) {
	// Built in an order unlike the schema's, entries unsorted.
	ps := permissionSet{
		UserPermissions:   []userPermission{{Name: "ApiEnabled", Enabled: true}},
		ObjectPermissions: []objectPermission{{Object: "Invoice__c", AllowRead: true}},
		FieldPermissions: []fieldPermission{
			{Field: "Invoice__c.Amount__c", Readable: ptr(true)},
			{Field: "Account.Industry", Readable: ptr(true)},
		},
		ClassAccesses: []classAccess{{ApexClass: "OrderSyncService", Enabled: true}},
		Label:         "Orders API",
		Description:   "Read-only sync",
	}
	got, err := mdxml.Marshal(&ps)
	require.NoError(t, err)
	want := `<?xml version="1.0" encoding="UTF-8"?>
<PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata">
    <classAccesses>
        <apexClass>OrderSyncService</apexClass>
        <enabled>true</enabled>
    </classAccesses>
    <description>Read-only sync</description>
    <fieldPermissions>
        <editable>false</editable>
        <field>Account.Industry</field>
        <readable>true</readable>
    </fieldPermissions>
    <fieldPermissions>
        <editable>false</editable>
        <field>Invoice__c.Amount__c</field>
        <readable>true</readable>
    </fieldPermissions>
    <label>Orders API</label>
    <objectPermissions>
        <allowCreate>false</allowCreate>
        <allowDelete>false</allowDelete>
        <allowEdit>false</allowEdit>
        <allowRead>true</allowRead>
        <modifyAllRecords>false</modifyAllRecords>
        <object>Invoice__c</object>
        <viewAllRecords>false</viewAllRecords>
    </objectPermissions>
    <userPermissions>
        <enabled>true</enabled>
        <name>ApiEnabled</name>
    </userPermissions>
</PermissionSet>
`
	assert.Equal(t, want, string(got))

	// The same bytes after a round trip.
	var back permissionSet
	require.NoError(t, mdxml.Unmarshal(got, &back))
	again, err := mdxml.Marshal(&back)
	require.NoError(t, err)
	assert.Equal(t, want, string(again))
}

func TestMarshalLeavesInputUnsorted(t *testing.T) {
	ps := permissionSet{UserPermissions: []userPermission{{Name: "ViewSetup"}, {Name: "ApiEnabled"}}}
	_, err := mdxml.Marshal(&ps)
	require.NoError(t, err)
	assert.Equal(t, "ViewSetup", ps.UserPermissions[0].Name, "Marshal must not reorder the caller's slice")
}

func TestMarshalSortsLoginRangesAsNumbers(t *testing.T) {
	v := loginRanges{LoginIPRanges: []loginIPRange{
		{StartAddress: "159.142.0.0", EndAddress: "159.142.255.255"},
		{StartAddress: "2001:db8::", EndAddress: "2001:db8::ffff"},
		{StartAddress: "63.151.176.0", EndAddress: "63.151.176.255", Description: "Office egress"},
	}}
	got, err := mdxml.Marshal(&v)
	require.NoError(t, err)
	want := `<?xml version="1.0" encoding="UTF-8"?>
<Profile xmlns="http://soap.sforce.com/2006/04/metadata">
    <loginIpRanges>
        <description>Office egress</description>
        <endAddress>63.151.176.255</endAddress>
        <startAddress>63.151.176.0</startAddress>
    </loginIpRanges>
    <loginIpRanges>
        <endAddress>159.142.255.255</endAddress>
        <startAddress>159.142.0.0</startAddress>
    </loginIpRanges>
    <loginIpRanges>
        <endAddress>2001:db8::ffff</endAddress>
        <startAddress>2001:db8::</startAddress>
    </loginIpRanges>
</Profile>
`
	assert.Equal(t, want, string(got))
}

func TestMarshalEscapesLikeTheServer(t *testing.T) {
	ps := permissionSet{Label: `R&D <"ops"> 'nightly'`, Description: "line one\nline two\ttab"}
	got, err := mdxml.Marshal(&ps)
	require.NoError(t, err)
	assert.Contains(t, string(got), "<label>R&amp;D &lt;&quot;ops&quot;&gt; &apos;nightly&apos;</label>")
	assert.Contains(t, string(got), "<description>line one\nline two\ttab</description>")
	assert.NotContains(t, string(got), "&#")
}

func TestMarshalRejectsCharactersXMLCannotHold(t *testing.T) {
	for name, label := range map[string]string{
		"NUL":         "a\x00b",
		"escape":      "a\x1bb",
		"invalid UTF": "a\xffb",
	} {
		t.Run(name, func(t *testing.T) {
			_, err := mdxml.Marshal(&permissionSet{Label: label})
			require.Error(t, err)
			assert.Contains(t, err.Error(), "label")
		})
	}
}

func TestMarshalOmitsFullNameByDefault(t *testing.T) {
	ps := permissionSet{FullName: "Orders_API", Label: "Orders API"}
	got, err := mdxml.Marshal(&ps)
	require.NoError(t, err)
	assert.NotContains(t, string(got), "fullName")

	got, err = mdxml.Options{FullName: true}.Marshal(&ps)
	require.NoError(t, err)
	assert.Contains(t, string(got), "    <fullName>Orders_API</fullName>\n    <label>")
}

func TestUnmarshalTolerantInput(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  string // label after parsing
	}{
		{"byte order mark", "\xef\xbb\xbf<?xml version=\"1.0\" encoding=\"UTF-8\"?><PermissionSet xmlns=\"http://soap.sforce.com/2006/04/metadata\"><label>A</label></PermissionSet>", "A"},
		{"CRLF", "<?xml version=\"1.0\"?>\r\n<PermissionSet>\r\n<label>A\r\nB</label>\r\n</PermissionSet>\r\n", "A\nB"},
		{"HTML entity", "<PermissionSet><label>A&nbsp;B</label></PermissionSet>", "A\u00a0B"},
		{"CDATA", "<PermissionSet><label><![CDATA[A & <B>]]></label></PermissionSet>", "A & <B>"},
		{"character reference", "<PermissionSet><label>&#34;A&#x27;</label></PermissionSet>", `"A'`},
		{"no declaration, tabs", "<PermissionSet>\n\t<label>A</label>\n</PermissionSet>", "A"},
		{"standalone declaration", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><PermissionSet><label>A</label></PermissionSet>`, "A"},
		{"comment", "<PermissionSet><!-- note --><label>A<!-- x --></label></PermissionSet>", "A"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ps permissionSet
			require.NoError(t, mdxml.Unmarshal([]byte(tt.input), &ps))
			assert.Equal(t, tt.want, ps.Label)
		})
	}
}

func TestUnmarshalAnyElementOrder(t *testing.T) {
	input := `<PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata">
    <userPermissions><name>ApiEnabled</name><enabled>true</enabled></userPermissions>
    <label>Orders</label>
    <classAccesses><enabled>true</enabled><apexClass>B</apexClass></classAccesses>
</PermissionSet>`
	var ps permissionSet
	require.NoError(t, mdxml.Unmarshal([]byte(input), &ps))
	assert.Equal(t, "Orders", ps.Label)
	require.Len(t, ps.UserPermissions, 1)
	assert.True(t, ps.UserPermissions[0].Enabled)
	assert.Equal(t, 2, ps.UserPermissions[0].Extra.Line)
	require.Len(t, ps.ClassAccesses, 1)
	assert.Equal(t, "B", ps.ClassAccesses[0].ApexClass)
}

func TestUnmarshalKeepsUnknownElementsInPlace(t *testing.T) {
	// isDPopEnabled-style elements from a newer API version, a nil element,
	// a nested element where text belongs, and a duplicate single element.
	input := `<?xml version="1.0" encoding="UTF-8"?>
<PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
    <aNewElement>1</aNewElement>
    <description xsi:nil="true"/>
    <hasActivationRequired>false</hasActivationRequired>
    <isNewFlag>true</isNewFlag>
    <label>Orders</label>
    <label>Second label</label>
    <newGroup>
        <name>x</name>
        <value>y</value>
    </newGroup>
    <userPermissions>
        <enabled>true</enabled>
        <name>
            <nested>ViewSetup</nested>
        </name>
    </userPermissions>
    <userPermissions>
        <enabled>true</enabled>
        <futureChild>z</futureChild>
        <name>ApiEnabled</name>
    </userPermissions>
    <zLast/>
</PermissionSet>
`
	var ps permissionSet
	require.NoError(t, mdxml.Unmarshal([]byte(input), &ps))
	assert.Equal(t, "Orders", ps.Label)
	assert.Len(t, ps.Extra.Unknown, 6)
	got, err := mdxml.Marshal(&ps)
	require.NoError(t, err)
	if diff := cmp.Diff(input, string(got)); diff != "" {
		t.Errorf("round trip changed the file (-want +got):\n%s", diff)
	}
}

func TestUnmarshalNilElementAddsNamespace(t *testing.T) {
	input := `<?xml version="1.0" encoding="UTF-8"?>
<ProfileSessionSetting xmlns="http://soap.sforce.com/2006/04/metadata" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
    <forceLogout>false</forceLogout>
    <profile xsi:nil="true"/>
    <sessionTimeout>0</sessionTimeout>
</ProfileSessionSetting>
`
	var s sessionSetting
	require.NoError(t, mdxml.Unmarshal([]byte(input), &s))
	assert.Empty(t, s.Profile)
	got, err := mdxml.Marshal(&s)
	require.NoError(t, err)
	assert.Equal(t, input, string(got))

	s.Extra.Unknown = nil
	s.Profile = "Integration User"
	got, err = mdxml.Marshal(&s)
	require.NoError(t, err)
	assert.NotContains(t, string(got), "xmlns:xsi", "xmlns:xsi is written only where an xsi:nil element needs it")
}

func TestUnmarshalErrorsNameTheLine(t *testing.T) {
	tests := []struct {
		name     string
		input    string
		line     int
		contains string
	}{
		{"mismatched tag", "<PermissionSet>\n<label>A</labl>\n</PermissionSet>", 2, "closed by"},
		{"unclosed root", "<PermissionSet>\n<label>A</label>\n", 3, "unexpected end of file"},
		{"wrong root", "<Profile>\n</Profile>", 1, "expected <PermissionSet>"},
		{"bad boolean", "<PermissionSet>\n<hasActivationRequired>yes</hasActivationRequired>\n</PermissionSet>", 2, `invalid boolean "yes"`},
		{"bad integer", "<ProfileSessionSetting>\n\n<sessionTimeout>15m</sessionTimeout></ProfileSessionSetting>", 3, `invalid integer "15m"`},
		{"text in a group", "<PermissionSet>\n<userPermissions>stray<name>A</name></userPermissions></PermissionSet>", 2, "unexpected text"},
		{"two roots", "<PermissionSet></PermissionSet>\n<PermissionSet/>", 2, "second root"},
		{"not UTF-8", `<?xml version="1.0" encoding="ISO-8859-1"?><PermissionSet/>`, 1, "ISO-8859-1"},
		{"empty", "", 1, "unexpected end of file"},
		{"unknown entity", "<PermissionSet><label>&bogus;</label></PermissionSet>", 1, "invalid XML"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var v any = &permissionSet{}
			if strings.Contains(tt.input, "ProfileSessionSetting") {
				v = &sessionSetting{}
			}
			err := mdxml.Unmarshal([]byte(tt.input), v)
			var xerr *mdxml.Error
			require.True(t, errors.As(err, &xerr), "error %v is not an *mdxml.Error", err)
			assert.Equal(t, tt.line, xerr.Line, "line of %q", err)
			assert.Contains(t, xerr.Msg, tt.contains)
		})
	}
}

func TestErrorNamesFileAndLine(t *testing.T) {
	err := &mdxml.Error{File: "profiles/Admin.profile-meta.xml", Line: 14, Msg: "invalid XML: unexpected EOF"}
	assert.Equal(t, "profiles/Admin.profile-meta.xml:14: invalid XML: unexpected EOF", err.Error())
}

func TestCheckTypeRejectsMismatches(t *testing.T) {
	type noExtra struct {
		Label string `xml:"label"`
	}
	type unknownElement struct {
		Bogus string      `xml:"bogus"`
		Extra mdxml.Extra `mdxml:"PermissionSet"`
	}
	type notRepeated struct {
		Label []string    `xml:"label"`
		Extra mdxml.Extra `mdxml:"PermissionSet"`
	}
	type requiredPointer struct {
		Enabled *bool       `xml:"enabled"`
		Extra   mdxml.Extra `mdxml:"PermissionSetUserPermission"`
	}
	for name, v := range map[string]any{
		"no Extra":         noExtra{},
		"unknown element":  unknownElement{},
		"not repeated":     notRepeated{},
		"required pointer": requiredPointer{},
	} {
		t.Run(name, func(t *testing.T) {
			assert.Error(t, mdxml.CheckType(v))
		})
	}
	assert.NoError(t, mdxml.CheckType(permissionSet{}))
}

func TestUnmarshalNeverInventsValues(t *testing.T) {
	// A nil or missing required value must not come back as a made-up
	// false or 0: for a permission flag that would change its meaning.
	tests := map[string]string{
		"nil required int": `<?xml version="1.0" encoding="UTF-8"?>
<ProfileSessionSetting xmlns="http://soap.sforce.com/2006/04/metadata" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
    <forceLogout>false</forceLogout>
    <profile>Integration User</profile>
    <sessionTimeout xsi:nil="true"/>
</ProfileSessionSetting>
`,
		"missing required boolean": `<?xml version="1.0" encoding="UTF-8"?>
<PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata">
    <label>Orders</label>
    <userPermissions>
        <name>ModifyAllData</name>
    </userPermissions>
</PermissionSet>
`,
		"attribute on a modelled element": `<?xml version="1.0" encoding="UTF-8"?>
<PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata">
    <label lang="en">Orders</label>
</PermissionSet>
`,
	}
	for name, input := range tests {
		t.Run(name, func(t *testing.T) {
			var v any = &permissionSet{}
			if strings.Contains(input, "ProfileSessionSetting") {
				v = &sessionSetting{}
			}
			require.NoError(t, mdxml.Unmarshal([]byte(input), v))
			got, err := mdxml.Marshal(v)
			require.NoError(t, err)
			assert.Equal(t, input, string(got))
		})
	}
}

func TestStandInDroppedWhenFieldSet(t *testing.T) {
	input := `<ProfileSessionSetting xmlns="http://soap.sforce.com/2006/04/metadata" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><forceLogout>false</forceLogout><profile xsi:nil="true"/><sessionTimeout>15</sessionTimeout></ProfileSessionSetting>`
	var s sessionSetting
	require.NoError(t, mdxml.Unmarshal([]byte(input), &s))
	s.Profile = "Integration User"
	got, err := mdxml.Marshal(&s)
	require.NoError(t, err)
	assert.Equal(t, 1, strings.Count(string(got), "<profile"), "the value replaces its nil stand-in:\n%s", got)
	assert.Contains(t, string(got), "<profile>Integration User</profile>")
}

func TestCarriageReturnSurvives(t *testing.T) {
	ps := permissionSet{Label: "Orders", Description: "line1\r\nline2"}
	first, err := mdxml.Marshal(&ps)
	require.NoError(t, err)
	assert.Contains(t, string(first), "line1&#13;\nline2")
	var back permissionSet
	require.NoError(t, mdxml.Unmarshal(first, &back))
	assert.Equal(t, ps.Description, back.Description)
	second, err := mdxml.Marshal(&back)
	require.NoError(t, err)
	assert.Equal(t, string(first), string(second))
}

func TestKeptElementKeepsItsNamespace(t *testing.T) {
	input := `<PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata" xmlns:other="urn:x"><label>A</label><other:thing>v</other:thing></PermissionSet>`
	var ps permissionSet
	require.NoError(t, mdxml.Unmarshal([]byte(input), &ps))
	got, err := mdxml.Marshal(&ps)
	require.NoError(t, err)
	assert.Contains(t, string(got), `<other:thing xmlns:other="urn:x">v</other:thing>`)

	err = mdxml.Unmarshal([]byte(`<PermissionSet><label>A</label><nope:thing>v</nope:thing></PermissionSet>`), &ps)
	require.Error(t, err)
	assert.Contains(t, err.Error(), `namespace prefix "nope"`)
}

func TestUnmarshalRejectsHostileShapes(t *testing.T) {
	deep := "<PermissionSet><junk>" + strings.Repeat("<a>", 5000) + strings.Repeat("</a>", 5000) + "</junk></PermissionSet>"
	err := mdxml.Unmarshal([]byte(deep), &permissionSet{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "levels deep")

	err = mdxml.Unmarshal([]byte(`<PermissionSet xmlns="urn:other"><label>A</label></PermissionSet>`), &permissionSet{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "namespace")
}

func TestTextErrorLine(t *testing.T) {
	var xerr *mdxml.Error
	err := mdxml.Unmarshal([]byte("this is not xml\n"), &permissionSet{})
	require.True(t, errors.As(err, &xerr))
	assert.Equal(t, 1, xerr.Line)

	err = mdxml.Unmarshal([]byte("<PermissionSet>\n<label>A</label>\n\n  stray\n<label>B</label></PermissionSet>"), &permissionSet{})
	require.True(t, errors.As(err, &xerr))
	assert.Equal(t, 4, xerr.Line)
}

func TestUnmarshalMetadataPrefix(t *testing.T) {
	// A prefix bound to the metadata namespace is the same element as the
	// unprefixed one; the schema accepts such files.
	input := `<md:PermissionSet xmlns:md="http://soap.sforce.com/2006/04/metadata"><md:label>Orders</md:label><md:userPermissions><md:enabled>true</md:enabled><md:name>ModifyAllData</md:name></md:userPermissions></md:PermissionSet>`
	var ps permissionSet
	require.NoError(t, mdxml.Unmarshal([]byte(input), &ps))
	assert.Equal(t, "Orders", ps.Label)
	require.Len(t, ps.UserPermissions, 1)
	assert.Equal(t, "ModifyAllData", ps.UserPermissions[0].Name)
	assert.True(t, ps.UserPermissions[0].Enabled)
}
