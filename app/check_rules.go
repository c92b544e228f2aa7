package app

import (
	"slices"
	"sync"
)

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
	texts []lintText          // the non-empty sections, once per run
	kinds []kindHit           // VALUE-INT/NONNEG/MONEY problems, once per run
	done  struct{ texts, kinds bool }
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
	for i := range Rules {
		rule := &Rules[i]
		switch {
		case opt.Core && rule.Tier == TierLint, rule.Gongwen && r.Doc.Style != StyleGongwen, rule.cells && c.f == nil:
			continue
		case !rule.AppliesTo(c.f): // its cells may not exist in this format: anchored at the format
			c.skip(rule.ID, "format", SkipFormat)
			continue
		}
		rule.check(c)
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

// add records a finding with the severity of its rule in Rules.
func (c *checker) add(f Finding) {
	f.Severity = Rules[ruleRank[f.Rule]].Severity
	c.res.Findings = append(c.res.Findings, f)
}

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
