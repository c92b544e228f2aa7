package importer

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/app"
	"nianbao/pdfout"
	"nianbao/xlsx"
)

// Round trips: each seed fixture and each hand-typed sample printed again —
// as a web page, as Word (LibreOffice), as Excel (the app's export) and as the
// app's PDF without its attachment — reads back to the same cells.

func roundTripReports(t *testing.T) map[string]*app.Report {
	out := map[string]*app.Report{}
	for _, s := range seedFiles {
		out[s.fixture] = loadFixture(t, s.fixture)
	}
	for _, name := range []string{"pingtan-2024", "hongze-2024"} {
		fx := loadCells(t, name)
		var year int
		fmt.Sscan(fx.year, &year)
		r := &app.Report{Format: fx.format, Year: year, Unit: app.Unit{Name: fx.unit, Level: app.LevelCounty},
			Cells: fx.cells, Doc: app.Doc{Style: app.StylePublic}}
		r.Text.S1 = "（一）主动公开\n本年度主动公开政府信息。"
		out[name] = r
	}
	return out
}

// reportHTML prints a report as a web page: title, the narrative, and the
// three tables laid out from the format declaration (rowspan/colspan as
// declared), blank cells as &nbsp;.
func reportHTML(r *app.Report) string {
	var b strings.Builder
	p := func(s string) { fmt.Fprintf(&b, "<p>%s</p>\n", html.EscapeString(s)) }
	b.WriteString("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + html.EscapeString(r.Title()) + "</title></head><body>\n")
	fmt.Fprintf(&b, "<h1>%s</h1>\n", html.EscapeString(r.Title()))
	lines := func(s string) {
		for _, l := range strings.Split(s, "\n") {
			if l != "" {
				p(l)
			}
		}
	}
	lines(r.Text.Preface)
	f := r.FormatDef()
	for i, h := range app.SectionHeadings {
		p(h)
		switch i {
		case 0:
			lines(r.Text.S1)
		case 1, 2, 3:
			t := f.Tables[i-1]
			b.WriteString("<table border=\"1\">\n")
			for row := 0; row < t.Rows; row++ {
				b.WriteString("<tr>")
				for _, it := range t.Items {
					if it.Row != row {
						continue
					}
					text := it.Text
					if it.CellID != "" {
						text = r.Cells[it.CellID]
					}
					if text == "" {
						text = "\u00a0"
					}
					fmt.Fprintf(&b, "<td rowspan=\"%d\" colspan=\"%d\"><p>%s</p></td>", it.RowSpan, it.ColSpan, html.EscapeString(text))
				}
				b.WriteString("</tr>\n")
			}
			b.WriteString("</table>\n")
		case 4:
			lines(r.Text.S5)
		case 5:
			lines(r.Text.S6)
		}
	}
	if r.Doc.Signature != "" {
		p(r.Doc.Signature)
	}
	b.WriteString("</body></html>\n")
	return b.String()
}

func checkRoundTrip(t *testing.T, name string, want *app.Report, res *Result) {
	t.Helper()
	if res.Format != want.Format {
		t.Errorf("%s: format %s, want %s", name, res.Format, want.Format)
	}
	if d := diffCells(want.Cells, res.Published); len(d) > 0 {
		t.Errorf("%s: %d cells differ:\n%s", name, len(d), strings.Join(d, "\n"))
	}
}

func TestRoundTripHTML(t *testing.T) {
	for name, rep := range roundTripReports(t) {
		res, err := Import(context.Background(), name+".html", []byte(reportHTML(rep)), Options{Year: rep.Year})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		checkRoundTrip(t, name, rep, res)
	}
}

func TestRoundTripXLSX(t *testing.T) {
	for name, rep := range roundTripReports(t) {
		data, err := xlsx.Bytes(rep)
		if err != nil {
			t.Fatalf("%s: export: %v", name, err)
		}
		res, err := Import(context.Background(), name+".xlsx", data, Options{Year: rep.Year})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		// The workbook prints every total as a formula of its terms.
		want := rep.Clone()
		app.Recompute(want)
		checkRoundTrip(t, name, want, res)
	}
}

// TestRoundTripDOCX converts the web pages to Word with LibreOffice, in one run.
func TestRoundTripDOCX(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("soffice (LibreOffice) is not installed; make setup installs libreoffice-writer-nogui")
	}
	if testing.Short() {
		t.Skip("LibreOffice conversion skipped in -short mode")
	}
	dir := t.TempDir()
	reps := roundTripReports(t)
	var inputs []string
	for name, rep := range reps {
		p := filepath.Join(dir, name+".html")
		if err := os.WriteFile(p, []byte(reportHTML(rep)), 0o644); err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, p)
	}
	args := append([]string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"), "--headless",
		"--convert-to", "docx:MS Word 2007 XML", "--outdir", dir}, inputs...)
	cmd := exec.Command(soffice, args...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	for name, rep := range reps {
		res, err := ImportFile(context.Background(), filepath.Join(dir, name+".docx"), Options{Year: rep.Year})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		checkRoundTrip(t, name, rep, res)
	}
}

// TestRoundTripPDF prints each report with the app and reads the printed
// text back, the attachment ignored.
func TestRoundTripPDF(t *testing.T) {
	for name, rep := range roundTripReports(t) {
		var buf bytes.Buffer
		err := pdfout.Render(&buf, rep, pdfout.Options{})
		var ce *pdfout.CheckError
		if errors.As(err, &ce) {
			buf.Reset()
			err = pdfout.Render(&buf, rep, pdfout.Options{Draft: true})
		}
		if err != nil {
			t.Fatalf("%s: render: %v", name, err)
		}
		doc, err := ReadPDF(context.Background(), buf.Bytes())
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		res, err := Recognise(doc, Options{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		checkRoundTrip(t, name, rep, res)
	}
}
