package xlsx

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/app"
	"nianbao/importer"
	"nianbao/internal/officetest"
)

// TestImporterReadsTheWorkbookBack: the importer reads every exported
// workbook back to its cells, the totals as their formulas compute them.
func TestImporterReadsTheWorkbookBack(t *testing.T) {
	for _, rel := range officetest.Reports {
		t.Run(filepath.Base(rel), func(t *testing.T) {
			r := loadReport(t, rel)
			b, err := Bytes(r)
			if err != nil {
				t.Fatal(err)
			}
			res, err := importer.Import(context.Background(), "report.xlsx", b, importer.Options{Year: r.Year})
			if err != nil {
				t.Fatal(err)
			}
			want := r.Clone()
			app.Recompute(want)
			if d := officetest.DiffCells(want.Cells, res.Published); len(d) > 0 {
				t.Errorf("%d cells differ:\n%s", len(d), strings.Join(d, "\n"))
			}
		})
	}
}
