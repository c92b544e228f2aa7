package docx

import (
	"nianbao/app"
	"nianbao/docparts"
)

// Cell padding of gongwen.md §7: 1 mm left/right, 0.8 mm top/bottom.
var (
	cellPadX = twips(1)
	cellPadY = twips(0.8)
)

// tableSize is 小四 for 表二, 五号 for 表三 and 表四 (§7).
func tableSize(t *app.Table) int {
	if t.Key == "t2" {
		return sizeS4
	}
	return size5
}

// gridCols scales the declared widths to the 版心 width in twips; the last
// column takes the rounding.
func gridCols(t *app.Table) []int {
	sum := 0.0
	for _, w := range t.Widths {
		sum += w
	}
	cols := make([]int, len(t.Widths))
	used := 0
	for i, w := range t.Widths {
		cols[i] = int(w / sum * float64(typeW))
		used += cols[i]
	}
	cols[len(cols)-1] += typeW - used
	return cols
}

// table writes one official table from its grid items: a box spanning
// columns is one cell with w:gridSpan, a box spanning rows starts a
// w:vMerge and continues it in the rows below.
func (w *xw) table(r *app.Report, t *app.Table) {
	cols := gridCols(t)
	cover := make([][]int, t.Rows) // grid position → item index
	for i := range cover {
		cover[i] = make([]int, t.Cols)
	}
	for n, it := range t.Items {
		for rr := it.Row; rr < it.Row+it.RowSpan; rr++ {
			for cc := it.Col; cc < it.Col+it.ColSpan; cc++ {
				cover[rr][cc] = n
			}
		}
	}
	// rows of a block keep with the next one, so a block stays on one page
	keep := make([]bool, t.Rows)
	for _, b := range t.Blocks {
		for i := b[0]; i < b[1]-1 && i < t.Rows; i++ {
			keep[i] = true
		}
	}
	for i := 0; i < t.HeaderRows && i < t.Rows; i++ {
		keep[i] = true
	}
	w.open("w:tbl")
	w.tblPr(typeW, false, -1)
	w.open("w:tblGrid")
	for _, c := range cols {
		w.empty("w:gridCol", "w:w", itoa(c))
	}
	w.close("w:tblGrid")
	size := tableSize(t)
	for row := 0; row < t.Rows; row++ {
		w.open("w:tr")
		w.open("w:trPr")
		w.empty("w:cantSplit")
		if row < t.HeaderRows {
			w.empty("w:tblHeader")
		}
		w.close("w:trPr")
		for col := 0; col < t.Cols; {
			it := t.Items[cover[row][col]]
			width := 0
			for c := it.Col; c < it.Col+it.ColSpan; c++ {
				width += cols[c]
			}
			merge := ""
			if it.RowSpan > 1 {
				merge = "continue"
				if it.Row == row {
					merge = "restart"
				}
			}
			w.open("w:tc")
			w.tcPr(width, it.ColSpan, merge)
			text := ""
			if it.Row == row {
				text = docparts.ItemText(r, it)
			}
			jc := "left"
			if docparts.Centered(it) {
				jc = "center"
			}
			w.writePara(para{keepNext: keep[row], line: 240, lineAuto: true, jc: jc},
				run{text: text, role: fs, size: size})
			w.close("w:tc")
			col = it.Col + it.ColSpan
		}
		w.close("w:tr")
	}
	w.close("w:tbl")
	// Word needs a paragraph between a table and what follows
	w.writePara(para{line: 240, lineAuto: true}, run{role: fs, size: size5})
}

// tblPr writes the table properties in schema order; borderless tables
// draw their rules with paragraph and cell borders.
// floatY ≥ 0 floats the table at that distance below the top of the 版心.
func (w *xw) tblPr(width int, plain bool, floatY int) {
	w.open("w:tblPr")
	if floatY >= 0 {
		w.empty("w:tblpPr", "w:leftFromText", "0", "w:rightFromText", "0", "w:vertAnchor", "margin",
			"w:horzAnchor", "margin", "w:tblpXSpec", "center", "w:tblpY", itoa(floatY))
		w.empty("w:tblOverlap", "w:val", "never")
	}
	w.empty("w:tblW", "w:w", itoa(width), "w:type", "dxa")
	w.empty("w:jc", "w:val", "center")
	w.open("w:tblBorders")
	val, sz := "single", "4" // 0.5 pt
	if plain {
		val, sz = "nil", "0"
	}
	for _, side := range []string{"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"} {
		w.empty(side, "w:val", val, "w:sz", sz, "w:space", "0", "w:color", "000000")
	}
	w.close("w:tblBorders")
	w.empty("w:tblLayout", "w:type", "fixed")
	padY := cellPadY
	if plain {
		padY = 0
	}
	w.open("w:tblCellMar")
	w.empty("w:top", "w:w", itoa(padY), "w:type", "dxa")
	w.empty("w:left", "w:w", itoa(cellPadX), "w:type", "dxa")
	w.empty("w:bottom", "w:w", itoa(padY), "w:type", "dxa")
	w.empty("w:right", "w:w", itoa(cellPadX), "w:type", "dxa")
	w.close("w:tblCellMar")
	w.empty("w:tblLook", "w:val", "0000", "w:firstRow", "0", "w:lastRow", "0", "w:firstColumn", "0", "w:lastColumn", "0", "w:noHBand", "1", "w:noVBand", "1")
	w.close("w:tblPr")
}

// tcPr writes the cell properties in schema order: tcW, gridSpan, vMerge, vAlign.
func (w *xw) tcPr(width, span int, merge string) {
	w.open("w:tcPr")
	w.empty("w:tcW", "w:w", itoa(width), "w:type", "dxa")
	if span > 1 {
		w.empty("w:gridSpan", "w:val", itoa(span))
	}
	switch merge {
	case "restart":
		w.empty("w:vMerge", "w:val", "restart")
	case "continue":
		w.empty("w:vMerge")
	}
	w.empty("w:vAlign", "w:val", "center")
	w.close("w:tcPr")
}

// banJi writes the 版记 (§5) as a one-column table whose cell borders are
// the rules: thick above 抄送, thin between, thick below the 印发 line,
// which lies on the bottom edge of the 版心 of the last page. 4号仿宋,
// 1 字 = one 4号 character, one grid line a text line.
func (w *xw) banJi(c docparts.Closing) {
	lines := 1 + ccLines(c.CC)
	thick := &border{size: 8, color: "000000"} // 1 pt ≈ 0.35 mm
	thin := &border{size: 6, color: "000000"}  // 0.75 pt ≈ 0.25 mm
	w.open("w:tbl")
	w.tblPr(typeW, true, linePitch*22-lines*linePitch-ruleAllowance)
	w.open("w:tblGrid")
	w.empty("w:gridCol", "w:w", itoa(typeW))
	w.close("w:tblGrid")
	rowOf := func(top bool, bottom *border, p para, runs ...run) {
		w.open("w:tr")
		w.open("w:trPr")
		w.empty("w:cantSplit")
		w.close("w:trPr")
		w.open("w:tc")
		w.open("w:tcPr")
		w.empty("w:tcW", "w:w", itoa(typeW), "w:type", "dxa")
		w.open("w:tcBorders")
		if top {
			w.empty("w:top", "w:val", "single", "w:sz", itoa(thick.size), "w:space", "0", "w:color", "000000")
		}
		w.empty("w:bottom", "w:val", "single", "w:sz", itoa(bottom.size), "w:space", "0", "w:color", "000000")
		w.close("w:tcBorders")
		w.empty("w:vAlign", "w:val", "center")
		w.close("w:tcPr")
		w.writePara(p, runs...)
		w.close("w:tc")
		w.close("w:tr")
	}
	small := func(s string) run { return run{text: s, role: fs, size: size4} }
	line := para{keepNext: true, line: linePitch, jc: "left"}
	first := true
	if c.CC != "" {
		p := line
		// continuation lines align with the first character after “抄送：”
		p.left, p.hanging, p.right = smallChar+3*smallChar, 3*smallChar, smallChar
		rowOf(true, thin, p, small(c.CC))
		first = false
	}
	p := line
	p.keepNext = false
	p.left, p.right, p.tabRight = smallChar, smallChar, typeW-2*cellPadX-smallChar
	rowOf(first, thick, p, small(c.PrintedBy), run{text: c.PrintedDate, role: fs, size: size4, tab: true})
	w.close("w:tbl")
	w.writePara(para{line: 240, lineAuto: true}, run{role: fs, size: size5})
}

// ccLines estimates how many 4号 lines the 抄送 text takes; continuation
// lines start after “抄送：”.
func ccLines(cc string) int {
	if cc == "" {
		return 0
	}
	per := float64(typeW-2*cellPadX-2*smallChar)/float64(smallChar) - 3
	n := 1
	for rest := docparts.Width(cc) - 3; rest > per; rest -= per {
		n++
	}
	return n
}

// ruleAllowance is the room the three rules of the 版记 take, so the table
// ends on the 版心's bottom edge and not below it.
const ruleAllowance = 60
