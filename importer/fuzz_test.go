package importer

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"nianbao/importer/pdftext"
)

// Fuzz targets: every reader and the recogniser take any bytes without
// panicking, within bounded time; an error is always an *Error with a
// message. `make fuzz` runs them longer.

func addSeeds(f *testing.F, ext string) {
	for _, s := range seedFiles {
		if data, err := os.ReadFile(filepath.Join(sharedDir(), "seeds", s.src)); err == nil && ext == ".txt" {
			f.Add(data)
		}
	}
	matches, _ := filepath.Glob(filepath.Join(sharedDir(), "samples", "*"+ext))
	more, _ := filepath.Glob(filepath.Join("testdata", "*"+ext))
	for _, p := range append(matches, more...) {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
}

func fuzzImport(t *testing.T, name string, data []byte) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	start := time.Now()
	res, err := Import(ctx, name, data, Options{})
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("%d bytes took %v", len(data), d)
	}
	if err != nil {
		if _, ok := err.(*Error); !ok {
			t.Fatalf("error %T %v is not an *Error", err, err)
		}
		return
	}
	if res.Report == nil || res.Recognised > res.Inputs {
		t.Fatalf("result %+v", res)
	}
	for id := range res.Published {
		if res.Report.FormatDef().Cell(id) == nil {
			t.Fatalf("unknown cell %s", id)
		}
	}
}

func FuzzReadText(f *testing.F) {
	addSeeds(f, ".txt")
	f.Add([]byte("一、总体情况\n\t\t\n规章\t0\t-\t/\n"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzImport(t, "x.txt", data) })
}

func FuzzReadHTML(f *testing.F) {
	addSeeds(f, ".html")
	f.Add([]byte(`<table><tr><td rowspan="99999" colspan="99999">x</td></tr><tr><td>规章</td><td>1</td></tr></table>`))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzImport(t, "x.html", data) })
}

func FuzzReadDOCX(f *testing.F) {
	addSeeds(f, ".docx")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzImport(t, "x.docx", data) })
}

func FuzzReadMHT(f *testing.F) {
	f.Add([]byte("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/html; charset=gb2312\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n<p>=B6=FE=A1=A2</p>\r\n--b--\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzImport(t, "x.mht", data) })
}

func FuzzReadXLSX(f *testing.F) {
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzImport(t, "x.xlsx", data) })
}

// FuzzRecognise drives the recogniser with arbitrary grids and lines.
func FuzzRecognise(f *testing.F) {
	f.Add("二、主动公开政府信息情况", "规章", "0", "1", "-", uint8(3))
	f.Add("三、收到和处理政府信息公开申请情况", "（六）其他处理", "0", "0", "0", uint8(7))
	f.Add("", "", "", "", "", uint8(0))
	f.Fuzz(func(t *testing.T, line, label, a, b, c string, n uint8) {
		doc := &Doc{}
		doc.addLine(line)
		row := rowOf(label, a, b, c)
		for range n % 20 {
			row = append(row, GridCell{Text: a, Covered: n%3 == 0, FromAbove: n%5 == 0})
		}
		doc.addTable(&Table{Rows: [][]GridCell{row, rowOf(c, b, a), {}}})
		res, err := Recognise(doc, Options{Year: 2019 + int(n%6)})
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("error %T", err)
			}
			return
		}
		if res.Recognised > res.Inputs {
			t.Fatalf("recognised %d of %d", res.Recognised, res.Inputs)
		}
	})
}

// FuzzPDFLayout drives the PDF reader's layout (lines, segments, columns)
// with arbitrary character boxes, without the PDF engine.
func FuzzPDFLayout(f *testing.F) {
	f.Add("规章0 0 1", 100.0, 700.0, 12.0, 3.5, 0.0)
	f.Add("一、总体情况", 90.0, 800.0, 16.0, 0.0, 0.5)
	f.Fuzz(func(t *testing.T, text string, x, y, size, gap, angle float64) {
		pg := pdftext.Page{Width: 595, Height: 842}
		for i, r := range []rune(text) {
			if i > 2000 {
				break
			}
			left := x + float64(i)*(size+gap)
			top := y - float64(i%7)*size*1.5
			pg.Chars = append(pg.Chars, pdftext.Char{Text: string(r), Left: left, Right: left + size, Top: top, Bottom: top - size, Angle: angle})
		}
		doc, err := pdfDoc([]pdftext.Page{pg, pg})
		if err != nil {
			return
		}
		if _, err := Recognise(doc, Options{Year: 2021}); err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("error %T", err)
			}
		}
	})
}
