// Package apexlit writes values into generated Apex source as string
// literals.
package apexlit

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// String returns s as a single-quoted Apex string literal, with backslashes
// and single quotes escaped. Text that has no place in generated source is
// an error: invalid UTF-8, control characters (line breaks among them) and
// the Unicode line and paragraph separators.
func String(s string) (string, error) {
	if !utf8.ValidString(s) {
		return "", fmt.Errorf("%q is not valid UTF-8", s)
	}
	for _, r := range s {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return "", fmt.Errorf("%q contains the control character %U", s, r)
		}
	}
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('\'')
	for _, r := range s {
		if r == '\\' || r == '\'' {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	b.WriteByte('\'')
	return b.String(), nil
}
