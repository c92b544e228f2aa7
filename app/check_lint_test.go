package app

import (
	"strings"
	"testing"
)

// The bases of the lint fixtures pass every rule, lint tier included: the
// passing side of each lint rule.
func TestLintCleanBases(t *testing.T) {
	for _, path := range []string{"testdata/lint-clean-2021.nianbao.json", "testdata/lint-clean-2020.nianbao.json"} {
		r := loadReport(t, path)
		res := Check(r, CheckOptions{})
		if len(res.Findings) != 0 {
			t.Errorf("%s: %v", path, rulesOf(res.Findings))
		}
		r.Doc.Style = StyleGongwen
		r.Doc.DocNumber, r.Doc.Signer, r.Doc.PrintedDate = "绛政发〔"+r.Doc.Date[:4]+"〕3号", "王明", r.Doc.Date
		r.Doc.CC = "县委办公室，县人大常委会办公室。"
		if res := Check(r, CheckOptions{}); len(res.Findings) != 0 {
			t.Errorf("%s as 公文版: %v", path, rulesOf(res.Findings))
		}
	}
}

// Seed 002 states zero claims that pass against its all-zero tables (formats.md §8.3).
func TestZeroClaimsPass(t *testing.T) {
	r := loadReport(t, "testdata/lint-clean-2021.nianbao.json")
	for _, c := range r.FormatDef().Cells() {
		r.Cells[c.ID] = "0"
	}
	r.Text.S1 += "\n本年度未收到政府信息公开申请。\n未收到因政府信息公开工作提起的行政复议和行政诉讼。"
	r.Text.S1 = strings.Replace(r.Text.S1, "2021年，共受理办结依申请公开2件。", "", 1)
	if got := Check(r, CheckOptions{}).Findings; len(got) != 0 {
		t.Errorf("%v", rulesOf(got))
	}
	// The same sentences against non-zero tables are claims of 0 that fail.
	r.Cells["t3.new.natural"], r.Cells["t3.new.total"] = "1", "1"
	r.Cells["t3.forward.natural"], r.Cells["t3.forward.total"] = "1", "1"
	r.Cells["t4.review.pending"], r.Cells["t4.review.total"] = "1", "1"
	got := Check(r, CheckOptions{}).Findings
	want := []string{"TXT-APPLY-NEW text.s1", "TXT-REVIEW text.s1"}
	if g := rulesOf(got); strings.Join(g, ",") != strings.Join(want, ",") {
		t.Errorf("got %v, want %v", g, want)
	}
}

func TestTextClaimPassesWithCarried(t *testing.T) {
	// “收到申请” may count the carried-over applications too.
	r := loadReport(t, "testdata/lint-clean-2021.nianbao.json")
	r.Cells["t3.carried.natural"], r.Cells["t3.carried.total"] = "1", "1"
	r.Cells["t3.forward.natural"], r.Cells["t3.forward.total"] = "1", "1"
	r.Text.S1 += "\n全年共收到信息公开申请3件。"
	if got := Check(r, CheckOptions{}).Findings; len(got) != 0 {
		t.Errorf("%v", got)
	}
}

func TestCountAfter(t *testing.T) {
	for s, want := range map[string]int{"共3件": 3, "共五件": 5, "共十五件": 15, "共两百零五件": 205, "一百二十三件": 123, "共12起": 12, "共2宗": 2} {
		if n, ok := countAfter(s); !ok || n != want {
			t.Errorf("countAfter(%q) = %d %v, want %d", s, n, ok, want)
		}
	}
	for _, s := range []string{"约3件", "近10件", "逾百件", "超过10件", "10余件", "20多件", "3次", "2021年", ""} {
		if n, ok := countAfter(s); ok {
			t.Errorf("countAfter(%q) = %d, want no count", s, n)
		}
	}
}

func TestOwnCore(t *testing.T) {
	for name, want := range map[string]string{"漳平市西园镇人民政府": "西园", "南召县石门乡人民政府": "石门", "新绛县人民政府": "新绛", "某区某街道办事处": "某"} {
		if got := ownCore(name); got != want {
			t.Errorf("ownCore(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestLintSpamSeed002Count(t *testing.T) {
	r := loadReport(t, "../testdata/seeds/mogu-2023.nianbao.json")
	n := 0
	for _, f := range Check(r, CheckOptions{}).Findings {
		if f.Rule == "LINT-SPAM" {
			i := strings.Index(f.Message, "（本节")
			var k int
			for _, c := range f.Message[i+len("（本节"):] {
				if c < '0' || c > '9' {
					break
				}
				k = k*10 + int(c-'0')
			}
			n += k
		}
	}
	if n != 24 {
		t.Errorf("seed 002 has UedBet 24 times (formats.md §8.3), LINT-SPAM counted %d", n)
	}
	clean := loadReport(t, "../testdata/seeds/mogu-2023-clean.nianbao.json")
	if got := only(t, Check(clean, CheckOptions{}).Findings, "LINT-SPAM"); got != nil {
		t.Errorf("clean copy: %v", got)
	}
}

func TestCoreOptionSkipsLint(t *testing.T) {
	r := loadReport(t, "../testdata/broken/LINT-SPAM.nianbao.json")
	if got := Check(r, CheckOptions{Core: true}).Findings; len(got) != 0 {
		t.Errorf("lint rules ran with CheckOptions.Core: %v", rulesOf(got))
	}
}

func TestPlaceholderForms(t *testing.T) {
	r := loadReport(t, "testdata/lint-clean-2021.nianbao.json")
	for text, frag := range map[string]string{
		"成文日期：    年  月  日":                "年  月  日",
		"于20XX年完成。":                       "XX",
		"于X月X日前完成。":                       "X月X日",
		"由某某负责。":                          "某某",
		"签字：＿＿＿＿。":                        "＿＿＿＿",
		"□□□□":                            "□□□□",
		"联系人：待补充。":                        "待补充",
		"见http://www.example.gov.cn/xx/。": "",
		"使用Exxon的设备。":                     "",
		"2022年 2月 8日":                     "",
	} {
		r.Text.S6 = "无。" + text
		got := only(t, Check(r, CheckOptions{}).Findings, "LINT-PLACEHOLDER")
		switch {
		case frag == "" && got != nil:
			t.Errorf("%q: %v", text, got)
		case frag != "" && (len(got) != 1 || got[0].Message != "六、其他需要报告的事项：出现占位文字“"+frag+"”，请替换为实际内容"):
			t.Errorf("%q: %v, want fragment %q", text, got, frag)
		}
	}
}

func TestSpamOffsetsSurviveUnicodeCase(t *testing.T) {
	// U+212A KELVIN SIGN lowercases to a one-byte k; offsets must not shift.
	r := loadReport(t, "testdata/lint-clean-2021.nianbao.json")
	r.Text.S6 = "无。\u212A温度为UEDBET博彩资料。"
	got := only(t, Check(r, CheckOptions{}).Findings, "LINT-SPAM")
	if len(got) != 1 || got[0].Message != "六、其他需要报告的事项：出现异常词“UEDBET”（本节2处），疑似网页被篡改或复制时带入的垃圾文字" {
		t.Errorf("%v", got)
	}
}

func TestSpamListsConfigurable(t *testing.T) {
	r := loadReport(t, "testdata/lint-clean-2021.nianbao.json")
	r.Text.S6 = "无。本镇开通WPS云文档和ABC平台。"
	got := only(t, Check(r, CheckOptions{}).Findings, "LINT-SPAM")
	if len(got) != 1 || !strings.Contains(got[0].Message, "“ABC”（本节1处）") {
		t.Fatalf("default lists: %v", got)
	}
	opt := CheckOptions{SpamAllow: append([]string{"abc"}, DefaultSpamAllow...), SpamWords: []string{"云文档"}}
	got = only(t, Check(r, opt).Findings, "LINT-SPAM")
	if len(got) != 1 || !strings.Contains(got[0].Message, "“云文档”（本节1处）") {
		t.Errorf("configured lists: %v", got)
	}
}
