package xlsx

import "testing"

// BenchmarkXlsxFullReport exports the three tables of the full 2021 report.
func BenchmarkXlsxFullReport(b *testing.B) {
	r := loadReport(b, "pdfout/testdata/full-2021.nianbao.json")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Bytes(r); err != nil {
			b.Fatal(err)
		}
	}
}
