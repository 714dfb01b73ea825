package monitoring

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sfharden/sfharden/field"
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

// fieldKind is the part of a field.Error that tests compare.
type fieldKind struct {
	Path string
	Kind field.Kind
}

// fieldKinds returns the path and kind of each error in err, which must be
// nil or a field.List.
func fieldKinds(t *testing.T, err error) []fieldKind {
	t.Helper()
	if err == nil {
		return nil
	}
	var list field.List
	if !errors.As(err, &list) {
		t.Fatalf("error %v is %T, not field.List", err, err)
	}
	got := make([]fieldKind, len(list))
	for i, e := range list {
		got[i] = fieldKind{e.Path, e.Kind}
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
			want: []fieldKind{{"name", field.Required}}},
		{name: "name starts with digit", change: func(p *LoginHoursPolicy) { p.Name = "1Sync" },
			want: []fieldKind{{"name", field.Invalid}}},
		{name: "name with double underscore", change: func(p *LoginHoursPolicy) { p.Name = "Nightly__Sync" },
			want: []fieldKind{{"name", field.Invalid}}},
		{name: "name ends in underscore", change: func(p *LoginHoursPolicy) { p.Name = "NightlySync_" },
			want: []fieldKind{{"name", field.Invalid}}},
		{name: "name with space", change: func(p *LoginHoursPolicy) { p.Name = "Nightly Sync" },
			want: []fieldKind{{"name", field.Invalid}}},
		{name: "name with brace breaks class", change: func(p *LoginHoursPolicy) { p.Name = "A{}class" },
			want: []fieldKind{{"name", field.Invalid}}},
		{name: "name of 25 characters", change: func(p *LoginHoursPolicy) { p.Name = strings.Repeat("A", 25) }},
		{name: "name of 26 characters", change: func(p *LoginHoursPolicy) { p.Name = strings.Repeat("A", 26) },
			want: []fieldKind{{"name", field.Invalid}}},

		// Username goes into an Apex string literal.
		{name: "username empty", change: func(p *LoginHoursPolicy) { p.Username = "" },
			want: []fieldKind{{"username", field.Required}}},
		{name: "username with apostrophe in local part", change: func(p *LoginHoursPolicy) { p.Username = "o'brien@example.com" }},
		{name: "username with quote ending the literal", change: func(p *LoginHoursPolicy) { p.Username = "a@example.com';System.debug('x" },
			want: []fieldKind{{"username", field.Invalid}}},
		{name: "username with backslash", change: func(p *LoginHoursPolicy) { p.Username = `a\@example.com` },
			want: []fieldKind{{"username", field.Invalid}}},
		{name: "username with newline", change: func(p *LoginHoursPolicy) { p.Username = "a@example.com\n}" },
			want: []fieldKind{{"username", field.Invalid}}},
		{name: "username with carriage return", change: func(p *LoginHoursPolicy) { p.Username = "a@example.com\r" },
			want: []fieldKind{{"username", field.Invalid}}},
		{name: "username with tab", change: func(p *LoginHoursPolicy) { p.Username = "a\t@example.com" },
			want: []fieldKind{{"username", field.Invalid}}},
		{name: "username with line separator", change: func(p *LoginHoursPolicy) { p.Username = "a\u2028@example.com" },
			want: []fieldKind{{"username", field.Invalid}}},
		{name: "username with double quote", change: func(p *LoginHoursPolicy) { p.Username = `"a"@example.com` },
			want: []fieldKind{{"username", field.Invalid}}},
		{name: "username with space", change: func(p *LoginHoursPolicy) { p.Username = "a b@example.com" },
			want: []fieldKind{{"username", field.Invalid}}},
		{name: "username with non-ASCII letter", change: func(p *LoginHoursPolicy) { p.Username = "jürgen@example.com" },
			want: []fieldKind{{"username", field.Invalid}}},
		{name: "username with invalid UTF-8", change: func(p *LoginHoursPolicy) { p.Username = "a\xff@example.com" },
			want: []fieldKind{{"username", field.Invalid}}},
		{name: "username without at sign", change: func(p *LoginHoursPolicy) { p.Username = "integration" },
			want: []fieldKind{{"username", field.Invalid}}},
		{name: "username with two at signs", change: func(p *LoginHoursPolicy) { p.Username = "a@b@example.com" },
			want: []fieldKind{{"username", field.Invalid}}},
		{name: "username of 80 characters", change: func(p *LoginHoursPolicy) { p.Username = strings.Repeat("a", 68) + "@example.com" }},
		{name: "username of 81 characters", change: func(p *LoginHoursPolicy) { p.Username = strings.Repeat("a", 69) + "@example.com" },
			want: []fieldKind{{"username", field.Invalid}}},
		{name: "username placeholder", change: func(p *LoginHoursPolicy) { p.Username = "${SF_INTEGRATION_USER}" }},
		{name: "username placeholder as domain", change: func(p *LoginHoursPolicy) { p.Username = "integration@${SF_DOMAIN}" }},
		{name: "username placeholder with newline", change: func(p *LoginHoursPolicy) { p.Username = "${SF_USER}\n" },
			want: []fieldKind{{"username", field.Invalid}}},

		// ActiveHours becomes two integer constants.
		{name: "hours empty", change: func(p *LoginHoursPolicy) { p.ActiveHours = "" },
			want: []fieldKind{{"activeHours", field.Required}}},
		{name: "hours wrap past midnight", change: func(p *LoginHoursPolicy) { p.ActiveHours = "22:00-04:00" }},
		{name: "hours end at midnight", change: func(p *LoginHoursPolicy) { p.ActiveHours = "18:00-00:00" }},
		{name: "hours with hour 25", change: func(p *LoginHoursPolicy) { p.ActiveHours = "25:00-03:00" },
			want: []fieldKind{{"activeHours", field.Invalid}}},
		{name: "hours with hour 24", change: func(p *LoginHoursPolicy) { p.ActiveHours = "20:00-24:00" },
			want: []fieldKind{{"activeHours", field.Invalid}}},
		{name: "hours with minute 60", change: func(p *LoginHoursPolicy) { p.ActiveHours = "01:60-05:00" },
			want: []fieldKind{{"activeHours", field.Invalid}}},
		{name: "hours with equal start and end", change: func(p *LoginHoursPolicy) { p.ActiveHours = "03:00-03:00" },
			want: []fieldKind{{"activeHours", field.Invalid}}},
		{name: "hours with single digits", change: func(p *LoginHoursPolicy) { p.ActiveHours = "1:00-5:00" },
			want: []fieldKind{{"activeHours", field.Invalid}}},
		{name: "hours with spaces", change: func(p *LoginHoursPolicy) { p.ActiveHours = "01:00 - 05:00" },
			want: []fieldKind{{"activeHours", field.Invalid}}},
		{name: "hours with en dash", change: func(p *LoginHoursPolicy) { p.ActiveHours = "01:00–05:00" },
			want: []fieldKind{{"activeHours", field.Invalid}}},
		{name: "hours with two windows", change: func(p *LoginHoursPolicy) { p.ActiveHours = "01:00-05:00,22:00-23:00" },
			want: []fieldKind{{"activeHours", field.Invalid}}},

		// TimeZone goes into an Apex string literal; timezone_test.go has
		// more IDs.
		{name: "time zone empty", change: func(p *LoginHoursPolicy) { p.TimeZone = "" },
			want: []fieldKind{{"timeZone", field.Required}}},
		{name: "time zone unknown", change: func(p *LoginHoursPolicy) { p.TimeZone = "Mars/Olympus_Mons" },
			want: []fieldKind{{"timeZone", field.NotSupported}}},
		{name: "time zone with quote", change: func(p *LoginHoursPolicy) { p.TimeZone = "Europe/Berlin');" },
			want: []fieldKind{{"timeZone", field.NotSupported}}},
		{name: "time zone with backslash", change: func(p *LoginHoursPolicy) { p.TimeZone = `Europe\Berlin` },
			want: []fieldKind{{"timeZone", field.NotSupported}}},
		{name: "time zone with newline", change: func(p *LoginHoursPolicy) { p.TimeZone = "Europe/Berlin\n" },
			want: []fieldKind{{"timeZone", field.NotSupported}}},

		// APIVersion goes into the meta XML.
		{name: "api version given", change: func(p *LoginHoursPolicy) { p.APIVersion = "60.0" }},
		{name: "api version without minor", change: func(p *LoginHoursPolicy) { p.APIVersion = "66" },
			want: []fieldKind{{"apiVersion", field.Invalid}}},
		{name: "api version with markup", change: func(p *LoginHoursPolicy) { p.APIVersion = "66.0</apiVersion>" },
			want: []fieldKind{{"apiVersion", field.Invalid}}},
		{name: "api version before EventCondition", change: func(p *LoginHoursPolicy) { p.APIVersion = "46.0" },
			want: []fieldKind{{"apiVersion", field.Invalid}}},

		{name: "every field wrong", change: func(p *LoginHoursPolicy) {
			*p = LoginHoursPolicy{Name: "_", Username: "x", ActiveHours: "x", TimeZone: "x", APIVersion: "x"}
		}, want: []fieldKind{
			{"name", field.Invalid},
			{"username", field.Invalid},
			{"activeHours", field.Invalid},
			{"timeZone", field.NotSupported},
			{"apiVersion", field.Invalid},
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
			want:   `username: invalid: "a@example.com'": is not in the form of an email address`,
		},
		{
			name:   "backslash in username",
			change: func(p *LoginHoursPolicy) { p.Username = `a\b@example.com` },
			want:   `username: invalid: "a\\b@example.com": contains '\\', which a Salesforce username cannot contain`,
		},
		{
			name:   "newline in username",
			change: func(p *LoginHoursPolicy) { p.Username = "a@example.com\n" },
			want:   `username: invalid: "a@example.com\n": contains a line break`,
		},
		{
			name:   "unknown time zone",
			change: func(p *LoginHoursPolicy) { p.TimeZone = "Europe/Atlantis" },
			want:   `timeZone: not supported: "Europe/Atlantis": is not in the IANA time zone database; use an IANA time zone ID`,
		},
		{
			name:   "hour out of range",
			change: func(p *LoginHoursPolicy) { p.ActiveHours = "25:00-03:00" },
			want:   `activeHours: invalid: "25:00-03:00": 25:00 is not a time of day`,
		},
		{
			name:   "equal start and end",
			change: func(p *LoginHoursPolicy) { p.ActiveHours = "03:00-03:00" },
			want:   `activeHours: invalid: "03:00-03:00": start and end are equal`,
		},
		{
			name:   "missing username",
			change: func(p *LoginHoursPolicy) { p.Username = "" },
			want:   `username: required: the policy watches the logins of one user`,
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

func TestLoginHoursPolicyValidateErrorsAs(t *testing.T) {
	policy := validLoginHoursPolicy()
	policy.TimeZone = "+02:00"

	var list field.List
	if !errors.As(policy.Validate(), &list) {
		t.Fatal("errors.As found no field.List")
	}
	if len(list) != 1 {
		t.Fatalf("got %d errors, want 1: %v", len(list), list)
	}
	if list[0].Path != "timeZone" || list[0].Value != "+02:00" {
		t.Errorf("got path %q value %v, want timeZone and +02:00", list[0].Path, list[0].Value)
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
