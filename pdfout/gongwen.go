package pdfout

import (
	"fmt"
	"math"
	"strings"

	"nianbao/docparts"
)

// Values of gongwen.md §3, §4.4, §5 and §6.
const (
	markSize    = 42.0 // 初号
	markTop     = typeTop + 35
	ascent      = 0.88 // CJK em box above the baseline, in em
	redRuleW    = 0.5
	sealDiam    = 42.0
	thickRule   = 0.35
	thinRule    = 0.25
	pageNoTop   = typeBottom + 7
	smallQ      = 14 * 25.4 / 72 // 1 字 at 4号
	dashTopEm   = 0.42           // top of “—” above the baseline, in em, if the font does not say
	maxTitleLen = typeWidth
)

// textWidth measures spans set with spacing tc.
func (l *layout) textWidth(spans []span, size, tc float64) float64 {
	return width(l.shape(spans, size), tc)
}

// drawSpans queues spans with their left end at x on baseline y.
func (l *layout) drawSpans(spans []span, size, x, y, tc, tz float64) {
	l.drawGlyphs(l.shape(spans, size), size, x, y, tc, tz)
}

// header draws the 版头 (§3) — 发文机关标志, 发文字号 and 签发人 — and
// returns the grid line of the title.
func (l *layout) header(mark, number, signer string) int {
	ms := []span{{ro: roleXBS, text: mark, col: red}}
	w := l.textWidth(ms, markSize, 0)
	tz := 0.0
	if w > typeWidth {
		tz = typeWidth / w * 100
		w = typeWidth
	}
	l.drawSpans(ms, markSize, typeLeft+(typeWidth-w)/2, markTop+ascent*mm(markSize), 0, tz)

	nd := int(math.Ceil((markTop+mm(markSize)-typeTop)/pitch-1e-9)) + 2
	tc := gridTc(bodySize)
	num := []span{{ro: roleFS, text: number}}
	if names := signers(signer); len(names) > 0 {
		// 上行文: two names per line, continuation lines aligned with the
		// first name; the 发文字号 shares the line of the last name
		label := []span{{ro: roleFS, text: "签发人："}}
		first := []span{{ro: roleKT, text: strings.Join(names[:min(2, len(names))], "\u3000")}}
		lw := l.textWidth(label, bodySize, tc)
		fw := l.textWidth(first, bodySize, tc)
		x := typeRight - charQ - fw - lw - tc
		for i := 0; i < len(names); i += 2 {
			row := []span{{ro: roleKT, text: strings.Join(names[i:min(i+2, len(names))], "\u3000")}}
			y := baseline(nd+i/2, bodySize)
			if i == 0 {
				l.drawSpans(append(label, row...), bodySize, x, y, tc, 0)
			} else {
				l.drawSpans(row, bodySize, x+lw+tc, y, tc, 0)
			}
		}
		nd += (len(names) - 1) / 2
		l.drawSpans(num, bodySize, typeLeft+charQ, baseline(nd, bodySize), tc, 0)
	} else if number != "" {
		nw := l.textWidth(num, bodySize, tc)
		l.drawSpans(num, bodySize, typeLeft+(typeWidth-nw)/2, baseline(nd, bodySize), tc, 0)
	}
	yr := lineTop(nd) + pitch/2 + mm(bodySize)/2 + 4
	l.add(func(w writer) { w.line(typeLeft, yr, typeRight, yr, redRuleW, red) })
	return int(math.Ceil((yr-typeTop)/pitch-1e-9)) + 2
}

// titleLines breaks the title between the unit name and the year part, then
// inside a part only where it is still too wide (§4.1).
func (l *layout) titleLines(title, unit string) [][]glyph {
	all := l.shape([]span{{ro: roleXBS, text: title}}, titleSize)
	if width(all, 0) <= maxTitleLen {
		return [][]glyph{all}
	}
	cut := -1
	if unit != "" && strings.HasPrefix(title, unit) {
		cut = len([]rune(unit))
	} else {
		for i, g := range all {
			if g.r >= '0' && g.r <= '9' {
				cut = i
				break
			}
		}
	}
	parts := [][]glyph{all}
	if cut > 0 && cut < len(all) {
		parts = [][]glyph{all[:cut], all[cut:]}
	}
	var out [][]glyph
	for _, p := range parts {
		out = append(out, splitTitlePart(p)...)
	}
	return out
}

// splitTitlePart breaks a part still too wide after a 省/市/县/区/镇/乡,
// choosing the cut that gives the most even lines, otherwise wherever the
// line breaker can.
func splitTitlePart(p []glyph) [][]glyph {
	var out [][]glyph
	for width(p, 0) > maxTitleLen {
		cut, best := -1, math.Inf(1)
		for i := range p {
			w1 := width(p[:i+1], 0)
			if w1 > maxTitleLen {
				break
			}
			if d := math.Abs(w1 - width(p[i+1:], 0)); strings.ContainsRune("省市县区镇乡", p[i].r) && i+1 < len(p) && d < best {
				cut, best = i+1, d
			}
		}
		if cut < 0 {
			for _, ln := range breakLines(atomize(p), maxTitleLen, maxTitleLen, 0) {
				out = append(out, ln.glyphs())
			}
			return out
		}
		out = append(out, p[:cut])
		p = p[cut:]
	}
	return append(out, p)
}

// partLines sets a title given as meaningful parts: on one line when it
// fits, else each part on lines of its own.
func (l *layout) partLines(parts []string) [][]glyph {
	all := l.shape([]span{{ro: roleXBS, text: strings.Join(parts, "")}}, titleSize)
	if width(all, 0) <= maxTitleLen {
		return [][]glyph{all}
	}
	var out [][]glyph
	for _, p := range parts {
		out = append(out, splitTitlePart(l.shape([]span{{ro: roleXBS, text: p}}, titleSize))...)
	}
	return out
}

// title draws the centred title from grid line n; the body starts after one
// empty line. A title in parts breaks between them, else first after unit.
func (l *layout) title(title, unit string, parts []string, n int) {
	l.line = n
	lines := l.titleLines(title, unit)
	if len(parts) > 0 {
		lines = l.partLines(parts)
	}
	for _, ln := range lines {
		w := width(ln, 0)
		l.drawGlyphs(ln, titleSize, typeLeft+(typeWidth-w)/2, baseline(l.line, titleSize), 0, 0)
		l.line++
	}
	l.line++
}

// closing describes the 署名/成文日期/附注 block.
type closing struct {
	sign, date, note string
	seal             bool // 加盖印章 layout
	// drop removes blank lines between the body and the 署名, so the block
	// can stay on the page of the last body line
	drop int
}

// blank is the number of empty lines above the 署名: two with a seal, one
// without (7.3.5.1, 7.3.5.3), fewer by drop.
func (c closing) blank() int {
	n := 1
	if c.seal {
		n = 2
	}
	return max(0, n-c.drop)
}

// lines is how many grid lines the block needs after the last body line.
func (c closing) lines() int {
	n := 0
	if c.sign != "" || c.date != "" {
		n = c.blank() + 2
	}
	if c.note != "" {
		n++
		if n == 1 {
			n = 2
		}
	}
	return n
}

// placeClosing draws the block after body line k (§4.4, §4.5).
func (l *layout) placeClosing(c closing, k int, sealPNG []byte) {
	tc := gridTc(bodySize)
	sg := []span{{ro: roleFS, text: c.sign}}
	dt := []span{{ro: roleFS, text: c.date}}
	ws := l.textWidth(sg, bodySize, tc)
	wd := l.textWidth(dt, bodySize, tc)
	last := k
	if c.sign != "" || c.date != "" {
		if c.seal {
			dRight := typeRight - 4*charQ
			dx := dRight - wd
			cx := dx + wd/2
			sx := cx - ws/2
			if sx+ws > typeRight-2*charQ {
				sx = typeRight - 2*charQ - ws
			}
			ks := k + 1 + c.blank()
			l.drawSpans(sg, bodySize, sx, baseline(ks, bodySize), tc, 0)
			l.drawSpans(dt, bodySize, dx, baseline(ks+1, bodySize), tc, 0)
			last = ks + 1
			if len(sealPNG) > 0 {
				// centred on the date, the 署名 and date a little below its
				// centre (7.3.5.1 居中下压); drawn as ink (multiply)
				cx, cy := sealCentre(dx, wd, ks)
				l.add(func(w writer) {
					_ = w.seal("seal", sealPNG, cx-sealDiam/2, cy-sealDiam/2, sealDiam, sealDiam)
				})
			}
		} else {
			// columns in 字 from the left edge of the type area
			s := float64(gridChars) - 2 - ws/charQ
			d := s + 2
			if d+wd/charQ > gridChars-2 {
				d = gridChars - 2 - wd/charQ
				s = d - 2
			}
			ks := k + 1 + c.blank()
			l.drawSpans(sg, bodySize, typeLeft+s*charQ, baseline(ks, bodySize), tc, 0)
			l.drawSpans(dt, bodySize, typeLeft+d*charQ, baseline(ks+1, bodySize), tc, 0)
			last = ks + 1
		}
	}
	if c.note != "" {
		if last == k {
			last++
		}
		l.drawSpans([]span{{ro: roleFS, text: c.note}}, bodySize, typeLeft+2*charQ, baseline(last+1, bodySize), tc, 0)
		last++
	}
	l.line = last + 1
}

// sealCentre is the seal's centre for a date of width wd at x dx whose
// 署名 is on grid line ks: horizontally the date's centre, vertically the
// middle of the 署名 line, so the two lines sit just below the centre.
func sealCentre(dx, wd float64, ks int) (x, y float64) {
	return dx + wd/2, lineTop(ks) + pitch/2
}

// banji is the 版记 at the bottom of the last page (§5).
type banji struct {
	cc, by, date string
	tight        bool // may follow the closing block without an empty line
}

func (b banji) empty() bool { return b.cc == "" && b.by == "" && b.date == "" }

// ccLines breaks the 抄送 text; continuation lines align after the colon.
func (l *layout) ccLines(cc string) [][]glyph {
	if cc == "" {
		return nil
	}
	gs := l.shape([]span{{ro: roleFS, text: cc}}, smallSize)
	head := gs[:3]
	hw := width(head, 0)
	avail := typeWidth - 2*smallQ
	// a name with its “，” is one unit when it fits on a line, so names are
	// not split between lines
	var atoms []atom
	start := 3
	for i := 3; i < len(gs); i++ {
		if gs[i].r == '，' || gs[i].r == '。' || i == len(gs)-1 {
			seg := gs[start : i+1]
			if width(seg, 0) < avail-hw {
				a := atom{g: seg}
				a.w = width(seg, 0)
				atoms = append(atoms, a)
			} else {
				atoms = append(atoms, atomize(seg)...)
			}
			start = i + 1
		}
	}
	lines := breakLines(atoms, avail-hw, avail-hw, 0)
	var out [][]glyph
	for i, ln := range lines {
		g := ln.glyphs()
		if i == 0 {
			g = append(append([]glyph{}, head...), g...)
		}
		out = append(out, g)
	}
	return out
}

// placeBanji draws the 版记 on the last grid lines, on a new page when the
// space below the last line used is smaller than the 版记 plus one line.
func (l *layout) placeBanji(b banji) {
	cc := l.ccLines(b.cc)
	first := gridLines - 1 - len(cc)
	if gap := map[bool]int{true: 0, false: 1}[b.tight]; l.line+gap > first {
		l.newPage()
	}
	top := lineTop(first)
	l.add(func(w writer) { w.line(typeLeft, top, typeRight, top, thickRule, black) })
	for i, ln := range cc {
		x := typeLeft + smallQ
		if i > 0 {
			x += width(cc[0][:3], 0)
		}
		l.drawGlyphs(ln, smallSize, x, baseline(first+i, smallSize), 0, 0)
	}
	if len(cc) > 0 {
		y := lineTop(gridLines - 1)
		l.add(func(w writer) { w.line(typeLeft, y, typeRight, y, thinRule, black) })
	}
	n := gridLines - 1
	if b.by != "" {
		l.drawSpans([]span{{ro: roleFS, text: b.by}}, smallSize, typeLeft+smallQ, baseline(n, smallSize), 0, 0)
	}
	if b.date != "" {
		ds := []span{{ro: roleFS, text: b.date + "印发"}}
		w := l.textWidth(ds, smallSize, 0)
		l.drawSpans(ds, smallSize, typeRight-smallQ-w, baseline(n, smallSize), 0, 0)
	}
	l.add(func(w writer) { w.line(typeLeft, typeBottom, typeRight, typeBottom, thickRule, black) })
	l.line = gridLines
}

// pageNumberRunes records the characters of page number n.
func (l *layout) pageNumberRunes(n int) {
	for _, g := range l.shape([]span{{ro: roleST, text: fmt.Sprintf("— %d —", n)}}, smallSize) {
		l.used.add(g.f, []rune{g.r})
	}
}

// pageNumber draws «— N —» in 4号宋体: odd pages 居右空一字, even 居左空一字 (§6).
func (l *layout) pageNumber(w writer, n int) {
	s := []span{{ro: roleST, text: fmt.Sprintf("— %d —", n)}}
	gs := l.shape(s, smallSize)
	wd := width(gs, 0)
	x := typeLeft + smallQ
	if n%2 == 1 {
		x = typeRight - smallQ - wd
	}
	// the upper edge of the dash's ink is 7 mm below the type area (§6)
	top := dashTopEm
	if _, yMax, ok := gs[0].f.InkY(gs[0].r); ok {
		top = yMax
	}
	y := pageNoTop + top*mm(smallSize)
	for i := 0; i < len(gs); {
		j := i + 1
		for j < len(gs) && gs[j].f == gs[i].f {
			j++
		}
		var rs []rune
		for _, g := range gs[i:j] {
			rs = append(rs, g.r)
		}
		w.text(gs[i].f, smallSize, black, x, y, string(rs), 0, 0)
		x += width(gs[i:j], 0)
		i = j
	}
}

// The document texts Word and the web page print too, from docparts.
var (
	signers  = docparts.Signers
	cnDate   = docparts.CNDate
	noteText = docparts.Note
	ccText   = docparts.CC
)
