package docx

import (
	"encoding/xml"
	"strconv"
	"strings"
)

// xw writes WordprocessingML by hand: elements are emitted in exactly the
// order the schema asks for, which encoding/xml's struct tags cannot express
// for optional, ordered children across several packages.
type xw struct {
	strings.Builder
	fonts *[5]string // font name of each role
}

// open writes <name a="v" …> from attribute pairs.
func (w *xw) open(name string, attrs ...string) {
	w.WriteByte('<')
	w.WriteString(name)
	w.attrs(attrs)
	w.WriteByte('>')
}

// empty writes <name a="v" …/>.
func (w *xw) empty(name string, attrs ...string) {
	w.WriteByte('<')
	w.WriteString(name)
	w.attrs(attrs)
	w.WriteString("/>")
}

func (w *xw) close(name string) {
	w.WriteString("</")
	w.WriteString(name)
	w.WriteByte('>')
}

func (w *xw) attrs(kv []string) {
	for i := 0; i+1 < len(kv); i += 2 {
		w.WriteByte(' ')
		w.WriteString(kv[i])
		w.WriteString(`="`)
		w.text(kv[i+1])
		w.WriteByte('"')
	}
}

// text writes character data, escaped; characters XML 1.0 forbids are dropped.
func (w *xw) text(s string) {
	_ = xml.EscapeText(w, []byte(strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF {
			return r
		}
		return -1
	}, s)))
}

func itoa(n int) string { return strconv.Itoa(n) }

// twips converts mm to twentieths of a point.
func twips(mm float64) int { return int(mm*1440/25.4 + 0.5) }

const xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

const nsW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
const nsR = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
