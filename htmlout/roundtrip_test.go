package htmlout

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/importer"
	"nianbao/internal/officetest"
)

// TestImporterReadsThePageBack: the importer's HTML reader turns every
// exported page back into the cells it was made from.
func TestImporterReadsThePageBack(t *testing.T) {
	for _, rel := range officetest.Reports {
		t.Run(filepath.Base(rel), func(t *testing.T) {
			r := loadReport(t, rel)
			page, err := Page(r, Options{})
			if err != nil {
				t.Fatal(err)
			}
			// the fragment is what «复制为网页» pastes into an editor
			frag, err := Fragment(r, Options{})
			if err != nil {
				t.Fatal(err)
			}
			for _, src := range []string{page, frag} {
				res, err := importer.Import(context.Background(), "report.html", []byte(src), importer.Options{Year: r.Year})
				if err != nil {
					t.Fatal(err)
				}
				if res.Format != r.Format {
					t.Errorf("format %s, want %s", res.Format, r.Format)
				}
				if d := officetest.DiffCells(r.Cells, res.Published); len(d) > 0 {
					t.Errorf("%d cells differ:\n%s", len(d), strings.Join(d, "\n"))
				}
			}
		})
	}
}
