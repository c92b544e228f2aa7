package pdfout

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"

	"nianbao/app"
)

// Limits of the text-layer reader: a printed report has 6–12 pages.
const (
	maxTextPages   = 200
	maxTextContent = 16 << 20 // decoded content bytes over all pages
)

// ErrNoTextLayer means the PDF's pages could not be read as this package
// writes them (another tool re-wrote the file, or it is not ours).
var ErrNoTextLayer = errors.New("PDF 正文的文字层无法按年报助手的格式读取，无法与内嵌数据比对")

// PrintedCells reads back what the table value boxes of a PDF written by
// Render show: cell ID → printed text ("" for an empty box). It decodes the
// page content streams itself (no PDF engine), which costs about a
// millisecond per report, so received PDFs can all be compared with their
// embedded data. A box printed twice (a fragment across a page break) with
// different texts yields both, joined by " / ".
func PrintedCells(pdf []byte, f *app.Format) (map[string]string, error) {
	if f == nil {
		return nil, errors.New("未知的报告格式")
	}
	pages, err := contentStreams(pdf)
	if err != nil {
		return nil, err
	}
	var boxes []pbox
	seg := 0
	for pi, content := range pages {
		seg++ // a new page starts a new table segment
		bs, err := pageBoxes(content, pi, &seg)
		if err != nil {
			return nil, fmt.Errorf("第%d页：%w", pi+1, err)
		}
		boxes = append(boxes, bs...)
	}
	if len(boxes) == 0 {
		return nil, ErrNoTextLayer
	}
	left, right := math.Inf(1), math.Inf(-1)
	for _, b := range boxes {
		left, right = math.Min(left, b.x0), math.Max(right, b.x1)
	}
	var segs [][]pbox
	for start := 0; start < len(boxes); {
		end := start + 1
		for end < len(boxes) && boxes[end].seg == boxes[start].seg {
			end++
		}
		segs = append(segs, boxes[start:end])
		start = end
	}
	// A fragment that draws every column edge of its table teaches the
	// table's edges (which follow a column widened for a long number); a
	// fragment that draws fewer — a header alone at a page foot — is read
	// with those, else with the format's default widths.
	found := make([][]app.Item, len(segs))
	learned := map[*app.Table][]float64{}
	for i, b := range segs {
		drawn := boxEdges(b)
		found[i] = alignSegment(f, b, func(t *app.Table) [][]float64 {
			if len(drawn) == len(t.Widths)+1 {
				return [][]float64{drawn}
			}
			return nil
		}, learned)
	}
	for i, b := range segs {
		if found[i] != nil {
			continue
		}
		found[i] = alignSegment(f, b, func(t *app.Table) [][]float64 {
			var c [][]float64
			if e, ok := learned[t]; ok {
				c = append(c, e)
			}
			return append(c, columnEdges(t, left, right))
		}, nil)
		if found[i] == nil {
			return nil, fmt.Errorf("第%d页的表格与%s不符：%w", b[0].page+1, f.Name, ErrNoTextLayer)
		}
	}
	out := map[string]string{}
	for i, items := range found {
		for k, it := range items {
			if it.CellID == "" {
				continue
			}
			got := segs[i][k].text
			if prev, seen := out[it.CellID]; seen && prev != got {
				got = prev + " / " + got
			}
			out[it.CellID] = got
		}
	}
	return out, nil
}

// contentStreams returns the decoded content of each page in page order.
func contentStreams(pdf []byte) ([][]byte, error) {
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		return nil, errors.New("文件不是 PDF 文件")
	}
	f, root, err := openTextFile(pdf)
	if err != nil {
		return nil, err
	}
	var pages [][]byte
	budget := maxTextContent
	var walk func(node txtDict, depth int) error
	walk = func(node txtDict, depth int) error {
		if node == nil || depth > 16 {
			return ErrNoTextLayer
		}
		if node["Type"] == txtName("Page") {
			if len(pages) >= maxTextPages {
				return fmt.Errorf("PDF 超过%d页，拒绝读取", maxTextPages)
			}
			var page []byte
			refs, isArr := f.resolve(node["Contents"]).([]any)
			if !isArr {
				refs = []any{node["Contents"]}
			}
			for _, ref := range refs {
				st, ok := f.resolve(ref).(txtStream)
				if !ok {
					return ErrNoTextLayer
				}
				data, err := f.inflate(st, budget)
				if err != nil {
					return err
				}
				budget -= len(data)
				page = append(page, data...)
				page = append(page, '\n')
			}
			pages = append(pages, page)
			return nil
		}
		kids, ok := f.resolve(node["Kids"]).([]any)
		if !ok {
			return ErrNoTextLayer
		}
		for _, k := range kids {
			kid, _ := f.resolve(k).(txtDict)
			if err := walk(kid, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	pagesRoot, _ := f.resolve(root["Pages"]).(txtDict)
	if err := walk(pagesRoot, 0); err != nil {
		return nil, err
	}
	return pages, nil
}

// pbox is one stroked rectangle of a table with the text drawn inside it.
type pbox struct {
	page, seg      int
	x0, x1, y0, y1 float64 // points, y upwards
	text           string
}

// pageBoxes tokenises one content stream. Text drawn under a transformation
// (the draft watermark) is skipped; text outside every box (a heading, a
// page number) ends the current table segment.
func pageBoxes(content []byte, page int, seg *int) ([]pbox, error) {
	var boxes []pbox
	var nums []float64
	var str []byte
	var tx, ty float64
	transformed := []bool{false}
	lx := &txtScanner{b: content}
	for {
		lx.skip()
		if lx.i >= len(content) {
			break
		}
		c := content[lx.i]
		switch {
		case c == '<' || c == '(':
			v, err := lx.value(0)
			if err != nil {
				return nil, ErrNoTextLayer
			}
			s, _ := v.(string)
			str = []byte(s)
			continue
		case c == '[' || c == '/':
			if _, err := lx.value(0); err != nil {
				return nil, ErrNoTextLayer
			}
			nums = nums[:0]
			continue
		}
		kw := lx.token()
		if len(kw) == 0 {
			lx.i++
			continue
		}
		if c := kw[0]; c >= '0' && c <= '9' || c == '-' || c == '.' || c == '+' {
			if n, ok := plainNumber(kw); ok {
				nums = append(nums, n)
			}
			continue
		}
		switch string(kw) {
		case "q":
			transformed = append(transformed, transformed[len(transformed)-1])
		case "Q":
			if len(transformed) > 1 {
				transformed = transformed[:len(transformed)-1]
			}
		case "cm":
			transformed[len(transformed)-1] = true
		case "re":
			if len(nums) >= 4 {
				x, y, w, h := nums[len(nums)-4], nums[len(nums)-3], nums[len(nums)-2], nums[len(nums)-1]
				boxes = append(boxes, pbox{page: page, seg: *seg,
					x0: math.Min(x, x+w), x1: math.Max(x, x+w), y0: math.Min(y, y+h), y1: math.Max(y, y+h)})
			}
		case "Td":
			if len(nums) >= 2 {
				tx, ty = nums[len(nums)-2], nums[len(nums)-1]
			}
		case "Tj":
			if transformed[len(transformed)-1] {
				break
			}
			n := len(boxes)
			if n > 0 && boxes[n-1].contains(tx, ty) {
				boxes[n-1].text += decodeShown(str)
			} else if n > 0 && boxes[n-1].seg == *seg {
				*seg++
			}
		case "BT":
			tx, ty = 0, 0
		}
		nums = nums[:0]
	}
	return boxes, nil
}

// plainNumber parses the numbers a content stream holds ("-12.5"), without
// the allocation of strconv on a byte slice; others go through strconv.
func plainNumber(b []byte) (float64, bool) {
	neg, i := false, 0
	if b[0] == '-' || b[0] == '+' {
		neg, i = b[0] == '-', 1
	}
	n, frac, scale, digits := 0.0, false, 1.0, 0
	for ; i < len(b); i++ {
		switch c := b[i]; {
		case c >= '0' && c <= '9':
			digits++
			if frac {
				scale /= 10
				n += float64(c-'0') * scale
			} else {
				n = n*10 + float64(c-'0')
			}
		case c == '.' && !frac:
			frac = true
		default:
			f, err := strconv.ParseFloat(string(b), 64)
			return f, err == nil
		}
	}
	if digits == 0 {
		return 0, false
	}
	if neg {
		n = -n
	}
	return n, true
}

func (b *pbox) contains(x, y float64) bool {
	const slack = 1.0
	return x >= b.x0-slack && x <= b.x1+slack && y >= b.y0-slack && y <= b.y1+slack
}

// decodeShown decodes a shown string: the writer's Unicode fonts show
// UTF-16BE code units.
func decodeShown(s []byte) string {
	u := make([]uint16, 0, len(s)/2)
	for i := 0; i+1 < len(s); i += 2 {
		u = append(u, uint16(s[i])<<8|uint16(s[i+1]))
	}
	return string(utf16.Decode(u))
}

// alignSegment matches the boxes of one page fragment of a table to the
// grid items it must show, box i showing item i. drawSegment draws, in
// item order, every item that touches the header rows or the fragment's
// rows [a, b); the fragment is the (table, a, b) whose columns and labels
// all agree with the boxes, columns placed by one of the candidate edge
// lists of the table. The edges that matched are recorded in learn when it
// is not nil. nil when nothing matches.
func alignSegment(f *app.Format, boxes []pbox, candidates func(*app.Table) [][]float64, learn map[*app.Table][]float64) []app.Item {
	for _, t := range f.Tables {
		for _, edges := range candidates(t) {
			if items := alignWith(t, boxes, edges); items != nil {
				if learn != nil {
					learn[t] = edges
				}
				return items
			}
		}
	}
	return nil
}

func alignWith(t *app.Table, boxes []pbox, edges []float64) []app.Item {
	cols := make([][2]int, len(boxes))
	for i, b := range boxes {
		c0, c1 := nearest(edges, b.x0), nearest(edges, b.x1)
		if c0 < 0 || c1 <= c0 {
			return nil
		}
		cols[i] = [2]int{c0, c1 - c0}
	}
	for a := t.HeaderRows; a < t.Rows; a++ {
		n := headerItems(t)
		for bEnd := a + 1; bEnd <= t.Rows && n <= len(boxes); bEnd++ {
			n += newItems(t, a, bEnd)
			if n != len(boxes) {
				continue
			}
			if items := fragmentItems(t, a, bEnd); itemsMatch(items, boxes, cols) {
				return items
			}
		}
	}
	return nil
}

func headerItems(t *app.Table) int {
	n := 0
	for _, it := range t.Items {
		if it.Row < t.HeaderRows {
			n++
		}
	}
	return n
}

// newItems counts the body items a fragment [a, b) has that [a, b-1) had not.
func newItems(t *app.Table, a, b int) int {
	n := 0
	for _, it := range t.Items {
		if it.Row < t.HeaderRows {
			continue
		}
		if b == a+1 && it.Row <= a && it.Row+it.RowSpan > a || b > a+1 && it.Row == b-1 {
			n++
		}
	}
	return n
}

func columnEdges(t *app.Table, left, right float64) []float64 {
	sum := 0.0
	for _, w := range t.Widths {
		sum += w
	}
	edges := []float64{left}
	x := left
	for _, w := range t.Widths {
		x += w * (right - left) / sum
		edges = append(edges, x)
	}
	return edges
}

// boxEdges returns the distinct left and right edges of the boxes, in
// order, edges less than 1pt apart taken as one.
func boxEdges(boxes []pbox) []float64 {
	xs := make([]float64, 0, 2*len(boxes))
	for _, b := range boxes {
		xs = append(xs, b.x0, b.x1)
	}
	slices.Sort(xs)
	var edges []float64
	for _, x := range xs {
		if len(edges) == 0 || x-edges[len(edges)-1] >= 1 {
			edges = append(edges, x)
		}
	}
	return edges
}

// nearest returns the index of the edge within 1pt of x, or -1.
func nearest(edges []float64, x float64) int {
	for i, e := range edges {
		if math.Abs(e-x) < 1 {
			return i
		}
	}
	return -1
}

func fragmentItems(t *app.Table, a, b int) []app.Item {
	var out []app.Item
	for _, it := range t.Items {
		top, end := it.Row, it.Row+it.RowSpan
		if top < t.HeaderRows || (top < b && end > a) {
			out = append(out, it)
		}
	}
	return out
}

func itemsMatch(items []app.Item, boxes []pbox, cols [][2]int) bool {
	for i, it := range items {
		if cols[i] != [2]int{it.Col, it.ColSpan} {
			return false
		}
		if it.CellID == "" && squeeze(it.Text) != squeeze(boxes[i].text) {
			return false
		}
	}
	return true
}

func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '\n' || r == '\t' || r == '\u3000' {
			return -1
		}
		return r
	}, s)
}
