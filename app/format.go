// Package app holds the domain of the annual report: the official table
// formats as data, the report model, exact numbers and the checks. It imports
// no UI, SQL or PDF package; everything else is built from what is declared here.
package app

import (
	"fmt"
	"sort"
)

// Kind is the value kind of a table cell (formats.md §6.1).
type Kind uint8

const (
	// Int0 is a non-negative integer of at most 9 digits.
	Int0 Kind = iota
	// Int is an integer that may be negative (2019 本年增/减).
	Int
	// Money is a non-negative decimal with at most 4 places, in 万元 by default.
	Money
)

func (k Kind) String() string {
	switch k {
	case Int0:
		return "整数 ≥0"
	case Int:
		return "整数（可为负）"
	case Money:
		return "金额 ≥0，≤4 位小数"
	}
	return fmt.Sprintf("Kind(%d)", uint8(k))
}

// Cell is one value cell of a format, addressed by its cell ID.
type Cell struct {
	ID       string // e.g. "t3.denied.secret.natural"
	Table    string // "t2", "t3", "t4"
	Row      string // row or group key, e.g. "denied.secret"
	Col      string // column key, e.g. "natural"
	RowName  string // row name used in messages, e.g. "（三）不予公开 1.属于国家秘密"
	ColName  string // column name used in messages and sums, e.g. "其他"
	RowPath  string // full row label path, e.g. "三、本年度办理结果 › （三）不予公开 › 1.属于国家秘密"
	ColPath  string // full column label path
	Location string // location prefix of messages, e.g. "表三 结转下年度行 商业企业列"
	Kind     Kind
	Unit     string   // 件, 项, 个, 万元
	Sum      []string // terms of a computed cell; nil for an input cell
	Index    int      // canonical position within the format
}

// Computed reports whether the cell is a derived total.
func (c *Cell) Computed() bool { return c.Sum != nil }

// Item is one box of a table grid: a label, or the place of a value cell.
type Item struct {
	Row, Col         int
	RowSpan, ColSpan int
	Text             string // label text, verbatim; empty for a value box
	CellID           string // the value cell shown in this box; empty for a label
	Header           bool   // a column header label
	Caption          bool   // a 表二 block caption such as 第二十条第（一）项
}

// Table is the layout of one official table.
type Table struct {
	Key        string // "t2", "t3", "t4"
	Name       string // "表二"
	Heading    string // the section heading the table belongs to
	Cols, Rows int
	// HeaderRows leading grid rows repeat on every continuation page.
	HeaderRows int
	// Blocks are [start, end) grid row ranges that must stay on one page.
	Blocks [][2]int
	// Widths are the default printed column widths in mm (they sum to 156).
	Widths []float64
	Items  []Item
	Cells  []*Cell // value cells in canonical order
}

// Format is one official report format.
type Format struct {
	ID          string // "2019" or "2021", the `format` of the report file
	Name        string // "2021年格式"
	Notice      string // "国办公开办函〔2021〕30号"
	NoticeTitle string // the notice's full title as cited in a preface
	Tables      []*Table
	cells       []*Cell
	byID        map[string]*Cell
	results     []string // 表三 result row keys, （一） to （六）
}

// Cells returns every cell of the format in canonical order.
func (f *Format) Cells() []*Cell { return f.cells }

// Cell returns the cell with the given ID, or nil.
func (f *Format) Cell(id string) *Cell { return f.byID[id] }

// Table returns the table with the given key ("t2", "t3", "t4"), or nil.
func (f *Format) Table(key string) *Table {
	for _, t := range f.Tables {
		if t.Key == key {
			return t
		}
	}
	return nil
}

// ResultRows returns the 表三 row keys from （一）予以公开 to the last （六） row.
func (f *Format) ResultRows() []string { return f.results }

// Inputs returns the number of input cells of the format.
func (f *Format) Inputs() int {
	n := 0
	for _, c := range f.cells {
		if !c.Computed() {
			n++
		}
	}
	return n
}

// SectionHeadings are the six statutory headings, printed verbatim in both formats.
var SectionHeadings = [6]string{
	"一、总体情况",
	"二、主动公开政府信息情况",
	"三、收到和处理政府信息公开申请情况",
	"四、政府信息公开行政复议、行政诉讼情况",
	"五、存在的主要问题及改进情况",
	"六、其他需要报告的事项",
}

// S1SubHeads are the default level-2 sub-heads of section 一 (30号 notice).
var S1SubHeads = [5]string{"（一）主动公开", "（二）依申请公开", "（三）政府信息管理", "（四）政府信息公开平台建设", "（五）监督保障"}

var formats = map[string]*Format{}

// Formats returns the supported formats, oldest first.
func Formats() []*Format {
	out := make([]*Format, 0, len(formats))
	for _, f := range formats {
		out = append(out, f)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// FormatByID returns the format "2019" or "2021", or nil.
func FormatByID(id string) *Format { return formats[id] }

// FormatIDForYear names the format a report year must use, or "" for years
// before 2019, which are not supported.
func FormatIDForYear(year int) string {
	switch {
	case year < 2019:
		return ""
	case year <= 2020:
		return "2019"
	default:
		return "2021"
	}
}

// FormatForYear returns the format a report year must use.
func FormatForYear(year int) (*Format, error) {
	id := FormatIDForYear(year)
	if id == "" {
		return nil, fmt.Errorf("%d年度报告使用2019年以前的旧格式，本程序不支持", year)
	}
	return formats[id], nil
}

// register finishes a declared format: indexes its cells and checks the
// declaration, so a typo in the data fails at start-up, not in a report.
func register(f *Format) {
	f.byID = map[string]*Cell{}
	for _, t := range f.Tables {
		for _, c := range t.Cells {
			if f.byID[c.ID] != nil {
				panic("duplicate cell ID " + c.ID)
			}
			c.Index = len(f.cells)
			f.cells = append(f.cells, c)
			f.byID[c.ID] = c
		}
	}
	for _, c := range f.cells {
		for _, term := range c.Sum {
			if f.byID[term] == nil || f.byID[term].Index >= c.Index {
				panic("cell " + c.ID + " sums " + term + ", which is unknown or does not precede it")
			}
		}
	}
	for _, t := range f.Tables {
		checkGrid(t)
	}
	formats[f.ID] = f
}

// checkGrid panics when items overlap or leave a hole, or name an unknown cell.
func checkGrid(t *Table) {
	taken := make([][]bool, t.Rows)
	for i := range taken {
		taken[i] = make([]bool, t.Cols)
	}
	ids := map[string]bool{}
	for _, c := range t.Cells {
		ids[c.ID] = true
	}
	for _, it := range t.Items {
		if it.CellID != "" && !ids[it.CellID] {
			panic(t.Key + ": item names unknown cell " + it.CellID)
		}
		for r := it.Row; r < it.Row+it.RowSpan; r++ {
			for c := it.Col; c < it.Col+it.ColSpan; c++ {
				if r >= t.Rows || c >= t.Cols || taken[r][c] {
					panic(fmt.Sprintf("%s: item %q overlaps or leaves the grid at r%d c%d", t.Key, it.Text+it.CellID, r, c))
				}
				taken[r][c] = true
			}
		}
	}
	for r := range taken {
		for c := range taken[r] {
			if !taken[r][c] {
				panic(fmt.Sprintf("%s: grid hole at r%d c%d", t.Key, r, c))
			}
		}
	}
}
