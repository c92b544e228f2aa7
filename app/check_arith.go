package app

import "strings"

// t3ColLoc names a 表三 column in messages: “其他（法人或其他组织）” for othorg.
func t3ColLoc(col string) string {
	for _, c := range t3Columns {
		if c.key == col {
			return c.loc
		}
	}
	return col
}

// sumRule checks one computed cell against its terms as stored, for
// T3-ROWTOTAL and T4-TOTAL.
func (c *checker) sumRule(rule string, cell *Cell) {
	total := c.vals[cell.Index]
	terms := c.idx.terms[cell.Index]
	sum, ok := c.sumOf(terms)
	if !ok || total.State == NotNumber {
		c.skip(rule, cell.ID, SkipNotNumber)
		return
	}
	if sum.Cmp(total.Num) == 0 {
		return
	}
	prefix := "表四 " + cell.RowName
	if cell.Table == "t3" {
		prefix = "表三 " + cell.RowName + "行"
	}
	var b strings.Builder
	b.WriteString(prefix + "：总计" + show(total) + "，")
	for i, term := range terms {
		if i > 0 {
			b.WriteString("+")
		}
		b.WriteString(term.ColName + show(c.vals[term.Index]))
	}
	b.WriteString("=" + sum.String() + "，相差" + total.Num.Sub(sum).Abs().String())
	cells := append(ids(terms...), cell.ID)
	c.add(cmpFinding(Finding{Rule: rule, Anchor: cell.ID, Cells: cells, Message: b.String()}, total.Num, sum))
}

// t3RowTotals is T3-ROWTOTAL: every 表三 row's 总计 is the sum of the six
// applicant columns.
func (c *checker) t3RowTotals() {
	for _, cell := range c.idx.t3Totals {
		c.sumRule("T3-ROWTOTAL", cell)
	}
}

// t4Totals is T4-TOTAL.
func (c *checker) t4Totals() {
	for _, cell := range c.idx.t4Totals {
		c.sumRule("T4-TOTAL", cell)
	}
}

// t3ResultTotals is T3-RESULTTOTAL: （七）总计 of each column is the sum of
// the result rows （一）…（六） of that column.
func (c *checker) t3ResultTotals() {
	for i, col := range T3Columns {
		anchor := c.idx.resTotal[i]
		rows := c.idx.results[i]
		total := c.vals[anchor.Index]
		sum, ok := c.sumOf(rows)
		if !ok || total.State == NotNumber {
			c.skip("T3-RESULTTOTAL", anchor.ID, SkipNotNumber)
			continue
		}
		if sum.Cmp(total.Num) == 0 {
			continue
		}
		var listed []string
		for _, cell := range rows {
			if v := c.vals[cell.Index]; v.State == Empty || v.Num.Sign() != 0 {
				listed = append(listed, cell.RowName+show(v))
			}
		}
		list := "无"
		if len(listed) > 0 {
			list = strings.Join(listed, "、")
		}
		msg := "表三 " + t3ColLoc(col) + "列：（七）总计" + show(total) + "，（一）至（六）各项之和=" + sum.String() +
			"（非零项：" + list + "），相差" + total.Num.Sub(sum).Abs().String()
		cells := append(ids(rows...), anchor.ID)
		c.add(cmpFinding(Finding{Rule: "T3-RESULTTOTAL", Anchor: anchor.ID, Cells: cells, Message: msg}, total.Num, sum))
	}
}

// t3Balance is T3-BALANCE, the rule printed in the table: 一+二 = 三+四.
func (c *checker) t3Balance() {
	for i, col := range T3Columns {
		cells := c.idx.balance[i]
		var v [4]Value
		ok := true
		for k, cell := range cells {
			v[k] = c.vals[cell.Index]
			ok = ok && v[k].State != NotNumber
		}
		anchor := cells[3].ID
		if !ok {
			c.skip("T3-BALANCE", anchor, SkipNotNumber)
			continue
		}
		l, r := v[0].Num.Add(v[1].Num), v[2].Num.Add(v[3].Num)
		if l.Cmp(r) == 0 {
			continue
		}
		msg := "表三 " + t3ColLoc(col) + "列：本年新收" + show(v[0]) + "+上年结转" + show(v[1]) + "=" + l.String() +
			"，办理结果总计" + show(v[2]) + "+结转下年度" + show(v[3]) + "=" + r.String() + "，相差" + l.Sub(r).Abs().String()
		c.add(cmpFinding(Finding{Rule: "T3-BALANCE", Anchor: anchor, Cells: ids(cells[:]...), Message: msg}, l, r))
	}
}

// ruleLevelNames are the level names of T2-RULE-LEVEL; other levels may make 规章.
var ruleLevelNames = map[string]string{
	LevelTownship: "乡镇（街道）", LevelCounty: "县级人民政府", LevelDepartment: "地方政府部门",
}

// t2RuleLevel is T2-RULE-LEVEL: only the State Council's departments and
// governments from the 设区的市 up make 规章.
func (c *checker) t2RuleLevel() {
	name := ruleLevelNames[c.r.Unit.Level]
	if name == "" {
		return
	}
	for _, cell := range c.idx.ruleCells {
		v := c.vals[cell.Index]
		if v.State != Number || v.Num.Sign() <= 0 {
			continue
		}
		c.add(Finding{Rule: "T2-RULE-LEVEL", Anchor: cell.ID, Cells: []string{cell.ID},
			Message: "表二 规章 " + cell.ColName + show(v) + "：" + name +
				"无权制定规章（规章由国务院部门和省、自治区、直辖市、设区的市、自治州人民政府制定），此项通常应为0"})
	}
}

// xCarry is X-CARRY: this year's 上年结转 equals last year's 结转下年度.
func (c *checker) xCarry() {
	p := c.opt.Prev
	usable := p != nil && p.Year == c.r.Year-1 && p.FormatDef() != nil
	for i, col := range T3Columns {
		anchor := c.idx.carried[i].ID
		if !usable {
			c.skip("X-CARRY", anchor, SkipNoPrevious)
			continue
		}
		cur := c.vals[c.idx.carried[i].Index]
		prev := parseCell(p.Cells[c.idx.balance[i][3].ID])
		if cur.State == NotNumber || prev.State == NotNumber {
			c.skip("X-CARRY", anchor, SkipNotNumber)
			continue
		}
		if cur.Num.Cmp(prev.Num) == 0 {
			continue
		}
		msg := "表三 " + t3ColLoc(col) + "列：上年结转" + show(cur) + "与" + itoa(p.Year) +
			"年报告“结转下年度继续办理”" + show(prev) + "不一致，相差" + cur.Num.Sub(prev.Num).Abs().String()
		c.add(cmpFinding(Finding{Rule: "X-CARRY", Anchor: anchor, Cells: []string{anchor}, Message: msg}, cur.Num, prev.Num))
	}
}

// feeCell reads a cell for TXT-S6-FEE: the stored value, or the formula
// when a total is not stored.
func (c *checker) feeCell(id string) Value {
	v, cell := c.val(id)
	if v.State == Empty && cell != nil && cell.Computed() {
		if s, ok := c.sumOf(c.idx.terms[cell.Index]); ok && s.Sign() != 0 {
			return Value{Raw: s.String(), Text: s.String(), Num: s, State: Number}
		}
	}
	return v
}

// txtS6Fee is TXT-S6-FEE (2021 format): a fee in the tables must be
// mentioned in section 六.
func (c *checker) txtS6Fee() {
	if strings.Contains(c.r.Text.S6, "费") {
		return
	}
	fee := c.feeCell("t2.fee.amount")
	nofee := c.feeCell("t3.other.nofee.total")
	var parts []string
	var cells []string
	if fee.State == Number && fee.Num.Sign() > 0 {
		parts = append(parts, "表二 行政事业性收费 本年收费金额"+show(fee)+"大于0")
		cells = append(cells, "t2.fee.amount")
	}
	if nofee.State == Number && nofee.Num.Sign() > 0 {
		parts = append(parts, "表三 （六）其他处理 2.逾期未缴费 总计"+show(nofee)+"大于0")
		cells = append(cells, "t3.other.nofee.total")
	}
	if len(parts) == 0 {
		return
	}
	c.add(Finding{Rule: "TXT-S6-FEE", Anchor: "text.s6", Cells: cells,
		Message: strings.Join(parts, "，且") + "，但“六、其他需要报告的事项”未说明收费情况；请写明本年度是否收取信息处理费及金额"})
}
