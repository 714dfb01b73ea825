package policy_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"

	"github.com/sfharden/sfharden/permset"
	"github.com/sfharden/sfharden/policy"
)

func user(names ...string) []permset.UserPermission {
	var out []permset.UserPermission
	for _, n := range names {
		out = append(out, permset.UserPermission{Name: n, Enabled: true})
	}
	return out
}

func object(name string, a permset.Access) permset.ObjectPermissions {
	on := func(l permset.Access) bool { return a.Has(l) }
	return permset.ObjectPermissions{Object: name, AllowRead: on(permset.Read), AllowCreate: on(permset.Create),
		AllowEdit: on(permset.Edit), AllowDelete: on(permset.Delete), ViewAllRecords: on(permset.ViewAll),
		ModifyAllRecords: on(permset.ModifyAll)}
}

func fieldEntry(name string, readable, editable bool) permset.FieldPermissions {
	return permset.FieldPermissions{Field: name, Readable: &readable, Editable: editable}
}

func TestCheckPermissionSet(t *testing.T) {
	const recorded = "Read-only sync. Waivers: ViewAllData (Nightly reconciliation reads every record)"
	viewAllWaiver := policy.Waiver{Permission: "ViewAllData", Reason: "Nightly reconciliation reads every record"}

	tests := []struct {
		name   string
		danger string // for security cases: why the input is dangerous
		ps     permset.PermissionSet
		opts   policy.Options
		want   []ruleAt
	}{
		{
			name: "least privilege set",
			ps: permset.PermissionSet{
				UserPermissions:   user("ApiEnabled"),
				ObjectPermissions: []permset.ObjectPermissions{object("Invoice__c", permset.Read|permset.Edit)},
				FieldPermissions:  []permset.FieldPermissions{fieldEntry("Invoice__c.Amount__c", true, true)},
			},
			want: []ruleAt{},
		},
		{
			name:   "view all data",
			danger: "reads every record of every object regardless of sharing",
			ps:     permset.PermissionSet{UserPermissions: user("ViewAllData")},
			want:   []ruleAt{{policy.SeverityError, policy.RuleRiskyUserPermission, `userPermissions["ViewAllData"]`}},
		},
		{
			name: "view all data waived and recorded",
			ps:   permset.PermissionSet{Description: recorded, UserPermissions: user("ViewAllData")},
			opts: policy.Options{Catalogue: mustCatalogue(viewAllWaiver)},
			want: []ruleAt{{policy.SeverityInfo, policy.RuleWaived, `userPermissions["ViewAllData"]`}},
		},
		{
			name:   "waiver not recorded",
			danger: "a reviewer of the file cannot see why the grant is there",
			ps:     permset.PermissionSet{Description: "Read-only sync", UserPermissions: user("ViewAllData")},
			opts:   policy.Options{Catalogue: mustCatalogue(viewAllWaiver)},
			want: []ruleAt{
				{policy.SeverityInfo, policy.RuleWaived, `userPermissions["ViewAllData"]`},
				{policy.SeverityWarning, policy.RuleWaiverNotRecorded, `userPermissions["ViewAllData"]`},
			},
		},
		{
			name:   "modify all records",
			danger: "edits and deletes every Invoice__c record regardless of sharing",
			ps: permset.PermissionSet{ObjectPermissions: []permset.ObjectPermissions{
				object("Invoice__c", permset.ModifyAll.Closure())}},
			want: []ruleAt{
				{policy.SeverityError, policy.RuleRiskyObjectPermission, `objectPermissions["Invoice__c"].viewAllRecords`},
				{policy.SeverityError, policy.RuleRiskyObjectPermission, `objectPermissions["Invoice__c"].modifyAllRecords`},
			},
		},
		{
			name:   "view all records waived for another object",
			danger: "a waiver for one object must not open every object",
			ps: permset.PermissionSet{ObjectPermissions: []permset.ObjectPermissions{
				object("Contact", permset.ViewAll.Closure())}},
			opts: policy.Options{Catalogue: mustCatalogue(policy.Waiver{Permission: "viewAllRecords", Object: "Invoice__c", Reason: "reconciliation"})},
			want: []ruleAt{{policy.SeverityError, policy.RuleRiskyObjectPermission, `objectPermissions["Contact"].viewAllRecords`}},
		},
		{
			name: "user persona gets warnings",
			ps:   permset.PermissionSet{UserPermissions: user("ViewAllData")},
			opts: policy.Options{Persona: policy.PersonaUser},
			want: []ruleAt{{policy.SeverityWarning, policy.RuleRiskyUserPermission, `userPermissions["ViewAllData"]`}},
		},
		{
			name: "disabled entries",
			ps: permset.PermissionSet{
				UserPermissions:   []permset.UserPermission{{Name: "ViewSetup", Enabled: false}},
				ObjectPermissions: []permset.ObjectPermissions{object("Contact", 0)},
				FieldPermissions:  []permset.FieldPermissions{fieldEntry("Contact.Email", false, false)},
			},
			want: []ruleAt{
				{policy.SeverityWarning, policy.RuleDisabledEntry, `userPermissions["ViewSetup"]`},
				{policy.SeverityWarning, policy.RuleDisabledEntry, `objectPermissions["Contact"]`},
				{policy.SeverityWarning, policy.RuleDisabledEntry, `fieldPermissions["Contact.Email"]`},
			},
		},
		{
			name: "unknown permission",
			ps:   permset.PermissionSet{UserPermissions: user("ManageWidgetsX")},
			want: []ruleAt{{policy.SeverityWarning, policy.RuleUnknownPermission, `userPermissions["ManageWidgetsX"]`}},
		},
		{
			name: "password never expires in a set",
			ps:   permset.PermissionSet{UserPermissions: user("PasswordNeverExpires")},
			want: []ruleAt{{policy.SeverityWarning, policy.RuleBelongsOnProfile, `userPermissions["PasswordNeverExpires"]`}},
		},
		{
			name: "object access not closed",
			ps: permset.PermissionSet{ObjectPermissions: []permset.ObjectPermissions{
				{Object: "Invoice__c", AllowEdit: true}}},
			want: []ruleAt{{policy.SeverityError, policy.RuleObjectAccessNotClosed, `objectPermissions["Invoice__c"]`}},
		},
		{
			name:   "platform dependency missing",
			danger: "Salesforce enables ViewRoles with ManageRoles, so the file understates the access",
			ps:     permset.PermissionSet{UserPermissions: user("ManageRoles")},
			want: []ruleAt{
				{policy.SeverityError, policy.RuleRiskyUserPermission, `userPermissions["ManageRoles"]`},
				{policy.SeverityError, policy.RuleMissingDependency, `userPermissions["ManageRoles"]`},
			},
		},
		{
			name: "functional dependency",
			ps:   permset.PermissionSet{UserPermissions: user("ApiUserOnly")},
			want: []ruleAt{{policy.SeverityInfo, policy.RuleMissingDependency, `userPermissions["ApiUserOnly"]`}},
		},
		{
			name:   "activation required",
			danger: "a session-activated set grants nothing to an integration that never activates it",
			ps:     permset.PermissionSet{HasActivationRequired: new(true)},
			want:   []ruleAt{{policy.SeverityWarning, policy.RuleActivationRequired, "hasActivationRequired"}},
		},
		{
			name:   "risky permission in lower case",
			danger: "modifyalldata fails the deploy, and an exact-name catalogue would not see the risk",
			ps:     permset.PermissionSet{UserPermissions: user("modifyalldata")},
			want: []ruleAt{
				{policy.SeverityError, policy.RulePermissionNameCase, `userPermissions["modifyalldata"]`},
				{policy.SeverityError, policy.RuleRiskyUserPermission, `userPermissions["modifyalldata"]`},
			},
		},
		{
			name:   "wrong case is an error for a person too",
			danger: "Salesforce rejects the name whoever the set is for",
			ps:     permset.PermissionSet{UserPermissions: user("apienabled")},
			opts:   policy.Options{Persona: policy.PersonaUser},
			want:   []ruleAt{{policy.SeverityError, policy.RulePermissionNameCase, `userPermissions["apienabled"]`}},
		},
		{
			name:   "modify all waiver covers view all",
			danger: "Salesforce turns viewAllRecords on with modifyAllRecords, so two waivers would ask twice for one grant",
			ps: permset.PermissionSet{
				Description:       "Purge. Waivers: modifyAllRecords on Invoice__c (Purges cancelled invoices)",
				ObjectPermissions: []permset.ObjectPermissions{object("Invoice__c", permset.ModifyAll.Closure())}},
			opts: policy.Options{Catalogue: mustCatalogue(policy.Waiver{Permission: "modifyAllRecords", Object: "Invoice__c", Reason: "Purges cancelled invoices"})},
			want: []ruleAt{
				{policy.SeverityInfo, policy.RuleWaived, `objectPermissions["Invoice__c"].viewAllRecords`},
				{policy.SeverityInfo, policy.RuleWaived, `objectPermissions["Invoice__c"].modifyAllRecords`},
			},
		},
		{
			name:   "view all waiver does not cover modify all",
			danger: "a waiver to read every record must not allow editing every record",
			ps: permset.PermissionSet{ObjectPermissions: []permset.ObjectPermissions{
				object("Invoice__c", permset.ModifyAll.Closure())}},
			opts: policy.Options{Catalogue: mustCatalogue(policy.Waiver{Permission: "viewAllRecords", Object: "Invoice__c", Reason: "reconciliation"})},
			want: []ruleAt{
				{policy.SeverityInfo, policy.RuleWaived, `objectPermissions["Invoice__c"].viewAllRecords`},
				{policy.SeverityWarning, policy.RuleWaiverNotRecorded, `objectPermissions["Invoice__c"].viewAllRecords`},
				{policy.SeverityError, policy.RuleRiskyObjectPermission, `objectPermissions["Invoice__c"].modifyAllRecords`},
			},
		},
		{
			name:   "waiver object in other case",
			danger: "invoice__c and Invoice__c are one object, so the waiver applies",
			ps: permset.PermissionSet{
				Description:       "Recon. Waivers: viewAllRecords on invoice__c (reconciliation)",
				ObjectPermissions: []permset.ObjectPermissions{object("Invoice__c", permset.ViewAll.Closure())}},
			opts: policy.Options{Catalogue: mustCatalogue(policy.Waiver{Permission: "viewAllRecords", Object: "invoice__c", Reason: "reconciliation"})},
			want: []ruleAt{{policy.SeverityInfo, policy.RuleWaived, `objectPermissions["Invoice__c"].viewAllRecords`}},
		},
		{
			name:   "forbidden delete flag",
			danger: "the caller forbade deleting records, and a rule nothing enforces would let it through",
			ps: permset.PermissionSet{ObjectPermissions: []permset.ObjectPermissions{
				object("Invoice__c", permset.Delete.Closure())}},
			opts: policy.Options{Catalogue: forbidding(t, "allowDelete")},
			want: []ruleAt{{policy.SeverityError, policy.RuleRiskyObjectPermission, `objectPermissions["Invoice__c"].allowDelete`}},
		},
		{
			name:   "forbidden view all fields flag",
			danger: "viewAllFields reads every field of the object regardless of field permissions",
			ps: permset.PermissionSet{ObjectPermissions: []permset.ObjectPermissions{
				func() permset.ObjectPermissions {
					o := object("Invoice__c", permset.Read)
					o.ViewAllFields = new(true)
					return o
				}()}},
			opts: policy.Options{Catalogue: forbidding(t, "viewAllFields")},
			want: []ruleAt{{policy.SeverityError, policy.RuleRiskyObjectPermission, `objectPermissions["Invoice__c"].viewAllFields`}},
		},
		{
			name: "modify all waiver covers forbidden delete",
			ps: permset.PermissionSet{
				Description:       "Purge. Waivers: modifyAllRecords on Invoice__c (Purges cancelled invoices)",
				ObjectPermissions: []permset.ObjectPermissions{object("Invoice__c", permset.ModifyAll.Closure())}},
			opts: policy.Options{Catalogue: func() *policy.Catalogue {
				c := forbidding(t, "allowDelete")
				if err := c.Waive(policy.Waiver{Permission: "modifyAllRecords", Object: "Invoice__c", Reason: "Purges cancelled invoices"}); err != nil {
					t.Fatal(err)
				}
				return c
			}()},
			want: []ruleAt{
				{policy.SeverityInfo, policy.RuleWaived, `objectPermissions["Invoice__c"].allowDelete`},
				{policy.SeverityInfo, policy.RuleWaived, `objectPermissions["Invoice__c"].viewAllRecords`},
				{policy.SeverityInfo, policy.RuleWaived, `objectPermissions["Invoice__c"].modifyAllRecords`},
			},
		},
		{
			name: "object name case satisfies field",
			ps: permset.PermissionSet{
				ObjectPermissions: []permset.ObjectPermissions{object("account", permset.Read)},
				FieldPermissions:  []permset.FieldPermissions{fieldEntry("Account.Industry", true, false)}},
			want: []ruleAt{},
		},
		{
			name: "own forbidden permission",
			ps:   permset.PermissionSet{UserPermissions: user("ManageSandboxes")},
			opts: policy.Options{Catalogue: func() *policy.Catalogue {
				c := policy.Default()
				if err := c.Forbid(policy.Risk{Name: "ManageSandboxes", Kind: policy.KindUser, Tier: policy.TierHigh,
					Reason: "creates and refreshes sandboxes that copy production data"}); err != nil {
					t.Fatal(err)
				}
				return c
			}()},
			want: []ruleAt{{policy.SeverityError, policy.RuleRiskyUserPermission, `userPermissions["ManageSandboxes"]`}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := rulesOf(policy.CheckPermissionSet(&tt.ps, tt.opts))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("findings mismatch (-want +got):\n%s\ndanger: %s", diff, tt.danger)
			}
		})
	}
}

func TestCheckPermissionSetFieldRules(t *testing.T) {
	ps := permset.PermissionSet{
		ObjectPermissions: []permset.ObjectPermissions{object("Invoice__c", permset.Read)},
		FieldPermissions: []permset.FieldPermissions{
			fieldEntry("Invoice__c.Amount__c", true, true),
			fieldEntry("Contact.Email", true, false),
			fieldEntry("Account.Industry", false, true),
		},
	}
	got := policy.CheckPermissionSet(&ps, policy.Options{})
	want := []ruleAt{
		{policy.SeverityError, policy.RuleEditableNotReadable, `fieldPermissions["Account.Industry"]`},
		{policy.SeverityWarning, policy.RuleFieldEditWithoutObjectEdit, `fieldPermissions["Invoice__c.Amount__c"]`},
		{policy.SeverityWarning, policy.RuleFieldWithoutObjectAccess, `fieldPermissions["Contact.Email"]`},
	}
	if diff := cmp.Diff(want, rulesOf(got)); diff != "" {
		t.Errorf("findings mismatch (-want +got):\n%s", diff)
	}
	for _, f := range got {
		switch f.Rule {
		case policy.RuleEditableNotReadable:
			assert.Equal(t, "Account.Industry: editable requires readable", f.Message)
		case policy.RuleFieldEditWithoutObjectEdit:
			assert.Equal(t, "Invoice__c.Amount__c is editable but object Invoice__c does not allow edit", f.Message)
		case policy.RuleFieldWithoutObjectAccess:
			assert.Equal(t, "Contact.Email is readable but no objectPermissions grant read on Contact", f.Message)
		}
	}
}

func TestFindingHasFix(t *testing.T) {
	ps := permset.PermissionSet{UserPermissions: user("ViewAllData", "ModifyMetadata")}
	for _, f := range policy.CheckPermissionSet(&ps, policy.Options{}) {
		assert.NotEmpty(t, f.Fix, "finding %s has no fix", f)
		assert.NotEmpty(t, f.Message)
	}
}

// forbidding returns the default catalogue with the object flags forbidden.
func forbidding(t *testing.T, flags ...string) *policy.Catalogue {
	t.Helper()
	c := policy.Default()
	for _, flag := range flags {
		if err := c.Forbid(policy.Risk{Name: flag, Kind: policy.KindObject, Tier: policy.TierHigh, Reason: "the integration only reads"}); err != nil {
			t.Fatal(err)
		}
	}
	return c
}

func TestCheckNilInputs(t *testing.T) {
	assert.Empty(t, policy.CheckPermissionSet(nil, policy.Options{}))
	assert.Empty(t, policy.CheckGroup(nil, nil, policy.Options{}))
	assert.Empty(t, policy.CheckProfile(nil, policy.Options{}))
	assert.Empty(t, policy.CheckGroup(&permset.PermissionSetGroup{}, []*permset.PermissionSet{nil}, policy.Options{}))
}
