package pdfout

import (
	"bytes"
	"testing"
	"time"
)

// FuzzExtractReport: damaged PDFs give an error, never a panic, and every
// input ends within the 2 s a hostile file may take.
func FuzzExtractReport(f *testing.F) {
	r := loadReport(f, "testdata/township-2019.nianbao.json")
	var buf bytes.Buffer
	if err := Render(&buf, r, Options{Now: fixedNow}); err != nil {
		f.Fatal(err)
	}
	pdf := buf.Bytes()
	// the tail holds the objects the reader walks: catalog, name tree, file spec
	f.Add(append([]byte("%PDF-1.7\n"), pdf[len(pdf)-6000:]...))
	f.Add([]byte("%PDF-1.7\n1 0 obj << /Type /Catalog /Names 2 0 R >> endobj\n2 0 obj << /EmbeddedFiles << /Kids [2 0 R] >> >> endobj\ntrailer << /Root 1 0 R >>"))
	// the attacks of issue 15, scaled down to a few KB
	for _, h := range hostilePDFs {
		f.Add(h.build(200))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		start := time.Now()
		x, err := Extract(b)
		if elapsed := time.Since(start); elapsed > 2*time.Second {
			t.Errorf("%d bytes took %v", len(b), elapsed)
		}
		if err == nil && (x.Report == nil || len(x.JSON) == 0 || x.Attachments < 1 || x.Suspicious() != (len(x.Warnings) > 0)) {
			t.Errorf("inconsistent extraction: %+v", x)
		}
	})
}
