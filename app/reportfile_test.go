package app

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func sampleReport(t *testing.T) *Report {
	t.Helper()
	r, err := NewReport("新绛县人民政府", LevelCounty, 2021)
	if err != nil {
		t.Fatal(err)
	}
	r.SetCell("t3.new.natural", "２")
	r.SetCell("t3.granted.natural", "2")
	r.SetCell("t2.fee.amount", "0.0350万元")
	r.SetCell("t4.review.upheld", "约3件")
	Recompute(r)
	r.Text.S1 = "2021年，我县认真贯彻落实……\n（一）主动公开方面\n全面梳理<政府网站>"
	r.Text.S6 = "无。"
	r.Doc.Date = "2022-02-08"
	r.Explanations["X-CARRY:t3.carried.natural"] = "上年度报告数据有误。"
	return r
}

func TestReportRoundTripIsByteIdentical(t *testing.T) {
	data, err := MarshalReport(sampleReport(t))
	if err != nil {
		t.Fatal(err)
	}
	r, err := ParseReport(data)
	if err != nil {
		t.Fatalf("read back: %v\n%s", err, data)
	}
	again, err := MarshalReport(r)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(data, again) {
		t.Fatalf("not identical:\n%s\n---\n%s", data, again)
	}
	for _, want := range []string{`"t3.new.natural": "2",`, `"t2.fee.amount": "0.0350"`, `"t4.review.upheld": "约3件"`, `<政府网站>`, "\n}\n"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("output lacks %q", want)
		}
	}
	if strings.Index(string(data), "t2.fee.amount") > strings.Index(string(data), "t3.new.natural") {
		t.Error("cells not in canonical order")
	}
	if r.Cells["t3.new.total"] != "2" || r.Cells["t3.total.total"] != "2" {
		t.Errorf("recomputed totals lost: %v", r.Cells)
	}
	if _, ok := r.Cells["t4.review.total"]; ok {
		t.Error("a total over a non-number term must stay empty")
	}
}

func TestParseReportRefusesBadFiles(t *testing.T) {
	good, _ := MarshalReport(sampleReport(t))
	cases := map[string]struct {
		data string
		want string
	}{
		"duplicate key":   {strings.Replace(string(good), `"year": 2021,`, `"year": 2021, "year": 2022,`, 1), "字段“year”重复出现（第5行"},
		"unknown key":     {strings.Replace(string(good), `"style"`, `"colour": "", "style"`, 1), "未知字段“doc.colour”"},
		"unknown cell":    {strings.Replace(string(good), `"t3.new.natural"`, `"t3.other.natural"`, 1), "单元格“t3.other.natural”不属于2021年格式"},
		"wrong type":      {strings.Replace(string(good), `"year": 2021`, `"year": "2021"`, 1), "字段“year”应为整数"},
		"cell not string": {strings.Replace(string(good), `"t3.new.natural": "2"`, `"t3.new.natural": 2`, 1), "字段“cells.t3.new.natural”应为字符串"},
		"kind":            {strings.Replace(string(good), `nianbao.report`, `other.app`, 1), "这不是年报文件"},
		"version":         {strings.Replace(string(good), `"version": 1`, `"version": 2`, 1), "只能读取第1版"},
		"truncated":       {string(good[:len(good)/2]), "被截断"},
		"not json":        {"PK\x03\x04 this is a zip", "语法错误"},
		"array":           {"[1,2]", "应为一个JSON对象"},
		"missing unit":    {`{"kind":"nianbao.report","version":1,"format":"2021","year":2021}`, "缺少字段“unit”"},
		"bad level":       {strings.Replace(string(good), `"county"`, `"village"`, 1), "unit.level"},
		"bad date":        {strings.Replace(string(good), `2022-02-08`, `2022-2-8`, 1), "doc.date"},
		"invalid utf8":    {strings.Replace(string(good), "无。", "\xff\xfe", 1), "UTF-8"},
		"trailing":        {string(good) + "{}", "多余的内容"},
	}
	for name, tc := range cases {
		_, err := ParseReport([]byte(tc.data))
		var fe *FileError
		if !errors.As(err, &fe) {
			t.Errorf("%s: want FileError, got %v", name, err)
			continue
		}
		if !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: message %q lacks %q", name, err.Error(), tc.want)
		}
	}
	big := bytes.Repeat([]byte(" "), MaxReportFileSize+1)
	if _, err := ReadReport(bytes.NewReader(big)); err == nil || !strings.Contains(err.Error(), "4 MiB") {
		t.Errorf("oversized: %v", err)
	}
}

func TestNewReportPreface(t *testing.T) {
	r, err := NewReport("张坞镇人民政府", LevelTownship, 2021)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"国办公开办函〔2021〕30号", "2021年1月1日至2021年12月31日", "六个部分"} {
		if !strings.Contains(r.Text.Preface, want) {
			t.Errorf("preface lacks %q: %s", want, r.Text.Preface)
		}
	}
	old, _ := NewReport("石门乡人民政府", LevelTownship, 2020)
	if old.Format != "2019" || !strings.Contains(old.Text.Preface, "国办公开办函〔2019〕60号") {
		t.Errorf("2020 report: format %s preface %s", old.Format, old.Text.Preface)
	}
	if r.Title() != "张坞镇人民政府2021年政府信息公开工作年度报告" {
		t.Errorf("title %q", r.Title())
	}
}

// Files saved by Notepad as "UTF-8 with BOM" are read; writing drops the mark.
func TestParseReportAcceptsUTF8BOM(t *testing.T) {
	plain, err := os.ReadFile(filepath.Join("testdata", "xinjiang-2021.nianbao.json"))
	if err != nil {
		t.Fatal(err)
	}
	r, err := ParseReport(append([]byte("\xEF\xBB\xBF"), plain...))
	if err != nil {
		t.Fatalf("BOM file refused: %v", err)
	}
	out, err := MarshalReport(r)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out, plain) {
		t.Error("a BOM file does not write back as the plain file")
	}
}

// Every document path addresses its own field, in the file's key order.
func TestDocFieldsAddressDistinctFields(t *testing.T) {
	var r Report
	seen := map[*string]string{}
	for i, path := range DocFields {
		p := r.DocField(path)
		if p == nil {
			t.Fatalf("DocField(%q) = nil", path)
		}
		if other, dup := seen[p]; dup {
			t.Errorf("%s and %s share a field", path, other)
		}
		seen[p] = path
		if docKeys[i] != path[len("doc."):] {
			t.Errorf("DocFields[%d] = %s, file key %s", i, path, docKeys[i])
		}
	}
	if r.DocField("doc.nothing") != nil || r.DocField("title") != nil {
		t.Error("unknown paths must give nil")
	}
}

// A draft with an unfinished date is refused as a file but read as a draft.
func TestParseDraftKeepsWhatTheStrictReaderRefuses(t *testing.T) {
	r, err := NewReport("城关镇人民政府", LevelTownship, 2024)
	if err != nil {
		t.Fatal(err)
	}
	r.SetCell("t3.new.natural", "３")
	data, err := MarshalReport(r)
	if err != nil {
		t.Fatal(err)
	}
	data = bytes.Replace(data, []byte(`"date": ""`), []byte(`"date": "2025-02"`), 1)
	if _, err := ParseReport(data); err == nil {
		t.Fatal("the strict reader accepted an unfinished date")
	}
	d, err := ParseDraft(data)
	if err != nil {
		t.Fatalf("ParseDraft: %v", err)
	}
	if d.Doc.Date != "2025-02" || d.Cells["t3.new.natural"] != "3" || d.Unit.Name != "城关镇人民政府" || d.Text.Preface != r.Text.Preface {
		t.Errorf("draft = %+v", d)
	}
	if _, err := ParseDraft([]byte("{")); err == nil {
		t.Error("ParseDraft accepted broken JSON")
	}
}
