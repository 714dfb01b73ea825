package audit

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
)

// WriteText writes r for a person: findings grouped by component, each with
// file:line, severity, rule, message and fix, then what was not checked,
// expired baseline entries, unreadable files and a summary line.
func WriteText(w io.Writer, r *Report) error {
	b := bufio.NewWriter(w)
	var group string
	for _, f := range r.Findings {
		if g := f.Type + " " + f.Component; g != group {
			if group != "" {
				b.WriteString("\n")
			}
			group = g
			fmt.Fprintf(b, "%s\n", escapeControls(g))
		}
		fmt.Fprintf(b, "  %s: %s %s: %s\n", escapeControls(location(f)), f.Severity, f.Rule, escapeControls(f.Message))
		fmt.Fprintf(b, "    fix: %s\n", escapeControls(f.Fix))
	}
	if len(r.NotChecked) > 0 {
		b.WriteString("\nNot checked:\n")
		for _, n := range r.NotChecked {
			fmt.Fprintf(b, "  - %s\n", escapeControls(n))
		}
	}
	if len(r.ExpiredBaseline) > 0 {
		b.WriteString("\nExpired baseline entries (no longer suppressing):\n")
		for _, e := range r.ExpiredBaseline {
			fmt.Fprintf(b, "  - %s\n", escapeControls(fmt.Sprintf("%s on %s expired %s (%s)", e.Rule, e.Component, e.Expires, e.Reason)))
		}
	}
	if len(r.Problems) > 0 {
		b.WriteString("\nUnreadable files (not audited):\n")
		for _, p := range r.Problems {
			fmt.Fprintf(b, "  - %s\n", escapeControls(p.Error))
		}
	}
	if len(r.Findings) > 0 || len(r.NotChecked) > 0 || len(r.ExpiredBaseline) > 0 || len(r.Problems) > 0 {
		b.WriteString("\n")
	}
	b.WriteString(summaryLine(r.Summary()) + "\n")
	return b.Flush()
}

// escapeControls writes the control characters of s, which file and
// component names may hold, as Go escapes such as \n, so that a name
// cannot start a line of its own in the report or send terminal commands.
func escapeControls(s string) string {
	if !strings.ContainsFunc(s, unicode.IsControl) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if !unicode.IsControl(r) {
			b.WriteRune(r)
			continue
		}
		q := strconv.QuoteRune(r)
		b.WriteString(q[1 : len(q)-1])
	}
	return b.String()
}

// location returns "file:line", "file" or "-" for a finding.
func location(f Finding) string {
	switch {
	case f.File != "" && f.Line > 0:
		return fmt.Sprintf("%s:%d", f.File, f.Line)
	case f.File != "":
		return f.File
	default:
		return "-"
	}
}

func summaryLine(s Summary) string {
	var b strings.Builder
	noun := "findings"
	if s.Findings == 1 {
		noun = "finding"
	}
	fmt.Fprintf(&b, "%d %s: %d critical, %d high, %d medium, %d low, %d info; %d files read",
		s.Findings, noun, s.Critical, s.High, s.Medium, s.Low, s.Info, s.Files)
	if s.Suppressed > 0 {
		fmt.Fprintf(&b, ", %d suppressed by the baseline", s.Suppressed)
	}
	if s.ExpiredBaseline > 0 {
		fmt.Fprintf(&b, ", %d expired baseline entries", s.ExpiredBaseline)
	}
	if s.Problems > 0 {
		fmt.Fprintf(&b, ", %d unreadable", s.Problems)
	}
	return b.String()
}

// jsonReport is the document WriteJSON writes. Every list is present, empty
// rather than null, so consumers need no null checks.
type jsonReport struct {
	Findings        []Finding       `json:"findings"`
	Summary         Summary         `json:"summary"`
	Suppressed      []Finding       `json:"suppressed"`
	ExpiredBaseline []BaselineEntry `json:"expiredBaseline"`
	NotChecked      []string        `json:"notChecked"`
	Problems        []Problem       `json:"problems"`
}

// WriteJSON writes r as the JSON document described in RULES.md. The
// output depends only on the report, so two runs on the same input give
// the same bytes.
func WriteJSON(w io.Writer, r *Report) error {
	doc := jsonReport{
		Findings:        nonNil(r.Findings),
		Summary:         r.Summary(),
		Suppressed:      nonNil(r.Suppressed),
		ExpiredBaseline: nonNil(r.ExpiredBaseline),
		NotChecked:      nonNil(r.NotChecked),
		Problems:        nonNil(r.Problems),
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
