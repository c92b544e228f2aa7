package ui

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"nianbao/app"
	"nianbao/pdfout"
	"nianbao/storage"
)

// What the window exports is what it showed: the file read back with the
// strict reader and checked gives exactly the window's findings.
func TestExportedJSONHasTheWindowsFindings(t *testing.T) {
	m, _ := withReport(t)
	c := m.Window().Canvas()
	typeInto(t, m, "t3.new.natural", "3119")
	m.editors["t3"].FocusCell(c, "t3.granted.natural")
	if n, rej := m.editors["t3"].Paste(c, "3000\t0\t0\t0\t0\t0\t3000\n"); n != 6 || len(rej) != 0 {
		t.Fatalf("paste: %d, rejected %v", n, rej)
	}
	out := filepath.Join(t.TempDir(), "out.nianbao.json")
	if err := m.ExportJSON(out); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, err := app.ReadReport(f)
	if err != nil {
		t.Fatal(err)
	}
	got := app.Check(r, m.Draft().Options())
	if !reflect.DeepEqual(got.Findings, m.Result().Findings) {
		t.Fatalf("file findings differ from the window's:\n%+v\nwant\n%+v", got.Findings, m.Result().Findings)
	}
	if r.Cells["t3.new.total"] != "3119" || r.Cells["t3.granted.total"] != "3000" {
		t.Fatalf("exported totals %q, %q", r.Cells["t3.new.total"], r.Cells["t3.granted.total"])
	}
	for _, f := range got.Findings {
		if f.Rule == "T3-ROWTOTAL" || f.Rule == "T3-RESULTTOTAL" {
			t.Errorf("exported file fails %s: %s", f.Rule, f.Message)
		}
	}
	if e, _ := m.checks.Counts(); e != len(got.Errors()) {
		t.Errorf("panel shows %d errors, the file has %d", e, len(got.Errors()))
	}
	// What «nianbao-cli db export» writes: the workspace's own export of
	// the file after the window closed it.
	id := m.ReportID()
	path := m.Workspace().Path()
	if err := m.Workspace().Close(); err != nil {
		t.Fatal(err)
	}
	ws := openWorkspace(t, path)
	defer ws.Close()
	var buf bytes.Buffer
	if err := ws.ExportJSON(id, &buf); err != nil {
		t.Fatal(err)
	}
	r2, err := app.ReadReport(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if got2 := app.Check(r2, m.Draft().Options()); !reflect.DeepEqual(got2.Findings, m.Result().Findings) {
		t.Fatalf("workspace export findings differ from the window's:\n%+v", got2.Findings)
	}
}

func seedText(t *testing.T, name string) *app.Report {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "testdata", "seeds", name))
	if err != nil {
		t.Fatal(err)
	}
	r, err := app.ParseReport(data)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func hasRule(fs []app.Finding, rule string) bool {
	for _, f := range fs {
		if f.Rule == rule {
			return true
		}
	}
	return false
}

// Seed 002's narrative carries injected gambling spam: an error in the
// window that blocks the final PDF, marked at every occurrence, until the
// clerk allow-lists the word.
func TestSpamBlocksFinalExportUntilAllowListed(t *testing.T) {
	m, _ := withReport(t)
	seed := seedText(t, "mogu-2023.nianbao.json")
	m.SelectTab(tabS1)
	m.texts["text.s1"].entry.SetText(seed.Text.S1) // as a paste into the section
	var spam *app.Finding
	for _, f := range m.Result().Errors() {
		if f.Rule == "LINT-SPAM" && f.Anchor == "text.s1" {
			f := f
			spam = &f
		}
	}
	if spam == nil {
		t.Fatalf("no LINT-SPAM error: %+v", m.Result().Findings)
	}
	marks := m.Marks("text.s1")
	if want := strings.Count(seed.Text.S1, "UedBet"); len(marks) != want || !strings.Contains(marks[0], "UedBet") {
		t.Fatalf("%d marks, want %d: %q", len(marks), want, marks)
	}
	pdf := filepath.Join(t.TempDir(), "final.pdf")
	var ce *pdfout.CheckError
	if err := m.ExportPDF(pdf, false); !errors.As(err, &ce) || !hasRule(ce.Findings, "LINT-SPAM") {
		t.Fatalf("final export with spam: %v", err)
	}
	if _, err := os.Stat(pdf); err == nil {
		t.Fatal("a PDF was written despite the error")
	}
	// «加入允许词» from the finding.
	row := m.checks.rows[spam.Key()]
	if row == nil || row.allow == nil {
		t.Fatal("the LINT-SPAM finding offers no allow-list action")
	}
	test.Tap(row.allow)
	dlg := m.Window().Canvas().Overlays().Top()
	if dlg == nil || findButton(dlg, "加入") == nil {
		t.Fatal("no allow-list dialog")
	}
	test.Tap(findButton(dlg, "加入"))
	if hasRule(m.Result().Findings, "LINT-SPAM") || len(m.Marks("text.s1")) != 0 {
		t.Fatalf("allow-listed word still flagged: %+v", m.Result().Findings)
	}
	if words, _ := m.Workspace().AllowWords(); len(words) != 1 || !strings.EqualFold(words[0], "UedBet") {
		t.Fatalf("allow-list = %q", words)
	}
	if err := m.ExportPDF(pdf, false); errors.As(err, &ce) && hasRule(ce.Findings, "LINT-SPAM") {
		t.Fatalf("still blocked by LINT-SPAM: %v", err)
	}
	// Removing the word from 基本信息 flags it again.
	m.RemoveAllowWord("UedBet")
	if !hasRule(m.Result().Errors(), "LINT-SPAM") {
		t.Fatal("removed allow word not flagged again")
	}
}

func TestFixPunctAndOneUndo(t *testing.T) {
	m, _ := withReport(t)
	m.SelectTab(tabS5)
	text := "改进措施:一是抓手,二是落实(试行)。问题:人员不足;措施:加强培训!"
	n := m.texts["text.s5"]
	n.entry.SetText(text)
	if !hasRule(m.Result().Findings, "LINT-PUNCT") {
		t.Fatalf("no LINT-PUNCT: %+v", m.Result().Findings)
	}
	test.Tap(findButton(m.tabs.Selected().Content, "规范标点"))
	want := "改进措施：一是抓手，二是落实（试行）。问题：人员不足；措施：加强培训！"
	if n.entry.Text != want || m.Report().Text.S5 != want {
		t.Fatalf("规范标点: entry %q, report %q", n.entry.Text, m.Report().Text.S5)
	}
	if hasRule(m.Result().Findings, "LINT-PUNCT") {
		t.Fatal("LINT-PUNCT after 规范标点")
	}
	r, _ := m.Workspace().LoadReport(m.ReportID())
	if r.Text.S5 != want {
		t.Fatalf("stored %q", r.Text.S5)
	}
	test.Tap(findButton(m.Window().Content(), "撤销"))
	if n.entry.Text != text || m.Report().Text.S5 != text {
		t.Fatalf("one undo: entry %q, report %q", n.entry.Text, m.Report().Text.S5)
	}
	r, _ = m.Workspace().LoadReport(m.ReportID())
	if r.Text.S5 != text {
		t.Fatalf("stored after undo %q", r.Text.S5)
	}
}

// BenchmarkWindowKeystroke is one digit typed into a 表三 cell of the real
// window: the owner's recompute, every tier of checks and the durable save,
// then the totals, outlines, tab titles and check panel.
func BenchmarkWindowKeystroke(b *testing.B) {
	test.NewTempApp(b)
	fyne.CurrentApp().Settings().SetTheme(NewTheme())
	ws := openWorkspaceB(b, filepath.Join(b.TempDir(), "workspace.db"))
	defer ws.Close()
	f, err := os.Open(filepath.Join("..", "testdata", "seeds", "xinjiang-2021.nianbao.json"))
	if err != nil {
		b.Fatal(err)
	}
	id, err := ws.ImportJSON(f, storage.ImportNew)
	if err != nil {
		b.Fatal(err)
	}
	f.Close()
	m := NewMainWindow(fyne.CurrentApp(), ws)
	m.Window().Resize(fyne.NewSize(1280, 800))
	m.Open(id)
	m.SelectTab(tabT3)
	c := m.Window().Canvas()
	ne := m.editors["t3"].entries["t3.new.natural"]
	c.Focus(ne)
	b.ResetTimer()
	for b.Loop() {
		ne.TypedRune('1')
		ne.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	}
	b.StopTimer()
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(2*b.N)/1e6, "ms/keystroke")
}

func openWorkspaceB(b *testing.B, path string) *storage.Workspace {
	b.Helper()
	ws, err := storage.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	return ws
}
