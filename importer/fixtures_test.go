package importer

import (
	"bufio"
	"bytes"
	"context"
	"encoding/base64"
	"mime/quotedprintable"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/app"
)

// handFixture is a report's cells typed by hand from a published file.
type handFixture struct {
	format, year, unit string
	cells              map[string]string
}

// loadCells reads testdata/*.cells: a row key, then the printed values of the
// row in the order the format declares its cells.
func loadCells(t testing.TB, name string) handFixture {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name+".cells"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fx := handFixture{cells: map[string]string{}}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Fields(line)
		switch fields[0] {
		case "format":
			fx.format = fields[1]
			continue
		case "year":
			fx.year = fields[1]
			continue
		case "unit":
			fx.unit = fields[1]
			continue
		}
		tab, row, _ := strings.Cut(fields[0], ".")
		var ids []string
		for _, c := range app.FormatByID(fx.format).Cells() {
			if c.Table == tab && c.Row == row {
				ids = append(ids, c.ID)
			}
		}
		if len(ids) != len(fields)-1 {
			t.Fatalf("%s: row %s has %d cells, fixture %d values", name, fields[0], len(ids), len(fields)-1)
		}
		for i, id := range ids {
			fx.cells[id] = fields[i+1]
		}
	}
	return fx
}

func samplePath(t testing.TB, name string) string {
	p := filepath.Join(sharedDir(), "samples", name)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("sample %s not available: %v", p, err)
	}
	return p
}

func checkAgainst(t *testing.T, fx handFixture, res *Result) {
	t.Helper()
	if res.Format != fx.format || res.Year.Value != fx.year || res.Unit.Value != fx.unit {
		t.Errorf("format %s year %s unit %s, want %s %s %s", res.Format, res.Year.Value, res.Unit.Value, fx.format, fx.year, fx.unit)
	}
	if d := diffCells(fx.cells, res.Published); len(d) > 0 {
		t.Errorf("%d cells differ:\n%s", len(d), strings.Join(d, "\n"))
	}
	if res.Recognised != res.Inputs || len(res.Empty) != 0 {
		t.Errorf("recognised %d of %d, empty %v", res.Recognised, res.Inputs, res.Empty)
	}
	if len(res.Totals) != 0 {
		t.Errorf("published totals differ: %v", res.Totals)
	}
}

func TestSampleHTML(t *testing.T) {
	res, err := ImportFile(context.Background(), samplePath(t, "pingtan-2024.html"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkAgainst(t, loadCells(t, "pingtan-2024"), res)
	var fields []string
	for _, s := range res.Sections {
		fields = append(fields, s.Field)
	}
	if got := strings.Join(fields, " "); got != "text.preface text.s1 table.s2 table.s3 table.s4 text.s5 text.s6" {
		t.Errorf("sections %s", got)
	}
	rep := res.Report
	if !strings.HasPrefix(rep.Text.Preface, "本报告根据《中华人民共和国政府信息公开条例》（国务院令第711号）") ||
		!strings.HasPrefix(rep.Text.S1, "2024年，平潭综合实验区坚持以习近平新时代") ||
		rep.Text.S6 != "2024年，无收取信息处理费情况。" {
		t.Errorf("text: preface %.40q s1 %.40q s6 %q", rep.Text.Preface, rep.Text.S1, rep.Text.S6)
	}
	// The site's navigation and footer are not part of the report.
	for _, p := range []string{rep.Text.Preface, rep.Text.S1, rep.Text.S5, rep.Text.S6} {
		if strings.Contains(p, "扫一扫") || strings.Contains(p, "分享到") {
			t.Errorf("page furniture in the text: %.60q", p)
		}
	}
}

func TestSamplePDF(t *testing.T) {
	res, err := ImportFile(context.Background(), samplePath(t, "hongze-2024.pdf"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkAgainst(t, loadCells(t, "hongze-2024"), res)
	if res.Source != SourceText || res.Report.Unit.Level != "county" {
		t.Errorf("source %s level %s", res.Source, res.Report.Unit.Level)
	}
	rep := res.Report
	if rep.Doc.Title != "淮安市洪泽区人民政府2024年政府信息公开工作年度报告" {
		t.Errorf("title %q", rep.Doc.Title)
	}
	// The misprinted label 「2.其他法律行政止公开」 and the 2019-style single
	// （六）其他处理 row are recognised; the mix is reported.
	if !hasWarning(res, "（六）其他处理") {
		t.Errorf("no warning for the single （六） row: %v", res.Warnings)
	}
	if !strings.HasPrefix(rep.Text.S1, "2024年，淮安市洪泽区人民政府坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党中央国务院") {
		t.Errorf("s1 %.80q", rep.Text.S1)
	}
	// The page footers (-1- …) are not in the text.
	if strings.Contains(rep.Text.S1, "-2-") || strings.Contains(rep.Text.S5, "-4-") {
		t.Errorf("page footer in the text")
	}
	if rep.Text.S6 != "2024年，区政府严格落实《政府信息公开信息处理费管理办法》，全年收取政府信息公开信息处理费0元。" {
		t.Errorf("s6 %q", rep.Text.S6)
	}
}

func hasWarning(res *Result, part string) bool {
	for _, w := range res.Warnings {
		if strings.Contains(w, part) {
			return true
		}
	}
	return false
}

// TestSampleDOCX: the 平潭 page saved as Word by LibreOffice.
func TestSampleDOCX(t *testing.T) {
	res, err := ImportFile(context.Background(), filepath.Join("testdata", "pingtan-2024.docx"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkAgainst(t, loadCells(t, "pingtan-2024"), res)
	if res.Report.Text.S6 != "2024年，无收取信息处理费情况。" {
		t.Errorf("s6 %q", res.Report.Text.S6)
	}
}

// TestBlankTemplate: the WPS template of the 2021 format has every table and
// heading but no value; every cell stays empty as printed, none becomes 0.
func TestBlankTemplate(t *testing.T) {
	res, err := ImportFile(context.Background(), samplePath(t, "template-2021-blank.docx"), Options{Year: 2024})
	if err != nil {
		t.Fatal(err)
	}
	if res.Format != "2021" || res.Recognised != 0 || len(res.Published) != 0 {
		t.Errorf("format %s, recognised %d, cells %v", res.Format, res.Recognised, res.Published)
	}
	blank := 0
	for _, e := range res.Empty {
		if e.Reason == ReasonBlank {
			blank++
		}
	}
	// 表二 and 表三 print their blank cells in labelled rows; 表四's single row has no label.
	if blank != 154 || len(res.Empty) != 166 {
		t.Errorf("%d blank of %d empty", blank, len(res.Empty))
	}
	var heads []string
	for _, s := range res.Sections {
		heads = append(heads, s.Field)
	}
	if got := strings.Join(heads, " "); got != "text.preface text.s1 table.s2 table.s3 table.s4 text.s5 text.s6" {
		t.Errorf("sections %s", got)
	}
	if res.Report.Text.S1 != "（文字描述）" {
		t.Errorf("s1 %q", res.Report.Text.S1)
	}
}

// TestSampleMHT: the 平潭 page saved «网页，单个文件» (quoted-printable, as IE
// and WPS write it) and a base64 part in GB2312 named by its MIME header.
func TestSampleMHT(t *testing.T) {
	page, err := os.ReadFile(samplePath(t, "pingtan-2024.html"))
	if err != nil {
		t.Fatal(err)
	}
	var qp bytes.Buffer
	w := quotedprintable.NewWriter(&qp)
	w.Write(page)
	w.Close()
	mht := "From: <Saved by Windows Internet Explorer 11>\r\nSubject: x\r\nMIME-Version: 1.0\r\n" +
		"Content-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----=_NextPart_000_0000_01DB0000.00000000\"\r\n\r\n" +
		"This is a multi-part message in MIME format.\r\n\r\n------=_NextPart_000_0000_01DB0000.00000000\r\n" +
		"Content-Type: text/html;\r\n\tcharset=\"utf-8\"\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Location: http://www.pingtan.gov.cn/x.htm\r\n\r\n" +
		qp.String() + "\r\n------=_NextPart_000_0000_01DB0000.00000000--\r\n"
	res, err := Import(context.Background(), "平潭.mht", []byte(mht), Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkAgainst(t, loadCells(t, "pingtan-2024"), res)

	gb := []byte("<html><body><p>")
	gb = append(gb, 0xb6, 0xfe, 0xa1, 0xa2, 0xd6, 0xf7, 0xb6, 0xaf, 0xb9, 0xab, 0xbf, 0xaa) // 二、主动公开
	gb = append(gb, []byte("</p><table><tr><td>")...)
	gb = append(gb, 0xb9, 0xe6, 0xd5, 0xc2) // 规章
	gb = append(gb, []byte("</td><td>0</td><td>0</td><td>7</td></tr></table></body></html>")...)
	single := "MIME-Version: 1.0\r\nContent-Type: text/html; charset=gb2312\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
		base64.StdEncoding.EncodeToString(gb) + "\r\n"
	res, err = Import(context.Background(), "x.mhtml", []byte(single), Options{Year: 2021})
	if err != nil {
		t.Fatal(err)
	}
	if res.Published["t2.rule.effective"] != "7" {
		t.Errorf("cells %v", res.Published)
	}
}
