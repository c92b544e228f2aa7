package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2/dialog"

	"nianbao/app"
	"nianbao/draft"
	"nianbao/storage"
)

// report is the open report as its owner holds it, nil when none. Widgets
// read it; every change goes through m.d.
func (m *MainWindow) report() *app.Report {
	if m.d == nil {
		return nil
	}
	return m.d.Report()
}

// flush commits what is queued, in the open draft and in drafts left with
// unsaved edits by a switch. It shows the first failure and reports whether
// everything is saved.
func (m *MainWindow) flush() bool {
	if m.Pending() == 0 && !m.retry.Visible() {
		return true
	}
	var first error
	failed := 0
	kept := m.unsaved[:0]
	for _, d := range append(m.unsaved, m.d) {
		if d == nil || d.Pending() == 0 {
			continue
		}
		if err := d.Retry(); err != nil {
			if first == nil {
				first = err
			}
			failed += d.Pending()
		}
		if d.Pending() > 0 && d != m.d {
			kept = append(kept, d)
		}
	}
	m.unsaved = kept
	m.showSaved(first, failed)
	return first == nil
}

// showSaved updates the save state of the status bar.
func (m *MainWindow) showSaved(err error, failed int) {
	if err != nil {
		m.saved.SetText(fmt.Sprintf("保存失败：%s 修改已保留（%d处），可点击“重试保存”。", userMessage(err), failed))
		m.retry.Show()
		return
	}
	m.retry.Hide()
	m.saved.SetText("已保存 " + m.now().Format("15:04:05"))
}

// Pending returns the number of edits not yet committed.
func (m *MainWindow) Pending() int {
	n := 0
	for _, d := range append(m.unsaved, m.d) {
		if d != nil {
			n += d.Pending()
		}
	}
	return n
}

// changed shows what an operation of the owner did: the save state, the
// values and findings everywhere, the report's place in the list.
func (m *MainWindow) changed(ch draft.Change, err error) {
	m.ageMessage()
	if err != nil {
		m.say(userMessage(err))
		return
	}
	if ch.Err != nil {
		m.showSaved(ch.Err, m.Pending())
	} else if m.Pending() == 0 {
		m.showSaved(nil, 0)
	}
	if len(ch.Cells) > 0 {
		for _, ed := range m.editors {
			ed.Sync()
		}
	}
	for _, path := range ch.Fields {
		m.syncField(path)
	}
	m.render()
	for i := range m.infos { // an edited report is a draft again, as storage records
		if in := &m.infos[i]; in.ID == m.id && in.Status != storage.StatusDraft && (len(ch.Cells) > 0 || len(ch.Fields) > 0) {
			in.Status = storage.StatusDraft
			m.list.RefreshItem(i)
		}
	}
}

// cellsEdited takes cells typed, pasted or filled in a table editor.
func (m *MainWindow) cellsEdited(cells map[string]string, op draft.Op) {
	if m.d == nil || len(cells) == 0 {
		return
	}
	ch, err := m.d.SetCells(cells, op)
	m.changed(ch, err)
}

// fieldEdited takes a narrative or document field.
func (m *MainWindow) fieldEdited(path, value string) {
	if m.d == nil {
		return
	}
	ch, err := m.d.SetField(path, value)
	ch.Fields = nil // the editor that sent it shows it already
	m.changed(ch, err)
	if strings.HasPrefix(path, "unit.") {
		m.reloadList()
	}
}

// explain saves a warning's 出错说明.
func (m *MainWindow) explain(key, text string) {
	if m.d == nil {
		return
	}
	ch := m.d.SetExplanation(key, text)
	if ch.Err != nil {
		m.showSaved(ch.Err, m.Pending())
	}
}

// undo takes back the owner's last step, in any table or section.
func (m *MainWindow) undo() {
	if m.d == nil {
		return
	}
	ch, ok := m.d.Undo()
	if !ok {
		m.say("没有可以撤销的修改。")
		return
	}
	m.changed(ch, nil)
}

// syncField shows a field the owner changed (undo, 规范标点) in its editor.
func (m *MainWindow) syncField(path string) {
	if n := m.texts[path]; n != nil {
		if v := *m.report().TextField(path); n.entry.Text != v {
			n.setting = true
			n.entry.SetText(v)
			n.setting = false
			n.showCount()
		}
		n.mark(m.d)
	}
	if m.form != nil {
		m.form.sync(path)
	}
}

// render shows the check result everywhere: check panel, cell outlines,
// tab titles and the report list.
func (m *MainWindow) render() {
	if m.d == nil {
		return
	}
	res := m.d.Result()
	for _, ed := range m.editors {
		ed.SetFindings(res.Findings)
	}
	m.checks.SetResult(res, m.report().Explanations)
	counts := actionable(res.Findings)
	for i := range m.tabItem {
		title := tabTitles[i]
		if counts[i] > 0 {
			title = fmt.Sprintf("%s（%d）", title, counts[i])
		}
		m.tabs.SetTitle(i, title)
	}
	e, w := draft.Counts(res)
	for i := range m.infos {
		in := &m.infos[i]
		if in.ID == m.id && (in.Errors != e || in.Warnings != w) {
			in.Errors, in.Warnings = e, w
			m.list.RefreshItem(i)
		}
	}
}

// tabKeys are the app's tab keys of the window's tabs, in order.
var tabKeys = [tabCount]string{app.TabBasic, app.TabS1, app.TabT2, app.TabT3, app.TabT4, app.TabS5, app.TabS6}

// anchorTab is the tab that shows a finding's anchor, as app declares it.
func anchorTab(anchor string) int {
	key := app.TabOf(anchor)
	for i, k := range tabKeys {
		if k == key {
			return i
		}
	}
	return tabDoc
}

// selectFinding shows where a finding is: its tab, then its cell or field.
// Of the cells of a finding, the one the clerk edited last gets the focus.
func (m *MainWindow) selectFinding(f app.Finding) {
	if m.tabs == nil {
		return
	}
	m.tabs.SelectIndex(anchorTab(f.Anchor))
	c := m.win.Canvas()
	if ed := m.editors[tableKey(f.Anchor)]; ed != nil {
		target := f.Anchor
		if m.d != nil {
			if last := m.d.LastEdited(append([]string{f.Anchor}, f.Cells...)); last != "" {
				target = last
			}
		}
		ed.FocusCell(c, target)
		return
	}
	if n := m.texts[f.Anchor]; n != nil {
		c.Focus(n.entry)
		return
	}
	if m.form != nil {
		m.form.focus(c, f.Anchor)
	}
}

// tableKey is "t3" for "t3.new.natural", "" for a field path.
func tableKey(anchor string) string {
	if len(anchor) > 3 && anchor[0] == 't' && anchor[2] == '.' {
		return anchor[:2]
	}
	return ""
}

// closing commits what is queued; if storage still refuses, the clerk decides.
func (m *MainWindow) closing() {
	if m.flush() {
		m.win.Close()
		return
	}
	dialog.ShowConfirm("尚有修改未能保存",
		fmt.Sprintf("有%d处修改未能写入工作区（%s）。仍要关闭窗口吗？关闭后这些修改将丢失。", m.Pending(), m.saved.Text),
		func(ok bool) {
			if ok {
				m.win.Close()
			}
		}, m.win)
}

// useWorkspace makes ws the window's workspace (after a restore reopened
// it); open drafts save there from now on.
func (m *MainWindow) useWorkspace(ws *storage.Workspace) {
	m.ws = ws
	for _, d := range append(m.unsaved, m.d) {
		if d != nil {
			d.SetStore(ws)
		}
	}
}

// fillEmpty is 空白填0 of a table, from the check panel's summary.
func (m *MainWindow) fillEmpty(table string) {
	if m.d == nil {
		return
	}
	n := len(m.d.EmptyCells(table))
	ch, err := m.d.FillEmpty(table)
	m.changed(ch, err)
	if err == nil {
		m.say(fmt.Sprintf("已将%s的%d个空白单元格填为0。", tableNames[table], n))
	}
}
