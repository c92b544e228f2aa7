package pdfout

import (
	"regexp"
	"strconv"
	"testing"

	"nianbao/app"
)

var bboxWord = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)

// TestEverythingInsideTypeArea reads word boxes back with pdftotext -bbox:
// all text lies inside the 156 mm type area (page numbers below it), a long
// 发文机关标志 included, and justified lines end flush at 184 mm.
func TestEverythingInsideTypeArea(t *testing.T) {
	r := loadReport(t, "testdata/full-2021.nianbao.json")
	r.Doc.IssuerMark = "中华人民共和国某某省某某市某某县某某镇人民政府办公室文件"
	path, _ := renderFile(t, r, Options{Style: app.StyleGongwen, Seal: readSeal(t)})
	pt := func(mm float64) float64 { return mm * 72 / 25.4 }
	flush := 0
	for _, m := range bboxWord.FindAllStringSubmatch(tool(t, "pdftotext", "-bbox", path, "-"), -1) {
		x0, _ := strconv.ParseFloat(m[1], 64)
		y0, _ := strconv.ParseFloat(m[2], 64)
		x1, _ := strconv.ParseFloat(m[3], 64)
		word := m[5]
		if y0 > pt(typeBottom) { // page numbers
			if x0 < pt(typeLeft) || x1 > pt(typeRight) {
				t.Errorf("page number %q at %.1f–%.1f pt", word, x0, x1)
			}
			continue
		}
		if x0 < pt(typeLeft)-0.5 || x1 > pt(typeRight)+0.5 {
			t.Errorf("%q spans %.1f–%.1f pt, outside %.1f–%.1f", word, x0, x1, pt(typeLeft), pt(typeRight))
		}
		if y0 < pt(typeTop)-2 {
			t.Errorf("%q above the type area (y %.1f pt)", word, y0)
		}
		if x1 > pt(typeRight)-0.3 {
			flush++
		}
	}
	if flush < 30 {
		t.Errorf("only %d lines end flush at the right edge", flush)
	}
}
