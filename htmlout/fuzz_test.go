package htmlout

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// FuzzHTMLText: whatever a report's text and cells hold, the page keeps
// its structure: one h1, three tables, no element the report did not ask for.
func FuzzHTMLText(f *testing.F) {
	r := loadReport(f, "pdfout/testdata/full-2021.nianbao.json")
	for _, s := range []string{"", "<script>x</script>", "</td></tr></table><table>", "&lt;&#0;\x00", "一、总体情况\n（一）主动公开。"} {
		f.Add(s, s)
	}
	f.Fuzz(func(t *testing.T, text, cell string) {
		c := r.Clone()
		c.Text.S1, c.Text.S6, c.Doc.Signature = text, text, text
		c.Cells["t3.new.natural"] = cell
		page, err := Page(c, Options{})
		if err != nil {
			t.Fatal(err)
		}
		doc, err := html.Parse(strings.NewReader(page))
		if err != nil {
			t.Fatal(err)
		}
		if n := len(all(doc, "h1")); n != 1 {
			t.Fatalf("%d h1", n)
		}
		if n := len(all(doc, "table")); n != 3 {
			t.Fatalf("%d tables", n)
		}
		for _, tag := range []string{"script", "img", "iframe", "a", "b"} {
			if len(all(doc, tag)) > 0 {
				t.Fatalf("<%s> from the report's text", tag)
			}
		}
	})
}
