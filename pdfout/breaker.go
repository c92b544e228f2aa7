package pdfout

import (
	"strings"

	"nianbao/pdfout/fonts"
)

// 避头尾 lists of gongwen.md §8.1 and §8.2.
const (
	noStartChars = "。，、；：？！…—～·・％‰℃°”’）］｝〕】〗〉》」』.,;:?!)]}%"
	noEndChars   = "“‘（［｛〔【〖〈《「『([{￥$"
)

func noStart(r rune) bool { return strings.ContainsRune(noStartChars, r) }
func noEnd(r rune) bool   { return strings.ContainsRune(noEndChars, r) }

// glyph is one character with the face that draws it and its advance in mm.
// blankL and blankR are the blank halves of a full-width mark that may be
// squeezed (标点挤压), in mm; 0 for everything else.
type glyph struct {
	r              rune
	f              *face
	w              float64
	c              rgb
	blankL, blankR float64
}

// atom is a unit the breaker never splits: one Han character or mark, a
// number, a Latin word, a piece of a URL, e-mail address or phone number,
// ——, ……
type atom struct {
	g     []glyph
	w     float64 // sum of glyph advances
	space bool    // an ASCII space, dropped at a line start
	// tight: the line may break after this atom, but a justified line adds
	// no space here (inside a URL or a phone number)
	tight bool
	// cutL, cutR: squeezed from the left or right blank half of a mark
	cutL, cutR float64
}

// width is the advance with the squeezing applied.
func (a atom) width() float64 { return a.w - a.cutL - a.cutR }

// canCutR is how much more the atom's right side may be squeezed.
func (a atom) canCutR() float64 {
	if len(a.g) != 1 {
		return 0
	}
	return a.g[0].blankR - a.cutR
}

func (a atom) first() rune { return a.g[0].r }
func (a atom) last() rune  { return a.g[len(a.g)-1].r }

func isUnit(r rune) bool {
	return r < 128 && (r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
}

func isJoiner(r rune) bool { return strings.ContainsRune(".,:/@_-–—%+=&#~?", r) }

// atomize splits glyphs into unbreakable units (gongwen.md §8.4). A run of
// joiners belongs to a unit only when unit characters stand on both sides;
// % and ‰ also end a number.
func atomize(gs []glyph) []atom {
	var out []atom
	push := func(g []glyph) {
		a := atom{g: g}
		for _, x := range g {
			a.w += x.w
		}
		a.space = len(g) == 1 && g[0].r == ' '
		out = append(out, a)
	}
	for i := 0; i < len(gs); {
		r := gs[i].r
		signed := (r == '-' || r == '+' || r == '−') && i+1 < len(gs) && gs[i+1].r >= '0' && gs[i+1].r <= '9' && (i == 0 || !isUnit(gs[i-1].r))
		switch {
		case isUnit(r) || signed:
			j := i + 1
			for j < len(gs) {
				if isUnit(gs[j].r) {
					j++
					continue
				}
				k := j
				for k < len(gs) && isJoiner(gs[k].r) {
					k++
				}
				if k > j && k < len(gs) && isUnit(gs[k].r) {
					j = k
					continue
				}
				if gs[j].r == '%' || gs[j].r == '‰' {
					j++
				}
				break
			}
			ps := pieces(gs[i:j])
			for k, piece := range ps {
				push(piece)
				out[len(out)-1].tight = k < len(ps)-1
			}
			i = j
		case r == '—' || r == '…' || r == '⋯':
			j := i + 1
			for j < len(gs) && gs[j].r == r {
				j++
			}
			push(gs[i:j])
			i = j
		default:
			push(gs[i : i+1])
			i++
		}
	}
	squeezePairs(out)
	return out
}

// pieces cuts a unit where a typesetter may break it: a URL after / . - _
// ? & = (not inside //), an e-mail address after @ or ., a phone number
// after - or — between digit groups. A decimal point, a thousands comma
// and a sign never break, so numbers stay whole.
func pieces(gs []glyph) [][]glyph {
	letters := false
	for _, g := range gs {
		if g.r < 128 && (g.r >= 'a' && g.r <= 'z' || g.r >= 'A' && g.r <= 'Z') {
			letters = true
		}
	}
	digit := func(k int) bool { return k >= 0 && k < len(gs) && gs[k].r >= '0' && gs[k].r <= '9' }
	var out [][]glyph
	start := 0
	for k := 0; k+1 < len(gs); k++ {
		r := gs[k].r
		if isJoiner(gs[k+1].r) || k == 0 {
			continue
		}
		brk := false
		switch r {
		case '/', '_', '?', '&', '=', '@':
			brk = letters
		case '.':
			brk = letters && !(digit(k-1) && digit(k+1))
		case '-', '—', '–':
			brk = letters || digit(k-1) && digit(k+1)
		}
		if brk {
			out = append(out, gs[start:k+1])
			start = k + 1
		}
	}
	return append(out, gs[start:])
}

// squeezePairs applies 标点挤压 to adjacent full-width marks: a closing
// mark followed by another mark gives up its blank right half, so 「。”」
// or 「）。」 take one and a half ems, not two.
func squeezePairs(as []atom) {
	for i := 0; i+1 < len(as); i++ {
		a, b := &as[i], &as[i+1]
		if len(a.g) == 1 && len(b.g) == 1 && a.g[0].blankR > 0 && isMark(b.g[0].r) {
			a.cutR = a.g[0].blankR
		}
	}
}

// isMark reports a full-width punctuation mark.
func isMark(r rune) bool { return strings.ContainsRune(squeezeMarks, r) }

// squeezed draws a squeezed mark as the private-use character whose glyph
// is the mark with half its advance (fonts.Squeezed).
func squeezed(a atom) atom {
	if a.cutR == 0 || len(a.g) != 1 {
		return a
	}
	p, ok := fonts.Squeezed(a.g[0].r)
	if !ok {
		return a
	}
	g := a.g[0]
	g.r, g.w = p, g.w-a.cutR
	return atom{g: []glyph{g}, w: g.w, tight: a.tight}
}

const squeezeMarks = "，。、；：”’）》〕】」』〉“‘（《〔【「『〈"

// splitLong breaks an atom wider than max after / . - ? & = where it can,
// otherwise between characters; it is never hyphenated.
func splitLong(a atom, max, tc float64) []atom {
	var out []atom
	var cur atom
	lastBreak := -1 // index in cur.g after which a preferred break lies
	for _, g := range a.g {
		if len(cur.g) > 0 && cur.w+g.w+tc*float64(len(cur.g)+1) > max {
			cut := len(cur.g)
			if lastBreak > 0 && lastBreak < len(cur.g) {
				cut = lastBreak
			}
			head := atom{g: append([]glyph(nil), cur.g[:cut]...)}
			rest := atom{g: append([]glyph(nil), cur.g[cut:]...)}
			for _, x := range head.g {
				head.w += x.w
			}
			for _, x := range rest.g {
				rest.w += x.w
			}
			out = append(out, head)
			cur, lastBreak = rest, -1
		}
		cur.g = append(cur.g, g)
		cur.w += g.w
		if strings.ContainsRune("/.-?&=", g.r) {
			lastBreak = len(cur.g)
		}
	}
	if len(cur.g) > 0 {
		out = append(out, cur)
	}
	return out
}

// brokenLine is one output line: its atoms and whether it ends a paragraph.
type brokenLine struct {
	atoms []atom
	last  bool
}

func (l brokenLine) glyphs() []glyph {
	var gs []glyph
	for _, a := range l.atoms {
		gs = append(gs, a.g...)
	}
	return gs
}

// breakLines fills lines greedily, then applies 避头尾 by 推出: while the next
// line would start with a closing mark or this line would end with an opening
// one, the last unit moves down. first is the width of the first line, rest
// of the others; tc is the spacing added after every glyph.
func breakLines(atoms []atom, first, rest, tc float64) []brokenLine {
	var in []atom
	for _, a := range atoms {
		if a.w+tc*float64(len(a.g)) > rest+1e-6 && len(a.g) > 1 {
			in = append(in, splitLong(a, rest, tc)...)
		} else {
			in = append(in, a)
		}
	}
	var lines []brokenLine
	start := 0
	for start < len(in) {
		if len(lines) > 0 {
			for start < len(in) && in[start].space {
				start++
			}
			if start == len(in) {
				break
			}
		}
		avail := rest
		if len(lines) == 0 {
			avail = first
		}
		w, k := 0.0, start
		for k < len(in) {
			aw := in[k].width() + tc*float64(len(in[k].g))
			if w+aw > avail+1e-6 && k > start {
				// a closing mark still fits with its blank half squeezed
				// at the line end (placePara squeezes it)
				if w+aw-in[k].canCutR() <= avail+1e-6 {
					k++
				}
				break
			}
			w += aw
			k++
		}
		if k < len(in) {
			kk := k
			for kk-1 > start && (noStart(in[kk].first()) || noEnd(in[kk-1].last()) || in[kk].space && kk+1 < len(in) && noStart(in[kk+1].first())) {
				kk--
			}
			if !(noStart(in[kk].first()) || noEnd(in[kk-1].last())) {
				k = kk
			} else {
				// 推出 impossible (one unit on the line): 推入 up to two
				// closing marks; justification squeezes them in
				for n := 0; n < 2 && k < len(in) && noStart(in[k].first()) && len(in[k].g) <= 2; n++ {
					k++
				}
			}
		}
		end := k
		for end > start+1 && in[end-1].space {
			end--
		}
		lines = append(lines, brokenLine{atoms: in[start:end]})
		start = k
	}
	if len(lines) > 0 {
		lines[len(lines)-1].last = true
	}
	return lines
}
