package profile

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/sfharden/sfharden/field"
)

// MaxDescriptionLength is the length limit of a profile description, from
// the Tooling API entry for Profile.
const MaxDescriptionLength = 255

var developerName = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_]*$`)

// checkName returns the errors of a profile API name. Retrieved standard
// profiles have names with spaces, but a generated custom profile keeps to
// developer-name rules: a letter first, then letters, digits and single
// underscores, with no final underscore. The name of a standard profile
// is forbidden in any letter case (see [StandardName]).
//
// NOTE: the maximum length of a profile name is not documented in the
// sources read for sfharden, so it is not checked.
func checkName(p field.Path, name string) field.List {
	standard, isStandard := StandardName(name)
	switch {
	case name == "":
		return field.List{field.NewRequired(p, "give the profile's API name, such as Orders_API")}
	case isStandard:
		return field.List{field.NewForbidden(p, name, fmt.Sprintf(
			"%q names the standard profile %s, and deploying it would change that profile for every user who has it; choose a name of your own, such as Orders_API",
			name, standard))}
	case !developerName.MatchString(name) || strings.Contains(name, "__") || strings.HasSuffix(name, "_"):
		return field.List{field.NewInvalid(p, name, "use a letter, then letters, digits and single underscores, not ending with '_'")}
	}
	return nil
}

func checkDescription(p field.Path, text string) field.List {
	if n := utf8.RuneCountInString(text); n > MaxDescriptionLength {
		return field.List{field.NewInvalid(p, text, fmt.Sprintf("is %d characters; the maximum is %d", n, MaxDescriptionLength))}
	}
	return nil
}
