package app

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestFieldTable(t *testing.T) {
	if want := []string{"text.preface", "text.s1", "text.s5", "text.s6"}; !slices.Equal(TextFields, want) {
		t.Errorf("TextFields %v", TextFields)
	}
	if want := []string{"doc.style", "doc.title", "doc.issuer_mark", "doc.doc_number", "doc.signer", "doc.signature",
		"doc.date", "doc.note", "doc.cc", "doc.printed_by", "doc.printed_date"}; !slices.Equal(DocFields, want) {
		t.Errorf("DocFields %v", DocFields)
	}
	// The anchor order of formats.md §8.1.
	if want := []string{"format", "doc.title", "doc.date", "doc.doc_number", "doc.signer", "doc.printed_date", "doc.cc",
		"text.preface", "text.s1", "text.s5", "text.s6"}; !slices.Equal(FieldPaths, want) {
		t.Errorf("FieldPaths %v", FieldPaths)
	}
	for path, want := range map[string][2]string{
		"unit.name": {TabBasic, "机关名称"}, "doc.cc": {TabBasic, "抄送"}, "format": {TabBasic, "格式"},
		"text.preface": {TabS1, "前言"}, "text.s1": {TabS1, "一、总体情况"},
		"text.s5": {TabS5, "五、存在的主要问题及改进情况"}, "text.s6": {TabS6, "六、其他需要报告的事项"},
	} {
		f, ok := FieldByPath(path)
		if !ok || f.Tab != want[0] || f.Name != want[1] {
			t.Errorf("%s: %+v", path, f)
		}
	}
	for anchor, tab := range map[string]string{"t2.fee.amount": TabT2, "t3.other.nofee.total": TabT3, "t4.review.total": TabT4,
		"doc.date": TabBasic, "format": TabBasic, "text.preface": TabS1, "text.s6": TabS6, "t5.x": "", "": ""} {
		if got := TabOf(anchor); got != tab {
			t.Errorf("TabOf(%q) = %q, want %q", anchor, got, tab)
		}
	}
	if _, ok := FieldByPath("doc.colour"); ok {
		t.Error("an unknown path is declared")
	}
	// Every declared field reads and writes its own struct field.
	r := &Report{}
	for i, f := range Fields {
		p := r.Field(f.Path)
		if p == nil {
			t.Fatalf("%s: no pointer", f.Path)
		}
		*p = fmt.Sprint("v", i)
	}
	got := []string{r.Format, r.Unit.Name, r.Unit.Level, r.Text.Preface, r.Text.S1, r.Text.S5, r.Text.S6,
		r.Doc.Style, r.Doc.Title, r.Doc.IssuerMark, r.Doc.DocNumber, r.Doc.Signer, r.Doc.Signature,
		r.Doc.Date, r.Doc.Note, r.Doc.CC, r.Doc.PrintedBy, r.Doc.PrintedDate}
	for i, v := range got {
		if v != fmt.Sprint("v", i) {
			t.Errorf("field %d (%s) = %q", i, Fields[i].Path, v)
		}
	}
	if r.DocField("text.s1") != nil || r.TextField("doc.title") != nil || r.Field("cells") != nil {
		t.Error("a path reached a field of another section")
	}
}

func TestSetFieldValidates(t *testing.T) {
	r, _ := NewReport("新绛县人民政府", LevelCounty, 2021)
	for _, c := range []struct{ path, value, msg string }{
		{"unit.name", "伪造\n99\t2099\x1b[31m红色", "字段“unit.name”（机关名称）含有控制字符“\\n”，此项只能填写一行文字，请删除换行、制表符等控制字符"},
		{"unit.name", "\u3000\u200b", "字段“unit.name”（机关名称）只有空格或不可见字符，请填写实际内容或清空"},
		{"unit.name", " ", "字段“unit.name”（机关名称）不能为空"},
		{"unit.name", "新绛县\u202e府政民人", "字段“unit.name”（机关名称）含有改变文字显示方向的控制字符（U+202E），显示的内容会与实际不符，请删除"},
		{"doc.signer", "王\u2066明", "字段“doc.signer”（签发人）含有改变文字显示方向的控制字符（U+2066），显示的内容会与实际不符，请删除"},
		{"doc.title", "\ufeff", "字段“doc.title”（标题）只有空格或不可见字符，请填写实际内容或清空"},
		{"doc.date", "2022-2-8", "字段“doc.date”为“2022-2-8”，日期应写作YYYY-MM-DD，如2022-02-08"},
		{"doc.style", "red\x1b", "字段“doc.style”为“red\\x1b”，应为“gongwen”（公文版）或“public”（公开版）"},
		{"text.s1", "第一段\x1b[2J", "字段“text.s1”（一、总体情况）含有控制字符“\\x1b”，请删除"},
		{"doc.cc", "县委办公室\xff", "字段“doc.cc”（抄送）含有无效的字符编码，请重新输入"},
	} {
		err := r.SetField(c.path, c.value)
		var fe *FileError
		if !errors.As(err, &fe) || fe.Field != c.path || fe.Error() != c.msg {
			t.Errorf("%s = %q: %v, want %q", c.path, c.value, err, c.msg)
		}
	}
	if r.Unit.Name != "新绛县人民政府" || r.Doc.Date != "" {
		t.Errorf("a refused value was stored: %q %q", r.Unit.Name, r.Doc.Date)
	}
	for path, v := range map[string]string{"unit.name": "新绛县人民政府", "text.s1": "第一段\n第二段\t缩进", "doc.note": "（此件公开发布）\n第二行", "doc.date": "", "doc.style": ""} {
		if err := r.SetField(path, v); err != nil || *r.Field(path) != v {
			t.Errorf("%s = %q: %v", path, v, err)
		}
	}
	if err := r.SetField("doc.colour", "红"); err == nil {
		t.Error("unknown path accepted")
	}
}

// reportJSON is a valid report file whose unit name is the given JSON
// string literal, written as it would be in the file.
func reportJSON(t *testing.T, nameLiteral string) []byte {
	r, _ := NewReport("新绛县人民政府", LevelCounty, 2021)
	data, err := MarshalReport(r)
	if err != nil {
		t.Fatal(err)
	}
	return bytes.Replace(data, []byte(`"name": "新绛县人民政府"`), []byte(`"name": `+nameLiteral), 1)
}

func TestReadRefusesHostileUnitNames(t *testing.T) {
	for lit, msg := range map[string]string{
		`"伪造\n99\t2099\u001b[31m红色"`: "字段“unit.name”（机关名称）含有控制字符“\\n”，此项只能填写一行文字，请删除换行、制表符等控制字符",
		`"\u3000\u200b"`:             "字段“unit.name”（机关名称）只有空格或不可见字符，请填写实际内容或清空",
		`"新绛\u202e县"`:                "字段“unit.name”（机关名称）含有改变文字显示方向的控制字符（U+202E），显示的内容会与实际不符，请删除",
		`"新绛县\ud800人民政府"`:            "字段“unit.name”含有无效的字符编码（不成对的代理项\\uD800–\\uDFFF），请用正常的文字重新填写（第7行第13列）",
		`"新绛县\udc00\ud800"`:          "字段“unit.name”含有无效的字符编码（不成对的代理项\\uD800–\\uDFFF），请用正常的文字重新填写（第7行第13列）",
	} {
		_, err := ParseReport(reportJSON(t, lit))
		var fe *FileError
		if !errors.As(err, &fe) || fe.Field != "unit.name" || fe.Error() != msg {
			t.Errorf("%s: %v\nwant %s", lit, err, msg)
		}
	}
	// A surrogate pair is one character; an escaped backslash before u is no escape.
	for _, lit := range []string{`"新绛县\ud83d\ude00"`, `"新绛县\\ud800"`} {
		if _, err := ParseReport(reportJSON(t, lit)); err != nil {
			t.Errorf("%s: %v", lit, err)
		}
	}
}

func TestEscape(t *testing.T) {
	for in, want := range map[string]string{
		"伪造\n99\t2099\x1b[31m红色": `伪造\n99\t2099\x1b[31m红色`,
		"新绛\u202e县":              `新绛\u202e县`,
		"新绛县人民政府":                "新绛县人民政府",
		"a\x00b\u0085c":          `a\x00b\u0085c`,
	} {
		if got := Escape(in); got != want {
			t.Errorf("Escape(%q) = %q, want %q", in, got, want)
		}
	}
}

// hostileFile is a report file with n cell keys that belong to no format;
// 40,000 of them make a file of about 4 MiB.
func hostileFile(t testing.TB, n int) []byte {
	r, _ := NewReport("新绛县人民政府", LevelCounty, 2021)
	data, err := MarshalReport(r)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.WriteString(`"cells": {`)
	pad := strings.Repeat("零", 22)
	for i := range n {
		if i > 0 {
			b.WriteString(",\n")
		}
		fmt.Fprintf(&b, `    "t9.unknown.%06d": "%s"`, i, pad)
	}
	b.WriteString("}")
	return bytes.Replace(data, []byte(`"cells": {}`), []byte(b.String()), 1)
}

func BenchmarkParseReport4MiB(b *testing.B) {
	data := hostileFile(b, 40000)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := ParseReport(data); err == nil {
			b.Fatal("accepted")
		}
	}
}
