package app

// CheckOptions select what Check runs besides the core rules of the report itself.
type CheckOptions struct {
	// Prev is the same unit's report of the previous year; cross-year rules
	// (年度间) are skipped with SkipNoPrevious when it is nil.
	Prev *Report
	// Core limits the run to the core tier (formats.md §8.1); by default the
	// lint tier runs too, everywhere the report is checked.
	Core bool
	// TownshipDeadline is the publication deadline of a 乡镇 as "MM-DD" of
	// the next year; local notices differ (formats.md X-DATE). Default "01-31".
	TownshipDeadline string
	// SpamWords and SpamAllow replace the LINT-SPAM dictionary and the
	// allow-list of Latin words (formats.md LINT-SPAM); nil keeps
	// DefaultSpamWords and DefaultSpamAllow. Both match case-insensitively.
	SpamWords, SpamAllow []string
	// Allow is the workspace's list of words a clerk confirmed legitimate
	// (case-insensitive): a LINT-SPAM occurrence of one is not flagged.
	Allow []string
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

// Check runs the rules of Rules (formats.md §8, gongwen.md §10) on a report:
// the core tier always, the lint tier unless opt.Core is set, the 公文 rules
// when doc.style is gongwen. Findings come in the order of Rules, then in the
// canonical order of their anchors; Finding.Cells lists the cells involved
// in canonical order. Result.Skipped lists every rule instance not checked,
// with its reason. A stored total is checked as stored. Check does not
// modify r and is safe for concurrent use.
func Check(r *Report, opt CheckOptions) Result {
	return runRules(r, opt)
}
