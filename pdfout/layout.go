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
	stats       []lineStat
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
			if r < ' ' || r == 0x7f {
				// tabs, line ends, form feeds pasted from Word, NUL: no
				// font draws them, PDF/A forbids showing .notdef
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
// slack of a justified line goes between atoms (not after a tight one), so
// numbers, Latin words and URLs never spread out. A squeezed mark is drawn
// shifted by its cut left half.
func (l *layout) drawAtoms(atoms []atom, size, x, y, tc, extra float64) {
	plain := func(a atom) bool { return len(a.g) == 1 && !a.tight && a.cutL == 0 && a.cutR == 0 }
	atoms = slices.Clone(atoms)
	for i := range atoms {
		atoms[i] = squeezed(atoms[i])
	}
	for i := 0; i < len(atoms); {
		a := atoms[i]
		if !plain(a) {
			l.drawGlyphs(a.g, size, x-a.cutL, y, tc, 0)
			x += a.width() + tc*float64(len(a.g))
			if !a.tight {
				x += extra
			}
			i++
			continue
		}
		j := i
		var gs []glyph
		for j < len(atoms) && plain(atoms[j]) {
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

// Justification (gongwen.md §8.3): at most a quarter em more per gap;
// a line that would need more is set ragged-right instead.
const maxGapEm = 0.25

// justify returns the extra space per gap that fills avail, and the
// natural width; ok is false when the line must stay ragged.
func justify(atoms []atom, avail, tc, em float64) (extra, nat float64, ok bool) {
	gaps := 0
	for i, a := range atoms {
		nat += a.width() + tc*float64(len(a.g))
		if i < len(atoms)-1 && !a.tight {
			gaps++
		}
	}
	nat -= tc
	if gaps == 0 {
		return 0, nat, nat >= avail-1e-6
	}
	e := (avail - nat) / float64(gaps)
	return e, nat, e <= maxGapEm*em+1e-9
}

// lineStat records one placed body line for the typesetting tests.
type lineStat struct {
	page, line int
	end        float64 // right end of the text, mm from the page's left edge
	gap        float64 // added space per gap
	first      bool    // first line of its paragraph
	last       bool    // last line of its paragraph
	text       string
}

// markBlanks notes the blank halves of full-width marks, which body
// paragraphs squeeze (标点挤压); tables, titles and the 版记 do not.
func (l *layout) markBlanks(gs []glyph, size float64) {
	for i := range gs {
		if f := gs[i].f; f != nil {
			bl, br := l.fonts.blank(f, gs[i].r)
			gs[i].blankL, gs[i].blankR = bl*mm(size), br*mm(size)
		}
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
	l.markBlanks(gs, bodySize)
	tc := gridTc(bodySize)
	ind := float64(p.indent) * charQ
	p.lines = breakLines(atomize(gs), typeWidth-ind, typeWidth, tc)
}

// placePara sets the lines from l.line on, justified except the last.
// A page break inside the paragraph leaves at least two lines on each side
// (no widow, no orphan); the grid line left free at the foot is allowed by
// GB/T 9704.
func (l *layout) placePara(p *para) {
	tc := gridTc(bodySize)
	em := mm(bodySize)
	n := len(p.lines)
	for i := 0; i < n; {
		if l.line >= gridLines {
			l.newPage()
		}
		k := splitAt(n-i, gridLines-l.line)
		if k == 0 {
			if l.line > 0 {
				l.newPage()
				continue
			}
			k = min(n-i, gridLines)
		}
		for end := i + k; i < end; i++ {
			if l.breakAt >= 0 && l.bodyLines == l.breakAt && l.line > 0 {
				l.newPage()
			}
			l.placeLine(p, i, tc, em)
		}
	}
}

// placeLine sets line i of p on the next grid line.
func (l *layout) placeLine(p *para, i int, tc, em float64) {
	ln := p.lines[i]
	x, avail := typeLeft, typeWidth
	if i == 0 {
		x += float64(p.indent) * charQ
		avail -= float64(p.indent) * charQ
	}
	atoms := ln.atoms
	if len(atoms) > 0 && atoms[len(atoms)-1].canCutR() > 0 {
		// a closing mark at the line end gives up its blank half
		atoms = append([]atom(nil), atoms...)
		atoms[len(atoms)-1].cutR += atoms[len(atoms)-1].canCutR()
	}
	extra, nat, ok := justify(atoms, avail, tc, em)
	if ln.last || !ok {
		extra = 0
	}
	end := x + nat
	if !ln.last && ok {
		end = x + avail
	}
	l.drawAtoms(atoms, bodySize, x, baseline(l.line, bodySize), tc, extra)
	l.stats = append(l.stats, lineStat{page: len(l.pages), line: l.line, end: end, gap: extra, first: i == 0, last: ln.last, text: string(runesOf(ln.glyphs()))})
	l.marks = append(l.marks, mark{len(l.pages), l.line, p.heading})
	l.lineHeading = append(l.lineHeading, p.heading)
	l.line++
	l.bodyLines++
}

// splitAt is how many of n lines to set in room grid lines: all when they
// fit, else as many as leave two on each side, else none.
func splitAt(n, room int) int {
	if n <= room {
		return n
	}
	k := min(room, n-2)
	if k < 2 {
		return 0
	}
	return k
}

func runesOf(gs []glyph) []rune {
	rs := make([]rune, len(gs))
	for i, g := range gs {
		rs[i] = g.r
	}
	return rs
}

// yNow is the top of the next free grid line.
func (l *layout) yNow() float64 { return lineTop(l.line) }

// snap moves the cursor to the first grid line at or below y.
func (l *layout) snap(y float64) {
	n := int(math.Ceil((y-typeTop)/pitch - 1e-6))
	l.line = n
}
