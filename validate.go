package sfharden

import (
	"crypto/sha256"
	"fmt"
	"net/mail"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // time zone checks must not depend on the machine
	"unicode"
	"unicode/utf8"

	"github.com/sfharden/sfharden/field"
)

// Allowed values of the spec's enumerations.
var (
	licenses               = []string{"SalesforceIntegration", "Salesforce"}
	appTypes               = []string{"externalClientApp", "connectedApp"}
	appFlows               = []string{"clientCredentials", "jwtBearer"}
	objectLevels           = []string{"read", "create", "edit", "delete", "viewAll", "modifyAll"}
	fieldLevels            = []string{"read", "edit"}
	sessionTimeoutsMinutes = []int{15, 30, 60, 120, 240, 480, 720, 1440}
)

// Limits on names. Component names are Salesforce developer names (at most
// 80 characters); the External Client App's child components add up to 11
// characters ("_oauthPlcy", "_glbloauth") and the profile session setting
// 23, so integration names stay within 40.
const (
	maxNameLength        = 40
	maxLabelLength       = 80
	maxDescriptionLength = 255
	minAPIVersion        = 60
	maxAPIVersion        = 66
	maxRotationDays      = 365
)

var (
	developerName = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9]*(_[A-Za-z0-9]+)*$`)
	placeholder   = regexp.MustCompile(`\$\{([^}]*)\}`)
	envName       = regexp.MustCompile(`^[A-Z_][A-Z0-9_]*$`)
)

// defaults returns the integration with every empty optional value set to
// its default.
func (in Integration) defaults() Integration {
	if in.Label == "" {
		in.Label = strings.ReplaceAll(in.Name, "_", " ")
	}
	if in.License == "" {
		in.License = "SalesforceIntegration"
	}
	if in.App.Type == "" {
		in.App.Type = "externalClientApp"
	}
	if in.App.Flow == "" {
		in.App.Flow = "clientCredentials"
	}
	if len(in.App.Scopes) == 0 {
		in.App.Scopes = []string{"api"}
	}
	if in.SessionTimeoutMinutes == 0 {
		in.SessionTimeoutMinutes = 15
	}
	if in.SecretRotationDays == 0 {
		in.SecretRotationDays = 90
	}
	if in.User.Email == "" {
		in.User.Email = in.ContactEmail
	}
	if in.User.LastName == "" {
		in.User.LastName = in.Label
	}
	if in.User.TimeZone == "" {
		in.User.TimeZone = "America/Los_Angeles"
	}
	if in.User.Locale == "" {
		in.User.Locale = "en_US"
	}
	if in.User.Language == "" {
		in.User.Language = "en_US"
	}
	if in.User.Alias == "" {
		alias := strings.ToLower(strings.ReplaceAll(in.Name, "_", ""))
		in.User.Alias = alias[:min(len(alias), 8)]
	}
	return in
}

// validateSpec checks what the spec says on its own, before any metadata
// is built: required keys, allowed values, names, addresses of people, and
// the rules across integrations.
func (s *Spec) validateSpec() field.List {
	var errs field.List
	if s.APIVersion != "" {
		errs = append(errs, validateAPIVersion(field.NewPath("apiVersion"), s.APIVersion)...)
	}
	root := field.NewPath("integrations")
	if len(s.Integrations) == 0 {
		errs = append(errs, field.NewRequired(root, "list at least one integration"))
	}
	for i, in := range s.Integrations {
		p := root.Index(i)
		for _, key := range []string{"sessionTimeoutMinutes", "secretRotationDays"} {
			if s.hasKey(p.Child(key)) && ((key == "sessionTimeoutMinutes" && in.SessionTimeoutMinutes == 0) || (key == "secretRotationDays" && in.SecretRotationDays == 0)) {
				errs = append(errs, field.NewInvalid(p.Child(key), 0, "0 is not allowed; leave the key out for the default"))
			}
		}
		errs = append(errs, s.validateIntegration(p, in.defaults())...)
	}
	errs = append(errs, s.validateAcross()...)
	errs = append(errs, s.checkNotifyNotIntegrationUsers()...)
	return errs
}

func validateAPIVersion(p field.Path, v string) field.List {
	major, ok := strings.CutSuffix(v, ".0")
	n, err := strconv.Atoi(major)
	if !ok || err != nil {
		return field.List{field.NewInvalid(p, v, `write the version as "66.0"`)}
	}
	if n < minAPIVersion || n > maxAPIVersion {
		return field.List{field.NewInvalid(p, v, fmt.Sprintf("sfharden writes API versions %d.0 to %d.0: client credentials apps need %d.0 and the schema it checks against is %d.0", minAPIVersion, maxAPIVersion, minAPIVersion, maxAPIVersion))}
	}
	return nil
}

func (s *Spec) validateIntegration(p field.Path, in Integration) field.List {
	var errs field.List
	errs = append(errs, validateName(p.Child("name"), in.Name)...)
	for _, t := range []struct {
		key, value string
		max        int
	}{
		{"label", in.Label, maxLabelLength},
		{"description", in.Description, maxDescriptionLength},
		{"user.lastName", in.User.LastName, 80},
		{"user.firstName", in.User.FirstName, 40},
	} {
		errs = append(errs, validateText(pathOf(p, t.key), t.value, t.max)...)
	}
	errs = append(errs, validateUserSettings(p.Child("user"), in.User)...)
	errs = append(errs, validateEmail(p.Child("contactEmail"), in.ContactEmail, true)...)

	user := p.Child("user")
	errs = append(errs, validateUsername(user.Child("username"), in.User.Username, true)...)
	errs = append(errs, validateEmail(user.Child("email"), in.User.Email, false)...)
	if len(in.User.Alias) > 8 {
		errs = append(errs, field.NewInvalid(user.Child("alias"), in.User.Alias, "an alias has at most 8 characters"))
	}

	if !slices.Contains(licenses, in.License) {
		errs = append(errs, field.NewNotSupported(p.Child("license"), in.License, licenses))
	}
	if len(in.Network.Allow) == 0 {
		errs = append(errs, field.NewRequired(p.Child("network").Child("allow"),
			"list the partner's outbound addresses (CIDR blocks, addresses or start-end ranges); an integration user without login IP ranges can log in from anywhere"))
	}
	errs = append(errs, validateAccess(p.Child("access"), in.Access)...)

	app := p.Child("app")
	if !slices.Contains(appTypes, in.App.Type) {
		errs = append(errs, field.NewNotSupported(app.Child("type"), in.App.Type, appTypes))
	}
	switch {
	case in.App.Flow == "usernamePassword" || in.App.Flow == "password":
		errs = append(errs, field.NewForbidden(app.Child("flow"), in.App.Flow,
			"the username-password flow puts a long-lived password in the partner's system; use clientCredentials or jwtBearer"))
	case !slices.Contains(appFlows, in.App.Flow):
		errs = append(errs, field.NewNotSupported(app.Child("flow"), in.App.Flow, appFlows))
	case in.App.Flow == "jwtBearer" && in.App.Certificate == "":
		errs = append(errs, field.NewRequired(app.Child("certificate"), "the jwtBearer flow needs the partner's X.509 certificate (PEM file, relative to the spec)"))
	case in.App.Flow == "clientCredentials" && in.App.Certificate != "":
		errs = append(errs, field.NewInvalid(app.Child("certificate"), in.App.Certificate, "a certificate is used only by the jwtBearer flow; remove it or set flow: jwtBearer"))
	}

	errs = append(errs, validateSpecPath(app.Child("certificate"), in.App.Certificate)...)
	errs = append(errs, validateSpecPath(p.Child("access").Child("fieldFacts"), in.Access.FieldFacts)...)

	if !slices.Contains(sessionTimeoutsMinutes, in.SessionTimeoutMinutes) {
		allowed := make([]string, len(sessionTimeoutsMinutes))
		for i, m := range sessionTimeoutsMinutes {
			allowed[i] = strconv.Itoa(m)
		}
		errs = append(errs, field.NewNotSupported(p.Child("sessionTimeoutMinutes"), in.SessionTimeoutMinutes, allowed))
	}
	if in.SecretRotationDays < 1 || in.SecretRotationDays > maxRotationDays {
		errs = append(errs, field.NewInvalid(p.Child("secretRotationDays"), in.SecretRotationDays, fmt.Sprintf("rotate the secret at least once a year: give 1 to %d days", maxRotationDays)))
	}
	if in.Monitoring == nil && s.hasKey(p.Child("monitoring")) {
		errs = append(errs, field.NewRequired(p.Child("monitoring"), "the monitoring section is empty; set maxRowsPerQuery, activeHours or both, or remove the key"))
	}
	if in.Monitoring != nil {
		for i, u := range in.Monitoring.Notify {
			errs = append(errs, validateUsername(p.Child("monitoring").Child("notify").Index(i), u, true)...)
		}
	}
	for i, w := range in.Waivers {
		wp := p.Child("waivers").Index(i)
		if w.Permission == "" {
			errs = append(errs, field.NewRequired(wp.Child("permission"), "name the permission or scope the waiver allows"))
		}
		if strings.TrimSpace(w.Reason) == "" {
			errs = append(errs, field.NewRequired(wp.Child("reason"), "say why the integration needs it; the reason is written into the permission set's description"))
		}
	}
	return errs
}

// pathOf returns the path of a dotted key below p.
func pathOf(p field.Path, key string) field.Path {
	for _, part := range strings.Split(key, ".") {
		p = p.Child(part)
	}
	return p
}

// validateText checks a text value that goes into metadata and Apex: no
// control characters other than tab and line feed, nothing XML 1.0 cannot
// hold, and at most max characters.
func validateText(p field.Path, value string, max int) field.List {
	if !utf8.ValidString(value) {
		return field.List{field.NewInvalid(p, value, "the text is not valid UTF-8")}
	}
	for _, r := range value {
		if (unicode.IsControl(r) && r != '\t' && r != '\n') || r == 0xFFFE || r == 0xFFFF || (r >= 0xD800 && r <= 0xDFFF) {
			return field.List{field.NewInvalid(p, value, fmt.Sprintf("the text contains the character %U, which metadata files cannot hold; remove it", r))}
		}
	}
	if n := utf8.RuneCountInString(value); n > max {
		return field.List{field.NewInvalid(p, value, fmt.Sprintf("%d characters is too long; Salesforce allows at most %d", n, max))}
	}
	return nil
}

// languages are the LanguageLocaleKey values of Salesforce's fully
// supported languages, from the User object reference.
var languages = []string{"da", "de", "en_US", "es", "es_MX", "fi", "fr", "it", "ja", "ko", "nl_NL", "no", "pt_BR", "ru", "sv", "th", "zh_CN", "zh_TW"}

var localeKey = regexp.MustCompile(`^[a-z]{2,3}(_[A-Z]{2})?(_[A-Za-z0-9]+)?$`)

// validateUserSettings checks the User fields that the user script sets
// and that Salesforce validates on insert.
func validateUserSettings(p field.Path, u User) field.List {
	var errs field.List
	if _, err := time.LoadLocation(u.TimeZone); err != nil || u.TimeZone == "Local" || !strings.Contains(u.TimeZone, "/") && u.TimeZone != "GMT" && u.TimeZone != "UTC" {
		errs = append(errs, field.NewInvalid(p.Child("timeZone"), u.TimeZone, "give an IANA time zone that Salesforce lists as a TimeZoneSidKey, such as America/Los_Angeles or Europe/Berlin"))
	}
	if !localeKey.MatchString(u.Locale) {
		errs = append(errs, field.NewInvalid(p.Child("locale"), u.Locale, "give a Salesforce LocaleSidKey such as en_US or de_DE"))
	}
	if !slices.Contains(languages, u.Language) {
		errs = append(errs, field.NewNotSupported(p.Child("language"), u.Language, languages))
	}
	return errs
}

// validateSpecPath checks a file path in the spec: it must stay inside the
// spec's folder, so a spec from an untrusted change cannot make sfharden
// read, and quote in its errors, any file of the machine.
func validateSpecPath(p field.Path, value string) field.List {
	if value == "" {
		return nil
	}
	clean := filepath.Clean(filepath.FromSlash(value))
	if filepath.IsAbs(clean) || clean == ".." || strings.HasPrefix(clean, ".."+string(filepath.Separator)) || filepath.VolumeName(clean) != "" {
		return field.List{field.NewForbidden(p, value, "give a path relative to the spec file's folder that stays inside it")}
	}
	return nil
}

func validateName(p field.Path, name string) field.List {
	switch {
	case name == "":
		return field.List{field.NewRequired(p, "give the API name of the integration's components, such as Snowflake_ETL")}
	case len(name) > maxNameLength:
		return field.List{field.NewInvalid(p, name, fmt.Sprintf("a name has at most %d characters", maxNameLength))}
	case !developerName.MatchString(name):
		return field.List{field.NewInvalid(p, name, "Salesforce API names use letters, digits and single underscores, start with a letter and do not end with an underscore")}
	}
	return nil
}

func validateEmail(p field.Path, value string, required bool) field.List {
	if value == "" {
		if required {
			return field.List{field.NewRequired(p, "give an e-mail address that Salesforce can reach about this integration")}
		}
		return nil
	}
	addr, err := mail.ParseAddress(value)
	if err != nil || addr.Address != value {
		return field.List{field.NewInvalid(p, value, "give a plain e-mail address such as data-platform@example.com")}
	}
	return nil
}

// validateUsername accepts a username in e-mail form or a single ${NAME}
// placeholder whose name is an environment variable name.
func validateUsername(p field.Path, value string, required bool) field.List {
	if value == "" {
		if required {
			return field.List{field.NewRequired(p, "give the integration user's username, or a ${ENV_VAR} placeholder filled in at deploy time")}
		}
		return nil
	}
	if strings.Contains(value, "$") {
		m := placeholder.FindStringSubmatch(value)
		switch {
		case m == nil || m[0] != value:
			return field.List{field.NewInvalid(p, value, "a placeholder is the whole value, as ${SNOWFLAKE_ETL_USERNAME}")}
		case m[1] == "":
			return field.List{field.NewInvalid(p, value, "the placeholder has no name; write ${SNOWFLAKE_ETL_USERNAME}")}
		case !envName.MatchString(m[1]):
			return field.List{field.NewInvalid(p, value, "a placeholder names an environment variable: upper-case letters, digits and underscores, as ${SNOWFLAKE_ETL_USERNAME}")}
		}
		return nil
	}
	if len(value) > 80 {
		return field.List{field.NewInvalid(p, value, "a Salesforce username has at most 80 characters")}
	}
	addr, err := mail.ParseAddress(value)
	if err != nil || addr.Address != value {
		return field.List{field.NewInvalid(p, value, "a Salesforce username has the form of an e-mail address, such as etl@example.com.prod")}
	}
	return nil
}

func validateAccess(p field.Path, a Access) field.List {
	var errs field.List
	errs = append(errs, caseDuplicates(p.Child("objects"), sortedKeys(a.Objects))...)
	errs = append(errs, caseDuplicates(p.Child("fields"), sortedKeys(a.Fields))...)
	for _, object := range sortedKeys(a.Objects) {
		op := p.Child("objects").Key(object)
		if len(a.Objects[object]) == 0 {
			errs = append(errs, field.NewRequired(op, "give an access level: "+strings.Join(objectLevels, ", ")))
		}
		for i, level := range a.Objects[object] {
			if !slices.Contains(objectLevels, level) {
				errs = append(errs, field.NewNotSupported(op.Index(i), level, objectLevels))
			}
		}
	}
	for _, f := range sortedKeys(a.Fields) {
		fp := p.Child("fields").Key(f)
		object, name, ok := strings.Cut(f, ".")
		if !ok || object == "" || name == "" || strings.Contains(name, ".") {
			errs = append(errs, field.NewInvalid(fp, f, "name a field as Object.Field, such as Account.Industry"))
		}
		if !slices.Contains(fieldLevels, a.Fields[f]) {
			errs = append(errs, field.NewNotSupported(fp, a.Fields[f], fieldLevels))
		}
	}
	return errs
}

// caseDuplicates reports keys that differ only in letter case: Salesforce
// API names ignore case, so they name the same object or field twice.
func caseDuplicates(p field.Path, keys []string) field.List {
	var errs field.List
	seen := map[string]string{}
	for _, k := range keys {
		lower := strings.ToLower(k)
		if first, ok := seen[lower]; ok {
			errs = append(errs, field.NewDuplicate(p.Key(k), k, fmt.Sprintf("Salesforce API names ignore case, so %s and %s are the same; list it once", first, k)))
			continue
		}
		seen[lower] = k
	}
	return errs
}

// validateAcross checks the rules between integrations: names and
// usernames unique, and no two integrations sharing a certificate.
func (s *Spec) validateAcross() field.List {
	var errs field.List
	root := field.NewPath("integrations")
	names := map[string]int{}
	users := map[string]int{}
	certs := map[[32]byte]int{}
	for i, raw := range s.Integrations {
		in := raw.defaults()
		p := root.Index(i)
		if in.Name != "" {
			key := strings.ToLower(in.Name)
			if j, ok := names[key]; ok {
				errs = append(errs, field.NewDuplicate(p.Child("name"), in.Name, fmt.Sprintf("integrations %s and %s have the same name; each integration needs its own components", s.Integrations[j].Name, in.Name)))
			} else {
				names[key] = i
			}
		}
		if in.User.Username != "" {
			key := strings.ToLower(in.User.Username)
			if j, ok := users[key]; ok {
				errs = append(errs, field.NewDuplicate(p.Child("user").Child("username"), in.User.Username, fmt.Sprintf("integrations %s and %s share a user; one user per integration keeps a stolen credential to one system's access", s.Integrations[j].Name, in.Name)))
			} else {
				users[key] = i
			}
		}
		if in.App.Certificate != "" {
			data, err := os.ReadFile(s.resolve(in.App.Certificate))
			if err != nil {
				continue // reported when the app is built
			}
			sum := sha256.Sum256(data)
			if j, ok := certs[sum]; ok {
				errs = append(errs, field.NewDuplicate(p.Child("app").Child("certificate"), in.App.Certificate, fmt.Sprintf("integrations %s and %s use the same certificate; whoever holds its key could act as either", s.Integrations[j].Name, in.Name)))
			} else {
				certs[sum] = i
			}
		}
	}
	return errs
}

// hasKey reports whether the spec file has a value at path, even an empty
// one.
func (s *Spec) hasKey(p field.Path) bool {
	_, ok := s.positions[p.String()]
	return ok
}

// checkNotifyNotIntegrationUsers reports a monitoring recipient that is the
// user of any integration in the spec. Salesforce sends policy alerts only
// to users with Modify All Data and View Setup, which no integration user
// has, so such an alert would be dropped without a word.
func (s *Spec) checkNotifyNotIntegrationUsers() field.List {
	owners := map[string]string{}
	for _, in := range s.Integrations {
		if in.User.Username != "" {
			owners[strings.ToLower(in.User.Username)] = in.Name
		}
	}
	var errs field.List
	for i, in := range s.Integrations {
		if in.Monitoring == nil {
			continue
		}
		for j, u := range in.Monitoring.Notify {
			owner, ok := owners[strings.ToLower(u)]
			if !ok {
				continue
			}
			p := field.NewPath("integrations").Index(i).Child("monitoring").Child("notify").Index(j)
			errs = append(errs, field.NewForbidden(p, u, fmt.Sprintf("%s is the user of integration %s; alerts go only to admins with Modify All Data and View Setup, so notify an admin", u, owner)))
		}
	}
	return errs
}

// resolve returns a path from the spec relative to the spec's folder.
func (s *Spec) resolve(path string) string {
	if filepath.IsAbs(path) {
		return path
	}
	return filepath.Join(s.dir(), path)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
