package monitoring

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sfharden/sfharden/field"
)

// maxExactRows is the largest row count that a flow's number value, a
// double, holds exactly.
const maxExactRows = 1 << 53

// Validate checks every field of the spec and returns a [field.List] with
// one error per problem, or nil when there is none. The paths are
// "integration", "label", "username" and "apiVersion" for those fields, and
// the keys of an integration spec's monitoring section for the rest:
// "maxRowsPerQuery", "activeHours", "timezone", "notify[0]", "endSession"
// and "freezeUser".
func (s Spec) Validate() error {
	return s.validate(field.Path{}).Err()
}

func (s Spec) validate(root field.Path) field.List {
	var errs field.List

	if s.Integration == "" {
		errs = append(errs, field.NewRequired(root.Child("integration"), "give the integration's name, such as NightlySync; the policy names are built from it"))
	} else if _, detail := namePrefix(s.Integration); detail != "" {
		errs = append(errs, field.NewInvalid(root.Child("integration"), s.Integration, detail))
	}
	if detail := checkLabel(s.Label); detail != "" {
		errs = append(errs, field.NewInvalid(root.Child("label"), s.Label, detail))
	}

	if s.Username == "" {
		errs = append(errs, field.NewRequired(root.Child("username"), "the policies watch one user; give the integration user's username, such as integration@example.com, or a ${NAME} placeholder"))
	} else if kind, detail := checkUsername(s.Username); kind != "" {
		errs = append(errs, fieldError(root.Child("username"), kind, s.Username, detail))
	}

	errs = append(errs, s.validateConditions(root)...)
	errs = append(errs, s.validateNotify(root)...)
	errs = append(errs, s.validateActions(root)...)

	if detail := checkAPIVersion(s.loginHoursPolicy().apexVersion()); detail != "" {
		errs = append(errs, field.NewInvalid(root.Child("apiVersion"), s.APIVersion, detail))
	}
	return errs
}

// validateConditions checks the settings of the two policies and that at
// least one of them is on.
func (s Spec) validateConditions(root field.Path) field.List {
	var errs field.List

	switch {
	case s.MaxRowsPerQuery < 0:
		errs = append(errs, field.NewInvalid(root.Child("maxRowsPerQuery"), s.MaxRowsPerQuery, "give a positive number of rows, or 0 for no query policy"))
	case s.MaxRowsPerQuery > maxExactRows:
		errs = append(errs, field.NewInvalid(root.Child("maxRowsPerQuery"), s.MaxRowsPerQuery, fmt.Sprintf("give at most %d rows, the largest count a flow compares exactly", maxExactRows)))
	}

	if s.ActiveHours != "" {
		if _, detail := parseActiveHours(s.ActiveHours); detail != "" {
			errs = append(errs, field.NewInvalid(root.Child("activeHours"), s.ActiveHours, detail))
		}
		if s.TimeZone == "" {
			errs = append(errs, field.NewRequired(root.Child("timezone"), `give the IANA time zone in which the active hours are read, such as "Europe/Berlin" or "UTC"`))
		}
	}
	if s.TimeZone != "" {
		if s.ActiveHours == "" {
			errs = append(errs, field.NewInvalid(root.Child("timezone"), s.TimeZone, "applies only to activeHours; set activeHours or remove timezone"))
		} else if _, detail := loadTimeZone(s.TimeZone); detail != "" {
			errs = append(errs, fieldError(root.Child("timezone"), field.NotSupported, s.TimeZone, detail))
		}
	}

	if s.MaxRowsPerQuery == 0 && s.ActiveHours == "" {
		errs = append(errs, field.NewRequired(root.Child("maxRowsPerQuery"), "set maxRowsPerQuery, activeHours or both; without either there is no policy to generate"))
	}
	return errs
}

// validateNotify checks the alert recipients: at least one, each a username
// or placeholder, none twice and none the integration user.
func (s Spec) validateNotify(root field.Path) field.List {
	const example = "give the username of an admin with the Modify All Data and View Setup permissions, such as security@example.com, or a ${NAME} placeholder"

	if len(s.Notify) == 0 {
		return field.List{field.NewRequired(root.Child("notify"), "the policies alert someone when they fire; "+example)}
	}

	var errs field.List
	seen := make(map[string]int, len(s.Notify))
	for i, recipient := range s.Notify {
		path := root.Child("notify").Index(i)
		if kind, _ := checkUsername(recipient); kind != "" {
			errs = append(errs, fieldError(path, kind, recipient, "is not a Salesforce username in email-address form; "+example))
			continue
		}
		if s.Username != "" && strings.EqualFold(recipient, s.Username) {
			errs = append(errs, field.NewForbidden(path, recipient, "is the integration user, which must not receive the alerts about itself; "+example))
			continue
		}
		key := strings.ToLower(recipient)
		if first, ok := seen[key]; ok {
			errs = append(errs, field.NewDuplicate(path, recipient, fmt.Sprintf("is already notify[%d]; list each recipient once", first)))
			continue
		}
		seen[key] = i
	}
	return errs
}

// validateActions rejects the actions that Salesforce does not document for
// policies on ApiEvent and LoginEvent. Salesforce Help ("Transaction
// Security" and "Transaction Security Actions and Notifications") names
// Block, Multi-Factor Authentication and notifications as the actions of
// Enhanced Transaction Security. End Session and Freeze User appear only in
// the documentation of the legacy policies: End Session for logins, Freeze
// User for Chatter resources.
//
// NOTE: whether the Metadata API refuses endSession or freezeUser set to
// true on these events, or deploys them and ignores them, has not been
// tried. Either way the action would not happen, so neither is written.
func (s Spec) validateActions(root field.Path) field.List {
	const documented = "Salesforce documents only Block, Multi-Factor Authentication and notifications as actions of policies on ApiEvent and LoginEvent"

	var errs field.List
	if s.EndSession {
		errs = append(errs, field.NewInvalid(root.Child("endSession"), s.EndSession,
			documented+", and End Session only for legacy login policies; remove endSession, and set block to stop the query or login"))
	}
	if s.FreezeUser {
		errs = append(errs, field.NewInvalid(root.Child("freezeUser"), s.FreezeUser,
			documented+", and Freeze User only for legacy policies on Chatter resources; remove freezeUser, set block to stop the query or login, and freeze the user by hand when an alert calls for it"))
	}
	return errs
}

// checkLabel returns the error detail for a label that cannot start the
// master labels, or "" when label is empty or usable.
func checkLabel(label string) string {
	switch {
	case label == "":
		return ""
	case strings.TrimSpace(label) == "":
		return "is blank; give a label such as \"Nightly Sync\", or leave it out to use the integration name"
	case strings.ContainsFunc(label, unicode.IsControl):
		return "contains a line break or another control character, which a label cannot hold"
	case utf8.RuneCountInString(label) > maxLabelLength:
		return fmt.Sprintf("has %d characters; a policy's master label has at most %d, and the longest suffix, %q, leaves %d for the label",
			utf8.RuneCountInString(label), maxMasterLabelLength, loginLabelSuffix, maxLabelLength)
	}
	return ""
}
