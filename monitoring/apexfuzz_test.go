package monitoring

import (
	"fmt"
	"strings"
	"testing"
)

// unquoteApexLiteral reverses apexStringLiteral. It reads the literal as the
// Apex lexer does and fails on a quote that would end the literal early, a
// line break, or an escape that apexStringLiteral never writes.
func unquoteApexLiteral(literal string) (string, error) {
	if len(literal) < 2 || literal[0] != '\'' || literal[len(literal)-1] != '\'' {
		return "", fmt.Errorf("%s is not quoted", literal)
	}
	body := literal[1 : len(literal)-1]

	var b strings.Builder
	for i := 0; i < len(body); i++ {
		switch c := body[i]; c {
		case '\'':
			return "", fmt.Errorf("%s has an unescaped quote at %d", literal, i+1)
		case '\n', '\r':
			return "", fmt.Errorf("%s has a line break at %d", literal, i+1)
		case '\\':
			i++
			if i == len(body) || (body[i] != '\\' && body[i] != '\'') {
				return "", fmt.Errorf("%s has an unexpected escape at %d", literal, i)
			}
			b.WriteByte(body[i])
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), nil
}

func FuzzApexStringLiteral(f *testing.F) {
	for _, seed := range []string{"", "integration@example.com", "o'brien", `a\b`, `\'`, "a\nb", "${X}", "Zürich", "\xff"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		literal, err := apexStringLiteral(s)
		if err != nil {
			return
		}
		got, err := unquoteApexLiteral(literal)
		if err != nil {
			t.Fatalf("apexStringLiteral(%q) = %s: %v", s, literal, err)
		}
		if got != s {
			t.Fatalf("apexStringLiteral(%q) = %s, which reads back as %q", s, literal, got)
		}
	})
}

// FuzzLoginHoursPolicyApex checks that every username and time zone that
// passes Validate appears in the condition class as one literal that reads
// back as the value given.
func FuzzLoginHoursPolicyApex(f *testing.F) {
	seeds := []struct{ username, timeZone, hours string }{
		{"integration@example.com", "Europe/Berlin", "01:00-05:00"},
		{"o'brien@example.com", "UTC", "22:00-04:00"},
		{"${SF_USER}", "America/New_York", "00:00-23:59"},
		{"a@example.com';x='", "Europe/Berlin');", "25:00-01:00"},
		{"a\\@example.com", "Etc/GMT-14", "12:00-12:00"},
	}
	for _, seed := range seeds {
		f.Add(seed.username, seed.timeZone, seed.hours)
	}
	f.Fuzz(func(t *testing.T, username, timeZone, hours string) {
		policy := LoginHoursPolicy{Name: "Fuzz", Username: username, ActiveHours: hours, TimeZone: timeZone}
		files, err := policy.Apex()
		if err != nil {
			return
		}

		class := string(files[0].Content)
		for constant, want := range map[string]string{"USERNAME": username, "TIME_ZONE_ID": timeZone} {
			prefix := "    private static final String " + constant + " = "
			if strings.Count(class, prefix) != 1 {
				t.Fatalf("class has %d declarations of %s:\n%s", strings.Count(class, prefix), constant, class)
			}
			line, _, _ := strings.Cut(class[strings.Index(class, prefix)+len(prefix):], "\n")
			got, err := unquoteApexLiteral(strings.TrimSuffix(line, ";"))
			if err != nil {
				t.Fatalf("%s: %v", constant, err)
			}
			if got != want {
				t.Fatalf("%s reads back as %q, want %q", constant, got, want)
			}
		}
	})
}
