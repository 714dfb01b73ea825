package pkgxml

// RetrieveManifest returns the manifest that retrieves profiles and
// permission sets for an audit, at [APIVersion]. A retrieved profile or
// permission set carries field and object permissions only for the objects
// in the same retrieve, so the objects whose access the audit checks are
// listed as CustomObject members too; without them every profile would look
// as if it had no field access. Names are decoded; empty lists add nothing.
//
// NOTE: the same holds for Apex class, Visualforce page, tab, app and
// record type access, which appear only for the components retrieved with
// the profile. RetrieveManifest lists objects only; add the other types to
// the result when the audit needs them.
func RetrieveManifest(profiles, permissionSets, objects []string) *Package {
	var members []Member
	for _, name := range profiles {
		members = append(members, Member{Type: "Profile", Name: name})
	}
	for _, name := range permissionSets {
		members = append(members, Member{Type: "PermissionSet", Name: name})
	}
	for _, name := range objects {
		members = append(members, Member{Type: "CustomObject", Name: name})
	}
	return Build(members, APIVersion)
}
