package fonts

import (
	"fmt"
	"sort"
)

// Subset returns the face cut down to runes (plus U+0000 and the space): a
// small cmap and only their outlines (with composite glyphs' components). Glyph
// numbers, advances and outlines stay as they are, so the PDF shows the same
// glyphs; but gofpdf parses every font it registers in full, which for the
// 9.6 MB body font costs tens of milliseconds per document. Register subsets
// of the text actually drawn to avoid that. Runes the face lacks are
// ignored. Name stays the same.
func (f *Face) Subset(runes []rune) (*Face, error) {
	type pair struct{ r, g int }
	seen := map[rune]bool{}
	var pairs []pair
	var copies []int                        // glyphs appended as half-width copies (Squeezed)
	all := append([]rune{0, ' '}, runes...) // gofpdf always embeds U+0000's glyph
	for _, r := range all {
		if seen[r] {
			continue
		}
		if base, ok := unsqueezed(r); ok {
			if g := f.m.glyph(base); g != 0 {
				seen[r] = true
				pairs = append(pairs, pair{int(r), f.m.numGlyphs + len(copies)})
				copies = append(copies, int(g))
			}
			continue
		}
		if g := f.m.glyph(r); g != 0 {
			seen[r] = true
			pairs = append(pairs, pair{int(r), int(g)})
		}
	}
	sort.Slice(pairs, func(i, j int) bool { return pairs[i].r < pairs[j].r })

	// One segment per run of consecutive characters with consecutive
	// glyphs (idDelta only), then the required 0xFFFF segment.
	type seg struct{ start, end, delta int }
	var segs []seg
	for _, p := range pairs {
		if n := len(segs); n > 0 && segs[n-1].end == p.r-1 && segs[n-1].delta == p.g-p.r {
			segs[n-1].end = p.r
			continue
		}
		segs = append(segs, seg{p.r, p.r, p.g - p.r})
	}
	segs = append(segs, seg{0xFFFF, 0xFFFF, 1})
	n := len(segs)
	length := 16 + 8*n
	if length > 0xFFFF {
		return nil, fmt.Errorf("subset %s: %d characters are too many for one cmap", f.Name, len(pairs))
	}
	cmap := make([]byte, 12+length)
	be.PutUint16(cmap[2:], 1)  // one encoding record
	be.PutUint16(cmap[4:], 3)  // Windows
	be.PutUint16(cmap[6:], 1)  // Unicode BMP
	be.PutUint32(cmap[8:], 12) // subtable offset
	sub := cmap[12:]
	be.PutUint16(sub, 4)
	be.PutUint16(sub[2:], uint16(length))
	be.PutUint16(sub[6:], uint16(2*n))
	es := 0
	for 1<<(es+1) <= n {
		es++
	}
	be.PutUint16(sub[8:], uint16(2<<es))
	be.PutUint16(sub[10:], uint16(es))
	be.PutUint16(sub[12:], uint16(2*n-2<<es))
	for i, s := range segs {
		be.PutUint16(sub[14+2*i:], uint16(s.end))
		be.PutUint16(sub[16+2*n+2*i:], uint16(s.start))
		be.PutUint16(sub[16+4*n+2*i:], uint16(s.delta))
		// idRangeOffset stays 0
	}

	version, dir, err := tables(f.Data, 0)
	if err != nil {
		return nil, fmt.Errorf("subset %s: %w", f.Name, err)
	}
	parts := make(map[string][]byte, len(dir))
	sums := make(map[string]uint32, len(dir))
	for tag, t := range dir {
		parts[tag] = f.Data[t.off : t.off+t.length]
		sums[tag] = checksumOf(f.Data, 0, tag)
	}
	parts["cmap"] = cmap
	sums["cmap"] = checksum(cmap)
	gids := []int{0}
	for _, p := range pairs {
		gids = append(gids, p.g)
	}
	if err := pruneGlyf(parts, f.m.numGlyphs, gids, copies); err != nil {
		return nil, fmt.Errorf("subset %s: %w", f.Name, err)
	}
	if len(copies) > 0 {
		if err := halfWidthMetrics(parts, f.m, copies); err != nil {
			return nil, fmt.Errorf("subset %s: %w", f.Name, err)
		}
	}
	for _, tag := range []string{"glyf", "loca", "head", "hmtx", "hhea", "maxp"} {
		if parts[tag] != nil {
			sums[tag] = checksum(parts[tag])
		}
	}
	data := buildSFNT(version, parts, sums)
	m, err := parseMetrics(data)
	if err != nil {
		return nil, fmt.Errorf("subset %s: %w", f.Name, err)
	}
	return &Face{Name: f.Name, Data: data, psName: f.psName, m: m}, nil
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

// pruneGlyf replaces glyf and loca (and head's loca format) so that only
// the glyphs in keep, and the components they use, have outlines; every
// other glyph becomes empty. The outlines of copies are appended as new
// glyphs numGlyphs, numGlyphs+1, …
func pruneGlyf(parts map[string][]byte, numGlyphs int, keep, copies []int) error {
	head, glyf, loca := parts["head"], parts["glyf"], parts["loca"]
	if len(head) < 54 {
		return errTruncated
	}
	long := be.Uint16(head[50:]) == 1
	span := func(g int) (int, int, error) {
		var a, b int
		if long {
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
	used := make([]bool, numGlyphs)
	keep = append(keep, copies...)
	for len(keep) > 0 {
		g := keep[len(keep)-1]
		keep = keep[:len(keep)-1]
		if g >= numGlyphs || used[g] {
			continue
		}
		used[g] = true
		a, b, err := span(g)
		if err != nil {
			return err
		}
		if b-a >= 10 && int16(be.Uint16(glyf[a:])) < 0 {
			comps, err := components(glyf[a+10 : b])
			if err != nil {
				return err
			}
			keep = append(keep, comps...)
		}
	}
	size := 0
	for g, u := range used {
		if u {
			a, b, _ := span(g)
			size += b - a
		}
	}
	newGlyf := make([]byte, 0, size)
	total := numGlyphs + len(copies)
	newLoca := make([]byte, 4*(total+1))
	for g, u := range used {
		be.PutUint32(newLoca[4*g:], uint32(len(newGlyf)))
		if u {
			a, b, _ := span(g)
			// Copied as is, padding included, so gofpdf embeds the same bytes.
			newGlyf = append(newGlyf, glyf[a:b]...)
		}
	}
	for i, g := range copies {
		be.PutUint32(newLoca[4*(numGlyphs+i):], uint32(len(newGlyf)))
		a, b, _ := span(g)
		newGlyf = append(newGlyf, glyf[a:b]...)
	}
	be.PutUint32(newLoca[4*total:], uint32(len(newGlyf)))
	newHead := append([]byte(nil), head...)
	be.PutUint16(newHead[50:], 1)
	be.PutUint32(newHead[8:], 0) // checkSumAdjustment: not kept up to date
	parts["glyf"], parts["loca"], parts["head"] = newGlyf, newLoca, newHead
	return nil
}

// components lists the glyphs a composite glyph description refers to.
func components(d []byte) ([]int, error) {
	var out []int
	for p := 0; ; {
		if p+4 > len(d) {
			return nil, errTruncated
		}
		flags := be.Uint16(d[p:])
		out = append(out, int(be.Uint16(d[p+2:])))
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

// halfWidthMetrics gives the appended copies half their original advance
// (hmtx rewritten with one long metric per glyph, hhea and maxp counts
// raised): a squeezed mark is then an ordinary glyph for every reader.
func halfWidthMetrics(parts map[string][]byte, m *metrics, copies []int) error {
	hhea, maxp := parts["hhea"], parts["maxp"]
	if len(hhea) < 36 || len(maxp) < 6 {
		return errTruncated
	}
	total := m.numGlyphs + len(copies)
	if total > 0xFFFF {
		return fmt.Errorf("%d glyphs are too many", total)
	}
	old := parts["hmtx"]
	nh := int(be.Uint16(hhea[34:]))
	lsb := func(g int) uint16 {
		switch {
		case g < nh && 4*g+4 <= len(old):
			return be.Uint16(old[4*g+2:])
		case 4*nh+2*(g-nh)+2 <= len(old):
			return be.Uint16(old[4*nh+2*(g-nh):])
		}
		return 0
	}
	hmtx := make([]byte, 4*total)
	for g := 0; g < m.numGlyphs; g++ {
		be.PutUint16(hmtx[4*g:], uint16(m.advance(uint16(g))))
		be.PutUint16(hmtx[4*g+2:], lsb(g))
	}
	for i, g := range copies {
		be.PutUint16(hmtx[4*(m.numGlyphs+i):], uint16(m.advance(uint16(g))/2))
		be.PutUint16(hmtx[4*(m.numGlyphs+i)+2:], lsb(g))
	}
	newHhea := append([]byte(nil), hhea...)
	be.PutUint16(newHhea[34:], uint16(total))
	newMaxp := append([]byte(nil), maxp...)
	be.PutUint16(newMaxp[4:], uint16(total))
	parts["hmtx"], parts["hhea"], parts["maxp"] = hmtx, newHhea, newMaxp
	return nil
}
