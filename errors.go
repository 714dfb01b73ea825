package sfharden

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/sfharden/sfharden/field"
	"github.com/sfharden/sfharden/internal/strictyaml"
)

// SpecError is one problem in a spec, with where it is.
type SpecError struct {
	File   string // spec file; empty for a spec built in code
	Line   int    // 0 when unknown
	Column int
	Path   string     // integrations[0].access.userPermissions[0]
	Kind   field.Kind // required, invalid, not supported, duplicate or forbidden
	Value  any
	Detail string
}

// Error returns one line: "FILE:LINE:COLUMN: PATH: KIND: VALUE: DETAIL".
func (e *SpecError) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File)
		b.WriteString(":")
	}
	if e.Line > 0 {
		fmt.Fprintf(&b, "%d:%d:", e.Line, e.Column)
	}
	if b.Len() > 0 {
		b.WriteString(" ")
	}
	fe := field.Error{Kind: e.Kind, Value: shorten(e.Value), Detail: e.Detail}
	if e.Path != "" {
		b.WriteString(e.Path)
		b.WriteString(": ")
	}
	b.WriteString(fe.Error())
	return b.String()
}

// maxValueLength is how much of an offending value an error line quotes.
const maxValueLength = 80

// shorten cuts a long text value so that one error stays one readable line.
func shorten(v any) any {
	text, ok := v.(string)
	if !ok || len(text) <= maxValueLength {
		return v
	}
	cut := maxValueLength
	for cut > 0 && !utf8.RuneStart(text[cut]) {
		cut--
	}
	return text[:cut] + fmt.Sprintf("... (%d bytes)", len(text))
}

// SpecErrors is every problem found in a spec. Build and LoadSpec return it
// as their error; get it back with errors.As.
type SpecErrors []*SpecError

// Error joins the errors, one per line.
func (l SpecErrors) Error() string {
	lines := make([]string, len(l))
	for i, e := range l {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// withFile turns a decoding error into SpecErrors that name the file.
func withFile(file string, err error) error {
	var list strictyaml.Errors
	var one *strictyaml.Error
	switch {
	case errors.As(err, &list):
	case errors.As(err, &one):
		list = strictyaml.Errors{one}
	default:
		return err
	}
	out := make(SpecErrors, len(list))
	for i, e := range list {
		out[i] = &SpecError{File: file, Line: e.Line, Column: e.Column, Path: e.Path, Kind: field.Invalid, Detail: e.Msg}
	}
	return out
}

// locate turns validation errors into SpecErrors with the spec positions
// of their paths.
// The errors come sorted by their place in the file.
func (s *Spec) locate(errs field.List) SpecErrors {
	out := make(SpecErrors, len(errs))
	for i, e := range errs {
		se := &SpecError{File: s.File, Path: e.Path, Kind: e.Kind, Value: e.Value, Detail: e.Detail}
		if line, col, ok := s.Position(e.Path); ok {
			se.Line, se.Column = line, col
		}
		out[i] = se
	}
	slices.SortStableFunc(out, func(a, b *SpecError) int {
		if a.Line != b.Line {
			return a.Line - b.Line
		}
		return a.Column - b.Column
	})
	return out
}
