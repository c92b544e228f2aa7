package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"nianbao/app"
)

func TestDateFormsClerksType(t *testing.T) {
	m, _ := withReport(t)
	m.SelectTab(tabDoc)
	e := m.form.entries["doc.date"]
	for _, c := range [][2]string{
		{"2025年1月20日", "2025-01-20"}, {"2025-1-21", "2025-01-21"}, {"2025.1.22", "2025-01-22"},
		{"2025/01/23", "2025-01-23"}, {"２０２５年１月２４日", "2025-01-24"},
	} {
		typed, want := c[0], c[1]
		e.SetText(typed)
		if got := m.Report().Doc.Date; got != want || m.form.dateMsg["doc.date"].Visible() {
			t.Errorf("%q stored as %q (message shown %v), want %q", typed, got, m.form.dateMsg["doc.date"].Visible(), want)
		}
		if e.Text != typed {
			t.Errorf("the box changed what was typed: %q", e.Text)
		}
	}
	r, _ := m.Workspace().LoadReport(m.ReportID())
	if r.Doc.Date != "2025-01-24" {
		t.Errorf("stored %q", r.Doc.Date)
	}
}

func TestDefaultReportYear(t *testing.T) {
	for now, want := range map[string]int{"2026-12-01": 2026, "2026-11-01": 2026, "2026-10-31": 2025, "2027-01-15": 2026} {
		tm, _ := time.Parse("2006-01-02", now)
		if got := defaultReportYear(tm); got != want {
			t.Errorf("%s: %d, want %d", now, got, want)
		}
	}
}

func TestNewReportDialogNamesAndYear(t *testing.T) {
	m := newWindow(t, t.TempDir()+"/workspace.db")
	m.now = func() time.Time { return time.Date(2026, 12, 1, 9, 0, 0, 0, time.Local) }
	closeOverlays(m.Window().Canvas())
	m.ShowNewReport()
	dlg := m.Window().Canvas().Overlays().Top()
	if got := labels(dlg); !strings.Contains(got, "2021年格式") || !strings.Contains(got, "乡、民族乡、镇人民政府和街道办事处") {
		t.Errorf("dialog lacks the format or the level help: %s", got)
	}
	var options []string
	walk(dlg, func(o fyne.CanvasObject) bool {
		if s, ok := o.(*widget.Select); ok {
			options = s.Options
		}
		return false
	})
	if !strings.Contains(strings.Join(options, "|"), "县（市、区）人民政府") || !strings.Contains(strings.Join(options, "|"), "设区的市") {
		t.Errorf("level choices %q", options)
	}
	var year string
	walk(dlg, func(o fyne.CanvasObject) bool {
		if e, ok := o.(*widget.Entry); ok && e.Text == "2026" {
			year = e.Text
		}
		return false
	})
	if year != "2026" {
		t.Error("the year does not default to 2026 in December 2026")
	}
}

func TestNewReportOpensOnBasicInfo(t *testing.T) {
	m, _ := withReport(t)
	if m.tabs.SelectedIndex() != tabDoc {
		t.Errorf("a new report opens on tab %d", m.tabs.SelectedIndex())
	}
	m.SelectTab(tabT4)
	m.Open(m.ReportID())
	if m.tabs.SelectedIndex() != tabT4 {
		t.Errorf("reopened on tab %d, want the last used", m.tabs.SelectedIndex())
	}
}

func TestAllTabsVisibleAt1280(t *testing.T) {
	m, _ := withReport(t)
	m.Window().Resize(fyne.NewSize(1280, 720))
	typeInto(t, m, "t3.new.natural", "12")
	for i, b := range m.tabs.buttons {
		if b.Position().X+b.Size().Width > 1280 || !b.Visible() {
			t.Errorf("tab %q ends at %v", m.TabTitle(i), b.Position().X+b.Size().Width)
		}
		if !strings.HasPrefix(b.Text, tabTitles[i]) {
			t.Errorf("tab %d shows %q", i, b.Text)
		}
	}
}

func TestPastedTotalsThatDisagreeAreNamed(t *testing.T) {
	m, _ := withReport(t)
	c := m.Window().Canvas()
	var msg string
	m.editors["t3"].OnMessage(func(s string) { msg = s })
	m.SelectTab(tabT3)
	m.editors["t3"].FocusCell(c, "t3.new.natural")
	// One row pasted with its 总计, which is off by one: a mis-aligned copy.
	m.editors["t3"].Paste(c, "1\t2\t0\t0\t0\t0\t4\n")
	if !strings.Contains(msg, "1个合计与自动算出的不一致") || !strings.Contains(msg, "粘贴(4)，计算(3)") {
		t.Errorf("message %q", msg)
	}
	m.editors["t3"].FocusCell(c, "t3.carried.natural")
	m.editors["t3"].Paste(c, "1\t2\t0\t0\t0\t0\t3\n")
	if strings.Contains(msg, "不一致") {
		t.Errorf("a matching total was reported: %q", msg)
	}
}

func TestGongwenChecksBeforeExport(t *testing.T) {
	m, _ := withReport(t)
	m.SelectTab(tabDoc)
	test.Tap(m.form.style.buttons[app.StyleGongwen])
	if !hasRule(m.Result().Findings, "DOC-SIGNER") {
		t.Error("公文版 without 签发人 has no DOC-SIGNER")
	}
	test.Tap(findButton(m.Window().Content(), "导出PDF"))
	dlg := m.Window().Canvas().Overlays().Top()
	if dlg == nil || !strings.Contains(labels(dlg), "发文字号") || !strings.Contains(labels(dlg), "发文机关标志") {
		t.Fatal("the export does not name the empty 版头 fields")
	}
	test.Tap(findButton(dlg, "仍然导出"))
	dlg = m.Window().Canvas().Overlays().Top()
	if dlg == nil || !strings.Contains(labels(dlg), "签发人") {
		t.Fatal("the warnings of the 公文 rules are not listed before export")
	}
}

func TestEmptyCellsAreOneLinePerTable(t *testing.T) {
	m, _ := withReport(t)
	got := m.checks.EmptySummaries()
	want := []string{"表二整表未填写（空白不等于0；没有发生的事项请填0）", "表三整表未填写（空白不等于0；没有发生的事项请填0）", "表四整表未填写（空白不等于0；没有发生的事项请填0）"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("summaries %q", got)
	}
	for key, r := range m.checks.rows {
		if strings.HasPrefix(key, "VALUE-EMPTY:") {
			t.Fatalf("a row with an explanation box for %s", r.item.f.Anchor)
		}
	}
	if title := m.TabTitle(tabT3); title != "三 依申请公开（1）" {
		t.Errorf("tab title %q counts every empty cell", title)
	}
	typeInto(t, m, "t3.new.natural", "0")
	if got := m.checks.EmptySummaries(); got[1] != "表三：143个格子未填写（空白不等于0；没有发生的事项请填0）" {
		t.Errorf("after one cell: %q", got)
	}
	test.Tap(findButton(m.checks, "空白填0"))
	if got := m.checks.EmptySummaries(); len(got) != 2 || strings.HasPrefix(got[0], "表二") {
		t.Errorf("after 空白填0 of 表二: %q", got)
	}
}

func TestHintFollowsTab(t *testing.T) {
	m, _ := withReport(t)
	ed := m.editors["t3"]
	c := m.Window().Canvas()
	m.SelectTab(tabT3)
	ed.FocusCell(c, "t3.new.natural")
	ed.hover("t3.new.natural") // the mouse rests on the clicked cell
	test.FocusNext(c)          // Tab
	if got := focusedCell(c); got != "t3.new.commercial" {
		t.Fatalf("Tab went to %q", got)
	}
	if !strings.Contains(ed.Status(), "本年新收行 商业企业列") {
		t.Errorf("hint %q still names the clicked cell", ed.Status())
	}
}

func TestStatusMessageFades(t *testing.T) {
	m, _ := withReport(t)
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.Local)
	m.now = func() time.Time { return now }
	c := m.Window().Canvas()
	m.SelectTab(tabT3)
	m.editors["t3"].FocusCell(c, "t3.new.natural")
	m.editors["t3"].Paste(c, "1\t2\n")
	if msg, _ := m.Status(); !strings.Contains(msg, "已粘贴2个数值") {
		t.Fatalf("message %q", msg)
	}
	now = now.Add(time.Second)
	typeInto(t, m, "t3.carried.natural", "1")
	if msg, _ := m.Status(); !strings.Contains(msg, "已粘贴") {
		t.Errorf("a fresh message was cleared at once: %q", msg)
	}
	now = now.Add(messageLife)
	typeInto(t, m, "t3.carried.legal", "1")
	if msg, _ := m.Status(); msg != "" {
		t.Errorf("an old message stays after later edits: %q", msg)
	}
}
