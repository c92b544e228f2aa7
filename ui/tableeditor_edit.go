package ui

import (
	"fmt"
	"sort"
	"strings"

	"fyne.io/fyne/v2"

	"nianbao/app"
	"nianbao/draft"
)

// typed sends one keystroke's change of a cell to the owner. Keystrokes in
// the same cell are one undo step until the cell loses focus.
func (e *TableEditor) typed(ne *numEntry, text string) {
	if e.setting {
		return
	}
	e.send(map[string]string{ne.cell: text}, draft.OpType)
	e.showStatus()
}

// send gives cells to the owner and shows what it returned.
func (e *TableEditor) send(cells map[string]string, op draft.Op) (draft.Change, error) {
	if e.d == nil {
		return draft.Change{}, nil
	}
	ch, err := e.d.SetCells(cells, op)
	if op != draft.OpType {
		e.Sync()
	} else {
		e.refreshAll()
	}
	if e.onChange != nil {
		e.onChange(ch, err)
	}
	return ch, err
}

func (e *TableEditor) focusGained(ne *numEntry) {
	if e.focused != ne {
		e.sealUndo()
	}
	e.focused = ne
	e.hovered = "" // the hint follows the keyboard: Tab moves it on
	e.scrollTo(ne)
	e.showStatus()
}

// focusLost shows the canonical form of what was typed (１,０００ → 1000).
func (e *TableEditor) focusLost(ne *numEntry) {
	e.sealUndo()
	if e.focused == ne {
		e.focused = nil
	}
	if v := e.report().Value(ne.cell); v.State == app.Number && ne.Text != v.Text {
		e.setting = true
		ne.SetText(v.Text)
		e.setting = false
	}
	e.showStatus()
}

func (e *TableEditor) sealUndo() {
	if e.d != nil {
		e.d.EndTyping()
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

// apply sends several cells at once, as one undo step.
func (e *TableEditor) apply(cells map[string]string, op draft.Op) {
	if len(cells) == 0 {
		return
	}
	e.sealUndo()
	e.send(cells, op)
	e.showStatus()
}

// FillEmptyZero writes 0 into every empty input cell of the table and
// returns how many it filled; cells holding anything, even text, are left alone.
func (e *TableEditor) FillEmptyZero() int {
	if e.d == nil {
		return 0
	}
	n := len(e.d.EmptyCells(e.t.Key))
	if n > 0 {
		e.sealUndo()
		ch, err := e.d.FillEmpty(e.t.Key)
		e.Sync()
		if e.onChange != nil {
			e.onChange(ch, err)
		}
	}
	return n
}

// Undo takes back the owner's last step. It returns false when there is
// nothing to undo.
func (e *TableEditor) Undo() bool {
	return e.step(func() (draft.Change, bool) { return e.d.Undo() })
}

// Redo applies again the step Undo took back (Ctrl+Y / Ctrl+Shift+Z).
func (e *TableEditor) Redo() bool {
	return e.step(func() (draft.Change, bool) { return e.d.Redo() })
}

// step runs one of the owner's undo or redo steps and shows its result.
func (e *TableEditor) step(do func() (draft.Change, bool)) bool {
	if e.d == nil {
		return false
	}
	ch, ok := do()
	if !ok {
		return false
	}
	e.Sync()
	if e.onChange != nil {
		e.onChange(ch, nil)
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
	pastedTotals := map[string]app.Value{}
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
				pastedTotals[cell.ID] = app.ParseValue(raw)
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
	e.apply(cells, draft.OpPaste)
	msg := fmt.Sprintf("已粘贴%d个数值。", len(cells))
	if len(pastedTotals) > 0 {
		msg += fmt.Sprintf("合计单元格自动计算，跳过%d个值。", len(pastedTotals))
		if off := e.disagreeing(pastedTotals); len(off) > 0 {
			msg += fmt.Sprintf("注意：粘贴的%d个合计与自动算出的不一致（%s），请检查粘贴的起始格是否对齐。", len(off), strings.Join(off, "；"))
		}
	}
	if len(rejected) > 0 {
		msg += fmt.Sprintf("以下%d个值未填入：%s。", len(rejected), strings.Join(why, "；"))
	}
	e.message(msg)
	return len(cells), rejected
}

// disagreeing lists the pasted totals that differ from the computed ones,
// in canonical order: usually a paste started one cell off.
func (e *TableEditor) disagreeing(pasted map[string]app.Value) []string {
	r := e.report()
	var out []string
	for _, c := range e.t.Cells {
		v, ok := pasted[c.ID]
		if !ok {
			continue
		}
		got := r.Value(c.ID)
		if v.State != app.Number || got.State != app.Number || v.Num.Cmp(got.Num) != 0 {
			out = append(out, fmt.Sprintf("%s 粘贴(%s)，计算(%s)", c.Location, v.Display(), got.Display()))
		}
	}
	return out
}

func (e *TableEditor) message(msg string) {
	if e.onMessage != nil {
		e.onMessage(msg)
	}
}
