package permset_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfharden/sfharden/permset"
)

// TestPrune reads a set with false entries. A false entry for a permission
// the target org lacks still fails the deploy with "Unknown user
// permission", and it revokes nothing, so it should not be written back.
func TestPrune(t *testing.T) {
	ps, err := permset.Parse([]byte(`<?xml version="1.0" encoding="UTF-8"?>
<PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata">
    <classAccesses>
        <apexClass>OldSync</apexClass>
        <enabled>false</enabled>
    </classAccesses>
    <fieldPermissions>
        <editable>false</editable>
        <field>Account.Industry</field>
        <readable>false</readable>
    </fieldPermissions>
    <fieldPermissions>
        <editable>false</editable>
        <field>Account.Name</field>
        <readable>true</readable>
    </fieldPermissions>
    <label>Orders API</label>
    <objectPermissions>
        <allowCreate>false</allowCreate>
        <allowDelete>false</allowDelete>
        <allowEdit>false</allowEdit>
        <allowRead>false</allowRead>
        <modifyAllRecords>false</modifyAllRecords>
        <object>Contact</object>
        <viewAllRecords>false</viewAllRecords>
    </objectPermissions>
    <userPermissions>
        <enabled>true</enabled>
        <name>ApiEnabled</name>
    </userPermissions>
    <userPermissions>
        <enabled>false</enabled>
        <name>ViewSetup</name>
    </userPermissions>
</PermissionSet>
`))
	require.NoError(t, err)

	notices := permset.Prune(ps)
	assert.Equal(t, []string{
		`userPermissions["ViewSetup"]`,
		`objectPermissions["Contact"]`,
		`fieldPermissions["Account.Industry"]`,
		`classAccesses["OldSync"]`,
	}, noticePaths(notices))

	data, err := ps.Marshal()
	require.NoError(t, err)
	assert.NotContains(t, string(data), "<enabled>false</enabled>")
	assert.NotContains(t, string(data), "Contact")
	assert.Contains(t, string(data), "<name>ApiEnabled</name>")
	assert.Contains(t, string(data), "<field>Account.Name</field>")
}
