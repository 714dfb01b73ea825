package profile

import (
	"fmt"

	"github.com/sfharden/sfharden/field"
)

// CheckExisting compares a planned profile with the profile of the same
// name retrieved from the org. Salesforce does not let a deploy change a
// profile's userLicense, so a different licence is an error that asks for a
// new profile name. A deploy also leaves alone every user permission that
// the planned file does not name, so each permission that the existing
// profile enables and the planned one leaves out comes back as a notice.
// The error is a [field.List].
func CheckExisting(planned, existing *Profile) ([]field.Notice, error) {
	if existing == nil {
		return nil, nil
	}

	var errs field.List
	if existing.UserLicense != "" && existing.UserLicense != planned.UserLicense {
		errs = append(errs, field.NewForbidden(field.NewPath("userLicense"), planned.UserLicense, fmt.Sprintf(
			"profile %s exists with userLicense %s; a licence cannot be changed, so choose a new profile name",
			planned.FullName, existing.UserLicense)))
	}

	named := map[string]bool{}
	for _, u := range planned.UserPermissions {
		named[u.Name] = true
	}
	var notices []field.Notice
	for _, u := range existing.UserPermissions {
		if u.Enabled && !named[u.Name] {
			notices = append(notices, field.Notice{
				Path: field.NewPath("userPermissions").Key(u.Name).String(),
				Message: fmt.Sprintf("profile %s enables %s in the org, and the deploy keeps it because the planned file leaves it out; add it with enabled false to turn it off",
					planned.FullName, u.Name),
			})
		}
	}
	return notices, errs.Err()
}
