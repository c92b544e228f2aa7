// Package draft is the one owner of an open report. Editors send it intents
// (type a cell, paste a block, 空白填0, edit a field, undo); it applies them
// to its report, recomputes the totals they affect, re-checks with every
// tier, and saves durably before it reports success. Nothing else holds a
// copy of the report: windows and commands render what it returns.
package draft

import (
	"errors"
	"fmt"
	"strings"

	"nianbao/app"
)

// Store is what a draft needs of the workspace; *storage.Workspace is one.
type Store interface {
	SaveCells(id int64, cells map[string]string) error
	SaveField(id int64, path, value string) error
	SaveExplanation(id int64, key, text string) error
	SaveCounts(id int64, errs, warnings int) error
	Snapshot(id int64, reason string) error
}

// Op names what an edit did; consecutive typing in one cell or field is one
// undo step, every other operation is a step of its own.
type Op uint8

const (
	OpType  Op = iota // typing in one cell or field
	OpPaste           // a pasted block
	OpFill            // 空白填0
	OpFix             // a one-click fix such as 规范标点
	OpUndo
)

// Change is what an operation changed and what the checks say now.
type Change struct {
	Cells  []string // cells whose stored value changed, totals included
	Fields []string // non-cell fields that changed
	Result app.Result
	// Err is the storage failure, if any; the change is kept in memory and
	// queued, and Retry saves it.
	Err error
}

// Draft owns one open report. It is not safe for concurrent use: a window
// calls it from its event goroutine.
type Draft struct {
	store Store
	id    int64
	rep   *app.Report
	prev  *app.Report
	opt   app.CheckOptions
	res   app.Result

	pending    []edit
	undo, redo []step
	seq        uint64
	edited     map[string]uint64 // cell → sequence number of its last edit

	counts [2]int // errors, warnings last saved for the report list
}

// New makes d the owner of r (and of prev, the unit's previous-year report,
// which may be nil). r's totals are recomputed at once. store may be nil for
// a report that lives only in memory.
func New(store Store, id int64, r, prev *app.Report, opt app.CheckOptions) *Draft {
	if r.Cells == nil {
		r.Cells = map[string]string{}
	}
	if r.Explanations == nil {
		r.Explanations = map[string]string{}
	}
	app.Recompute(r)
	opt.Prev = prev
	d := &Draft{store: store, id: id, rep: r, prev: prev, opt: opt, edited: map[string]uint64{}, counts: [2]int{-1, -1}}
	d.recheck()
	return d
}

// ID is the workspace ID of the report.
func (d *Draft) ID() int64 { return d.id }

// Report is the report as it is now. Callers read it and must not modify it.
func (d *Draft) Report() *app.Report { return d.rep }

// Prev is the previous-year report used by the cross-year rules, or nil.
func (d *Draft) Prev() *app.Report { return d.prev }

// Result is the outcome of the last check.
func (d *Draft) Result() app.Result { return d.res }

// Options are the check options every run uses.
func (d *Draft) Options() app.CheckOptions { return d.opt }

// SetAllow replaces the allow-list of LINT-SPAM words and re-checks.
func (d *Draft) SetAllow(words []string) Change {
	d.opt.Allow = append([]string(nil), words...)
	d.recheck()
	return Change{Result: d.res}
}

// ErrComputed refuses a typed total.
var ErrComputed = errors.New("draft: computed cell")

// CellError is a cell edit the format refuses; Msg is for the clerk.
type CellError struct {
	Cell string
	Msg  string
	Err  error
}

func (e *CellError) Error() string { return e.Msg }
func (e *CellError) Unwrap() error { return e.Err }

// SetCells stores input cells as typed ("" empties one), in one step.
func (d *Draft) SetCells(cells map[string]string, op Op) (Change, error) {
	f := d.rep.FormatDef()
	if f == nil {
		return Change{}, fmt.Errorf("draft: report format %q unknown", d.rep.Format)
	}
	for id := range cells {
		c := f.Cell(id)
		if c == nil {
			return Change{}, &CellError{Cell: id, Msg: fmt.Sprintf("单元格“%s”不属于%s。", id, f.Name), Err: fmt.Errorf("draft: cell %q not in format %s", id, f.ID)}
		}
		if c.Computed() {
			return Change{}, &CellError{Cell: id, Msg: c.Location + "是自动计算的合计，不能手填。", Err: ErrComputed}
		}
	}
	old := make(map[string]string, len(cells))
	for id := range cells {
		old[id] = d.rep.Cells[id]
	}
	changed := d.applyCells(cells)
	if len(changed) == 0 {
		return Change{Result: d.res}, nil
	}
	d.record(step{op: op, cells: old, key: cellsKey(cells)})
	return d.commit(changed, nil, edit{cells: cloneMap(cells)}), nil
}

// SetCell is SetCells for one typed cell.
func (d *Draft) SetCell(id, raw string) (Change, error) {
	return d.SetCells(map[string]string{id: raw}, OpType)
}

// FillEmpty sets every empty input cell of a table ("t2", "t3", "t4", or
// "" for all) to 0, as one step; it never touches a filled cell.
func (d *Draft) FillEmpty(table string) (Change, error) {
	cells := map[string]string{}
	for _, c := range d.rep.FormatDef().Cells() {
		if c.Computed() || table != "" && c.Table != table {
			continue
		}
		if d.rep.Value(c.ID).State == app.Empty {
			cells[c.ID] = "0"
		}
	}
	if len(cells) == 0 {
		return Change{Result: d.res}, nil
	}
	return d.SetCells(cells, OpFill)
}

// EmptyCells lists the empty input cells of a table ("" for all) in
// canonical order: the cells 空白填0 would fill.
func (d *Draft) EmptyCells(table string) []string {
	var out []string
	for _, c := range d.rep.FormatDef().Cells() {
		if !c.Computed() && (table == "" || c.Table == table) && d.rep.Value(c.ID).State == app.Empty {
			out = append(out, c.ID)
		}
	}
	return out
}

// SetField stores a non-cell field: text.*, doc.*, unit.name or unit.level.
func (d *Draft) SetField(path, value string) (Change, error) {
	return d.setField(path, value, OpType)
}

func (d *Draft) setField(path, value string, op Op) (Change, error) {
	p, err := d.field(path)
	if err != nil {
		return Change{}, err
	}
	if *p == value {
		return Change{Result: d.res}, nil
	}
	d.record(step{op: op, field: path, old: *p, key: path})
	*p = value
	return d.commit(nil, []string{path}, edit{field: path, value: value}), nil
}

// FixPunct replaces the half-width punctuation of a narrative section
// (LINT-PUNCT's 规范标点) as one undoable step.
func (d *Draft) FixPunct(path string) (Change, error) {
	p, err := d.field(path)
	if err != nil || !strings.HasPrefix(path, "text.") {
		return Change{}, fmt.Errorf("draft: 规范标点 applies to a narrative section, not %q", path)
	}
	return d.setField(path, app.FixPunct(*p), OpFix)
}

func (d *Draft) field(path string) (*string, error) {
	var p *string
	switch {
	case strings.HasPrefix(path, "text."):
		p = d.rep.TextField(path)
	case strings.HasPrefix(path, "doc."):
		p = d.rep.DocField(path)
	case path == "unit.name":
		p = &d.rep.Unit.Name
	case path == "unit.level":
		p = &d.rep.Unit.Level
	}
	if p == nil {
		return nil, fmt.Errorf("draft: unknown field %q", path)
	}
	return p, nil
}

// SetExplanation stores the 出错说明 of a finding key; "" removes it.
// Explanations are not undo steps: they answer findings, not edit the report.
func (d *Draft) SetExplanation(key, text string) Change {
	if text == "" {
		delete(d.rep.Explanations, key)
	} else {
		d.rep.Explanations[key] = text
	}
	// no re-check: no rule reads an 出错说明
	err := d.persist(edit{report: d.id, key: key, value: text})
	return Change{Result: d.res, Err: err}
}

// LastEdited returns the cell of cells that was edited most recently, or ""
// when none of them was edited in this draft.
func (d *Draft) LastEdited(cells []string) string {
	best, seq := "", uint64(0)
	for _, c := range cells {
		if s := d.edited[c]; s > seq {
			best, seq = c, s
		}
	}
	return best
}

// applyCells writes cells into the report, recomputes the totals and
// returns every cell whose stored value changed.
func (d *Draft) applyCells(cells map[string]string) []string {
	before := cloneMap(d.rep.Cells)
	for id, raw := range cells {
		d.rep.SetCell(id, raw)
	}
	app.Recompute(d.rep)
	var changed []string
	d.seq++
	for _, c := range d.rep.FormatDef().Cells() {
		if before[c.ID] != d.rep.Cells[c.ID] {
			changed = append(changed, c.ID)
		}
	}
	for id := range cells {
		d.edited[id] = d.seq
	}
	return changed
}

func (d *Draft) commit(cells, fields []string, e edit) Change {
	d.recheck()
	e.report = d.id
	err := d.persist(e)
	return Change{Cells: cells, Fields: fields, Result: d.res, Err: err}
}

// recheck runs every tier on the report as it is now.
func (d *Draft) recheck() {
	d.res = app.Check(d.rep, d.opt)
}

func cloneMap(m map[string]string) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}
