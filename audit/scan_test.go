package audit

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfharden/sfharden/internal/mdxml"
	"github.com/sfharden/sfharden/internal/testenv"
	"github.com/sfharden/sfharden/permset"
	"github.com/sfharden/sfharden/profile"
)

// The scanner must keep exactly what the typed models give for every real
// profile and permission set, lines included.
func TestScanMatchesTypedModels(t *testing.T) {
	corpus := testenv.Corpus(t)
	var checked int
	err := filepath.WalkDir(corpus, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		base := strings.TrimSuffix(filepath.Base(path), "-meta.xml")
		var root string
		switch {
		case strings.HasSuffix(base, ".profile"):
			root = "Profile"
		case strings.HasSuffix(base, ".permissionset"):
			root = "PermissionSet"
		default:
			return nil
		}
		data, err := os.ReadFile(path)
		require.NoError(t, err)

		var want *accessScan
		if root == "Profile" {
			p, err := mdxml.Parse[profile.Profile](data)
			require.NoError(t, err, path)
			want = profileScan(p)
		} else {
			p, err := mdxml.Parse[permset.PermissionSet](data)
			require.NoError(t, err, path)
			want = permSetScan(p)
		}
		got, err := scanAccess(data, root)
		require.NoError(t, err, path)
		if diff := cmp.Diff(want, got, cmp.AllowUnexported(accessScan{}, userPermission{}, objectPermission{}, fieldPermission{})); diff != "" {
			t.Errorf("%s: scan mismatch (-typed +scan):\n%s", path, diff)
		}
		checked++
		return nil
	})
	require.NoError(t, err)
	assert.Greater(t, checked, 30)
}

func TestScanRejectsMalformed(t *testing.T) {
	tests := []struct {
		name, input, want string
	}{
		{"merge conflict", "<Profile" + ns + ">\n<<<<<<< HEAD\n</Profile>\n", "invalid XML"},
		{"mismatched end tag", "<Profile" + ns + ">\n<userPermissions><name>A</name></userPermission>\n</Profile>\n", "element <userPermissions> closed by </userPermission>"},
		{"wrong root", "<PermissionSet" + ns + "></PermissionSet>\n", "root element is <PermissionSet>, expected <Profile>"},
		{"text in root", "<Profile" + ns + ">stray</Profile>\n", `unexpected text "stray" in <Profile>`},
		{"second root", "<Profile" + ns + "></Profile>\n<Profile/>\n", "second root element <Profile>"},
		{"truncated", "<Profile" + ns + ">\n<userPermissions>\n", "unexpected end of file"},
		{"invalid boolean", "<Profile" + ns + ">\n<userPermissions><enabled>yes</enabled><name>A</name></userPermissions>\n</Profile>\n", `invalid boolean "yes" in <enabled>`},
		{"empty", "", "unexpected end of file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := scanAccess([]byte(tt.input), "Profile")
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

func TestScanReadsEscapesAndCDATA(t *testing.T) {
	input := xmlHead + "<Profile" + ns + ">\n    <!-- a comment -->\n" +
		"    <fieldPermissions>\n        <editable>false</editable>\n        <field><![CDATA[Account.Name]]></field>\n        <readable>1</readable>\n    </fieldPermissions>\n" +
		"    <userLicense>Salesforce&#32;Integration</userLicense>\n</Profile>\n"
	got, err := scanAccess([]byte(input), "Profile")
	require.NoError(t, err)
	assert.Equal(t, []fieldPermission{{field: "Account.Name", readable: true, line: 4}}, got.fields)
	assert.Equal(t, "Salesforce Integration", got.userLicense)
	assert.Equal(t, 2, got.line)
}
