package app

// CheckOptions select what Check runs besides the core rules of the report itself.
type CheckOptions struct {
	// Prev is the same unit's report of the previous year; cross-year rules
	// (年度间) are skipped with SkipNoPrevious when it is nil.
	Prev *Report
	// Lint adds the lint tier (formats.md §8.2), every rule of which is a warning.
	Lint bool
	// TownshipDeadline is the publication deadline of a 乡镇 as "MM-DD" of
	// the next year; local notices differ (formats.md X-DATE). Default "01-31".
	TownshipDeadline string
}

// Result is the outcome of one check run.
type Result struct {
	Findings []Finding // in the order of formats.md §8.1
	Skipped  []Skipped // rule instances not checked, with the reason
}

// Errors returns the findings of severity error (强制性).
func (r Result) Errors() []Finding { return r.bySeverity(Error) }

// Warnings returns the findings of severity warning (提示性).
func (r Result) Warnings() []Finding { return r.bySeverity(Warning) }

// HasErrors reports whether a final export is blocked.
func (r Result) HasErrors() bool {
	for _, f := range r.Findings {
		if f.Severity == Error {
			return true
		}
	}
	return false
}

func (r Result) bySeverity(s Severity) []Finding {
	var out []Finding
	for _, f := range r.Findings {
		if f.Severity == s {
			out = append(out, f)
		}
	}
	return out
}

// Check runs the rules of formats.md §8 and gongwen.md §10 on a report.
func Check(r *Report, opt CheckOptions) Result {
	return runRules(r, opt)
}
