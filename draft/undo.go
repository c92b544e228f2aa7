package draft

import (
	"sort"
	"strings"
)

// step is one undoable operation: the values it replaced.
type step struct {
	op    Op
	key   string            // what a typing run continues: the cell or field
	cells map[string]string // cell → old stored value ("" for empty)
	field string            // or the field and its old value
	old   string
}

// record pushes the undo step of an operation about to be applied. Typing
// that continues in the same cell or field extends the last step.
func (d *Draft) record(s step) {
	if s.op == OpUndo {
		return
	}
	d.redo = nil
	if n := len(d.undo); n > 0 && s.op == OpType && d.undo[n-1].op == OpType && d.undo[n-1].key == s.key {
		return // the older value is the one to go back to
	}
	d.undo = append(d.undo, s)
}

func cellsKey(cells map[string]string) string {
	ids := make([]string, 0, len(cells))
	for id := range cells {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return strings.Join(ids, ",")
}

// Undo takes back the last step; ok is false when there is none.
func (d *Draft) Undo() (ch Change, ok bool) {
	if len(d.undo) == 0 {
		return Change{Result: d.res}, false
	}
	s := d.undo[len(d.undo)-1]
	d.undo = d.undo[:len(d.undo)-1]
	back := d.apply(s)
	d.redo = append(d.redo, back.s)
	return back.ch, true
}

// Redo applies again the step Undo took back.
func (d *Draft) Redo() (ch Change, ok bool) {
	if len(d.redo) == 0 {
		return Change{Result: d.res}, false
	}
	s := d.redo[len(d.redo)-1]
	d.redo = d.redo[:len(d.redo)-1]
	again := d.apply(s)
	d.undo = append(d.undo, again.s)
	return again.ch, true
}

type applied struct {
	s  step
	ch Change
}

// apply restores the values of s and returns the step that reverses it.
func (d *Draft) apply(s step) applied {
	rev := step{op: s.op, key: s.key, field: s.field}
	if s.cells != nil {
		rev.cells = make(map[string]string, len(s.cells))
		for id := range s.cells {
			rev.cells[id] = d.rep.Cells[id]
		}
		changed := d.applyCells(s.cells)
		return applied{rev, d.commit(changed, nil, edit{cells: cloneMap(s.cells)})}
	}
	p, _ := d.field(s.field)
	rev.old = *p
	*p = s.old
	return applied{rev, d.commit(nil, []string{s.field}, edit{field: s.field, value: s.old})}
}

// EndTyping ends the current typing run: the next keystroke, even in the
// same cell or field, starts a new undo step (the cell lost focus).
func (d *Draft) EndTyping() {
	if n := len(d.undo); n > 0 {
		d.undo[n-1].key = ""
	}
}
