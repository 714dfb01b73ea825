package audit

import (
	"fmt"
	"strings"
)

// Severity is how much a finding weakens an integration user. Severities
// are ordered, so Critical > High, and the zero value is Info.
type Severity int

const (
	Info Severity = iota
	Low
	Medium
	High
	Critical
)

var severityNames = [...]string{
	Info:     "info",
	Low:      "low",
	Medium:   "medium",
	High:     "high",
	Critical: "critical",
}

// String returns the lower-case name of s: "info", "low", "medium", "high"
// or "critical".
func (s Severity) String() string {
	if s < Info || s > Critical {
		return fmt.Sprintf("Severity(%d)", int(s))
	}
	return severityNames[s]
}

// ParseSeverity returns the severity named name, ignoring letter case.
func ParseSeverity(name string) (Severity, error) {
	for s, n := range severityNames {
		if strings.EqualFold(name, n) {
			return Severity(s), nil
		}
	}
	return Info, fmt.Errorf("invalid severity %q: use one of critical, high, medium, low, info", name)
}

// MarshalText returns the name of s, so severities read as words in JSON.
func (s Severity) MarshalText() ([]byte, error) {
	if s < Info || s > Critical {
		return nil, fmt.Errorf("invalid severity %d", int(s))
	}
	return []byte(s.String()), nil
}

// UnmarshalText sets s from its name.
func (s *Severity) UnmarshalText(text []byte) error {
	parsed, err := ParseSeverity(string(text))
	if err != nil {
		return err
	}
	*s = parsed
	return nil
}

// sarifLevel returns the SARIF 2.1.0 level of s: critical and high are
// "error", medium is "warning", low and info are "note".
func (s Severity) sarifLevel() string {
	switch {
	case s >= High:
		return "error"
	case s == Medium:
		return "warning"
	default:
		return "note"
	}
}
