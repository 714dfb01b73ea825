package permset

import (
	"fmt"
	"sort"
	"strings"

	"github.com/sfharden/sfharden/field"
)

// GroupRequest describes a permission set group to build.
type GroupRequest struct {
	Name        string // API name, with the rules of Request.Name
	Label       string // required, at most 80 characters
	Description string // at most 255 characters
	// PermissionSets are the API names of the member permission sets.
	PermissionSets []string
	// InTree are the permission sets in the source tree that is deployed
	// with the group. A member must be one of them or one of InOrg.
	InTree []*PermissionSet
	// InOrg are the API names of permission sets that the caller declares
	// are already in the org, such as those of a managed package.
	InOrg []string
}

// BuildGroup returns the permission set group that req describes. Every
// member must be a permission set of req.InTree or a name of req.InOrg,
// because a group deployed without its members fails, or lists a set that
// was never deployed. Names match without regard to letter case, as
// Salesforce API names do, and the group writes each member as req.InTree
// or req.InOrg spells it. The error is a [field.List].
//
// BuildGroup leaves status out: Salesforce sets it. It returns a notice to
// assign the group only once Salesforce has recalculated it.
func BuildGroup(req GroupRequest) (*PermissionSetGroup, []field.Notice, error) {
	var errs field.List
	errs = append(errs, checkDeveloperName(field.NewPath("name"), req.Name)...)
	errs = append(errs, checkText(field.NewPath("label"), req.Label, true, MaxLabelLength)...)
	errs = append(errs, checkText(field.NewPath("description"), req.Description, false, MaxDescriptionLength)...)

	// API names ignore letter case, so member ORDERS_READ is the set
	// Orders_Read, and the group names it as the tree or InOrg spells it.
	// Both maps are keyed by the lower-case name.
	known := map[string]string{}
	for _, name := range req.InOrg {
		known[strings.ToLower(name)] = name
	}
	for _, ps := range req.InTree {
		if ps != nil {
			known[strings.ToLower(ps.FullName)] = ps.FullName
		}
	}

	if len(req.PermissionSets) == 0 {
		errs = append(errs, field.NewRequired(field.NewPath("permissionSets"), "list at least one member permission set"))
	}
	type member struct {
		name  string
		index int
	}
	members := map[string]member{}
	for i, name := range req.PermissionSets {
		p := field.NewPath("permissionSets").Index(i)
		first, dup := members[strings.ToLower(name)]
		switch {
		case name == "":
			errs = append(errs, field.NewRequired(p, "give the API name of a permission set"))
		case dup:
			errs = append(errs, field.NewDuplicate(p, name, fmt.Sprintf("also at permissionSets[%d]; list it once", first.index)))
		case known[strings.ToLower(name)] == "":
			errs = append(errs, field.NewInvalid(p, name, fmt.Sprintf(
				"PermissionSetGroup %s references %s, which is neither in the source tree nor declared as already in the org; add it to the tree or to InOrg",
				req.Name, name)))
		default:
			members[strings.ToLower(name)] = member{name: known[strings.ToLower(name)], index: i}
		}
	}

	if err := errs.Err(); err != nil {
		return nil, nil, err
	}
	var memberNames []string
	for _, m := range members {
		memberNames = append(memberNames, m.name)
	}
	sort.Strings(memberNames)
	group := &PermissionSetGroup{
		FullName:       req.Name,
		Label:          req.Label,
		Description:    req.Description,
		PermissionSets: memberNames,
	}
	notices := []field.Notice{{
		Path: "status",
		Message: fmt.Sprintf("Salesforce recalculates %s after each deploy; assign it only once its Status is Updated, or the assignment can fail",
			req.Name),
	}}
	return group, notices, nil
}
