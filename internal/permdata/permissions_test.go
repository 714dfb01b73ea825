package permdata

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestKnown(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want bool
	}{
		{name: "corpus name", in: "ModifyAllData", want: true},
		{name: "documented name", in: "BypassMFAForUiLogins", want: true},
		{name: "other letter case", in: "modifyalldata", want: false},
		{name: "misspelt", in: "ModifyAllDta", want: false},
		{name: "empty", in: "", want: false},
		{name: "surrounding space", in: " ApiEnabled", want: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Known(tt.in))
		})
	}
}

func TestSuggest(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{name: "known name returns itself", in: "ApiEnabled", want: "ApiEnabled"},
		{name: "dropped letter", in: "ModifyAllDta", want: "ModifyAllData"},
		{name: "lower case", in: "modifyalldata", want: "ModifyAllData"},
		{name: "upper case", in: "APIUSERONLY", want: "ApiUserOnly"},
		{name: "case and typo together", in: "manageuser", want: "ManageUsers"},
		{name: "swapped letters", in: "ViewSteup", want: "ViewSetup"},
		{name: "documented name", in: "BypassMFAForUILogin", want: "BypassMFAForUiLogins"},
		{name: "nothing close", in: "Qwertyuiop", want: ""},
		{name: "short name too far", in: "Xy", want: ""},
		{name: "empty", in: "", want: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Suggest(tt.in))
		})
	}
}

func TestSuggestTieTakesFirstName(t *testing.T) {
	// "EditMReports" is one edit from both EditMyReports and EditReports.
	assert.Equal(t, "EditMyReports", Suggest("EditMReports"))
}

func TestLookupPermission(t *testing.T) {
	p, ok := LookupPermission("BulkApiHardDelete")
	require.True(t, ok)
	assert.Equal(t, SourceDocumentation, p.Source)
	assert.Equal(t, "67.0", p.APIVersion)

	p, ok = LookupPermission("ApiUserOnly")
	require.True(t, ok)
	assert.NotEqual(t, SourceDocumentation, p.Source)

	_, ok = LookupPermission("NoSuchPermission")
	assert.False(t, ok)
}

func TestPermissionTablesSortedAndUnique(t *testing.T) {
	tables := map[string][]Permission{
		"corpusPermissions":     corpusPermissions,
		"documentedPermissions": documentedPermissions,
	}
	for tableName, table := range tables {
		t.Run(tableName, func(t *testing.T) {
			require.NotEmpty(t, table)
			for i, p := range table {
				assert.NotEmpty(t, p.Name, "entry %d has no name", i)
				assert.NotEmpty(t, p.Source, "%s has no source", p.Name)
				assert.NotEmpty(t, p.APIVersion, "%s has no API version", p.Name)
				if i > 0 {
					assert.Less(t, table[i-1].Name, p.Name, "entries %d and %d are out of order or duplicate", i-1, i)
				}
			}
		})
	}
}

func TestDocumentedPermissionsNotInCorpus(t *testing.T) {
	corpus := map[string]bool{}
	for _, p := range corpusPermissions {
		corpus[p.Name] = true
	}
	for _, p := range documentedPermissions {
		assert.Equal(t, SourceDocumentation, p.Source, p.Name)
		assert.False(t, corpus[p.Name], "%s is in the corpus table now; drop it from documentedPermissions", p.Name)
	}
}

func TestPermissionsSortedCopy(t *testing.T) {
	all := Permissions()
	require.Len(t, all, len(corpusPermissions)+len(documentedPermissions))
	for i := 1; i < len(all); i++ {
		assert.Less(t, all[i-1].Name, all[i].Name)
	}

	all[0].Name = "Changed"
	assert.NotEqual(t, "Changed", Permissions()[0].Name)
}

func TestRepositoriesSortedCopy(t *testing.T) {
	repos := Repositories()
	require.NotEmpty(t, repos)
	for i, repo := range repos {
		assert.Contains(t, repo.Name, "/", "repository %q is not owner/repo", repo.Name)
		assert.NotEmpty(t, repo.APIVersion, repo.Name)
		if i > 0 {
			assert.Less(t, repos[i-1].Name, repo.Name)
		}
	}

	repos[0].Name = "changed/changed"
	assert.NotEqual(t, "changed/changed", Repositories()[0].Name)
}

func TestCorpusSourcesAreRepositories(t *testing.T) {
	repos := map[string]string{}
	for _, repo := range corpusRepositories {
		repos[repo.Name] = repo.APIVersion
	}
	for _, p := range corpusPermissions {
		version, ok := repos[p.Source]
		if assert.True(t, ok, "%s names unlisted repository %q", p.Name, p.Source) {
			assert.Equal(t, version, p.APIVersion, p.Name)
		}
	}
}
