package importer

import (
	"bytes"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// ReadHTML reads a saved web page or a fragment in the charset it declares.
// The article is the smallest element holding the section headings; site
// headers, navigation and footers around it are dropped.
func ReadHTML(data []byte) (*Doc, error) { return readHTML(data, "") }

// readHTML reads a page whose transport may name its charset (a part of a
// .mht file); the page's own declaration is used otherwise.
func readHTML(data []byte, contentType string) (*Doc, error) {
	enc, _, _ := charset.DetermineEncoding(data, contentType)
	if enc != nil {
		if out, err := enc.NewDecoder().Bytes(data); err == nil {
			data = out
		}
	}
	root, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return nil, refuse("网页文件无法解析。", err)
	}
	doc := &Doc{}
	if t := pageTitle(root); t != "" {
		doc.addLine(t)
	}
	h := &htmlReader{doc: doc}
	h.walk(articleOf(root), 0)
	h.flush()
	if h.tooMany {
		return nil, refuse("网页中的表格过大，不像是一份年度报告，未导入。", nil)
	}
	return doc, nil
}

// pageTitle is the report title from <title> when it names a report.
func pageTitle(root *html.Node) string {
	var title string
	var find func(n *html.Node, depth int)
	find = func(n *html.Node, depth int) {
		if title != "" || depth > MaxXMLDepth {
			return
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Title {
			title = textOf(n, 0)
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			find(c, depth+1)
		}
	}
	find(root, 0)
	for _, part := range strings.FieldsFunc(title, func(r rune) bool { return r == '_' || r == '|' || r == '－' }) {
		if titleRe.MatchString(strings.ReplaceAll(strings.TrimSpace(part), " ", "")) {
			return strings.TrimSpace(part)
		}
	}
	return ""
}

// articleOf returns the lowest common ancestor of the nodes that hold
// section headings (or tables), or the body.
func articleOf(root *html.Node) *html.Node {
	var marks []*html.Node
	var tables []*html.Node
	var body *html.Node
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if depth > MaxXMLDepth {
			return
		}
		switch {
		case n.Type == html.ElementNode && n.DataAtom == atom.Body:
			body = n
		case n.Type == html.ElementNode && (n.DataAtom == atom.Script || n.DataAtom == atom.Style):
			return
		case n.Type == html.ElementNode && n.DataAtom == atom.Table:
			tables = append(tables, n)
			return
		case n.Type == html.TextNode:
			if _, ok := headingNumber(cleanCell(n.Data)); ok {
				marks = append(marks, n)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(root, 0)
	if len(marks) < 2 {
		marks = append(marks, tables...)
	}
	if len(marks) < 2 {
		if body != nil {
			return body
		}
		return root
	}
	lca := marks[0].Parent
	for _, m := range marks[1:] {
		for lca != nil && !contains(lca, m) {
			lca = lca.Parent
		}
	}
	if lca == nil {
		return root
	}
	return lca
}

func contains(a, b *html.Node) bool {
	for n := b; n != nil; n = n.Parent {
		if n == a {
			return true
		}
	}
	return false
}

type htmlReader struct {
	doc     *Doc
	line    strings.Builder
	tooMany bool
}

var blockAtoms = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Br: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Li: true, atom.Section: true, atom.Article: true, atom.Blockquote: true,
	atom.Pre: true, atom.Center: true, atom.Dd: true, atom.Dt: true, atom.Hr: true,
}

func (h *htmlReader) flush() {
	if s := strings.TrimSpace(strings.Join(strings.Fields(cleanCell(h.line.String())), " ")); s != "" {
		h.doc.addLine(s)
	}
	h.line.Reset()
}

func (h *htmlReader) walk(n *html.Node, depth int) {
	if depth > MaxXMLDepth || h.tooMany {
		return
	}
	switch n.Type {
	case html.TextNode:
		h.line.WriteString(n.Data)
		return
	case html.ElementNode:
		switch n.DataAtom {
		case atom.Script, atom.Style, atom.Noscript, atom.Head, atom.Iframe, atom.Template:
			return
		case atom.Table:
			h.flush()
			h.table(n, depth)
			return
		}
		if blockAtoms[n.DataAtom] {
			h.flush()
			defer h.flush()
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		h.walk(c, depth+1)
	}
}

// table builds the grid of one table, resolving rowspan and colspan; a table
// nested in a cell is read as a table of its own after this one.
func (h *htmlReader) table(tn *html.Node, depth int) {
	var trs []*html.Node
	var nested []*html.Node
	var collect func(n *html.Node, d int)
	collect = func(n *html.Node, d int) {
		if d > MaxXMLDepth {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.DataAtom {
			case atom.Tr:
				trs = append(trs, c)
			case atom.Thead, atom.Tbody, atom.Tfoot:
				collect(c, d+1)
			}
		}
	}
	collect(tn, depth)
	g := newGrid()
	for r, tr := range trs {
		for td := tr.FirstChild; td != nil; td = td.NextSibling {
			if td.Type != html.ElementNode || (td.DataAtom != atom.Td && td.DataAtom != atom.Th) {
				continue
			}
			text := cellText(td, depth+1, &nested)
			if !g.put(r, text, attrInt(td, "rowspan"), attrInt(td, "colspan")) {
				h.tooMany = true
				return
			}
		}
	}
	h.doc.addTable(g.table(len(trs)))
	for _, t := range nested {
		h.table(t, depth+1)
	}
}

func attrInt(n *html.Node, key string) int {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			v, err := strconv.Atoi(strings.TrimSpace(a.Val))
			if err == nil && v > 0 {
				return v
			}
		}
	}
	return 1
}

// cellText joins the text of a cell; the <p> and &nbsp; runs a web editor
// splits a cell into are joined without spaces between Han characters.
func cellText(n *html.Node, depth int, nested *[]*html.Node) string {
	var parts []string
	var walk func(n *html.Node, d int)
	walk = func(n *html.Node, d int) {
		if d > MaxXMLDepth {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				parts = append(parts, c.Data)
			case c.Type == html.ElementNode && c.DataAtom == atom.Table:
				*nested = append(*nested, c)
			case c.Type == html.ElementNode && (c.DataAtom == atom.Script || c.DataAtom == atom.Style):
			case c.Type == html.ElementNode:
				if blockAtoms[c.DataAtom] {
					parts = append(parts, "\n")
				}
				walk(c, d+1)
			}
		}
	}
	walk(n, depth)
	return joinCellParts(parts)
}

func textOf(n *html.Node, depth int) string {
	var b strings.Builder
	var walk func(n *html.Node, d int)
	walk = func(n *html.Node, d int) {
		if d > MaxXMLDepth {
			return
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, d+1)
		}
	}
	walk(n, depth)
	return strings.TrimSpace(b.String())
}

// joinCellParts joins text pieces: a space is kept only between two ASCII
// letters or digits ("1 234" stays apart for the number reader to join).
func joinCellParts(parts []string) string {
	var b strings.Builder
	for _, p := range parts {
		for _, f := range strings.Fields(cleanCell(strings.ReplaceAll(p, "\u00a0", " "))) {
			if b.Len() > 0 && isASCIIWord(lastRune(b.String())) && isASCIIWord(f[:1]) {
				b.WriteByte(' ')
			}
			b.WriteString(f)
		}
	}
	return b.String()
}

func isASCIIWord(s string) bool {
	if s == "" {
		return false
	}
	c := s[0]
	return c < 0x80 && (c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')
}

// grid places cells with spans; covered positions repeat the text.
type grid struct {
	rows  map[int]map[int]GridCell
	width int
	n     int
}

func newGrid() *grid { return &grid{rows: map[int]map[int]GridCell{}} }

const maxSpan = 64

// put places a cell at the first free position of row r.
func (g *grid) put(r int, text string, rowspan, colspan int) bool {
	rowspan, colspan = min(rowspan, maxSpan), min(colspan, maxSpan)
	if g.rows[r] == nil {
		g.rows[r] = map[int]GridCell{}
	}
	c := 0
	for {
		if _, taken := g.rows[r][c]; !taken {
			break
		}
		c++
	}
	for dr := 0; dr < rowspan; dr++ {
		row := g.rows[r+dr]
		if row == nil {
			row = map[int]GridCell{}
			g.rows[r+dr] = row
		}
		for dc := 0; dc < colspan; dc++ {
			g.n++
			if g.n > MaxCells {
				return false
			}
			row[c+dc] = GridCell{Text: text, Covered: dr > 0 || dc > 0, FromAbove: dr > 0}
		}
	}
	g.width = max(g.width, c+colspan)
	return true
}

// table returns the first nrows rows (a rowspan past the last row is cut).
func (g *grid) table(nrows int) *Table {
	t := &Table{Grid: true}
	for r := 0; r < nrows; r++ {
		row := make([]GridCell, g.width)
		for c := range row {
			row[c] = g.rows[r][c]
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}
