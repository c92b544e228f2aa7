package importer

import (
	"context"
	"errors"
	"math"
	"sort"
	"strings"
	"unicode"

	"nianbao/importer/pdftext"
)

// ReadPDF reads the text layer of a PDF. Tables are drawn lines, not
// structure: a line of the page whose pieces stand apart and include a value
// is a table row, and its columns are rebuilt from the x positions of the
// values in the rows around it.
func ReadPDF(ctx context.Context, data []byte) (*Doc, error) {
	pages, err := pdftext.Pages(ctx, data)
	switch {
	case errors.Is(err, pdftext.ErrEncrypted):
		return nil, refuse("PDF文件已加密（设置了密码），无法读取文字；请取消密码后再导入。", err)
	case errors.Is(err, pdftext.ErrTimeout):
		return nil, timeout(err)
	case errors.Is(err, pdftext.ErrDamaged):
		return nil, refuse("PDF文件已损坏，无法读取。", err)
	case err != nil:
		return nil, refuse("PDF文件无法读取。", err)
	}
	return pdfDoc(pages)
}

// pdfDoc builds the intermediate form from the characters of the pages.
func pdfDoc(pages []pdftext.Page) (*Doc, error) {
	doc := &Doc{Wraps: true}
	visible := 0
	var lines []pline
	for _, pg := range pages {
		pl := pageLines(pg)
		for _, l := range pl {
			visible += l.runes
		}
		lines = append(lines, pl...)
	}
	if visible < 20 {
		if len(pages) == 0 {
			return nil, refuse("PDF文件中没有页面。", nil)
		}
		return nil, refuse("这是扫描件，没有可识别的文字；请找到文字版（可复制文字的PDF、Word或网页）后再导入。", nil)
	}
	emitLines(doc, lines)
	return doc, nil
}

// seg is a run of characters on one line with no wide gap inside.
type seg struct {
	text        string
	left, right float64
}

func (s seg) center() float64 { return (s.left + s.right) / 2 }

// pline is one printed line of a page.
type pline struct {
	segs          []seg
	top, bottom   float64
	height        float64
	page          int
	runes         int
	left, right   float64
	pageLeft      float64 // the page's text margins
	pageRight     float64
	isRow         bool
	regionBreaker bool
}

type pchar struct {
	r                        string
	left, right, top, bottom float64
}

// pageLines groups the characters of a page into lines and segments,
// dropping page numbers.
func pageLines(pg pdftext.Page) []pline {
	var cs []pchar
	for _, c := range pg.Chars {
		if strings.TrimFunc(c.Text, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) == "" {
			continue
		}
		if a := math.Mod(math.Abs(c.Angle), 2*math.Pi); a > 0.05 && a < 2*math.Pi-0.05 {
			continue // set at an angle: a watermark such as 草稿
		}
		// PDFium gives y upwards from the bottom; make it downwards.
		top, bottom := pg.Height-math.Max(c.Top, c.Bottom), pg.Height-math.Min(c.Top, c.Bottom)
		cs = append(cs, pchar{r: c.Text, left: c.Left, right: c.Right, top: top, bottom: bottom})
	}
	cs = dropOversized(cs)
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].top+cs[i].bottom < cs[j].top+cs[j].bottom })
	var groups [][]pchar
	for _, c := range cs {
		mid := (c.top + c.bottom) / 2
		if n := len(groups); n > 0 {
			g := groups[n-1]
			gt, gb := g[0].top, g[0].bottom
			for _, x := range g {
				gt, gb = math.Min(gt, x.top), math.Max(gb, x.bottom)
			}
			h := math.Max(gb-gt, 1)
			if mid >= gt-0.1*h && mid <= gb+0.1*h && math.Abs(mid-(gt+gb)/2) < 0.5*h {
				groups[n-1] = append(g, c)
				continue
			}
		}
		groups = append(groups, []pchar{c})
	}
	var out []pline
	for _, g := range groups {
		sort.SliceStable(g, func(i, j int) bool { return g[i].left < g[j].left })
		l := pline{top: g[0].top, bottom: g[0].bottom, left: g[0].left}
		var hs []float64
		for _, c := range g {
			l.top, l.bottom = math.Min(l.top, c.top), math.Max(l.bottom, c.bottom)
			hs = append(hs, c.bottom-c.top)
		}
		sort.Float64s(hs)
		l.height = math.Max(hs[len(hs)/2], 4)
		var cur *seg
		var b strings.Builder
		prevRight := 0.0
		for _, c := range g {
			if cur != nil && c.left-prevRight > 0.8*l.height {
				cur.text = b.String()
				l.segs = append(l.segs, *cur)
				cur = nil
			}
			if cur == nil {
				cur = &seg{left: c.left}
				b.Reset()
			} else if prev := lastRune(b.String()); c.left-prevRight > 0.25*l.height && isASCIIWord(c.r) && isASCIIWord(prev) && !(isDigit(c.r) && isDigit(prev)) {
				// A word space; digits a justified line spread apart stay one number.
				b.WriteByte(' ')
			}
			b.WriteString(c.r)
			cur.right = math.Max(cur.right, c.right)
			prevRight = math.Max(prevRight, c.right)
			l.runes++
		}
		if cur != nil {
			cur.text = b.String()
			l.segs = append(l.segs, *cur)
		}
		l.right = prevRight
		text := l.text()
		footerZone := l.top > pg.Height*0.88 || l.bottom < pg.Height*0.08
		if footerZone && pageFooter.MatchString(text) {
			continue
		}
		out = append(out, l)
	}
	// The page's text margins: most lines start and end there.
	if len(out) > 0 {
		var ls, rs []float64
		for _, l := range out {
			ls, rs = append(ls, l.left), append(rs, l.right)
		}
		sort.Float64s(ls)
		sort.Float64s(rs)
		left, right := ls[len(ls)/10], rs[len(rs)*9/10]
		for i := range out {
			out[i].pageLeft, out[i].pageRight = left, right
		}
	}
	return out
}

func (l pline) text() string {
	var b strings.Builder
	for i, s := range l.segs {
		if i > 0 && isASCIIWord(lastRune(b.String())) && isASCIIWord(s.text[:1]) {
			b.WriteByte(' ')
		}
		b.WriteString(s.text)
	}
	return b.String()
}

// emitLines turns lines into text lines and tables. Consecutive rows form a
// region whose value columns are the clusters of their x positions.
func emitLines(doc *Doc, lines []pline) {
	for i := range lines {
		l := &lines[i]
		vals := 0
		for _, s := range l.segs {
			if isValueText(s.text) {
				vals++
			}
		}
		t := l.text()
		// A justified line of running text may fall apart at its digits; a
		// long line with few values is text.
		l.isRow = len(l.segs) >= 2 && vals > 0 && !(len([]rune(t)) > 24 && vals < 3)
		_, head := headingNumber(t)
		l.regionBreaker = head || strings.HasPrefix(normLabel(t), "第二十条") || len([]rune(t)) > 40
	}
	i := 0
	for i < len(lines) {
		if !lines[i].isRow {
			l := lines[i]
			next := i + 1
			wrapped := l.right >= l.pageRight-1.5*l.height && len([]rune(l.text())) > 8
			if next < len(lines) && !lines[next].isRow {
				n := lines[next]
				if n.left > n.pageLeft+1.2*n.height {
					wrapped = false // the next line is indented: a new paragraph
				}
			}
			doc.Blocks = append(doc.Blocks, Block{Text: l.text(), Wrapped: wrapped})
			i++
			continue
		}
		// A region: rows, and the short label lines between them.
		j := i
		last := i
		for j < len(lines) && !lines[j].regionBreaker && (lines[j].isRow || j-last <= 6) && lines[j].page == lines[i].page {
			if lines[j].isRow {
				last = j
			}
			j++
		}
		region := lines[i : last+1]
		anchors := columnAnchors(region)
		tab := &Table{}
		for _, l := range region {
			if !l.isRow {
				// A label printed apart from its values, a row of its own.
				tab.Rows = append(tab.Rows, []GridCell{{Text: l.text()}})
				continue
			}
			tab.Rows = append(tab.Rows, gridRow(l, anchors))
		}
		doc.addTable(tab)
		i = last + 1
	}
}

// columnAnchors clusters the x centres of the values of a region.
func columnAnchors(region []pline) []float64 {
	var xs []float64
	h := 10.0
	for _, l := range region {
		if !l.isRow {
			continue
		}
		h = l.height
		for _, s := range l.segs {
			if isValueText(s.text) {
				xs = append(xs, s.center())
			}
		}
	}
	sort.Float64s(xs)
	var anchors []float64
	var sum float64
	n := 0
	for i, x := range xs {
		if n > 0 && x-xs[i-1] > 1.2*h {
			anchors = append(anchors, sum/float64(n))
			sum, n = 0, 0
		}
		sum += x
		n++
	}
	if n > 0 {
		anchors = append(anchors, sum/float64(n))
	}
	return anchors
}

// gridRow places a row's label first and each value in the slot of its
// nearest column; columns with no value stay blank.
func gridRow(l pline, anchors []float64) []GridCell {
	var label []string
	slots := make([]string, len(anchors))
	for _, s := range l.segs {
		if !isValueText(s.text) || len(anchors) == 0 || s.right < anchors[0]-2*l.height {
			if !isValueText(s.text) {
				label = append(label, s.text)
				continue
			}
		}
		best, bd := 0, math.MaxFloat64
		for k, a := range anchors {
			if d := math.Abs(a - s.center()); d < bd {
				best, bd = k, d
			}
		}
		if slots[best] != "" {
			slots[best] += " "
		}
		slots[best] += s.text
	}
	row := []GridCell{{Text: strings.Join(label, "")}}
	for _, s := range slots {
		row = append(row, GridCell{Text: s})
	}
	return row
}

// dropOversized removes characters far taller than the page's text (a
// watermark or a decoration), which would glue lines together.
func dropOversized(cs []pchar) []pchar {
	if len(cs) == 0 {
		return cs
	}
	hs := make([]float64, len(cs))
	for i, c := range cs {
		hs[i] = c.bottom - c.top
	}
	sort.Float64s(hs)
	limit := 3 * hs[len(hs)/2]
	out := cs[:0]
	for _, c := range cs {
		if c.bottom-c.top <= limit {
			out = append(out, c)
		}
	}
	return out
}

func isDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }
