package pdfout

import (
	"math"
	"slices"
)

// Page geometry of gongwen.md §1, in mm from the top-left corner.
const (
	typeLeft   = 28.0
	typeTop    = 37.0
	typeWidth  = 156.0
	typeHeight = 225.0
	typeRight  = typeLeft + typeWidth
	typeBottom = typeTop + typeHeight
	gridLines  = 22
	gridChars  = 28
	pitch      = typeHeight / gridLines // line pitch p
	charQ      = typeWidth / gridChars  // character pitch q
	bodySize   = 16.0                   // 3号
	titleSize  = 22.0                   // 2号
	smallSize  = 14.0                   // 4号
)

func mm(pt float64) float64 { return pt * 25.4 / 72 }

func lineTop(n int) float64 { return typeTop + float64(n)*pitch }

// baseline centres the CJK em box (ascent ≈ 0.88 em) in grid line n.
func baseline(n int, size float64) float64 { return lineTop(n) + pitch/2 + 0.38*mm(size) }

// gridTc is the spacing that makes 28 3号 characters fill 156 mm.
func gridTc(size float64) float64 {
	if size == bodySize {
		return charQ - mm(size)
	}
	return 0
}

// span is text in one role.
type span struct {
	ro   role
	text string
	col  rgb
}

// page collects drawing operations; they run once the layout is final.
type page struct{ ops []func(w writer) }

// runeUse collects the characters drawn with each face, faces in order of
// first use, so that only subsets of the fonts need to be embedded.
type runeUse struct {
	faces []*face
	runes map[*face]map[rune]bool
}

func (u *runeUse) add(f *face, rs []rune) {
	if u.runes == nil {
		u.runes = map[*face]map[rune]bool{}
	}
	m := u.runes[f]
	if m == nil {
		m = map[rune]bool{}
		u.runes[f] = m
		u.faces = append(u.faces, f)
	}
	for _, r := range rs {
		m[r] = true
	}
}

// list returns the runes of f in ascending order.
func (u *runeUse) list(f *face) []rune {
	rs := make([]rune, 0, len(u.runes[f]))
	for r := range u.runes[f] {
		rs = append(rs, r)
	}
	slices.Sort(rs)
	return rs
}

// mark records one placed body line or table start.
type mark struct {
	page, line int
	heading    bool
}

// layout places content on grid lines page by page.
type layout struct {
	w     writer
	fonts fontSource
	pages []*page
	line  int // next free grid line on the last page

	bodyLines   int    // body lines placed so far (for the closing-block rule)
	marks       []mark // where body lines and tables went, for tests
	closingPage int    // page of 署名 and 成文日期
	lineHeading []bool // per body line: part of a standalone heading
	used        runeUse
	breakAt     int // force a new page before this body line; -1 for none
}

func newLayout(w writer, fs fontSource) *layout {
	l := &layout{w: w, fonts: fs, breakAt: -1}
	l.newPage()
	return l
}

func (l *layout) newPage() {
	l.pages = append(l.pages, &page{})
	l.line = 0
}

func (l *layout) add(op func(w writer)) {
	p := l.pages[len(l.pages)-1]
	p.ops = append(p.ops, op)
}

// shape resolves the face and advance of every character.
func (l *layout) shape(spans []span, size float64) []glyph {
	var gs []glyph
	for _, s := range spans {
		for _, r := range s.text {
			if r == '\t' || r == '\r' || r == '\n' {
				r = ' '
			}
			f, d := l.fonts.resolve(s.ro, r)
			gs = append(gs, glyph{r: d, f: f, w: f.Advance(d) * mm(size), c: s.col})
		}
	}
	return gs
}

func width(gs []glyph, tc float64) float64 {
	w := 0.0
	for _, g := range gs {
		w += g.w + tc
	}
	if len(gs) > 0 {
		w -= tc
	}
	return w
}

// drawGlyphs queues glyphs from x on baseline y with spacing tc, one text
// operation per run of the same face. Colours follow the glyph's span.
func (l *layout) drawGlyphs(gs []glyph, size, x, y, tc, tz float64) {
	scale := 1.0
	if tz != 0 {
		scale = tz / 100
	}
	for i := 0; i < len(gs); {
		j := i + 1
		for j < len(gs) && gs[j].f == gs[i].f && gs[j].c == gs[i].c {
			j++
		}
		f, c, xx := gs[i].f, gs[i].c, x
		s := make([]rune, 0, j-i)
		for _, g := range gs[i:j] {
			s = append(s, g.r)
			x += (g.w + tc) * scale
		}
		str := string(s)
		l.used.add(f, s)
		l.add(func(w writer) { w.text(f, size, c, xx, y, str, tc, tz) })
		i = j
	}
}

// drawAtoms queues a line: glyphs inside an atom keep the spacing tc, the
// slack of a justified line goes between atoms, so numbers and Latin words
// never spread out.
func (l *layout) drawAtoms(atoms []atom, size, x, y, tc, extra float64) {
	for i := 0; i < len(atoms); {
		if len(atoms[i].g) > 1 {
			l.drawGlyphs(atoms[i].g, size, x, y, tc, 0)
			x += width(atoms[i].g, tc) + tc + extra
			i++
			continue
		}
		j := i
		var gs []glyph
		for j < len(atoms) && len(atoms[j].g) == 1 {
			gs = append(gs, atoms[j].g[0])
			j++
		}
		l.drawGlyphs(gs, size, x, y, tc+extra, 0)
		for _, g := range gs {
			x += g.w + tc + extra
		}
		i = j
	}
}

// para is a paragraph prepared for the grid.
type para struct {
	spans   []span
	indent  int  // in characters
	heading bool // a standalone heading: kept with what follows
	lines   []brokenLine
}

func (l *layout) prepare(p *para) {
	gs := l.shape(p.spans, bodySize)
	tc := gridTc(bodySize)
	ind := float64(p.indent) * charQ
	p.lines = breakLines(atomize(gs), typeWidth-ind, typeWidth, tc)
}

// placePara sets each line on the next grid line, justified by character
// spacing except the last.
func (l *layout) placePara(p *para) {
	tc := gridTc(bodySize)
	for i, ln := range p.lines {
		if l.breakAt >= 0 && l.bodyLines == l.breakAt && l.line > 0 {
			l.newPage()
		}
		if l.line >= gridLines {
			l.newPage()
		}
		x, avail := typeLeft, typeWidth
		if i == 0 {
			x += float64(p.indent) * charQ
			avail -= float64(p.indent) * charQ
		}
		extra := 0.0
		if !ln.last && len(ln.atoms) > 1 {
			nat := 0.0
			for _, a := range ln.atoms {
				nat += a.w + tc*float64(len(a.g))
			}
			nat -= tc
			if e := (avail - nat) / float64(len(ln.atoms)-1); e < mm(bodySize)/2 {
				extra = e
			}
		}
		l.drawAtoms(ln.atoms, bodySize, x, baseline(l.line, bodySize), tc, extra)
		l.marks = append(l.marks, mark{len(l.pages), l.line, p.heading})
		l.lineHeading = append(l.lineHeading, p.heading)
		l.line++
		l.bodyLines++
	}
}

// yNow is the top of the next free grid line.
func (l *layout) yNow() float64 { return lineTop(l.line) }

// snap moves the cursor to the first grid line at or below y.
func (l *layout) snap(y float64) {
	n := int(math.Ceil((y-typeTop)/pitch - 1e-6))
	l.line = n
}
