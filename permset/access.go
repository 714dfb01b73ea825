package permset

import (
	"fmt"
	"strings"
)

// Access is a set of object access levels, the six booleans of a
// permission set's objectPermissions entry. Combine levels with |, as in
// Read|Create. The zero Access grants nothing.
type Access uint8

// The object access levels, in the order Salesforce lists them.
const (
	Read      Access = 1 << iota // allowRead
	Create                       // allowCreate
	Edit                         // allowEdit
	Delete                       // allowDelete
	ViewAll                      // viewAllRecords: read every record regardless of sharing
	ModifyAll                    // modifyAllRecords: edit and delete every record regardless of sharing
)

// levels lists each level with the name ParseAccess and String use.
var levels = []struct {
	level Access
	name  string
}{
	{Read, "read"},
	{Create, "create"},
	{Edit, "edit"},
	{Delete, "delete"},
	{ViewAll, "viewAll"},
	{ModifyAll, "modifyAll"},
}

// implies lists the levels each level needs on the same object, from the
// Object Reference entry for ObjectPermissions: create and edit need read,
// delete needs read and edit, viewAll needs read, and modifyAll needs read,
// edit, delete and viewAll.
var implies = map[Access]Access{
	Create:    Read,
	Edit:      Read,
	Delete:    Read | Edit,
	ViewAll:   Read,
	ModifyAll: Read | Edit | Delete | ViewAll,
}

// Closure returns a with every level that its levels need, so Edit.Closure()
// is Read|Edit and ModifyAll.Closure() is Read|Edit|Delete|ViewAll|ModifyAll.
// One pass is enough because each entry of the table is already closed.
func (a Access) Closure() Access {
	closed := a
	for level, needs := range implies {
		if a&level != 0 {
			closed |= needs
		}
	}
	return closed
}

// Has reports whether a contains every level of levels.
func (a Access) Has(levels Access) bool {
	return a&levels == levels
}

// String returns the level names joined by ',', such as "read,edit", or
// "none" for the zero Access. ParseAccess reads the result back.
func (a Access) String() string {
	var names []string
	for _, l := range levels {
		if a&l.level != 0 {
			names = append(names, l.name)
		}
	}
	if len(names) == 0 {
		return "none"
	}
	return strings.Join(names, ",")
}

// ParseAccess reads object access levels written as names joined by ',',
// such as "read,create" or "edit", as in a spec file. Letter case and spaces
// around names are ignored. "none" and "" are the zero Access. The result is
// not closed: call [Access.Closure] for that.
func ParseAccess(s string) (Access, error) {
	var a Access
	for _, part := range strings.Split(s, ",") {
		name := strings.TrimSpace(part)
		if name == "" || strings.EqualFold(name, "none") {
			continue
		}
		found := false
		for _, l := range levels {
			if strings.EqualFold(name, l.name) {
				a |= l.level
				found = true
				break
			}
		}
		if !found {
			return 0, fmt.Errorf("unknown object access level %q in %q: use read, create, edit, delete, viewAll or modifyAll", name, s)
		}
	}
	return a, nil
}

// entry returns the objectPermissions entry for object with the six
// booleans of a. It does not close a.
func (a Access) entry(object string) ObjectPermissions {
	return ObjectPermissions{
		Object:           object,
		AllowRead:        a&Read != 0,
		AllowCreate:      a&Create != 0,
		AllowEdit:        a&Edit != 0,
		AllowDelete:      a&Delete != 0,
		ViewAllRecords:   a&ViewAll != 0,
		ModifyAllRecords: a&ModifyAll != 0,
	}
}

// AccessOf returns the levels that an objectPermissions entry grants.
func AccessOf(p ObjectPermissions) Access {
	var a Access
	set := func(on bool, level Access) {
		if on {
			a |= level
		}
	}
	set(p.AllowRead, Read)
	set(p.AllowCreate, Create)
	set(p.AllowEdit, Edit)
	set(p.AllowDelete, Delete)
	set(p.ViewAllRecords, ViewAll)
	set(p.ModifyAllRecords, ModifyAll)
	return a
}

// FieldAccess is the access a permission set grants to one field. The zero
// value FieldNone grants nothing.
type FieldAccess uint8

const (
	FieldNone FieldAccess = iota
	FieldRead             // readable
	FieldEdit             // readable and editable, because edit needs read
)

// String returns "none", "read" or "edit".
func (f FieldAccess) String() string {
	switch f {
	case FieldNone:
		return "none"
	case FieldRead:
		return "read"
	case FieldEdit:
		return "edit"
	default:
		return fmt.Sprintf("FieldAccess(%d)", int(f))
	}
}

// ParseFieldAccess reads "none", "read" or "edit", ignoring letter case.
func ParseFieldAccess(s string) (FieldAccess, error) {
	for _, f := range []FieldAccess{FieldNone, FieldRead, FieldEdit} {
		if strings.EqualFold(strings.TrimSpace(s), f.String()) {
			return f, nil
		}
	}
	return FieldNone, fmt.Errorf("unknown field access %q: use read or edit", s)
}
