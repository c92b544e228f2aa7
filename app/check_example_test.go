package app

import (
	"bytes"
	"os"
	"testing"
)

// The worked example of formats.md §10: seed 004 (新绛县 2021).

func loadReport(t testing.TB, path string) *Report {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	r, err := ParseReport(data)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return r
}

func workedExample(t testing.TB) *Report {
	return loadReport(t, "testdata/xinjiang-2021.nianbao.json")
}

// want is one expected finding, typed from the spec.
type want struct {
	rule, anchor string
	sev          Severity
	msg          string
}

func expectFindings(t *testing.T, got []Finding, exp []want) {
	t.Helper()
	n := max(len(got), len(exp))
	for i := range n {
		switch {
		case i >= len(got):
			t.Errorf("#%d missing: %s %s %s", i+1, exp[i].rule, exp[i].anchor, exp[i].msg)
		case i >= len(exp):
			t.Errorf("#%d unexpected: %s %s %s", i+1, got[i].Rule, got[i].Anchor, got[i].Message)
		default:
			g, e := got[i], exp[i]
			if g.Rule != e.rule || g.Anchor != e.anchor || g.Severity != e.sev || g.Message != e.msg {
				t.Errorf("#%d\n got %s %s %s %s\nwant %s %s %s %s", i+1, g.Rule, g.Anchor, g.Severity, g.Message, e.rule, e.anchor, e.sev, e.msg)
			}
		}
	}
}

func TestWorkedExampleFileIsCanonical(t *testing.T) {
	data, err := os.ReadFile("testdata/xinjiang-2021.nianbao.json")
	if err != nil {
		t.Fatal(err)
	}
	out, err := MarshalReport(workedExample(t))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(data, out) {
		t.Errorf("worked example does not round-trip byte for byte:\n%s", out)
	}
	if n := len(workedExample(t).Cells); n != 200 {
		t.Errorf("worked example has %d cells, formats.md §10.1 says 200", n)
	}
}

func TestWorkedExamplePassesCore(t *testing.T) {
	r := workedExample(t)
	res := Check(r, CheckOptions{Core: true})
	expectFindings(t, res.Findings, nil)
	// X-CARRY is 未检查 without the 2020 report: seven skipped instances.
	n := 0
	for _, s := range res.Skipped {
		if s.Rule == "X-CARRY" && s.Reason == SkipNoPrevious {
			n++
		}
	}
	if n != 7 {
		t.Errorf("X-CARRY skipped %d times without a previous report, want 7 (%v)", n, res.Skipped)
	}
	// With a stored 2020 report whose 结转下年度 are all 0 it passes.
	prev, err := NewReport("新绛县人民政府", LevelCounty, 2020)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range T3Columns {
		prev.SetCell("t3.forward."+c, "0")
	}
	res = Check(r, CheckOptions{Prev: prev, Core: true})
	expectFindings(t, res.Findings, nil)
	for _, s := range res.Skipped {
		if s.Rule == "X-CARRY" {
			t.Errorf("X-CARRY skipped with a previous report: %v", s)
		}
	}
}

func TestWorkedExampleEmptyTable2(t *testing.T) {
	r := workedExample(t)
	ids := []string{}
	for _, c := range r.FormatDef().Table("t2").Cells {
		delete(r.Cells, c.ID)
		ids = append(ids, c.ID)
	}
	res := Check(r, CheckOptions{Core: true})
	if len(res.Findings) != 10 {
		t.Fatalf("empty 表二: %d findings, formats.md §10.1 says exactly ten VALUE-EMPTY: %v", len(res.Findings), res.Findings)
	}
	for i, f := range res.Findings {
		if f.Rule != "VALUE-EMPTY" || f.Anchor != ids[i] || f.Severity != Warning {
			t.Errorf("#%d = %s %s %s, want VALUE-EMPTY %s", i, f.Rule, f.Anchor, f.Severity, ids[i])
		}
	}
}

// brokenExample applies changes 1–5 of formats.md §10.3.
func brokenExample(t *testing.T) *Report {
	r := workedExample(t)
	r.Cells["t3.granted.natural"] = "1"
	r.Cells["t3.forward.commercial"] = "-1"
	delete(r.Cells, "t4.suitafter.pending")
	r.Cells["t2.fee.amount"] = "0.00005"
	before := r.Text.S1
	r.Text.S1 = replaceOnce(t, r.Text.S1, "2021年，共受理办结依申请公开2件。", "2020年，共受理办结依申请公开2件。")
	if r.Text.S1 == before {
		t.Fatal("change 5 not applied")
	}
	return r
}

func replaceOnce(t *testing.T, s, old, new string) string {
	t.Helper()
	i := bytes.Index([]byte(s), []byte(old))
	if i < 0 {
		t.Fatalf("%q not found", old)
	}
	return s[:i] + new + s[i+len(old):]
}

// Rows of formats.md §10.3 (a) and (b), copied from the spec.
var (
	exEmpty  = want{"VALUE-EMPTY", "t4.suitafter.pending", Warning, "表四 复议后起诉 尚未审结：未填写（空白不等于0；没有数据请填0）"}
	exNonneg = want{"VALUE-NONNEG", "t3.forward.commercial", Error, "表三 结转下年度行 商业企业列：数值(-1)不能为负数"}
	exMoney  = want{"VALUE-MONEY", "t2.fee.amount", Error, "表二 行政事业性收费 本年收费金额：金额(0.00005)超过4位小数（单位万元，最小为0.0001万元即1元）"}
	exFee    = want{"TXT-S6-FEE", "text.s6", Warning, "表二 行政事业性收费 本年收费金额(0.00005)大于0，但“六、其他需要报告的事项”未说明收费情况；请写明本年度是否收取信息处理费及金额"}
	exGov    = want{"TXT-S1-GOV", "text.s1", Warning, "一、总体情况：人民政府的年度报告应包括工作考核、社会评议和责任追究结果情况（条例第五十条），文中未提及：工作考核、社会评议、责任追究"}
	exLintYr = want{"LINT-YEAR", "text.s1", Warning, "一、总体情况：句子“2020年，共受理办结依申请公开2件。”以2020年开头，而报告年度为2021年，疑似沿用往年文字"}
	// The seed's 「改进措施:一是…抓手,」: one 「:」 and ten 「,」 in section 五.
	exPunct   = want{"LINT-PUNCT", "text.s5", Warning, "五、存在的主要问题及改进情况：中文中使用了半角标点“措施:一是”（本节共11处），应使用全角标点"}
	exBalComm = want{"T3-BALANCE", "t3.forward.commercial", Error, "表三 商业企业列：本年新收(0)+上年结转(0)=0，办理结果总计(0)+结转下年度(-1)=-1，相差1"}
)

func TestBrokenExampleAsStored(t *testing.T) {
	core := []want{
		exEmpty, exNonneg, exMoney,
		{"T3-ROWTOTAL", "t3.granted.total", Error, "表三 （一）予以公开行：总计(2)，自然人(1)+商业企业(0)+科研机构(0)+社会公益组织(0)+法律服务机构(0)+其他(0)=1，相差1"},
		{"T3-ROWTOTAL", "t3.forward.total", Error, "表三 结转下年度行：总计(0)，自然人(0)+商业企业(-1)+科研机构(0)+社会公益组织(0)+法律服务机构(0)+其他(0)=-1，相差1"},
		{"T3-RESULTTOTAL", "t3.total.natural", Error, "表三 自然人列：（七）总计(2)，（一）至（六）各项之和=1（非零项：（一）予以公开(1)），相差1"},
		exBalComm,
		{"T4-TOTAL", "t4.suitafter.total", Error, "表四 复议后起诉：总计(1)，结果维持(0)+结果纠正(0)+其他结果(0)+尚未审结(空)=0，相差1"},
		exFee,
	}
	res := Check(brokenExample(t), CheckOptions{Core: true})
	expectFindings(t, res.Findings, core)
	if e, w := len(res.Errors()), len(res.Warnings()); e != 7 || w != 2 {
		t.Errorf("core tier: %d errors, %d warnings; want 7 and 2", e, w)
	}
	withLint := append(append([]want{}, core...), exGov, exLintYr, exPunct)
	res = Check(brokenExample(t), CheckOptions{})
	expectFindings(t, res.Findings, withLint)
	if e, w := len(res.Errors()), len(res.Warnings()); e != 7 || w != 5 {
		t.Errorf("with lint: %d errors, %d warnings; want 7 and 5", e, w)
	}
}

func TestBrokenExampleAfterRecompute(t *testing.T) {
	r := brokenExample(t)
	Recompute(r)
	for id, v := range map[string]string{"t3.granted.total": "1", "t3.total.natural": "1", "t3.total.total": "1", "t3.forward.total": "-1", "t4.suitafter.total": "0"} {
		if r.Cells[id] != v {
			t.Errorf("recomputed %s = %q, formats.md §10.3 (b) says %s", id, r.Cells[id], v)
		}
	}
	core := []want{
		exEmpty, exNonneg, exMoney,
		{"T3-BALANCE", "t3.forward.natural", Error, "表三 自然人列：本年新收(2)+上年结转(0)=2，办理结果总计(1)+结转下年度(0)=1，相差1"},
		exBalComm,
		{"T3-BALANCE", "t3.forward.total", Error, "表三 总计列：本年新收(2)+上年结转(0)=2，办理结果总计(1)+结转下年度(-1)=0，相差2"},
		exFee,
	}
	expectFindings(t, Check(r, CheckOptions{Core: true}).Findings, core)
	withLint := append(append([]want{}, core...),
		want{"TXT-APPLY-DONE", "text.s1", Warning, "一、总体情况：“共受理办结依申请公开2件”称办结2件，表三 （七）总计为1，相差1"},
		exGov, exLintYr, exPunct)
	res := Check(r, CheckOptions{})
	expectFindings(t, res.Findings, withLint)
	if e, w := len(res.Errors()), len(res.Warnings()); e != 5 || w != 6 {
		t.Errorf("with lint: %d errors, %d warnings; want 5 and 6", e, w)
	}
}

func TestWorkedExampleLintS1GovAndPunct(t *testing.T) {
	expectFindings(t, Check(workedExample(t), CheckOptions{}).Findings, []want{exGov, exPunct})
}
