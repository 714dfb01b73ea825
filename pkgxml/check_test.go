package pkgxml

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestCheck(t *testing.T) {
	tests := []struct {
		name  string
		types []TypeMembers
		want  []Finding
	}{
		{
			name:  "field under CustomObject and wildcard",
			types: []TypeMembers{{Name: "CustomObject", Members: []string{"*", "Invoice__c.Amount__c"}}},
			want: []Finding{
				{Warning, "types[0].members[0]", `CustomObject "*" does not match standard objects; list Account etc. by name`, "list each standard object by name next to the wildcard"},
				{Error, "types[0].members[1]", `CustomObject member "Invoice__c.Amount__c" is a field; list it under CustomField`, "move it to a <types> element named CustomField"},
			},
		},
		{
			name:  "name not encoded like file names",
			types: []TypeMembers{{Name: "Profile", Members: []string{"Work.com Only User", "Work%2Ecom Only User", "Work%2ecom"}}},
			want: []Finding{
				{Warning, "types[0].members[0]", `Profile member "Work.com Only User" is not encoded the way file names are`, `write it as "Work%2Ecom Only User"`},
				{Warning, "types[0].members[2]", `Profile member "Work%2ecom" is not encoded the way file names are`, `write it as "Work%2Ecom"`},
			},
		},
		{
			name:  "unknown type with case typo",
			types: []TypeMembers{{Name: "Permissionset", Members: []string{"A"}}},
			want:  []Finding{{Error, "types[0].name", `unknown metadata type "Permissionset"`, `did you mean "PermissionSet"?`}},
		},
		{
			name:  "unknown type with spelling typo",
			types: []TypeMembers{{Name: "CustomObjekt", Members: []string{"A"}}},
			want:  []Finding{{Error, "types[0].name", `unknown metadata type "CustomObjekt"`, `did you mean "CustomObject"?`}},
		},
		{
			name:  "unknown type far from any",
			types: []TypeMembers{{Name: "Zzzzzzzzzzzzzzzzzz", Members: []string{"A"}}},
			want:  []Finding{{Error, "types[0].name", `unknown metadata type "Zzzzzzzzzzzzzzzzzz"`, "check the type name against the Metadata API"}},
		},
		{
			name:  "child member without parent",
			types: []TypeMembers{{Name: "CustomField", Members: []string{"Industry"}}},
			want:  []Finding{{Error, "types[0].members[0]", `CustomField member "Industry" does not name its CustomObject`, "write it as CustomObject.Industry"}},
		},
		{
			name:  "wildcard under a folder type",
			types: []TypeMembers{{Name: "Report", Members: []string{"*"}}},
			want:  []Finding{{Warning, "types[0].members[0]", `Report "*" does not match components in folders; list them by name`, "list each folder and each component as Folder/Name"}},
		},
		{
			name: "duplicates and empty",
			types: []TypeMembers{
				{Name: "Profile", Members: []string{"Admin", "Admin", " "}},
				{Name: "Profile", Members: []string{"Other"}},
			},
			want: []Finding{
				{Warning, "types[0].members[1]", `Profile member "Admin" is listed more than once`, "remove the duplicate"},
				{Error, "types[0].members[2]", "Profile member is empty", "remove it or write the component name"},
				{Warning, "types[1].name", `type "Profile" is listed more than once`, "merge the members into one <types> element"},
			},
		},
		{
			name:  "valid manifest",
			types: Build(integrationMembers, "").Types,
			want:  nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Check(&Package{Types: tt.types, Version: "62.0"})
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestCheckVersion(t *testing.T) {
	tests := []struct {
		name, version string
		wantMessage   string
	}{
		{"missing", "", "missing version"},
		{"no minor", "62", `invalid version "62"`},
		{"minor not zero", "62.1", `invalid version "62.1"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Check(&Package{Version: tt.version})
			if assert.Len(t, got, 1) {
				assert.Equal(t, Error, got[0].Severity)
				assert.Equal(t, "version", got[0].Path)
				assert.Equal(t, tt.wantMessage, got[0].Message)
			}
		})
	}
}

func TestLayoutName(t *testing.T) {
	tests := []struct {
		name, object, layout, namespace, want string
	}{
		{"managed layout", "acme__Shipment__c", "Shipment Layout", "acme", "acme__Shipment__c-acme__Shipment Layout"},
		{"subscriber layout on managed object", "acme__Shipment__c", "Shipment Layout", "", "acme__Shipment__c-Shipment Layout"},
		{"managed layout on standard object", "Account", "Account Layout", "acme", "Account-acme__Account Layout"},
		{"prefix given already", "acme__Shipment__c", "acme__Shipment Layout", "acme", "acme__Shipment__c-acme__Shipment Layout"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, LayoutName(tt.object, tt.layout, tt.namespace))
		})
	}
	assert.Equal(t, "Account-Account %28Sales%29 Layout", LayoutMember("Account", "Account (Sales) Layout", ""))
}

func TestRetrieveManifestListsObjects(t *testing.T) {
	p := RetrieveManifest([]string{"Orders_API"}, nil, []string{"Account", "Invoice__c"})
	want := &Package{
		Types: []TypeMembers{
			{Name: "CustomObject", Members: []string{"Account", "Invoice__c"}},
			{Name: "Profile", Members: []string{"Orders_API"}},
		},
		Version: APIVersion,
	}
	assert.Equal(t, want, p)
	assert.Empty(t, Check(p))
}
