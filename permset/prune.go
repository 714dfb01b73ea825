package permset

import (
	"fmt"

	"github.com/sfharden/sfharden/field"
)

// Prune removes the entries of ps that grant nothing, such as
// <enabled>false</enabled> user permissions and objectPermissions with six
// false booleans, and returns a notice for each. A permission set only adds
// access, so such entries have no effect, and a false entry for a permission
// that the target org does not have still fails the deploy with "Unknown
// user permission". Use Prune on a permission set read from a file before
// writing it back.
func Prune(ps *PermissionSet) []field.Notice {
	var notices []field.Notice
	drop := func(p field.Path, what string) {
		notices = append(notices, field.Notice{Path: p.String(), Message: fmt.Sprintf("dropped %s: a permission set only adds access, so it has no effect", what)})
	}

	ps.UserPermissions = keep(ps.UserPermissions, func(u UserPermission) bool {
		if !u.Enabled {
			drop(field.NewPath("userPermissions").Key(u.Name), "a disabled user permission")
		}
		return u.Enabled
	})
	ps.ObjectPermissions = keep(ps.ObjectPermissions, func(o ObjectPermissions) bool {
		empty := AccessOf(o) == 0
		if empty {
			drop(field.NewPath("objectPermissions").Key(o.Object), "an entry that grants no object access")
		}
		return !empty
	})
	ps.FieldPermissions = keep(ps.FieldPermissions, func(f FieldPermissions) bool {
		empty := !f.Editable && (f.Readable == nil || !*f.Readable)
		if empty {
			drop(field.NewPath("fieldPermissions").Key(f.Field), "an entry that is neither readable nor editable")
		}
		return !empty
	})
	ps.ClassAccesses = keep(ps.ClassAccesses, func(c ApexClassAccess) bool {
		if !c.Enabled {
			drop(field.NewPath("classAccesses").Key(c.ApexClass), "a disabled Apex class")
		}
		return c.Enabled
	})
	ps.CustomPermissions = keep(ps.CustomPermissions, func(c CustomPermissions) bool {
		if !c.Enabled {
			drop(field.NewPath("customPermissions").Key(c.Name), "a disabled custom permission")
		}
		return c.Enabled
	})
	return notices
}

// keep returns the elements of s for which ok reports true, in order. It
// calls ok once per element.
func keep[T any](s []T, ok func(T) bool) []T {
	var out []T
	for _, v := range s {
		if ok(v) {
			out = append(out, v)
		}
	}
	return out
}
