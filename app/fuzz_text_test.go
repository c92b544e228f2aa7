package app

import (
	"strings"
	"testing"
	"unicode/utf8"
)

var textSeeds = []string{"改进措施:一是抓手,二是", "(一)主动公开", "说明(见附件1).", "'依法公开'原则", "the clerk's 文件",
	"共3,119件,9:30开始", "见https://a.gov.cn/?q=政务,公开", "以UedBet体育，访问 www.ued88.com 下注。", "请勿登录bet 365体育。２０２１年UEDBET",
	"xxgk@xinjiang.gov.cn,", "((汉))", "\"汉\"\"", "汉'", "\u212A温度为UEDBET博彩资料"}

// 规范标点 changes only the marks it replaces (one character each), is
// idempotent, and leaves nothing for LINT-PUNCT in the text it fixed.
func FuzzFixPunct(f *testing.F) {
	for _, s := range textSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		fixed := FixPunct(s)
		if utf8.RuneCountInString(fixed) != utf8.RuneCountInString(s) {
			t.Fatalf("%q → %q changed the length", s, fixed)
		}
		if again := FixPunct(fixed); again != fixed {
			t.Fatalf("%q → %q → %q", s, fixed, again)
		}
		if m := punctMarks(fixed); len(m) != 0 {
			t.Fatalf("%q → %q still has %v", s, fixed, m)
		}
	})
}

// Every span SpamSpans returns lies in the text, in order, without overlap,
// and names the text it covers.
func FuzzSpamSpans(f *testing.F) {
	for _, s := range textSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		rs := []rune(s)
		end := 0
		for _, sp := range SpamSpans(s, CheckOptions{}) {
			if sp.Start < end || sp.End <= sp.Start || sp.End > len(rs) || string(rs[sp.Start:sp.End]) != sp.Word {
				t.Fatalf("%q: span %+v", s, sp)
			}
			end = sp.End
		}
		if strings.TrimSpace(s) == "" && end != 0 {
			t.Fatalf("%q: spans in blank text", s)
		}
	})
}
