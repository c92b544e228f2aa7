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
