package app

import (
	"reflect"
	"testing"
)

func TestSpamAllowList(t *testing.T) {
	r := loadReport(t, "../testdata/broken/LINT-SPAM.nianbao.json")
	// A word the clerk confirmed is not flagged, in any letter case; the
	// other section still is.
	got := only(t, Check(r, CheckOptions{Allow: []string{"uedbet"}}).Findings, "LINT-SPAM")
	if len(got) != 1 || got[0].Anchor != "text.s6" {
		t.Errorf("UedBet allowed: %v", got)
	}
	// With 最新地址 allowed, the domain next to it is no longer near a flagged word.
	got = only(t, Check(r, CheckOptions{Allow: []string{"最新地址"}}).Findings, "LINT-SPAM")
	if len(got) != 1 || got[0].Anchor != "text.s1" {
		t.Errorf("最新地址 allowed: %v", got)
	}
}

func TestSpamDomains(t *testing.T) {
	r := loadReport(t, "testdata/lint-clean-2021.nianbao.json")
	for text, want := range map[string]string{
		"无。百家乐网址ued88.net。":                "六、其他需要报告的事项：出现异常词“百家乐”（本节2处），疑似网页被篡改或复制时带入的垃圾文字",
		"无。下注请到https://bet.example.com/x。": "六、其他需要报告的事项：出现异常词“下注”（本节2处），疑似网页被篡改或复制时带入的垃圾文字",
		"无。赌场危害见www.xinjiang.gov.cn。":      "六、其他需要报告的事项：出现异常词“赌场”（本节1处），疑似网页被篡改或复制时带入的垃圾文字",
		"无。赌场危害见jyj.edu.cn和abc.org.cn。":    "六、其他需要报告的事项：出现异常词“赌场”（本节1处），疑似网页被篡改或复制时带入的垃圾文字",
		"无。赌场。本县政府网站为一个很长很长的名字的网站xyz.com。": "六、其他需要报告的事项：出现异常词“赌场”（本节1处），疑似网页被篡改或复制时带入的垃圾文字",
		"无。详见www.example.com。":             "",
	} {
		r.Text.S6 = text
		got := only(t, Check(r, CheckOptions{}).Findings, "LINT-SPAM")
		switch {
		case want == "" && got != nil:
			t.Errorf("%q: %v", text, got)
		case want != "" && (len(got) != 1 || got[0].Message != want || got[0].Severity != Error):
			t.Errorf("%q: %v, want %q", text, got, want)
		}
	}
}

func TestSpamSpans(t *testing.T) {
	// Rune offsets into the text as typed: the space that normalisation
	// drops in “bet 365” and the full-width digits stay counted.
	text := "以UedBet体育，访问 www.ued88.com 下注。请勿登录bet 365体育。２０２１年UEDBET"
	want := []Span{
		{1, 7, "UedBet"},
		{13, 26, "www.ued88.com"},
		{27, 29, "下注"},
		{34, 41, "bet 365"},
		{49, 55, "UEDBET"},
	}
	if got := SpamSpans(text, CheckOptions{}); !reflect.DeepEqual(got, want) {
		t.Errorf("got  %v\nwant %v", got, want)
	}
	// The domain stays: bet365 is within 10 characters of it.
	if got := SpamSpans(text, CheckOptions{Allow: []string{"UedBet", "下注"}}); !reflect.DeepEqual(got, []Span{{13, 26, "www.ued88.com"}, {34, 41, "bet 365"}}) {
		t.Errorf("with allow-list: %v", got)
	}
	if got := SpamSpans(text, CheckOptions{Allow: []string{"ued88.com"}}); len(got) != 4 || got[1].Word != "下注" {
		t.Errorf("domain allowed by its host: %v", got)
	}
	if got := SpamSpans("本镇政务公开办公室。", CheckOptions{}); got != nil {
		t.Errorf("clean text: %v", got)
	}
}

// Every occurrence the finding counts is a span the window can mark.
func TestSpamSpansMatchFindingCount(t *testing.T) {
	r := loadReport(t, "../testdata/seeds/mogu-2023.nianbao.json")
	for path, n := range map[string]int{"text.preface": 4, "text.s1": 15, "text.s6": 5} {
		spans := SpamSpans(*r.TextField(path), CheckOptions{})
		if len(spans) != n {
			t.Errorf("%s: %d spans, want %d", path, len(spans), n)
		}
		for _, s := range spans {
			if s.Word != "UedBet" || string([]rune(*r.TextField(path))[s.Start:s.End]) != "UedBet" {
				t.Errorf("%s: span %v", path, s)
			}
		}
	}
}

func TestLintYearEarlierYears(t *testing.T) {
	r := loadReport(t, "testdata/lint-clean-2021.nianbao.json")
	for sent, z := range map[string]string{
		"2011年，我县开通政府网站。":      "2011", // Y−10
		"2019年度，我县开通政府网站。":     "2019",
		"2020年我县开通政府网站。":       "2020",
		"2010年，我县开通政府网站。":      "", // Y−11
		"与2019年相比，公开数量增加。":     "",
		"较2018年，公开数量增加。":       "",
		"2021年，我县开通政府网站。":      "",
		"本县于2019年开通政府网站。":      "",
		"2019-2020年，我县开通政府网站。": "",
	} {
		r.Text.Preface = "现公布新绛县2021年政府信息公开工作年度报告。" + sent
		got := only(t, Check(r, CheckOptions{}).Findings, "LINT-YEAR")
		want := "前言：句子“" + sent + "”以" + z + "年开头，而报告年度为2021年，疑似沿用往年文字"
		switch {
		case z == "" && got != nil:
			t.Errorf("%q: %v", sent, got)
		case z != "" && (len(got) != 1 || got[0].Message != want):
			t.Errorf("%q: %v, want %q", sent, got, want)
		}
	}
}

func TestClaimClausesOfTheTable(t *testing.T) {
	// «本年新收…件» and «办理结果总计…件» are claims even without 申请.
	r := loadReport(t, "testdata/lint-clean-2021.nianbao.json")
	r.Text.S1 += "\n本年新收5件，办理结果总计4件。"
	got := Check(r, CheckOptions{}).Findings
	wantMsgs := []string{
		"一、总体情况：“本年新收5件”称收到申请5件，表三 本年新收总计为2（本年新收+上年结转为2），相差3",
		"一、总体情况：“办理结果总计4件”称办结4件，表三 （七）总计为2，相差2",
	}
	if len(got) != 2 || got[0].Rule != "TXT-APPLY-NEW" || got[0].Message != wantMsgs[0] || got[1].Rule != "TXT-APPLY-DONE" || got[1].Message != wantMsgs[1] {
		t.Errorf("got %v", got)
	}
	// A 复议 clause is not about applications.
	r = loadReport(t, "testdata/lint-clean-2021.nianbao.json")
	r.Text.S1 += "\n行政复议上年结转3件。"
	if got := only(t, Check(r, CheckOptions{}).Findings, "TXT-CARRIED"); got != nil {
		t.Errorf("复议: %v", got)
	}
	r = loadReport(t, "testdata/lint-clean-2021.nianbao.json")
	r.Text.S1 += "\n上年结转0件。"
	if got := Check(r, CheckOptions{}).Findings; len(got) != 0 {
		t.Errorf("上年结转0件 agrees with the table: %v", got)
	}
}
