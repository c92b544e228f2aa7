package fonts

import "fmt"

// extractTTC copies face index of a TrueType collection into a standalone
// sfnt, because neither gofpdf nor Fyne reads collections. The tables and
// their checksums are copied unchanged.
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
	parts := make(map[string][]byte, len(dir))
	sums := make(map[string]uint32, len(dir))
	for tag, t := range dir {
		parts[tag] = data[t.off : t.off+t.length]
		sums[tag] = checksumOf(data, base, tag)
	}
	return buildSFNT(version, parts, sums), nil
}

// checksumOf returns the directory checksum of tag in the sfnt at base.
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
