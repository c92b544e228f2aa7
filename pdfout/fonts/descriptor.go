package fonts

import "math"

// Descriptor is what a PDF font descriptor says of a face (ISO 32000-1
// 9.8.1), in thousandths of an em like every PDF glyph metric.
type Descriptor struct {
	Ascent, Descent, CapHeight int
	BBox                       [4]int // xMin, yMin, xMax, yMax
	ItalicAngle                float64
	StemV                      int
	Bold                       bool // usWeightClass 600 or more: the ForceBold flag
}

// Descriptor reads the face's head, hhea, OS/2 and post tables. Missing
// optional values fall back to what a reader assumes (cap height = ascent).
func (f *Face) Descriptor() Descriptor {
	em := float64(f.m.unitsPerEm)
	k := func(v int) int { return int(math.Round(float64(v) * 1000 / em)) }
	d := Descriptor{Ascent: k(f.m.ascent), Descent: k(f.m.descent)}
	d.CapHeight = d.Ascent
	weight := 400
	_, dir, err := tables(f.Data, 0)
	if err != nil {
		return d
	}
	if head, err := slice(f.Data, dir["head"], 54); err == nil {
		for i := range d.BBox {
			d.BBox[i] = k(int(int16(be.Uint16(head[36+2*i:]))))
		}
	}
	if os2, err := slice(f.Data, dir["OS/2"], 6); err == nil {
		weight = int(be.Uint16(os2[4:]))
		if be.Uint16(os2) >= 2 && len(os2) >= 90 {
			if c := int(int16(be.Uint16(os2[88:]))); c > 0 {
				d.CapHeight = k(c)
			}
		}
	}
	if post, err := slice(f.Data, dir["post"], 8); err == nil {
		d.ItalicAngle = float64(int32(be.Uint32(post[4:]))) / 65536
	}
	// the usual estimate from the weight class; readers use StemV only for
	// substitution, and every font here is embedded
	d.StemV = 50 + int(math.Pow(float64(weight)/65, 2))
	d.Bold = weight >= 600
	return d
}

// Glyph is r's glyph number in the face, 0 when the face lacks it.
func (f *Face) Glyph(r rune) uint16 { return f.m.glyph(r) }

// Width is r's advance in thousandths of an em, rounded as PDF widths are,
// so a reader's width agrees with the font program's (ISO 19005-3 6.2.11.5).
func (f *Face) Width(r rune) int {
	return int(math.Round(float64(f.m.advance(f.m.glyph(r))) * 1000 / float64(f.m.unitsPerEm)))
}
