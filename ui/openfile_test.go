package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"nianbao/internal/instance"
)

func seedFile(name string) string {
	p, _ := filepath.Abs(filepath.Join("..", "testdata", "seeds", name))
	return p
}

func TestFileArgumentOnFirstStartOpensTheReport(t *testing.T) {
	m := newWindow(t, filepath.Join(t.TempDir(), "workspace.db"))
	c := m.Window().Canvas()
	if c.Overlays().Top() == nil {
		t.Fatal("a first start asks for a new report")
	}
	m.OpenFiles([]string{seedFile("xinjiang-2021.nianbao.json")})
	if m.Report() == nil || m.Report().Unit.Name != "新绛县人民政府" || m.Report().Year != 2021 {
		t.Fatalf("opened %+v", m.Report())
	}
	if c.Overlays().Top() != nil {
		t.Error("the new-report dialog stays over the opened file")
	}
	if lines := m.ReportLines(); len(lines) != 1 {
		t.Errorf("report list %q", lines)
	}
}

func TestFileArgumentWithAppPDFAsksWhenTheReportExists(t *testing.T) {
	m := newWindow(t, filepath.Join(t.TempDir(), "workspace.db"))
	m.OpenFiles([]string{seedFile("xinjiang-2021.nianbao.json")})
	pdf := filepath.Join(t.TempDir(), "新绛县人民政府2021年政府信息公开工作年度报告.pdf")
	if err := m.ExportPDF(pdf, true); err != nil {
		t.Fatal(err)
	}
	m.OpenFiles([]string{pdf})
	ask := m.Window().Canvas().Overlays().Top()
	if ask == nil || findButton(ask, "保留两份") == nil || findButton(ask, "替换现有报告") == nil {
		t.Fatal("no replace/keep-both question for a report the workspace holds")
	}
	test.Tap(findButton(ask, "保留两份"))
	if lines := m.ReportLines(); len(lines) != 2 {
		t.Errorf("after keeping both: %q", lines)
	}
	if m.Report().Unit.Name != "新绛县人民政府" {
		t.Errorf("opened %q", m.Report().Unit.Name)
	}
}

func TestFileArgumentThatIsNoReportSaysSo(t *testing.T) {
	m := newWindow(t, filepath.Join(t.TempDir(), "workspace.db"))
	dir := t.TempDir()
	word := filepath.Join(dir, "通知.docx")
	plain := filepath.Join(dir, "别的.pdf")
	writeBytes(t, word, "PK\x03\x04 not a report")
	writeBytes(t, plain, "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
	for _, c := range []struct{ path, want string }{
		{word, "“通知.docx”不是年报助手的报告文件（.nianbao.json），也不是年报助手导出的PDF。"},
		{plain, "“别的.pdf”："},
		{filepath.Join(dir, "没有.nianbao.json"), "不存在"},
	} {
		closeOverlays(m.Window().Canvas())
		m.OpenFiles([]string{c.path})
		box := m.Window().Canvas().Overlays().Top()
		if box == nil || !containsText(box, c.want) {
			t.Errorf("%s: no message with %q", filepath.Base(c.path), c.want)
		}
	}
	if lines := m.ReportLines(); len(lines) != 0 {
		t.Errorf("something was imported: %q", lines)
	}
}

func TestHandOverThroughTheSocketOpensTheFile(t *testing.T) {
	m := newWindow(t, filepath.Join(t.TempDir(), "workspace.db"))
	dir, err := os.MkdirTemp("", "nb") // short: a socket path has at most 107 bytes
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	sock := instance.SocketPath(filepath.Join(dir, "workspace.db"))
	srv, err := instance.Listen(sock, func(f []string) { fyne.Do(func() { m.HandOver(f) }) })
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	if err := instance.Send(sock, []string{seedFile("zhangwu-2021.nianbao.json")}); err != nil {
		t.Fatal(err)
	}
	if m.Report() == nil || m.Report().Unit.Name != "张坞镇人民政府" {
		t.Fatalf("after the hand-over the window shows %+v", m.Report())
	}
	if msg, _ := m.Status(); !strings.HasPrefix(msg, "已打开：") {
		t.Errorf("status %q", msg)
	}
}

func writeBytes(t *testing.T, path, data string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// containsText reports whether a label below o contains s.
func containsText(o fyne.CanvasObject, s string) bool {
	return walk(o, func(c fyne.CanvasObject) bool {
		l, ok := c.(*widget.Label)
		return ok && strings.Contains(l.Text, s)
	})
}

func TestToolbarImportTakesAnAppPDFThroughTheFileDialog(t *testing.T) {
	m := newWindow(t, filepath.Join(t.TempDir(), "workspace.db"))
	m.OpenFiles([]string{seedFile("zhangwu-2021.nianbao.json")})
	dir := t.TempDir()
	pdf := filepath.Join(dir, "张坞镇人民政府2021年政府信息公开工作年度报告.pdf")
	if err := m.ExportPDF(pdf, true); err != nil {
		t.Fatal(err)
	}
	if err := m.Workspace().SetSetting(settingLastDir, dir); err != nil {
		t.Fatal(err)
	}
	closeOverlays(m.Window().Canvas())
	m.showImportJSON()
	box := m.Window().Canvas().Overlays().Top()
	if box == nil || findLabel(box, "位置："+dir) == nil {
		t.Fatal("the import dialog does not start in the last folder")
	}
	test.Type(findEntry(box), filepath.Base(pdf))
	test.Tap(findButton(box, "打开"))
	ask := m.Window().Canvas().Overlays().Top()
	if ask == nil || findButton(ask, "替换现有报告") == nil {
		t.Fatal("no question for the report the workspace holds")
	}
	test.Tap(findButton(ask, "替换现有报告"))
	if lines := m.ReportLines(); len(lines) != 1 || m.Report().Unit.Name != "张坞镇人民政府" {
		t.Errorf("after replacing: %q, open %q", lines, m.Report().Unit.Name)
	}
}
