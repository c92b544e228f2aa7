package htmlout

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"nianbao/app"
	"nianbao/docparts"
	"nianbao/internal/officetest"
)

// loadReport is officetest.LoadReport, shared by the exporters' tests.
var loadReport = officetest.LoadReport

func text(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

func all(n *html.Node, tag string) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == tag {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

func attrOf(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// grid places the boxes of an HTML table by the HTML table model: each
// cell takes the first free slot of its row, and its spans reserve slots.
func grid(tbl *html.Node) map[[2]int]string {
	out := map[[2]int]string{}
	taken := map[[2]int]bool{}
	for r, tr := range all(tbl, "tr") {
		c := 0
		for n := tr.FirstChild; n != nil; n = n.NextSibling {
			if n.Type != html.ElementNode || n.Data != "td" && n.Data != "th" {
				continue
			}
			for taken[[2]int{r, c}] {
				c++
			}
			rs, cs := 1, 1
			if v := attrOf(n, "rowspan"); v != "" {
				rs, _ = strconv.Atoi(v)
			}
			if v := attrOf(n, "colspan"); v != "" {
				cs, _ = strconv.Atoi(v)
			}
			out[[2]int{r, c}] = text(n)
			for i := r; i < r+rs; i++ {
				for j := c; j < c+cs; j++ {
					taken[[2]int{i, j}] = true
				}
			}
			c += cs
		}
	}
	return out
}

func TestPageStructure(t *testing.T) {
	for _, rel := range officetest.Reports {
		t.Run(filepath.Base(rel), func(t *testing.T) {
			r := loadReport(t, rel)
			page, err := Page(r, Options{})
			if err != nil {
				t.Fatal(err)
			}
			doc, err := html.Parse(strings.NewReader(page))
			if err != nil {
				t.Fatal(err)
			}
			for _, tag := range []string{"script", "style", "link", "img", "iframe", "object"} {
				if n := all(doc, tag); len(n) > 0 {
					t.Errorf("the page has <%s>", tag)
				}
			}
			for _, low := range []string{"src=", "href=", "javascript:", "url("} {
				if strings.Contains(strings.ToLower(page), low) {
					t.Errorf("the page refers to something outside: %s", low)
				}
			}
			if m := all(doc, "meta"); len(m) < 2 || attrOf(m[0], "charset") != "utf-8" || attrOf(m[1], "name") != "viewport" {
				t.Error("no UTF-8 charset and viewport meta")
			}
			h1 := all(doc, "h1")
			if len(h1) != 1 || strings.ReplaceAll(text(h1[0]), "\n", "") != r.Title() {
				t.Errorf("title: %d h1", len(h1))
			}
			var heads []string
			for _, h := range all(doc, "h2") {
				heads = append(heads, text(h))
			}
			for _, h := range app.SectionHeadings {
				if !strings.Contains(strings.Join(heads, "|"), h) {
					t.Errorf("section heading %q missing", h)
				}
			}
			tbls := all(doc, "table")
			f := r.FormatDef()
			if len(tbls) != len(f.Tables) {
				t.Fatalf("%d tables, want %d", len(tbls), len(f.Tables))
			}
			for i, tab := range f.Tables {
				g := grid(tbls[i])
				for _, it := range tab.Items {
					want := it.Text
					if it.CellID != "" {
						want = r.Cells[it.CellID]
					}
					if got := g[[2]int{it.Row, it.Col}]; got != want {
						t.Errorf("%s r%d c%d: %q, want %q", tab.Name, it.Row, it.Col, got, want)
					}
				}
				if len(g) != len(tab.Items) {
					t.Errorf("%s: %d boxes, want %d", tab.Name, len(g), len(tab.Items))
				}
				for _, td := range append(all(tbls[i], "td"), all(tbls[i], "th")...) {
					if !strings.Contains(attrOf(td, "style"), "border:1px solid #000") {
						t.Errorf("%s: a box without an inline border", tab.Name)
						break
					}
				}
			}
			// the last paragraphs are 署名 and date, when the report has them
			var closing []string
			for _, s := range []string{r.Doc.Signature, docparts.CNDate(r.Doc.Date)} {
				if s != "" {
					closing = append(closing, s)
				}
			}
			ps := all(doc, "p")
			for i, want := range closing {
				p := ps[len(ps)-len(closing)+i]
				if got := text(p); got != want {
					t.Errorf("closing line %d %q, want %q", i, got, want)
				}
				if !strings.Contains(attrOf(p, "style"), "text-align:right") {
					t.Errorf("closing line %q not right-aligned", text(p))
				}
			}
		})
	}
}

// TestFullReport checks values typed from the fixture.
func TestFullReport(t *testing.T) {
	r := loadReport(t, "pdfout/testdata/full-2021.nianbao.json")
	page, err := Page(r, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{
		`<title>新绛县人民政府2021年政府信息公开工作年度报告</title>`,
		`新绛县人民政府<br>2021年政府信息公开工作年度报告</h1>`,
		`data-cell="t3.new.total" style="border:1px solid #000;padding:2px 4px;vertical-align:middle;font-weight:normal;text-align:center;">35</td>`,
		`<th rowspan="3" colspan="3"`, // the 表三 corner box
		`>2022年1月18日</p>`,
	} {
		if !strings.Contains(page, s) {
			t.Errorf("page lacks %s", s)
		}
	}
	if strings.Contains(page, "签发人") || strings.Contains(page, "抄送") || strings.Contains(page, "18日印发") {
		t.Error("the web page carries the 版头 or 版记")
	}
}

func TestHostileText(t *testing.T) {
	r := loadReport(t, "pdfout/testdata/full-2021.nianbao.json")
	r.Text.S6 = `<script>alert(1)</script><img src=x onerror=alert(1)>&amp;`
	r.Cells["t3.new.natural"] = `"><b>`
	page, err := Page(r, Options{})
	if err != nil {
		t.Fatal(err)
	}
	doc, _ := html.Parse(strings.NewReader(page))
	if len(all(doc, "script")) > 0 || len(all(doc, "img")) > 0 || len(all(doc, "b")) > 0 {
		t.Fatal("report text became markup")
	}
	if !strings.Contains(text(doc), `<script>alert(1)</script><img src=x onerror=alert(1)>&amp;`) {
		t.Error("the text is not shown as typed")
	}
}
