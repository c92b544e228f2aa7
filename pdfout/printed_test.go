package pdfout

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"nianbao/app"
)

// Every value box of every seed and fixture reads back as the cell it shows,
// in both styles, also after qpdf re-wrote the file with object streams.
func TestPrintedCellsReadsEveryValueBox(t *testing.T) {
	files, _ := filepath.Glob("../testdata/seeds/*.nianbao.json")
	more, _ := filepath.Glob("../app/testdata/*.nianbao.json")
	files = append(files, more...)
	if len(files) < 8 {
		t.Fatalf("only %d report files found", len(files))
	}
	for _, path := range files {
		r := loadReport(t, path)
		for _, style := range []string{app.StylePublic, app.StyleGongwen} {
			t.Run(filepath.Base(path)+"/"+style, func(t *testing.T) {
				pdfPath, pdf := renderFile(t, r, Options{Style: style, Draft: true})
				got, err := PrintedCells(pdf, r.FormatDef())
				if err != nil {
					t.Fatal(err)
				}
				compareCells(t, r, got)
				if style != app.StylePublic {
					return
				}
				rewritten := filepath.Join(t.TempDir(), "qpdf.pdf")
				tool(t, "qpdf", "--object-streams=disable", pdfPath, rewritten)
				b, err := os.ReadFile(rewritten)
				if err != nil {
					t.Fatal(err)
				}
				got, err = PrintedCells(b, r.FormatDef())
				if err != nil {
					t.Fatalf("after qpdf: %v", err)
				}
				compareCells(t, r, got)
				// object streams are not what Render writes: no guess, a clear refusal
				packed := filepath.Join(t.TempDir(), "packed.pdf")
				tool(t, "qpdf", "--object-streams=generate", pdfPath, packed)
				if b, err = os.ReadFile(packed); err != nil {
					t.Fatal(err)
				}
				if _, err := PrintedCells(b, r.FormatDef()); !errors.Is(err, ErrNoTextLayer) {
					t.Errorf("object streams: %v, want ErrNoTextLayer", err)
				}
			})
		}
	}
}

func compareCells(t *testing.T, r *app.Report, got map[string]string) {
	t.Helper()
	cells := r.FormatDef().Cells()
	if len(got) != len(cells) {
		t.Errorf("%d printed cells, want %d", len(got), len(cells))
	}
	for _, c := range cells {
		if got[c.ID] != r.Cells[c.ID] {
			t.Errorf("%s printed %q, stored %q", c.ID, got[c.ID], r.Cells[c.ID])
		}
	}
}

// Values typed by hand land in the boxes they belong to, not a neighbour.
func TestPrintedCellsHandValues(t *testing.T) {
	r := loadReport(t, "../app/testdata/xinjiang-2021.nianbao.json")
	r.Cells["t3.granted.natural"] = "17"
	r.Cells["t3.forward.commercial"] = "3"
	r.Cells["t2.fee.amount"] = "1.25"
	r.Cells["t4.suitafter.pending"] = "4"
	delete(r.Cells, "t2.license.prev")
	_, pdf := renderFile(t, r, Options{Draft: true})
	got, err := PrintedCells(pdf, r.FormatDef())
	if err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]string{
		"t3.granted.natural": "17", "t3.forward.commercial": "3", "t2.fee.amount": "1.25",
		"t4.suitafter.pending": "4", "t2.license.prev": "", "t3.new.natural": "2",
	} {
		if got[id] != want {
			t.Errorf("%s = %q, want %q", id, got[id], want)
		}
	}
}

func TestPrintedCellsRejectsOtherPDFs(t *testing.T) {
	f := app.FormatByID("2021")
	if _, err := PrintedCells([]byte("not a pdf"), f); err == nil {
		t.Error("no error for a non-PDF")
	}
	b, err := os.ReadFile("../../shared/samples/hongze-2024.pdf")
	if err != nil {
		t.Skip(err)
	}
	if _, err := PrintedCells(b, f); !errors.Is(err, ErrNoTextLayer) {
		t.Errorf("third-party PDF: %v, want ErrNoTextLayer", err)
	}
}

func BenchmarkPrintedCells(b *testing.B) {
	r := loadReport(b, "../app/testdata/xinjiang-2021.nianbao.json")
	_, pdf := renderFile(b, r, Options{})
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := PrintedCells(pdf, r.FormatDef()); err != nil {
			b.Fatal(err)
		}
	}
}
