package pdfout

import (
	"strings"
	"testing"

	"nianbao/pdfout/fonts"
)

// glyphs gives Han characters and full-width marks 1 unit, ASCII ½.
func glyphs(s string) []glyph {
	var gs []glyph
	for _, r := range s {
		w := 1.0
		if r < 128 {
			w = 0.5
		}
		gs = append(gs, glyph{r: r, w: w})
	}
	return gs
}

func lineTexts(ls []brokenLine) []string {
	var out []string
	for _, l := range ls {
		var b strings.Builder
		for _, g := range l.glyphs() {
			b.WriteRune(g.r)
		}
		out = append(out, b.String())
	}
	return out
}

func breakText(s string, width float64) []string {
	return lineTexts(breakLines(atomize(glyphs(s)), width, width, 0))
}

// Numbers never break; a URL, an e-mail address or a phone number breaks
// only after / . - _ ? & = @ or a dash between digit groups (a typesetter's
// places), never inside // or a decimal.
func TestBreakUnits(t *testing.T) {
	whole := []string{"2,316,540", "12.5%", "IPv6", "-417", "——", "……", "3.1415"}
	breakable := map[string][]string{
		"http://www.zp.gov.cn": {"http://", "www.", "zp.", "gov.", "cn"},
		"xy7550058@163.com":    {"xy7550058@", "163.", "com"},
		"0597-7550058":         {"0597-", "7550058"},
		"0470—3637314":         {"0470—", "3637314"},
	}
	for pre := 0; pre < 10; pre++ {
		for _, u := range whole {
			text := strings.Repeat("政", pre) + u + "公开。"
			lines := breakText(text, 10)
			if strings.Join(lines, "") != text {
				t.Fatalf("%q: lines %q lose characters", text, lines)
			}
			found := false
			for _, l := range lines {
				found = found || strings.Contains(l, u)
			}
			if !found {
				t.Errorf("%q split over lines %q", u, lines)
			}
		}
		for u, parts := range breakable {
			text := strings.Repeat("政", pre) + u + "公开。"
			lines := breakText(text, 10)
			if strings.Join(lines, "") != text {
				t.Fatalf("%q: lines %q lose characters", text, lines)
			}
			// every line boundary inside u falls between two of its parts
			pos := len(strings.Repeat("政", pre))
			cuts := map[int]bool{}
			for _, p := range parts {
				pos += len(p)
				cuts[pos] = true
			}
			at := 0
			for _, l := range lines[:len(lines)-1] {
				at += len(l)
				inside := at > len(strings.Repeat("政", pre)) && at < len(strings.Repeat("政", pre))+len(u)
				if inside && !cuts[at] {
					t.Errorf("%q broken at a wrong place: %q", u, lines)
				}
			}
		}
	}
}

func TestBreakKinsoku(t *testing.T) {
	// the greedy break would put “。” or “》” first, or leave “《” last
	for _, text := range []string{
		"一二三四五六七八九十。一二三",
		"一二三四五六七八九《条例》的规定",
		"一二三四五六七八九十”。一二三",
		"一二三四五六七八九十）。",
	} {
		lines := breakText(text, 10)
		if strings.Join(lines, "") != text {
			t.Fatalf("%q: lines %q lose characters", text, lines)
		}
		for i, l := range lines {
			rs := []rune(l)
			if i > 0 && noStart(rs[0]) {
				t.Errorf("%q: line %q starts with a closing mark", text, l)
			}
			if i < len(lines)-1 && noEnd(rs[len(rs)-1]) {
				t.Errorf("%q: line %q ends with an opening mark", text, l)
			}
			if w := width(glyphs(l), 0); w > 10 {
				t.Errorf("%q: line %q is %.1f wide", text, l, w)
			}
		}
	}
}

func TestBreakLongURL(t *testing.T) {
	u := "https://www.example.gov.cn/zwgk/xxgkml/ndbg/2021/report-annual.html"
	lines := breakText("见"+u+"。", 12)
	if strings.Join(lines, "") != "见"+u+"。" {
		t.Fatalf("lines %q lose characters", lines)
	}
	for i, l := range lines {
		rs := []rune(l)
		if noStart(rs[0]) {
			t.Errorf("line %q starts with a closing mark", l)
		}
		if last := rs[len(rs)-1]; i < len(lines)-1 && !strings.ContainsRune("/.-?&=见", last) {
			t.Errorf("long URL broken after %q in %q", last, lines)
		}
	}
}

func TestBreakFirstLineIndent(t *testing.T) {
	text := strings.Repeat("政", 60)
	lines := lineTexts(breakLines(atomize(glyphs(text)), 26, 28, 0))
	if n := len([]rune(lines[0])); n != 26 {
		t.Errorf("first line %d characters, want 26", n)
	}
	if n := len([]rune(lines[1])); n != 28 {
		t.Errorf("second line %d characters, want 28", n)
	}
}

// squeezable gives closing marks a blank right half, as the fonts do.
func squeezable(s string) []glyph {
	gs := glyphs(s)
	for i := range gs {
		if strings.ContainsRune("。，”）", gs[i].r) {
			gs[i].blankR = 0.5
		}
	}
	return gs
}

// 标点挤压: a closing mark at the line end fits in its inked half instead
// of pushing the last character down, and a pair of marks takes 1½ ems.
func TestBreakSqueeze(t *testing.T) {
	lines := lineTexts(breakLines(atomize(squeezable("政政政政政政政政政。政")), 9.5, 9.5, 0))
	if len(lines) != 2 || lines[0] != "政政政政政政政政政。" {
		t.Errorf("line-end squeeze: %q", lines)
	}
	// without the blank half the mark cannot fit: 推出 moves 政 down with it
	lines = lineTexts(breakLines(atomize(glyphs("政政政政政政政政政。政")), 9.5, 9.5, 0))
	if len(lines) != 2 || lines[0] != "政政政政政政政政" {
		t.Errorf("推出: %q", lines)
	}
	as := atomize(squeezable("政。”政"))
	if as[1].cutR != 0.5 || as[2].cutR != 0 || as[1].width() != 0.5 {
		t.Errorf("pair 。” squeezed %v/%v, width %v", as[1].cutR, as[2].cutR, as[1].width())
	}
	sq := squeezed(as[1])
	if p, _ := fonts.Squeezed('。'); sq.g[0].r != p || sq.w != 0.5 {
		t.Errorf("squeezed 。 drawn as %U, %v wide", sq.g[0].r, sq.w)
	}
}
