package fonts

import (
	"hash/crc32"
	"strings"
	"unicode/utf16"
)

// PostScriptName is the name a PDF gives the embedded font: the font's own
// PostScript name (name ID 6), else its family name, reduced to the
// characters a PDF name allows unescaped.
func (f *Face) PostScriptName() string {
	if f.psName != "" {
		return f.psName
	}
	if n := pdfNameChars(nameRecord(f.Data, 6)); n != "" {
		return n
	}
	return pdfNameChars(f.Name)
}

// SubsetTag is the six capital letters PDF requires before the name of a
// subset font (ISO 32000-1 9.6.4), derived from the characters it holds so
// that different subsets of one font differ and the same text gives the
// same file.
func SubsetTag(name string, runes []rune) string {
	h := crc32.NewIEEE()
	h.Write([]byte(name))
	for _, r := range runes {
		h.Write([]byte(string(r)))
	}
	v := h.Sum32()
	var b [6]byte
	for i := range b {
		b[i] = 'A' + byte(v%26)
		v /= 26
	}
	return string(b[:])
}

func pdfNameChars(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' {
			b.WriteRune(r)
		}
	}
	if b.Len() > 100 {
		return b.String()[:100]
	}
	return b.String()
}

// nameRecord reads name id from the name table, preferring the Windows
// Unicode record; "" when there is none or the table is damaged.
func nameRecord(data []byte, id uint16) string {
	_, dir, err := tables(data, 0)
	if err != nil {
		return ""
	}
	t, ok := dir["name"]
	if !ok {
		return ""
	}
	nt, err := slice(data, t, 6)
	if err != nil {
		return ""
	}
	count, strOff := int(be.Uint16(nt[2:])), int(be.Uint16(nt[4:]))
	mac := ""
	for i := 0; i < count; i++ {
		rec := 6 + 12*i
		if rec+12 > len(nt) {
			break
		}
		pid, eid := be.Uint16(nt[rec:]), be.Uint16(nt[rec+2:])
		if be.Uint16(nt[rec+6:]) != id {
			continue
		}
		n, off := int(be.Uint16(nt[rec+8:])), strOff+int(be.Uint16(nt[rec+10:]))
		if off+n > len(nt) {
			continue
		}
		s := nt[off : off+n]
		switch {
		case pid == 3 && (eid == 1 || eid == 0 || eid == 10):
			u := make([]uint16, len(s)/2)
			for j := range u {
				u[j] = be.Uint16(s[2*j:])
			}
			return string(utf16.Decode(u))
		case pid == 1 && mac == "":
			mac = string(s)
		}
	}
	return mac
}

// InkX is the horizontal extent of r's outline as fractions of the em
// (glyf xMin, xMax); ok is false for a missing or empty glyph. The layout
// uses it to see which half of a full-width mark is blank and may be
// squeezed.
func (f *Face) InkX(r rune) (xMin, xMax float64, ok bool) {
	b, ok := f.inkBox(r)
	return b[0], b[2], ok
}

// InkY is the vertical extent of r's outline (glyf yMin, yMax) as
// fractions of the em, for placing a glyph by its ink (the page number's
// dash).
func (f *Face) InkY(r rune) (yMin, yMax float64, ok bool) {
	b, ok := f.inkBox(r)
	return b[1], b[3], ok
}

// inkBox is the glyph header's bounding box: xMin, yMin, xMax, yMax.
func (f *Face) inkBox(r rune) (box [4]float64, ok bool) {
	g := int(f.m.glyph(r))
	if g == 0 {
		return box, false
	}
	_, dir, err := tables(f.Data, 0)
	if err != nil {
		return box, false
	}
	head, err := slice(f.Data, dir["head"], 54)
	if err != nil {
		return box, false
	}
	loca, glyf := dir["loca"], dir["glyf"]
	var a, b uint32
	if be.Uint16(head[50:]) == 1 {
		if uint32(4*g+8) > loca.length {
			return box, false
		}
		a, b = be.Uint32(f.Data[loca.off+uint32(4*g):]), be.Uint32(f.Data[loca.off+uint32(4*g+4):])
	} else {
		if uint32(2*g+4) > loca.length {
			return box, false
		}
		a, b = 2*uint32(be.Uint16(f.Data[loca.off+uint32(2*g):])), 2*uint32(be.Uint16(f.Data[loca.off+uint32(2*g+2):]))
	}
	if b < a+10 || b > glyf.length {
		return box, false
	}
	d := f.Data[glyf.off+a:]
	em := float64(f.m.unitsPerEm)
	for i := range box {
		box[i] = float64(int16(be.Uint16(d[2+2*i:]))) / em
	}
	return box, true
}

// Squeezed marks (标点挤压) are drawn as private-use characters that a
// Subset maps to a copy of the mark's glyph with half its advance: the
// text then needs no overlapping glyphs, which text extraction would read
// out of order. The PDF's ToUnicode map turns them back into the marks.
const squeezeBase = 0xE000

// SqueezeMarks are the closing marks whose ink keeps to the left half in
// CJK fonts, so their right half may be squeezed; their order fixes the
// private-use code of each (never reorder, only append).
const SqueezeMarks = "，。、；：”’）》〕】」』〉"

// Squeezed is the private-use character that draws r with its right half
// squeezed; ok is false for a mark not in SqueezeMarks.
func Squeezed(r rune) (rune, bool) {
	i := 0
	for _, m := range SqueezeMarks {
		if m == r {
			return squeezeBase + rune(i), true
		}
		i++
	}
	return 0, false
}

// unsqueezed is the mark a squeezed character stands for.
func unsqueezed(p rune) (rune, bool) {
	i := 0
	for _, m := range SqueezeMarks {
		if squeezeBase+rune(i) == p {
			return m, true
		}
		i++
	}
	return 0, false
}

// Unsqueezed is the mark a squeezed character stands for, r otherwise.
func Unsqueezed(r rune) rune {
	if m, ok := unsqueezed(r); ok {
		return m
	}
	return r
}
