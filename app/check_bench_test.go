package app

import (
	"strconv"
	"testing"
)

// fullReport is a 2021 report with every cell filled and consistent, and
// the previous year's report whose 结转下年度 matches its 上年结转.
func fullReport(b *testing.B) (*Report, *Report) {
	r := workedExample(b)
	f := r.FormatDef()
	for i, c := range f.Cells() {
		if c.Computed() {
			continue
		}
		v := strconv.Itoa(i%7 + 1)
		if c.Kind == Money {
			v = "12.3456"
		}
		r.Cells[c.ID] = v
	}
	for _, col := range T3Columns[:6] { // keep 一+二 = 三+四 true per column
		r.Cells["t3.new."+col] = "1000"
		r.Cells["t3.carried."+col] = "0"
		r.Cells["t3.forward."+col] = "0"
	}
	Recompute(r)
	for _, col := range T3Columns[:6] {
		total := r.Value("t3.total." + col).Num
		r.Cells["t3.forward."+col] = DecimalOf(1000).Sub(total).String()
		r.Cells["t3.carried."+col] = "0"
	}
	Recompute(r)
	r.Text.S6 = "本年度未收取政府信息公开信息处理费。"
	r.Cells["t2.rule.issued"], r.Cells["t2.rule.repealed"], r.Cells["t2.rule.effective"] = "0", "0", "0"
	prev, err := NewReport(r.Unit.Name, r.Unit.Level, r.Year-1)
	if err != nil {
		b.Fatal(err)
	}
	for _, col := range T3Columns {
		prev.Cells["t3.forward."+col] = r.Cells["t3.carried."+col]
	}
	return r, prev
}

func BenchmarkCheckFullReport(b *testing.B) {
	r, prev := fullReport(b)
	res := Check(r, CheckOptions{Prev: prev, Core: true})
	if len(res.Findings) != 0 || len(res.Skipped) != 0 {
		b.Fatalf("the benchmark report should pass every core rule: %v %v", res.Findings, res.Skipped)
	}
	b.Run("core", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			Check(r, CheckOptions{Prev: prev, Core: true})
		}
	})
	b.Run("lint", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			Check(r, CheckOptions{Prev: prev})
		}
	})
}

// BenchmarkCheckEmptyReport is the worst case for allocations: a new report,
// where every input cell is a VALUE-EMPTY finding.
func BenchmarkCheckEmptyReport(b *testing.B) {
	r, err := NewReport("张坞镇人民政府", LevelTownship, 2021)
	if err != nil {
		b.Fatal(err)
	}
	if n := len(Check(r, CheckOptions{Core: true}).Findings); n < 166 {
		b.Fatalf("%d findings", n)
	}
	b.ReportAllocs()
	for b.Loop() {
		Check(r, CheckOptions{})
	}
}
