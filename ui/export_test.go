package ui

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"nianbao/pdfout/fonts"
	"nianbao/storage"
)

func importSeed(t *testing.T, m *MainWindow, name string) {
	t.Helper()
	closeOverlays(m.Window().Canvas())
	if err := m.ImportJSON(filepath.Join("..", "testdata", "seeds", name), storage.ImportNew); err != nil {
		t.Fatal(err)
	}
}

func TestFinalExportMarksReportExported(t *testing.T) {
	m := newWindow(t, filepath.Join(t.TempDir(), "workspace.db"))
	importSeed(t, m, "xinjiang-2021.nianbao.json")
	if m.Result().HasErrors() {
		t.Fatalf("seed has errors: %v", m.Result().Errors())
	}
	out := filepath.Join(t.TempDir(), "导出", DefaultPDFName(m.Report()))
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := m.ExportPDF(out, false); err != nil {
		t.Fatalf("export: %v", err)
	}
	if lines := m.ReportLines(); len(lines) != 1 || !strings.Contains(lines[0], storage.StatusExported) {
		t.Errorf("list after export: %q", lines)
	}
	revs, err := m.Workspace().Revisions(m.ReportID())
	if err != nil || len(revs) == 0 || revs[0].PDFPath != out {
		t.Errorf("export revision: %+v, %v", revs, err)
	}
	if dir, _ := m.Workspace().Setting(settingLastDir); dir != filepath.Dir(out) {
		t.Errorf("last folder = %q", dir)
	}
	if _, err := exec.LookPath("pdfinfo"); err == nil {
		if b, err := exec.Command("pdfinfo", out).CombinedOutput(); err != nil {
			t.Errorf("pdfinfo: %v\n%s", err, b)
		}
	}
	// Reopening keeps the status; an edit makes it a draft again.
	id := m.ReportID()
	m.id = 0
	m.Open(id)
	if lines := m.ReportLines(); !strings.Contains(lines[0], storage.StatusExported) {
		t.Errorf("list after reopening: %q", lines)
	}
	typeInto(t, m, "t3.new.natural", "2")
	typeInto(t, m, "t4.review.upheld", "0")
	if lines := m.ReportLines(); !strings.Contains(lines[0], storage.StatusDraft) {
		t.Errorf("list after edit: %q", lines)
	}
}

func TestMissingChosenFontFallsBack(t *testing.T) {
	m := newWindow(t, filepath.Join(t.TempDir(), "workspace.db"))
	importSeed(t, m, "xinjiang-2021.nianbao.json")
	if err := m.Workspace().SetSetting(fontSetting(fonts.FS), "/nowhere/fs.ttf#0"); err != nil {
		t.Fatal(err)
	}
	set := m.fontSet()
	if set.Face(fonts.FS) != fonts.Default().Face(fonts.FS) {
		t.Error("a missing font replaced the bundled one")
	}
	if msg, _ := m.Status(); !strings.Contains(msg, "所选字体已找不到") {
		t.Errorf("no message: %q", msg)
	}
}

func TestExportAsksAboutUnexplainedWarnings(t *testing.T) {
	m := newWindow(t, filepath.Join(t.TempDir(), "workspace.db"))
	importSeed(t, m, "xinjiang-2021.nianbao.json") // its core warnings are explained
	for _, f := range m.Unexplained() {            // the lint tier's too, now
		m.explain(f.Key(), "已核实")
	}
	if n := len(m.Unexplained()); n != 0 || len(m.Result().Warnings()) == 0 {
		t.Fatalf("seed: %d unexplained of %d warnings", n, len(m.Result().Warnings()))
	}
	w := m.Result().Warnings()[0]
	m.explain(w.Key(), "")
	if len(m.Unexplained()) != 1 {
		t.Fatalf("unexplained %d, want 1", len(m.Unexplained()))
	}
	c := m.Window().Canvas()
	test.Tap(findButton(m.Window().Content(), "导出PDF"))
	dlg := c.Overlays().Top()
	if dlg == nil || findButton(dlg, "仍然导出") == nil {
		t.Fatal("no confirmation for a warning without 出错说明")
	}
	closeOverlays(c)
	m.explain(w.Key(), "已核实")
	test.Tap(findButton(m.Window().Content(), "导出PDF"))
	if dlg := c.Overlays().Top(); dlg != nil && findButton(dlg, "仍然导出") != nil {
		t.Error("asked again after every warning was explained")
	}
}
