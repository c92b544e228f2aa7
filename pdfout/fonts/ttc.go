package fonts

import (
	"fmt"
	"sort"
)

// extractTTC copies face index of a TrueType collection into a standalone
// sfnt, because neither gofpdf nor Fyne reads collections. Table checksums
// stay as they were; the face's tables are byte-identical.
func extractTTC(data []byte, index int) ([]byte, error) {
	if len(data) < 12 || be.Uint32(data) != tagTTCF {
		return nil, fmt.Errorf("not a font collection")
	}
	n := int(be.Uint32(data[8:]))
	if index < 0 || index >= n {
		return nil, fmt.Errorf("collection has %d faces, no face %d", n, index)
	}
	if 12+4*n > len(data) {
		return nil, errTruncated
	}
	base := be.Uint32(data[12+4*index:])
	version, dir, err := tables(data, base)
	if err != nil {
		return nil, err
	}
	tags := make([]string, 0, len(dir))
	for tag := range dir {
		tags = append(tags, tag)
	}
	sort.Strings(tags) // the directory must be sorted by tag

	num := len(tags)
	entrySel := 0
	for 1<<(entrySel+1) <= num {
		entrySel++
	}
	searchRange := (1 << entrySel) * 16
	head := 12 + 16*num
	size := head
	for _, tag := range tags {
		size += int(dir[tag].length+3) &^ 3
	}
	out := make([]byte, size)
	be.PutUint32(out, version)
	be.PutUint16(out[4:], uint16(num))
	be.PutUint16(out[6:], uint16(searchRange))
	be.PutUint16(out[8:], uint16(entrySel))
	be.PutUint16(out[10:], uint16(num*16-searchRange))
	off := head
	for i, tag := range tags {
		t := dir[tag]
		rec := out[12+16*i:]
		copy(rec, tag)
		// checksum: copy from the collection's directory entry
		be.PutUint32(rec[4:], checksumOf(data, base, tag))
		be.PutUint32(rec[8:], uint32(off))
		be.PutUint32(rec[12:], t.length)
		copy(out[off:], data[t.off:t.off+t.length])
		off += int(t.length+3) &^ 3
	}
	return out, nil
}

func checksumOf(data []byte, base uint32, tag string) uint32 {
	n := uint32(be.Uint16(data[base+4:]))
	for i := uint32(0); i < n; i++ {
		rec := data[base+12+16*i:]
		if string(rec[:4]) == tag {
			return be.Uint32(rec[4:])
		}
	}
	return 0
}
