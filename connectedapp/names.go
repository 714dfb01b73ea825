package connectedapp

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/sfharden/sfharden/field"
)

// maxNameLength is the longest developer name Salesforce accepts.
const maxNameLength = 80

// ecaLongestSuffix is the longest suffix an External Client App child file
// adds to the app name ("_glbloauth" and "_oauthPlcy"), so an External
// Client App name may be at most maxNameLength minus its length.
var ecaLongestSuffix = len(globalOAuthSuffix)

// maxUsernameLength is the longest Salesforce username.
const maxUsernameLength = 80

// developerName matches letters, digits and underscores, starting with a
// letter. checkName tests the underscore rules separately, so that its
// error names the rule that is broken.
var developerName = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_]*$`)

// checkName checks a developer name: letters, digits and single
// underscores, starting with a letter, not ending with an underscore and at
// most maxLength characters long.
func checkName(path field.Path, name string, maxLength int) field.List {
	switch {
	case name == "":
		return field.List{field.NewRequired(path, "give a developer name such as Orders_Sync")}
	case !developerName.MatchString(name):
		return field.List{field.NewInvalid(path, name,
			"a developer name contains only letters, digits and underscores and starts with a letter")}
	case strings.Contains(name, "__"):
		return field.List{field.NewInvalid(path, name,
			"a developer name cannot contain two underscores in a row, because Salesforce reserves them for namespaces and suffixes")}
	case strings.HasSuffix(name, "_"):
		return field.List{field.NewInvalid(path, name, "a developer name cannot end with an underscore")}
	case len(name) > maxLength:
		return field.List{field.NewInvalid(path, name,
			fmt.Sprintf("the name has %d characters; the maximum is %d", len(name), maxLength))}
	}
	return nil
}

// placeholderPattern matches a ${NAME} placeholder that sf replaces with the
// environment variable NAME at deploy time.
var placeholderPattern = regexp.MustCompile(`\$\{[A-Z_][A-Z0-9_]*\}`)

// placeholders returns the names of the ${NAME} placeholders in s, in order
// of first appearance.
func placeholders(s string) []string {
	var names []string
	for _, match := range placeholderPattern.FindAllString(s, -1) {
		name := match[2 : len(match)-1]
		if !slices.Contains(names, name) {
			names = append(names, name)
		}
	}
	return names
}

// checkPlaceholders reports a "${" that does not start a valid placeholder,
// such as "${}" or "${lower}".
func checkPlaceholders(path field.Path, value string) *field.Error {
	rest := placeholderPattern.ReplaceAllString(value, "")
	if strings.Contains(rest, "${") {
		return field.NewInvalid(path, value,
			"a placeholder is ${NAME} with NAME made of upper-case letters, digits and underscores, such as ${ORDERS_SYNC_USER}")
	}
	return nil
}

// checkUsername checks a Salesforce username, which has the form of an
// email address, or a value made of or containing ${NAME} placeholders.
func checkUsername(path field.Path, username string) field.List {
	const kind = "username"
	if username == "" {
		return field.List{field.NewRequired(path, "the client credentials flow runs as this user; give its username, "+
			"such as integration@example.com, or a placeholder such as ${ORDERS_SYNC_USER}")}
	}
	if err := checkPlaceholders(path, username); err != nil {
		return field.List{err}
	}
	if placeholderPattern.MatchString(username) && placeholderPattern.ReplaceAllString(username, "") == "" {
		return nil
	}
	if err := checkAddress(path, username, kind); err != nil {
		return field.List{err}
	}
	if utf8.RuneCountInString(username) > maxUsernameLength {
		return field.List{field.NewInvalid(path, username,
			fmt.Sprintf("a username has at most %d characters", maxUsernameLength))}
	}
	return nil
}

// checkAddress checks that value has the form local@domain, with
// placeholders counting as text.
func checkAddress(path field.Path, value, kind string) *field.Error {
	text := placeholderPattern.ReplaceAllString(value, "x")
	local, domain, found := strings.Cut(text, "@")
	_, valueDomain, _ := strings.Cut(value, "@")
	domainIsPlaceholder := placeholderPattern.MatchString(valueDomain)
	switch {
	case strings.ContainsFunc(text, isSpaceOrControl):
		return field.NewInvalid(path, value, fmt.Sprintf("a %s cannot contain spaces or control characters", kind))
	case !found || local == "" || domain == "" || strings.Contains(domain, "@"):
		return field.NewInvalid(path, value,
			fmt.Sprintf("a %s has the form name@domain, such as integration@example.com", kind))
	case domainIsPlaceholder:
		return nil
	case !strings.Contains(domain, ".") || strings.HasPrefix(domain, ".") || strings.HasSuffix(domain, "."):
		return field.NewInvalid(path, value,
			fmt.Sprintf("the domain of a %s has a dot between two names, such as example.com", kind))
	}
	return nil
}

func isSpaceOrControl(r rune) bool {
	return r <= ' ' || r == 0x7f || r == 0x85 || r == 0xa0 || r == 0x2028 || r == 0x2029
}

// checkText checks a required or optional one-line text such as a label.
func checkText(path field.Path, value string, required bool, example string) field.List {
	if value == "" {
		if required {
			return field.List{field.NewRequired(path, "give a value such as "+example)}
		}
		return nil
	}
	if !utf8.ValidString(value) {
		return field.List{field.NewInvalid(path, value, "the text is not valid UTF-8")}
	}
	if strings.ContainsAny(value, "\r\n") {
		return field.List{field.NewInvalid(path, value, "the text must fit on one line")}
	}
	return nil
}
