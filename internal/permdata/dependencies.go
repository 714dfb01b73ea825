package permdata

import "sort"

// Basis is the way a user permission dependency is enforced.
type Basis int

const (
	// BasisPlatform marks a dependency that Salesforce keeps inside a single
	// profile or permission set: enabling Permission there enables Requires
	// too, and Requires cannot be turned off while Permission is on.
	BasisPlatform Basis = iota + 1

	// BasisFunctional marks a dependency that Salesforce does not check on
	// save, but without which Permission has no effect: the user must hold
	// Requires from some profile or permission set as well.
	BasisFunctional
)

// String returns "platform" or "functional".
func (b Basis) String() string {
	switch b {
	case BasisPlatform:
		return "platform"
	case BasisFunctional:
		return "functional"
	default:
		return "invalid"
	}
}

// Dependency is one user permission that needs another.
type Dependency struct {
	Permission string // the dependent user permission
	Requires   string // the user permission it needs
	Basis      Basis
	Source     string // the documents and retrieved files that show it
	APIVersion string // lowest API version at which the sources show it
}

// Sources named in the dependency table.
const (
	sourceKnowledgeMAD = "Salesforce Help knowledge article 000321298, \"Modify All Data\" permission " +
		"(permissions enabled with it); every ModifyAllData grant in the permission corpus"
	sourcePermissionDependency = "Tooling API Developer Guide, PermissionDependency (API 54.0): " +
		"Modify All Data requires View All Data; every ModifyAllData grant in the permission corpus"
	sourceManageUsers = "Salesforce Stack Exchange question 413777 (permissions that Manage Users enables); " +
		"every ManageUsers grant in the permission corpus"
	sourceViewRoles = "Object Reference, UserRole: as of Summer '20 (API 49.0) reading roles needs View Roles " +
		"and Role Hierarchy and editing them needs Manage Roles; every grant in the permission corpus at API 49.0 or later"
	sourceModifyMetadata = "Metadata API Developer Guide, Modify Metadata Through Metadata API Functions " +
		"Permission (API 47.0): enabled automatically with Author Apex or Deploy Change Sets"
	sourceAPIEnabled = "SOAP API Developer Guide, Security and the API (API 33.0 to 67.0): a user needs " +
		"API Enabled to make API calls; Salesforce Help, Give Integration Users API Only Access"
)

// dependencies is the enforced table, sorted by Permission then Requires.
// Labels were matched to API names with the Salesforce Field Reference
// (MutingPermissionSet, API 67.0).
var dependencies = []Dependency{
	// Without API Enabled an API-only user can log in neither to the UI nor
	// to the API. A real permission set grants ApiUserOnly alone, so
	// Salesforce does not check this on save.
	{Permission: "ApiUserOnly", Requires: "ApiEnabled", Basis: BasisFunctional, Source: sourceAPIEnabled, APIVersion: "33.0"},

	{Permission: "AuthorApex", Requires: "ModifyMetadata", Basis: BasisPlatform, Source: sourceModifyMetadata, APIVersion: "47.0"},

	// "Deploy Change Sets" is InboundMigrationToolsUser.
	{Permission: "InboundMigrationToolsUser", Requires: "ModifyMetadata", Basis: BasisPlatform, Source: sourceModifyMetadata, APIVersion: "47.0"},

	{Permission: "ManageRoles", Requires: "ViewRoles", Basis: BasisPlatform, Source: sourceViewRoles, APIVersion: "49.0"},

	{Permission: "ManageUsers", Requires: "AssignPermissionSets", Basis: BasisPlatform, Source: sourceManageUsers, APIVersion: "38.0"},
	// "Manage Multi-Factor Authentication in User Interface" is DelegatedTwoFactor.
	{Permission: "ManageUsers", Requires: "DelegatedTwoFactor", Basis: BasisPlatform, Source: sourceManageUsers, APIVersion: "38.0"},
	{Permission: "ManageUsers", Requires: "ManageInternalUsers", Basis: BasisPlatform, Source: sourceManageUsers, APIVersion: "38.0"},
	{Permission: "ManageUsers", Requires: "ManageIpAddresses", Basis: BasisPlatform, Source: sourceManageUsers, APIVersion: "38.0"},
	{Permission: "ManageUsers", Requires: "ManageLoginAccessPolicies", Basis: BasisPlatform, Source: sourceManageUsers, APIVersion: "38.0"},
	{Permission: "ManageUsers", Requires: "ManagePasswordPolicies", Basis: BasisPlatform, Source: sourceManageUsers, APIVersion: "38.0"},
	{Permission: "ManageUsers", Requires: "ManageProfilesPermissionsets", Basis: BasisPlatform, Source: sourceManageUsers, APIVersion: "38.0"},
	{Permission: "ManageUsers", Requires: "ManageRoles", Basis: BasisPlatform, Source: sourceManageUsers, APIVersion: "38.0"},
	{Permission: "ManageUsers", Requires: "ManageSharing", Basis: BasisPlatform, Source: sourceManageUsers, APIVersion: "38.0"},
	{Permission: "ManageUsers", Requires: "ResetPasswords", Basis: BasisPlatform, Source: sourceManageUsers, APIVersion: "38.0"},
	{Permission: "ManageUsers", Requires: "ViewAllUsers", Basis: BasisPlatform, Source: sourceManageUsers, APIVersion: "38.0"},
	{Permission: "ManageUsers", Requires: "ViewRoles", Basis: BasisPlatform, Source: sourceManageUsers + "; " + sourceViewRoles, APIVersion: "49.0"},
	{Permission: "ManageUsers", Requires: "ViewSetup", Basis: BasisPlatform, Source: sourceManageUsers, APIVersion: "38.0"},

	// The knowledge article names these by label. In table order they are
	// Convert Leads, Edit Events, Manage Public Documents, Manage Public List
	// Views, Manage Public Templates, Edit Tasks, Import Leads, Manage
	// Categories, Run Reports, Import Solutions, Transfer Record, Transfer
	// Leads, Use Team Reassignment Wizards, View All Data and View Setup and
	// Configuration.
	{Permission: "ModifyAllData", Requires: "ConvertLeads", Basis: BasisPlatform, Source: sourceKnowledgeMAD, APIVersion: "38.0"},
	{Permission: "ModifyAllData", Requires: "EditEvent", Basis: BasisPlatform, Source: sourceKnowledgeMAD, APIVersion: "38.0"},
	{Permission: "ModifyAllData", Requires: "EditPublicDocuments", Basis: BasisPlatform, Source: sourceKnowledgeMAD, APIVersion: "38.0"},
	{Permission: "ModifyAllData", Requires: "EditPublicFilters", Basis: BasisPlatform, Source: sourceKnowledgeMAD, APIVersion: "38.0"},
	{Permission: "ModifyAllData", Requires: "EditPublicTemplates", Basis: BasisPlatform, Source: sourceKnowledgeMAD, APIVersion: "38.0"},
	{Permission: "ModifyAllData", Requires: "EditTask", Basis: BasisPlatform, Source: sourceKnowledgeMAD, APIVersion: "38.0"},
	{Permission: "ModifyAllData", Requires: "ImportLeads", Basis: BasisPlatform, Source: sourceKnowledgeMAD, APIVersion: "38.0"},
	{Permission: "ModifyAllData", Requires: "ManageCategories", Basis: BasisPlatform, Source: sourceKnowledgeMAD, APIVersion: "38.0"},
	{Permission: "ModifyAllData", Requires: "RunReports", Basis: BasisPlatform, Source: sourceKnowledgeMAD, APIVersion: "38.0"},
	{Permission: "ModifyAllData", Requires: "SolutionImport", Basis: BasisPlatform, Source: sourceKnowledgeMAD, APIVersion: "38.0"},
	{Permission: "ModifyAllData", Requires: "TransferAnyEntity", Basis: BasisPlatform, Source: sourceKnowledgeMAD, APIVersion: "38.0"},
	{Permission: "ModifyAllData", Requires: "TransferAnyLead", Basis: BasisPlatform, Source: sourceKnowledgeMAD, APIVersion: "38.0"},
	{Permission: "ModifyAllData", Requires: "UseTeamReassignWizards", Basis: BasisPlatform, Source: sourceKnowledgeMAD, APIVersion: "38.0"},
	{Permission: "ModifyAllData", Requires: "ViewAllData", Basis: BasisPlatform, Source: sourcePermissionDependency + "; " + sourceKnowledgeMAD, APIVersion: "38.0"},
	{Permission: "ModifyAllData", Requires: "ViewSetup", Basis: BasisPlatform, Source: sourceKnowledgeMAD, APIVersion: "38.0"},

	{Permission: "ViewSetup", Requires: "ViewRoles", Basis: BasisPlatform, Source: "Salesforce Stack Exchange question 413777 " +
		"(View Setup and Configuration sets View Roles and Role Hierarchy); " + sourceViewRoles, APIVersion: "49.0"},
}

// NOTE: unverifiedDependencies are candidates that no Salesforce document
// read for this table confirms, or that a real retrieved file contradicts.
// Requires does not return them and no validation should enforce them.
var unverifiedDependencies = []Dependency{
	// Only a 2013 blog states it. Every AuthorApex grant in the corpus also
	// has ModifyAllData, but no Salesforce document confirming it was found.
	{Permission: "AuthorApex", Requires: "ModifyAllData", Source: "salesforcehacker.com, What can Modify All Data do? (2013)", APIVersion: "unknown"},
	// The knowledge article lists Create and Customize Reports, but the 2017
	// Admin profile of Exygy/sf-dahlia-salesforce has ModifyAllData without it.
	{Permission: "ModifyAllData", Requires: "CreateCustomizeReports", Source: sourceKnowledgeMAD, APIVersion: "unknown"},
	// Listed by the knowledge article, but five ModifyAllData grants in the
	// corpus lack them, likely because forecasting is off in those orgs.
	{Permission: "ModifyAllData", Requires: "OverrideForecasts", Source: sourceKnowledgeMAD, APIVersion: "unknown"},
	{Permission: "ModifyAllData", Requires: "ViewAllForecasts", Source: sourceKnowledgeMAD, APIVersion: "unknown"},
	// The API 55.0 guide requires Customize Application for creating metadata
	// records, but six corpus files grant ModifyMetadata without it.
	{Permission: "ModifyMetadata", Requires: "CustomizeApplication", Source: "Metadata API Developer Guide (API 55.0)", APIVersion: "unknown"},
	// Every corpus file agrees, but no document states these.
	{Permission: "ManageInternalUsers", Requires: "ViewAllUsers", Source: "permission corpus only", APIVersion: "unknown"},
	{Permission: "ViewAllData", Requires: "ViewSetup", Source: "permission corpus only", APIVersion: "unknown"},
}

// Requires returns the user permissions that name directly needs, sorted by
// Requires. It returns nil for a name without enforced dependencies. The
// result is a copy that the caller may change.
func Requires(name string) []Dependency {
	start := sort.Search(len(dependencies), func(i int) bool { return dependencies[i].Permission >= name })
	var found []Dependency
	for i := start; i < len(dependencies) && dependencies[i].Permission == name; i++ {
		found = append(found, dependencies[i])
	}
	return found
}

// Dependencies returns the whole enforced table, sorted by Permission then
// Requires.
func Dependencies() []Dependency {
	return append([]Dependency(nil), dependencies...)
}

// RequiresAll returns every user permission that name needs directly or
// through other dependencies, sorted and without name itself. It follows
// dependencies of both bases and ignores their API versions, so it describes
// the current API version.
func RequiresAll(name string) []string {
	seen := map[string]bool{name: true}
	queue := []string{name}
	var all []string
	for len(queue) > 0 {
		current := queue[0]
		queue = queue[1:]
		for _, d := range Requires(current) {
			if seen[d.Requires] {
				continue
			}
			seen[d.Requires] = true
			all = append(all, d.Requires)
			queue = append(queue, d.Requires)
		}
	}
	sort.Strings(all)
	return all
}
