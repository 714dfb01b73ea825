package permset

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/sfharden/sfharden/field"
)

// Length limits of PermissionSet fields, from the Object Reference entry for
// PermissionSet.
const (
	MaxNameLength        = 80
	MaxLabelLength       = 80
	MaxDescriptionLength = 255
)

// apiName matches an API name. Object and field names may carry a namespace
// prefix and a suffix such as __c, so apiName allows double underscores and
// checkDeveloperName rejects them.
var apiName = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_]*$`)

// checkDeveloperName returns the errors of an invalid permission set or
// group API name. Salesforce requires a letter first, then only letters,
// digits and single underscores, no final underscore and at most 80
// characters.
func checkDeveloperName(p field.Path, name string) field.List {
	var errs field.List
	switch {
	case name == "":
		errs = append(errs, field.NewRequired(p, "give the API name, such as Orders_API"))
	case !apiName.MatchString(name) || strings.Contains(name, "__") || strings.HasSuffix(name, "_"):
		errs = append(errs, field.NewInvalid(p, name, "use a letter, then letters, digits and single underscores, not ending with '_'"))
	}
	if n := utf8.RuneCountInString(name); n > MaxNameLength {
		errs = append(errs, field.NewInvalid(p, name, fmt.Sprintf("is %d characters; the maximum is %d", n, MaxNameLength)))
	}
	return errs
}

// checkText returns the errors of a label or description: required when
// required is true, and at most max characters.
func checkText(p field.Path, text string, required bool, max int) field.List {
	if text == "" {
		if required {
			return field.List{field.NewRequired(p, "give a short human-readable name")}
		}
		return nil
	}
	if n := utf8.RuneCountInString(text); n > max {
		return field.List{field.NewInvalid(p, text, fmt.Sprintf("is %d characters; the maximum is %d", n, max))}
	}
	return nil
}

// splitField splits "Object.Field" into its two API names.
func splitField(name string) (object, fieldName string, ok bool) {
	object, fieldName, found := strings.Cut(name, ".")
	if !found || !apiName.MatchString(object) || !apiName.MatchString(fieldName) {
		return "", "", false
	}
	return object, fieldName, true
}
