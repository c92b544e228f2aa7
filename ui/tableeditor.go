package ui

import (
	"image/color"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"nianbao/app"
	"nianbao/draft"
)

// TableEditor edits one official table of a report. It is built only from
// the table's declaration in app, so one editor serves every table of both
// formats: labels verbatim, merged boxes spanning their rows and columns,
// an input box per value cell and a read-only box per derived total.
type TableEditor struct {
	widget.BaseWidget

	f *app.Format
	t *app.Table

	d     *draft.Draft // the owner of the report shown; nil shows an empty table
	empty *app.Report  // what is shown without an owner

	boxes   []*box                // every grid item, in reading order
	entries map[string]*numEntry  // input cells
	totals  map[string]*totalCell // derived totals
	order   []*numEntry           // input cells in reading order
	items   map[string]app.Item   // cell ID → its grid box

	findings map[string][]app.Finding // cell ID → findings that involve it

	grid    *fyne.Container
	scroll  *container.Scroll
	status  *widget.Label
	content fyne.CanvasObject

	onChange  func(ch draft.Change, err error)
	onMessage func(msg string)

	setting bool // true while the editor itself writes into entries
	focused *numEntry
	hovered string
}

// box is one grid item with what draws it.
type box struct {
	item    app.Item
	frame   *canvas.Rectangle // border (and header shading)
	label   *widget.Label     // a label item
	obj     fyne.CanvasObject // the entry, total or label
	outline *canvas.Rectangle // problem outline of a value box
	wrapW   float32           // width the label text was wrapped for
	sev     string            // "error", "warning" or "" for the outline shown
}

const statusHint = "Tab、回车或方向键移到下一格；可从 Excel/WPS 复制一块数据后按 Ctrl+V 粘贴；合计自动计算。"

// NewTableEditor builds the editor of table t of format f.
func NewTableEditor(f *app.Format, t *app.Table) *TableEditor {
	e := &TableEditor{
		f: f, t: t,
		empty:    &app.Report{Format: f.ID, Cells: map[string]string{}},
		entries:  map[string]*numEntry{},
		totals:   map[string]*totalCell{},
		items:    map[string]app.Item{},
		findings: map[string][]app.Finding{},
	}
	e.ExtendBaseWidget(e)

	items := append([]app.Item(nil), t.Items...)
	// Reading order is also the focus order of Tab and Shift+Tab.
	sort.SliceStable(items, func(i, j int) bool {
		if items[i].Row != items[j].Row {
			return items[i].Row < items[j].Row
		}
		return items[i].Col < items[j].Col
	})
	var objs []fyne.CanvasObject
	for _, it := range items {
		b := &box{item: it, frame: canvas.NewRectangle(color.Transparent)}
		b.frame.StrokeColor = theme.Color(theme.ColorNameSeparator)
		b.frame.StrokeWidth = 1
		switch {
		case it.CellID == "":
			b.label = widget.NewLabel(it.Text)
			b.label.Truncation = fyne.TextTruncateOff
			if it.Header || it.Caption {
				b.frame.FillColor = theme.Color(theme.ColorNameHeaderBackground)
			}
			if it.Header {
				b.label.Alignment = fyne.TextAlignCenter
			}
			if it.Caption {
				b.label.TextStyle = fyne.TextStyle{Bold: true}
			}
			b.obj = b.label
		case f.Cell(it.CellID) != nil && f.Cell(it.CellID).Computed():
			tc := newTotalCell(e, it.CellID)
			e.totals[it.CellID] = tc
			b.obj = tc
		default:
			ne := newNumEntry(e, it.CellID, len(e.order))
			e.entries[it.CellID] = ne
			e.order = append(e.order, ne)
			b.obj = ne
		}
		if it.CellID != "" {
			e.items[it.CellID] = it
			b.outline = canvas.NewRectangle(color.Transparent)
			b.outline.StrokeWidth = 2
			b.outline.Hide()
		}
		e.boxes = append(e.boxes, b)
		objs = append(objs, b.frame, b.obj)
		if b.outline != nil {
			objs = append(objs, b.outline)
		}
	}
	e.grid = container.New(&gridLayout{e: e}, objs...)
	e.scroll = container.NewScroll(e.grid)
	e.status = widget.NewLabel(statusHint)
	e.status.Wrapping = fyne.TextWrapWord
	e.content = container.New(statusLayout{}, e.scroll, e.status)
	e.refreshAll()
	return e
}

// CreateRenderer implements fyne.Widget.
func (e *TableEditor) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(e.content)
}

// Table returns the declaration the editor was built from.
func (e *TableEditor) Table() *app.Table { return e.t }

// OnChange sets the callback of every edit the editor sent to the owner
// (typing, paste, 空白填0, undo), with what the owner returned.
func (e *TableEditor) OnChange(fn func(ch draft.Change, err error)) { e.onChange = fn }

// OnMessage sets the callback of a Chinese message to the user.
func (e *TableEditor) OnMessage(fn func(msg string)) { e.onMessage = fn }

// SetDraft shows the report d owns; every edit goes to d.
func (e *TableEditor) SetDraft(d *draft.Draft) {
	e.d = d
	e.Sync()
}

// SetReadOnly shows the values without letting them be changed (the
// superior office's view of a unit's report).
func (e *TableEditor) SetReadOnly(ro bool) {
	for _, ne := range e.entries {
		if ro {
			ne.Disable()
		} else {
			ne.Enable()
		}
	}
}

// report is the report shown: the owner's, read only.
func (e *TableEditor) report() *app.Report {
	if e.d == nil {
		return e.empty
	}
	return e.d.Report()
}

// Sync shows the owner's values. A box whose text already means the stored
// value is left alone, so a cell being typed in keeps its text and cursor.
func (e *TableEditor) Sync() {
	r := e.report()
	e.setting = true
	for id, ne := range e.entries {
		stored := r.Cells[id]
		if app.Canonical(ne.Text) != stored {
			ne.SetText(app.ParseValue(stored).Display())
		}
	}
	e.setting = false
	e.refreshAll()
}

// Value returns the text shown for a cell: an input box's text or a total.
func (e *TableEditor) Value(cellID string) (string, bool) {
	if ne, ok := e.entries[cellID]; ok {
		return ne.Text, true
	}
	if tc, ok := e.totals[cellID]; ok {
		return tc.label.Text, true
	}
	return "", false
}

// Status returns the text of the editor's status line.
func (e *TableEditor) Status() string { return e.status.Text }

// SetFindings outlines every cell of this table involved in a finding:
// red for an error, orange for a warning.
func (e *TableEditor) SetFindings(fs []app.Finding) {
	e.findings = map[string][]app.Finding{}
	for _, f := range fs {
		seen := map[string]bool{}
		for _, id := range append([]string{f.Anchor}, f.Cells...) {
			if _, ok := e.items[id]; ok && !seen[id] {
				seen[id] = true
				e.findings[id] = append(e.findings[id], f)
			}
		}
	}
	for _, b := range e.boxes {
		if b.outline != nil {
			e.refreshOutline(b)
		}
	}
	e.showStatus()
}

// Outline reports the colour name of a cell's outline: "error",
// "warning" or "" when it has none.
func (e *TableEditor) Outline(cellID string) string {
	for _, b := range e.boxes {
		if b.item.CellID == cellID && b.outline != nil {
			return b.sev
		}
	}
	return ""
}

// FocusCell scrolls a cell into view and focuses it. A derived total is not
// focusable; it is scrolled to and explained in the status line. It returns
// false when the cell is not in this table.
func (e *TableEditor) FocusCell(c fyne.Canvas, cellID string) bool {
	if ne, ok := e.entries[cellID]; ok {
		e.scrollTo(ne)
		if c != nil {
			c.Focus(ne)
		}
		return true
	}
	if tc, ok := e.totals[cellID]; ok {
		e.scrollTo(tc)
		e.setStatus(e.explain(cellID))
		return true
	}
	return false
}

// problem returns the message of a value that cannot be used as typed, or "".
func (e *TableEditor) problem(id string) string {
	c := e.f.Cell(id)
	v := e.report().Value(id)
	switch v.State {
	case app.NotNumber:
		return c.Location + "：「" + v.Raw + "」不是数字，未计入合计"
	case app.Number:
		if kp := app.CheckKind(c, v); kp != nil {
			return c.Location + "：" + kp.Message
		}
	}
	return ""
}

// explain is the status line of a cell: its location, its own problem and
// the messages of the findings involving it.
func (e *TableEditor) explain(id string) string {
	c := e.f.Cell(id)
	if c == nil {
		return statusHint
	}
	var parts []string
	if p := e.problem(id); p != "" {
		parts = append(parts, p)
	}
	for _, f := range e.findings[id] {
		tag := "【提示】"
		if f.Severity == app.Error {
			tag = "【错误】"
		}
		parts = append(parts, tag+f.Message)
	}
	if _, ok := e.totals[id]; ok && len(parts) == 0 {
		parts = append(parts, c.Location+"：合计，自动计算，不能直接填写")
	}
	if len(parts) == 0 {
		return c.Location + "（" + c.Kind.String() + "，单位：" + c.Unit + "）"
	}
	return strings.Join(parts, "；")
}

func (e *TableEditor) showStatus() {
	switch {
	case e.hovered != "":
		e.setStatus(e.explain(e.hovered))
	case e.focused != nil:
		e.setStatus(e.explain(e.focused.cell))
	default:
		e.setStatus(statusHint)
	}
}

// setStatus shows text in the status line, growing it when it wraps.
func (e *TableEditor) setStatus(text string) {
	if e.status.Text == text {
		return
	}
	h := e.status.Size().Height
	e.status.SetText(text)
	if c, ok := e.content.(*fyne.Container); ok && e.status.MinSize().Height != h {
		c.Layout.Layout(c.Objects, c.Size())
	}
}

func (e *TableEditor) hover(id string) {
	e.hovered = id
	e.showStatus()
}

// refreshAll shows the owner's totals and outlines after values changed.
func (e *TableEditor) refreshAll() {
	r := e.report()
	for id, tc := range e.totals {
		v := r.Value(id)
		txt := v.Display()
		if v.State == app.Empty && e.anyTermSet(id) {
			txt = "？" // a term is not a number: the total cannot be computed
		}
		tc.setText(txt)
	}
	for _, b := range e.boxes {
		if b.outline != nil {
			e.refreshOutline(b)
		}
	}
}

// anyTermSet reports whether a total has a non-empty term.
func (e *TableEditor) anyTermSet(id string) bool {
	r := e.report()
	for _, t := range e.f.Cell(id).Sum {
		if r.Cells[t] != "" {
			return true
		}
	}
	return false
}

func (e *TableEditor) refreshOutline(b *box) {
	id := b.item.CellID
	sev := ""
	fill := color.Color(color.Transparent)
	if _, isInput := e.entries[id]; isInput && e.problem(id) != "" {
		sev = "error"
		fill = color.NRGBA{R: 0xe0, G: 0x20, B: 0x20, A: 0x18}
	}
	for _, f := range e.findings[id] {
		if f.Severity == app.Error {
			sev = "error"
		} else if sev == "" {
			sev = "warning"
		}
	}
	b.sev = sev
	if sev == "" {
		if b.outline.Visible() {
			b.outline.Hide()
		}
		return
	}
	col := theme.Color(theme.ColorNameError)
	if sev == "warning" {
		col = theme.Color(theme.ColorNameWarning)
	}
	b.outline.StrokeColor = col
	b.outline.FillColor = fill
	b.outline.Show()
	b.outline.Refresh()
}
