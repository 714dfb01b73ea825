package monitoring

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sfharden/sfharden/field"
	"github.com/sfharden/sfharden/internal/apexlit"
)

// apexStringLiteral returns s as a single-quoted Apex string literal; see
// [apexlit.String].
func apexStringLiteral(s string) (string, error) {
	return apexlit.String(s)
}

// maxUsernameLength is the length of the User.Username field.
const maxUsernameLength = 80

// usernamePlaceholderPattern matches a ${NAME} placeholder, which sf replaces
// with the environment variable NAME at deploy time when the project's
// sfdx-project.json lists it under "replacements".
var usernamePlaceholderPattern = regexp.MustCompile(`\$\{[A-Za-z_][A-Za-z0-9_]*\}`)

// usernamePattern matches the email-address form that Salesforce requires of
// usernames: a local part of the characters RFC 5322 allows unquoted, an @,
// and a domain of letters, digits, hyphens and dots.
var usernamePattern = regexp.MustCompile("^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*$")

// checkUsername returns the kind and detail of the first problem with a
// username, or two empty strings when it can go into generated Apex. A ${NAME}
// placeholder, alone or inside an address, is kept verbatim.
//
// NOTE: Salesforce's own username check is not published in full. This one
// accepts the RFC 5322 unquoted form in ASCII and rejects everything else,
// including internationalized addresses.
func checkUsername(username string) (field.Kind, string) {
	const example = "; give the integration user's username, such as integration@example.com, or a ${NAME} placeholder"

	if username == "" {
		return field.Required, "the policy watches the logins of one user" + example
	}
	if _, err := apexStringLiteral(username); err != nil {
		return field.Invalid, "contains a line break or another control character, which no username has" + example
	}
	if i := strings.IndexFunc(username, func(r rune) bool {
		return r > unicode.MaxASCII || r == ' ' || r == '"' || r == '\\' || r == '(' || r == ')' ||
			r == ',' || r == ':' || r == ';' || r == '<' || r == '>' || r == '[' || r == ']'
	}); i >= 0 {
		r, _ := utf8.DecodeRuneInString(username[i:])
		return field.Invalid, fmt.Sprintf("contains %q, which a Salesforce username cannot contain", r) + example
	}
	if usernamePlaceholderPattern.FindString(username) == username {
		return "", ""
	}

	if !usernamePlaceholderPattern.MatchString(username) && len(username) > maxUsernameLength {
		return field.Invalid, fmt.Sprintf("has %d characters; a Salesforce username has at most %d", len(username), maxUsernameLength)
	}
	filled := usernamePlaceholderPattern.ReplaceAllString(username, "x")
	if !usernamePattern.MatchString(filled) {
		return field.Invalid, "is not in the form of an email address, which Salesforce requires of usernames" + example
	}
	return "", ""
}
