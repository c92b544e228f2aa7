package importer

import (
	"regexp"
	"sort"
	"strings"
	"unicode"

	"nianbao/app"
)

// rowSpec is one data row of a format's table, built from the declaration:
// its label path and its value cells in column order.
type rowSpec struct {
	table    string   // "t2", "t3", "t4"
	key      string   // row key of app.Cell.Row
	leaf     string   // the row's own label
	groups   []string // labels of the row-spanning groups it is in (表三)
	cells    []string // value cell IDs, left to right
	order    int      // position in the document order of all rows
	children []int    // a group label: the rows it spans, read when a source prints the group as one row
	grams    map[string]bool
	ordinal  string
	into     *rowSpec // a row of another format, read into this row of the format
}

// rowIndex is every data row of a format, in printing order.
type rowIndex struct {
	format *app.Format
	rows   []*rowSpec
}

// indexFormat reads the row labels of every table of the format from its
// declaration; nothing here names a row.
func indexFormat(f *app.Format) *rowIndex {
	ix := &rowIndex{format: f}
	for _, t := range f.Tables {
		first := make(map[int]*rowSpec)
		var order []int
		for _, it := range t.Items {
			if it.CellID == "" {
				continue
			}
			rs := first[it.Row]
			if rs == nil {
				c := f.Cell(it.CellID)
				rs = &rowSpec{table: t.Key, key: c.Row}
				first[it.Row] = rs
				order = append(order, it.Row)
			}
			rs.cells = append(rs.cells, it.CellID)
		}
		sort.Ints(order)
		var groups []*rowSpec
		for _, it := range t.Items {
			if it.CellID != "" || it.Header || it.Caption || it.Text == "" {
				continue
			}
			if rs := first[it.Row]; rs != nil && it.RowSpan == 1 {
				rs.leaf = it.Text
				continue
			}
			if it.RowSpan > 1 {
				g := &rowSpec{table: t.Key, leaf: it.Text}
				for r := it.Row; r < it.Row+it.RowSpan; r++ {
					if rs := first[r]; rs != nil {
						rs.groups = append(rs.groups, it.Text)
						g.cells = rs.cells // same column count
					}
				}
				g.key = "group:" + it.Text
				g.children = []int{it.Row, it.Row + it.RowSpan}
				groups = append(groups, g)
			}
		}
		pos := map[int]int{}
		for _, r := range order {
			rs := first[r]
			rs.order = len(ix.rows)
			pos[r] = rs.order
			ix.rows = append(ix.rows, rs)
		}
		for _, g := range groups {
			var kids []int
			for r := g.children[0]; r < g.children[1]; r++ {
				if p, ok := pos[r]; ok {
					kids = append(kids, p)
				}
			}
			g.children = kids
			g.order = -1
			if len(kids) > 0 {
				ix.rows = append(ix.rows, g)
			}
		}
	}
	for _, rs := range ix.rows {
		rs.grams = grams(rs.leaf)
		rs.ordinal = ordinalOf(rs.leaf)
	}
	return ix
}

// normLabel keeps the letters, digits and Han characters of a label, with
// full-width forms folded, so spacing and punctuation damage do not count.
func normLabel(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '０' && r <= '９':
			b.WriteRune(r - '０' + '0')
		case unicode.Is(unicode.Han, r) || unicode.IsDigit(r) || unicode.IsLetter(r):
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// grams returns the character bigrams of a label (the character itself for
// a one-character label).
func grams(s string) map[string]bool {
	rs := []rune(normLabel(s))
	g := map[string]bool{}
	if len(rs) == 1 {
		g[string(rs)] = true
	}
	for i := 0; i+1 < len(rs); i++ {
		g[string(rs[i:i+2])] = true
	}
	return g
}

// similarity is the mean of the share of the declared label's bigrams found
// in the source label and the share of the source's found in the declared.
func similarity(src, decl map[string]bool) float64 {
	if len(src) == 0 || len(decl) == 0 {
		return 0
	}
	n := 0
	for g := range decl {
		if src[g] {
			n++
		}
	}
	return (float64(n)/float64(len(decl)) + float64(n)/float64(len(src))) / 2
}

var ordinalRe = regexp.MustCompile(`(\d{1,2})\s*[.．、]|[(（]\s*([一二三四五六七八九十]{1,2})\s*[)）]|^\s*([一二三四五六七八九十]{1,2})\s*[、.．]`)

// ordinalOf returns the last item number of a label: "d3" for 3., "p三" for
// （三）, "t三" for 三、.
func ordinalOf(s string) string {
	m := ordinalRe.FindAllStringSubmatch(s, -1)
	if len(m) == 0 {
		return ""
	}
	last := m[len(m)-1]
	switch {
	case last[1] != "":
		return "d" + strings.TrimLeft(last[1], "0")
	case last[2] != "":
		return "p" + last[2]
	}
	return "t" + last[3]
}
