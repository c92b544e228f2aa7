package docx

// Font roles of gongwen.md §2.2, named as offices have them installed.
type role int

const (
	fs  role = iota // 仿宋
	ht              // 黑体
	kt              // 楷体
	xbs             // 小标宋体
	st              // 宋体
)

var fontNames = [5]string{fs: "仿宋_GB2312", ht: "黑体", kt: "楷体_GB2312", xbs: "方正小标宋简体", st: "宋体"}

// roleKeys name the roles in Options.Fonts, as the PDF's font roles do.
var roleKeys = [5]string{fs: "fs", ht: "ht", kt: "kt", xbs: "xbs", st: "st"}

// fontTable is the standard names with the ones asked for in their place.
func fontTable(names map[string]string) *[5]string {
	t := fontNames
	for i, k := range roleKeys {
		if n := names[k]; n != "" {
			t[i] = n
		}
	}
	return &t
}

func (w *xw) font(r role) string {
	if w.fonts == nil {
		return fontNames[r]
	}
	return w.fonts[r]
}

// Sizes in half-points (gongwen.md §2.1).
const (
	size3  = 32 // 三号, body
	size2  = 44 // 二号, title
	size0  = 84 // 初号, 发文机关标志
	size4  = 28 // 四号, 版记 and page numbers
	sizeS4 = 24 // 小四, 表二
	size5  = 21 // 五号, 表三 and 表四
)

const red = "FF0000"

// run is one run of text in one font.
type run struct {
	text  string
	role  role
	size  int    // half-points
	color string // "" is black
	scale int    // horizontal scale in %, 0 = 100
	tab   bool   // a tab before the text
	br    bool   // a line break before the text
}

// writeRun emits <w:r> with its rPr in schema order: rFonts, color, spacing, w, sz, szCs.
func (w *xw) writeRun(r run) {
	w.open("w:r")
	w.rPr(r)
	if r.br {
		w.empty("w:br")
	}
	if r.tab {
		w.empty("w:tab")
	}
	if r.text != "" {
		w.open("w:t", "xml:space", "preserve")
		w.text(r.text)
		w.close("w:t")
	}
	w.close("w:r")
}

func (w *xw) rPr(r run) {
	w.open("w:rPr")
	f := w.font(r.role)
	// the East Asian slot decides the Chinese glyphs; the others keep digits
	// and Latin letters in the same face, as offices set them
	w.empty("w:rFonts", "w:ascii", f, "w:hAnsi", f, "w:eastAsia", f, "w:cs", f)
	if r.color != "" {
		w.empty("w:color", "w:val", r.color)
	}
	if r.size == size3 {
		w.empty("w:spacing", "w:val", itoa(bodyTracking()))
	}
	if r.scale != 0 && r.scale != 100 {
		w.empty("w:w", "w:val", itoa(r.scale))
	}
	w.empty("w:sz", "w:val", itoa(r.size))
	w.empty("w:szCs", "w:val", itoa(r.size))
	w.close("w:rPr")
}

// para is the paragraph properties the document uses.
type para struct {
	style      string
	keepNext   bool
	keepLines  bool
	border     *border // bottom border
	tabRight   int     // a right tab stop at this position (twips), 0 = none
	tabLeft    int     // a left tab stop at this position (twips), 0 = none
	before     int     // space before in twips
	line       int     // line spacing in twips, 0 = the style's
	lineAuto   bool    // line is in 240ths of a line, not exact
	left       int     // left indent, twips
	right      int     // right indent, twips
	firstChars int     // first-line indent in 1/100 字
	hanging    int     // hanging indent, twips
	jc         string  // "both", "center", "left", "right"
}

type border struct {
	size  int // eighths of a point
	space int // points between text and line
	color string
}

// writePara emits <w:p> with its pPr in schema order.
func (w *xw) writePara(p para, runs ...run) {
	w.open("w:p")
	w.pPr(p)
	for _, r := range runs {
		w.writeRun(r)
	}
	w.close("w:p")
}

func (w *xw) pPr(p para) {
	w.open("w:pPr")
	if p.style != "" {
		w.empty("w:pStyle", "w:val", p.style)
	}
	if p.keepNext {
		w.empty("w:keepNext")
	}
	if p.keepLines {
		w.empty("w:keepLines")
	}
	if p.border != nil {
		w.open("w:pBdr")
		w.empty("w:bottom", "w:val", "single", "w:sz", itoa(p.border.size), "w:space", itoa(p.border.space), "w:color", p.border.color)
		w.close("w:pBdr")
	}
	if p.tabRight > 0 || p.tabLeft > 0 {
		w.open("w:tabs")
		if p.tabLeft > 0 {
			w.empty("w:tab", "w:val", "left", "w:pos", itoa(p.tabLeft))
		}
		if p.tabRight > 0 {
			w.empty("w:tab", "w:val", "right", "w:pos", itoa(p.tabRight))
		}
		w.close("w:tabs")
	}
	// Off the character grid: LibreOffice gives a 16 pt character two grid
	// cells of 15.79 pt where Word compresses it into one, so the 28
	// characters of a line come from the runs' tracking instead, and the
	// lines from the exact line spacing; both are the grid's values.
	w.empty("w:snapToGrid", "w:val", "0")
	if p.before > 0 || p.line > 0 {
		attrs := []string{"w:before", itoa(p.before), "w:after", "0"}
		if p.line > 0 {
			rule := "exact"
			if p.lineAuto {
				rule = "auto"
			}
			attrs = append(attrs, "w:line", itoa(p.line), "w:lineRule", rule)
		}
		w.empty("w:spacing", attrs...)
	}
	var ind []string
	if p.left > 0 {
		ind = append(ind, "w:left", itoa(p.left))
	}
	if p.right > 0 {
		ind = append(ind, "w:right", itoa(p.right))
	}
	if p.hanging > 0 {
		ind = append(ind, "w:hanging", itoa(p.hanging))
	} else {
		ind = append(ind, "w:firstLineChars", itoa(p.firstChars), "w:firstLine", itoa(p.firstChars*charPitch/100))
	}
	w.empty("w:ind", ind...)
	if p.jc != "" {
		w.empty("w:jc", "w:val", p.jc)
	}
	w.close("w:pPr")
}
