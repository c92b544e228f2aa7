package ui

import (
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2/container"

	"nianbao/app"
	"nianbao/draft"
)

// SelectRow shows the unit of a table row.
func (v *DeskView) SelectRow(row int) {
	if row < 0 || row >= len(v.rows) || v.rows[row].unit == nil {
		v.selected = nil
	} else {
		v.selected = v.rows[row].unit
	}
	v.showUnit()
}

// showUnit fills the unit view: what was received, the findings as the
// clerk's check panel shows them, and the report's cells, read-only.
func (v *DeskView) showUnit() {
	u := v.selected
	if u == nil {
		v.setDetail("在左侧表格中点击一个单位，查看其报告和审核发现。")
		v.checks.SetResult(app.Result{}, nil)
		v.cells.SetText("")
		return
	}
	text := u.Unit.Name + " · " + u.Status.Label()
	if u.Current == nil {
		if u.Reason != "" {
			text += "\n" + u.Reason
		}
		v.setDetail(text)
		v.checks.SetResult(app.Result{}, nil)
		v.cells.SetText("")
		return
	}
	rc := u.Current
	text += fmt.Sprintf("\n文件：%s（%s）\n收到：%s　SHA-256：%.16s…", rc.Path, rc.Source.Label(rc.Path), stamp(rc.Received), rc.Hash)
	if len(u.History) > 0 {
		var was []string
		for _, h := range u.History {
			was = append(was, filepath.Base(h.Path)+"（"+stamp(h.Received)+"）")
		}
		text += "\n此前收到：" + strings.Join(was, "、")
	}
	v.setDetail(text)
	v.checks.SetResult(app.Result{Findings: u.Findings, Skipped: u.Skipped}, rc.Report.Explanations)
	v.cells.SetText(cellListing(rc.Report))
	v.showTables(rc.Report, u.Findings)
}

// showTables shows the unit's tables with the clerk's table editor,
// read-only, every cell of a finding outlined.
func (v *DeskView) showTables(r *app.Report, fs []app.Finding) {
	if v.unitTabs == nil {
		return
	}
	items := v.unitTabs.Items[:2] // 审核发现, 报告数据
	v.tables = map[string]*TableEditor{}
	if f := r.FormatDef(); f != nil {
		d := draft.New(nil, 0, r.Clone(), nil, app.CheckOptions{Core: true}) // memory only: nothing is saved
		for _, t := range f.Tables {
			ed := NewTableEditor(f, t)
			ed.SetDraft(d)
			ed.SetReadOnly(true)
			ed.SetFindings(fs)
			v.tables[t.Key] = ed
			items = append(items, container.NewTabItem(t.Name, ed))
		}
	}
	v.unitTabs.SetItems(items)
}

// setDetail shows the unit view's heading on four fixed lines, each cut
// with an ellipsis, so a long path never widens the window or moves the tabs.
func (v *DeskView) setDetail(text string) {
	v.detailText = text
	lines := strings.SplitN(text, "\n", len(v.detail))
	for i, l := range v.detail {
		if i < len(lines) {
			l.SetText(lines[i])
		} else {
			l.SetText("")
		}
	}
}

// cellListing is the report's tables as text, one cell a line.
func cellListing(r *app.Report) string {
	f := r.FormatDef()
	if f == nil {
		return ""
	}
	var s string
	for _, c := range f.Cells() {
		val := r.Cells[c.ID]
		if val == "" {
			val = "（空白）"
		}
		s += c.Location + "：" + val + "\n"
	}
	return s
}

// UnitText returns the unit view's heading and findings, for tests.
func (v *DeskView) UnitText() string {
	s := v.detailText
	if v.selected != nil {
		for _, f := range v.selected.Findings {
			s += "\n" + f.Message
		}
	}
	return s
}

// showFinding shows the table of a finding with its cell, as a click on a
// finding does in the clerk's window.
func (v *DeskView) showFinding(f app.Finding) {
	ed := v.tables[tableKey(f.Anchor)]
	if ed == nil {
		return
	}
	for _, it := range v.unitTabs.Items {
		if it.Content == ed {
			v.unitTabs.Select(it)
		}
	}
	ed.FocusCell(nil, f.Anchor)
}
