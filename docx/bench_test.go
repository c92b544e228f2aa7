package docx

import (
	"testing"

	"nianbao/app"
)

// BenchmarkDocxFullReport exports the full 2021 report in the 公文 style.
func BenchmarkDocxFullReport(b *testing.B) {
	r := loadReport(b, "pdfout/testdata/full-2021.nianbao.json")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Bytes(r, Options{Style: app.StyleGongwen}); err != nil {
			b.Fatal(err)
		}
	}
}
