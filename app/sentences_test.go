package app

import (
	"strings"
	"testing"
)

// The generated sentences must be read back by the text-against-table
// checks as the numbers of the tables.
func TestDataSentencesAgreeWithTables(t *testing.T) {
	r := reportFor(t, "城关镇人民政府", 2024)
	for id, v := range map[string]string{
		"t3.new.natural": "3", "t3.carried.natural": "1", "t3.granted.natural": "2",
		"t3.forward.natural": "2", "t4.review.upheld": "1", "t4.suitafter.pending": "2",
	} {
		r.SetCell(id, v)
	}
	Recompute(r)
	text := DataSentences(r, "text.s1")
	for _, want := range []string{"收到政府信息公开申请3件", "上年结转1件", "办结2件", "结转下年度继续办理2件", "行政复议1件、行政诉讼2件"} {
		if !strings.Contains(text, want) {
			t.Errorf("%q lacks %q", text, want)
		}
	}
	r.Text.S1 = text
	for _, f := range Check(r, CheckOptions{}).Findings {
		if strings.HasPrefix(f.Rule, "TXT-APPLY") || f.Rule == "TXT-FORWARD" || f.Rule == "TXT-REVIEW" || f.Rule == "TXT-SUIT" {
			t.Errorf("generated text disagrees: %s", f.Message)
		}
	}
}

func TestDataSentencesForZeroTables(t *testing.T) {
	r := reportFor(t, "城关镇人民政府", 2024)
	text := DataSentences(r, "text.s1")
	if !strings.Contains(text, "未收到政府信息公开申请") || !strings.Contains(text, "未发生因政府信息公开工作引起的行政复议、行政诉讼") {
		t.Errorf("zero tables: %q", text)
	}
	r.SetCell("t3.other.nofee.natural", "1")
	Recompute(r)
	if s6 := DataSentences(r, "text.s6"); !strings.Contains(s6, "信息处理费") || !strings.Contains(s6, "1件") {
		t.Errorf("s6 = %q", s6)
	}
}
