package iprange

import (
	"errors"
	"testing"
)

// FuzzParse checks that Parse never panics, that every error is an *Error
// for the input, and that every parsed range keeps the Range invariants and
// reads back the same through String and through FromEnds. The seed corpus
// is in testdata/fuzz/FuzzParse.
func FuzzParse(f *testing.F) {
	f.Fuzz(func(t *testing.T, s string) {
		r, err := Parse(s)
		if err != nil {
			var rangeErr *Error
			if !errors.As(err, &rangeErr) {
				t.Fatalf("Parse(%q) error %q is %T, want *Error", s, err, err)
			}
			if rangeErr.Input != s {
				t.Errorf("Parse(%q) error Input = %q", s, rangeErr.Input)
			}
			if rangeErr.Kind.String() == "unknown" {
				t.Errorf("Parse(%q) error has kind %d", s, int(rangeErr.Kind))
			}
			if r.IsValid() {
				t.Errorf("Parse(%q) returned %s with its error", s, r)
			}
			return
		}

		start, end := r.Start(), r.End()
		if !start.IsValid() || !end.IsValid() {
			t.Fatalf("Parse(%q) returned an invalid address: %s", s, r)
		}
		if start.Is4() != end.Is4() {
			t.Errorf("Parse(%q) = %s mixes families", s, r)
		}
		if end.Less(start) {
			t.Errorf("Parse(%q) = %s ends below its start", s, r)
		}
		if start.Is4In6() || end.Is4In6() {
			t.Errorf("Parse(%q) = %s keeps an IPv4-mapped address", s, r)
		}
		if start.Zone() != "" || end.Zone() != "" {
			t.Errorf("Parse(%q) = %s keeps a zone", s, r)
		}
		if r.Size().Sign() <= 0 {
			t.Errorf("Parse(%q) = %s has size %s", s, r, r.Size())
		}

		again, err := Parse(r.String())
		if err != nil {
			t.Fatalf("Parse(%q) = %s, but parsing that again failed: %v", s, r, err)
		}
		if again != r {
			t.Errorf("Parse(%q) = %s, but parsing that again gave %s", s, r, again)
		}

		fromEnds, err := FromEnds(start.String(), end.String())
		if err != nil {
			t.Fatalf("Parse(%q) = %s, but FromEnds on its ends failed: %v", s, r, err)
		}
		if fromEnds != r {
			t.Errorf("Parse(%q) = %s, but FromEnds on its ends gave %s", s, r, fromEnds)
		}
	})
}
