package app

import (
	"slices"
	"sync"
)

// ruleOrder is the rule order of formats.md §8.2, followed by the 公文 rules
// of gongwen.md §10. Findings are sorted by it, then by anchor.
var ruleOrder = []string{
	"FORMAT-YEAR", "VALUE-NUMBER", "VALUE-EMPTY", "VALUE-INT", "VALUE-NONNEG", "VALUE-MONEY",
	"T3-ROWTOTAL", "T3-RESULTTOTAL", "T3-BALANCE", "T4-TOTAL",
	"T2-RULE-LEVEL", "T2-STOCK-MIN", "T2-DELTA-NEG", "T2-PROC-PAIR",
	"X-YEAR", "X-DATE", "X-CARRY", "X-STOCK",
	"TXT-EMPTY", "TXT-S6-FEE", "TXT-APPLY-NEW", "TXT-APPLY-DONE", "TXT-FORWARD", "TXT-CARRIED", "TXT-REVIEW", "TXT-SUIT", "TXT-S1-GOV",
	"LINT-YEAR", "LINT-UNIT", "LINT-PLACEHOLDER", "LINT-SPAM", "LINT-OLDSTRUCT", "LINT-NOTICE", "LINT-PARTS", "LINT-PUNCT",
	"DOC-NUMBER", "DOC-SIGNER", "DOC-PRINTDATE", "DOC-CC",
}

// RuleIDs returns every rule ID in the order findings are reported.
func RuleIDs() []string { return slices.Clone(ruleOrder) }

var ruleRank = func() map[string]int {
	m := make(map[string]int, len(ruleOrder))
	for i, id := range ruleOrder {
		m[id] = i
	}
	return m
}()

// checker holds one run: every cell parsed once, the findings so far.
type checker struct {
	r     *Report
	f     *Format // nil when the report's format is unknown
	opt   CheckOptions
	idx   *fmtIndex
	vals  []Value // by Cell.Index
	res   Result
	norm  map[string]string   // normalised narrative sections, computed once
	sents map[string][]string // their sentences
}

// valPool recycles the parsed-cell slice: Check runs on every keystroke.
var valPool = sync.Pool{New: func() any { s := make([]Value, 0, 256); return &s }}

func runRules(r *Report, opt CheckOptions) Result {
	c := &checker{r: r, f: r.FormatDef(), opt: opt}
	if c.f != nil {
		c.idx = indexOf(c.f)
		p := valPool.Get().(*[]Value)
		c.vals = (*p)[:0]
		issues := 0
		for _, cell := range c.f.Cells() {
			v := parseCell(r.Cells[cell.ID])
			c.vals = append(c.vals, v)
			if v.State == NotNumber || v.State == Empty && !cell.Computed() {
				issues++
			}
		}
		if issues > 0 { // one finding each: size the slice once, not by doubling
			c.res.Findings = make([]Finding, 0, issues+8)
		}
		defer func() {
			clear(c.vals)
			*p = c.vals[:0]
			valPool.Put(p)
		}()
	}
	c.formatYear()
	if c.f != nil {
		c.valueRules()
		c.t3RowTotals()
		c.t3ResultTotals()
		c.t3Balance()
		c.t4Totals()
		c.t2RuleLevel()
	}
	c.xYear()
	c.xDate()
	if c.f != nil {
		c.xCarry()
	}
	c.txtEmpty()
	if c.f != nil {
		c.txtS6Fee()
	}
	if !opt.Core {
		c.lintRules()
	}
	if r.Doc.Style == StyleGongwen {
		c.docRules()
	}
	c.sortFindings()
	return c.res
}

// parseCell is ParseValue with an allocation-free path for the canonical
// small integers that nearly every stored cell holds.
func parseCell(raw string) Value {
	if n := len(raw); n > 0 && n <= 9 && (n == 1 || raw[0] != '0') {
		var v int64
		i := 0
		for ; i < n; i++ {
			b := raw[i]
			if b < '0' || b > '9' {
				break
			}
			v = v*10 + int64(b-'0')
		}
		if i == n {
			return Value{Raw: raw, Text: raw, Num: DecimalOf(v), State: Number}
		}
	}
	return ParseValue(raw)
}

// val returns the parsed value of a cell of the report's format.
func (c *checker) val(id string) (Value, *Cell) {
	cell := c.f.Cell(id)
	if cell == nil {
		return Value{}, nil
	}
	return c.vals[cell.Index], cell
}

func (c *checker) add(f Finding) { c.res.Findings = append(c.res.Findings, f) }

func (c *checker) skip(rule, anchor, reason string) {
	c.res.Skipped = append(c.res.Skipped, Skipped{Rule: rule, Anchor: anchor, Reason: reason})
}

// anchorRank orders cells canonically, then the field paths (formats.md §8.1).
func (c *checker) anchorRank(a string) int {
	if c.f != nil {
		if cell := c.f.Cell(a); cell != nil {
			return cell.Index
		}
	}
	for i, p := range FieldPaths {
		if p == a {
			return 1000 + i
		}
	}
	return 2000
}

func (c *checker) sortFindings() {
	slices.SortStableFunc(c.res.Findings, func(a, b Finding) int {
		if d := ruleRank[a.Rule] - ruleRank[b.Rule]; d != 0 {
			return d
		}
		return c.anchorRank(a.Anchor) - c.anchorRank(b.Anchor)
	})
}

// show writes a value the way messages do: the number, or (空) when empty.
func show(v Value) string {
	if v.State == Empty {
		return "(空)"
	}
	return "(" + v.Display() + ")"
}

// sumOf adds the values of cells; ok is false when one is not a number.
func (c *checker) sumOf(cells []*Cell) (Decimal, bool) {
	s := DecimalOf(0)
	for _, cell := range cells {
		v := c.vals[cell.Index]
		if v.State == NotNumber {
			return s, false
		}
		s = s.Add(v.Num)
	}
	return s, true
}

// cmpFinding fills left, right and diff of an arithmetic finding.
func cmpFinding(f Finding, l, r Decimal) Finding {
	f.Left, f.Right, f.Diff = l.String(), r.String(), l.Sub(r).Abs().String()
	return f
}
