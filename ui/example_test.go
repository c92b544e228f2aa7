package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"nianbao/app"
)

// tapExample opens the «新建年度报告» dialog (unless one is showing) and taps
// its «打开示例报告» button.
func tapExample(t *testing.T, m *MainWindow) {
	t.Helper()
	c := m.Window().Canvas()
	if c.Overlays().Top() == nil {
		test.Tap(findButton(m.Window().Content(), "新建报告"))
	}
	dlg := c.Overlays().Top()
	if dlg == nil {
		t.Fatal("no «新建年度报告» dialog")
	}
	b := findButton(dlg, "打开示例报告")
	if b == nil {
		t.Fatal("the «新建年度报告» dialog has no «打开示例报告» button")
	}
	test.Tap(b)
	if c.Overlays().Top() != nil {
		t.Error("the dialog stays over the example")
	}
}

func TestExampleFromFirstStartAndAgain(t *testing.T) {
	path := filepath.Join(t.TempDir(), "workspace.db")
	m := newWindow(t, path)
	tapExample(t, m) // the dialog of the first start

	if lines := m.ReportLines(); len(lines) != 1 || !strings.HasPrefix(lines[0], "新绛县人民政府 2021年 ") {
		t.Fatalf("report list = %q", lines)
	}
	r := m.Report()
	if r == nil || r.Unit.Name != "新绛县人民政府" || r.Year != 2021 {
		t.Fatalf("open report = %+v", r)
	}
	for cell, want := range map[string]string{"t3.new.total": "2", "t3.granted.natural": "2", "t3.forward.total": "0"} {
		if v, ok := m.editors["t3"].Value(cell); !ok || v != want {
			t.Errorf("表三 %s shows %q, want %q", cell, v, want)
		}
	}
	if e, _ := m.checks.Counts(); e != 0 {
		t.Errorf("check panel shows %d errors for the published example: %+v", e, m.Result().Errors())
	}
	const note = "这是新绛县人民政府公开发布的2021年度报告（示例），供参考，不是本单位的报告；不需要时可用“删除报告”删除。"
	if msg, _ := m.Status(); msg != note {
		t.Errorf("status bar = %q, want the 示例 note %q", msg, note)
	}
	first := m.ReportID()

	// Later, from the toolbar's 新建报告: the same report opens, no copy is added.
	m.say("")
	tapExample(t, m)
	if m.ReportID() != first || len(m.ReportLines()) != 1 {
		t.Errorf("second open: id %d (first %d), list %q", m.ReportID(), first, m.ReportLines())
	}
	if msg, _ := m.Status(); msg != note {
		t.Errorf("status bar after the second open = %q", msg)
	}
	infos, err := m.Workspace().Reports()
	if err != nil || len(infos) != 1 {
		t.Errorf("workspace holds %d reports (%v), want 1", len(infos), err)
	}

	// The note's «删除报告» removes it; the example can be opened again later.
	test.Tap(findButton(tapDelete(t, m), "删除"))
	if infos, err := m.Workspace().Reports(); err != nil || len(infos) != 0 {
		t.Errorf("after «删除报告» the workspace holds %d reports (%v), want 0", len(infos), err)
	}
	tapExample(t, m) // the new-report dialog shown on the emptied workspace
	if r := m.Report(); r == nil || r.Unit.Name != "新绛县人民政府" || len(m.ReportLines()) != 1 {
		t.Errorf("example after its deletion: %+v, list %q", r, m.ReportLines())
	}
	if msg, _ := m.Status(); msg != note {
		t.Errorf("status bar after reopening the deleted example = %q", msg)
	}
}

// An edited example is opened as it is, never overwritten, and no longer
// called the published report.
func TestExampleKeepsEdits(t *testing.T) {
	m := newWindow(t, filepath.Join(t.TempDir(), "workspace.db"))
	closeOverlays(m.Window().Canvas())
	if err := m.OpenExample(); err != nil {
		t.Fatal(err)
	}
	typeInto(t, m, "t3.new.natural", "5") // typed into the example's 2
	if !m.flush() {
		t.Fatal("edit not saved")
	}
	id := m.ReportID()
	if err := m.OpenExample(); err != nil {
		t.Fatal(err)
	}
	if m.ReportID() != id || len(m.ReportLines()) != 1 {
		t.Errorf("id %d (was %d), list %q", m.ReportID(), id, m.ReportLines())
	}
	if got := m.Report().Value("t3.new.natural").Text; got == "2" || !strings.Contains(got, "5") {
		t.Errorf("t3.new.natural = %q after opening the example again, want the edit kept", got)
	}
	if msg, _ := m.Status(); msg == exampleNote || !strings.Contains(msg, "已有新绛县人民政府2021年的报告") {
		t.Errorf("status bar = %q", msg)
	}
}

// A clerk of 新绛县 with a report of their own gets it opened, untouched,
// and is never told it is the example.
func TestExampleLeavesAClerksOwnReport(t *testing.T) {
	m := newWindow(t, filepath.Join(t.TempDir(), "workspace.db"))
	closeOverlays(m.Window().Canvas())
	if err := m.CreateReport(NewReportRequest{Unit: "新绛县人民政府", Level: app.LevelCounty, Year: 2021}); err != nil {
		t.Fatal(err)
	}
	closeOverlays(m.Window().Canvas())
	own := m.ReportID()
	if err := m.OpenExample(); err != nil {
		t.Fatal(err)
	}
	if m.ReportID() != own || len(m.ReportLines()) != 1 {
		t.Errorf("id %d (own %d), list %q", m.ReportID(), own, m.ReportLines())
	}
	if v := m.Report().Value("t3.new.total"); v.State == app.Number && v.Text == "2" {
		t.Error("the clerk's report took the example's numbers")
	}
	if msg, _ := m.Status(); msg == exampleNote || !strings.Contains(msg, "示例报告未导入") {
		t.Errorf("status bar calls the clerk's own report the example: %q", msg)
	}
}
