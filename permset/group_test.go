package permset_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfharden/sfharden/field"
	"github.com/sfharden/sfharden/permset"
)

func ordersGroupRequest() permset.GroupRequest {
	return permset.GroupRequest{
		Name:           "Orders_Bundle",
		Label:          "Orders Sync Bundle",
		Description:    "Read-only order sync bundle",
		PermissionSets: []string{"Orders_Read", "Orders_Api"},
		InTree:         []*permset.PermissionSet{{FullName: "Orders_Read"}, {FullName: "Orders_Api"}},
	}
}

func TestBuildGroupErrors(t *testing.T) {
	tests := []struct {
		name   string
		danger string // for security cases: why the input is dangerous
		change func(*permset.GroupRequest)
		want   []wantError
	}{
		{
			name:   "member missing from tree",
			danger: "the deploy fails, or the group is assigned without the access it promises",
			change: func(r *permset.GroupRequest) {
				r.PermissionSets = append(r.PermissionSets, "Orders_Missing")
			},
			want: []wantError{{field.Invalid, "permissionSets[2]"}},
		},
		{
			name:   "no members",
			change: func(r *permset.GroupRequest) { r.PermissionSets = nil },
			want:   []wantError{{field.Required, "permissionSets"}},
		},
		{
			name: "duplicate member",
			change: func(r *permset.GroupRequest) {
				r.PermissionSets = append(r.PermissionSets, "Orders_Read")
			},
			want: []wantError{{field.Duplicate, "permissionSets[2]"}},
		},
		{
			name:   "label missing",
			change: func(r *permset.GroupRequest) { r.Label = "" },
			want:   []wantError{{field.Required, "label"}},
		},
		{
			name: "member declared in org",
			change: func(r *permset.GroupRequest) {
				r.PermissionSets = append(r.PermissionSets, "force__ScaleCenterUsers")
				r.InOrg = []string{"force__ScaleCenterUsers"}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := ordersGroupRequest()
			tt.change(&req)
			_, _, err := permset.BuildGroup(req)
			if diff := cmp.Diff(tt.want, errorsOf(t, err)); diff != "" {
				t.Errorf("errors mismatch (-want +got):\n%s\nerror: %v\ndanger: %s", diff, err, tt.danger)
			}
		})
	}
}

func TestBuildGroupMissingMessage(t *testing.T) {
	req := ordersGroupRequest()
	req.PermissionSets = append(req.PermissionSets, "Orders_Missing")
	_, _, err := permset.BuildGroup(req)
	var list field.List
	require.ErrorAs(t, err, &list)
	require.Len(t, list, 1)
	assert.Contains(t, list[0].Detail,
		"PermissionSetGroup Orders_Bundle references Orders_Missing, which is neither in the source tree nor declared as already in the org")
}

func TestBuildGroupGolden(t *testing.T) {
	group, notices, err := permset.BuildGroup(ordersGroupRequest())
	require.NoError(t, err)
	assert.Equal(t, []string{"status"}, noticePaths(notices))

	data, err := group.Marshal()
	require.NoError(t, err)
	checkGolden(t, "Orders_Bundle.permissionsetgroup-meta.xml", data)
}

func TestBuildGroupMemberNameCase(t *testing.T) {
	group, _, err := permset.BuildGroup(permset.GroupRequest{
		Name: "Orders", Label: "Orders",
		PermissionSets: []string{"ORDERS_READ", "orders_api"},
		InTree:         []*permset.PermissionSet{{FullName: "Orders_Read"}},
		InOrg:          []string{"Orders_API"},
	})
	require.NoError(t, err, "API names ignore case, so the members exist")
	assert.Equal(t, []string{"Orders_API", "Orders_Read"}, group.PermissionSets, "members are written as the tree and InOrg spell them")

	_, _, err = permset.BuildGroup(permset.GroupRequest{
		Name: "Orders", Label: "Orders",
		PermissionSets: []string{"Orders_Read", "ORDERS_READ"},
		InTree:         []*permset.PermissionSet{{FullName: "Orders_Read"}},
	})
	assert.Equal(t, []wantError{{field.Duplicate, "permissionSets[1]"}}, errorsOf(t, err), "one set listed twice in two cases")
}
