package monitoring

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// validLoginHoursPolicy returns a policy that passes Validate, for tests to
// break one field at a time.
func validLoginHoursPolicy() LoginHoursPolicy {
	return LoginHoursPolicy{
		Name:        "NightlySync",
		Username:    "integration@example.com",
		ActiveHours: "01:00-05:00",
		TimeZone:    "Europe/Berlin",
	}
}

// fieldKind is the part of an ApexValueError that tests compare.
type fieldKind struct {
	Field string
	Kind  ApexErrorKind
}

// fieldKinds returns the field and kind of each error in err, which must be
// nil or ApexValueErrors.
func fieldKinds(t *testing.T, err error) []fieldKind {
	t.Helper()
	if err == nil {
		return nil
	}
	var list ApexValueErrors
	if !errors.As(err, &list) {
		t.Fatalf("error %v is %T, not ApexValueErrors", err, err)
	}
	got := make([]fieldKind, len(list))
	for i, e := range list {
		got[i] = fieldKind{e.Field, e.Kind}
	}
	return got
}

func TestLoginHoursPolicyValidate(t *testing.T) {
	tests := []struct {
		name   string
		change func(p *LoginHoursPolicy)
		want   []fieldKind
	}{
		{name: "valid policy", change: func(p *LoginHoursPolicy) {}},

		// Name becomes part of two Apex class names.
		{name: "name empty", change: func(p *LoginHoursPolicy) { p.Name = "" },
			want: []fieldKind{{"name", ApexValueRequired}}},
		{name: "name starts with digit", change: func(p *LoginHoursPolicy) { p.Name = "1Sync" },
			want: []fieldKind{{"name", ApexValueInvalid}}},
		{name: "name with double underscore", change: func(p *LoginHoursPolicy) { p.Name = "Nightly__Sync" },
			want: []fieldKind{{"name", ApexValueInvalid}}},
		{name: "name ends in underscore", change: func(p *LoginHoursPolicy) { p.Name = "NightlySync_" },
			want: []fieldKind{{"name", ApexValueInvalid}}},
		{name: "name with space", change: func(p *LoginHoursPolicy) { p.Name = "Nightly Sync" },
			want: []fieldKind{{"name", ApexValueInvalid}}},
		{name: "name with brace breaks class", change: func(p *LoginHoursPolicy) { p.Name = "A{}class" },
			want: []fieldKind{{"name", ApexValueInvalid}}},
		{name: "name of 25 characters", change: func(p *LoginHoursPolicy) { p.Name = strings.Repeat("A", 25) }},
		{name: "name of 26 characters", change: func(p *LoginHoursPolicy) { p.Name = strings.Repeat("A", 26) },
			want: []fieldKind{{"name", ApexValueTooLong}}},

		// Username goes into an Apex string literal.
		{name: "username empty", change: func(p *LoginHoursPolicy) { p.Username = "" },
			want: []fieldKind{{"username", ApexValueRequired}}},
		{name: "username with apostrophe in local part", change: func(p *LoginHoursPolicy) { p.Username = "o'brien@example.com" }},
		{name: "username with quote ending the literal", change: func(p *LoginHoursPolicy) { p.Username = "a@example.com';System.debug('x" },
			want: []fieldKind{{"username", ApexValueInvalid}}},
		{name: "username with backslash", change: func(p *LoginHoursPolicy) { p.Username = `a\@example.com` },
			want: []fieldKind{{"username", ApexValueInvalid}}},
		{name: "username with newline", change: func(p *LoginHoursPolicy) { p.Username = "a@example.com\n}" },
			want: []fieldKind{{"username", ApexValueInvalid}}},
		{name: "username with carriage return", change: func(p *LoginHoursPolicy) { p.Username = "a@example.com\r" },
			want: []fieldKind{{"username", ApexValueInvalid}}},
		{name: "username with tab", change: func(p *LoginHoursPolicy) { p.Username = "a\t@example.com" },
			want: []fieldKind{{"username", ApexValueInvalid}}},
		{name: "username with line separator", change: func(p *LoginHoursPolicy) { p.Username = "a\u2028@example.com" },
			want: []fieldKind{{"username", ApexValueInvalid}}},
		{name: "username with double quote", change: func(p *LoginHoursPolicy) { p.Username = `"a"@example.com` },
			want: []fieldKind{{"username", ApexValueInvalid}}},
		{name: "username with space", change: func(p *LoginHoursPolicy) { p.Username = "a b@example.com" },
			want: []fieldKind{{"username", ApexValueInvalid}}},
		{name: "username with non-ASCII letter", change: func(p *LoginHoursPolicy) { p.Username = "jürgen@example.com" },
			want: []fieldKind{{"username", ApexValueInvalid}}},
		{name: "username with invalid UTF-8", change: func(p *LoginHoursPolicy) { p.Username = "a\xff@example.com" },
			want: []fieldKind{{"username", ApexValueInvalid}}},
		{name: "username without at sign", change: func(p *LoginHoursPolicy) { p.Username = "integration" },
			want: []fieldKind{{"username", ApexValueInvalid}}},
		{name: "username with two at signs", change: func(p *LoginHoursPolicy) { p.Username = "a@b@example.com" },
			want: []fieldKind{{"username", ApexValueInvalid}}},
		{name: "username of 80 characters", change: func(p *LoginHoursPolicy) { p.Username = strings.Repeat("a", 68) + "@example.com" }},
		{name: "username of 81 characters", change: func(p *LoginHoursPolicy) { p.Username = strings.Repeat("a", 69) + "@example.com" },
			want: []fieldKind{{"username", ApexValueTooLong}}},
		{name: "username placeholder", change: func(p *LoginHoursPolicy) { p.Username = "${SF_INTEGRATION_USER}" }},
		{name: "username placeholder as domain", change: func(p *LoginHoursPolicy) { p.Username = "integration@${SF_DOMAIN}" }},
		{name: "username placeholder with newline", change: func(p *LoginHoursPolicy) { p.Username = "${SF_USER}\n" },
			want: []fieldKind{{"username", ApexValueInvalid}}},

		// ActiveHours becomes two integer constants.
		{name: "hours empty", change: func(p *LoginHoursPolicy) { p.ActiveHours = "" },
			want: []fieldKind{{"activeHours", ApexValueRequired}}},
		{name: "hours wrap past midnight", change: func(p *LoginHoursPolicy) { p.ActiveHours = "22:00-04:00" }},
		{name: "hours end at midnight", change: func(p *LoginHoursPolicy) { p.ActiveHours = "18:00-00:00" }},
		{name: "hours with hour 25", change: func(p *LoginHoursPolicy) { p.ActiveHours = "25:00-03:00" },
			want: []fieldKind{{"activeHours", ApexValueInvalid}}},
		{name: "hours with hour 24", change: func(p *LoginHoursPolicy) { p.ActiveHours = "20:00-24:00" },
			want: []fieldKind{{"activeHours", ApexValueInvalid}}},
		{name: "hours with minute 60", change: func(p *LoginHoursPolicy) { p.ActiveHours = "01:60-05:00" },
			want: []fieldKind{{"activeHours", ApexValueInvalid}}},
		{name: "hours with equal start and end", change: func(p *LoginHoursPolicy) { p.ActiveHours = "03:00-03:00" },
			want: []fieldKind{{"activeHours", ApexValueInvalid}}},
		{name: "hours with single digits", change: func(p *LoginHoursPolicy) { p.ActiveHours = "1:00-5:00" },
			want: []fieldKind{{"activeHours", ApexValueInvalid}}},
		{name: "hours with spaces", change: func(p *LoginHoursPolicy) { p.ActiveHours = "01:00 - 05:00" },
			want: []fieldKind{{"activeHours", ApexValueInvalid}}},
		{name: "hours with en dash", change: func(p *LoginHoursPolicy) { p.ActiveHours = "01:00–05:00" },
			want: []fieldKind{{"activeHours", ApexValueInvalid}}},
		{name: "hours with two windows", change: func(p *LoginHoursPolicy) { p.ActiveHours = "01:00-05:00,22:00-23:00" },
			want: []fieldKind{{"activeHours", ApexValueInvalid}}},

		// TimeZone goes into an Apex string literal; timezone_test.go has
		// more IDs.
		{name: "time zone empty", change: func(p *LoginHoursPolicy) { p.TimeZone = "" },
			want: []fieldKind{{"timeZone", ApexValueRequired}}},
		{name: "time zone unknown", change: func(p *LoginHoursPolicy) { p.TimeZone = "Mars/Olympus_Mons" },
			want: []fieldKind{{"timeZone", ApexValueNotSupported}}},
		{name: "time zone with quote", change: func(p *LoginHoursPolicy) { p.TimeZone = "Europe/Berlin');" },
			want: []fieldKind{{"timeZone", ApexValueNotSupported}}},
		{name: "time zone with backslash", change: func(p *LoginHoursPolicy) { p.TimeZone = `Europe\Berlin` },
			want: []fieldKind{{"timeZone", ApexValueNotSupported}}},
		{name: "time zone with newline", change: func(p *LoginHoursPolicy) { p.TimeZone = "Europe/Berlin\n" },
			want: []fieldKind{{"timeZone", ApexValueNotSupported}}},

		// APIVersion goes into the meta XML.
		{name: "api version given", change: func(p *LoginHoursPolicy) { p.APIVersion = "60.0" }},
		{name: "api version without minor", change: func(p *LoginHoursPolicy) { p.APIVersion = "66" },
			want: []fieldKind{{"apiVersion", ApexValueInvalid}}},
		{name: "api version with markup", change: func(p *LoginHoursPolicy) { p.APIVersion = "66.0</apiVersion>" },
			want: []fieldKind{{"apiVersion", ApexValueInvalid}}},
		{name: "api version before EventCondition", change: func(p *LoginHoursPolicy) { p.APIVersion = "46.0" },
			want: []fieldKind{{"apiVersion", ApexValueInvalid}}},

		{name: "every field wrong", change: func(p *LoginHoursPolicy) {
			*p = LoginHoursPolicy{Name: "_", Username: "x", ActiveHours: "x", TimeZone: "x", APIVersion: "x"}
		}, want: []fieldKind{
			{"name", ApexValueInvalid},
			{"username", ApexValueInvalid},
			{"activeHours", ApexValueInvalid},
			{"timeZone", ApexValueNotSupported},
			{"apiVersion", ApexValueInvalid},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			policy := validLoginHoursPolicy()
			tc.change(&policy)

			err := policy.Validate()
			if diff := cmp.Diff(tc.want, fieldKinds(t, err)); diff != "" {
				t.Errorf("Validate() errors mismatch (-want +got):\n%s\nerror: %v", diff, err)
			}

			files, apexErr := policy.Apex()
			if (apexErr == nil) != (err == nil) {
				t.Errorf("Apex() error %v, but Validate() error %v", apexErr, err)
			}
			if apexErr != nil && files != nil {
				t.Errorf("Apex() returned %d files with an error", len(files))
			}
		})
	}
}

func TestLoginHoursPolicyValidateMessage(t *testing.T) {
	tests := []struct {
		name   string
		change func(p *LoginHoursPolicy)
		want   string
	}{
		{
			name:   "quote in username",
			change: func(p *LoginHoursPolicy) { p.Username = "a@example.com'" },
			want:   `username: invalid value "a@example.com'": is not in the form of an email address`,
		},
		{
			name:   "backslash in username",
			change: func(p *LoginHoursPolicy) { p.Username = `a\b@example.com` },
			want:   `username: invalid value "a\\b@example.com": contains '\\', which a Salesforce username cannot contain`,
		},
		{
			name:   "newline in username",
			change: func(p *LoginHoursPolicy) { p.Username = "a@example.com\n" },
			want:   `username: invalid value "a@example.com\n": contains a line break`,
		},
		{
			name:   "unknown time zone",
			change: func(p *LoginHoursPolicy) { p.TimeZone = "Europe/Atlantis" },
			want:   `timeZone: unsupported value "Europe/Atlantis": is not in the IANA time zone database; use an IANA time zone ID`,
		},
		{
			name:   "hour out of range",
			change: func(p *LoginHoursPolicy) { p.ActiveHours = "25:00-03:00" },
			want:   `activeHours: invalid value "25:00-03:00": 25:00 is not a time of day`,
		},
		{
			name:   "equal start and end",
			change: func(p *LoginHoursPolicy) { p.ActiveHours = "03:00-03:00" },
			want:   `activeHours: invalid value "03:00-03:00": start and end are equal`,
		},
		{
			name:   "missing username",
			change: func(p *LoginHoursPolicy) { p.Username = "" },
			want:   `username: required value: the policy watches the logins of one user`,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			policy := validLoginHoursPolicy()
			tc.change(&policy)

			err := policy.Validate()
			if err == nil {
				t.Fatal("Validate() returned nil")
			}
			if !strings.HasPrefix(err.Error(), tc.want) {
				t.Errorf("Validate() error\n got: %s\nwant prefix: %s", err, tc.want)
			}
		})
	}
}

func TestApexValueErrorsAs(t *testing.T) {
	policy := validLoginHoursPolicy()
	policy.TimeZone = "+02:00"

	var fieldErr *ApexValueError
	if !errors.As(policy.Validate(), &fieldErr) {
		t.Fatal("errors.As found no *ApexValueError")
	}
	if fieldErr.Field != "timeZone" || fieldErr.Value != "+02:00" {
		t.Errorf("got field %q value %q, want timeZone and +02:00", fieldErr.Field, fieldErr.Value)
	}
}

func TestApexStringLiteral(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    string
		wantErr bool
	}{
		{name: "plain", in: "integration@example.com", want: `'integration@example.com'`},
		{name: "empty", in: "", want: `''`},
		{name: "single quote escaped", in: "o'brien", want: `'o\'brien'`},
		{name: "backslash escaped", in: `a\b`, want: `'a\\b'`},
		{name: "backslash before quote", in: `\'`, want: `'\\\''`},
		{name: "placeholder verbatim", in: "${SF_USER}", want: `'${SF_USER}'`},
		{name: "non-ASCII kept", in: "Zürich", want: `'Zürich'`},
		{name: "newline rejected", in: "a\nb", wantErr: true},
		{name: "carriage return rejected", in: "a\rb", wantErr: true},
		{name: "NUL rejected", in: "a\x00b", wantErr: true},
		{name: "DEL rejected", in: "a\x7fb", wantErr: true},
		{name: "next line rejected", in: "a\u0085b", wantErr: true},
		{name: "paragraph separator rejected", in: "a\u2029b", wantErr: true},
		{name: "invalid UTF-8 rejected", in: "a\xc3", wantErr: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := apexStringLiteral(tc.in)
			if tc.wantErr {
				if err == nil {
					t.Errorf("apexStringLiteral(%q) = %s, want an error", tc.in, got)
				}
				return
			}
			if err != nil {
				t.Fatalf("apexStringLiteral(%q) error: %v", tc.in, err)
			}
			if got != tc.want {
				t.Errorf("apexStringLiteral(%q) = %s, want %s", tc.in, got, tc.want)
			}
		})
	}
}

func TestLoginHoursPolicyApexEscapesUsername(t *testing.T) {
	policy := validLoginHoursPolicy()
	policy.Username = "o'brien@example.com"

	files, err := policy.Apex()
	if err != nil {
		t.Fatalf("Apex() error: %v", err)
	}
	const want = `private static final String USERNAME = 'o\'brien@example.com';`
	if !strings.Contains(string(files[0].Content), want) {
		t.Errorf("condition class does not contain %s:\n%s", want, files[0].Content)
	}
}
