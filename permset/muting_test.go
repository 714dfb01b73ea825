package permset_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/sfharden/sfharden/permset"
)

func TestMutingPermissionSetGolden(t *testing.T) {
	muting := &permset.MutingPermissionSet{
		Label:           "Orders Bundle Muting",
		Description:     "Mutes export for the Orders bundle",
		UserPermissions: []permset.UserPermission{{Name: "ExportReport", Enabled: true}},
	}
	data, err := muting.Marshal()
	require.NoError(t, err)
	// NOTE: the schema has no root element for MutingPermissionSet (its
	// WSDL type declares label twice, once through its PermissionSet base),
	// so this golden file is compared but not validated.
	path := filepath.Join("testdata", "Orders_Bundle_Muting.mutingpermissionset-meta.xml")
	if *update {
		require.NoError(t, os.WriteFile(path, data, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -update to create the golden file")
	require.Equal(t, string(want), string(data))

	back, err := permset.ParseMuting(data)
	require.NoError(t, err)
	again, err := back.Marshal()
	require.NoError(t, err)
	require.Equal(t, string(data), string(again))
}
