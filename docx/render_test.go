package docx

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"nianbao/app"
	"nianbao/docparts"
	"nianbao/internal/officetest"
	"nianbao/pdfout"
)

// TestLibreOfficeRenders converts three documents with LibreOffice in one
// run: every label and number of the tables reaches the page, and the page
// count is within one of the app's own PDF.
func TestLibreOfficeRenders(t *testing.T) {
	officetest.Soffice(t)
	dir := t.TempDir()
	cases := []struct {
		rel, style string
	}{
		{"pdfout/testdata/full-2021.nianbao.json", app.StyleGongwen},
		{"pdfout/testdata/full-2021.nianbao.json", app.StylePublic},
		{"pdfout/testdata/township-2019.nianbao.json", app.StylePublic},
	}
	var files []string
	for i, c := range cases {
		b, err := Bytes(loadReport(t, c.rel), Options{Style: c.style})
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, "doc"+string(rune('a'+i))+".docx")
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, p)
	}
	start := time.Now()
	officetest.Convert(t, "pdf", dir, files...)
	t.Logf("LibreOffice converted %d documents in %v", len(files), time.Since(start).Round(time.Millisecond))
	space := regexp.MustCompile(`\s+`)
	for i, c := range cases {
		r := loadReport(t, c.rel)
		pdf := strings.TrimSuffix(files[i], ".docx") + ".pdf"
		text := officetest.Text(t, pdf)
		have := map[rune]int{}
		for _, ch := range text {
			have[ch]++
		}
		need := map[rune]int{}
		for _, tab := range r.FormatDef().Tables {
			for _, it := range tab.Items {
				want := space.ReplaceAllString(it.Text, "")
				if it.CellID != "" {
					want = r.Cells[it.CellID]
				}
				// a label that wraps inside a narrow box is interleaved with
				// its neighbours in the text; its characters are counted
				if !fitsOneLine(tab, it, want) {
					for _, ch := range want {
						need[ch]++
					}
				} else if !strings.Contains(text, want) {
					t.Errorf("%s %s: %s r%d c%d %q not in the rendered text", c.rel, c.style, tab.Name, it.Row, it.Col, want)
				}
			}
		}
		for ch, n := range need {
			if have[ch] < n {
				t.Errorf("%s %s: %q rendered %d times, the wrapped labels hold it %d times", c.rel, c.style, ch, have[ch], n)
			}
		}
		marks := []string{"—1—", "—2—", r.Doc.Signature}
		if c.style == app.StyleGongwen {
			// typed from the fixture: 版头, 附注 and 版记
			marks = append(marks, "新绛县人民政府文件", "绛政〔2022〕3号", "签发人：王堃", "（此件主动公开）", "2022年1月18日印发")
		}
		for _, s := range marks {
			if !strings.Contains(text, s) {
				t.Errorf("%s %s: %q not rendered", c.rel, c.style, s)
			}
		}
		for _, h := range app.SectionHeadings {
			if !strings.Contains(text, h) {
				t.Errorf("%s %s: heading %q not rendered", c.rel, c.style, h)
			}
		}
		var own bytes.Buffer
		if err := pdfout.Render(&own, r, pdfout.Options{Style: c.style, Draft: true}); err != nil {
			t.Fatal(err)
		}
		ownPath := filepath.Join(dir, "own.pdf")
		if err := os.WriteFile(ownPath, own.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		got, want := officetest.Pages(t, pdf), officetest.Pages(t, ownPath)
		t.Logf("%s %s: LibreOffice %d pages, app PDF %d", filepath.Base(c.rel), c.style, got, want)
		if got < want-1 || got > want+1 {
			t.Errorf("%s %s: %d pages, the app's PDF has %d", c.rel, c.style, got, want)
		}
	}
}

// fitsOneLine reports whether a box's text fits on one line of its width at
// the table's size, less the padding.
func fitsOneLine(t *app.Table, it app.Item, text string) bool {
	sum, w := 0.0, 0.0
	for i, x := range t.Widths {
		sum += x
		if i >= it.Col && i < it.Col+it.ColSpan {
			w += x
		}
	}
	w = w*156/sum - 2
	return docparts.Width(text)*float64(tableSize(t))/2*25.4/72 <= w
}
