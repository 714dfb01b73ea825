// Package policy builds and checks least-privilege access for Salesforce
// integration users. It refuses to build a permission set that holds a
// risky permission without a stated reason. Its checks report where
// permission sets, permission set groups and profiles grant more than an
// integration needs.
//
// The rules come from a [Catalogue]. [Default] returns a fresh copy of the
// built-in one: user permissions such as ModifyAllData, ViewAllData and
// ManageUsers, each with a [Tier] and a reason, the object flags
// viewAllRecords and modifyAllRecords, and the permissions an integration
// needs (ApiEnabled always, ApiUserOnly and PasswordNeverExpires on its
// profile). Add your own risks with [Catalogue.Forbid] and your own
// exceptions with [Catalogue.Waive], without forking sfharden. Forbid
// accepts the object flags allowCreate, allowEdit, allowDelete,
// viewAllRecords, modifyAllRecords and viewAllFields, each of which the
// checks enforce on every object, and rejects any other object rule. An
// empty &Catalogue{} has no entries, so it turns every risk and role check
// off: start from Default to keep them.
//
// Names match as Salesforce matches them. Object, field and permission
// set names ignore letter case, so a waiver for invoice__c covers
// Invoice__c. User permission names are case-sensitive in Salesforce, so
// modifyalldata is an error ([RulePermissionNameCase]), and the catalogue
// still finds its risk.
//
// # Waivers
//
// For an integration, a catalogued permission is an error unless a
// [Waiver] names it and gives a reason. A reason that is empty after
// trimming space, or has a line break or another control character, is
// rejected. A waiver for an object flag also covers the flags Salesforce
// turns on with it, so one modifyAllRecords waiver covers its
// viewAllRecords. [RecordWaivers] writes the waivers a permission set uses into
// its description, such as "Waivers: ViewAllData (Nightly reconciliation
// reads every record)", so that the reason travels with the metadata. When
// that would exceed the 255-character limit of a description it returns an
// error instead of cutting the text. [BuildPermissionSet] builds a set with
// package permset, records its waivers and refuses it while any error
// finding remains.
//
// # Checks
//
// [CheckPermissionSet], [CheckGroup] and [CheckProfile] return [Finding]
// values, each with a [Severity], a rule id (the Rule constants), a path, a
// message and a fix. They read metadata and change nothing, so tests can
// assert that access templates stay least-privilege:
//
//	findings := policy.CheckPermissionSet(ps, policy.Options{})
//	if errs := policy.Filter(findings, policy.SeverityError); len(errs) > 0 { ... }
//
// The zero [Options] checks an integration against [Default] with no
// waivers. [PersonaUser] reports catalogued permissions as warnings and
// skips the integration rules. A nil permission set, group or profile has
// no findings.
package policy
