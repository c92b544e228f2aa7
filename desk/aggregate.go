package desk

import (
	"fmt"
	"strconv"
	"strings"

	"nianbao/app"
)

// Aggregate is the 汇总 of a batch: a report of the superior unit whose
// input cells are the exact sums of the included reports.
type Aggregate struct {
	Report      *app.Report
	Check       app.Result
	OnlyPassing bool
	Included    []string // units whose figures are in the sums, roster order
	Missing     []string // roster units without a report
	Excluded    []string // received but left out, each with its reason
	// Skipped lists "unit: cell" for cell texts that are not numbers and
	// could not be added.
	Skipped []string
}

// DefaultAggregateUnit names the 汇总 report when the office gives no name.
const DefaultAggregateUnit = "全县汇总"

// Sum adds up the current reports of the batch: all of them, or with
// onlyPassing those whose status is 通过 or 有警告. Totals are computed by
// app.Recompute and the result is checked like any report.
func Sum(b *Batch, unit, level string, onlyPassing bool) (*Aggregate, error) {
	if unit == "" {
		unit = DefaultAggregateUnit
	}
	if level == "" {
		level = app.LevelCounty
	}
	r, err := app.NewReport(unit, level, b.Year)
	if err != nil {
		return nil, err
	}
	f := r.FormatDef()
	ag := &Aggregate{Report: r, OnlyPassing: onlyPassing}
	sums := map[string]app.Decimal{}
	for _, u := range b.Units {
		name := u.Unit.Name
		switch {
		case u.Current == nil:
			if u.InRoster {
				ag.Missing = append(ag.Missing, name)
			}
			continue
		case onlyPassing && !u.Status.Passing():
			ag.Excluded = append(ag.Excluded, name+"（"+u.Status.Label()+"）")
			continue
		case u.Current.Report.Format != f.ID:
			ag.Excluded = append(ag.Excluded, name+"（使用"+u.Current.Report.Format+"年格式，与"+f.Name+"不符）")
			continue
		}
		ag.Included = append(ag.Included, name)
		for _, c := range f.Cells() {
			if c.Computed() {
				continue
			}
			v := u.Current.Report.Value(c.ID)
			switch v.State {
			case app.Number:
				sums[c.ID] = sums[c.ID].Add(v.Num)
			case app.NotNumber:
				ag.Skipped = append(ag.Skipped, name+"："+c.Location+"“"+v.Raw+"”")
			}
		}
	}
	for _, c := range f.Cells() {
		if s, ok := sums[c.ID]; ok {
			r.Cells[c.ID] = s.String()
		}
	}
	app.Recompute(r)
	r.Text.S1 = summaryText(ag, b.Year)
	r.Text.S6 = annexText(ag)
	ag.Check = app.Check(r, app.CheckOptions{})
	return ag, nil
}

func summaryText(ag *Aggregate, year int) string {
	choice := "全部已报送单位"
	if ag.OnlyPassing {
		choice = "审核通过的单位"
	}
	return fmt.Sprintf("本报告汇总%s%d年度政府信息公开工作年度报告的统计数据，汇总范围为%s，共%d个单位；各项数据为各单位报告数据之和，合计项按汇总后的数据重新计算。",
		"各单位", year, choice, len(ag.Included))
}

// annexText lists the units included and missing, for the printed report.
func annexText(ag *Aggregate) string {
	var b strings.Builder
	b.WriteString("附：汇总范围\n")
	b.WriteString("纳入汇总的单位（" + strconv.Itoa(len(ag.Included)) + "个）：" + joinOrNone(ag.Included) + "。\n")
	b.WriteString("未报送的单位（" + strconv.Itoa(len(ag.Missing)) + "个）：" + joinOrNone(ag.Missing) + "。")
	if len(ag.Excluded) > 0 {
		b.WriteString("\n已报送但未纳入汇总的单位（" + strconv.Itoa(len(ag.Excluded)) + "个）：" + joinOrNone(ag.Excluded) + "。")
	}
	return b.String()
}

func joinOrNone(names []string) string {
	if len(names) == 0 {
		return "无"
	}
	return strings.Join(names, "、")
}

// Cells returns the input and computed cells of the aggregate, by cell ID.
func (ag *Aggregate) Cells() map[string]string {
	out := make(map[string]string, len(ag.Report.Cells))
	for k, v := range ag.Report.Cells {
		out[k] = v
	}
	return out
}
