// Package permset builds Salesforce permission sets and permission set
// groups that grant only the access of a typed request, and reads and writes
// them in the format a retrieve produces.
//
// Start with [Build]: describe the access in a [Request] and get back a
// [PermissionSet], the [field.Notice] values that say what Build changed or
// could not check, and an error that lists every violation at once.
// [BuildGroup] bundles sets into a [PermissionSetGroup].
//
// # What Build refuses to build
//
//   - Object access that breaks Salesforce's rules. Build closes each
//     request instead: asking for [Edit] gives Read and Edit, and
//     [ModifyAll] brings Read, Edit, Delete and ViewAll (see
//     [Access.Closure]). Every object entry writes all six booleans.
//   - Entries that take access away. A permission set only adds access, so
//     Build never writes <enabled>false</enabled> or an all-false entry. A
//     request for one is dropped with a notice, and [Prune] does the same
//     for a set read from a file.
//   - Field access on an object the set cannot read, and an editable field on
//     an object the set cannot edit, unless [Options].ImplyObjectAccess asks
//     Build to add the object access with a notice.
//   - Field permissions on fields that take none (system fields such as Id
//     and OwnerId, master-detail and required fields) and editable access to
//     formula, roll-up summary and auto-number fields. Build checks these
//     against a [Describe] read with [ParseDescribe] from
//     `sf sobject describe --json` output. Without one it still rejects the
//     system fields by name (Id, OwnerId, CreatedDate, CreatedById,
//     LastModifiedDate, LastModifiedById, SystemModstamp, IsDeleted) and
//     returns a notice that the other field rules were not verified.
//   - The same object, field, Apex class or custom permission listed twice,
//     compared without regard to letter case as Salesforce compares API
//     names: Account and ACCOUNT are one object, and object account
//     satisfies field Account.Industry.
//   - User permissions without those they need in the same set, such as
//     ManageRoles without ViewRoles, unless [Options].AddDependencies asks
//     Build to add them with a notice.
//   - Unknown user permission names, with a suggestion of the closest known
//     one, unless [Options].AllowUnknownPermissions accepts them. A known
//     name in the wrong letter case, such as modifyalldata, is an error even
//     then, because Salesforce matches user permission names exactly.
//   - A group that lists a set that is neither in the source tree nor
//     declared as already in the org.
//
// Build does not judge whether a grant is risky, such as ViewAllData or
// modifyAllRecords: package policy checks that, and records waivers.
//
// # Output
//
// [PermissionSet.Marshal] writes elements in Metadata API order and sorts
// entries by their key, so the same request gives the same bytes whatever
// order its slices were in, and a file survives [Parse] and Marshal
// unchanged. Build writes hasActivationRequired false, because a
// session-activated set grants nothing to an integration that never
// activates it.
//
// The zero [Options] is the strictest: every rule that can fail is an error.
package permset
