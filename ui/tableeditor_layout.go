package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Column widths follow the printed widths in mm, never narrower than a box
// a five-digit number fits in; below minPxPerMM the table scrolls sideways.
const (
	minPxPerMM   = 4.5
	minValueColW = 60
	minLabelColW = 40
	// Label columns may shrink further, down to this, before the table scrolls.
	minLabelPxPerMM = 2.5
)

// gridLayout places the boxes of a table on its row/column grid with spans.
type gridLayout struct {
	e     *TableEditor
	lastW float32
}

func (l *gridLayout) colWidths(total float32) []float32 {
	t := l.e.t
	var mm, labelMM float64
	valueCol := make([]bool, t.Cols)
	for _, it := range t.Items {
		if it.CellID != "" && it.ColSpan == 1 {
			valueCol[it.Col] = true
		}
	}
	mmOf := func(c int) float32 {
		if c < len(t.Widths) {
			return float32(t.Widths[c])
		}
		return 0
	}
	for c := range valueCol {
		mm += float64(mmOf(c))
		if !valueCol[c] {
			labelMM += float64(mmOf(c))
		}
	}
	s := float32(minPxPerMM)
	if mm > 0 && total/float32(mm) > s {
		s = total / float32(mm)
	}
	ws := make([]float32, t.Cols)
	rest := total
	for c := range ws {
		if valueCol[c] {
			ws[c] = max(mmOf(c)*s, minValueColW)
			rest -= ws[c]
		}
	}
	// Label columns share what the values leave, in proportion to their
	// printed widths: their text wraps, a number box cannot.
	for c := range ws {
		if valueCol[c] {
			continue
		}
		w := mmOf(c) * minLabelPxPerMM
		if labelMM > 0 && rest > 0 {
			w = max(w, mmOf(c)/float32(labelMM)*rest)
		}
		if mm > 0 && total/float32(mm) > minPxPerMM {
			w = min(w, mmOf(c)*s)
		}
		ws[c] = max(w, minLabelColW)
	}
	return ws
}

// rowHeights wraps the labels for the column widths and returns the height
// of every grid row: spanning boxes add what they lack to their last row.
func (l *gridLayout) rowHeights(ws []float32) []float32 {
	t := l.e.t
	hs := make([]float32, t.Rows)
	base := l.e.entryHeight() + 2 // inputs sit one pixel inside their frame
	for _, b := range l.e.boxes {
		if b.item.CellID != "" && b.item.Row < len(hs) && hs[b.item.Row] < base {
			hs[b.item.Row] = base
		}
	}
	need := func(b *box) float32 {
		if b.label == nil {
			return base
		}
		return l.e.wrapLabel(b, spanWidth(ws, b.item.Col, b.item.ColSpan)) + 2
	}
	for _, b := range l.e.boxes {
		if b.item.RowSpan <= 1 && b.item.Row < len(hs) {
			if h := need(b); h > hs[b.item.Row] {
				hs[b.item.Row] = h
			}
		}
	}
	for _, b := range l.e.boxes {
		if b.item.RowSpan > 1 {
			last := b.item.Row + b.item.RowSpan - 1
			if last >= len(hs) {
				continue
			}
			if lack := need(b) - spanWidth(hs, b.item.Row, b.item.RowSpan); lack > 0 {
				hs[last] += lack
			}
		}
	}
	return hs
}

func spanWidth(ws []float32, from, n int) float32 {
	var s float32
	for i := from; i < from+n && i < len(ws); i++ {
		s += ws[i]
	}
	return s
}

// MinSize is as narrow as the columns may get, and as tall as the rows are
// at the last width laid out (narrower would wrap labels into more lines).
func (l *gridLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	narrow := l.colWidths(0)
	hs := l.rowHeights(l.colWidths(l.lastW))
	return fyne.NewSize(spanWidth(narrow, 0, len(narrow)), spanWidth(hs, 0, len(hs)))
}

func (l *gridLayout) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	ws := l.colWidths(size.Width)
	hs := l.rowHeights(ws)
	xs := make([]float32, len(ws)+1)
	for i, w := range ws {
		xs[i+1] = xs[i] + w
	}
	ys := make([]float32, len(hs)+1)
	for i, h := range hs {
		ys[i+1] = ys[i] + h
	}
	for _, b := range l.e.boxes {
		it := b.item
		if it.Row+it.RowSpan > len(hs) || it.Col+it.ColSpan > len(ws) {
			continue
		}
		pos := fyne.NewPos(xs[it.Col], ys[it.Row])
		sz := fyne.NewSize(xs[it.Col+it.ColSpan]-xs[it.Col], ys[it.Row+it.RowSpan]-ys[it.Row])
		b.frame.Move(pos)
		b.frame.Resize(sz)
		// Inputs sit one pixel inside the frame so the grid lines stay visible.
		b.obj.Move(pos.AddXY(1, 1))
		b.obj.Resize(sz.SubtractWidthHeight(2, 2))
		if b.outline != nil {
			b.outline.Move(pos.AddXY(1, 1))
			b.outline.Resize(sz.SubtractWidthHeight(2, 2))
		}
	}
	changed := size.Width != l.lastW
	l.lastW = size.Width
	if changed && ys[len(ys)-1] > size.Height && l.e.scroll != nil {
		// The text now wraps into more lines than the scroll area knew of.
		l.e.scroll.Refresh()
	}
}

var entryHeightCache float32

func (e *TableEditor) entryHeight() float32 {
	if len(e.order) > 0 {
		return e.order[0].MinSize().Height
	}
	if entryHeightCache == 0 {
		entryHeightCache = widget.NewEntry().MinSize().Height
	}
	return entryHeightCache
}

// wrapLabel breaks a label's text into lines that fit width (Chinese text
// may break between any two characters) and returns the height it needs.
func (e *TableEditor) wrapLabel(b *box, width float32) float32 {
	if b.wrapW != width {
		b.wrapW = width
		text := wrapText(b.item.Text, width-2*theme.InnerPadding()-2, b.label.TextStyle)
		if text != b.label.Text {
			b.label.Text = text
			b.label.Refresh()
		}
	}
	return b.label.MinSize().Height
}

func wrapText(s string, width float32, style fyne.TextStyle) string {
	size := theme.TextSize()
	if width <= 0 || fyne.MeasureText(s, size, style).Width <= width {
		return s
	}
	var out []rune
	var line []rune
	for _, r := range s {
		try := append(line, r)
		if len(line) > 0 && fyne.MeasureText(string(try), size, style).Width > width && !closing(r) {
			out = append(append(out, line...), '\n')
			line = []rune{r}
			continue
		}
		line = try
	}
	return string(append(out, line...))
}

// closing reports punctuation that must not begin a line.
func closing(r rune) bool {
	switch r {
	case '，', '。', '、', '）', '”', '：', '；', '》', ')':
		return true
	}
	return false
}

// totalCell shows a derived total read-only.
type totalCell struct {
	widget.BaseWidget
	ed    *TableEditor
	cell  string
	label *widget.Label
	bg    *canvas.Rectangle
}

func newTotalCell(ed *TableEditor, id string) *totalCell {
	t := &totalCell{ed: ed, cell: id, label: widget.NewLabel("")}
	t.label.Alignment = fyne.TextAlignTrailing
	t.label.TextStyle = fyne.TextStyle{Bold: true}
	t.bg = canvas.NewRectangle(color.NRGBA{R: 0x80, G: 0x80, B: 0x80, A: 0x22})
	t.ExtendBaseWidget(t)
	return t
}

func (t *totalCell) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(t.bg, t.label))
}

func (t *totalCell) setText(s string) {
	if t.label.Text != s {
		t.label.SetText(s)
	}
}

func (t *totalCell) MouseIn(*desktop.MouseEvent)    { t.ed.hover(t.cell) }
func (t *totalCell) MouseMoved(*desktop.MouseEvent) {}
func (t *totalCell) MouseOut()                      { t.ed.hover("") }

// statusLayout puts the first object above the second, a wrapped status
// line whose height is measured at the full width (a wrapped label asked
// before it has a width claims one line per character).
type statusLayout struct{}

func (statusLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	top := objs[0].MinSize()
	line := fyne.MeasureText("国", theme.TextSize(), fyne.TextStyle{}).Height + 2*theme.InnerPadding()
	return fyne.NewSize(top.Width, top.Height+line)
}

func (statusLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	st := objs[1]
	st.Resize(fyne.NewSize(size.Width, st.Size().Height))
	h := st.MinSize().Height
	if h > size.Height/3 {
		h = size.Height / 3
	}
	st.Resize(fyne.NewSize(size.Width, h))
	st.Move(fyne.NewPos(0, size.Height-h))
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(fyne.NewSize(size.Width, size.Height-h))
}
