package pdfout

import (
	"io"
	"testing"

	"nianbao/app"
)

// BenchmarkRenderFullReport prints the 2021 report with all sections,
// the three tables and a seal in the 公文 style.
func BenchmarkRenderFullReport(b *testing.B) {
	r := loadReport(b, "testdata/full-2021.nianbao.json")
	opt := Options{Style: app.StyleGongwen, Seal: readSeal(b), Now: fixedNow}
	if err := Render(io.Discard, r, opt); err != nil { // loads the fonts once
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if err := Render(io.Discard, r, opt); err != nil {
			b.Fatal(err)
		}
	}
}
