// Package permdata holds the Salesforce permission facts that sfharden
// builds and audits against, as data tables that name their source and API
// version, because Salesforce changes them from release to release.
//
// It has three tables:
//
//   - Known user permission names, the <name> values of <userPermissions>.
//     Most come from real retrieved profiles and permission sets (the
//     generated file zz_generated_permissions.go, see below). A few that
//     no retrieved file holds come from the Salesforce Field Reference.
//     Use [Known] to check a name and [Suggest] for a "did you mean" hint.
//   - User permission dependencies, returned by [Requires]. A
//     [BasisPlatform] dependency is one that Salesforce keeps inside one
//     profile or permission set. A [BasisFunctional] one is not checked by
//     Salesforce, but the permission does nothing without the other.
//     [RequiresAll] follows the table to every indirect requirement.
//     Dependencies that no document confirmed are kept out of the table.
//   - The risk catalogue: the permissions an integration user must not
//     hold, each with a [Tier] and a reason, plus the permissions it needs
//     (ApiEnabled, and ApiUserOnly and PasswordNeverExpires on its profile),
//     marked with a [Role] instead of a tier. [Default] returns a fresh
//     [Catalogue] that callers extend or change with [Catalogue.Add].
//     Lookups ignore letter case, so a name in the wrong case still finds
//     its risk, while [Canonical] returns the name in its right case. Object
//     entries may name only the flags of [ObjectFlags], which the checks
//     enforce.
//
// The package holds no facts about which user permissions each user licence
// allows. For the Salesforce Integration licence Salesforce does not
// document the full list, so none is guessed here.
//
// # Regenerating the known names
//
// The corpus table is written by a generator that scans a folder of
// retrieved metadata, one <owner>__<repo> folder per public repository:
//
//	SFHARDEN_CORPUS=/path/to/corpus go generate ./internal/permdata
//
// Each name is listed with the repository of lowest known API version that
// holds it. A test fails when SFHARDEN_CORPUS is set and the committed file
// differs from what the generator would write.
package permdata
