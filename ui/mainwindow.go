package ui

import (
	"errors"
	"fmt"
	"log"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"nianbao/app"
	"nianbao/draft"
	"nianbao/storage"
)

// Tabs of an open report, in the order shown.
const (
	tabDoc = iota
	tabS1
	tabT2
	tabT3
	tabT4
	tabS5
	tabS6
	tabCount
)

var tabTitles = [tabCount]string{"基本信息与落款", "一 总体情况", "二 主动公开", "三 依申请公开", "四 复议诉讼", "五 问题与改进", "六 其他事项"}

// Settings kept in the workspace.
const (
	settingLastReport = "ui.last_report"
	settingLastTab    = "ui.last_tab"
	settingLastDir    = "ui.last_dir"
)

// MainWindow is the application window: report list, the open report in
// tabs, the check panel and the status bar.
type MainWindow struct {
	app fyne.App
	win fyne.Window
	ws  *storage.Workspace

	infos []storage.ReportInfo
	list  *widget.List

	id      int64          // open report; 0 when none
	d       *draft.Draft   // its owner
	unsaved []*draft.Draft // drafts switched away from with edits storage refused

	tabs    *reportTabs
	tabItem [tabCount]*container.TabItem
	editors map[string]*TableEditor // by table key
	texts   map[string]*narrative   // by field path
	form    *docForm
	checks  *CheckPanel

	center  *fyne.Container
	tabBar  *fyne.Container // the open report's tab strip
	message *widget.Label
	saved   *widget.Label
	retry   *widget.Button
	said    time.Time // when the status message was shown

	now func() time.Time
}

// NewMainWindow builds the window on an open workspace and opens the report
// used last, or asks for a new one when the workspace is empty.
func NewMainWindow(a fyne.App, ws *storage.Workspace) *MainWindow {
	m := &MainWindow{app: a, ws: ws, now: time.Now}
	m.win = a.NewWindow("年报助手")
	m.checks = NewCheckPanel()
	m.checks.OnSelect(m.selectFinding)
	m.checks.OnExplain(m.explain)
	m.checks.OnAllow(m.askAllow)
	m.checks.OnFillEmpty(m.fillEmpty)
	m.message = widget.NewLabel("")
	m.message.Truncation = fyne.TextTruncateEllipsis
	m.saved = widget.NewLabel("")
	m.retry = widget.NewButton("重试保存", func() { m.flush() })
	m.retry.Hide()
	m.center = container.NewStack()
	m.tabBar = container.NewStack()
	m.list = m.newReportList()
	m.win.SetContent(m.layout())
	// Fits the work area of a 1366×768 screen, still common on office PCs.
	m.win.Resize(fyne.NewSize(1280, 680))
	m.win.SetCloseIntercept(m.closing)

	m.reloadList()
	if id := m.lastReport(); id != 0 {
		m.Open(id)
	} else {
		m.showWelcome()
		if len(m.infos) == 0 {
			m.ShowNewReport()
		}
	}
	return m
}

// Window returns the Fyne window.
func (m *MainWindow) Window() fyne.Window { return m.win }

// Workspace returns the open workspace; restoring a backup reopens it, so
// close this one, not the one given to NewMainWindow.
func (m *MainWindow) Workspace() *storage.Workspace { return m.ws }

// Report returns the open report (nil when none); callers must not change it.
func (m *MainWindow) Report() *app.Report { return m.report() }

// Draft returns the owner of the open report, nil when none.
func (m *MainWindow) Draft() *draft.Draft { return m.d }

// ReportID returns the workspace ID of the open report, 0 when none.
func (m *MainWindow) ReportID() int64 { return m.id }

// Result returns the last check result of the open report.
func (m *MainWindow) Result() app.Result {
	if m.d == nil {
		return app.Result{}
	}
	return m.d.Result()
}

// Status returns the texts of the status bar: the last message and the save state.
func (m *MainWindow) Status() (message, saved string) { return m.message.Text, m.saved.Text }

func (m *MainWindow) lastReport() int64 {
	v, err := m.ws.Setting(settingLastReport)
	if err != nil || v == "" {
		return 0
	}
	id, _ := strconv.ParseInt(v, 10, 64)
	for _, in := range m.infos {
		if in.ID == id {
			return id
		}
	}
	if len(m.infos) > 0 {
		return m.infos[0].ID
	}
	return 0
}

// Open loads a report from the workspace and shows it.
func (m *MainWindow) Open(id int64) {
	m.flush()
	d, err := draft.Open(m.ws, id, m.checkOptions())
	if err != nil {
		m.fail("打开报告", err)
		return
	}
	if m.d != nil && m.d.Pending() > 0 { // kept for retry across the switch
		m.unsaved = append(m.unsaved, m.d)
	}
	m.id, m.d = id, d
	r := d.Report()
	m.checks.SetFormat(r.FormatDef())
	m.buildReportView()
	m.render()
	_ = m.ws.SetSetting(settingLastReport, strconv.FormatInt(id, 10))
	if v, _ := m.ws.Setting(settingLastTab); v != "" {
		if i, err := strconv.Atoi(v); err == nil && i >= 0 && i < tabCount {
			m.tabs.SelectIndex(i)
		}
	}
	for i, in := range m.infos {
		if in.ID == id {
			m.list.Select(i)
		}
	}
	m.win.SetTitle(r.Title() + " - 年报助手")
}

// checkOptions are the options of every check in the window.
func (m *MainWindow) checkOptions() app.CheckOptions {
	return app.CheckOptions{}
}

// SelectTab shows one tab of the open report.
func (m *MainWindow) SelectTab(i int) {
	if m.tabs != nil && i >= 0 && i < tabCount {
		m.tabs.SelectIndex(i)
	}
}

// TabTitle returns the title of a tab, with its number of findings.
func (m *MainWindow) TabTitle(i int) string {
	if m.tabItem[i] == nil {
		return ""
	}
	return m.tabItem[i].Text
}

// say shows a message in the status bar.
func (m *MainWindow) say(msg string) {
	m.message.SetText(msg)
	m.said = m.now()
}

// messageLife is how long a status message stays once the clerk goes on
// editing: an old «已粘贴12个数值» must not describe a later edit.
const messageLife = 5 * time.Second

// ageMessage clears a status message that has outlived its edit.
func (m *MainWindow) ageMessage() {
	if m.message.Text != "" && m.now().Sub(m.said) >= messageLife {
		m.message.SetText("")
	}
}

// fail reports an error in one Chinese sentence; storage errors carry their own.
func (m *MainWindow) fail(what string, err error) {
	log.Printf("%s: %v", what, err)
	m.say(what + "失败：" + userMessage(err))
}

// userMessage is the Chinese text of an error for the clerk.
func userMessage(err error) string {
	var se *storage.Error
	if errors.As(err, &se) && se.Msg != "" {
		return se.Msg
	}
	var fe *app.FileError
	if errors.As(err, &fe) {
		return fe.Error()
	}
	return fmt.Sprintf("%v", err)
}
