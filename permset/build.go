package permset

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/sfharden/sfharden/field"
	"github.com/sfharden/sfharden/internal/permdata"
)

var apiVersion = regexp.MustCompile(`^[1-9][0-9]*\.0$`)

// Build returns the permission set that req describes, the notices about
// what Build changed or could not check, and an error that lists every
// violation when there is one. The error is a [field.List]. On error the
// permission set is nil.
//
// Build closes object access under Salesforce's rules (see [Access.Closure]),
// writes all six booleans of each object entry, and drops requests that
// grant nothing, because a permission set cannot take access away. Entries
// come out sorted, so the same request gives the same bytes whatever order
// its slices are in.
//
// Build does not judge whether a grant is risky. Package policy does that.
func Build(req Request) (*PermissionSet, []field.Notice, error) {
	b := &builder{req: req, objects: map[string]Access{}, fields: map[string]FieldAccess{}}
	if b.req.APIVersion == "" {
		b.req.APIVersion = DefaultAPIVersion
	}

	b.checkHeader()
	b.addObjects()
	b.addFields()
	b.addUserPermissions()
	b.classes = b.names(field.NewPath("apexClasses"), req.ApexClasses, "Apex class")
	b.customPermissions = b.names(field.NewPath("customPermissions"), req.CustomPermissions, "custom permission")

	if err := b.errs.Err(); err != nil {
		return nil, b.notices, err
	}
	return b.permissionSet(), b.notices, nil
}

type builder struct {
	req     Request
	errs    field.List
	notices []field.Notice

	objects           map[string]Access
	fields            map[string]FieldAccess
	userPermissions   map[string]bool
	classes           []string
	customPermissions []string
}

func (b *builder) notice(p field.Path, format string, args ...any) {
	b.notices = append(b.notices, field.Notice{Path: p.String(), Message: fmt.Sprintf(format, args...)})
}

func (b *builder) checkHeader() {
	b.errs = append(b.errs, checkDeveloperName(field.NewPath("name"), b.req.Name)...)
	b.errs = append(b.errs, checkText(field.NewPath("label"), b.req.Label, true, MaxLabelLength)...)
	b.errs = append(b.errs, checkText(field.NewPath("description"), b.req.Description, false, MaxDescriptionLength)...)
	if !apiVersion.MatchString(b.req.APIVersion) {
		b.errs = append(b.errs, field.NewInvalid(field.NewPath("apiVersion"), b.req.APIVersion, "use a Metadata API version such as \"62.0\""))
	}
}

// addObjects checks each object request and closes its access. Objects are
// visited in sorted order so that errors and notices come out in the same
// order on every run.
func (b *builder) addObjects() {
	seen := map[string]string{} // lower-case name to the name as requested
	for _, object := range sortedKeys(b.req.Objects) {
		requested := b.req.Objects[object]
		p := field.NewPath("objects").Key(object)
		if !apiName.MatchString(object) {
			b.errs = append(b.errs, field.NewInvalid(p, object, "use the object's API name, such as Account or Invoice__c"))
			continue
		}
		if first, dup := seen[strings.ToLower(object)]; dup {
			b.errs = append(b.errs, field.NewDuplicate(p, object, fmt.Sprintf(
				"the same object as objects[%q], because API names ignore letter case; list it once", first)))
			continue
		}
		seen[strings.ToLower(object)] = object
		if requested&^(Read|Create|Edit|Delete|ViewAll|ModifyAll) != 0 {
			b.errs = append(b.errs, field.NewInvalid(p, int(requested), "use the levels Read, Create, Edit, Delete, ViewAll and ModifyAll"))
			continue
		}
		if requested == 0 {
			b.notice(p, "dropped: a permission set only adds access, so an entry that grants nothing has no effect")
			continue
		}
		closed := requested.Closure()
		if closed != requested {
			b.notice(p, "%s needs %s, so the entry grants %s", requested, closed&^requested, closed)
		}
		b.objects[object] = closed
	}
}

// addFields checks each field request against its describe, when there is
// one, and against the object access of the set.
func (b *builder) addFields() {
	unverified := map[string]bool{}
	seen := map[string]string{} // lower-case name to the name as requested
	for _, name := range sortedKeys(b.req.Fields) {
		access := b.req.Fields[name]
		p := field.NewPath("fields").Key(name)
		object, fieldName, ok := splitField(name)
		if !ok {
			b.errs = append(b.errs, field.NewInvalid(p, name, "write a field as Object.Field, such as Invoice__c.Amount__c"))
			continue
		}
		if first, dup := seen[strings.ToLower(name)]; dup {
			b.errs = append(b.errs, field.NewDuplicate(p, name, fmt.Sprintf(
				"the same field as fields[%q], because API names ignore letter case; list it once", first)))
			continue
		}
		seen[strings.ToLower(name)] = name
		if access > FieldEdit {
			b.errs = append(b.errs, field.NewInvalid(p, int(access), "use FieldRead or FieldEdit"))
			continue
		}
		if access == FieldNone {
			b.notice(p, "dropped: a permission set only adds access, so an entry that is neither readable nor editable has no effect")
			continue
		}

		// Without a describe the name alone identifies the system fields.
		// With one, the describe's own statement wins.
		if d := b.describe(object); d == nil {
			if isSystemField(fieldName) {
				b.errs = append(b.errs, field.NewForbidden(p, name, fmt.Sprintf(
					"%s takes no field permissions because it is a system field that every user with object access can read; remove the entry", name)))
				continue
			}
			unverified[object] = true
		} else if !b.checkFieldFacts(p, d, name, fieldName, access) {
			continue
		}

		if !b.checkObjectAccess(p, name, object, access) {
			continue
		}
		b.fields[name] = access
	}

	for _, object := range sortedKeys(unverified) {
		b.notice(field.NewPath("describes"), "field rules were not verified for %s: give its describe to check for required, master-detail, system and read-only fields", object)
	}
}

func (b *builder) describe(object string) *Describe {
	for _, d := range b.req.Describes {
		if d != nil && strings.EqualFold(d.Name, object) {
			return d
		}
	}
	return nil
}

// checkFieldFacts reports whether the field exists in its object's describe
// and can carry the requested access.
func (b *builder) checkFieldFacts(p field.Path, d *Describe, name, fieldName string, access FieldAccess) bool {
	facts, found := d.Field(fieldName)
	if !found {
		b.errs = append(b.errs, field.NewInvalid(p, name, fmt.Sprintf("the describe of %s has no field %s; check the spelling or refresh the describe", d.Name, fieldName)))
		return false
	}
	if ok, why := facts.Permissionability(); !ok {
		b.errs = append(b.errs, field.NewForbidden(p, name, fmt.Sprintf("%s takes no field permissions because %s; remove the entry", name, why)))
		return false
	}
	if access == FieldEdit {
		if ok, why := facts.Editability(); !ok {
			b.errs = append(b.errs, field.NewForbidden(p, name, fmt.Sprintf("%s cannot be editable because %s; request FieldRead", name, why)))
			return false
		}
	}
	return true
}

// checkObjectAccess reports whether the set grants the object access that
// the field grant needs, adding it when Options.ImplyObjectAccess is set.
func (b *builder) checkObjectAccess(p field.Path, name, object string, access FieldAccess) bool {
	needs := Read
	if access == FieldEdit {
		needs = Read | Edit
	}
	object = b.objectKey(object)
	has := b.objects[object]
	if has.Has(needs) {
		return true
	}
	if b.req.Options.ImplyObjectAccess {
		b.objects[object] = has | needs
		b.notice(p, "added %s on object %s, which the field grant needs", needs&^has, object)
		return true
	}

	switch {
	case !has.Has(Read):
		b.errs = append(b.errs, field.NewForbidden(p, name, fmt.Sprintf("%s is readable but no objectPermissions grant read on %s; request read on %s or set Options.ImplyObjectAccess", name, object, object)))
	default:
		b.errs = append(b.errs, field.NewForbidden(p, name, fmt.Sprintf("%s is editable but object %s does not allow edit; request edit on %s or FieldRead on the field", name, object, object)))
	}
	return false
}

// objectKey returns the name under which b.objects holds object, which
// may differ from object in letter case, or object when b.objects has no
// entry for it.
func (b *builder) objectKey(object string) string {
	if _, ok := b.objects[object]; ok {
		return object
	}
	for key := range b.objects {
		if strings.EqualFold(key, object) {
			return key
		}
	}
	return object
}

// addUserPermissions checks names and adds or reports the permissions that
// each one needs.
func (b *builder) addUserPermissions() {
	b.userPermissions = map[string]bool{}
	positions := map[string]int{}
	for i, name := range b.req.UserPermissions {
		p := field.NewPath("userPermissions").Index(i)
		switch {
		case name == "":
			b.errs = append(b.errs, field.NewRequired(p, "give a user permission API name, such as ApiEnabled"))
			continue
		case b.userPermissions[name]:
			b.errs = append(b.errs, field.NewDuplicate(p, name, fmt.Sprintf("also at userPermissions[%d]; list it once", positions[name])))
			continue
		}
		// Salesforce matches user permission names exactly, so a known name
		// in another case fails the deploy whatever the options are.
		if known, ok := permdata.Canonical(name); ok && known != name {
			b.errs = append(b.errs, field.NewInvalid(p, name, fmt.Sprintf("user permission names are case-sensitive; write %s", known)))
			continue
		}
		if !permdata.Known(name) && !b.req.Options.AllowUnknownPermissions {
			b.errs = append(b.errs, unknownPermission(p, name, b.req.APIVersion))
			continue
		}
		b.userPermissions[name] = true
		positions[name] = i
	}

	for _, name := range sortedKeys(positions) {
		b.addDependencies(field.NewPath("userPermissions").Index(positions[name]), name)
	}
}

// unknownPermission returns the error for a name that sfharden does not
// know. It names the API version only when version is well formed,
// because checkHeader reports a malformed one.
func unknownPermission(p field.Path, name, version string) *field.Error {
	detail := fmt.Sprintf("unknown user permission %q", name)
	if apiVersion.MatchString(version) {
		detail += " for API v" + version
	}
	if suggestion := permdata.Suggest(name); suggestion != "" {
		detail += fmt.Sprintf("; did you mean %s?", suggestion)
	} else {
		detail += "; check the name in Setup or set Options.AllowUnknownPermissions"
	}
	return &field.Error{Path: p.String(), Kind: field.NotSupported, Value: name, Detail: detail}
}

// addDependencies follows the platform dependencies of name, which
// Salesforce keeps inside one permission set, and the functional ones, which
// only matter for the user as a whole.
func (b *builder) addDependencies(p field.Path, name string) {
	type step struct{ permission, via string }
	queue := []step{{permission: name}}
	seen := map[string]bool{name: true}
	for len(queue) > 0 {
		current := queue[0]
		queue = queue[1:]
		for _, d := range permdata.Requires(current.permission) {
			if seen[d.Requires] {
				continue
			}
			seen[d.Requires] = true
			through := ""
			if current.permission != name {
				through = " through " + current.permission
			}

			if d.Basis == permdata.BasisFunctional {
				if !b.userPermissions[d.Requires] && current.permission == name {
					b.notice(p, "%s has no effect unless the user also holds %s, from its profile or another permission set", name, d.Requires)
				}
				continue
			}
			queue = append(queue, step{permission: d.Requires})
			if b.userPermissions[d.Requires] {
				continue
			}
			if b.req.Options.AddDependencies {
				b.userPermissions[d.Requires] = true
				b.notice(p, "added %s, which %s requires%s", d.Requires, name, through)
				continue
			}
			b.errs = append(b.errs, field.NewRequired(p, fmt.Sprintf("user permission %s requires %s%s, which Salesforce enables with it; add %s or set Options.AddDependencies", name, d.Requires, through, d.Requires)))
		}
	}
}

// names checks a list of API names for emptiness and duplicates, which
// are compared without regard to letter case as Salesforce compares API
// names, and returns the valid ones.
func (b *builder) names(p field.Path, values []string, kind string) []string {
	seen := map[string]int{} // lower-case name to its index
	var valid []string
	for i, v := range values {
		switch first, dup := seen[strings.ToLower(v)]; {
		case !apiName.MatchString(v):
			b.errs = append(b.errs, field.NewInvalid(p.Index(i), v, fmt.Sprintf("use the API name of the %s", kind)))
		case dup:
			b.errs = append(b.errs, field.NewDuplicate(p.Index(i), v, fmt.Sprintf("also at %s; list it once", p.Index(first))))
		default:
			seen[strings.ToLower(v)] = i
			valid = append(valid, v)
		}
	}
	return valid
}

// permissionSet assembles the checked request. mdxml sorts the entries when
// it writes them, and they are sorted here too so that the struct itself
// compares equal whatever order the request had.
func (b *builder) permissionSet() *PermissionSet {
	ps := &PermissionSet{
		FullName:              b.req.Name,
		Label:                 b.req.Label,
		Description:           b.req.Description,
		License:               b.req.License,
		HasActivationRequired: new(false),
	}
	for _, object := range sortedKeys(b.objects) {
		ps.ObjectPermissions = append(ps.ObjectPermissions, b.objects[object].entry(object))
	}
	for _, name := range sortedKeys(b.fields) {
		ps.FieldPermissions = append(ps.FieldPermissions, FieldPermissions{
			Field:    name,
			Readable: new(true),
			Editable: b.fields[name] == FieldEdit,
		})
	}
	for _, name := range sortedKeys(b.userPermissions) {
		ps.UserPermissions = append(ps.UserPermissions, UserPermission{Name: name, Enabled: true})
	}
	for _, class := range sorted(b.classes) {
		ps.ClassAccesses = append(ps.ClassAccesses, ApexClassAccess{ApexClass: class, Enabled: true})
	}
	for _, name := range sorted(b.customPermissions) {
		ps.CustomPermissions = append(ps.CustomPermissions, CustomPermissions{Name: name, Enabled: true})
	}
	return ps
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func sorted(values []string) []string {
	out := slices.Clone(values)
	sort.Strings(out)
	return out
}
