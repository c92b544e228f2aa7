package fonts

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// The reader below takes from a TrueType file only what role selection needs:
// the table directory, the BMP cmap, advances, vertical metrics
// and the embedding bits. It validates offsets so a damaged file gives an
// error instead of a panic.

var be = binary.BigEndian

const (
	tagTrue = 0x00010000
	tagTRUE = 0x74727565 // 'true' (old Apple TrueType)
	tagOTTO = 0x4F54544F // 'OTTO': CFF outlines
	tagTTCF = 0x74746366 // 'ttcf': collection
)

var errTruncated = errors.New("truncated or damaged font data")

type table struct{ off, length uint32 }

// tables reads the table directory of the sfnt starting at base.
func tables(data []byte, base uint32) (version uint32, dir map[string]table, err error) {
	if uint64(base)+12 > uint64(len(data)) {
		return 0, nil, errTruncated
	}
	version = be.Uint32(data[base:])
	n := uint32(be.Uint16(data[base+4:]))
	if uint64(base)+12+16*uint64(n) > uint64(len(data)) {
		return 0, nil, errTruncated
	}
	dir = make(map[string]table, n)
	for i := uint32(0); i < n; i++ {
		rec := data[base+12+16*i:]
		t := table{off: be.Uint32(rec[8:]), length: be.Uint32(rec[12:])}
		if uint64(t.off)+uint64(t.length) > uint64(len(data)) {
			return 0, nil, fmt.Errorf("table %q: %w", rec[:4], errTruncated)
		}
		dir[string(rec[:4])] = t
	}
	return version, dir, nil
}

// metrics is what the reader extracts from one TrueType face.
type metrics struct {
	unitsPerEm int
	ascent     int // hhea ascender, font units
	descent    int // hhea descender, font units (negative below the baseline)
	fsType     uint16
	numGlyphs  int
	glyphs     []uint16 // BMP rune → glyph id (0 = none)
	advances   []uint16 // glyph id → advance, font units
}

func (m *metrics) glyph(r rune) uint16 {
	if r < 0 || int(r) >= len(m.glyphs) {
		return 0
	}
	if g := m.glyphs[r]; int(g) < m.numGlyphs {
		return g
	}
	return 0
}

func (m *metrics) advance(gid uint16) int {
	if len(m.advances) == 0 {
		return 0
	}
	if int(gid) >= len(m.advances) {
		return int(m.advances[len(m.advances)-1])
	}
	return int(m.advances[gid])
}

func slice(data []byte, t table, min uint32) ([]byte, error) {
	if t.length < min {
		return nil, errTruncated
	}
	return data[t.off : t.off+t.length], nil
}

// parseMetrics reads a standalone TrueType font (not a collection).
func parseMetrics(data []byte) (*metrics, error) {
	_, dir, err := tables(data, 0)
	if err != nil {
		return nil, err
	}
	for _, tag := range []string{"head", "hhea", "hmtx", "maxp", "cmap"} {
		if _, ok := dir[tag]; !ok {
			return nil, fmt.Errorf("missing %q table", tag)
		}
	}
	m := &metrics{}
	head, err := slice(data, dir["head"], 54)
	if err != nil {
		return nil, fmt.Errorf("head: %w", err)
	}
	m.unitsPerEm = int(be.Uint16(head[18:]))
	if m.unitsPerEm == 0 {
		return nil, errors.New("head: unitsPerEm is 0")
	}
	hhea, err := slice(data, dir["hhea"], 36)
	if err != nil {
		return nil, fmt.Errorf("hhea: %w", err)
	}
	m.ascent = int(int16(be.Uint16(hhea[4:])))
	m.descent = int(int16(be.Uint16(hhea[6:])))
	nh := int(be.Uint16(hhea[34:]))
	maxp, err := slice(data, dir["maxp"], 6)
	if err != nil {
		return nil, fmt.Errorf("maxp: %w", err)
	}
	numGlyphs := int(be.Uint16(maxp[4:]))
	m.numGlyphs = numGlyphs
	hmtx, err := slice(data, dir["hmtx"], uint32(4*nh))
	if err != nil {
		return nil, fmt.Errorf("hmtx: %w", err)
	}
	if nh == 0 {
		return nil, errors.New("hmtx: no horizontal metrics")
	}
	m.advances = make([]uint16, nh, max(nh, numGlyphs))
	for i := range nh {
		m.advances[i] = be.Uint16(hmtx[4*i:])
	}
	if t, ok := dir["OS/2"]; ok && t.length >= 10 {
		m.fsType = be.Uint16(data[t.off+8:])
	}
	cmap, err := slice(data, dir["cmap"], 4)
	if err != nil {
		return nil, fmt.Errorf("cmap: %w", err)
	}
	if m.glyphs, err = parseCmap4(cmap); err != nil {
		return nil, fmt.Errorf("cmap: %w", err)
	}
	return m, nil
}

var errNoUnicodeCmap = errors.New("no Unicode format-4 cmap")

// parseCmap4 decodes the first format-4 subtable of platform 3 encoding 1
// or of platform 0, the one a subset keeps (Subset).
func parseCmap4(cmap []byte) ([]uint16, error) {
	n := int(be.Uint16(cmap[2:]))
	if 4+8*n > len(cmap) {
		return nil, errTruncated
	}
	for i := range n {
		rec := cmap[4+8*i:]
		plat, enc, off := be.Uint16(rec), be.Uint16(rec[2:]), be.Uint32(rec[4:])
		if !(plat == 3 && enc == 1 || plat == 0) || uint64(off)+14 > uint64(len(cmap)) {
			continue
		}
		sub := cmap[off:]
		if be.Uint16(sub) != 4 {
			continue
		}
		return decodeFormat4(sub)
	}
	return nil, errNoUnicodeCmap
}

func decodeFormat4(sub []byte) ([]uint16, error) {
	length := int(be.Uint16(sub[2:]))
	if length < 14 || length > len(sub) {
		// Some fonts understate or overstate the length; trust the data we have.
		length = len(sub)
	}
	sub = sub[:length]
	segs := int(be.Uint16(sub[6:])) / 2
	ends, starts := 14, 16+2*segs
	deltas, ranges := starts+2*segs, starts+4*segs
	if ranges+2*segs > len(sub) {
		return nil, errTruncated
	}
	g := make([]uint16, 0x10000)
	for s := range segs {
		end := int(be.Uint16(sub[ends+2*s:]))
		start := int(be.Uint16(sub[starts+2*s:]))
		delta := be.Uint16(sub[deltas+2*s:])
		ro := int(be.Uint16(sub[ranges+2*s:]))
		for c := start; c <= end && c <= 0xFFFF; c++ {
			if ro == 0 {
				g[c] = uint16(c) + delta
				continue
			}
			p := ranges + 2*s + ro + 2*(c-start)
			if p+2 > len(sub) {
				break
			}
			if gid := be.Uint16(sub[p:]); gid != 0 {
				g[c] = gid + delta
			}
		}
	}
	g[0xFFFF] = 0
	return g, nil
}
