package pdfout

import (
	"bytes"
	"testing"
)

// FuzzExtractReport: damaged PDFs give an error, never a panic or a hang.
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
	f.Fuzz(func(t *testing.T, b []byte) {
		_, _, _ = ExtractReport(b)
	})
}
