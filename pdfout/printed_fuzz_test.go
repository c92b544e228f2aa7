package pdfout

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"nianbao/app"
)

// miniPDF builds a file with a correct cross-reference table around objs
// (object 1 first), so the hostile part is what the reader reaches.
func miniPDF(objs ...string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n")
	var offs []int
	for i, o := range objs {
		offs = append(offs, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	x := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, x)
	return b.Bytes()
}

// hostileText are files aimed at the text-layer reader, each small.
var hostileText = map[string][]byte{
	"deep dictionary": miniPDF("<< /Type /Catalog /Pages " + strings.Repeat("<< /A ", 100000) + " >>"),
	"deep array":      miniPDF("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids "+strings.Repeat("[", 100000)+" >>"),
	"xref loop":       []byte("%PDF-1.7\nxref\n0 1\n0000000000 65535 f \ntrailer\n<< /Root 1 0 R /Prev 9 >>\nstartxref\n9\n%%EOF"),
	"huge count":      []byte("%PDF-1.7\nxref\n0 999999999\n0000000000 65535 f \ntrailer\n<< >>\nstartxref\n9\n%%EOF"),
	"page tree cycle": miniPDF("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [2 0 R] >>"),
	"reference loop":  miniPDF("<< /Type /Catalog /Pages 2 0 R >>", "3 0 R", "2 0 R"),
	"length past the end": miniPDF("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] >>",
		"<< /Type /Page /Contents 4 0 R >>", "<< /Length 99999999 >>\nstream\nBT ET\nendstream"),
	"too many pages": miniPDF("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids ["+strings.Repeat("3 0 R ", 300)+"] >>",
		"<< /Type /Page /Contents 4 0 R >>", "<< /Length 5 >>\nstream\nBT ET\nendstream"),
	"no tables": miniPDF("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] >>",
		"<< /Type /Page /Contents 4 0 R >>", "<< /Length 40 >>\nstream\nBT 10 10 Td <0031> Tj ET 1 2 3 4 re S\n\nendstream"),
}

func TestPrintedCellsHostile(t *testing.T) {
	f := app.FormatByID("2021")
	for name, pdf := range hostileText {
		start := time.Now()
		got, err := PrintedCells(pdf, f)
		if err == nil || got != nil {
			t.Errorf("%s: no error", name)
		}
		if d := time.Since(start); d > time.Second {
			t.Errorf("%s took %v", name, d)
		}
	}
	// a content stream beyond the limit is refused
	if _, err := (&txtFile{}).inflate(txtStream{dict: txtDict{}, raw: make([]byte, maxTextContent+1)}, maxTextContent); err == nil {
		t.Error("an oversized content stream was accepted")
	}
}

// FuzzPrintedCells: any bytes give cells or an error, never a panic, fast.
func FuzzPrintedCells(f *testing.F) {
	// small seeds keep the fuzzer fast: a page as Render writes it (boxes,
	// text inside and outside them, a transformed watermark), and the attacks
	content := "q 0.5 0 0 0.5 0 0 cm BT 10 10 Td <8349> Tj ET Q\n" +
		"79.37 679.03 442.20 -22.97 re S BT 100.5 670 Td <4FE1606F> Tj ET\n" +
		"79.37 656.06 130.39 -22.97 re S BT 120 640 Td (12) Tj ET BT 300 500 Td <0032> Tj ET\n"
	f.Add(miniPDF("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] >>",
		"<< /Type /Page /Contents 4 0 R >>", fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content)))
	for _, h := range hostileText {
		f.Add(h)
	}
	formats := app.Formats()
	f.Fuzz(func(t *testing.T, b []byte) {
		start := time.Now()
		for _, fm := range formats {
			if cells, err := PrintedCells(b, fm); err == nil && len(cells) != len(fm.Cells()) {
				t.Errorf("%d cells of %d", len(cells), len(fm.Cells()))
			}
		}
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("%d bytes took %v", len(b), d)
		}
	})
}
