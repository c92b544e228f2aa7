package importer

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// Benchmarks of a full report per input kind (issue: ≤ 50 ms for text, HTML
// and Word; ≤ 1 s for a PDF with the compilation cache warm).

func benchFile(b *testing.B, path string) {
	data, err := os.ReadFile(path)
	if err != nil {
		b.Skipf("%s: %v", path, err)
	}
	name := filepath.Base(path)
	if _, err := Import(context.Background(), name, data, Options{}); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if _, err := Import(context.Background(), name, data, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkImportText(b *testing.B) {
	benchFile(b, filepath.Join(sharedDir(), "seeds", "004_19ace9a49f2df35a.txt"))
}

func BenchmarkImportHTML(b *testing.B) {
	benchFile(b, filepath.Join(sharedDir(), "samples", "pingtan-2024.html"))
}

func BenchmarkImportDOCX(b *testing.B) {
	benchFile(b, filepath.Join("testdata", "pingtan-2024.docx"))
}

func BenchmarkImportPDF(b *testing.B) {
	benchFile(b, filepath.Join(sharedDir(), "samples", "hongze-2024.pdf"))
}
