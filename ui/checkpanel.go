package ui

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"nianbao/app"
)

// CheckPanel lists the findings of the last check: 强制性错误 and 提示性警告
// with their counts, each with its Chinese message; a warning carries an
// input for its 出错说明. Rows are kept across updates by Finding.Key, so an
// explanation being typed keeps its focus while the checks rerun.
type CheckPanel struct {
	widget.BaseWidget

	onSelect  func(f app.Finding)
	onExplain func(key, text string)
	onAllow   func(f app.Finding)
	onFill    func(table string)
	format    *app.Format // of the report shown: how many input cells a table has

	errHead, warnHead, skipHead *widget.Label
	none                        *widget.Label
	sep1, sep2                  *widget.Separator
	list                        *fyne.Container
	scroll                      *container.Scroll

	rows      map[string]*findingRow   // by Finding.Key, or "skip:" + rule + anchor
	summaries map[string]*emptySummary // VALUE-EMPTY per table
	more      map[string]*widget.Button
	expanded  map[string]bool // rules whose findings are all listed
	last      app.Result
	lastExpl  map[string]string
	errors    int
	warns     int
}

// NewCheckPanel returns an empty panel.
func NewCheckPanel() *CheckPanel {
	p := &CheckPanel{rows: map[string]*findingRow{}, summaries: map[string]*emptySummary{}, more: map[string]*widget.Button{}, expanded: map[string]bool{}}
	p.errHead = widget.NewLabel("")
	p.errHead.TextStyle = fyne.TextStyle{Bold: true}
	p.errHead.Importance = widget.DangerImportance
	p.warnHead = widget.NewLabel("")
	p.warnHead.TextStyle = fyne.TextStyle{Bold: true}
	p.warnHead.Importance = widget.WarningImportance
	p.skipHead = widget.NewLabel("")
	p.skipHead.TextStyle = fyne.TextStyle{Bold: true}
	p.none = widget.NewLabel("未发现问题。")
	p.none.Wrapping = fyne.TextWrapWord
	p.sep1, p.sep2 = widget.NewSeparator(), widget.NewSeparator()
	p.list = container.NewVBox()
	p.scroll = container.NewVScroll(p.list)
	p.ExtendBaseWidget(p)
	p.SetResult(app.Result{}, nil)
	return p
}

// CreateRenderer implements fyne.Widget.
func (p *CheckPanel) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(p.scroll)
}

// OnSelect sets the callback of a click on a finding. A click on a rule
// that could not be computed passes a Finding with that rule and anchor and
// no severity.
func (p *CheckPanel) OnSelect(fn func(f app.Finding)) { p.onSelect = fn }

// OnExplain sets the callback of an edit of a warning's 出错说明; key is
// Finding.Key().
func (p *CheckPanel) OnExplain(fn func(key, text string)) { p.onExplain = fn }

// OnFillEmpty sets the action of «空白填0» on a table's empty-cell summary.
func (p *CheckPanel) OnFillEmpty(fn func(table string)) { p.onFill = fn }

// OnAllow sets the action of «加入允许词» on a LINT-SPAM finding: the clerk
// is sure a flagged word is legitimate.
func (p *CheckPanel) OnAllow(fn func(f app.Finding)) { p.onAllow = fn }

// Counts returns the numbers of errors and warnings shown.
func (p *CheckPanel) Counts() (errors, warnings int) { return p.errors, p.warns }

// SetResult shows a check result; explanations are the 出错说明 saved with
// the report, by Finding.Key.
func (p *CheckPanel) SetResult(res app.Result, explanations map[string]string) {
	p.last, p.lastExpl = res, explanations
	errs, all := res.Errors(), res.Warnings()
	warns, empties := splitEmpty(all, p.format)
	p.errors, p.warns = len(errs), len(warns)+len(empties)
	setLabel(p.errHead, fmt.Sprintf("强制性错误（%d）", len(errs)))
	setLabel(p.warnHead, fmt.Sprintf("提示性警告（%d）", p.warns))

	keep := map[string]*findingRow{}
	var fresh []fyne.CanvasObject
	objs := []fyne.CanvasObject{p.errHead}
	row := func(key string, f app.Finding, text string, explain bool) {
		r := p.rows[key]
		allow := f.Rule == "LINT-SPAM" && p.onAllow != nil
		if r == nil || (r.allow != nil) != allow || (r.explain == nil && r.reported == nil) == explain {
			r = newFindingRow(p, explain, allow)
			fresh = append(fresh, r.obj)
		}
		r.set(f, text)
		if explain {
			r.setExplanation(explanations[f.Key()])
		}
		keep[key] = r
		objs = append(objs, r.obj)
	}
	p.listRows(errs, &objs, func(f app.Finding) { row(f.Key(), f, f.Message, false) })
	if len(errs) == 0 {
		objs = append(objs, p.none)
	}
	objs = append(objs, p.sep1, p.warnHead)
	for _, g := range empties {
		sr := p.summaries[g.table]
		if sr == nil {
			sr = newEmptySummary(p, g.table)
			p.summaries[g.table] = sr
		}
		sr.set(g)
		objs = append(objs, sr.obj)
	}
	p.listRows(warns, &objs, func(f app.Finding) { row(f.Key(), f, f.Message, true) })
	var skipped []app.Skipped
	for _, s := range res.Skipped {
		if s.Reason == app.SkipNotNumber {
			skipped = append(skipped, s)
		}
	}
	if len(skipped) > 0 {
		setLabel(p.skipHead, fmt.Sprintf("未计算（%d）", len(skipped)))
		objs = append(objs, p.sep2, p.skipHead)
		for _, s := range skipped {
			f := app.Finding{Rule: s.Rule, Anchor: s.Anchor, Cells: []string{s.Anchor}}
			text := anchorName(s.Anchor) + "：无法计算：含非数字单元格"
			f.Message = text
			row("skip:"+s.Rule+":"+s.Anchor, f, text, false)
		}
	}
	p.rows = keep
	if sameObjects(p.list.Objects, objs) {
		return // only texts changed, and labels refresh themselves
	}
	// Lay out and repaint the list without refreshing every row: re-wrapping
	// hundreds of messages on each keystroke made typing lag.
	p.list.Objects = objs
	// A new wrapped row knows its height only once it has a width, and
	// widgets cache their minimum size until refreshed.
	p.list.Layout.Layout(objs, p.list.Size())
	for _, o := range fresh {
		o.Refresh()
	}
	p.list.Layout.Layout(objs, p.list.Size())
	p.scroll.Refresh()
	canvas.Refresh(p.list)
}

func sameObjects(a, b []fyne.CanvasObject) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func setLabel(l *widget.Label, text string) {
	if l.Text != text {
		l.SetText(text)
	}
}

// perRule is how many findings of one rule are listed before the rest is
// folded behind a button: an empty report has a warning per empty cell, and
// building hundreds of rows at once stalled the window for a second.
const perRule = 8

// listRows adds the rows of findings in order through add; after the first
// perRule findings of a long rule it adds one 「全部列出」 button instead.
func (p *CheckPanel) listRows(fs []app.Finding, objs *[]fyne.CanvasObject, add func(app.Finding)) {
	total := map[string]int{}
	for _, f := range fs {
		total[f.Rule]++
	}
	shown := map[string]int{}
	for _, f := range fs {
		n := shown[f.Rule]
		shown[f.Rule]++
		switch {
		case p.expanded[f.Rule] || total[f.Rule] <= perRule || n < perRule:
			add(f)
		case n == perRule:
			*objs = append(*objs, p.moreButton(f.Rule, total[f.Rule]-perRule))
		}
	}
}

func (p *CheckPanel) moreButton(rule string, n int) fyne.CanvasObject {
	b := p.more[rule]
	if b == nil {
		b = widget.NewButton("", func() {
			p.expanded[rule] = true
			p.SetResult(p.last, p.lastExpl)
		})
		b.Importance = widget.LowImportance
		p.more[rule] = b
	}
	text := fmt.Sprintf("还有%d条同类问题，点此全部列出", n)
	if b.Text != text {
		b.SetText(text)
	}
	return b
}

// anchorName names a cell by its location or a field by its Chinese name.
func anchorName(anchor string) string {
	for _, f := range app.Formats() {
		if c := f.Cell(anchor); c != nil {
			return c.Location
		}
	}
	if f, ok := app.FieldByPath(anchor); ok {
		return f.Name
	}
	return anchor
}

// findingRow is one finding: its clickable message and, for a warning, the
// input of its 出错说明 — or, in a panel nobody edits through (the superior
// office's view of a unit), the 出错说明 the unit wrote, as text.
type findingRow struct {
	p        *CheckPanel
	item     *findingItem
	explain  *explainEntry
	reported *widget.Label
	allow    *widget.Button // «加入允许词» of a LINT-SPAM finding
	obj      fyne.CanvasObject
}

func newFindingRow(p *CheckPanel, explain, allow bool) *findingRow {
	r := &findingRow{p: p, item: newFindingItem(p)}
	r.obj = r.item
	switch {
	case explain && p.onExplain != nil:
		r.explain = newExplainEntry(r)
		r.obj = container.NewVBox(r.item, container.NewPadded(r.explain))
	case explain:
		r.reported = widget.NewLabel("")
		r.reported.Wrapping = fyne.TextWrapWord
		indent := canvas.NewRectangle(color.Transparent) // under the message, past its icon
		indent.SetMinSize(fyne.NewSquareSize(theme.IconInlineSize()))
		r.obj = container.NewVBox(r.item, container.NewBorder(nil, nil, indent, nil, r.reported))
	}
	if allow {
		r.allow = widget.NewButton("确属正常用语，加入允许词…", func() { p.onAllow(r.item.f) })
		r.allow.Importance = widget.LowImportance
		r.obj = container.NewVBox(r.item, container.NewHBox(r.allow))
	}
	return r
}

func (r *findingRow) set(f app.Finding, text string) {
	r.item.f = f
	if r.item.label.Text != text {
		r.item.label.SetText(text)
	}
	ic := theme.ErrorIcon()
	switch f.Severity {
	case app.Warning:
		ic = theme.WarningIcon()
	case "":
		ic = theme.QuestionIcon()
	}
	r.item.icon.SetResource(ic)
}

// setExplanation shows a saved 出错说明 unless the user is typing in it.
func (r *findingRow) setExplanation(text string) {
	if r.reported != nil {
		r.reported.Importance = widget.MediumImportance
		if text == "" {
			r.reported.Importance = widget.LowImportance
			setLabel(r.reported, "（未填写出错说明）")
		} else {
			setLabel(r.reported, "出错说明："+text)
		}
		r.reported.Refresh()
		return
	}
	e := r.explain
	if e.focused || e.Text == text {
		return
	}
	e.setting = true
	e.SetText(text)
	e.setting = false
}

// findingItem is the clickable message of a finding.
type findingItem struct {
	widget.BaseWidget
	p     *CheckPanel
	f     app.Finding
	icon  *widget.Icon
	label *widget.Label
	bg    *canvas.Rectangle
}

func newFindingItem(p *CheckPanel) *findingItem {
	it := &findingItem{p: p, icon: widget.NewIcon(theme.ErrorIcon()), label: widget.NewLabel("")}
	it.label.Wrapping = fyne.TextWrapWord
	it.bg = canvas.NewRectangle(theme.Color(theme.ColorNameHover))
	it.bg.Hide()
	it.ExtendBaseWidget(it)
	return it
}

func (it *findingItem) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(it.bg,
		container.NewBorder(nil, nil, container.NewCenter(it.icon), nil, it.label)))
}

// Tapped selects the finding.
func (it *findingItem) Tapped(*fyne.PointEvent) {
	if it.p.onSelect != nil {
		it.p.onSelect(it.f)
	}
}

func (it *findingItem) Cursor() desktop.Cursor { return desktop.PointerCursor }

func (it *findingItem) MouseIn(*desktop.MouseEvent)    { it.bg.Show(); it.bg.Refresh() }
func (it *findingItem) MouseMoved(*desktop.MouseEvent) {}
func (it *findingItem) MouseOut()                      { it.bg.Hide(); it.bg.Refresh() }

// explainEntry is the 出错说明 input of a warning. It is a plain Entry with
// OnChanged: data binding truncates Chinese IME input.
type explainEntry struct {
	widget.Entry
	row     *findingRow
	focused bool
	setting bool
}

func newExplainEntry(r *findingRow) *explainEntry {
	e := &explainEntry{row: r}
	e.ExtendBaseWidget(e)
	e.SetPlaceHolder("出错说明：请说明此数据为何无误")
	e.Wrapping = fyne.TextWrapWord
	e.MultiLine = true
	e.SetMinRowsVisible(2)
	e.OnChanged = func(s string) {
		if e.setting || e.row.p.onExplain == nil {
			return
		}
		if clean := bmpOnly(s); clean != s { // pasted text
			e.SetText(clean)
			return
		}
		e.row.p.onExplain(e.row.item.f.Key(), s)
	}
	return e
}

// TypedRune refuses characters outside the BMP, which the report file and
// the PDF fonts do not carry.
func (e *explainEntry) TypedRune(r rune) {
	if r > 0xFFFF {
		return
	}
	e.Entry.TypedRune(r)
}

func (e *explainEntry) FocusGained() {
	e.focused = true
	e.Entry.FocusGained()
}

func (e *explainEntry) FocusLost() {
	e.focused = false
	e.Entry.FocusLost()
}

func bmpOnly(s string) string {
	return strings.Map(func(r rune) rune {
		if r > 0xFFFF {
			return -1
		}
		return r
	}, s)
}
