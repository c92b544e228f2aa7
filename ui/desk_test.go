package ui

import (
	"archive/zip"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	fynestorage "fyne.io/fyne/v2/storage"
	"github.com/xuri/excelize/v2"

	"nianbao/app"
	"nianbao/assets"
	"nianbao/desk"
	"nianbao/desk/desktest"
	"nianbao/pdfout/fonts"
)

// deskWithScenario is the window in «上级审核» for 2021 with the scenario's
// roster, its folder dropped onto the window.
func deskWithScenario(t *testing.T) (*MainWindow, *DeskView, desktest.Scenario) {
	t.Helper()
	m, _ := withReport(t)
	v := m.ShowDesk()
	v.SetYear(2021)
	sc := desktest.NewScenario(t, "..")
	if err := v.SetRoster(sc.Roster); err != nil {
		t.Fatal(err)
	}
	v.Drop([]fyne.URI{fynestorage.NewFileURI(sc.Dir)})
	v.Wait()
	return m, v, sc
}

func TestDeskDropFillsTheStatusTable(t *testing.T) {
	_, v, _ := deskWithScenario(t)
	want := []string{
		"张坞镇\t有警告\t0\t9\tzhangwu.pdf\t附件数据",
		"新绛县人民政府\t有警告\t0\t2\txinjiang.pdf\t附件数据",
		"城关镇\t有错误\t7\t6\tchengguan.nianbao.json\t报告文件",
		"东关街道\t数据不一致\t3\t4\tdongguan.pdf\t附件数据",
		"西关街道\t数据不一致\t1\t2\txiguan.pdf\t附件数据",
		"南关镇\t无法识别\t\t\tPDF 文件中的对象嵌套超过64层，文件结构异常，拒绝读取\t",
		"北关镇\t未报送\t\t\t.\t",
		"（坏文件.nianbao.json）\t无法识别\t\t\t报告文件无法读取：文件不完整：JSON内容在结尾处被截断（第1行第9列）\t",
	}
	if got := strings.Join(v.StatusLines(), "\n"); got != strings.Join(want, "\n") {
		t.Errorf("status table\n got:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
	v.SetFilter(desk.StatusInconsistent.Label())
	if got := v.StatusLines(); len(got) != 2 || !strings.HasPrefix(got[0], "东关街道") {
		t.Errorf("filtered %q", got)
	}
	v.SetFilter("全部")
	v.SetSort("按状态")
	if got := v.StatusLines(); !strings.HasPrefix(got[0], "东关街道\t数据不一致") || !strings.HasPrefix(got[6], "新绛县") {
		t.Errorf("sorted by status %q", got)
	}
}

func TestDeskUnitViewShowsTheFindings(t *testing.T) {
	_, v, _ := deskWithScenario(t)
	v.SelectRow(3)
	text := v.UnitText()
	for _, want := range []string{"东关街道 · 数据不一致", "dongguan.pdf（附件数据）", "附件数据与正文不一致：表三 本年新收行 自然人列：正文印的是“5”，附件数据是“8”"} {
		if !strings.Contains(text, want) {
			t.Errorf("unit view lacks %q:\n%s", want, text)
		}
	}
	if e, w := v.checks.Counts(); e != 3 || w != 4 {
		t.Errorf("check panel %d errors %d warnings", e, w)
	}
	if !strings.Contains(v.cells.Text, "表三 本年新收行 自然人列：8") {
		t.Error("the report's cells are not listed")
	}
	// The tables as the clerk's window shows them, read-only, the cell of
	// the text-vs-data finding outlined.
	ed := v.tables["t3"]
	if ed == nil {
		t.Fatal("no 表三 in the unit view")
	}
	if got, _ := ed.Value("t3.new.natural"); got != "8" {
		t.Errorf("表三 本年新收 自然人 shows %q", got)
	}
	if !ed.entries["t3.new.natural"].Disabled() {
		t.Error("the unit's table can be edited")
	}
	if ed.Outline("t3.new.natural") == "" {
		t.Error("the cell of the finding is not outlined")
	}
	v.showFinding(app.Finding{Rule: "DESK-TEXT", Anchor: "t3.new.natural"})
	if v.unitTabs.Selected().Text != "表三" {
		t.Errorf("a click on a finding shows tab %q", v.unitTabs.Selected().Text)
	}
	v.SelectRow(0)
	if !strings.Contains(v.UnitText(), "此前收到：") {
		t.Error("张坞镇's replaced file is not in its history")
	}
}

func TestDeskSumAndExports(t *testing.T) {
	m, v, _ := deskWithScenario(t)
	if got := v.Aggregate().Report.Cells["t3.new.natural"]; got != "14" {
		t.Errorf("sum of all: %q, want 14", got)
	}
	v.SetOnlyPassing(true)
	ag := v.Aggregate()
	if got := ag.Report.Cells["t3.new.natural"]; got != "2" || !ag.OnlyPassing || len(ag.Included) != 2 {
		t.Errorf("only passing: %q included %v", got, ag.Included)
	}
	if !strings.Contains(v.SummaryText(), "汇总纳入2个单位，未报送2个") {
		t.Errorf("summary %q", v.SummaryText())
	}
	dir := t.TempDir()
	xl := filepath.Join(dir, "汇总.xlsx")
	if err := v.ExportSumXLSX(xl); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenFile(xl)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	rows, _ := x.GetRows(desk.SheetScope)
	if len(rows) < 2 || rows[0][1] != "只汇总审核通过的单位" {
		t.Errorf("scope sheet %v", rows)
	}
	for _, p := range []string{"汇总.pdf", "汇总.nianbao.json"} {
		path := filepath.Join(dir, p)
		var err error
		if strings.HasSuffix(p, ".pdf") {
			err = v.ExportSumPDF(path)
		} else {
			err = v.ExportSumReport(path)
		}
		if err != nil {
			t.Fatal(err)
		}
		if st, err := os.Stat(path); err != nil || st.Size() < 100 {
			t.Errorf("%s not written", p)
		}
	}
	v.SelectRow(2)
	letter := filepath.Join(dir, "意见.docx")
	if err := v.ExportLetter(letter, desk.LetterOptions{Issuer: "某县人民政府办公室"}); err != nil {
		t.Fatal(err)
	}
	v.SelectRow(6) // 北关镇 sent nothing
	if err := v.ExportLetter(filepath.Join(dir, "x.pdf"), desk.LetterOptions{}); err == nil {
		t.Error("a letter for a unit without a report")
	}
	// the desk reopens from the workspace; the clerk's report is one click away
	if err := v.OpenSumAsReport("某县人民政府"); err != nil {
		t.Fatal(err)
	}
	if r := m.Report(); r == nil || r.Unit.Name != "某县人民政府" || r.Cells["t3.new.natural"] != "2" || r.Year != 2021 {
		t.Errorf("the 汇总 opened as a report: %+v", r)
	}
	v = m.ShowDesk()
	v.SetYear(2021)
	v.Back()
	if m.Report() == nil || m.Report().Unit.Name != "某县人民政府" {
		t.Error("back: the clerk's report is not open")
	}
	again := m.ShowDesk()
	again.SetYear(2021)
	if got := len(again.StatusLines()); got != 8 {
		t.Errorf("reopened desk: %d rows, want 8", got)
	}
}

// Next year starts from this year's roster; nobody has reported yet.
func TestDeskCarriesTheRosterOver(t *testing.T) {
	_, v, _ := deskWithScenario(t)
	v.SetYear(2022)
	if len(v.StatusLines()) != 0 {
		t.Fatalf("2022 before the carry-over: %v", v.StatusLines())
	}
	if err := v.CarryOverRoster(); err != nil {
		t.Fatal(err)
	}
	lines := v.StatusLines()
	if len(lines) != 7 || !strings.HasPrefix(lines[0], "张坞镇\t未报送") || !strings.HasPrefix(lines[6], "北关镇\t未报送") {
		t.Errorf("2022 roster %q", lines)
	}
	if err := v.CarryOverRoster(); err != nil {
		t.Errorf("carrying over twice: %v", err)
	}
	v.SetYear(2023)
	if err := v.CarryOverRoster(); err != nil {
		t.Errorf("from 2022: %v", err)
	}
	v.SetYear(2019)
	if err := v.CarryOverRoster(); err == nil {
		t.Error("carried over from 2018, which has no roster")
	}
}

// The 审核意见 prints in the office's fonts, like its reports: an installed
// 仿宋 (a copy of a bundled font named simfang.ttf) sets the letter's body
// in the PDF and is named in the Word file.
func TestDeskLetterUsesTheOfficeFonts(t *testing.T) {
	fontDir := t.TempDir()
	t.Setenv(fonts.FontDirsEnv, fontDir)
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	if err := os.WriteFile(filepath.Join(fontDir, "simfang.ttf"), assets.FontSong, 0o644); err != nil {
		t.Fatal(err)
	}
	_, v, _ := deskWithScenario(t)
	v.SelectRow(2)
	dir := t.TempDir()
	pdf, word := filepath.Join(dir, "意见.pdf"), filepath.Join(dir, "意见.docx")
	for _, p := range []string{pdf, word} {
		if err := v.ExportLetter(p, desk.LetterOptions{Issuer: "某县人民政府办公室"}); err != nil {
			t.Fatal(err)
		}
	}
	out, err := exec.Command("pdffonts", pdf).Output()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(out), "NotoSerifCJKsc-Light") || !strings.Contains(string(out), "NotoSerifCJKsc-Regular") {
		t.Errorf("the letter's body is not in the installed 仿宋:\n%s", out)
	}
	zr, err := zip.OpenReader(word)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var doc []byte
	for _, f := range zr.File {
		if f.Name == "word/styles.xml" || f.Name == "word/document.xml" {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			doc = append(doc, b...)
		}
	}
	want := fonts.WordNames(func() []fonts.Choice { _, c := fonts.Office(); return c }())["fs"]
	if want == "" || !strings.Contains(string(doc), `w:ascii="`+want+`"`) && !strings.Contains(string(doc), `w:eastAsia="`+want+`"`) {
		t.Errorf("the Word letter does not name the installed 仿宋 %q", want)
	}
}
