package app

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzParseValue(f *testing.F) {
	for _, s := range []string{"", "0", "7", "007", "１２", "1,234", "1，234", "+5", "-0", "0.0350万元", "3件", "12个",
		"约3件", "/", "—", "无", "1e3", ".5", "3.", "999999999999", "1234567890123", "－３", "\u22122", " 3 件 ", "\u3000８", "𠀀1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		v := ParseValue(raw)
		if v.Raw != raw {
			t.Fatalf("Raw %q, want the input %q", v.Raw, raw)
		}
		if (v.State == Empty) != (strings.TrimFunc(raw, isSpace) == "") {
			t.Fatalf("%q: state %d", raw, v.State)
		}
		// The allocation-free path of the checker agrees with ParseValue.
		if p := parseCell(raw); p.State != v.State || p.Text != v.Text || (v.State == Number && p.Num.Cmp(v.Num) != 0) {
			t.Fatalf("parseCell(%q) = %+v, ParseValue = %+v", raw, p, v)
		}
		if v.State != Number {
			return
		}
		// The canonical form is a fixed point and means the same number.
		again := ParseValue(v.Text)
		if again.State != Number || again.Text != v.Text || again.Num.Cmp(v.Num) != 0 {
			t.Fatalf("%q → %q → %+v", raw, v.Text, again)
		}
		if d, ok := ParseDecimal(v.Text); !ok || d.Cmp(v.Num) != 0 || d.String() != v.Num.String() {
			t.Fatalf("%q: decimal %v %v", raw, d, ok)
		}
		// A number is never made from text that has no digit.
		if !strings.ContainsAny(raw, "0123456789０１２３４５６７８９") {
			t.Fatalf("%q parsed as %q without a digit", raw, v.Text)
		}
		for _, c := range FormatByID("2021").Cells()[:10] {
			if p := CheckKind(c, v); p != nil && !utf8.ValidString(p.Message) {
				t.Fatalf("invalid message %q", p.Message)
			}
		}
	})
}

func FuzzParseReport(f *testing.F) {
	for _, path := range []string{"testdata/xinjiang-2021.nianbao.json", "../testdata/broken/FORMAT-YEAR.nianbao.json", "../testdata/broken/DOC-NUMBER.nianbao.json"} {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{"kind":"nianbao.report","version":1,"format":"2021","year":2021,"unit":{"name":"x","level":"township"},"cells":{"t3.new.natural":"约3件"}}`))
	f.Add([]byte(`{"kind":"nianbao.report","kind":"x"}`))
	f.Add([]byte(`{"kind":"nianbao.report","version":1,"format":"2021","year":2021,"unit":{"name":"新绛\ud800\\udc00\u202e\u001b","level":"county"}}`))
	f.Add([]byte(`{"kind":"nianbao.report","version":1,"format":"2021","year":2021,"unit":{"name":"\u3000\u200b","level":"county"},"cells":{"t9.x":"1","t3.new.natural":"1"}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := ParseReport(data)
		if err != nil {
			if _, ok := err.(*FileError); !ok {
				t.Fatalf("error is not a *FileError: %T %v", err, err)
			}
			if !utf8.ValidString(err.Error()) || err.Error() == "" {
				t.Fatalf("bad message %q", err.Error())
			}
			return
		}
		out, err := MarshalReport(r)
		if err != nil {
			t.Fatalf("a report that was read cannot be written: %v", err)
		}
		back, err := ParseReport(out)
		if err != nil {
			t.Fatalf("written report unreadable: %v\n%s", err, out)
		}
		out2, _ := MarshalReport(back)
		if !bytes.Equal(out, out2) {
			t.Fatalf("write is not deterministic:\n%s\n%s", out, out2)
		}
		res := Check(r, CheckOptions{Prev: back})
		for _, fd := range res.Findings {
			if fd.Message == "" || !utf8.ValidString(fd.Message) || (fd.Severity != Error && fd.Severity != Warning) {
				t.Fatalf("bad finding %+v", fd)
			}
		}
		Recompute(r)
		Check(r, CheckOptions{Core: true})
	})
}

// FuzzCheckText feeds arbitrary text to every narrative and 公文 field, where
// the lint tier does its byte-offset work.
func FuzzCheckText(f *testing.F) {
	for _, s := range []string{"2020年，共受理办结依申请公开2件。", "统计期限为２０２０ 年1月1日至2020年12月31日", "UedBet体育XX镇人民政府", "截至2020年12月底",
		"国办公开办函[2019]60号", "由五个部分组成的报告", "    年  月  日", "\u212A\u0130某某", "未收到行政复议和行政诉讼", "共一百零五件申请已办结"} {
		f.Add(s)
	}
	base := loadReport(f, "testdata/lint-clean-2021.nianbao.json")
	f.Fuzz(func(t *testing.T, s string) {
		r := base.Clone()
		r.Text = Text{Preface: s, S1: s, S5: s, S6: s}
		r.Doc = Doc{Style: StyleGongwen, Title: s, DocNumber: s, Date: "2022-02-08", PrintedDate: "2022-02-08", CC: s}
		for _, fd := range Check(r, CheckOptions{}).Findings {
			if fd.Message == "" || fd.Severity != Warning && fd.Severity != Error {
				t.Fatalf("bad finding %+v", fd)
			}
			if utf8.ValidString(s) && !utf8.ValidString(fd.Message) {
				t.Fatalf("message splits a character: %q", fd.Message)
			}
		}
	})
}

// Found by FuzzParseValue: a minus after leading zeros made "0-5" read as -5.
func TestParseValueRejectsInnerMinus(t *testing.T) {
	for _, raw := range []string{"0-5", "0-00", "00-1", "0+5", "0.-5"} {
		if v := ParseValue(raw); v.State != NotNumber {
			t.Errorf("ParseValue(%q) = %+v, want NotNumber", raw, v)
		}
	}
	for raw, want := range map[string]string{"-05": "-5", "00": "0", "-00.50": "-0.50"} {
		if v := ParseValue(raw); v.State != Number || v.Text != want {
			t.Errorf("ParseValue(%q) = %+v, want %s", raw, v, want)
		}
	}
}
