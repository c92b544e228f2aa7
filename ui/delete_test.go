package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"nianbao/app"
	"nianbao/storage"
)

// tapDelete taps the toolbar's «删除报告» and returns the dialog it shows.
func tapDelete(t *testing.T, m *MainWindow) fyne.CanvasObject {
	t.Helper()
	b := findButton(m.Window().Content(), "删除报告")
	if b == nil {
		t.Fatal("the toolbar has no «删除报告» button")
	}
	test.Tap(b)
	dlg := m.Window().Canvas().Overlays().Top()
	if dlg == nil {
		t.Fatal("«删除报告» shows no dialog")
	}
	return dlg
}

// labels returns the texts of the labels below o, joined by «|».
func labels(o fyne.CanvasObject) string {
	var shown []string
	walk(o, func(x fyne.CanvasObject) bool {
		if l, ok := x.(*widget.Label); ok {
			shown = append(shown, l.Text)
		}
		return false
	})
	return strings.Join(shown, "|")
}

// backupFiles lists the files in backups/ beside the workspace.
func backupFiles(t *testing.T, path string) []string {
	t.Helper()
	es, err := os.ReadDir(filepath.Join(filepath.Dir(path), "backups"))
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

// copyFile copies a backup so opening it leaves the original untouched.
func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestDeleteReportBacksUpThenDeletes(t *testing.T) {
	m, path := withReport(t)
	typeInto(t, m, "t3.new.natural", "7")
	gone := m.ReportID()
	if err := m.CreateReport(NewReportRequest{Unit: "城关镇人民政府", Level: app.LevelTownship, Year: 2024}); err != nil {
		t.Fatal(err)
	}
	closeOverlays(m.Window().Canvas())
	kept := m.ReportID()
	m.Open(gone)

	dlg := tapDelete(t, m)
	want := "确定删除“张坞镇人民政府 2024年”的报告吗？|删除前会自动备份工作区，可以在“备份与恢复”中找回。"
	if !strings.Contains(labels(dlg), want) {
		t.Errorf("dialog says %q, want %q", labels(dlg), want)
	}
	test.Tap(findButton(dlg, "删除"))
	if m.Window().Canvas().Overlays().Top() != nil {
		t.Errorf("a dialog stays open: %q", labels(m.Window().Canvas().Overlays().Top()))
	}

	if m.ReportID() != kept || m.Report() == nil || m.Report().Unit.Name != "城关镇人民政府" {
		t.Errorf("open report after delete: id %d (want %d), %+v", m.ReportID(), kept, m.Report())
	}
	if lines := m.ReportLines(); len(lines) != 1 || !strings.HasPrefix(lines[0], "城关镇人民政府 2024年 ") {
		t.Errorf("report list = %q", lines)
	}
	if !strings.HasPrefix(m.Window().Title(), "城关镇人民政府") {
		t.Errorf("window title = %q", m.Window().Title())
	}
	msg, _ := m.Status()
	prefix := "已删除“张坞镇人民政府 2024年”的报告；删除前的备份："
	if !strings.HasPrefix(msg, prefix) {
		t.Fatalf("status bar = %q", msg)
	}
	name := strings.TrimPrefix(msg, prefix)
	backup := filepath.Join(filepath.Dir(path), "backups", name)
	if name == "" || strings.ContainsAny(name, `/\`) {
		t.Fatalf("status bar names backup %q, want a file name", name)
	}
	if _, err := os.Stat(backup); err != nil {
		t.Fatalf("backup named in the status bar: %v (backups/ holds %q)", err, backupFiles(t, path))
	}

	// The workspace file itself no longer holds the report.
	if err := m.Workspace().Close(); err != nil {
		t.Fatal(err)
	}
	ws := openWorkspace(t, path)
	infos, err := ws.Reports()
	_ = ws.Close()
	if err != nil || len(infos) != 1 || infos[0].Unit != "城关镇人民政府" {
		t.Errorf("reopened workspace holds %+v (%v), want only 城关镇", infos, err)
	}

	// The backup holds it, with the number typed before the delete.
	cp := filepath.Join(t.TempDir(), "restored.db")
	copyFile(t, backup, cp)
	bws := openWorkspace(t, cp)
	defer bws.Close()
	id, err := bws.FindReport("张坞镇人民政府", 2024)
	if err != nil {
		t.Fatalf("backup lacks the deleted report: %v", err)
	}
	r, err := bws.LoadReport(id)
	if err != nil {
		t.Fatal(err)
	}
	if v := r.Value("t3.new.natural"); v.Text != "7" {
		t.Errorf("backup has t3.new.natural = %q, want the typed 7", v.Text)
	}
}

func TestDeleteReportCancelKeepsIt(t *testing.T) {
	m, path := withReport(t)
	id := m.ReportID()
	before := backupFiles(t, path)

	// Cancel has the focus: Space, as from a hurried keyboard, cancels.
	dlg := tapDelete(t, m)
	c := m.Window().Canvas()
	if f, ok := c.Focused().(*widget.Button); !ok || f.Text != "取消" {
		t.Fatalf("focused in the dialog: %#v, want the «取消» button", c.Focused())
	}
	if b := findButton(dlg, "取消"); b == nil || b.Importance != widget.HighImportance {
		t.Error("«取消» is not the highlighted button")
	}
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	if c.Overlays().Top() != nil {
		t.Error("Space on the focused button leaves the dialog open")
	}

	// And the «取消» button itself.
	test.Tap(findButton(tapDelete(t, m), "取消"))
	if c.Overlays().Top() != nil {
		t.Error("«取消» leaves the dialog open")
	}

	if m.ReportID() != id || len(m.ReportLines()) != 1 {
		t.Errorf("after cancel: open id %d (was %d), list %q", m.ReportID(), id, m.ReportLines())
	}
	if _, err := m.Workspace().LoadReport(id); err != nil {
		t.Errorf("report gone from the workspace after cancel: %v", err)
	}
	if after := backupFiles(t, path); len(after) != len(before) {
		t.Errorf("cancel made a backup: %q → %q", before, after)
	}
}

func TestDeleteLastReportAsksForANewOne(t *testing.T) {
	m, path := withReport(t)
	test.Tap(findButton(tapDelete(t, m), "删除"))

	if m.Report() != nil || m.ReportID() != 0 || len(m.ReportLines()) != 0 {
		t.Errorf("after deleting the only report: id %d, report %+v, list %q", m.ReportID(), m.Report(), m.ReportLines())
	}
	if e, w := m.checks.Counts(); e != 0 || w != 0 {
		t.Errorf("check panel still shows %d errors, %d warnings of the deleted report", e, w)
	}
	if m.Window().Title() != "年报助手" {
		t.Errorf("window title = %q", m.Window().Title())
	}
	if findButton(m.Window().Content(), "新建年度报告") == nil {
		t.Error("the window does not show the welcome page")
	}
	if msg, _ := m.Status(); !strings.HasPrefix(msg, "已删除“张坞镇人民政府 2024年”的报告；删除前的备份：") {
		t.Errorf("status bar = %q", msg)
	}

	// The first-start dialog, usable as on an empty workspace.
	c := m.Window().Canvas()
	dlg := c.Overlays().Top()
	if dlg == nil || findButton(dlg, "创建") == nil {
		t.Fatal("no «新建年度报告» dialog after the last report is deleted")
	}
	if strings.Contains(labels(dlg), "张坞镇") {
		t.Errorf("the new-report dialog is filled from the deleted report: %q", labels(dlg))
	}
	unit := c.Focused()

	// With nothing open, «删除报告» only says so.
	c.Overlays().Remove(dlg)
	test.Tap(findButton(m.Window().Content(), "删除报告"))
	if top := c.Overlays().Top(); top != nil {
		t.Errorf("«删除报告» with no report open shows %q", labels(top))
	}
	if msg, _ := m.Status(); msg != "请先新建或打开一份报告。" {
		t.Errorf("status bar = %q", msg)
	}
	c.Overlays().Add(dlg)

	test.Type(unit, "城关镇人民政府")
	test.Tap(findButton(dlg, "创建"))
	if m.Report() == nil || m.Report().Unit.Name != "城关镇人民政府" {
		t.Fatalf("report not created after the delete: %+v", m.Report())
	}
	year := m.Report().Year
	typeInto(t, m, "t3.new.natural", "3")
	if !m.flush() {
		t.Fatal("edit in the new report not saved")
	}

	if err := m.Workspace().Close(); err != nil {
		t.Fatal(err)
	}
	ws := openWorkspace(t, path)
	defer ws.Close()
	if _, err := ws.FindReport("张坞镇人民政府", 2024); err == nil {
		t.Error("the deleted report is still in the workspace file")
	}
	if _, err := ws.FindReport("城关镇人民政府", year); err != nil {
		t.Errorf("the new report is not in the workspace file: %v", err)
	}
}

func TestDeleteReportWithoutBackupDeletesNothing(t *testing.T) {
	m, path := withReport(t)
	id := m.ReportID()
	dir := filepath.Join(filepath.Dir(path), "backups")
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dir, []byte("not a folder"), 0o600); err != nil {
		t.Fatal(err)
	}

	test.Tap(findButton(tapDelete(t, m), "删除"))
	dlg := m.Window().Canvas().Overlays().Top()
	if dlg == nil {
		t.Fatal("a failed backup shows no error")
	}
	shown := labels(dlg)
	if !strings.Contains(shown, "删除报告失败") || !strings.Contains(shown, "备份工作区失败，报告未删除") {
		t.Errorf("error dialog says %q", shown)
	}
	if m.ReportID() != id || m.Report() == nil || len(m.ReportLines()) != 1 {
		t.Errorf("after a failed backup: open id %d (was %d), list %q", m.ReportID(), id, m.ReportLines())
	}
	if msg, _ := m.Status(); strings.HasPrefix(msg, "已删除") {
		t.Errorf("status bar claims a delete: %q", msg)
	}

	if err := m.Workspace().Close(); err != nil {
		t.Fatal(err)
	}
	ws, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	if _, err := ws.LoadReport(id); err != nil {
		t.Errorf("report gone from the workspace file although the backup failed: %v", err)
	}
}
