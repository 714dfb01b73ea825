package profile

import "github.com/sfharden/sfharden/permset"

// ObjectAccess returns the objectPermissions entry of a profile that grants
// a on object, closed under Salesforce's rules like a permission set entry
// (see [permset.Access.Closure]). It writes all six booleans, so the file
// shows the whole access to the object.
func ObjectAccess(object string, a permset.Access) ObjectPermissions {
	closed := a.Closure()
	return ObjectPermissions{
		Object:           object,
		AllowRead:        new(closed.Has(permset.Read)),
		AllowCreate:      new(closed.Has(permset.Create)),
		AllowEdit:        new(closed.Has(permset.Edit)),
		AllowDelete:      new(closed.Has(permset.Delete)),
		ViewAllRecords:   new(closed.Has(permset.ViewAll)),
		ModifyAllRecords: new(closed.Has(permset.ModifyAll)),
	}
}
