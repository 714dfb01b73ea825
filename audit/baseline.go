package audit

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

// BaselineEntry accepts the findings of one rule on one component until it
// expires.
type BaselineEntry struct {
	Rule      string `json:"rule"`
	Type      string `json:"type,omitempty"` // optional: Metadata API type, "User" or "Org"
	Component string `json:"component"`
	Reason    string `json:"reason"`
	Expires   string `json:"expires"` // YYYY-MM-DD; the entry applies through that day
}

// baselineFile is the document that ParseBaseline reads.
type baselineFile struct {
	Accepted []BaselineEntry `json:"accepted"`
}

// ParseBaseline reads a baseline document:
//
//	{"accepted": [{"rule": "login-ip-ranges-missing", "component": "Orders_API",
//	  "reason": "partner egress changes weekly; ticket SEC-12", "expires": "2025-09-30"}]}
//
// Every entry needs a rule, a component, a reason and an expiry date.
func ParseBaseline(data []byte) ([]BaselineEntry, error) {
	var doc baselineFile
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("invalid baseline: %s; write {\"accepted\": [{\"rule\", \"component\", \"reason\", \"expires\"}]}", jsonProblem(err))
	}
	if err := ValidateBaseline(doc.Accepted); err != nil {
		return nil, err
	}
	return doc.Accepted, nil
}

// ValidateBaseline returns an error that names every incomplete entry.
func ValidateBaseline(entries []BaselineEntry) error {
	var errs []error
	for i, e := range entries {
		var missing []string
		if e.Rule == "" {
			missing = append(missing, "rule")
		} else if _, ok := LookupRule(e.Rule); !ok {
			errs = append(errs, fmt.Errorf("baseline entry %d: unknown rule %q; see audit/RULES.md for the rule IDs", i, e.Rule))
		}
		if e.Component == "" {
			missing = append(missing, "component")
		}
		if strings.TrimSpace(e.Reason) == "" {
			missing = append(missing, "reason")
		}
		if e.Expires == "" {
			missing = append(missing, "expires")
		} else if _, err := time.Parse(time.DateOnly, e.Expires); err != nil {
			errs = append(errs, fmt.Errorf("baseline entry %d: invalid expires %q; use YYYY-MM-DD", i, e.Expires))
		}
		if len(missing) > 0 {
			errs = append(errs, fmt.Errorf("baseline entry %d (rule %q, component %q): missing %s; every accepted finding needs a reason and an expiry date",
				i, e.Rule, e.Component, strings.Join(missing, ", ")))
		}
	}
	return errors.Join(errs...)
}

// expired reports whether e no longer applies on today.
func (e BaselineEntry) expired(today time.Time) bool {
	day, err := time.ParseInLocation(time.DateOnly, e.Expires, today.Location())
	if err != nil {
		return true
	}
	return !today.Before(day.AddDate(0, 0, 1))
}

func (e BaselineEntry) matches(f Finding) bool {
	return e.Rule == f.Rule && e.Component == f.Component && (e.Type == "" || e.Type == f.Type)
}

// applyBaseline moves the findings that an unexpired entry accepts to
// r.Suppressed, and lists every expired entry in r.ExpiredBaseline.
func applyBaseline(r *Report, entries []BaselineEntry, today time.Time) {
	if len(entries) == 0 {
		return
	}
	kept := r.Findings[:0]
	for _, f := range r.Findings {
		suppressed := false
		for _, e := range entries {
			if !e.matches(f) {
				continue
			}
			if !e.expired(today) {
				suppressed = true
			}
		}
		if suppressed {
			r.Suppressed = append(r.Suppressed, f)
		} else {
			kept = append(kept, f)
		}
	}
	r.Findings = kept
	for _, e := range entries {
		if e.expired(today) {
			r.ExpiredBaseline = append(r.ExpiredBaseline, e)
		}
	}
}
