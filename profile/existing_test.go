package profile_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfharden/sfharden/field"
	"github.com/sfharden/sfharden/permset"
	"github.com/sfharden/sfharden/profile"
)

func TestCheckExistingLicense(t *testing.T) {
	planned, _, err := profile.BuildIntegrationProfile(ordersProfileRequest())
	require.NoError(t, err)
	existing, err := profile.Parse([]byte(`<?xml version="1.0" encoding="UTF-8"?>
<Profile xmlns="http://soap.sforce.com/2006/04/metadata">
    <custom>true</custom>
    <userLicense>Salesforce</userLicense>
</Profile>
`))
	require.NoError(t, err)

	_, err = profile.CheckExisting(planned, existing)
	assert.Equal(t, []wantError{{field.Forbidden, "userLicense"}}, errorsOf(t, err))
	var list field.List
	require.ErrorAs(t, err, &list)
	assert.Contains(t, list[0].Detail, "profile Orders_API exists with userLicense Salesforce; a licence cannot be changed, so choose a new profile name")
}

func TestCheckExistingSameLicense(t *testing.T) {
	planned, _, err := profile.BuildIntegrationProfile(ordersProfileRequest())
	require.NoError(t, err)
	existing := &profile.Profile{
		FullName:    "Orders_API",
		UserLicense: profile.LicenseIntegration,
		UserPermissions: []profile.UserPermission{
			{Name: "ApiEnabled", Enabled: true},
			{Name: "RunReports", Enabled: true},
			{Name: "ChatterInternalUser", Enabled: false},
		},
	}
	notices, err := profile.CheckExisting(planned, existing)
	require.NoError(t, err)
	require.Len(t, notices, 1, "only an enabled permission the plan leaves out stays on after the deploy")
	assert.Equal(t, `userPermissions["RunReports"]`, notices[0].Path)
}

func TestCheckExistingNone(t *testing.T) {
	planned, _, err := profile.BuildIntegrationProfile(ordersProfileRequest())
	require.NoError(t, err)
	notices, err := profile.CheckExisting(planned, nil)
	assert.NoError(t, err)
	assert.Empty(t, notices)
}

func TestObjectAccessClosed(t *testing.T) {
	o := profile.ObjectAccess("Invoice__c", permset.Edit)
	require.NotNil(t, o.AllowRead)
	assert.True(t, *o.AllowRead, "edit needs read")
	assert.True(t, *o.AllowEdit)
	assert.False(t, *o.AllowCreate)
	assert.False(t, *o.ModifyAllRecords)
}
