package audit

import (
	"cmp"
	"slices"
)

// Finding is one way a component falls short of the hardened template.
type Finding struct {
	Rule      string   `json:"rule"`
	Severity  Severity `json:"severity"`
	Type      string   `json:"type"`      // Metadata API type of the component, or "User" or "Org"
	Component string   `json:"component"` // component name, username, or "org"
	File      string   `json:"file"`      // slash-separated path relative to Options.BaseDir; for a finding about the whole tree, the first path's project file or manifest, or the path itself
	Line      int      `json:"line"`      // 1-based line of the element at fault; 0 when unknown
	Message   string   `json:"message"`
	Fix       string   `json:"fix"`
}

// compareFindings orders findings by component, then file, line, rule and
// message, so that a report reads component by component and two runs give
// the same order.
func compareFindings(a, b Finding) int {
	return cmp.Or(
		cmp.Compare(a.Type, b.Type),
		cmp.Compare(a.Component, b.Component),
		cmp.Compare(a.File, b.File),
		cmp.Compare(a.Line, b.Line),
		cmp.Compare(a.Rule, b.Rule),
		cmp.Compare(a.Message, b.Message),
		cmp.Compare(b.Severity, a.Severity),
	)
}

// Problem is an input file that could not be read or parsed, or a path
// that contains no metadata the audit reads. The audit reads everything
// else all the same.
type Problem struct {
	File  string `json:"file"`
	Error string `json:"error"`
}

// Report is the result of an audit.
type Report struct {
	Findings []Finding `json:"findings"` // sorted; suppressed findings are left out

	// Suppressed are the findings that an unexpired baseline entry accepts.
	Suppressed []Finding `json:"suppressed,omitempty"`

	// ExpiredBaseline are the baseline entries past their expiry date. They
	// no longer suppress anything.
	ExpiredBaseline []BaselineEntry `json:"expiredBaseline,omitempty"`

	// NotChecked lists what the audit could not judge from its input, and
	// which input would let it.
	NotChecked []string `json:"notChecked,omitempty"`

	Problems []Problem `json:"problems,omitempty"` // unreadable input files
	Files    int       `json:"-"`                  // metadata files read
}

// Summary counts the findings of a report.
type Summary struct {
	Findings        int `json:"findings"`
	Critical        int `json:"critical"`
	High            int `json:"high"`
	Medium          int `json:"medium"`
	Low             int `json:"low"`
	Info            int `json:"info"`
	Suppressed      int `json:"suppressed"`
	ExpiredBaseline int `json:"expiredBaseline"`
	Files           int `json:"files"`
	Problems        int `json:"problems"`
}

// Summary returns the counts of r.
func (r *Report) Summary() Summary {
	s := Summary{
		Findings:        len(r.Findings),
		Suppressed:      len(r.Suppressed),
		ExpiredBaseline: len(r.ExpiredBaseline),
		Files:           r.Files,
		Problems:        len(r.Problems),
	}
	for _, f := range r.Findings {
		switch f.Severity {
		case Critical:
			s.Critical++
		case High:
			s.High++
		case Medium:
			s.Medium++
		case Low:
			s.Low++
		default:
			s.Info++
		}
	}
	return s
}

// Fails reports whether r has a finding at or above min.
func (r *Report) Fails(min Severity) bool {
	return slices.ContainsFunc(r.Findings, func(f Finding) bool { return f.Severity >= min })
}

// sortReport puts every list of r in its stable order and drops exact
// duplicates, which appear when two rules reach the same component by two
// paths.
func sortReport(r *Report) {
	slices.SortFunc(r.Findings, compareFindings)
	r.Findings = slices.Compact(r.Findings)
	slices.SortFunc(r.Suppressed, compareFindings)
	r.Suppressed = slices.Compact(r.Suppressed)
	slices.SortFunc(r.Problems, func(a, b Problem) int { return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Error, b.Error)) })
	slices.Sort(r.NotChecked)
	r.NotChecked = slices.Compact(r.NotChecked)
}
