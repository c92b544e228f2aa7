package app

import "strconv"

// formatYear is FORMAT-YEAR (formats.md §8.3).
func (c *checker) formatYear() {
	y := strconv.Itoa(c.r.Year)
	want := FormatIDForYear(c.r.Year)
	if want == "" {
		c.add(Finding{Rule: "FORMAT-YEAR", Anchor: "format",
			Message: y + "年度报告使用2019年以前的旧格式，本程序不支持"})
		return
	}
	if c.r.Format == want {
		return
	}
	wf := FormatByID(want)
	cur := c.r.Format + "年格式"
	if c.f != nil {
		cur = c.f.Name
	}
	c.add(Finding{Rule: "FORMAT-YEAR", Anchor: "format",
		Message: y + "年度报告应使用" + wf.Name + "（" + wf.Notice + "），当前为" + cur})
}

// valueNumber is VALUE-NUMBER on every cell with a value.
func (c *checker) valueNumber() {
	for i, cell := range c.f.Cells() {
		if v := c.vals[i]; v.State == NotNumber {
			c.add(Finding{Rule: "VALUE-NUMBER", Anchor: cell.ID, Cells: []string{cell.ID},
				Message: cell.Location + "：“" + v.Raw + "”不是数字"})
		}
	}
}

// valueEmpty is VALUE-EMPTY on every input cell.
func (c *checker) valueEmpty() {
	for i, cell := range c.f.Cells() {
		if c.vals[i].State == Empty && !cell.Computed() {
			c.add(Finding{Rule: "VALUE-EMPTY", Anchor: cell.ID, Cells: []string{cell.ID},
				Message: cell.Location + "：未填写（空白不等于0；没有数据请填0）"})
		}
	}
}

type kindHit struct {
	cell *Cell
	p    *KindProblem
}

// kindHits finds, once per run, the problems of the kind rules VALUE-INT,
// VALUE-NONNEG and VALUE-MONEY. A computed cell is checked only when it
// stores a value that differs from its formula: a total that merely follows
// from its inputs reports its cause once, at the input (formats.md §10.3 (b)).
func (c *checker) kindHits() []kindHit {
	if c.done.kinds {
		return c.kinds
	}
	c.done.kinds = true
	for i, cell := range c.f.Cells() {
		v := c.vals[i]
		if v.State != Number {
			continue
		}
		if cell.Computed() {
			if sum, ok := c.sumOf(c.idx.terms[i]); ok && sum.Cmp(v.Num) == 0 {
				continue
			}
		}
		if p := CheckKind(cell, v); p != nil {
			c.kinds = append(c.kinds, kindHit{cell, p})
		}
	}
	return c.kinds
}
