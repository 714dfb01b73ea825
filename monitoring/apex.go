package monitoring

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/sfharden/sfharden/field"
	"github.com/sfharden/sfharden/internal/mdxml"
)

// DefaultApexAPIVersion is the API version that generated Apex classes get
// when [LoginHoursPolicy.APIVersion] is empty.
const DefaultApexAPIVersion = "66.0"

// minApexAPIVersion is the oldest API version accepted. The Salesforce
// Security Implementation Guide ("Enhanced Transaction Security Apex
// Testing") asks for 47.0 or later in tests of transaction security
// policies, and the Summer '19 (46.0) Apex reference calls
// TxnSecurity.EventCondition a beta.
const minApexAPIVersion = 47

// maxPolicyNameLength is the length that Setup allows for the developer name
// of a transaction security policy.
const maxPolicyNameLength = 25

// LoginHoursPolicy is an Enhanced Transaction Security condition that fires
// when one integration user logs in outside its active hours. Condition
// Builder has no date or time condition, so the condition is an Apex class
// that implements TxnSecurity.EventCondition; [LoginHoursPolicy.Apex]
// generates it with its test class.
//
// The class returns true for a LoginEvent whose Username equals Username,
// ignoring case as Salesforce does, and whose EventDate, converted to
// TimeZone, falls outside ActiveHours. It also returns true for such a login
// when the org does not know TimeZone, because Apex would read the window
// in GMT, and the test class has a test that fails then. It returns false
// for anything else: a null event, another event type, another user, or a
// login without a username or date. A condition that fails or runs longer than three seconds
// blocks the login it evaluates, so the class runs no SOQL, SOSL or DML,
// checks every field it reads for null, and returns false from a catch-all
// in case something throws anyway.
type LoginHoursPolicy struct {
	// Name is the developer name of the transaction security policy: an
	// Apex identifier (a letter first, then letters, digits and single
	// underscores, not ending in an underscore) of at most 25 characters.
	// The condition class is Name+"Condition" and its test class
	// Name+"ConditionTest", so both stay within Apex's 40 characters.
	Name string
	// Username is the integration user's username, such as
	// "integration@example.com". A ${NAME} placeholder, alone or inside the
	// address, is kept verbatim for sf to fill in at deploy time from the
	// environment variable NAME (list it under "replacements" in
	// sfdx-project.json).
	Username string
	// ActiveHours is the daily window in which logins are expected, as
	// "HH:MM-HH:MM" on a 24-hour clock. The start is inclusive and the end
	// exclusive, so "01:00-05:00" allows 01:00 to 04:59. A window whose end
	// is before its start runs past midnight: "22:00-04:00" allows 22:00 to
	// 03:59. Start and end must differ. On the day the clocks go forward,
	// the local times that the change skips do not exist, so a window
	// inside them, such as 02:00-03:00 in Europe/Berlin on the last Sunday
	// of March, has no instants that day.
	ActiveHours string
	// TimeZone is the IANA time zone ID in which ActiveHours are read, such
	// as "Europe/Berlin" or "UTC".
	TimeZone string
	// APIVersion is the apiVersion of both classes, such as "66.0". Empty
	// means DefaultApexAPIVersion.
	APIVersion string
}

// ApexFile is one generated file.
type ApexFile struct {
	// Path is slash-separated and relative to a package directory such as
	// force-app/main/default, for example "classes/NightlySyncCondition.cls".
	Path    string
	Content []byte
}

// ApexFiles is the output of [LoginHoursPolicy.Apex]: the condition class,
// its meta XML, the test class and its meta XML, in that order.
type ApexFiles []ApexFile

// ConditionClassName returns the name of the class that implements the
// condition: Name followed by "Condition".
func (p LoginHoursPolicy) ConditionClassName() string {
	return p.Name + "Condition"
}

// TestClassName returns the name of the condition's test class: Name
// followed by "ConditionTest".
func (p LoginHoursPolicy) TestClassName() string {
	return p.Name + "ConditionTest"
}

// UsernameVariables returns the names of the environment variables in the
// ${NAME} placeholders of Username, in order of first appearance. Each needs
// an entry under "replacements" in sfdx-project.json, with stringToReplace
// "${NAME}" and replaceWithEnv NAME, so that sf fills it in at deploy time.
func (p LoginHoursPolicy) UsernameVariables() []string {
	var names []string
	for _, match := range usernamePlaceholderPattern.FindAllString(p.Username, -1) {
		name := strings.TrimSuffix(strings.TrimPrefix(match, "${"), "}")
		if !slices.Contains(names, name) {
			names = append(names, name)
		}
	}
	return names
}

// apexVersion returns APIVersion or, when it is empty, DefaultApexAPIVersion.
func (p LoginHoursPolicy) apexVersion() string {
	if p.APIVersion == "" {
		return DefaultApexAPIVersion
	}
	return p.APIVersion
}

var (
	apexIdentifierPattern = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_]*$`)
	apiVersionPattern     = regexp.MustCompile(`^([1-9][0-9]*)\.0$`)
)

// Validate checks every field and returns a [field.List] with an error for
// each field that cannot be turned into Apex, or nil when there is none.
// The paths are the field names: "name", "username", "activeHours",
// "timeZone" and "apiVersion".
func (p LoginHoursPolicy) Validate() error {
	var errs field.List

	if kind, detail := checkPolicyName(p.Name); kind != "" {
		errs = append(errs, fieldError(field.NewPath("name"), kind, p.Name, detail))
	}
	if kind, detail := checkUsername(p.Username); kind != "" {
		errs = append(errs, fieldError(field.NewPath("username"), kind, p.Username, detail))
	}

	if p.ActiveHours == "" {
		errs = append(errs, field.NewRequired(field.NewPath("activeHours"), `give the daily window in which logins are expected, such as "01:00-05:00"`))
	} else if _, detail := parseActiveHours(p.ActiveHours); detail != "" {
		errs = append(errs, field.NewInvalid(field.NewPath("activeHours"), p.ActiveHours, detail))
	}

	if p.TimeZone == "" {
		errs = append(errs, field.NewRequired(field.NewPath("timeZone"), `give the IANA time zone in which the active hours are read, such as "Europe/Berlin" or "UTC"`))
	} else if _, detail := loadTimeZone(p.TimeZone); detail != "" {
		errs = append(errs, fieldError(field.NewPath("timeZone"), field.NotSupported, p.TimeZone, detail))
	}

	if detail := checkAPIVersion(p.apexVersion()); detail != "" {
		errs = append(errs, field.NewInvalid(field.NewPath("apiVersion"), p.APIVersion, detail))
	}
	return errs.Err()
}

// fieldError returns a field error of any kind with a detail of its own.
// field.NewNotSupported would replace the detail with a list of allowed
// values, which a time zone or a username does not have.
func fieldError(path field.Path, kind field.Kind, value, detail string) *field.Error {
	if kind == field.Required {
		return field.NewRequired(path, detail)
	}
	return &field.Error{Path: path.String(), Kind: kind, Value: value, Detail: detail}
}

func checkPolicyName(name string) (field.Kind, string) {
	const rule = "a policy name starts with a letter and has only letters, digits and single underscores, not ending in one"

	switch {
	case name == "":
		return field.Required, "give the developer name of the policy, such as NightlySyncLoginHours"
	case len(name) > maxPolicyNameLength:
		return field.Invalid, fmt.Sprintf("has %d characters; Setup allows at most %d in a policy name", len(name), maxPolicyNameLength)
	case !apexIdentifierPattern.MatchString(name) || strings.Contains(name, "__") || strings.HasSuffix(name, "_"):
		return field.Invalid, rule
	}
	return "", ""
}

func checkAPIVersion(version string) string {
	match := apiVersionPattern.FindStringSubmatch(version)
	if match == nil {
		return `write the API version as "NN.0", such as "` + DefaultApexAPIVersion + `"`
	}
	if major, err := strconv.Atoi(match[1]); err != nil || major < minApexAPIVersion {
		return fmt.Sprintf("TxnSecurity.EventCondition needs API version %d.0 or later", minApexAPIVersion)
	}
	return ""
}

// Apex validates the policy and returns the condition class, its test class
// and their meta XML files. The error is the one [LoginHoursPolicy.Validate]
// returns.
func (p LoginHoursPolicy) Apex() (ApexFiles, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}

	source, err := p.newApexSource()
	if err != nil {
		return nil, err
	}
	class, err := source.render(conditionClassTemplate)
	if err != nil {
		return nil, err
	}
	test, err := source.render(conditionTestTemplate)
	if err != nil {
		return nil, err
	}

	meta, err := apexClassMetaXML(p.apexVersion())
	if err != nil {
		return nil, err
	}
	return ApexFiles{
		{Path: "classes/" + source.ClassName + ".cls", Content: class},
		{Path: "classes/" + source.ClassName + ".cls-meta.xml", Content: meta},
		{Path: "classes/" + source.TestClassName + ".cls", Content: test},
		{Path: "classes/" + source.TestClassName + ".cls-meta.xml", Content: meta},
	}, nil
}

// apexClassMetaXML returns the meta XML of an active Apex class in the
// retrieve format.
func apexClassMetaXML(apiVersion string) ([]byte, error) {
	meta, err := mdxml.Marshal(&ApexClass{APIVersion: apiVersion, Status: "Active"})
	if err != nil {
		return nil, fmt.Errorf("write Apex class meta XML: %w", err)
	}
	return meta, nil
}
