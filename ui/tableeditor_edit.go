package ui

import (
	"fmt"
	"sort"
	"strings"

	"fyne.io/fyne/v2"

	"nianbao/app"
)

// typed records one keystroke's change of a cell. Keystrokes in the same
// cell join one undo step until the cell loses focus.
func (e *TableEditor) typed(ne *numEntry, text string) {
	if e.setting {
		return
	}
	id := ne.cell
	old := e.rep.Cells[id]
	if n := len(e.undo); n == 0 || e.undo[n-1].typing != id {
		e.undo = append(e.undo, undoStep{old: map[string]string{id: old}, typing: id})
	}
	e.rep.SetCell(id, text)
	e.refreshAll()
	e.showStatus()
	if e.onChange != nil {
		e.onChange(id, text)
	}
}

func (e *TableEditor) focusGained(ne *numEntry) {
	if e.focused != ne {
		e.sealUndo()
	}
	e.focused = ne
	e.scrollTo(ne)
	e.showStatus()
}

// focusLost shows the canonical form of what was typed (１,０００ → 1000).
func (e *TableEditor) focusLost(ne *numEntry) {
	e.sealUndo()
	if e.focused == ne {
		e.focused = nil
	}
	if v := e.rep.Value(ne.cell); v.State == app.Number && ne.Text != v.Text {
		e.setting = true
		ne.SetText(v.Text)
		e.setting = false
	}
	e.showStatus()
}

func (e *TableEditor) sealUndo() {
	if n := len(e.undo); n > 0 {
		e.undo[n-1].typing = ""
	}
}

// moveBy focuses the input cell d places away in reading order.
func (e *TableEditor) moveBy(ne *numEntry, d int) {
	if i := ne.pos + d; i >= 0 && i < len(e.order) {
		e.focusEntry(e.order[i])
	}
}

// moveDown focuses the nearest input cell below (d > 0) or above (d < 0)
// in the same column; totals are skipped. Without one it moves in reading
// order, so Enter in the last row continues with the next cell.
func (e *TableEditor) moveDown(ne *numEntry, d int) {
	it := e.items[ne.cell]
	var best *numEntry
	bestRow := 0
	for _, o := range e.order {
		oi := e.items[o.cell]
		if oi.Col > it.Col || oi.Col+oi.ColSpan <= it.Col {
			continue
		}
		if d > 0 && oi.Row > it.Row && (best == nil || oi.Row < bestRow) ||
			d < 0 && oi.Row < it.Row && (best == nil || oi.Row > bestRow) {
			best, bestRow = o, oi.Row
		}
	}
	if best != nil {
		e.focusEntry(best)
		return
	}
	e.moveBy(ne, d)
}

func (e *TableEditor) focusEntry(ne *numEntry) {
	if a := fyne.CurrentApp(); a != nil {
		if c := a.Driver().CanvasForObject(ne); c != nil {
			c.Focus(ne)
			return
		}
	}
	e.focusGained(ne)
}

// scrollTo moves the scroll area the least needed to show obj.
func (e *TableEditor) scrollTo(obj fyne.CanvasObject) {
	pos, sz := obj.Position(), obj.Size()
	view := e.scroll.Size()
	off := e.scroll.Offset
	if pos.X+sz.Width > off.X+view.Width {
		off.X = pos.X + sz.Width - view.Width
	}
	if pos.X < off.X {
		off.X = pos.X
	}
	if pos.Y+sz.Height > off.Y+view.Height {
		off.Y = pos.Y + sz.Height - view.Height
	}
	if pos.Y < off.Y {
		off.Y = pos.Y
	}
	if off != e.scroll.Offset {
		e.scroll.Offset = off
		e.scroll.Refresh()
	}
}

// apply writes several cells at once as one undo step and reports them
// through OnChangeMany.
func (e *TableEditor) apply(cells map[string]string) {
	if len(cells) == 0 {
		return
	}
	e.sealUndo()
	step := undoStep{old: map[string]string{}}
	for id := range cells {
		step.old[id] = e.rep.Cells[id]
	}
	e.undo = append(e.undo, step)
	e.write(cells)
	if e.onChangeMany != nil {
		e.onChangeMany(cells)
	}
}

// write stores values and shows them without raising per-cell callbacks.
func (e *TableEditor) write(cells map[string]string) {
	e.setting = true
	for id, raw := range cells {
		e.rep.SetCell(id, raw)
		if ne, ok := e.entries[id]; ok {
			ne.SetText(app.ParseValue(e.rep.Cells[id]).Display())
		}
	}
	e.setting = false
	e.refreshAll()
	e.showStatus()
}

// FillEmptyZero writes 0 into every empty input cell and returns how many
// it filled; cells holding anything, even text, are left alone.
func (e *TableEditor) FillEmptyZero() int {
	cells := map[string]string{}
	for _, ne := range e.order {
		if e.rep.Value(ne.cell).State == app.Empty {
			cells[ne.cell] = "0"
		}
	}
	e.apply(cells)
	return len(cells)
}

// Undo reverts the last edit of one cell or the last block. It returns
// false when there is nothing to undo.
func (e *TableEditor) Undo() bool {
	n := len(e.undo)
	if n == 0 {
		return false
	}
	step := e.undo[n-1]
	e.undo = e.undo[:n-1]
	e.write(step.old)
	if len(step.old) == 1 {
		for id, raw := range step.old {
			if e.onChange != nil {
				e.onChange(id, raw)
			}
		}
	} else if e.onChangeMany != nil {
		e.onChangeMany(step.old)
	}
	return true
}

// Paste fills a tab- and newline-separated block, as Excel and WPS copy it,
// starting at the cell focused on canvas c.
func (e *TableEditor) Paste(c fyne.Canvas, text string) (filled int, rejected []string) {
	var ne *numEntry
	if c != nil {
		ne, _ = c.Focused().(*numEntry)
	}
	if ne == nil || ne.ed != e {
		ne = e.focused
	}
	if ne == nil {
		e.message("请先点选粘贴的起始单元格，再粘贴。")
		return 0, nil
	}
	return e.pasteFrom(ne, text)
}

// valueRows lists, per grid row holding value boxes, those boxes by column.
func (e *TableEditor) valueRows() [][]app.Item {
	byRow := map[int][]app.Item{}
	for _, it := range e.items {
		byRow[it.Row] = append(byRow[it.Row], it)
	}
	rows := make([]int, 0, len(byRow))
	for r := range byRow {
		rows = append(rows, r)
	}
	sort.Ints(rows)
	out := make([][]app.Item, len(rows))
	for i, r := range rows {
		its := byRow[r]
		sort.Slice(its, func(a, b int) bool { return its[a].Col < its[b].Col })
		out[i] = its
	}
	return out
}

func (e *TableEditor) pasteFrom(ne *numEntry, text string) (int, []string) {
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	text = strings.TrimSuffix(text, "\n")
	if strings.TrimSpace(text) == "" {
		return 0, nil
	}
	start := e.items[ne.cell]
	rows := e.valueRows()
	r0 := 0
	for i, r := range rows {
		if r[0].Row == start.Row {
			r0 = i
		}
	}
	cells := map[string]string{}
	var rejected, why []string
	totals := 0
	for i, line := range strings.Split(text, "\n") {
		for j, raw := range strings.Split(line, "\t") {
			if strings.TrimSpace(raw) == "" {
				continue // an empty source cell leaves the target as it is
			}
			var target *app.Item
			if r0+i < len(rows) {
				row := rows[r0+i]
				k := 0
				for k < len(row) && row[k].Col+row[k].ColSpan <= start.Col {
					k++
				}
				if k+j < len(row) {
					target = &row[k+j]
				}
			}
			if target == nil {
				rejected = append(rejected, raw)
				why = append(why, fmt.Sprintf("「%s」超出表格范围", raw))
				continue
			}
			cell := e.f.Cell(target.CellID)
			if cell.Computed() {
				totals++
				continue
			}
			v := app.ParseValue(raw)
			if v.State != app.Number {
				rejected = append(rejected, raw)
				why = append(why, fmt.Sprintf("「%s」（%s）不是数字", raw, cell.Location))
				continue
			}
			if kp := app.CheckKind(cell, v); kp != nil {
				rejected = append(rejected, raw)
				why = append(why, fmt.Sprintf("「%s」（%s）%s", raw, cell.Location, kp.Message))
				continue
			}
			cells[cell.ID] = v.Text
		}
	}
	e.apply(cells)
	msg := fmt.Sprintf("已粘贴%d个数值。", len(cells))
	if totals > 0 {
		msg += fmt.Sprintf("合计单元格自动计算，跳过%d个值。", totals)
	}
	if len(rejected) > 0 {
		msg += fmt.Sprintf("以下%d个值未填入：%s。", len(rejected), strings.Join(why, "；"))
	}
	e.message(msg)
	return len(cells), rejected
}

func (e *TableEditor) message(msg string) {
	if e.onMessage != nil {
		e.onMessage(msg)
	}
}
