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
	_, _, err := policy.BuildPermissionSet(req, opts)
	assert.Equal(t, []wantError{{field.Forbidden, `objectPermissions["Invoice__c"].viewAllRecords`}}, errorsOf(t, err),
		"viewAllRecords comes with modifyAllRecords and has no waiver")

	require.NoError(t, opts.Catalogue.Waive(policy.Waiver{Permission: "viewAllRecords", Object: "Invoice__c", Reason: "Finds cancelled invoices"}))
	ps, _, err := policy.BuildPermissionSet(req, opts)
	require.NoError(t, err)
	assert.Contains(t, ps.Description, "modifyAllRecords on Invoice__c (Purges cancelled invoices)")

	data, err := ps.Marshal()
	require.NoError(t, err)
	testenv.ValidateXMLBytes(t, "Orders_Purge.permissionset-meta.xml", data)
}
