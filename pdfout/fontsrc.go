package pdfout

import (
	"nianbao/pdfout/fonts"
)

// role names a typographic role of gongwen.md §2.2.
type role = fonts.Role

const (
	roleFS  = fonts.FS  // 仿宋: body
	roleHT  = fonts.HT  // 黑体: level-1 headings
	roleKT  = fonts.KT  // 楷体: level-2 headings, 签发人 name
	roleXBS = fonts.XBS // 小标宋: title, 发文机关标志
	roleST  = fonts.ST  // 宋体: page numbers, tables
)

// face is one font registered with the writer.
type face = fonts.Face

// fontSource maps a role and a character to the face that draws it.
type fontSource interface {
	// resolve returns the face for r in role ro — the role's face, else the
	// fallback — and the character to draw, which is fonts.Placeholder when
	// no face has r or r lies outside the BMP.
	resolve(ro role, r rune) (*face, rune)
	// blank is how much of r's em box is blank on the left and on the right
	// in face f, as fractions of the em, for a full-width mark whose ink
	// keeps to one half; 0, 0 otherwise.
	blank(f *face, r rune) (left, right float64)
}

// setSource adapts a fonts.Set; its per-rune answers are cached because the
// layout asks for every character.
type setSource struct {
	set    *fonts.Set
	cache  map[role]map[rune]*face
	blanks map[*face]map[rune][2]float64
}

func newSetSource(s *fonts.Set) *setSource {
	if s == nil {
		s = fonts.Default()
	}
	return &setSource{set: s, cache: map[role]map[rune]*face{}, blanks: map[*face]map[rune][2]float64{}}
}

func (s *setSource) resolve(ro role, r rune) (*face, rune) {
	m := s.cache[ro]
	if m == nil {
		m = map[rune]*face{}
		s.cache[ro] = m
	}
	if f, ok := m[r]; ok {
		if f == nil {
			return s.set.Fallback(), fonts.Placeholder
		}
		return f, r
	}
	var f *face
	switch {
	case r > 0xFFFF:
	case s.set.Face(ro).Has(r):
		f = s.set.Face(ro)
	case s.set.Fallback().Has(r):
		f = s.set.Fallback()
	}
	m[r] = f
	if f == nil {
		return s.set.Fallback(), fonts.Placeholder
	}
	return f, r
}

// missing lists the characters of text role ro cannot draw, once each.
func (s *setSource) missing(ro role, text string) []rune {
	return s.set.Missing(ro, text)
}

func (s *setSource) blank(f *face, r rune) (float64, float64) {
	if _, ok := fonts.Squeezed(r); !ok {
		return 0, 0
	}
	m := s.blanks[f]
	if m == nil {
		m = map[rune][2]float64{}
		s.blanks[f] = m
	}
	b, ok := m[r]
	if !ok {
		// only a full-width glyph whose ink keeps to the left half
		if _, hi, has := f.InkX(r); has && f.Advance(r) >= 0.99 && hi <= 0.55 {
			b[1] = f.Advance(r) / 2
		}
		m[r] = b
	}
	return b[0], b[1]
}
