package monitoring

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfharden/sfharden/field"
)

// validSpec returns a spec that Build accepts, for tests to break one field
// at a time.
func validSpec() Spec {
	return Spec{
		Integration:     "NightlySync",
		Username:        "integration@example.com",
		MaxRowsPerQuery: 2000,
		ActiveHours:     "01:00-05:00",
		TimeZone:        "Europe/Berlin",
		Notify:          []string{"security@example.com"},
	}
}

// pathKind is the part of a field.Error that tests compare.
type pathKind struct {
	Path string
	Kind field.Kind
}

// pathKinds returns the path and kind of each error in err, which must be
// nil or a field.List.
func pathKinds(t *testing.T, err error) []pathKind {
	t.Helper()
	if err == nil {
		return nil
	}
	var list field.List
	require.True(t, errors.As(err, &list), "error %v is %T, not field.List", err, err)
	got := make([]pathKind, len(list))
	for i, e := range list {
		got[i] = pathKind{e.Path, e.Kind}
	}
	return got
}

func TestBuildRejects(t *testing.T) {
	tests := []struct {
		name   string
		change func(s *Spec)
		want   []pathKind
	}{
		{name: "valid spec", change: func(s *Spec) {}},

		{name: "integration empty", change: func(s *Spec) { s.Integration = "" },
			want: []pathKind{{"integration", field.Required}}},
		{name: "integration starts with digit", change: func(s *Spec) { s.Integration = "3PL sync" },
			want: []pathKind{{"integration", field.Invalid}}},
		{name: "integration without letters", change: func(s *Spec) { s.Integration = "--" },
			want: []pathKind{{"integration", field.Invalid}}},
		{name: "integration with separators is cleaned", change: func(s *Spec) { s.Integration = "erp import/EU" }},

		{name: "username empty", change: func(s *Spec) { s.Username = "" },
			want: []pathKind{{"username", field.Required}}},
		// The username becomes an Apex string literal; a quote that ends
		// it early would inject code into the condition class.
		{name: "username breaks apex literal", change: func(s *Spec) { s.Username = "a@example.com';System.debug('x" },
			want: []pathKind{{"username", field.Invalid}}},
		{name: "username with newline", change: func(s *Spec) { s.Username = "a@example.com\n}" },
			want: []pathKind{{"username", field.Invalid}}},
		{name: "username with backslash", change: func(s *Spec) { s.Username = `a\@example.com` },
			want: []pathKind{{"username", field.Invalid}}},
		{name: "username not an address", change: func(s *Spec) { s.Username = "integration" },
			want: []pathKind{{"username", field.Invalid}}},
		{name: "username too long", change: func(s *Spec) { s.Username = strings.Repeat("a", 70) + "@example.com" },
			want: []pathKind{{"username", field.Invalid}}},
		{name: "username placeholder", change: func(s *Spec) { s.Username = "${SF_USER}" }},
		{name: "username with apostrophe", change: func(s *Spec) { s.Username = "o'brien@example.com" }},

		{name: "rows negative", change: func(s *Spec) { s.MaxRowsPerQuery = -1 },
			want: []pathKind{{"maxRowsPerQuery", field.Invalid}}},
		{name: "rows beyond exact double", change: func(s *Spec) { s.MaxRowsPerQuery = maxExactRows + 1 },
			want: []pathKind{{"maxRowsPerQuery", field.Invalid}}},
		{name: "no policy at all", change: func(s *Spec) { s.MaxRowsPerQuery = 0; s.ActiveHours = ""; s.TimeZone = "" },
			want: []pathKind{{"maxRowsPerQuery", field.Required}}},

		{name: "hours malformed", change: func(s *Spec) { s.ActiveHours = "1-5" },
			want: []pathKind{{"activeHours", field.Invalid}}},
		{name: "hours out of range", change: func(s *Spec) { s.ActiveHours = "25:00-03:00" },
			want: []pathKind{{"activeHours", field.Invalid}}},
		{name: "hours without time zone", change: func(s *Spec) { s.TimeZone = "" },
			want: []pathKind{{"timezone", field.Required}}},
		{name: "time zone without hours", change: func(s *Spec) { s.ActiveHours = "" },
			want: []pathKind{{"timezone", field.Invalid}}},
		// The time zone becomes an Apex string literal and appears in a
		// comment; an offset or a quote must not reach either.
		{name: "time zone offset", change: func(s *Spec) { s.TimeZone = "+02:00" },
			want: []pathKind{{"timezone", field.NotSupported}}},
		{name: "time zone breaks apex literal", change: func(s *Spec) { s.TimeZone = "Europe/Berlin'" },
			want: []pathKind{{"timezone", field.NotSupported}}},
		{name: "time zone closes comment", change: func(s *Spec) { s.TimeZone = "UTC*/" },
			want: []pathKind{{"timezone", field.NotSupported}}},
		{name: "time zone unknown", change: func(s *Spec) { s.TimeZone = "Mars/Olympus_Mons" },
			want: []pathKind{{"timezone", field.NotSupported}}},

		{name: "notify empty", change: func(s *Spec) { s.Notify = nil },
			want: []pathKind{{"notify", field.Required}}},
		// Alerts sent to the integration user reach whoever holds its
		// credentials, who is the one they warn about.
		{name: "notify integration user", change: func(s *Spec) { s.Notify = []string{"security@example.com", "Integration@Example.com"} },
			want: []pathKind{{"notify[1]", field.Forbidden}}},
		{name: "notify integration placeholder", change: func(s *Spec) { s.Username = "${SF_USER}"; s.Notify = []string{"${SF_USER}"} },
			want: []pathKind{{"notify[0]", field.Forbidden}}},
		{name: "notify duplicate", change: func(s *Spec) { s.Notify = []string{"a@example.com", "A@example.com"} },
			want: []pathKind{{"notify[1]", field.Duplicate}}},
		{name: "notify not an address", change: func(s *Spec) { s.Notify = []string{"admin"} },
			want: []pathKind{{"notify[0]", field.Invalid}}},
		{name: "notify empty entry", change: func(s *Spec) { s.Notify = []string{""} },
			want: []pathKind{{"notify[0]", field.Required}}},
		{name: "notify placeholder", change: func(s *Spec) { s.Notify = []string{"${SF_ADMIN}"} }},

		{name: "label given", change: func(s *Spec) { s.Label = "Nightly Sync (EU)" }},
		{name: "label of 63 characters", change: func(s *Spec) { s.Label = strings.Repeat("é", 63) }},
		{name: "label of 64 characters", change: func(s *Spec) { s.Label = strings.Repeat("é", 64) },
			want: []pathKind{{"label", field.Invalid}}},
		{name: "label blank", change: func(s *Spec) { s.Label = "  " },
			want: []pathKind{{"label", field.Invalid}}},
		{name: "label with newline", change: func(s *Spec) { s.Label = "Nightly\nSync" },
			want: []pathKind{{"label", field.Invalid}}},

		// Salesforce documents neither action for Enhanced Transaction
		// Security, so a spec that relies on one would get no such
		// action.
		{name: "end session", change: func(s *Spec) { s.EndSession = true },
			want: []pathKind{{"endSession", field.Invalid}}},
		{name: "freeze user", change: func(s *Spec) { s.FreezeUser = true },
			want: []pathKind{{"freezeUser", field.Invalid}}},
		{name: "block", change: func(s *Spec) { s.Block = true }},

		{name: "api version too old", change: func(s *Spec) { s.APIVersion = "46.0" },
			want: []pathKind{{"apiVersion", field.Invalid}}},
		{name: "api version malformed", change: func(s *Spec) { s.APIVersion = "66" },
			want: []pathKind{{"apiVersion", field.Invalid}}},

		{name: "every problem at once", change: func(s *Spec) {
			*s = Spec{Integration: "1", Username: "x\n", ActiveHours: "9-5", TimeZone: "+01:00", MaxRowsPerQuery: -5, APIVersion: "1"}
		}, want: []pathKind{
			{"integration", field.Invalid},
			{"username", field.Invalid},
			{"maxRowsPerQuery", field.Invalid},
			{"activeHours", field.Invalid},
			{"timezone", field.NotSupported},
			{"notify", field.Required},
			{"apiVersion", field.Invalid},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			spec := validSpec()
			tc.change(&spec)

			bundle, err := Build(spec)
			if diff := cmp.Diff(tc.want, pathKinds(t, err)); diff != "" {
				t.Errorf("errors mismatch (-want +got):\n%s\nerror: %v", diff, err)
			}
			if tc.want == nil {
				assert.NotNil(t, bundle)
			} else {
				assert.Nil(t, bundle)
			}
		})
	}
}

func TestBuildErrorMessages(t *testing.T) {
	spec := validSpec()
	spec.Notify = []string{"integration@example.com"}
	spec.TimeZone = "+02:00"

	_, err := Build(spec)
	require.Error(t, err)
	message := err.Error()
	assert.Contains(t, message, `timezone: not supported: "+02:00": is not an IANA time zone ID`)
	assert.Contains(t, message, `notify[0]: forbidden: "integration@example.com": is the integration user`)
	for _, line := range strings.Split(message, "\n") {
		assert.False(t, strings.HasSuffix(line, "."), "message ends with a period: %s", line)
	}
}

func TestBuildActionMessages(t *testing.T) {
	spec := validSpec()
	spec.EndSession = true
	spec.FreezeUser = true

	_, err := Build(spec)
	require.Error(t, err)
	message := err.Error()
	assert.Contains(t, message, "endSession: invalid: true: Salesforce documents only Block, Multi-Factor Authentication and notifications")
	assert.Contains(t, message, "freezeUser: invalid: true: Salesforce documents only Block, Multi-Factor Authentication and notifications")
}

func TestSpecValidateNilWhenValid(t *testing.T) {
	// A typed nil field.List inside an error interface would not be nil.
	assert.True(t, validSpec().Validate() == nil)
}
