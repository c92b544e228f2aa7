package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"testing"
)

// FuzzDocxText: whatever a report's text and cells hold, the package is a
// zip whose document is well-formed XML. The seeds run with go test; make
// fuzz runs it longer.
func FuzzDocxText(f *testing.F) {
	r := loadReport(f, "pdfout/testdata/full-2021.nianbao.json")
	for _, s := range []string{"", "一、总体情况", "（一）主动公开。正文", "<w:t>&amp;", "\x00\x1b\uFFFE\U0001F600", "1.\n2.\r\n（1）"} {
		f.Add(s, s)
	}
	f.Fuzz(func(t *testing.T, text, cell string) {
		c := r.Clone()
		c.Text.S1, c.Text.S6, c.Doc.Signer, c.Doc.CC = text, text, text, text
		c.Cells["t3.new.natural"] = cell
		b, err := Bytes(c, Options{Style: "gongwen"})
		if err != nil {
			t.Fatal(err)
		}
		zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range zr.File {
			rc, _ := f.Open()
			d := xml.NewDecoder(rc)
			for {
				_, err := d.Token()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatalf("%s: %v", f.Name, err)
				}
			}
			rc.Close()
		}
	})
}
