package policy_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sfharden/sfharden/permset"
	"github.com/sfharden/sfharden/policy"
)

func TestCheckGroup(t *testing.T) {
	read := &permset.PermissionSet{
		FullName:          "Orders_Read",
		ObjectPermissions: []permset.ObjectPermissions{object("Invoice__c", permset.Read)},
	}
	fields := &permset.PermissionSet{
		FullName:         "Orders_Fields",
		FieldPermissions: []permset.FieldPermissions{fieldEntry("Invoice__c.Amount__c", true, false)},
	}
	risky := &permset.PermissionSet{FullName: "Orders_Admin", UserPermissions: user("ModifyMetadata")}

	tests := []struct {
		name    string
		group   permset.PermissionSetGroup
		members []*permset.PermissionSet
		want    []ruleAt
	}{
		{
			name:    "object access from another member",
			group:   permset.PermissionSetGroup{FullName: "Orders_Bundle", PermissionSets: []string{"Orders_Fields", "Orders_Read"}},
			members: []*permset.PermissionSet{read, fields},
			want:    []ruleAt{},
		},
		{
			name:    "field without object in group",
			group:   permset.PermissionSetGroup{FullName: "Orders_Bundle", PermissionSets: []string{"Orders_Fields"}},
			members: []*permset.PermissionSet{fields},
			want:    []ruleAt{{policy.SeverityWarning, policy.RuleFieldWithoutObjectAccess, `fieldPermissions["Invoice__c.Amount__c"]`}},
		},
		{
			name:    "member not given",
			group:   permset.PermissionSetGroup{FullName: "Orders_Bundle", PermissionSets: []string{"Orders_Read", "Orders_Missing"}},
			members: []*permset.PermissionSet{read},
			want:    []ruleAt{{policy.SeverityError, policy.RuleMissingMember, "permissionSets[1]"}},
		},
		{
			name:    "risky member",
			group:   permset.PermissionSetGroup{FullName: "Orders_Bundle", PermissionSets: []string{"Orders_Admin"}},
			members: []*permset.PermissionSet{risky},
			want: []ruleAt{{policy.SeverityError, policy.RuleRiskyUserPermission,
				`permissionSets["Orders_Admin"].userPermissions["ModifyMetadata"]`}},
		},
		{
			name:    "member name in other case",
			group:   permset.PermissionSetGroup{FullName: "Orders_Bundle", PermissionSets: []string{"ORDERS_READ", "orders_fields"}},
			members: []*permset.PermissionSet{read, fields},
			want:    []ruleAt{},
		},
		{
			name: "muting sets",
			group: permset.PermissionSetGroup{FullName: "Orders_Bundle", PermissionSets: []string{"Orders_Read"},
				MutingPermissionSets: []string{"Orders_Muted"}},
			members: []*permset.PermissionSet{read},
			want:    []ruleAt{{policy.SeverityInfo, policy.RuleMutingNotChecked, "mutingPermissionSets"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := rulesOf(policy.CheckGroup(&tt.group, tt.members, policy.Options{}))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("findings mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
