package pdfout

import (
	"math"

	"nianbao/app"
)

// Table layout (gongwen.md §7): generated from the format's grid items.
const (
	cellPadX   = 1.0
	cellPadY   = 0.8
	lineFactor = 1.3 // cell line height in em
	borderW    = 0.5 * 25.4 / 72
	minCellPt  = 9.0 // 小五
	// a number is shrunk down to this size before its column is widened
	minNumberPt = 7.5
	numberStep  = 0.5
	numberPadX  = 0.4 // a centred number may come closer to the rules
)

// tcell is one table box with its text broken into lines.
type tcell struct {
	it     app.Item
	text   string
	size   float64
	center bool
	lines  [][]glyph
	// layout sets the text at a size (labels vertically, numbers on one line)
	layout func(size float64) [][]glyph
}

// tableLayout is a table measured for pagination.
type tableLayout struct {
	t      *app.Table
	x      []float64 // left edge of each column, plus the right edge
	cells  []*tcell
	rows   int
	h      []float64 // row heights
	header int       // header rows repeated on continuation pages
	units  [][]int   // row groups kept on one page, in order
}

func tableSize(t *app.Table) float64 {
	if t.Key == "t2" {
		return 12
	}
	return 10.5
}

func (l *layout) breakCell(text string, size, width float64) [][]glyph {
	if text == "" {
		return nil
	}
	gs := l.shape([]span{{ro: roleST, text: text}}, size)
	var out [][]glyph
	for _, ln := range breakLines(atomize(gs), width, width, 0) {
		out = append(out, ln.glyphs())
	}
	return out
}

func (l *layout) measureTable(t *app.Table, r *app.Report) *tableLayout {
	tl := &tableLayout{t: t, header: t.HeaderRows}
	x := typeLeft
	for _, w := range l.columnWidths(t, r) {
		tl.x = append(tl.x, x)
		x += w
	}
	tl.x = append(tl.x, typeRight)
	for _, it := range t.Items {
		if e := it.Row + it.RowSpan; e > tl.rows {
			tl.rows = e
		}
	}
	tl.h = make([]float64, tl.rows)
	base := tableSize(t)
	minH := math.Max(7, mm(base)*lineFactor+2*cellPadY+1)
	for i := range tl.h {
		tl.h[i] = minH
	}
	for _, it := range t.Items {
		c := &tcell{it: it, text: it.Text, size: base}
		if it.CellID != "" {
			c.text = r.Cells[it.CellID]
		}
		c.center = it.Header || it.Caption || it.CellID != "" || it.RowSpan > 1
		w := tl.x[it.Col+it.ColSpan] - tl.x[it.Col] - 2*cellPadX
		text := c.text
		switch {
		case it.CellID != "":
			w += 2 * (cellPadX - numberPadX)
			c.size = l.numberSize(c.text, base, w)
			c.layout = func(size float64) [][]glyph { return l.breakCell(text, size, w) }
		case it.RowSpan > 1:
			c.layout = func(size float64) [][]glyph { return l.labelLines(text, size, w) }
		default:
			c.layout = func(size float64) [][]glyph { return l.breakCell(text, size, w) }
			if len(c.layout(c.size)) > 3 {
				c.size = minCellPt
			}
		}
		c.lines = c.layout(c.size)
		tl.cells = append(tl.cells, c)
	}
	// single rows first, then spans: a span's deficit goes to its last row
	for pass := 0; pass < 2; pass++ {
		for _, c := range tl.cells {
			if (c.it.RowSpan > 1) != (pass == 1) {
				continue
			}
			need := c.need()
			have := 0.0
			for i := c.it.Row; i < c.it.Row+c.it.RowSpan; i++ {
				have += tl.h[i]
			}
			if need > have {
				tl.h[c.it.Row+c.it.RowSpan-1] += need - have
			}
		}
	}
	// glue[i]: rows i and i+1 stay on one page. Blocks glue their rows; a
	// row-spanning label glues as many of its first and last rows as its
	// text needs, so no fragment of it is too short to read.
	glue := make([]bool, tl.rows)
	for _, bl := range t.Blocks {
		for i := bl[0]; i < bl[1]-1 && i < tl.rows; i++ {
			glue[i] = true
		}
	}
	for _, c := range tl.cells {
		if c.it.RowSpan < 2 || c.it.Row < tl.header {
			continue
		}
		need, end := c.need(), c.it.Row+c.it.RowSpan
		h := tl.h[c.it.Row]
		for i := c.it.Row; i < end-1 && h < need; i++ {
			glue[i] = true
			h += tl.h[i+1]
		}
		h = tl.h[end-1]
		for i := end - 2; i >= c.it.Row && h < need; i-- {
			glue[i] = true
			h += tl.h[i]
		}
	}
	for i := tl.header; i < tl.rows; {
		u := []int{i}
		for i < tl.rows-1 && glue[i] {
			i++
			u = append(u, i)
		}
		i++
		tl.units = append(tl.units, u)
	}
	return tl
}

func (c *tcell) need() float64 {
	return float64(len(c.lines))*mm(c.size)*lineFactor + 2*cellPadY
}

func (tl *tableLayout) height(rows []int) float64 {
	s := 0.0
	for _, r := range rows {
		s += tl.h[r]
	}
	return s
}

func (tl *tableLayout) headerRows() []int {
	var rs []int
	for i := 0; i < tl.header; i++ {
		rs = append(rs, i)
	}
	return rs
}

// firstNeed is the height that must fit below a heading: the header rows
// and the first unit.
func (tl *tableLayout) firstNeed() float64 {
	n := tl.height(tl.headerRows())
	if len(tl.units) > 0 {
		n += tl.height(tl.units[0])
	}
	return n
}

// placeTable paginates by units, repeating the header rows, and queues the
// drawing of every page fragment. The cursor ends on the grid line below.
func (l *layout) placeTable(tl *tableLayout) {
	y := l.yNow()
	if l.line >= gridLines {
		l.newPage()
		y = typeTop
	}
	var seg []int
	flush := func() {
		if len(seg) > 0 {
			l.marks = append(l.marks, mark{page: len(l.pages), line: int((y - typeTop) / pitch)})
			l.drawSegment(tl, seg, y)
			y += tl.height(seg)
		}
		seg = nil
	}
	seg = append(seg, tl.headerRows()...)
	used := tl.height(seg)
	for _, u := range tl.units {
		h := tl.height(u)
		if y+used+h > typeBottom+1e-6 && len(seg) > tl.header {
			flush()
			l.newPage()
			y = typeTop
			seg = append(seg, tl.headerRows()...)
			used = tl.height(seg)
		}
		// a unit taller than a page goes row by row
		if y+used+h > typeBottom+1e-6 && len(u) > 1 {
			for _, r := range u {
				if y+used+tl.h[r] > typeBottom+1e-6 && len(seg) > tl.header {
					flush()
					l.newPage()
					y = typeTop
					seg = append(seg, tl.headerRows()...)
					used = tl.height(seg)
				}
				seg = append(seg, r)
				used += tl.h[r]
			}
			continue
		}
		seg = append(seg, u...)
		used += h
	}
	flush()
	l.snap(y)
	if l.line >= gridLines {
		l.newPage()
	}
}

// drawSegment draws the rows of one page. A box whose rows are only partly
// here is drawn as a fragment with its text repeated.
func (l *layout) drawSegment(tl *tableLayout, rows []int, y0 float64) {
	pos := map[int]float64{}
	y := y0
	for _, r := range rows {
		pos[r] = y
		y += tl.h[r]
	}
	for _, c := range tl.cells {
		top, bot := -1.0, -1.0
		for r := c.it.Row; r < c.it.Row+c.it.RowSpan; r++ {
			py, ok := pos[r]
			if !ok {
				continue
			}
			if top < 0 || py < top {
				top = py
			}
			if e := py + tl.h[r]; e > bot {
				bot = e
			}
		}
		if top < 0 {
			continue
		}
		x0, x1 := tl.x[c.it.Col], tl.x[c.it.Col+c.it.ColSpan]
		l.add(func(w writer) { w.rect(x0, top, x1-x0, bot-top, borderW) })
		l.drawCellText(c, x0, x1, top, bot)
	}
}

func (l *layout) drawCellText(c *tcell, x0, x1, top, bot float64) {
	lines, size := c.lines, c.size
	// a fragment too short for its text is set smaller
	for float64(len(lines))*mm(size)*lineFactor+2*cellPadY > bot-top+1e-6 && size > 5 {
		size -= 0.5
		lines = c.layout(size)
	}
	lh := mm(size) * lineFactor
	y := (top+bot)/2 - float64(len(lines))*lh/2
	for _, ln := range lines {
		w := width(ln, 0)
		x := x0 + cellPadX
		if c.center {
			x = (x0 + x1 - w) / 2
		}
		l.drawGlyphs(ln, size, x, y+lh/2+0.38*mm(size), 0, 0)
		y += lh
	}
}

// numberSize is the largest size from base down to minNumberPt, in steps of
// numberStep, at which text fits the width on one line: a number is never
// split. Past that the column was already widened (columnWidths).
func (l *layout) numberSize(text string, base, w float64) float64 {
	size := base
	for size > minNumberPt && l.textWidth([]span{{ro: roleST, text: text}}, size, 0) > w+1e-6 {
		size -= numberStep
	}
	return size
}

// columnWidths scales the format's widths to the type area, then widens
// every value column whose largest number does not fit on one line even at
// minNumberPt, taking the space from the label columns (those without value
// boxes) in proportion to their width.
func (l *layout) columnWidths(t *app.Table, r *app.Report) []float64 {
	sum := 0.0
	for _, w := range t.Widths {
		sum += w
	}
	ws := make([]float64, len(t.Widths))
	for i, w := range t.Widths {
		ws[i] = w * typeWidth / sum
	}
	need := make([]float64, len(ws))
	values := make([]bool, len(ws))
	for _, it := range t.Items {
		if it.CellID == "" {
			continue
		}
		for c := it.Col; c < it.Col+it.ColSpan; c++ {
			values[c] = true
		}
		if it.ColSpan != 1 || r.Cells[it.CellID] == "" {
			continue
		}
		nw := l.textWidth([]span{{ro: roleST, text: r.Cells[it.CellID]}}, minNumberPt, 0) + 2*numberPadX
		need[it.Col] = math.Max(need[it.Col], nw)
	}
	extra, labels := 0.0, 0.0
	for i := range ws {
		if values[i] && need[i] > ws[i] {
			extra += need[i] - ws[i]
		}
		if !values[i] {
			labels += ws[i]
		}
	}
	if extra == 0 || labels == 0 {
		return ws
	}
	// label columns keep at least half their width
	extra = math.Min(extra, labels/2)
	grow := extra / func() float64 {
		g := 0.0
		for i := range ws {
			if values[i] && need[i] > ws[i] {
				g += need[i] - ws[i]
			}
		}
		return g
	}()
	for i := range ws {
		switch {
		case values[i] && need[i] > ws[i]:
			ws[i] += (need[i] - ws[i]) * grow
		case !values[i]:
			ws[i] -= ws[i] / labels * extra
		}
	}
	return ws
}

// labelLines sets a label spanning several rows: on one line if it fits;
// else its marker (「三、」「（三）」) on a line of its own and the rest
// below, at word boundaries the marker gives; in a column too narrow for
// that, vertically, one character per line, as printed forms do.
func (l *layout) labelLines(text string, size, w float64) [][]glyph {
	if text == "" {
		return nil
	}
	all := l.shape([]span{{ro: roleST, text: text}}, size)
	if width(all, 0) <= w+1e-6 {
		return [][]glyph{all}
	}
	marker := ""
	if m := reH1.FindString(text); m != "" {
		marker = m
	} else if m := reH2.FindString(text); m != "" {
		marker = m
	}
	n := len([]rune(marker))
	mk, rest := all[:n], all[n:]
	fitsMarker := n > 0 && width(mk, 0) <= w+1e-6
	if fitsMarker && width(rest, 0) <= w+1e-6 {
		return [][]glyph{mk, rest}
	}
	if w >= 3*mm(size) || len(rest) <= 4 {
		// wide enough to read across, or short (「结果/维持」): ordinary
		// breaking, after the marker
		if !fitsMarker {
			return l.breakCell(text, size, w)
		}
		return append([][]glyph{mk}, l.breakCell(string(runesOf(rest)), size, w)...)
	}
	var out [][]glyph
	if fitsMarker {
		out = append(out, mk)
	} else {
		rest = all
	}
	for _, g := range rest {
		if len(out) > 0 && noStart(g.r) {
			out[len(out)-1] = append(out[len(out)-1], g)
			continue
		}
		out = append(out, []glyph{g})
	}
	return out
}
