package ui

import (
	"fmt"
	"log"
	"strings"

	"fyne.io/fyne/v2/dialog"

	"nianbao/app"
	"nianbao/storage"
)

// edit is one change waiting to be committed to the workspace. Edits are
// applied to the report in memory at once and kept here until storage has
// acknowledged them, so a storage failure loses nothing.
type edit struct {
	report int64
	cells  map[string]string // cell edits, or nil
	field  string            // text.*, doc.*, unit.* path
	key    string            // finding key of an 出错说明
	value  string
}

func (e edit) save(ws *storage.Workspace) error {
	switch {
	case e.cells != nil:
		return ws.SaveCells(e.report, e.cells)
	case e.key != "":
		return ws.SaveExplanation(e.report, e.key, e.value)
	default:
		return ws.SaveField(e.report, e.field, e.value)
	}
}

// same reports whether a newer edit replaces e entirely.
func (e edit) same(n edit) bool {
	if e.report != n.report || e.cells != nil || n.cells != nil {
		return false
	}
	return e.field == n.field && e.key == n.key
}

// persist queues an edit and commits everything queued. A newer value of
// the same cell or field replaces the queued one, so queued edits never
// depend on their order and one that storage refuses cannot hold back, or
// later overwrite, the others.
func (m *MainWindow) persist(e edit) {
	kept := m.pending[:0]
	for _, p := range m.pending {
		if p.same(e) {
			continue
		}
		if p.cells != nil && e.cells != nil && p.report == e.report {
			for id := range e.cells {
				delete(p.cells, id)
			}
			if len(p.cells) == 0 {
				continue
			}
		}
		kept = append(kept, p)
	}
	m.pending = append(kept, e)
	m.flush()
	for i := range m.infos { // an edited report is a draft again, as storage records
		if m.infos[i].ID == e.report && m.infos[i].Status != storage.StatusDraft {
			m.infos[i].Status = storage.StatusDraft
			m.list.RefreshItem(i)
		}
	}
}

// flush commits the queued edits; the ones storage refuses stay queued and
// the first failure is shown. It reports whether all are saved.
func (m *MainWindow) flush() bool {
	if len(m.pending) == 0 && !m.retry.Visible() {
		return true
	}
	var failed []edit
	var first error
	for _, e := range m.pending {
		if err := e.save(m.ws); err != nil {
			log.Printf("save: %v", err)
			failed = append(failed, e)
			if first == nil {
				first = err
			}
		}
	}
	m.pending = failed
	if first != nil {
		m.saved.SetText(fmt.Sprintf("保存失败：%s 修改已保留（%d处），可点击“重试保存”。", userMessage(first), len(failed)))
		m.retry.Show()
		return false
	}
	m.retry.Hide()
	if m.id != 0 {
		if err := m.ws.Snapshot(m.id, storage.ReasonEdit); err != nil { // at most every few minutes
			log.Printf("snapshot: %v", err)
		}
	}
	m.saved.SetText("已保存 " + m.now().Format("15:04:05"))
	return true
}

// Pending returns the number of edits not yet committed.
func (m *MainWindow) Pending() int { return len(m.pending) }

// cellEdited takes one cell typed in a table editor.
func (m *MainWindow) cellEdited(id, raw string) {
	m.cellsEdited(map[string]string{id: raw})
}

// cellsEdited takes a block of cells (paste, 空白填0, undo).
func (m *MainWindow) cellsEdited(cells map[string]string) {
	if m.rep == nil || len(cells) == 0 {
		return
	}
	own := make(map[string]string, len(cells)) // the queue edits its maps
	for id, raw := range cells {
		m.rep.SetCell(id, raw)
		own[id] = raw
	}
	app.Recompute(m.rep)
	m.persist(edit{report: m.id, cells: own})
	m.recheck()
}

// fieldEdited takes a narrative or document field.
func (m *MainWindow) fieldEdited(path, value string) {
	if m.rep == nil {
		return
	}
	switch {
	case strings.HasPrefix(path, "text."):
		if p := m.rep.TextField(path); p != nil {
			*p = value
		}
	case strings.HasPrefix(path, "doc."):
		if p := m.rep.DocField(path); p != nil {
			*p = value
		}
	case path == "unit.name":
		m.rep.Unit.Name = value
	case path == "unit.level":
		m.rep.Unit.Level = value
	}
	m.persist(edit{report: m.id, field: path, value: value})
	m.recheck()
	if strings.HasPrefix(path, "unit.") {
		m.reloadList()
	}
}

// explain saves a warning's 出错说明.
func (m *MainWindow) explain(key, text string) {
	if m.rep == nil {
		return
	}
	if text == "" {
		delete(m.rep.Explanations, key)
	} else {
		m.rep.Explanations[key] = text
	}
	m.persist(edit{report: m.id, key: key, value: text})
}

// recheck runs the checks on the report as it is now and shows the result
// everywhere: check panel, cell outlines, tab titles and the report list.
func (m *MainWindow) recheck() {
	if m.rep == nil {
		return
	}
	m.result = app.Check(m.rep, app.CheckOptions{Prev: m.prev})
	for _, ed := range m.editors {
		ed.SetFindings(m.result.Findings)
	}
	m.checks.SetResult(m.result, m.rep.Explanations)
	var counts [tabCount]int
	for _, f := range m.result.Findings {
		counts[anchorTab(f.Anchor)]++
	}
	for i, it := range m.tabItem {
		title := tabTitles[i]
		if counts[i] > 0 {
			title = fmt.Sprintf("%s（%d）", title, counts[i])
		}
		if it.Text != title {
			it.Text = title
			m.tabs.Refresh()
		}
	}
	e, w := len(m.result.Errors()), len(m.result.Warnings())
	for i := range m.infos {
		in := &m.infos[i]
		if in.ID == m.id && (in.Errors != e || in.Warnings != w) {
			in.Errors, in.Warnings = e, w
			if err := m.ws.SaveCounts(m.id, e, w); err != nil {
				log.Printf("save counts: %v", err)
			}
			m.list.RefreshItem(i)
		}
	}
}

// anchorTab is the tab that shows a finding's anchor.
func anchorTab(anchor string) int {
	switch {
	case strings.HasPrefix(anchor, "t2."):
		return tabT2
	case strings.HasPrefix(anchor, "t3."):
		return tabT3
	case strings.HasPrefix(anchor, "t4."):
		return tabT4
	case anchor == "text.preface", anchor == "text.s1":
		return tabS1
	case anchor == "text.s5":
		return tabS5
	case anchor == "text.s6":
		return tabS6
	}
	return tabDoc
}

// selectFinding shows where a finding is: its tab, then its cell or field.
func (m *MainWindow) selectFinding(f app.Finding) {
	if m.tabs == nil {
		return
	}
	m.tabs.SelectIndex(anchorTab(f.Anchor))
	c := m.win.Canvas()
	if ed := m.editors[tableKey(f.Anchor)]; ed != nil {
		ed.FocusCell(c, f.Anchor)
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
		fmt.Sprintf("有%d处修改未能写入工作区（%s）。仍要关闭窗口吗？关闭后这些修改将丢失。", len(m.pending), m.saved.Text),
		func(ok bool) {
			if ok {
				m.win.Close()
			}
		}, m.win)
}
