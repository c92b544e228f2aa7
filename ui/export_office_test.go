package ui

import (
	"archive/zip"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestExportWordExcelAndWebPage(t *testing.T) {
	m := newWindow(t, filepath.Join(t.TempDir(), "workspace.db"))
	importSeed(t, m, "xinjiang-2021.nianbao.json")
	dir := t.TempDir()
	word := filepath.Join(dir, officeFileName(m.Report(), ".docx", false))
	if filepath.Base(word) != "新绛县人民政府2021年政府信息公开工作年度报告.docx" {
		t.Errorf("default Word name %q", filepath.Base(word))
	}
	if err := m.ExportWord(word, false); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.OpenReader(word)
	if err != nil {
		t.Fatalf("the Word file is not a package: %v", err)
	}
	zr.Close()
	book := filepath.Join(dir, "r.xlsx")
	if err := m.ExportExcel(book, false); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	// 表三 一、本年新收 总计 of the seed, typed from it
	if v, _ := x.GetCellValue("表三", "J6"); v != m.Report().Cells["t3.new.total"] || v == "" {
		t.Errorf("表三 J6 = %q", v)
	}
	frag, err := m.WebPage(false)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(frag, "<div") || strings.Contains(frag, "<html") || !strings.Contains(frag, "<table") {
		t.Errorf("fragment: %.120s", frag)
	}
}

func TestOfficeExportsRefuseErrors(t *testing.T) {
	m := newWindow(t, filepath.Join(t.TempDir(), "workspace.db"))
	importSeed(t, m, "xinjiang-2021.nianbao.json")
	typeInto(t, m, "t3.new.natural", "-1")
	if !m.Result().HasErrors() {
		t.Fatal("no error after typing −1")
	}
	out := filepath.Join(t.TempDir(), "r.docx")
	if err := m.ExportWord(out, false); err == nil || !strings.Contains(err.Error(), "强制性错误") {
		t.Errorf("err = %v", err)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Error("a Word file was written despite the errors")
	}
	if err := m.ExportWord(out, true); err != nil {
		t.Errorf("draft: %v", err)
	}
	if name := officeFileName(m.Report(), ".xlsx", true); !strings.HasSuffix(name, "（草稿）.xlsx") {
		t.Errorf("draft name %q", name)
	}
}

func TestOfficeMenu(t *testing.T) {
	m := newWindow(t, filepath.Join(t.TempDir(), "workspace.db"))
	var labels []string
	for _, it := range m.officeMenu().Items {
		labels = append(labels, it.Label)
	}
	if got := strings.Join(labels, ","); got != "导出Word,导出Excel,复制为网页" {
		t.Errorf("menu %s", got)
	}
	// with no report open, each item says so instead of exporting
	for _, it := range m.officeMenu().Items {
		it.Action()
		if msg, _ := m.Status(); msg != "请先新建或打开一份报告。" {
			t.Errorf("%s without a report: status %q", it.Label, msg)
		}
	}
	b := m.officeButton()
	if b.Text != "导出Word/Excel/网页…" {
		t.Errorf("button %q", b.Text)
	}
}

// TestCFHTMLOffsets: the offsets of the Windows «HTML Format» header point
// at the marked fragment and at the end of the data.
func TestCFHTMLOffsets(t *testing.T) {
	frag := "<p>新绛县 2021</p>"
	b := string(cfHTML(frag))
	num := func(key string) int {
		i := strings.Index(b, key+":")
		n, err := strconv.Atoi(b[i+len(key)+1 : i+len(key)+11])
		if err != nil {
			t.Fatalf("%s: %v", key, err)
		}
		return n
	}
	if got := b[num("StartFragment"):num("EndFragment")]; got != frag {
		t.Errorf("fragment by offsets %q", got)
	}
	if num("EndHTML") != len(b) || !strings.HasPrefix(b[num("StartHTML"):], "<html>") {
		t.Errorf("StartHTML/EndHTML do not frame the document")
	}
}
