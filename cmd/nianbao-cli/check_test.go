package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"nianbao/app"
)

const (
	example = "../../app/testdata/xinjiang-2021.nianbao.json"
	broken  = "../../testdata/broken/"
)

// cli runs nianbao-cli in-process.
func cli(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func TestCheckWorkedExamplePasses(t *testing.T) {
	code, out, errs := cli(t, "check", "--core", example)
	if code != exitOK || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	if out != "检查结果：0个错误，0个警告，7项未检查（缺少上年报告）。\n" {
		t.Errorf("stdout %q", out)
	}
}

func TestCheckPrintsFindingLines(t *testing.T) {
	code, out, _ := cli(t, "check", "--core", broken+"T3-BALANCE.nianbao.json")
	want := "ERROR T3-BALANCE t3.forward.natural 表三 自然人列：本年新收(2)+上年结转(1)=3，办理结果总计(2)+结转下年度(0)=2，相差1\n" +
		"ERROR T3-BALANCE t3.forward.total 表三 总计列：本年新收(2)+上年结转(1)=3，办理结果总计(2)+结转下年度(0)=2，相差1\n" +
		"检查结果：2个错误，0个警告，7项未检查（缺少上年报告）。\n"
	if code != exitFinding || out != want {
		t.Errorf("exit %d\n got %q\nwant %q", code, out, want)
	}
}

func TestCheckWarningsOnlyExitZero(t *testing.T) {
	code, out, _ := cli(t, "check", "--core", "--prev", broken+"X-CARRY.prev.nianbao.json", broken+"X-CARRY.nianbao.json")
	want := "WARN X-CARRY t3.carried.natural 表三 自然人列：上年结转(0)与2020年报告“结转下年度继续办理”(1)不一致，相差1\n" +
		"WARN X-CARRY t3.carried.total 表三 总计列：上年结转(0)与2020年报告“结转下年度继续办理”(1)不一致，相差1\n" +
		"检查结果：0个错误，2个警告。\n"
	if code != exitOK || out != want {
		t.Errorf("exit %d\n got %q\nwant %q", code, out, want)
	}
}

func TestCheckJSON(t *testing.T) {
	// Flags may follow the file name.
	code, out, _ := cli(t, "check", broken+"T3-RESULTTOTAL.nianbao.json", "--json", "--core")
	if code != exitFinding {
		t.Fatalf("exit %d", code)
	}
	var raw struct {
		Findings []map[string]any `json:"findings"`
		Skipped  []map[string]any `json:"skipped"`
	}
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&raw); err != nil {
		t.Fatalf("not a {findings, skipped} object: %v\n%s", err, out)
	}
	for _, f := range raw.Findings {
		for _, k := range []string{"rule", "severity", "anchor", "cells", "left", "right", "diff", "message"} {
			if _, ok := f[k]; !ok {
				t.Errorf("finding lacks %q: %v", k, f)
			}
		}
	}
	var want []map[string]any
	data, err := os.ReadFile(broken + "T3-RESULTTOTAL.expected.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &want); err != nil {
		t.Fatal(err)
	}
	got := raw.Findings
	for _, f := range got { // the expected file leaves out empty fields
		for k, v := range f {
			if v == "" || k == "cells" && len(v.([]any)) == 0 {
				delete(f, k)
			}
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("--json differs from the hand-written expected findings:\n%s", out)
	}
	// The core tier of a 2021 report without the previous year: X-CARRY is
	// not checked in any of the seven columns.
	var skipped []string
	for _, s := range raw.Skipped {
		skipped = append(skipped, s["rule"].(string)+" "+s["anchor"].(string)+" "+s["reason"].(string))
	}
	wantSkipped := []string{
		"X-CARRY t3.carried.natural 缺少上年报告", "X-CARRY t3.carried.commercial 缺少上年报告", "X-CARRY t3.carried.research 缺少上年报告",
		"X-CARRY t3.carried.social 缺少上年报告", "X-CARRY t3.carried.legal 缺少上年报告", "X-CARRY t3.carried.othorg 缺少上年报告",
		"X-CARRY t3.carried.total 缺少上年报告",
	}
	if !reflect.DeepEqual(skipped, wantSkipped) {
		t.Errorf("skipped\n got %v\nwant %v", skipped, wantSkipped)
	}
}

// Both tiers with the previous year: no error; the 2019-only rules are
// listed once each as 不适用本格式 at the format, X-STOCK per instance
// (the year before used the 2019 format).
func TestCheckJSONBothTiers(t *testing.T) {
	code, out, _ := cli(t, "check", "--json", "--prev", broken+"X-CARRY.prev.nianbao.json", broken+"X-CARRY.nianbao.json")
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, out)
	}
	var res struct {
		Findings []struct{ Rule, Anchor string }         `json:"findings"`
		Skipped  []struct{ Rule, Anchor, Reason string } `json:"skipped"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	var skipped []string
	for _, s := range res.Skipped {
		skipped = append(skipped, s.Rule+" "+s.Anchor+" "+s.Reason)
	}
	want := []string{
		"T2-DELTA-NEG format 不适用本格式", "T2-PROC-PAIR format 不适用本格式",
		"X-STOCK t2.rule.effective 不适用本格式", "X-STOCK t2.normdoc.effective 不适用本格式",
	}
	if !reflect.DeepEqual(skipped, want) {
		t.Errorf("skipped\n got %v\nwant %v", skipped, want)
	}
	// No findings: an empty list, not null; the same for skipped.
	_, out, _ = cli(t, "check", "--json", "--core", "--prev", "../../testdata/passing/X-STOCK.prev.nianbao.json", "../../testdata/passing/X-STOCK.nianbao.json")
	if strings.Join(strings.Fields(out), "") != `{"findings":[],"skipped":[]}` {
		t.Errorf("no findings: %q", out)
	}
}

func TestCheckUnreadableFiles(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.nianbao.json")
	if err := os.WriteFile(bad, []byte(`{"kind": "nianbao.report", "version": 1, "colour": 1}`), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []string
		msg  string
	}{
		{[]string{"check", filepath.Join(dir, "missing.json")}, "找不到报告文件“" + filepath.Join(dir, "missing.json") + "”。\n"},
		{[]string{"check", bad}, "无法读取报告文件“" + bad + "”："},
		{[]string{"check", dir}, "是文件夹，不是报告文件。\n"},
		{[]string{"check", "--prev", filepath.Join(dir, "missing.json"), example}, "找不到报告文件"},
		{[]string{"check", "--prev", example, example}, "应为新绛县人民政府2020年度的报告。\n"},
	} {
		code, out, errs := cli(t, c.args...)
		if code != exitFailure || out != "" || !strings.Contains(errs, c.msg) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 2 and %q", c.args, code, out, errs, c.msg)
		}
	}
	if code, _, _ := cli(t, "check"); code != exitFailure {
		t.Errorf("no file: exit %d", code)
	}
}

// The lint tier runs by default; --lint is still accepted and changes nothing.
func TestCheckLintByDefault(t *testing.T) {
	want := "WARN TXT-S1-GOV text.s1 一、总体情况：人民政府的年度报告应包括工作考核、社会评议和责任追究结果情况（条例第五十条），文中未提及：工作考核、社会评议、责任追究\n" +
		"WARN LINT-PUNCT text.s5 五、存在的主要问题及改进情况：中文中使用了半角标点“措施:一是”（本节共11处），应使用全角标点\n" +
		"检查结果：0个错误，2个警告，7项未检查（缺少上年报告）。\n"
	for _, args := range [][]string{{"check", example}, {"check", "--lint", example}} {
		code, out, _ := cli(t, args...)
		if code != exitOK || out != want {
			t.Errorf("%v: exit %d\n got %q\nwant %q", args, code, out, want)
		}
	}
}

// LINT-SPAM is an error: the spam seed fails the check.
func TestCheckSpamIsAnError(t *testing.T) {
	code, out, _ := cli(t, "check", "../../testdata/seeds/mogu-2023.nianbao.json")
	if code != exitFinding || !strings.Contains(out, "ERROR LINT-SPAM text.s1 一、总体情况：出现异常词“UedBet”（本节15处），疑似网页被篡改或复制时带入的垃圾文字\n") {
		t.Errorf("exit %d\n%s", code, out)
	}
}

// TestCheckBrokenWorkedExample is formats.md §10.3 (a) end to end: the file
// as stored, both tiers, 7 errors and 5 warnings in the order of the spec.
func TestCheckBrokenWorkedExample(t *testing.T) {
	code, out, _ := cli(t, "check", "../../app/testdata/xinjiang-2021-broken.nianbao.json")
	want := strings.Join([]string{
		"WARN VALUE-EMPTY t4.suitafter.pending 表四 复议后起诉 尚未审结：未填写（空白不等于0；没有数据请填0）",
		"ERROR VALUE-NONNEG t3.forward.commercial 表三 结转下年度行 商业企业列：数值(-1)不能为负数",
		"ERROR VALUE-MONEY t2.fee.amount 表二 行政事业性收费 本年收费金额：金额(0.00005)超过4位小数（单位万元，最小为0.0001万元即1元）",
		"ERROR T3-ROWTOTAL t3.granted.total 表三 （一）予以公开行：总计(2)，自然人(1)+商业企业(0)+科研机构(0)+社会公益组织(0)+法律服务机构(0)+其他(0)=1，相差1",
		"ERROR T3-ROWTOTAL t3.forward.total 表三 结转下年度行：总计(0)，自然人(0)+商业企业(-1)+科研机构(0)+社会公益组织(0)+法律服务机构(0)+其他(0)=-1，相差1",
		"ERROR T3-RESULTTOTAL t3.total.natural 表三 自然人列：（七）总计(2)，（一）至（六）各项之和=1（非零项：（一）予以公开(1)），相差1",
		"ERROR T3-BALANCE t3.forward.commercial 表三 商业企业列：本年新收(0)+上年结转(0)=0，办理结果总计(0)+结转下年度(-1)=-1，相差1",
		"ERROR T4-TOTAL t4.suitafter.total 表四 复议后起诉：总计(1)，结果维持(0)+结果纠正(0)+其他结果(0)+尚未审结(空)=0，相差1",
		"WARN TXT-S6-FEE text.s6 表二 行政事业性收费 本年收费金额(0.00005)大于0，但“六、其他需要报告的事项”未说明收费情况；请写明本年度是否收取信息处理费及金额",
		"WARN TXT-S1-GOV text.s1 一、总体情况：人民政府的年度报告应包括工作考核、社会评议和责任追究结果情况（条例第五十条），文中未提及：工作考核、社会评议、责任追究",
		"WARN LINT-YEAR text.s1 一、总体情况：句子“2020年，共受理办结依申请公开2件。”以2020年开头，而报告年度为2021年，疑似沿用往年文字",
		"WARN LINT-PUNCT text.s5 五、存在的主要问题及改进情况：中文中使用了半角标点“措施:一是”（本节共11处），应使用全角标点",
		"检查结果：7个错误，5个警告，7项未检查（缺少上年报告）。",
		"",
	}, "\n")
	if code != exitFinding || out != want {
		t.Errorf("exit %d\n got %s\nwant %s", code, out, want)
	}
}

// User text in a message is escaped: a tab typed into section 一 cannot
// shift the columns of the output.
func TestCheckEscapesUserText(t *testing.T) {
	data, err := os.ReadFile(example)
	if err != nil {
		t.Fatal(err)
	}
	r, err := app.ParseReport(data)
	if err != nil {
		t.Fatal(err)
	}
	r.Text.S1 += "\n2019年，\t我县开通网站。"
	path := filepath.Join(t.TempDir(), "tab.nianbao.json")
	out, err := app.MarshalReport(r)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, out, 0o600); err != nil {
		t.Fatal(err)
	}
	_, stdout, _ := cli(t, "check", path)
	want := "WARN LINT-YEAR text.s1 一、总体情况：句子“2019年，\\t我县开通网站。”以2019年开头，而报告年度为2021年，疑似沿用往年文字\n"
	if !strings.Contains(stdout, want) || strings.Contains(stdout, "\t") {
		t.Errorf("output\n%s\nwant the line %q and no tab", stdout, want)
	}
}
