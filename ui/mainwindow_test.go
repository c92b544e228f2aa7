package ui

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"nianbao/app"
	"nianbao/draft"
	"nianbao/pdfout"
	"nianbao/storage"
)

// openWorkspace opens (or creates) a real workspace file.
func openWorkspace(t *testing.T, path string) *storage.Workspace {
	t.Helper()
	ws, err := storage.Open(path)
	if err != nil {
		t.Fatalf("open workspace: %v", err)
	}
	return ws
}

// newWindow builds the real main window on a workspace in the headless driver.
func newWindow(t *testing.T, path string) *MainWindow {
	t.Helper()
	test.NewTempApp(t)
	test.ApplyTheme(t, NewTheme())
	ws := openWorkspace(t, path)
	m := NewMainWindow(fyne.CurrentApp(), ws)
	m.Window().Resize(fyne.NewSize(1280, 800))
	t.Cleanup(func() { _ = m.Workspace().Close() })
	return m
}

// withReport is a window with a new 2024 report of a township.
func withReport(t *testing.T) (*MainWindow, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "workspace.db")
	m := newWindow(t, path)
	closeOverlays(m.Window().Canvas())
	if err := m.CreateReport(NewReportRequest{Unit: "张坞镇人民政府", Level: app.LevelTownship, Year: 2024}); err != nil {
		t.Fatal(err)
	}
	closeOverlays(m.Window().Canvas())
	return m, path
}

func closeOverlays(c fyne.Canvas) {
	for c.Overlays().Top() != nil {
		c.Overlays().Remove(c.Overlays().Top())
	}
}

// walk visits every object below o, widgets through their renderers.
func walk(o fyne.CanvasObject, fn func(fyne.CanvasObject) bool) bool {
	if o == nil {
		return false
	}
	if fn(o) {
		return true
	}
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			if walk(c, fn) {
				return true
			}
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			if walk(c, fn) {
				return true
			}
		}
	}
	return false
}

func findButton(o fyne.CanvasObject, text string) *widget.Button {
	var b *widget.Button
	walk(o, func(x fyne.CanvasObject) bool {
		if bt, ok := x.(*widget.Button); ok && bt.Text == text {
			b = bt
			return true
		}
		return false
	})
	return b
}

// typeInto focuses a table cell the way a click does and types into it.
func typeInto(t *testing.T, m *MainWindow, cell, text string) {
	t.Helper()
	c := m.Window().Canvas()
	m.SelectTab(anchorTab(cell))
	if !m.editors[tableKey(cell)].FocusCell(c, cell) {
		t.Fatalf("FocusCell(%s) failed", cell)
	}
	test.Type(c.Focused(), text)
}

func TestFirstStartAsksForANewReport(t *testing.T) {
	path := filepath.Join(t.TempDir(), "workspace.db")
	m := newWindow(t, path)
	c := m.Window().Canvas()
	dlg := c.Overlays().Top()
	if dlg == nil {
		t.Fatal("an empty workspace shows no «新建年度报告» dialog")
	}
	var shown []string
	walk(dlg, func(o fyne.CanvasObject) bool {
		if l, ok := o.(*widget.Label); ok {
			shown = append(shown, l.Text)
		}
		return false
	})
	if !strings.Contains(strings.Join(shown, "|"), "2021年格式") {
		t.Errorf("dialog does not show the applicable format: %q", shown)
	}
	test.Type(c.Focused(), "城关镇人民政府")
	test.Tap(findButton(dlg, "创建"))
	if m.Report() == nil || m.Report().Unit.Name != "城关镇人民政府" {
		t.Fatalf("report not created from the dialog: %+v", m.Report())
	}
	if lines := m.ReportLines(); len(lines) != 1 || !strings.HasPrefix(lines[0], "城关镇人民政府 ") {
		t.Errorf("report list = %q", lines)
	}
	if m.tabs.SelectedIndex() != tabDoc {
		t.Errorf("new report opens on tab %d, want 基本信息与落款", m.tabs.SelectedIndex())
	}
}

func TestTypingUpdatesTotalsChecksAndStorage(t *testing.T) {
	m, path := withReport(t)
	typeInto(t, m, "t3.new.natural", "1２") // full-width 2 from an IME
	typeInto(t, m, "t3.new.commercial", "3")
	if got := m.Report().Cells["t3.new.total"]; got != "15" {
		t.Errorf("t3.new.total = %q, want 15", got)
	}
	if v, _ := m.editors["t3"].Value("t3.new.total"); v != "15" {
		t.Errorf("total shown = %q, want 15", v)
	}
	var balance *app.Finding
	for _, f := range m.Result().Findings {
		if f.Rule == "T3-BALANCE" && f.Anchor == "t3.forward.natural" {
			f := f
			balance = &f
		}
	}
	if balance == nil {
		t.Fatalf("no T3-BALANCE finding after typing 12 new applications: %+v", m.Result().Findings)
	}
	if e, _ := m.checks.Counts(); e == 0 {
		t.Error("check panel shows no errors")
	}
	if !strings.HasPrefix(m.TabTitle(tabT3), "三 依申请公开（") {
		t.Errorf("tab title %q has no count", m.TabTitle(tabT3))
	}
	if _, saved := m.Status(); !strings.HasPrefix(saved, "已保存 ") {
		t.Errorf("status bar = %q", saved)
	}
	if m.editors["t3"].Outline("t3.forward.natural") != "error" {
		t.Error("the cell of an error is not outlined")
	}

	// A click on the finding switches tab and focuses, of its cells, the
	// one the clerk changed last (本年新收 自然人), not the anchor.
	m.SelectTab(tabDoc)
	test.Tap(m.checks.rows[balance.Key()].item)
	if m.tabs.SelectedIndex() != tabT3 {
		t.Errorf("finding click shows tab %d", m.tabs.SelectedIndex())
	}
	if got := focusedCell(m.Window().Canvas()); got != "t3.new.natural" {
		t.Errorf("focused after finding click: %q, want t3.new.natural", got)
	}
	for _, id := range balance.Cells {
		if m.editors["t3"].Outline(id) != "error" {
			t.Errorf("cell %s of the finding is not outlined", id)
		}
	}

	// Saved in the workspace file, read back by a second connection later.
	_ = m.Workspace().Close()
	ws := openWorkspace(t, path)
	defer ws.Close()
	r, err := ws.LoadReport(m.ReportID())
	if err != nil {
		t.Fatal(err)
	}
	if r.Value("t3.new.natural").Text != "12" || r.Value("t3.new.commercial").Text != "3" {
		t.Errorf("stored cells = %v", r.Cells)
	}
}

func TestPasteBlock(t *testing.T) {
	m, path := withReport(t)
	c := m.Window().Canvas()
	m.SelectTab(tabT3)
	m.editors["t3"].FocusCell(c, "t3.new.natural")
	n, rejected := m.editors["t3"].Paste(c, "1\t2\t3\n4\tx\t6\n")
	if n != 5 || len(rejected) != 1 {
		t.Errorf("paste filled %d, rejected %q", n, rejected)
	}
	if got := m.Report().Cells["t3.new.total"]; got != "6" {
		t.Errorf("t3.new.total after paste = %q", got)
	}
	_ = m.Workspace().Close()
	ws := openWorkspace(t, path)
	defer ws.Close()
	r, _ := ws.LoadReport(m.ReportID())
	if r.Value("t3.new.research").Text != "3" {
		t.Errorf("pasted block not stored: %v", r.Cells)
	}
}

func TestExplanationNarrativeAndReopen(t *testing.T) {
	m, path := withReport(t)
	typeInto(t, m, "t3.new.natural", "2")

	// A warning's 出错说明.
	var warn *app.Finding
	for _, f := range m.Result().Warnings() {
		if f.Rule == "VALUE-EMPTY" {
			continue // one summary line per table, nothing to explain
		}
		f := f
		warn = &f
		break
	}
	if warn == nil {
		t.Fatal("no warning to explain")
	}
	ex := m.checks.rows[warn.Key()].explain
	c := m.Window().Canvas()
	c.Focus(ex)
	test.Type(c.Focused(), "经核实无误")
	if m.Report().Explanations[warn.Key()] != "经核实无误" {
		t.Errorf("explanation not kept: %v", m.Report().Explanations)
	}

	// Narrative: typed text, a refused non-BMP character, the data sentences.
	m.SelectTab(tabS5)
	s5 := m.texts["text.s5"].entry
	c.Focus(s5)
	test.Type(c.Focused(), "存在问题𠀀：公开内容不够全面")
	if s5.Text != "存在问题：公开内容不够全面" {
		t.Errorf("s5 = %q", s5.Text)
	}
	if msg, _ := m.Status(); !strings.Contains(msg, "不能输入字符") {
		t.Errorf("no message for a non-BMP character: %q", msg)
	}
	m.SelectTab(tabS1)
	test.Tap(findButton(m.tabs.Selected().Content, "插入数据说明"))
	if !strings.Contains(m.NarrativeText("text.s1"), "本年度共收到政府信息公开申请2件") {
		t.Errorf("data sentences not inserted: %q", m.NarrativeText("text.s1"))
	}
	m.SelectTab(tabT3)
	id := m.ReportID()
	_ = m.Workspace().Close()

	// Restart on the same workspace: the last report and tab come back.
	m2 := newWindow(t, path)
	if m2.ReportID() != id {
		t.Fatalf("reopened report %d, want %d", m2.ReportID(), id)
	}
	if m2.tabs.SelectedIndex() != tabT3 {
		t.Errorf("reopened on tab %d", m2.tabs.SelectedIndex())
	}
	r := m2.Report()
	if r.Cells["t3.new.natural"] != "2" || r.Explanations[warn.Key()] != "经核实无误" ||
		r.Text.S5 != "存在问题：公开内容不够全面" || !strings.Contains(r.Text.S1, "申请2件") {
		t.Errorf("after reopen: cells %v, explanations %v, text %+v", r.Cells, r.Explanations, r.Text)
	}
	if v, _ := m2.editors["t3"].Value("t3.new.natural"); v != "2" {
		t.Errorf("editor shows %q after reopen", v)
	}
}

func TestStorageFailureKeepsEdit(t *testing.T) {
	m, path := withReport(t)
	_ = m.Workspace().Close() // every save now fails
	typeInto(t, m, "t3.new.natural", "7")
	if m.Pending() != 1 || m.Report().Cells["t3.new.natural"] != "7" {
		t.Fatalf("pending %d, cell %q", m.Pending(), m.Report().Cells["t3.new.natural"])
	}
	if _, saved := m.Status(); !strings.HasPrefix(saved, "保存失败") {
		t.Errorf("status = %q", saved)
	}
	// Closing now asks first instead of dropping the edit.
	m.closing()
	var shown []string
	walk(m.Window().Canvas().Overlays().Top(), func(o fyne.CanvasObject) bool {
		if l, ok := o.(*widget.Label); ok {
			shown = append(shown, l.Text)
		}
		return false
	})
	if !strings.Contains(strings.Join(shown, "|"), "有1处修改未能写入工作区") {
		t.Errorf("closing with a pending edit: %q", shown)
	}
	closeOverlays(m.Window().Canvas())
	m.useWorkspace(openWorkspace(t, path)) // the disk is back
	test.Tap(m.retry)
	if m.Pending() != 0 {
		t.Fatal("retry did not save")
	}
	r, _ := m.ws.LoadReport(m.ReportID())
	if r.Value("t3.new.natural").Text != "7" {
		t.Errorf("retried edit not stored: %v", r.Cells)
	}
}

func TestExportPDF(t *testing.T) {
	m, _ := withReport(t)
	typeInto(t, m, "t3.new.natural", "3") // unbalanced: an error
	dir := t.TempDir()
	final := filepath.Join(dir, DefaultPDFName(m.Report()))
	if filepath.Base(final) != "张坞镇人民政府2024年政府信息公开工作年度报告.pdf" {
		t.Errorf("default name %q", filepath.Base(final))
	}
	err := m.ExportPDF(final, false)
	if _, ok := err.(*pdfout.CheckError); !ok {
		t.Fatalf("export with errors: %v, want *pdfout.CheckError", err)
	}
	if _, err := os.Stat(final); !os.IsNotExist(err) {
		t.Error("a refused export left a file")
	}
	draft := filepath.Join(dir, "draft.pdf")
	if err := m.ExportPDF(draft, true); err != nil {
		t.Fatalf("draft export: %v", err)
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext missing")
	}
	out, err := exec.Command("pdftotext", draft, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), "张坞镇人民政府") {
		t.Errorf("PDF text lacks the unit: %.200s", out)
	}
}

func TestTextFindingFocusesItsSection(t *testing.T) {
	m, _ := withReport(t)
	var empty *app.Finding
	for _, f := range m.Result().Findings {
		if f.Rule == "TXT-EMPTY" && f.Anchor == "text.s5" {
			f := f
			empty = &f
		}
	}
	if empty == nil {
		t.Fatal("a new report has no TXT-EMPTY finding for section 五")
	}
	test.Tap(m.checks.rows[empty.Key()].item)
	if m.tabs.SelectedIndex() != tabS5 {
		t.Errorf("tab %d, want 五", m.tabs.SelectedIndex())
	}
	if m.Window().Canvas().Focused() != m.texts["text.s5"].entry {
		t.Error("section 五 not focused")
	}
	if !strings.HasPrefix(m.TabTitle(tabS5), "五 问题与改进（") {
		t.Errorf("tab title %q", m.TabTitle(tabS5))
	}
}

func TestRefusedEditDoesNotHoldBackOthers(t *testing.T) {
	m, path := withReport(t)
	m.cellsEdited(map[string]string{"t3.new.total": "1"}, draft.OpType) // a total: refused
	if msg, _ := m.Status(); !strings.Contains(msg, "自动计算") {
		t.Errorf("refusal not shown: %q", msg)
	}
	typeInto(t, m, "t3.new.legal", "4")
	if m.Pending() != 0 {
		t.Fatalf("pending %d, want none", m.Pending())
	}
	_ = m.Workspace().Close()
	typeInto(t, m, "t3.new.social", "1")
	typeInto(t, m, "t3.new.social", "2") // same cell again: one queued edit
	if m.Pending() != 1 {
		t.Errorf("pending %d, want 1", m.Pending())
	}
	m.useWorkspace(openWorkspace(t, path))
	m.flush()
	r, _ := m.ws.LoadReport(m.ReportID())
	if r.Value("t3.new.legal").Text != "4" || r.Value("t3.new.social").Text != m.Report().Cells["t3.new.social"] {
		t.Errorf("stored %v", r.Cells)
	}
}
