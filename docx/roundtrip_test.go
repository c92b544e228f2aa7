package docx

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/app"
	"nianbao/importer"
	"nianbao/internal/officetest"
)

// TestImporterReadsTheDocumentBack: the importer's Word reader turns every
// exported document, in both styles, back into the cells it was made from.
func TestImporterReadsTheDocumentBack(t *testing.T) {
	for _, rel := range officetest.Reports {
		r := loadReport(t, rel)
		for _, style := range []string{app.StyleGongwen, app.StylePublic} {
			t.Run(filepath.Base(rel)+"/"+style, func(t *testing.T) {
				b, err := Bytes(r, Options{Style: style})
				if err != nil {
					t.Fatal(err)
				}
				res, err := importer.Import(context.Background(), "report.docx", b, importer.Options{Year: r.Year})
				if err != nil {
					t.Fatal(err)
				}
				if res.Format != r.Format {
					t.Errorf("format %s, want %s", res.Format, r.Format)
				}
				if d := officetest.DiffCells(r.Cells, res.Published); len(d) > 0 {
					t.Errorf("%d cells differ:\n%s", len(d), strings.Join(d, "\n"))
				}
			})
		}
	}
}
