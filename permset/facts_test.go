package permset_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfharden/sfharden/permset"
)

func TestParseDescribe(t *testing.T) {
	tests := []struct {
		name       string
		data       string
		wantName   string
		wantFields int
		wantErr    bool
	}{
		{"sf cli envelope", string(loadDescribe(t, "describe-Invoice__c.json")), "Invoice__c", 15, false},
		{"bare result", `{"name":"Account","fields":[{"name":"Industry","type":"picklist","nillable":true}]}`, "Account", 1, false},
		{"not json", `status: 0`, "", 0, true},
		{"no object name", `{"status":0,"result":{"fields":[]}}`, "", 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := permset.ParseDescribe([]byte(tt.data))
			if tt.wantErr {
				assert.Error(t, err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.wantName, d.Name)
			assert.Len(t, d.Fields, tt.wantFields)
		})
	}
}

// TestDescribeFieldRules covers describe output without the permissionable
// attribute, where the rules decide.
func TestDescribeFieldRules(t *testing.T) {
	zero, one := 0, 1
	tests := []struct {
		name         string
		field        permset.DescribeField
		permissioned bool
		editable     bool
	}{
		{"plain custom field", permset.DescribeField{Name: "Amount__c", Type: "currency", Nillable: true, Createable: true, Updateable: true}, true, true},
		{"id", permset.DescribeField{Name: "Id", Type: "id"}, false, false},
		{"owner", permset.DescribeField{Name: "OwnerId", Type: "reference", Createable: true, Updateable: true, DefaultedOnCreate: true}, false, true},
		{"system modstamp in other case", permset.DescribeField{Name: "SYSTEMMODSTAMP", Type: "datetime"}, false, false},
		{"master-detail by order", permset.DescribeField{Name: "Account__c", Type: "reference", Createable: true, Updateable: true, Nillable: false, RelationshipOrder: &zero}, false, true},
		{"second master", permset.DescribeField{Name: "Order__c", Type: "reference", Createable: true, CascadeDelete: true, RelationshipOrder: &one}, false, true},
		{"master-detail by cascade", permset.DescribeField{Name: "Account__c", Type: "reference", Createable: true, CascadeDelete: true}, false, true},
		{"lookup", permset.DescribeField{Name: "Contact__c", Type: "reference", Createable: true, Updateable: true, Nillable: true}, true, true},
		{"required text", permset.DescribeField{Name: "Code__c", Type: "string", Createable: true, Updateable: true}, false, true},
		{"checkbox is defaulted", permset.DescribeField{Name: "Paid__c", Type: "boolean", Createable: true, Updateable: true, DefaultedOnCreate: true}, true, true},
		{"formula", permset.DescribeField{Name: "Tax__c", Type: "currency", Calculated: true, Nillable: true}, true, false},
		{"auto-number", permset.DescribeField{Name: "Name", Type: "string", AutoNumber: true, DefaultedOnCreate: true}, true, false},
		{"read-only", permset.DescribeField{Name: "Synced__c", Type: "datetime", Nillable: true}, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ok, why := tt.field.Permissionability()
			assert.Equal(t, tt.permissioned, ok, "permissionable: %s", why)
			assert.Equal(t, ok, why == "", "a reason is given exactly when the field is not permissionable")
			editable, why := tt.field.Editability()
			assert.Equal(t, tt.editable, editable, "editable: %s", why)
		})
	}
}

func TestDescribePermissionableWins(t *testing.T) {
	yes, no := true, false
	required := permset.DescribeField{Name: "Code__c", Type: "string", Createable: true, Permissionable: &yes}
	ok, _ := required.Permissionability()
	assert.True(t, ok, "the describe's own permissionable attribute wins over the required rule")

	plain := permset.DescribeField{Name: "Amount__c", Type: "currency", Nillable: true, Permissionable: &no}
	ok, why := plain.Permissionability()
	assert.False(t, ok)
	assert.NotEmpty(t, why)
}
