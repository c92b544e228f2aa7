package pdfout

import (
	"fmt"
	"os"
	"path/filepath"
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

// wordBox finds the box of the last word equal to w, in mm.
func wordBox(t *testing.T, bbox, w string) (x0, x1 float64) {
	t.Helper()
	found := false
	for _, m := range bboxWord.FindAllStringSubmatch(bbox, -1) {
		if m[5] == w {
			x0, _ = strconv.ParseFloat(m[1], 64)
			x1, _ = strconv.ParseFloat(m[3], 64)
			found = true
		}
	}
	if !found {
		t.Fatalf("word %q not found", w)
	}
	return x0 * 25.4 / 72, x1 * 25.4 / 72
}

// TestClosingPositions checks the 署名/成文日期 columns of gongwen.md §4.4
// with the worked example of seed 004 and the 版记 of §5.
func TestClosingPositions(t *testing.T) {
	r := loadReport(t, "testdata/full-2021.nianbao.json")
	r.Doc.Date = "2022-02-08"
	near := func(name string, got, want float64) {
		if got < want-0.4 || got > want+0.4 {
			t.Errorf("%s at %.2f mm, want %.2f", name, got, want)
		}
	}
	// 不加盖印章: the date, longer than 2 字 past the 署名 allows, ends
	// 右空二字 and the 署名 starts 2 字 before it (seed 004: d = 20, s = 18
	// with widths rounded to whole 字)
	path, _ := renderFile(t, r, Options{Style: app.StylePublic})
	bbox := tool(t, "pdftotext", "-bbox", path, "-")
	s0, _ := wordBox(t, bbox, "新绛县人民政府")
	d0, d1 := wordBox(t, bbox, "2022年2月8日")
	near("date end", d1, typeRight-2*charQ)
	near("署名 start", s0, d0-2*charQ)
	if col := (s0 - typeLeft) / charQ; col < 17.5 || col > 18.5 {
		t.Errorf("署名 starts in column %.2f, want about 18", col)
	}

	// 加盖印章: the date ends 右空四字, the 署名 is centred on it
	path, _ = renderFile(t, r, Options{Style: app.StyleGongwen})
	bbox = tool(t, "pdftotext", "-bbox", path, "-")
	s0, s1 := wordBox(t, bbox, "新绛县人民政府")
	d0, d1 = wordBox(t, bbox, "2022年2月8日")
	near("date end", d1, typeRight-4*charQ)
	near("署名 centre", (s0+s1)/2, (d0+d1)/2)
	// 版记: 印发机关 左空一字, 印发日期 右空一字 (1 字 = 4号)
	b0, _ := wordBox(t, bbox, "新绛县人民政府办公室")
	_, p1 := wordBox(t, bbox, "2022年1月18日印发")
	near("印发机关 start", b0, typeLeft+smallQ)
	near("印发日期 end", p1, typeRight-smallQ)
}

// TestSeveralSigners: two names per line, the next line aligned with the
// first name, the 发文字号 on the line of the last name (gongwen.md §3.3).
func TestSeveralSigners(t *testing.T) {
	if got := signers("王堃、李喆，张赟"); len(got) != 3 || got[2] != "张赟" {
		t.Fatalf("signers = %q", got)
	}
	r := loadReport(t, "testdata/full-2021.nianbao.json")
	r.Doc.Signer = "王堃、李喆、张赟"
	path, _ := renderFile(t, r, Options{Style: app.StyleGongwen})
	bbox := tool(t, "pdftotext", "-bbox", "-f", "1", "-l", "1", path, "-")
	y := func(w string) float64 {
		for _, m := range bboxWord.FindAllStringSubmatch(bbox, -1) {
			if m[5] == w {
				v, _ := strconv.ParseFloat(m[2], 64)
				return v
			}
		}
		t.Fatalf("word %q not on page 1", w)
		return 0
	}
	same := func(a, b float64) bool { return a-b < 6 && b-a < 6 } // fonts differ in box height; lines are 29 pt apart
	if !same(y("签发人：王堃"), y("李喆")) || y("张赟")-y("李喆") < 20 {
		t.Errorf("names not two per line")
	}
	if !same(y("绛政〔2022〕3号"), y("张赟")) {
		t.Errorf("发文字号 not on the line of the last name")
	}
	_, l1 := wordBox(t, bbox, "李喆")
	if want := typeRight - charQ; l1 < want-0.4 || l1 > want+0.4 {
		t.Errorf("first signer line ends at %.2f mm, want %.2f", l1, want)
	}
}

// The upper edge of the page number's dash is 7 mm below the type area,
// at 269.0 mm (gongwen.md §6), measured on the rendered page.
func TestPageNumberDash(t *testing.T) {
	path, _ := renderFile(t, loadReport(t, "testdata/full-2021.nianbao.json"), Options{Style: app.StylePublic})
	const dpi = 600.0
	px := func(mm float64) int { return int(mm / 25.4 * dpi) }
	// page 1: number on the right; crop 150–184 mm × 264–276 mm
	x0, y0 := px(150), px(264)
	out := filepath.Join(t.TempDir(), "n")
	tool(t, "pdftoppm", "-r", "600", "-f", "1", "-l", "1", "-gray", "-x", itoa(x0), "-y", itoa(y0), "-W", itoa(px(34)), "-H", itoa(px(12)), path, out)
	b, err := os.ReadFile(out + "-1.pgm")
	if err != nil {
		t.Fatal(err)
	}
	var w, h, maxv int
	if _, err := fmt.Sscanf(string(b), "P5\n%d %d\n%d\n", &w, &h, &maxv); err != nil || len(b) < w*h {
		t.Fatalf("pgm header: %v", err)
	}
	pix := b[len(b)-w*h:]
	// the leading dash: the leftmost ink, 3 mm wide (digits stand higher)
	left := w
	for y := 0; y < h; y++ {
		for x := 0; x < left; x++ {
			if pix[y*w+x] < 128 {
				left = x
			}
		}
	}
	top := -1
	for y := 0; y < h && top < 0; y++ {
		for x := left; x < min(w, left+px(3)); x++ {
			if pix[y*w+x] < 128 {
				top = y
				break
			}
		}
	}
	if top < 0 {
		t.Fatal("no page number in the crop")
	}
	got := float64(y0+top) / dpi * 25.4
	if got < 268.9 || got > 269.1 {
		t.Errorf("dash top at %.2f mm, want 269.0", got)
	}
}

// ppm renders page n of a PDF at dpi in colour: width, height, RGB bytes.
func ppm(t *testing.T, path string, n int, dpi int) (int, int, []byte) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "p")
	tool(t, "pdftoppm", "-r", itoa(dpi), "-f", itoa(n), "-l", itoa(n), "-singlefile", path, out)
	b, err := os.ReadFile(out + ".ppm")
	if err != nil {
		t.Fatal(err)
	}
	var w, h, maxv int
	if _, err := fmt.Sscanf(string(b), "P6\n%d %d\n%d\n", &w, &h, &maxv); err != nil || len(b) < 3*w*h {
		t.Fatalf("ppm header: %v", err)
	}
	return w, h, b[len(b)-3*w*h:]
}

// The seal is ink: centred on the date, its centre on the 署名 line
// (7.3.5.1 端正、居中下压署名和成文日期), and multiplied over the text, so
// the 署名 and the date stay as black as without it.
func TestSealPositionAndInk(t *testing.T) {
	r := loadReport(t, "testdata/full-2021.nianbao.json")
	plain, _ := renderFile(t, r, Options{Style: app.StyleGongwen})
	sealed, _ := renderFile(t, r, Options{Style: app.StyleGongwen, Seal: readSeal(t)})
	last := pageCount(t, sealed)
	bbox := tool(t, "pdftotext", "-f", itoa(last), "-l", itoa(last), "-bbox", sealed, "-")
	const dpi = 100
	toPx := func(pt float64) int { return int(pt / 72 * dpi) }
	toMM := func(px float64) float64 { return px / dpi * 25.4 }
	var sign, date [4]float64
	for _, m := range bboxWord.FindAllStringSubmatch(bbox, -1) {
		var b [4]float64
		for i := range b {
			b[i], _ = strconv.ParseFloat(m[i+1], 64)
		}
		switch m[5] {
		case r.Doc.Signature:
			sign = b
		case cnDate(r.Doc.Date):
			date = b
		}
	}
	if sign[2] == 0 || date[2] == 0 {
		t.Fatalf("署名 or date not on page %d", last)
	}
	w, h, pix := ppm(t, sealed, last, dpi)
	_, _, base := ppm(t, plain, last, dpi)
	x0, y0, x1, y1 := w, h, 0, 0
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			p := pix[3*(y*w+x):]
			if p[0] > 180 && p[1] < 120 && p[2] < 120 {
				x0, y0, x1, y1 = min(x0, x), min(y0, y), max(x1, x), max(y1, y)
			}
		}
	}
	if x1 == 0 {
		t.Fatal("no red seal on the closing page")
	}
	cx, cy := toMM(float64(x0+x1)/2), toMM(float64(y0+y1)/2)
	wantX := (date[0] + date[2]) / 2 * 25.4 / 72
	wantY := (sign[1] + sign[3]) / 2 * 25.4 / 72
	if cx < wantX-1.5 || cx > wantX+1.5 || cy < wantY-1.5 || cy > wantY+1.5 {
		t.Errorf("seal centre (%.1f, %.1f) mm, want (%.1f, %.1f): on the date's centre, the 署名 line", cx, cy, wantX, wantY)
	}
	// every pixel that is black without the seal is still dark with it
	dark, kept := 0, 0
	for _, b := range [][4]float64{sign, date} {
		for y := toPx(b[1]); y < toPx(b[3]); y++ {
			for x := toPx(b[0]); x < toPx(b[2]); x++ {
				i := 3 * (y*w + x)
				if base[i] < 60 && base[i+1] < 60 && base[i+2] < 60 {
					dark++
					if pix[i] < 90 && pix[i+1] < 90 && pix[i+2] < 90 {
						kept++
					}
				}
			}
		}
	}
	if dark == 0 || float64(kept) < 0.97*float64(dark) {
		t.Errorf("under the seal %d of %d black text pixels stay black", kept, dark)
	}
}
