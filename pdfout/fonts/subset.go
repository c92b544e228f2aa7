package fonts

import (
	"fmt"
	"sort"
)

// Subset returns the face cut down to runes (plus U+0000 and the space): a
// small cmap and only their glyphs (with composite glyphs' components),
// renumbered from 1 in their original order: the 22,616-glyph body font
// becomes the few hundred glyphs a report draws. Tables that refer to
// glyph numbers other than these (layout, kerning, vertical metrics,
// bitmaps) are dropped; hinting is kept. Squeezed marks (Squeezed) get
// half-width copies of their glyph. Runes the face lacks are ignored. Name
// stays the same.
func (f *Face) Subset(runes []rune) (*Face, error) {
	type pair struct{ r, g int } // rune → old glyph
	seen := map[rune]bool{}
	var pairs []pair
	var halves []pair                       // squeezed rune → old glyph of its mark
	all := append([]rune{0, ' '}, runes...) // U+0000 and the space, as PDF writers have always embedded
	for _, r := range all {
		if seen[r] {
			continue
		}
		if base, ok := unsqueezed(r); ok {
			if g := f.m.glyph(base); g != 0 {
				seen[r] = true
				halves = append(halves, pair{int(r), int(g)})
			}
			continue
		}
		if g := f.m.glyph(r); g != 0 {
			seen[r] = true
			pairs = append(pairs, pair{int(r), int(g)})
		}
	}

	version, dir, err := tables(f.Data, 0)
	if err != nil {
		return nil, fmt.Errorf("subset %s: %w", f.Name, err)
	}
	parts := map[string][]byte{}
	sums := map[string]uint32{}
	for _, tag := range []string{"head", "hhea", "maxp", "name", "OS/2", "cvt ", "fpgm", "prep", "gasp"} {
		if t, ok := dir[tag]; ok {
			parts[tag] = f.Data[t.off : t.off+t.length]
			sums[tag] = checksumOf(f.Data, 0, tag)
		}
	}
	for _, tag := range []string{"glyf", "loca", "hmtx"} {
		t, ok := dir[tag]
		if !ok {
			return nil, fmt.Errorf("subset %s: no %s table", f.Name, tag)
		}
		parts[tag] = f.Data[t.off : t.off+t.length]
	}
	keep := []int{0}
	for _, p := range pairs {
		keep = append(keep, p.g)
	}
	for _, p := range halves {
		keep = append(keep, p.g)
	}
	order, err := collectGlyphs(parts, f.m.numGlyphs, keep)
	if err != nil {
		return nil, fmt.Errorf("subset %s: %w", f.Name, err)
	}
	newID := make(map[int]int, len(order))
	for i, g := range order {
		newID[g] = i
	}
	copies := make([]int, len(halves))
	for i, p := range halves {
		copies[i] = p.g
	}
	if err := rebuildGlyphs(parts, f.m, order, newID, copies); err != nil {
		return nil, fmt.Errorf("subset %s: %w", f.Name, err)
	}

	var cm []pair // rune → new glyph
	for _, p := range pairs {
		cm = append(cm, pair{p.r, newID[p.g]})
	}
	for i, p := range halves {
		cm = append(cm, pair{p.r, len(order) + i})
	}
	sort.Slice(cm, func(i, j int) bool { return cm[i].r < cm[j].r })
	cmap, err := buildCmap(len(cm), func(i int) (int, int) { return cm[i].r, cm[i].g })
	if err != nil {
		return nil, fmt.Errorf("subset %s: %w", f.Name, err)
	}
	parts["cmap"] = cmap
	// post format 3: no glyph names, which would have to follow the renumbering
	post := make([]byte, 32)
	be.PutUint32(post, 0x00030000)
	if t, ok := dir["post"]; ok && t.length >= 32 {
		copy(post[4:16], f.Data[t.off+4:t.off+16]) // italic angle, underline
	}
	parts["post"] = post
	for _, tag := range []string{"cmap", "post", "glyf", "loca", "head", "hmtx", "hhea", "maxp"} {
		sums[tag] = checksum(parts[tag])
	}
	data := buildSFNT(version, parts, sums)
	m, err := parseMetrics(data)
	if err != nil {
		return nil, fmt.Errorf("subset %s: %w", f.Name, err)
	}
	return &Face{Name: f.Name, Data: data, psName: f.psName, m: m}, nil
}

// buildCmap writes a cmap with one format-4 subtable (Windows Unicode BMP)
// for n (rune, glyph) pairs in rune order: one segment per run of
// consecutive runes with consecutive glyphs, then the 0xFFFF segment.
func buildCmap(n int, at func(i int) (r, g int)) ([]byte, error) {
	type seg struct{ start, end, delta int }
	var segs []seg
	for i := 0; i < n; i++ {
		r, g := at(i)
		if k := len(segs); k > 0 && segs[k-1].end == r-1 && segs[k-1].delta == g-r {
			segs[k-1].end = r
			continue
		}
		segs = append(segs, seg{r, r, g - r})
	}
	segs = append(segs, seg{0xFFFF, 0xFFFF, 1})
	ns := len(segs)
	length := 16 + 8*ns
	if length > 0xFFFF {
		return nil, fmt.Errorf("%d characters are too many for one cmap", n)
	}
	cmap := make([]byte, 12+length)
	be.PutUint16(cmap[2:], 1)  // one encoding record
	be.PutUint16(cmap[4:], 3)  // Windows
	be.PutUint16(cmap[6:], 1)  // Unicode BMP
	be.PutUint32(cmap[8:], 12) // subtable offset
	sub := cmap[12:]
	be.PutUint16(sub, 4)
	be.PutUint16(sub[2:], uint16(length))
	be.PutUint16(sub[6:], uint16(2*ns))
	es := 0
	for 1<<(es+1) <= ns {
		es++
	}
	be.PutUint16(sub[8:], uint16(2<<es))
	be.PutUint16(sub[10:], uint16(es))
	be.PutUint16(sub[12:], uint16(2*ns-2<<es))
	for i, s := range segs {
		be.PutUint16(sub[14+2*i:], uint16(s.end))
		be.PutUint16(sub[16+2*ns+2*i:], uint16(s.start))
		be.PutUint16(sub[16+4*ns+2*i:], uint16(s.delta))
		// idRangeOffset stays 0
	}
	return cmap, nil
}

// glyphSpan returns where glyph g's description lies in glyf.
func glyphSpan(head, loca, glyf []byte, g int) (int, int, error) {
	var a, b int
	if be.Uint16(head[50:]) == 1 {
		if 4*g+8 > len(loca) {
			return 0, 0, errTruncated
		}
		a, b = int(be.Uint32(loca[4*g:])), int(be.Uint32(loca[4*g+4:]))
	} else {
		if 2*g+4 > len(loca) {
			return 0, 0, errTruncated
		}
		a, b = 2*int(be.Uint16(loca[2*g:])), 2*int(be.Uint16(loca[2*g+2:]))
	}
	if a > b || b > len(glyf) {
		return 0, 0, errTruncated
	}
	return a, b, nil
}

// collectGlyphs lists the glyphs in keep and the components they use, in
// ascending order (glyph 0 first).
func collectGlyphs(parts map[string][]byte, numGlyphs int, keep []int) ([]int, error) {
	head, glyf, loca := parts["head"], parts["glyf"], parts["loca"]
	if len(head) < 54 {
		return nil, errTruncated
	}
	used := make([]bool, numGlyphs)
	for len(keep) > 0 {
		g := keep[len(keep)-1]
		keep = keep[:len(keep)-1]
		if g >= numGlyphs || used[g] {
			continue
		}
		used[g] = true
		a, b, err := glyphSpan(head, loca, glyf, g)
		if err != nil {
			return nil, err
		}
		if b-a >= 10 && int16(be.Uint16(glyf[a:])) < 0 {
			comps, err := components(glyf[a+10 : b])
			if err != nil {
				return nil, err
			}
			for _, c := range comps {
				keep = append(keep, c.glyph)
			}
		}
	}
	var order []int
	for g, u := range used {
		if u {
			order = append(order, g)
		}
	}
	return order, nil
}

// rebuildGlyphs writes glyf, loca (long), hmtx (one long metric per glyph),
// and the glyph counts of maxp and hhea for the glyphs in order, numbered
// by newID, composite references rewritten; copies follow as half-width
// glyphs.
func rebuildGlyphs(parts map[string][]byte, m *metrics, order []int, newID map[int]int, copies []int) error {
	head, glyf, loca, oldH := parts["head"], parts["glyf"], parts["loca"], parts["hhea"]
	maxp := parts["maxp"]
	if len(oldH) < 36 || len(maxp) < 6 {
		return errTruncated
	}
	total := len(order) + len(copies)
	if total > 0xFFFF {
		return fmt.Errorf("%d glyphs are too many", total)
	}
	hmtx := parts["hmtx"]
	nh := int(be.Uint16(oldH[34:]))
	lsb := func(g int) uint16 {
		switch {
		case g < nh && 4*g+4 <= len(hmtx):
			return be.Uint16(hmtx[4*g+2:])
		case g >= nh && 4*nh+2*(g-nh)+2 <= len(hmtx):
			return be.Uint16(hmtx[4*nh+2*(g-nh):])
		}
		return 0
	}
	newGlyf := make([]byte, 0, 4096)
	newLoca := make([]byte, 4*(total+1))
	newHmtx := make([]byte, 4*total)
	put := func(i, g int, advance uint16) error {
		be.PutUint32(newLoca[4*i:], uint32(len(newGlyf)))
		a, b, err := glyphSpan(head, loca, glyf, g)
		if err != nil {
			return err
		}
		start := len(newGlyf)
		newGlyf = append(newGlyf, glyf[a:b]...)
		if b-a >= 10 && int16(be.Uint16(glyf[a:])) < 0 {
			comps, err := components(glyf[a+10 : b])
			if err != nil {
				return err
			}
			for _, c := range comps {
				be.PutUint16(newGlyf[start+10+c.at:], uint16(newID[c.glyph]))
			}
		}
		for len(newGlyf)%4 != 0 {
			newGlyf = append(newGlyf, 0)
		}
		be.PutUint16(newHmtx[4*i:], advance)
		be.PutUint16(newHmtx[4*i+2:], lsb(g))
		return nil
	}
	for i, g := range order {
		if err := put(i, g, uint16(m.advance(uint16(g)))); err != nil {
			return err
		}
	}
	for i, g := range copies {
		if err := put(len(order)+i, g, uint16(m.advance(uint16(g))/2)); err != nil {
			return err
		}
	}
	be.PutUint32(newLoca[4*total:], uint32(len(newGlyf)))
	newHead := append([]byte(nil), head...)
	be.PutUint16(newHead[50:], 1)
	be.PutUint32(newHead[8:], 0) // checkSumAdjustment: not kept up to date
	newHhea := append([]byte(nil), oldH...)
	be.PutUint16(newHhea[34:], uint16(total))
	newMaxp := append([]byte(nil), maxp...)
	be.PutUint16(newMaxp[4:], uint16(total))
	parts["glyf"], parts["loca"], parts["head"] = newGlyf, newLoca, newHead
	parts["hmtx"], parts["hhea"], parts["maxp"] = newHmtx, newHhea, newMaxp
	return nil
}

// buildSFNT writes a font file from its tables: directory sorted by tag,
// each table 4-byte aligned.
func buildSFNT(version uint32, parts map[string][]byte, sums map[string]uint32) []byte {
	tags := make([]string, 0, len(parts))
	size := 12 + 16*len(parts)
	for tag, p := range parts {
		tags = append(tags, tag)
		size += (len(p) + 3) &^ 3
	}
	sort.Strings(tags)
	num := len(tags)
	es := 0
	for 1<<(es+1) <= num {
		es++
	}
	out := make([]byte, size)
	be.PutUint32(out, version)
	be.PutUint16(out[4:], uint16(num))
	be.PutUint16(out[6:], uint16(16<<es))
	be.PutUint16(out[8:], uint16(es))
	be.PutUint16(out[10:], uint16(16*num-16<<es))
	off := 12 + 16*num
	for i, tag := range tags {
		p := parts[tag]
		rec := out[12+16*i:]
		copy(rec, tag)
		be.PutUint32(rec[4:], sums[tag])
		be.PutUint32(rec[8:], uint32(off))
		be.PutUint32(rec[12:], uint32(len(p)))
		copy(out[off:], p)
		off += (len(p) + 3) &^ 3
	}
	return out
}

func checksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		sum += be.Uint32(w[:])
	}
	return sum
}

// component is one reference of a composite glyph: the glyph it uses and
// the offset of that glyph index within the description after its header.
type component struct{ glyph, at int }

// components lists the glyphs a composite glyph description refers to.
func components(d []byte) ([]component, error) {
	var out []component
	for p := 0; ; {
		if p+4 > len(d) {
			return nil, errTruncated
		}
		flags := be.Uint16(d[p:])
		out = append(out, component{int(be.Uint16(d[p+2:])), p + 2})
		p += 4
		if flags&0x0001 != 0 { // ARG_1_AND_2_ARE_WORDS
			p += 4
		} else {
			p += 2
		}
		switch {
		case flags&0x0008 != 0: // WE_HAVE_A_SCALE
			p += 2
		case flags&0x0040 != 0: // WE_HAVE_AN_X_AND_Y_SCALE
			p += 4
		case flags&0x0080 != 0: // WE_HAVE_A_TWO_BY_TWO
			p += 8
		}
		if flags&0x0020 == 0 { // MORE_COMPONENTS
			return out, nil
		}
	}
}
