package htmlout

import "testing"

// BenchmarkHTMLFullReport exports the full 2021 report as a web page.
func BenchmarkHTMLFullReport(b *testing.B) {
	r := loadReport(b, "pdfout/testdata/full-2021.nianbao.json")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Page(r, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
