package app

import (
	"slices"
	"testing"
)

// rulesOf returns "RULE anchor" of each finding, in order.
func rulesOf(fs []Finding) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.Rule + " " + f.Anchor
	}
	return out
}

func only(t *testing.T, fs []Finding, rule string) []Finding {
	t.Helper()
	var out []Finding
	for _, f := range fs {
		if f.Rule == rule {
			out = append(out, f)
		}
	}
	return out
}

func gongwenExample(t *testing.T) *Report {
	r := workedExample(t)
	r.Doc.Style = StyleGongwen
	r.Doc.DocNumber = "绛政发〔2022〕3号"
	r.Doc.Signer = "王明"
	r.Doc.PrintedDate = "2022-02-08"
	r.Doc.CC = "县委办公室，县人大常委会办公室。"
	return r
}

func TestDocRulesPassAndFail(t *testing.T) {
	r := gongwenExample(t)
	expectFindings(t, Check(r, CheckOptions{}).Findings, []want{exGov, exPunct})

	r.Doc.DocNumber = "绛政发〔2021〕3号"
	r.Doc.PrintedDate = ""
	r.Doc.CC = "县委办公室、县人大常委会办公室"
	expectFindings(t, Check(r, CheckOptions{Core: true}).Findings, []want{
		{"DOC-NUMBER", "doc.doc_number", Warning, "发文字号年份(2021)与成文日期年份(2022)不一致"},
		{"DOC-PRINTDATE", "doc.printed_date", Warning, "印发日期未填写"},
	})
	got := only(t, Check(r, CheckOptions{}).Findings, "DOC-CC")
	if len(got) != 1 || got[0].Message != "抄送机关之间应以“，”分隔，末尾加“。”" {
		t.Errorf("DOC-CC: %v", got)
	}
	// The 公开版 has no 版头 or 版记: no DOC-* rule runs.
	r.Doc.Style = StylePublic
	expectFindings(t, Check(r, CheckOptions{Core: true}).Findings, nil)
}

func TestFormatYear(t *testing.T) {
	r := workedExample(t)
	r.Year = 2018
	r.Doc.Title = ""
	r.Doc.Date = "2019-02-08"
	got := only(t, Check(r, CheckOptions{Core: true}).Findings, "FORMAT-YEAR")
	if len(got) != 1 || got[0].Message != "2018年度报告使用2019年以前的旧格式，本程序不支持" || got[0].Anchor != "format" {
		t.Errorf("2018: %v", got)
	}
	// A 2020 report in the 2019 format passes.
	p, err := NewReport("南召县石门乡人民政府", LevelTownship, 2020)
	if err != nil {
		t.Fatal(err)
	}
	if got := only(t, Check(p, CheckOptions{Core: true}).Findings, "FORMAT-YEAR"); got != nil {
		t.Errorf("2020 in 2019 format: %v", got)
	}
}

func TestFormat2019Arithmetic(t *testing.T) {
	r, err := NewReport("漳平市西园镇人民政府", LevelTownship, 2020)
	if err != nil {
		t.Fatal(err)
	}
	f := r.FormatDef()
	for _, c := range f.Cells() {
		r.Cells[c.ID] = "0"
	}
	r.Cells["t2.license.delta"] = "-2" // 本年增/减 may be negative
	r.Cells["t3.new.legal"] = "4"
	r.Cells["t3.other.legal"] = "4"
	Recompute(r)
	r.Text.S1, r.Text.S5, r.Text.S6 = "总体情况。", "存在问题：公开内容还不够全面，解读形式单一。改进情况：加强培训和督查。", "无。"
	r.Doc.Date = "2021-01-20"
	expectFindings(t, Check(r, CheckOptions{Core: true}).Findings, nil)
	// （六）其他处理 is one row in 2019; it is a term of （七）总计.
	r.Cells["t3.other.legal"] = "3"
	r.Cells["t3.other.total"] = "3"
	got := only(t, Check(r, CheckOptions{Core: true}).Findings, "T3-RESULTTOTAL")
	// The 总计 column breaks the same way, since t3.other.total was lowered too.
	if len(got) != 2 || got[1].Anchor != "t3.total.total" || got[0].Message != "表三 法律服务机构列：（七）总计(4)，（一）至（六）各项之和=3（非零项：（六）其他处理(3)），相差1" {
		t.Errorf("2019 T3-RESULTTOTAL: %v", got)
	} else if len(got[0].Cells) != 20 {
		t.Errorf("2019 T3-RESULTTOTAL names %d cells, want 19 result rows + total", len(got[0].Cells))
	}
	// VALUE-NONNEG does not apply to 本年增/减, but VALUE-INT does.
	r.Cells["t2.fee.delta"] = "-1.5"
	got = Check(r, CheckOptions{Core: true}).Findings
	if v := only(t, got, "VALUE-INT"); len(v) != 1 || v[0].Message != "表二 行政事业性收费 本年增/减：数值(-1.5)应为整数" {
		t.Errorf("VALUE-INT on delta: %v", v)
	}
	if v := only(t, got, "VALUE-NONNEG"); v != nil {
		t.Errorf("VALUE-NONNEG on 本年增/减: %v", v)
	}
	// A 2019 report is not subject to TXT-S6-FEE.
	r.Cells["t2.procurement.amount"] = "12.5"
	if v := only(t, Check(r, CheckOptions{Core: true}).Findings, "TXT-S6-FEE"); v != nil {
		t.Errorf("TXT-S6-FEE on 2019: %v", v)
	}
}

func TestNotNumberSkipsArithmetic(t *testing.T) {
	r := workedExample(t)
	r.Cells["t3.new.natural"] = "约3件"
	res := Check(r, CheckOptions{Core: true})
	if got := rulesOf(res.Findings); !slices.Equal(got, []string{"VALUE-NUMBER t3.new.natural"}) {
		t.Errorf("findings %v", got)
	}
	var skipped []string
	for _, s := range res.Skipped {
		if s.Reason == SkipNotNumber {
			skipped = append(skipped, s.Rule+" "+s.Anchor)
		}
	}
	if !slices.Equal(skipped, []string{"T3-ROWTOTAL t3.new.total", "T3-BALANCE t3.forward.natural"}) {
		t.Errorf("skipped %v", skipped)
	}
}

func TestStoredComputedValueIsChecked(t *testing.T) {
	// An imported file may store a total that is not its formula; the stored
	// string is then checked like an input (formats.md §6.5).
	r := workedExample(t)
	r.Cells["t3.carried.total"] = "-1"
	got := only(t, Check(r, CheckOptions{Core: true}).Findings, "VALUE-NONNEG")
	if len(got) != 1 || got[0].Message != "表三 上年结转行 总计列：数值(-1)不能为负数" {
		t.Errorf("VALUE-NONNEG on stored total: %v", got)
	}
}

func TestFindingOrder(t *testing.T) {
	r := brokenExample(t)
	r.Year, r.Doc.Date = 2021, ""
	r.Cells["t2.rule.issued"] = "x"
	res := Check(r, CheckOptions{Core: true})
	got := rulesOf(res.Findings)
	want := []string{
		"VALUE-NUMBER t2.rule.issued", "VALUE-EMPTY t4.suitafter.pending", "VALUE-NONNEG t3.forward.commercial",
		"VALUE-MONEY t2.fee.amount", "T3-ROWTOTAL t3.granted.total", "T3-ROWTOTAL t3.forward.total",
		"T3-RESULTTOTAL t3.total.natural", "T3-BALANCE t3.forward.commercial", "T4-TOTAL t4.suitafter.total",
		"X-DATE doc.date", "TXT-S6-FEE text.s6",
	}
	if !slices.Equal(got, want) {
		t.Errorf("order\n got %v\nwant %v", got, want)
	}
}

func TestXYear(t *testing.T) {
	r := workedExample(t)
	r.Text.Preface = "本报告所列数据的统计期限为２０２１ 年 1 月 1 日至 2021 年 12 月 31 日。"
	r.Doc.Title = ""
	expectFindings(t, Check(r, CheckOptions{Core: true}).Findings, nil)

	r.Doc.Title = "新绛县政府信息公开工作年度报告"
	r.Text.S1 = "本年度统计时间为2020年1月1日至2021年12月31日。\n统计期间：2019年1月1日至2019年12月31日。\n统计人员2名。"
	expectFindings(t, Check(r, CheckOptions{Core: true}).Findings, []want{
		{"X-YEAR", "doc.title", Error, "标题“新绛县政府信息公开工作年度报告”中没有报告年度（2021年）"},
		{"X-YEAR", "text.s1", Error, "统计期限“2020年1月1日至2021年12月31日”中的年份(2020)与报告年度(2021)不一致（本节共2处）"},
	})
}

func TestXDate(t *testing.T) {
	cases := []struct{ level, date, opt, msg string }{
		{LevelCounty, "2022-03-31", "", ""},
		{LevelCounty, "", "", "成文日期未填写"},
		{LevelCounty, "2021-12-30", "", "成文日期(2021年12月30日)应在报告年度的次年(2022年)"},
		{LevelDepartment, "2022-02-01", "", "成文日期(2022年2月1日)晚于公布期限(2022年1月31日)"},
		{LevelTownship, "2022-02-08", "", "成文日期(2022年2月8日)晚于公布期限(2022年1月31日)"},
		{LevelTownship, "2022-02-08", "03-31", ""},
		{LevelProvince, "2022-03-31", "", ""},
	}
	for _, c := range cases {
		r := workedExample(t)
		r.Unit.Level, r.Doc.Date = c.level, c.date
		got := only(t, Check(r, CheckOptions{TownshipDeadline: c.opt, Core: true}).Findings, "X-DATE")
		switch {
		case c.msg == "" && got != nil:
			t.Errorf("%s %s: %v", c.level, c.date, got)
		case c.msg != "" && (len(got) != 1 || got[0].Message != c.msg || got[0].Severity != Warning):
			t.Errorf("%s %s: %v, want %s", c.level, c.date, got, c.msg)
		}
	}
}

func TestXCarryNeedsTheYearBefore(t *testing.T) {
	r := workedExample(t)
	prev, _ := NewReport("新绛县人民政府", LevelCounty, 2019)
	prev.SetCell("t3.forward.natural", "5")
	res := Check(r, CheckOptions{Prev: prev, Core: true})
	if only(t, res.Findings, "X-CARRY") != nil || len(res.Skipped) < 7 || res.Skipped[0].Reason != SkipNoPrevious {
		t.Errorf("a 2019 report is not the previous year of 2021: %v %v", res.Findings, res.Skipped)
	}
}

func TestTxtEmptyS5Length(t *testing.T) {
	r := workedExample(t)
	r.Text.S5 = "暂无"
	if got := only(t, Check(r, CheckOptions{Core: true}).Findings, "TXT-EMPTY"); len(got) != 1 ||
		got[0].Message != "“五、存在的主要问题及改进情况”内容为空或过短（2字），应写明存在的问题和改进情况" {
		t.Errorf("暂无: %v", got)
	}
	r.Text.S5 = "一是政策解读形式较为单一。二是改进：丰富解读形式。" // 20 Han characters
	if got := only(t, Check(r, CheckOptions{Core: true}).Findings, "TXT-EMPTY"); got != nil {
		t.Errorf("20 characters: %v", got)
	}
	r.Text.S1 = " \n"
	if got := only(t, Check(r, CheckOptions{Core: true}).Findings, "TXT-EMPTY"); len(got) != 1 || got[0].Message != "“一、总体情况”内容为空" {
		t.Errorf("blank s1: %v", got)
	}
}

func TestTxtS6FeePassesWhenMentioned(t *testing.T) {
	r := workedExample(t)
	r.Cells["t2.fee.amount"] = "0.035"
	if only(t, Check(r, CheckOptions{Core: true}).Findings, "TXT-S6-FEE") == nil {
		t.Fatal("fee without a word in 六")
	}
	r.Text.S6 = "本年度未收取政府信息公开信息处理费。"
	if got := only(t, Check(r, CheckOptions{Core: true}).Findings, "TXT-S6-FEE"); got != nil {
		t.Errorf("fee mentioned: %v", got)
	}
}

func TestT2RuleLevelOnlyBelowCity(t *testing.T) {
	r := workedExample(t)
	r.Cells["t2.rule.repealed"] = "2"
	r.Unit.Level = LevelCity
	if got := only(t, Check(r, CheckOptions{Core: true}).Findings, "T2-RULE-LEVEL"); got != nil {
		t.Errorf("a city may make 规章: %v", got)
	}
	r.Unit.Level = LevelTownship
	got := only(t, Check(r, CheckOptions{Core: true}).Findings, "T2-RULE-LEVEL")
	if len(got) != 1 || got[0].Message != "表二 规章 本年废止件数(2)：乡镇（街道）无权制定规章（规章由国务院部门和省、自治区、直辖市、设区的市、自治州人民政府制定），此项通常应为0" {
		t.Errorf("township: %v", got)
	}
}

func TestCheckToleratesUnknownFormat(t *testing.T) {
	// The editor may hold a report whose format is not (yet) known; only
	// the rules that need no table run.
	for _, r := range []*Report{{}, {Format: "2018", Year: 2021, Cells: map[string]string{"t3.new.natural": "1"}}} {
		res := Check(r, CheckOptions{Prev: &Report{}})
		if len(res.Findings) == 0 || res.Findings[0].Rule != "FORMAT-YEAR" {
			t.Errorf("%+v: %v", r, rulesOf(res.Findings))
		}
	}
}

func TestCheckConcurrent(t *testing.T) {
	// The UI checks from its own goroutine while the PDF export may check too.
	r := brokenExample(t)
	want := rulesOf(Check(r, CheckOptions{}).Findings)
	done := make(chan []string)
	for range 4 {
		go func() { done <- rulesOf(Check(r, CheckOptions{}).Findings) }()
	}
	for range 4 {
		if got := <-done; !slices.Equal(got, want) {
			t.Errorf("concurrent run: %v", got)
		}
	}
}
