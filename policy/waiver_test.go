package policy_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfharden/sfharden/field"
	"github.com/sfharden/sfharden/internal/testenv"
	"github.com/sfharden/sfharden/permset"
	"github.com/sfharden/sfharden/policy"
)

func TestRecordWaivers(t *testing.T) {
	c := mustCatalogue(
		policy.Waiver{Permission: "ViewAllData", Reason: "Nightly reconciliation reads every record"},
		policy.Waiver{Permission: "modifyAllRecords", Object: "Invoice__c", Reason: "Purges cancelled invoices"},
		policy.Waiver{Permission: "ViewSetup", Reason: "Not used by this set"},
	)
	ps := &permset.PermissionSet{
		Description:       "Read-only sync",
		UserPermissions:   user("ViewAllData"),
		ObjectPermissions: []permset.ObjectPermissions{object("Invoice__c", permset.ModifyAll.Closure())},
	}

	require.NoError(t, policy.RecordWaivers(ps, c))
	want := "Read-only sync. Waivers: ViewAllData (Nightly reconciliation reads every record); " +
		"modifyAllRecords on Invoice__c (Purges cancelled invoices)"
	assert.Equal(t, want, ps.Description, "only the waivers the set uses are recorded")

	require.NoError(t, policy.RecordWaivers(ps, c))
	assert.Equal(t, want, ps.Description, "a second call changed the description")

	ps.UserPermissions = nil
	ps.ObjectPermissions = nil
	require.NoError(t, policy.RecordWaivers(ps, c))
	assert.Equal(t, "Read-only sync.", ps.Description, "unused waiver text stays")
}

func TestRecordWaiversTooLong(t *testing.T) {
	c := mustCatalogue(policy.Waiver{Permission: "ViewAllData", Reason: strings.Repeat("r", 200)})
	description := strings.Repeat("d", 60)
	ps := &permset.PermissionSet{Description: description, UserPermissions: user("ViewAllData")}

	err := policy.RecordWaivers(ps, c)
	assert.Equal(t, []wantError{{field.Invalid, "description"}}, errorsOf(t, err))
	assert.Equal(t, description, ps.Description, "a failed call changed the description")
}

func TestBuildPermissionSet(t *testing.T) {
	req := permset.Request{
		Name:            "Orders_Recon",
		Label:           "Orders reconciliation",
		Description:     "Read-only sync",
		UserPermissions: []string{"ApiEnabled", "ViewAllData"},
	}

	_, _, err := policy.BuildPermissionSet(req, policy.Options{})
	assert.Equal(t, []wantError{{field.Forbidden, `userPermissions["ViewAllData"]`}}, errorsOf(t, err),
		"an unwaived catalogued permission must not be built")

	opts := policy.Options{Catalogue: mustCatalogue(
		policy.Waiver{Permission: "ViewAllData", Reason: "Nightly reconciliation reads every record"})}
	ps, _, err := policy.BuildPermissionSet(req, opts)
	require.NoError(t, err)
	assert.Equal(t, "Read-only sync. Waivers: ViewAllData (Nightly reconciliation reads every record)", ps.Description)
	assert.Empty(t, policy.Filter(policy.CheckPermissionSet(ps, opts), policy.SeverityWarning))
}

func TestBuildPermissionSetValidXML(t *testing.T) {
	opts := policy.Options{Catalogue: mustCatalogue(
		policy.Waiver{Permission: "modifyAllRecords", Object: "Invoice__c", Reason: "Purges cancelled invoices"})}
	req := permset.Request{
		Name:            "Orders_Purge",
		Label:           "Orders purge",
		Objects:         map[string]permset.Access{"Invoice__c": permset.ModifyAll},
		UserPermissions: []string{"ApiEnabled"},
	}
	ps, _, err := policy.BuildPermissionSet(req, opts)
	require.NoError(t, err, "the modifyAllRecords waiver covers the viewAllRecords that comes with it")
	assert.Equal(t, "Waivers: modifyAllRecords on Invoice__c (Purges cancelled invoices)", ps.Description,
		"one waiver, not two")

	data, err := ps.Marshal()
	require.NoError(t, err)
	testenv.ValidateXMLBytes(t, "Orders_Purge.permissionset-meta.xml", data)
}

func TestRecordWaiversKeepsOtherText(t *testing.T) {
	c := mustCatalogue(policy.Waiver{Permission: "ViewAllData", Reason: "Nightly reconciliation"})
	const recorded = "Waivers: ViewAllData (Nightly reconciliation)"
	tests := []struct {
		name        string
		danger      string // why losing or mangling the text matters
		description string
		uses        bool
		want        string
	}{
		{
			name:        "own text with the label",
			danger:      "the owner's note about the ticket would be deleted as if it were waiver text",
			description: "Owner: data team. Waivers: see ticket SEC-12",
			uses:        true,
			want:        "Owner: data team. Waivers: see ticket SEC-12. " + recorded,
		},
		{
			name:        "own text with the label, no waiver used",
			description: "Owner: data team. Waivers: see ticket SEC-12",
			want:        "Owner: data team. Waivers: see ticket SEC-12",
		},
		{
			name:        "trailing space",
			description: "Read. ",
			uses:        true,
			want:        "Read. " + recorded,
		},
		{
			name:        "earlier waiver text replaced",
			description: "Read. Waivers: ViewSetup (Old reason)",
			uses:        true,
			want:        "Read. " + recorded,
		},
		{
			name:        "earlier waiver text removed",
			description: "Read? Waivers: ViewSetup (Old reason); modifyAllRecords on Invoice__c (Purge (nightly))",
			want:        "Read?",
		},
		{
			name:        "waiver text alone",
			description: "Waivers: ViewSetup (Old reason)",
			uses:        true,
			want:        recorded,
		},
		{
			name:        "label inside a sentence",
			description: "Waivers: none yet",
			uses:        true,
			want:        "Waivers: none yet. " + recorded,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps := &permset.PermissionSet{Description: tt.description}
			if tt.uses {
				ps.UserPermissions = user("ViewAllData")
			}
			require.NoError(t, policy.RecordWaivers(ps, c))
			assert.Equal(t, tt.want, ps.Description, "danger: %s", tt.danger)

			require.NoError(t, policy.RecordWaivers(ps, c))
			assert.Equal(t, tt.want, ps.Description, "a second call changed the description")
		})
	}
}

func TestRecordWaiversObjectCase(t *testing.T) {
	c := mustCatalogue(policy.Waiver{Permission: "viewAllRecords", Object: "invoice__c", Reason: "reconciliation"})
	ps := &permset.PermissionSet{ObjectPermissions: []permset.ObjectPermissions{object("Invoice__c", permset.ViewAll.Closure())}}
	require.NoError(t, policy.RecordWaivers(ps, c))
	assert.Equal(t, "Waivers: viewAllRecords on invoice__c (reconciliation)", ps.Description)
}

func TestBuildPermissionSetForbiddenObjectFlag(t *testing.T) {
	opts := policy.Options{Catalogue: forbidding(t, "allowDelete")}
	req := permset.Request{
		Name:            "Orders_Sync",
		Label:           "Orders sync",
		Objects:         map[string]permset.Access{"Invoice__c": permset.Delete},
		UserPermissions: []string{"ApiEnabled"},
	}
	_, _, err := policy.BuildPermissionSet(req, opts)
	assert.Equal(t, []wantError{{field.Forbidden, `objectPermissions["Invoice__c"].allowDelete`}}, errorsOf(t, err),
		"a caller that forbids allowDelete must not get a set that deletes")
}
