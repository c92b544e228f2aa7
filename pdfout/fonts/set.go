package fonts

import (
	"fmt"
	"sync"
	"unicode"

	"nianbao/assets"
)

// Role is a typographic role of GB/T 9704 (gongwen.md §2.2).
type Role string

const (
	FS  Role = "fs"  // 仿宋: body text
	HT  Role = "ht"  // 黑体: level-1 headings
	KT  Role = "kt"  // 楷体: level-2 headings, 签发人 name
	XBS Role = "xbs" // 小标宋: title, 发文机关标志
	ST  Role = "st"  // 宋体: tables, 版记, page numbers
)

// Roles lists every role in a fixed order.
func Roles() []Role { return []Role{FS, HT, KT, XBS, ST} }

// Label is the role's Chinese name for messages and settings.
func (r Role) Label() string {
	switch r {
	case FS:
		return "仿宋"
	case HT:
		return "黑体"
	case KT:
		return "楷体"
	case XBS:
		return "小标宋"
	case ST:
		return "宋体"
	}
	return string(r)
}

// Placeholder stands for a character no font can draw (and for every
// character outside the BMP): a visible box, as in printed Chinese
// documents, instead of an invisible .notdef.
const Placeholder = '□'

// Set assigns a face to each role, with a wide-coverage fallback face.
type Set struct {
	faces    map[Role]*Face
	fallback *Face
}

var (
	defOnce  sync.Once
	defFaces map[Role]*Face
	defErr   error
)

func loadDefaults() {
	src := []struct {
		role       Role
		name, post string
		data       []byte
	}{
		{FS, "fs-body", "NotoSerifCJKsc-Light", assets.FontBody},
		{HT, "ht-heading", "NotoSansCJKsc-Medium", assets.FontHeading},
		{KT, "kt-kai", "NB-KT-Kai", assets.FontKai}, // OFL: "LXGW" is reserved for unmodified builds
		{XBS, "xbs-title", "NotoSerifCJKsc-Black", assets.FontTitle},
		{ST, "st-song", "NotoSerifCJKsc-Regular", assets.FontSong},
	}
	defFaces = make(map[Role]*Face, len(src))
	for _, s := range src {
		f, err := Parse(s.name, s.data)
		if err != nil {
			defErr = fmt.Errorf("bundled font %s: %w", s.name, err)
			return
		}
		f.psName = s.post
		defFaces[s.role] = f
	}
}

// Default returns a new Set of the bundled fonts; the fallback is the body
// font, which covers all of U+4E00–U+9FFF. The parsed faces are shared, the
// role assignment is the caller's own. It panics only if the embedded fonts
// are damaged, which the package tests rule out.
func Default() *Set {
	defOnce.Do(loadDefaults)
	if defErr != nil {
		panic(defErr)
	}
	s := &Set{faces: make(map[Role]*Face, len(defFaces)), fallback: defFaces[FS]}
	for r, f := range defFaces {
		s.faces[r] = f
	}
	return s
}

// Face returns the face for role.
func (s *Set) Face(role Role) *Face {
	if f := s.faces[role]; f != nil {
		return f
	}
	return s.fallback
}

// Fallback returns the wide-coverage face used where a role's face lacks a glyph.
func (s *Set) Fallback() *Face { return s.fallback }

// Use draws role with f; a nil f restores the bundled font.
func (s *Set) Use(role Role, f *Face) {
	if f == nil {
		defOnce.Do(loadDefaults)
		f = defFaces[role]
	}
	s.faces[role] = f
}

// Faces lists each distinct face once, in role order then the fallback, so
// embedding them in this order gives deterministic output.
func (s *Set) Faces() []*Face {
	var out []*Face
	seen := map[*Face]bool{}
	for _, r := range Roles() {
		if f := s.Face(r); !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	if !seen[s.fallback] {
		out = append(out, s.fallback)
	}
	return out
}

// Run is a piece of text drawn with one face.
type Run struct {
	Face *Face
	Text string
}

// Resolve splits text into runs for role: each character goes to the role's
// face if it has the glyph, else to the fallback. A character neither has,
// and any character outside the BMP, becomes Placeholder (see Missing), so
// nothing reaches the writer that it would draw blank. Control
// characters stay in the current run.
func (s *Set) Resolve(role Role, text string) []Run {
	main := s.Face(role)
	var runs []Run
	var cur *Face
	buf := make([]rune, 0, len(text))
	flush := func() {
		if len(buf) > 0 {
			runs = append(runs, Run{Face: cur, Text: string(buf)})
			buf = buf[:0]
		}
	}
	for _, r := range text {
		f := main
		switch {
		case unicode.IsControl(r):
			if cur != nil {
				f = cur
			}
		case main.Has(r):
		case s.fallback.Has(r):
			f = s.fallback
		default:
			r = Placeholder
			if !main.Has(r) {
				f = s.fallback
			}
		}
		if f != cur {
			flush()
			cur = f
		}
		buf = append(buf, r)
	}
	flush()
	return runs
}

// Missing lists, once each and in order, the characters of text that role
// cannot draw even with the fallback, so the caller can name them in a
// message; Resolve draws them as Placeholder.
func (s *Set) Missing(role Role, text string) []rune {
	main := s.Face(role)
	var out []rune
	seen := map[rune]bool{}
	for _, r := range text {
		if unicode.IsControl(r) || main.Has(r) || s.fallback.Has(r) || seen[r] {
			continue
		}
		seen[r] = true
		out = append(out, r)
	}
	return out
}

// SanitizeBMP replaces every character outside the Basic Multilingual Plane
// with Placeholder — the PDF codes are single UTF-16 units — and returns the replaced
// characters once each, in order, for a message such as
// «“𠀀”无法打印，已用“□”代替».
func SanitizeBMP(s string) (string, []rune) {
	clean := true
	for _, r := range s {
		if r > 0xFFFF {
			clean = false
			break
		}
	}
	if clean {
		return s, nil
	}
	out := make([]rune, 0, len(s))
	var repl []rune
	seen := map[rune]bool{}
	for _, r := range s {
		if r > 0xFFFF {
			if !seen[r] {
				seen[r] = true
				repl = append(repl, r)
			}
			r = Placeholder
		}
		out = append(out, r)
	}
	return string(out), repl
}
