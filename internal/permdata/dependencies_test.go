package permdata

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfharden/sfharden/internal/permdata/internal/corpus"
)

func requiredNames(deps []Dependency) []string {
	var names []string
	for _, d := range deps {
		names = append(names, d.Requires)
	}
	return names
}

func TestRequires(t *testing.T) {
	tests := []struct {
		name        string
		permission  string
		contains    []string
		notContains []string
		basis       Basis
	}{
		{
			name:       "api only user needs api enabled to log in at all",
			permission: "ApiUserOnly",
			contains:   []string{"ApiEnabled"},
			basis:      BasisFunctional,
		},
		{
			name:       "manage users brings view roles",
			permission: "ManageUsers",
			contains:   []string{"ViewRoles", "ViewSetup", "ManageInternalUsers", "ResetPasswords", "AssignPermissionSets"},
			basis:      BasisPlatform,
		},
		{
			name:       "modify all data brings view all data and view setup",
			permission: "ModifyAllData",
			contains:   []string{"ViewAllData", "ViewSetup", "RunReports"},
			// Contradicted by a real file or feature-dependent.
			notContains: []string{"CreateCustomizeReports", "ViewAllForecasts", "OverrideForecasts"},
			basis:       BasisPlatform,
		},
		{
			name:       "author apex brings modify metadata but unconfirmed modify all data stays out",
			permission: "AuthorApex",
			contains:   []string{"ModifyMetadata"},
			// Only a 2013 blog states it.
			notContains: []string{"ModifyAllData"},
			basis:       BasisPlatform,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			deps := Requires(tt.permission)
			names := requiredNames(deps)
			for _, want := range tt.contains {
				assert.Contains(t, names, want)
			}
			for _, unwanted := range tt.notContains {
				assert.NotContains(t, names, unwanted)
			}
			for _, d := range deps {
				assert.Equal(t, tt.permission, d.Permission)
				assert.Equal(t, tt.basis, d.Basis, "%s -> %s", d.Permission, d.Requires)
			}
		})
	}
}

func TestRequiresWithoutDependencies(t *testing.T) {
	assert.Nil(t, Requires("ApiEnabled"))
	assert.Nil(t, Requires("NoSuchPermission"))
	assert.Nil(t, Requires(""))
}

func TestRequiresReturnsCopy(t *testing.T) {
	deps := Requires("ApiUserOnly")
	require.NotEmpty(t, deps)
	deps[0].Requires = "Changed"
	assert.Equal(t, "ApiEnabled", Requires("ApiUserOnly")[0].Requires)

	all := Dependencies()
	all[0].Permission = "Changed"
	assert.NotEqual(t, "Changed", Dependencies()[0].Permission)
}

func TestDependencyTableSortedAndValid(t *testing.T) {
	require.NotEmpty(t, dependencies)
	for i, d := range dependencies {
		assert.True(t, Known(d.Permission), "%s is not a known permission", d.Permission)
		assert.True(t, Known(d.Requires), "%s is not a known permission", d.Requires)
		assert.NotEqual(t, d.Permission, d.Requires, "%s requires itself", d.Permission)
		assert.Contains(t, []Basis{BasisPlatform, BasisFunctional}, d.Basis, "%s -> %s", d.Permission, d.Requires)
		assert.NotEmpty(t, d.Source, "%s -> %s", d.Permission, d.Requires)
		assert.Equal(t, -1, corpus.CompareVersions(d.APIVersion, corpus.UnknownVersion),
			"%s -> %s has API version %q, want a number such as 49.0", d.Permission, d.Requires, d.APIVersion)

		if i > 0 {
			prev := dependencies[i-1]
			ordered := prev.Permission < d.Permission ||
				(prev.Permission == d.Permission && prev.Requires < d.Requires)
			assert.True(t, ordered, "%s -> %s must come after %s -> %s, without duplicates",
				d.Permission, d.Requires, prev.Permission, prev.Requires)
		}
	}
}

func TestUnverifiedDependenciesStayOut(t *testing.T) {
	for _, candidate := range unverifiedDependencies {
		assert.True(t, Known(candidate.Permission), candidate.Permission)
		assert.True(t, Known(candidate.Requires), candidate.Requires)
		assert.NotEmpty(t, candidate.Source)
		assert.NotContains(t, requiredNames(Requires(candidate.Permission)), candidate.Requires,
			"%s -> %s is unverified but enforced", candidate.Permission, candidate.Requires)
	}
}

func TestBasisString(t *testing.T) {
	assert.Equal(t, "platform", BasisPlatform.String())
	assert.Equal(t, "functional", BasisFunctional.String())
	assert.Equal(t, "invalid", Basis(0).String())
}

func TestRequiresAll(t *testing.T) {
	tests := []struct {
		name       string
		permission string
		want       []string
	}{
		{name: "direct only", permission: "ApiUserOnly", want: []string{"ApiEnabled"}},
		// ModifyAllData needs ViewSetup, which needs ViewRoles.
		{name: "through view setup", permission: "ModifyAllData", want: []string{
			"ConvertLeads", "EditEvent", "EditPublicDocuments", "EditPublicFilters", "EditPublicTemplates",
			"EditTask", "ImportLeads", "ManageCategories", "RunReports", "SolutionImport",
			"TransferAnyEntity", "TransferAnyLead", "UseTeamReassignWizards", "ViewAllData", "ViewRoles", "ViewSetup",
		}},
		{name: "no dependencies", permission: "ApiEnabled", want: nil},
		{name: "unknown name", permission: "NoSuchPermission", want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, RequiresAll(tt.permission))
		})
	}
}

func TestRequiresAllHasNoCycles(t *testing.T) {
	for _, d := range dependencies {
		assert.NotContains(t, RequiresAll(d.Requires), d.Permission,
			"%s and %s require each other", d.Permission, d.Requires)
	}
}
