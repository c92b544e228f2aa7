// Package xlsx writes the report's three tables as an Excel workbook: one
// sheet per table in the official layout (labels verbatim, merged header
// boxes, numbers as numbers, totals as =SUM formulas with their values
// cached) and a sheet «数据» with one row per cell for machines.
package xlsx

import (
	"bytes"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"nianbao/app"
	"nianbao/docparts"
)

// DataSheet is the name of the machine sheet; DataHeader its first row.
const DataSheet = "数据"

// DataHeader names the columns of the «数据» sheet.
var DataHeader = []string{"单元格ID", "表", "行", "列", "值"}

// Options control Write and Encode.
type Options struct {
	Draft bool // mark every table sheet 「草稿」
}

// Write writes the workbook of the report.
func Write(out io.Writer, r *app.Report, opt Options) error {
	b, err := Encode(r, opt)
	if err != nil {
		return err
	}
	if _, err := out.Write(b); err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	return nil
}

// Bytes returns the workbook of the report.
func Bytes(r *app.Report) ([]byte, error) { return Encode(r, Options{}) }

// Encode returns the workbook of the report with options.
func Encode(r *app.Report, opt Options) ([]byte, error) {
	if r == nil {
		return nil, fmt.Errorf("没有可导出的报告")
	}
	f := r.FormatDef()
	if f == nil {
		return nil, fmt.Errorf("报告格式“%s”不受支持，无法导出", r.Format)
	}
	// cached values are what the formulas compute, even in a report whose
	// stored totals are off
	calc := r.Clone()
	app.Recompute(calc)
	x := excelize.NewFile()
	defer x.Close()
	st, err := newStyles(x)
	if err != nil {
		return nil, err
	}
	for i, t := range f.Tables {
		if i == 0 {
			err = x.SetSheetName("Sheet1", t.Name)
		} else {
			_, err = x.NewSheet(t.Name)
		}
		if err != nil {
			return nil, fmt.Errorf("xlsx sheet %s: %w", t.Name, err)
		}
		// the stream writer takes the page setup from the sheet it starts on
		if err := printOnA4(x, t.Name); err != nil {
			return nil, fmt.Errorf("xlsx sheet %s: %w", t.Name, err)
		}
		if err := writeTable(x, st, f, t, calc, opt.Draft); err != nil {
			return nil, fmt.Errorf("xlsx sheet %s: %w", t.Name, err)
		}
	}
	if _, err := x.NewSheet(DataSheet); err != nil {
		return nil, fmt.Errorf("xlsx sheet %s: %w", DataSheet, err)
	}
	if err := writeData(x, st, f, calc); err != nil {
		return nil, fmt.Errorf("xlsx sheet %s: %w", DataSheet, err)
	}
	if err := x.SetDocProps(&excelize.DocProperties{Title: r.Title(), Creator: r.Unit.Name,
		Subject: fmt.Sprintf("%d年政府信息公开工作年度报告表格（%s）", r.Year, f.Name)}); err != nil {
		return nil, fmt.Errorf("xlsx properties: %w", err)
	}
	var buf bytes.Buffer
	if _, err := x.WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("xlsx: %w", err)
	}
	return buf.Bytes(), nil
}

// titleRows are the rows above the grid: the report's title, the table's name.
const titleRows = 2

// cellRef is the sheet address of grid row r, column c (both from 0).
func cellRef(r, c int) string {
	s, _ := excelize.CoordinatesToCellName(c+1, r+1+titleRows)
	return s
}

func writeTable(x *excelize.File, st *styles, f *app.Format, t *app.Table, r *app.Report, draft bool) error {
	sw, err := x.NewStreamWriter(t.Name)
	if err != nil {
		return err
	}
	for i, w := range t.Widths {
		// Excel's width unit is about one digit, 1.9 mm at 宋体 11 pt
		if err := sw.SetColWidth(i+1, i+1, max(4, w/1.9)); err != nil {
			return err
		}
	}
	pos := map[string][2]int{} // cell ID → grid position
	for _, it := range t.Items {
		if it.CellID != "" {
			pos[it.CellID] = [2]int{it.Row, it.Col}
		}
	}
	// the report's title on a row of its own names unit and year, for
	// whoever sums the workbooks and for the importer; then the table's name
	right1, _ := excelize.CoordinatesToCellName(t.Cols, 1)
	right2, _ := excelize.CoordinatesToCellName(t.Cols, 2)
	if err := sw.SetRow("A1", []any{excelize.Cell{StyleID: st.title, Value: r.Title()}}, excelize.RowOpts{Height: 24}); err != nil {
		return err
	}
	name := t.Name + "　" + t.Heading
	if draft {
		name += "（草稿）" // not on the title row, which must stay the title
	}
	if err := sw.SetRow("A2", []any{excelize.Cell{StyleID: st.heading, Value: name}}, excelize.RowOpts{Height: 20}); err != nil {
		return err
	}
	if err := sw.MergeCell("A1", right1); err != nil {
		return err
	}
	if err := sw.MergeCell("A2", right2); err != nil {
		return err
	}
	rows := make([][]any, t.Rows)
	for i := range rows {
		rows[i] = make([]any, t.Cols)
		for j := range rows[i] {
			rows[i][j] = excelize.Cell{StyleID: st.label} // borders of covered boxes
		}
	}
	for _, it := range t.Items {
		var c excelize.Cell
		switch {
		case it.CellID == "":
			c = excelize.Cell{StyleID: st.label, Value: it.Text}
			if docparts.Centered(it) {
				c.StyleID = st.header
			}
		default:
			c = valueCell(st, f.Cell(it.CellID), r, pos)
		}
		rows[it.Row][it.Col] = c
	}
	for i, row := range rows {
		if err := sw.SetRow(cellRef(i, 0), row, excelize.RowOpts{Height: rowHeight(t, i)}); err != nil {
			return err
		}
	}
	for _, it := range t.Items {
		if it.RowSpan > 1 || it.ColSpan > 1 {
			if err := sw.MergeCell(cellRef(it.Row, it.Col), cellRef(it.Row+it.RowSpan-1, it.Col+it.ColSpan-1)); err != nil {
				return err
			}
		}
	}
	return sw.Flush()
}

// valueCell is a number, a formula over its terms with the value cached, or
// the text of a cell that holds no number.
func valueCell(st *styles, c *app.Cell, r *app.Report, pos map[string][2]int) excelize.Cell {
	v := r.Value(c.ID)
	out := excelize.Cell{StyleID: st.text}
	if v.State == app.Number {
		out.Value, out.StyleID = number(v.Text), st.number(v.Text, c.Computed())
	} else if v.State == app.NotNumber {
		out.Value = v.Raw
	}
	if c.Computed() {
		var refs [][2]int
		for _, term := range c.Sum {
			refs = append(refs, pos[term])
		}
		out.Formula = "SUM(" + sumArgs(refs) + ")"
		if out.Value == nil {
			out.Value, out.StyleID = 0, st.number("0", true)
		}
	}
	return out
}

// number is the int64 or float64 of a canonical number string.
func number(s string) any {
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		return n
	}
	f, _ := strconv.ParseFloat(s, 64)
	return f
}

// sumArgs writes the terms as one range when they are a contiguous row or
// column, else as a list.
func sumArgs(refs [][2]int) string {
	sort.Slice(refs, func(i, j int) bool {
		if refs[i][0] != refs[j][0] {
			return refs[i][0] < refs[j][0]
		}
		return refs[i][1] < refs[j][1]
	})
	contiguous := len(refs) > 1
	for i := 1; i < len(refs) && contiguous; i++ {
		a, b := refs[i-1], refs[i]
		sameRow := a[0] == b[0] && b[1] == a[1]+1 && b[0] == refs[0][0]
		sameCol := a[1] == b[1] && b[0] == a[0]+1 && b[1] == refs[0][1]
		contiguous = sameRow || sameCol
	}
	if contiguous {
		return cellRef(refs[0][0], refs[0][1]) + ":" + cellRef(refs[len(refs)-1][0], refs[len(refs)-1][1])
	}
	var parts []string
	for _, p := range refs {
		parts = append(parts, cellRef(p[0], p[1]))
	}
	return strings.Join(parts, ",")
}

// rowHeight fits the wrapped labels of a row: a Han character is about two
// width units at 11 pt, a line 14.25 pt.
func rowHeight(t *app.Table, row int) float64 {
	lines := 1
	for _, it := range t.Items {
		if it.Row != row || it.RowSpan != 1 || it.Text == "" {
			continue
		}
		w := 0.0
		for c := it.Col; c < it.Col+it.ColSpan; c++ {
			w += max(4, t.Widths[c]/1.9)
		}
		if n := int(docparts.Width(it.Text)*2/(w-1)) + 1; n > lines {
			lines = n
		}
	}
	return float64(lines)*14.25 + 6
}

// writeData writes one row per cell of the format: ID, table, row path,
// column path and value, numbers as numbers.
func writeData(x *excelize.File, st *styles, f *app.Format, r *app.Report) error {
	sw, err := x.NewStreamWriter(DataSheet)
	if err != nil {
		return err
	}
	for i, w := range []float64{30, 8, 50, 30, 12} {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return err
		}
	}
	head := make([]any, len(DataHeader))
	for i, h := range DataHeader {
		head[i] = excelize.Cell{StyleID: st.header, Value: h}
	}
	if err := sw.SetRow("A1", head); err != nil {
		return err
	}
	for i, c := range f.Cells() {
		val := excelize.Cell{StyleID: st.text}
		switch v := r.Value(c.ID); v.State {
		case app.Number:
			val = excelize.Cell{StyleID: st.number(v.Text, false), Value: number(v.Text)}
		case app.NotNumber:
			val.Value = v.Raw
		}
		name := f.Table(c.Table).Name
		row := []any{
			excelize.Cell{StyleID: st.text, Value: c.ID}, excelize.Cell{StyleID: st.text, Value: name},
			excelize.Cell{StyleID: st.text, Value: c.RowPath}, excelize.Cell{StyleID: st.text, Value: c.ColPath}, val,
		}
		ref, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(ref, row); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// printOnA4 prints a table sheet on A4 portrait, one page wide.
func printOnA4(x *excelize.File, sheet string) error {
	fit, a4, portrait, wide, tall := true, 9, "portrait", 1, 0
	if err := x.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	return x.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &a4, Orientation: &portrait, FitToWidth: &wide, FitToHeight: &tall})
}
