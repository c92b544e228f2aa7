package importer

import (
	"bytes"
	"strings"

	"github.com/xuri/excelize/v2"
)

// ReadXLSX reads every sheet of a workbook as tables (merged cells resolved
// into the grid); a one-cell row that is not a value is a text line, so
// titles and section headings in a sheet are read as text.
func ReadXLSX(data []byte) (*Doc, error) {
	zr, err := openZip(data, "Excel")
	if err != nil {
		return nil, err
	}
	if hasEntry(zr, "EncryptedPackage") {
		return nil, refuse("文件已加密（设置了打开密码），请在WPS或Excel中取消密码后另存再导入。", nil)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: MaxUnpacked, UnzipXMLSizeLimit: MaxUnpacked / 4})
	if err != nil {
		return nil, refuse("Excel文件已损坏或不是.xlsx文件，无法打开。", err)
	}
	defer f.Close()
	doc := &Doc{}
	cells := 0
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			return nil, refuse("Excel文件中的工作表“"+sheet+"”无法读取。", err)
		}
		width := 0
		for _, r := range rows {
			width = max(width, len(r))
			cells += len(r)
		}
		if cells > MaxCells {
			return nil, refuse("Excel文件中的表格过大，不像是一份年度报告，未导入。", nil)
		}
		grid := make([][]GridCell, len(rows))
		for i, r := range rows {
			grid[i] = make([]GridCell, width)
			for j, v := range r {
				grid[i][j] = GridCell{Text: strings.TrimSpace(v)}
			}
		}
		merges, _ := f.GetMergeCells(sheet)
		for _, m := range merges {
			c0, r0, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
			c1, r1, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
			if err1 != nil || err2 != nil {
				continue
			}
			text := strings.TrimSpace(m.GetCellValue())
			for r := r0 - 1; r < r1 && r < len(grid); r++ {
				for c := c0 - 1; c < c1 && c < width; c++ {
					grid[r][c] = GridCell{Text: text, Covered: r > r0-1 || c > c0-1, FromAbove: r > r0-1}
				}
			}
		}
		var tab *Table
		flush := func() {
			doc.addTable(tab)
			tab = nil
		}
		for _, row := range grid {
			filled, only := 0, ""
			for _, c := range row {
				if c.Text != "" && !c.Covered {
					filled++
					only = c.Text
				}
			}
			switch {
			case filled == 0:
				flush()
			case filled == 1 && classify(only) == cellLabel && isTextLine(only):
				flush()
				doc.addLine(only)
			default:
				if tab == nil {
					tab = &Table{Grid: true}
				}
				tab.Rows = append(tab.Rows, row)
			}
		}
		flush()
	}
	return doc, nil
}

// isTextLine: a one-cell row is read as text when it is a title, a section
// heading or running text, not a row label whose value cells are blank.
func isTextLine(s string) bool {
	if _, ok := headingNumber(s); ok {
		return true
	}
	return titleRe.MatchString(strings.ReplaceAll(s, " ", "")) || len([]rune(s)) > 40
}
