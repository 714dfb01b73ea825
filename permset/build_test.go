package permset_test

import (
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfharden/sfharden/field"
	"github.com/sfharden/sfharden/permset"
)

func invoiceDescribe(t *testing.T) *permset.Describe {
	t.Helper()
	d, err := permset.ParseDescribe(loadDescribe(t, "describe-Invoice__c.json"))
	require.NoError(t, err)
	return d
}

func TestBuildErrors(t *testing.T) {
	tests := []struct {
		name   string
		danger string // for security cases: what the input would do if accepted
		req    permset.Request
		want   []wantError
	}{
		{
			name: "header missing",
			req:  permset.Request{},
			want: []wantError{{field.Required, "name"}, {field.Required, "label"}},
		},
		{
			name: "name with double underscore",
			req:  permset.Request{Name: "Orders__API", Label: "Orders"},
			want: []wantError{{field.Invalid, "name"}},
		},
		{
			name: "name ending with underscore",
			req:  permset.Request{Name: "Orders_", Label: "Orders"},
			want: []wantError{{field.Invalid, "name"}},
		},
		{
			name: "api version malformed",
			req:  permset.Request{Name: "Orders_API", Label: "Orders", APIVersion: "v62"},
			want: []wantError{{field.Invalid, "apiVersion"}},
		},
		{
			name:   "unknown user permission",
			danger: "a name the org does not know fails the whole deploy",
			req: permset.Request{Name: "Orders_API", Label: "Orders", APIVersion: "62.0",
				UserPermissions: []string{"ApiEnabled", "ManageWidgetsX"}},
			want: []wantError{{field.NotSupported, "userPermissions[1]"}},
		},
		{
			name: "duplicate user permission",
			req: permset.Request{Name: "Orders_API", Label: "Orders",
				UserPermissions: []string{"ApiEnabled", "ApiEnabled"}},
			want: []wantError{{field.Duplicate, "userPermissions[1]"}},
		},
		{
			name:   "platform dependency missing",
			danger: "Salesforce would enable ViewRoles silently, so the reviewed file would understate the access",
			req: permset.Request{Name: "Orders_API", Label: "Orders",
				UserPermissions: []string{"ManageRoles"}},
			want: []wantError{{field.Required, "userPermissions[0]"}},
		},
		{
			name:   "field readable without object read",
			danger: "a field grant without object access is useless and hides a mistake in review",
			req: permset.Request{Name: "Orders_API", Label: "Orders",
				Fields: map[string]permset.FieldAccess{"Contact.Email": permset.FieldRead}},
			want: []wantError{{field.Forbidden, `fields["Contact.Email"]`}},
		},
		{
			name:   "field editable on read-only object",
			danger: "the grant promises an edit the object permission does not allow",
			req: permset.Request{Name: "Orders_API", Label: "Orders",
				Objects: map[string]permset.Access{"Invoice__c": permset.Read},
				Fields:  map[string]permset.FieldAccess{"Invoice__c.Amount__c": permset.FieldEdit}},
			want: []wantError{{field.Forbidden, `fields["Invoice__c.Amount__c"]`}},
		},
		{
			name: "field name without object",
			req: permset.Request{Name: "Orders_API", Label: "Orders",
				Fields: map[string]permset.FieldAccess{"Amount__c": permset.FieldRead}},
			want: []wantError{{field.Invalid, `fields["Amount__c"]`}},
		},
		{
			name: "object name with space",
			req: permset.Request{Name: "Orders_API", Label: "Orders",
				Objects: map[string]permset.Access{"Invoice c": permset.Read}},
			want: []wantError{{field.Invalid, `objects["Invoice c"]`}},
		},
		{
			name: "access outside the six levels",
			req: permset.Request{Name: "Orders_API", Label: "Orders",
				Objects: map[string]permset.Access{"Invoice__c": 1 << 7}},
			want: []wantError{{field.Invalid, `objects["Invoice__c"]`}},
		},
		{
			name: "apex class duplicate",
			req: permset.Request{Name: "Orders_API", Label: "Orders",
				ApexClasses: []string{"OrderSync", "OrderSync", ""}},
			want: []wantError{{field.Duplicate, "apexClasses[1]"}, {field.Invalid, "apexClasses[2]"}},
		},
		{
			name:   "risky permission in lower case",
			danger: "modifyalldata fails the deploy and slips past a catalogue that matches exact names",
			req: permset.Request{Name: "Orders_API", Label: "Orders",
				UserPermissions: []string{"modifyalldata"}},
			want: []wantError{{field.Invalid, "userPermissions[0]"}},
		},
		{
			name:   "wrong case with unknown names allowed",
			danger: "AllowUnknownPermissions is for new names, not for a known name Salesforce would reject",
			req: permset.Request{Name: "Orders_API", Label: "Orders",
				UserPermissions: []string{"ApiEnabled", "VIEWALLDATA"},
				Options:         permset.Options{AllowUnknownPermissions: true}},
			want: []wantError{{field.Invalid, "userPermissions[1]"}},
		},
		{
			name:   "object listed in two cases",
			danger: "Salesforce sees one object, so one of the two grants is silently lost or widened",
			req: permset.Request{Name: "Orders_API", Label: "Orders",
				Objects: map[string]permset.Access{"Account": permset.Read, "ACCOUNT": permset.Edit}},
			want: []wantError{{field.Duplicate, `objects["Account"]`}},
		},
		{
			name:   "field listed in two cases",
			danger: "the two entries name one field, so review reads two grants where the org has one",
			req: permset.Request{Name: "Orders_API", Label: "Orders",
				Objects: map[string]permset.Access{"Account": permset.Edit},
				Fields: map[string]permset.FieldAccess{
					"Account.Industry": permset.FieldRead,
					"account.industry": permset.FieldEdit,
				}},
			want: []wantError{{field.Duplicate, `fields["account.industry"]`}},
		},
		{
			name: "apex class in two cases",
			req: permset.Request{Name: "Orders_API", Label: "Orders",
				ApexClasses: []string{"OrderSync", "ORDERSYNC"}},
			want: []wantError{{field.Duplicate, "apexClasses[1]"}},
		},
		{
			name:   "system fields without describe",
			danger: "Salesforce rejects field permissions on system fields, so the deploy fails far from the spec",
			req: permset.Request{Name: "Orders_API", Label: "Orders",
				Objects: map[string]permset.Access{"Account": permset.Edit},
				Fields: map[string]permset.FieldAccess{
					"Account.Id":               permset.FieldRead,
					"Account.OwnerId":          permset.FieldEdit,
					"Account.CreatedDate":      permset.FieldRead,
					"Account.CreatedById":      permset.FieldRead,
					"Account.LastModifiedDate": permset.FieldRead,
					"Account.LastModifiedById": permset.FieldRead,
					"Account.SystemModstamp":   permset.FieldRead,
					"Account.isdeleted":        permset.FieldRead,
				}},
			want: []wantError{
				{field.Forbidden, `fields["Account.CreatedById"]`},
				{field.Forbidden, `fields["Account.CreatedDate"]`},
				{field.Forbidden, `fields["Account.Id"]`},
				{field.Forbidden, `fields["Account.LastModifiedById"]`},
				{field.Forbidden, `fields["Account.LastModifiedDate"]`},
				{field.Forbidden, `fields["Account.OwnerId"]`},
				{field.Forbidden, `fields["Account.SystemModstamp"]`},
				{field.Forbidden, `fields["Account.isdeleted"]`},
			},
		},
		{
			name: "every violation collected",
			req: permset.Request{Name: "Orders_API",
				Objects:         map[string]permset.Access{"Invoice__c": permset.Read},
				Fields:          map[string]permset.FieldAccess{"Invoice__c.Amount__c": permset.FieldEdit},
				UserPermissions: []string{"ModifyAllDta"}},
			want: []wantError{
				{field.Required, "label"},
				{field.Forbidden, `fields["Invoice__c.Amount__c"]`},
				{field.NotSupported, "userPermissions[0]"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps, _, err := permset.Build(tt.req)
			assert.Nil(t, ps)
			if diff := cmp.Diff(tt.want, errorsOf(t, err)); diff != "" {
				t.Errorf("errors mismatch (-want +got):\n%s\nerror: %v\ndanger: %s", diff, err, tt.danger)
			}
		})
	}
}

func TestBuildFieldFacts(t *testing.T) {
	invoice := invoiceDescribe(t)
	tests := []struct {
		name   string
		danger string // for security cases: why the input is dangerous
		fields map[string]permset.FieldAccess
		want   []wantError
	}{
		{
			name:   "editable custom field",
			fields: map[string]permset.FieldAccess{"Invoice__c.Amount__c": permset.FieldEdit},
		},
		{
			name:   "readable formula field",
			fields: map[string]permset.FieldAccess{"Invoice__c.Tax__c": permset.FieldRead},
		},
		{
			name:   "editable formula field",
			danger: "Salesforce computes the value, so an edit grant misstates the access",
			fields: map[string]permset.FieldAccess{"Invoice__c.Tax__c": permset.FieldEdit},
			want:   []wantError{{field.Forbidden, `fields["Invoice__c.Tax__c"]`}},
		},
		{
			name:   "editable roll-up summary",
			fields: map[string]permset.FieldAccess{"Invoice__c.Line_Count__c": permset.FieldEdit},
			want:   []wantError{{field.Forbidden, `fields["Invoice__c.Line_Count__c"]`}},
		},
		{
			name:   "master-detail field",
			fields: map[string]permset.FieldAccess{"Invoice__c.Account__c": permset.FieldRead},
			want:   []wantError{{field.Forbidden, `fields["Invoice__c.Account__c"]`}},
		},
		{
			name:   "required field",
			fields: map[string]permset.FieldAccess{"Invoice__c.Status__c": permset.FieldEdit},
			want:   []wantError{{field.Forbidden, `fields["Invoice__c.Status__c"]`}},
		},
		{
			name: "system fields",
			fields: map[string]permset.FieldAccess{
				"Invoice__c.Id":          permset.FieldRead,
				"Invoice__c.OwnerId":     permset.FieldEdit,
				"Invoice__c.CreatedDate": permset.FieldRead,
			},
			want: []wantError{
				{field.Forbidden, `fields["Invoice__c.CreatedDate"]`},
				{field.Forbidden, `fields["Invoice__c.Id"]`},
				{field.Forbidden, `fields["Invoice__c.OwnerId"]`},
			},
		},
		{
			name:   "field not in describe",
			fields: map[string]permset.FieldAccess{"Invoice__c.Amount_Due__c": permset.FieldRead},
			want:   []wantError{{field.Invalid, `fields["Invoice__c.Amount_Due__c"]`}},
		},
		{
			name:   "field name in other case",
			fields: map[string]permset.FieldAccess{"Invoice__c.amount__c": permset.FieldRead},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, notices, err := permset.Build(permset.Request{
				Name: "Orders_API", Label: "Orders",
				Objects:   map[string]permset.Access{"Invoice__c": permset.Edit},
				Fields:    tt.fields,
				Describes: []*permset.Describe{invoice},
			})
			if diff := cmp.Diff(tt.want, errorsOf(t, err)); diff != "" {
				t.Errorf("errors mismatch (-want +got):\n%s\nerror: %v\ndanger: %s", diff, err, tt.danger)
			}
			for _, n := range notices {
				assert.NotEqual(t, "describes", n.Path, "a describe was given, so no unverified notice: %s", n)
			}
		})
	}
}

func TestBuildNotices(t *testing.T) {
	tests := []struct {
		name        string
		req         permset.Request
		wantNotices []string
		check       func(t *testing.T, ps *permset.PermissionSet)
	}{
		{
			name: "object access closed",
			req: permset.Request{Objects: map[string]permset.Access{
				"Invoice__c": permset.Delete, "Account": permset.Read}},
			wantNotices: []string{`objects["Invoice__c"]`},
			check: func(t *testing.T, ps *permset.PermissionSet) {
				require.Len(t, ps.ObjectPermissions, 2)
				assert.Equal(t, permset.Read|permset.Edit|permset.Delete, permset.AccessOf(ps.ObjectPermissions[1]))
			},
		},
		{
			name:        "empty object request dropped",
			req:         permset.Request{Objects: map[string]permset.Access{"Invoice__c": 0}},
			wantNotices: []string{`objects["Invoice__c"]`},
			check: func(t *testing.T, ps *permset.PermissionSet) {
				assert.Empty(t, ps.ObjectPermissions)
			},
		},
		{
			name: "empty field request dropped",
			req: permset.Request{
				Objects: map[string]permset.Access{"Account": permset.Read},
				Fields:  map[string]permset.FieldAccess{"Account.Industry": permset.FieldNone}},
			wantNotices: []string{`fields["Account.Industry"]`},
			check: func(t *testing.T, ps *permset.PermissionSet) {
				assert.Empty(t, ps.FieldPermissions)
			},
		},
		{
			name: "object read implied by field",
			req: permset.Request{
				Fields:  map[string]permset.FieldAccess{"Contact.Email": permset.FieldRead, "Invoice__c.Amount__c": permset.FieldEdit},
				Objects: map[string]permset.Access{"Invoice__c": permset.Read},
				Options: permset.Options{ImplyObjectAccess: true}},
			wantNotices: []string{`fields["Contact.Email"]`, `fields["Invoice__c.Amount__c"]`, "describes", "describes"},
			check: func(t *testing.T, ps *permset.PermissionSet) {
				require.Len(t, ps.ObjectPermissions, 2)
				assert.Equal(t, permset.Read, permset.AccessOf(ps.ObjectPermissions[0]))
				assert.Equal(t, permset.Read|permset.Edit, permset.AccessOf(ps.ObjectPermissions[1]))
			},
		},
		{
			name: "field rules unverified without describe",
			req: permset.Request{
				Objects: map[string]permset.Access{"Account": permset.Read},
				Fields:  map[string]permset.FieldAccess{"Account.Industry": permset.FieldRead}},
			wantNotices: []string{"describes"},
		},
		{
			name: "dependencies added",
			req: permset.Request{UserPermissions: []string{"ManageRoles"},
				Options: permset.Options{AddDependencies: true}},
			wantNotices: []string{"userPermissions[0]"},
			check: func(t *testing.T, ps *permset.PermissionSet) {
				assert.Equal(t, []permset.UserPermission{
					{Name: "ManageRoles", Enabled: true},
					{Name: "ViewRoles", Enabled: true},
				}, ps.UserPermissions)
			},
		},
		{
			name:        "functional dependency noticed",
			req:         permset.Request{UserPermissions: []string{"ApiUserOnly"}},
			wantNotices: []string{"userPermissions[0]"},
			check: func(t *testing.T, ps *permset.PermissionSet) {
				assert.Equal(t, []permset.UserPermission{{Name: "ApiUserOnly", Enabled: true}}, ps.UserPermissions,
					"ApiEnabled usually comes from the profile, so it is not added")
			},
		},
		{
			name:        "functional dependency present",
			req:         permset.Request{UserPermissions: []string{"ApiUserOnly", "ApiEnabled"}},
			wantNotices: []string{},
		},
		{
			name: "unknown permission allowed",
			req: permset.Request{UserPermissions: []string{"ManageWidgetsX"},
				Options: permset.Options{AllowUnknownPermissions: true}},
			wantNotices: []string{},
			check: func(t *testing.T, ps *permset.PermissionSet) {
				assert.Equal(t, []permset.UserPermission{{Name: "ManageWidgetsX", Enabled: true}}, ps.UserPermissions)
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.req.Name, tt.req.Label = "Orders_API", "Orders"
			ps, notices, err := permset.Build(tt.req)
			require.NoError(t, err)
			assert.Equal(t, tt.wantNotices, append([]string{}, noticePaths(notices)...))
			if tt.check != nil {
				tt.check(t, ps)
			}
		})
	}
}

func TestBuildUnknownPermissionMessage(t *testing.T) {
	_, _, err := permset.Build(permset.Request{Name: "Orders_API", Label: "Orders", APIVersion: "62.0",
		UserPermissions: []string{"ManageWidgetsX", "ModifyAllDta"}})
	var list field.List
	require.ErrorAs(t, err, &list)
	require.Len(t, list, 2)
	assert.Contains(t, list[0].Detail, `unknown user permission "ManageWidgetsX" for API v62.0`)
	assert.Contains(t, list[1].Detail, "did you mean ModifyAllData?")
}

func TestBuildDependencyMessageNamesBoth(t *testing.T) {
	_, _, err := permset.Build(permset.Request{Name: "Orders_API", Label: "Orders",
		UserPermissions: []string{"ManageRoles"}})
	var list field.List
	require.ErrorAs(t, err, &list)
	require.Len(t, list, 1)
	assert.Contains(t, list[0].Detail, "ManageRoles requires ViewRoles")
}

func TestBuildFieldEditMessage(t *testing.T) {
	_, _, err := permset.Build(permset.Request{Name: "Orders_API", Label: "Orders",
		Objects: map[string]permset.Access{"Invoice__c": permset.Read},
		Fields:  map[string]permset.FieldAccess{"Invoice__c.Amount__c": permset.FieldEdit}})
	var list field.List
	require.ErrorAs(t, err, &list)
	require.Len(t, list, 1)
	assert.Contains(t, list[0].Detail, "Invoice__c.Amount__c is editable but object Invoice__c does not allow edit")
}

// ordersRequest is the request of the golden file orders-api.permissionset-meta.xml.
func ordersRequest(t *testing.T) permset.Request {
	return permset.Request{
		Name:        "Orders_API",
		Label:       "Orders API",
		Description: "Read-only sync",
		Objects: map[string]permset.Access{
			"Invoice__c": permset.Read,
			"Account":    permset.Read,
		},
		Fields: map[string]permset.FieldAccess{
			"Invoice__c.Amount__c": permset.FieldRead,
			"Account.Industry":     permset.FieldRead,
		},
		UserPermissions: []string{"ApiEnabled"},
		ApexClasses:     []string{"OrderSyncService"},
		Describes:       []*permset.Describe{invoiceDescribe(t)},
	}
}

func TestBuildGolden(t *testing.T) {
	ps, notices, err := permset.Build(ordersRequest(t))
	require.NoError(t, err)
	assert.Equal(t, []string{"describes"}, noticePaths(notices), "Account has no describe")

	data, err := ps.Marshal()
	require.NoError(t, err)
	assert.NotContains(t, string(data), "<enabled>false</enabled>")
	checkGolden(t, "Orders_API.permissionset-meta.xml", data)
}

// TestBuildOrderIndependent builds the same request with its slices in many
// orders. Tools that write entries in insertion order produce diffs where
// nothing changed, and reviewers miss real permission changes in the noise.
func TestBuildOrderIndependent(t *testing.T) {
	base := ordersRequest(t)
	base.UserPermissions = []string{"ApiEnabled", "ApiUserOnly", "RunReports"}
	base.ApexClasses = []string{"OrderSyncService", "InvoiceSync", "AccountSync"}
	base.CustomPermissions = []string{"Orders_Export", "Orders_Read"}

	first, _, err := permset.Build(base)
	require.NoError(t, err)
	want, err := first.Marshal()
	require.NoError(t, err)

	rng := rand.New(rand.NewPCG(1, 2))
	for range 20 {
		req := base
		req.UserPermissions = shuffled(rng, base.UserPermissions)
		req.ApexClasses = shuffled(rng, base.ApexClasses)
		req.CustomPermissions = shuffled(rng, base.CustomPermissions)
		ps, _, err := permset.Build(req)
		require.NoError(t, err)
		got, err := ps.Marshal()
		require.NoError(t, err)
		assert.Equal(t, string(want), string(got))
	}

	parsed, err := permset.Parse(want)
	require.NoError(t, err)
	again, err := parsed.Marshal()
	require.NoError(t, err)
	assert.Equal(t, string(want), string(again), "a round trip through Parse changes the bytes")
}

func shuffled(rng *rand.Rand, values []string) []string {
	out := append([]string(nil), values...)
	rng.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

func TestBuildObjectNameCase(t *testing.T) {
	ps, notices, err := permset.Build(permset.Request{
		Name: "Orders_API", Label: "Orders",
		Objects: map[string]permset.Access{"account": permset.Edit},
		Fields:  map[string]permset.FieldAccess{"Account.Industry": permset.FieldEdit},
		Options: permset.Options{ImplyObjectAccess: true},
	})
	require.NoError(t, err, "object account grants what field Account.Industry needs")
	require.Len(t, ps.ObjectPermissions, 1, "no second entry for Account")
	assert.Equal(t, "account", ps.ObjectPermissions[0].Object)
	for _, n := range notices {
		assert.NotContains(t, n.Message, "added", "no object access may be added: %v", n)
	}
}

func TestUnknownPermissionMessageVersion(t *testing.T) {
	tests := []struct {
		name       string
		version    string
		want       string
		wantAbsent string
	}{
		{"valid version", "62.0", "for API v62.0", ""},
		{"malformed version", "garbage", "unknown user permission", "API vgarbage"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := permset.Build(permset.Request{Name: "Orders_API", Label: "Orders", APIVersion: tt.version,
				UserPermissions: []string{"ManageWidgetsX"}})
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
			if tt.wantAbsent != "" {
				assert.NotContains(t, err.Error(), tt.wantAbsent)
			}
		})
	}
}
