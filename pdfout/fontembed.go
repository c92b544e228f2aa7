package pdfout

import (
	"fmt"
	"strings"
	"unicode/utf16"
)

// ptPerMM converts the layout's millimetres to PDF points.
const ptPerMM = 72 / 25.4

// embeddedFont is one face as the PDF/A step embeds it: a Type 0 font with
// Identity-H encoding whose character codes are the UTF-16 code units of
// the text (the encoding gofpdf used, which PrintedCells and older PDFs
// rely on), a CIDToGIDMap from those codes to the subset's glyphs, and the
// TrueType subset itself.
type embeddedFont struct {
	res   string          // resource name in the page resources
	name  string          // subset-tagged PostScript name
	face  *face           // the subset that is embedded
	runes []rune          // characters drawn, ascending
	drawn [1 << 10]uint64 // the runes as a bit set, to catch a face drawn beyond them

	// made by prepare, which runs beside the drawing of the pages
	ready   chan struct{}
	objects [3][]byte // /W array, font program, CIDToGIDMap
	err     error     // a character the embedded face has no glyph for
}

// prepare subsets the face to the runes and compresses what does not
// depend on object numbers; close(ready) when done.
func (e *embeddedFont) prepare(full *face) {
	defer close(e.ready)
	s, err := full.Subset(e.runes)
	if err != nil {
		// embedding the whole font instead would put megabytes of a
		// damaged font into the file
		e.err = &FontError{Font: full.Name, Reason: "字体文件已损坏", Err: err}
		return
	}
	e.face = s
	for _, r := range e.runes {
		// PDF/A forbids showing .notdef (ISO 19005-3 6.2.11.8); the layout
		// only gives a face what it has, so this is a bug, never the text
		if e.face.Glyph(r) == 0 {
			e.err = &FontError{Font: full.Name, Reason: fmt.Sprintf("缺少字符“%c”（U+%04X）的字形", r, r)}
			return
		}
	}
	z := getDeflater()
	defer putDeflater(z)
	e.objects = [3][]byte{
		[]byte(widths(e)),
		z.stream(fmt.Sprintf("/Length1 %d", len(e.face.Data)), e.face.Data),
		z.stream("", cidToGID(e)),
	}
}

func newEmbeddedFont(res, name string, f *face, runes []rune) *embeddedFont {
	e := &embeddedFont{res: res, name: name, face: f, runes: runes, ready: make(chan struct{})}
	for _, r := range runes {
		if r <= 0xFFFF {
			e.drawn[r>>6] |= 1 << (r & 63)
		}
	}
	// subsetting and compressing run while the pages are drawn
	go e.prepare(f)
	return e
}

// missing returns the first rune of s the font was not announced with.
func (e *embeddedFont) missing(s string) (rune, bool) {
	for _, r := range s {
		if r > 0xFFFF || e.drawn[r>>6]&(1<<(r&63)) == 0 {
			return r, true
		}
	}
	return 0, false
}

// writeShown writes s as a literal string of UTF-16BE code units with the
// delimiters and backslash escaped.
func writeShown(b *strings.Builder, s string) {
	b.WriteByte('(')
	for _, u := range utf16.Encode([]rune(s)) {
		for _, c := range [2]byte{byte(u >> 8), byte(u)} {
			switch c {
			case '\\', '(', ')':
				b.WriteByte('\\')
			case '\r':
				b.WriteString(`\r`)
				continue
			}
			b.WriteByte(c)
		}
	}
	b.WriteByte(')')
}

// colorOp is the non-stroking colour operator for c.
func colorOp(c rgb) string {
	if c.r == c.g && c.g == c.b {
		return fmt.Sprintf("%.3f g", float64(c.r)/255)
	}
	return fmt.Sprintf("%.3f %.3f %.3f rg", float64(c.r)/255, float64(c.g)/255, float64(c.b)/255)
}

// fontObjects are the five objects of e, numbered from first: the Type 0
// font, its CIDFontType2 descendant, the descriptor, the font program and
// the CIDToGIDMap. toUnicode is the number of the shared ToUnicode CMap.
func fontObjects(e *embeddedFont, first, toUnicode int) ([5][]byte, error) {
	<-e.ready
	if e.err != nil {
		return [5][]byte{}, e.err
	}
	d := e.face.Descriptor()
	flags := 4 // symbolic: the glyphs are reached through CIDToGIDMap
	if d.Bold {
		flags |= 1 << 18
	}
	var objs [5][]byte
	objs[0] = fmt.Appendf(nil, "<< /Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /Identity-H"+
		" /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>", e.name, first+1, toUnicode)
	objs[1] = fmt.Appendf(nil, "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /%s"+
		" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>"+
		" /FontDescriptor %d 0 R /DW 1000 /W %s /CIDToGIDMap %d 0 R >>",
		e.name, first+2, e.objects[0], first+4)
	objs[2] = fmt.Appendf(nil, "<< /Type /FontDescriptor /FontName /%s /Flags %d /FontBBox [%d %d %d %d]"+
		" /ItalicAngle %g /Ascent %d /Descent %d /CapHeight %d /StemV %d /MissingWidth 1000 /FontFile2 %d 0 R >>",
		e.name, flags, d.BBox[0], d.BBox[1], d.BBox[2], d.BBox[3], d.ItalicAngle, d.Ascent, d.Descent,
		d.CapHeight, d.StemV, first+3)
	objs[3], objs[4] = e.objects[1], e.objects[2]
	return objs, nil
}

// widths is the /W array: the width of every drawn character that is not
// the default 1000, consecutive codes grouped.
func widths(e *embeddedFont) string {
	var b strings.Builder
	b.WriteByte('[')
	last := rune(-2)
	open := false
	for _, r := range e.runes {
		if r > 0xFFFF {
			continue
		}
		w := e.face.Width(r)
		if w == 1000 {
			continue
		}
		if r != last+1 || !open {
			if open {
				b.WriteByte(']')
			}
			fmt.Fprintf(&b, " %d [", r)
			open = true
		} else {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "%d", w)
		last = r
	}
	if open {
		b.WriteByte(']')
	}
	b.WriteString(" ]")
	return b.String()
}

// cidToGID maps each drawn code to its glyph in the embedded face: two
// bytes per code up to the highest one drawn.
func cidToGID(e *embeddedFont) []byte {
	top := rune(0)
	for _, r := range e.runes {
		if r <= 0xFFFF {
			top = max(top, r)
		}
	}
	m := make([]byte, 2*(int(top)+1))
	for _, r := range e.runes {
		if r > 0xFFFF {
			continue
		}
		g := e.face.Glyph(r)
		m[2*r], m[2*r+1] = byte(g>>8), byte(g)
	}
	return m
}

// FontError says a font chosen for a role cannot be embedded.
type FontError struct {
	Font   string
	Reason string // in Chinese, for the user
	Err    error  // the cause, for the log
}

func (e *FontError) Error() string {
	return fmt.Sprintf("字体“%s”无法嵌入 PDF：%s；请在“字体”中改用内置字体后再导出。", e.Font, e.Reason)
}

func (e *FontError) Unwrap() error { return e.Err }
