package desk

import (
	"bytes"
	"fmt"
	"io"
	"strconv"

	"github.com/xuri/excelize/v2"

	"nianbao/app"
	"nianbao/pdfout"
	"nianbao/xlsx"
)

// WriteAggregatePDF prints the 汇总 report: the three tables with the sums,
// the units included and missing in section 六. A sum that fails the checker
// is printed as a draft, since it is not for publication as it stands.
func WriteAggregatePDF(w io.Writer, ag *Aggregate) error {
	return pdfout.Render(w, ag.Report, pdfout.Options{Draft: ag.Check.HasErrors()})
}

// Sheet names of the workbook.
const (
	SheetUnits    = "各单位数据"
	SheetFindings = "审核发现"
	SheetScope    = "汇总范围"
)

// WriteXLSX writes the workbook of a 汇总: the xlsx package's sheets of the
// summed report (one per table in the official layout, and its data sheet),
// then one row per unit and one column per cell ID, every finding, and the
// units included and missing.
func WriteXLSX(w io.Writer, b *Batch, ag *Aggregate) error {
	base, err := xlsx.Bytes(ag.Report)
	if err != nil {
		return err
	}
	x, err := excelize.OpenReader(bytes.NewReader(base))
	if err != nil {
		return fmt.Errorf("xlsx reopen: %w", err)
	}
	defer x.Close()
	f := ag.Report.FormatDef()
	if err := unitsSheet(x, f, b, ag); err != nil {
		return err
	}
	if err := findingsSheet(x, b, ag); err != nil {
		return err
	}
	if err := scopeSheet(x, ag); err != nil {
		return err
	}
	if _, err := x.WriteTo(w); err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	return nil
}

func cellName(col, row int) string {
	n, _ := excelize.CoordinatesToCellName(col, row)
	return n
}

// setValue stores a cell string as a number when it is one, exactly as
// written (no binary rounding in the file), else as text.
func setValue(x *excelize.File, sheet, at, raw string) error {
	v := app.ParseValue(raw)
	if v.State == app.Number {
		if n, err := strconv.ParseInt(v.Text, 10, 64); err == nil {
			return x.SetCellInt(sheet, at, n)
		}
		if fl, err := strconv.ParseFloat(v.Text, 64); err == nil {
			return x.SetCellFloat(sheet, at, fl, -1, 64)
		}
	}
	return x.SetCellStr(sheet, at, raw)
}

func unitsSheet(x *excelize.File, f *app.Format, b *Batch, ag *Aggregate) error {
	s := SheetUnits
	if _, err := x.NewSheet(s); err != nil {
		return fmt.Errorf("xlsx sheet %s: %w", s, err)
	}
	head := []string{"单位", "状态", "数据来源", "文件", "错误", "警告"}
	for i, h := range head {
		_ = x.SetCellStr(s, cellName(i+1, 1), h)
	}
	cells := f.Cells()
	for j, c := range cells {
		_ = x.SetCellStr(s, cellName(len(head)+j+1, 1), c.ID)
	}
	row := 2
	for _, u := range b.Units {
		_ = x.SetCellStr(s, cellName(1, row), u.Unit.Name)
		_ = x.SetCellStr(s, cellName(2, row), u.Status.Label())
		if u.Current != nil {
			_ = x.SetCellStr(s, cellName(3, row), u.Current.Source.Label(u.Current.Path))
			_ = x.SetCellStr(s, cellName(4, row), u.Current.Path)
			_ = x.SetCellInt(s, cellName(5, row), int64(u.Errors))
			_ = x.SetCellInt(s, cellName(6, row), int64(u.Warnings))
			if u.Current.Report.Format == f.ID {
				for j, c := range cells {
					if raw := u.Current.Report.Cells[c.ID]; raw != "" {
						if err := setValue(x, s, cellName(len(head)+j+1, row), raw); err != nil {
							return err
						}
					}
				}
			}
		}
		row++
	}
	_ = x.SetCellStr(s, cellName(1, row), ag.Report.Unit.Name)
	_ = x.SetCellStr(s, cellName(2, row), "汇总")
	for j, c := range cells {
		if raw := ag.Report.Cells[c.ID]; raw != "" {
			if err := setValue(x, s, cellName(len(head)+j+1, row), raw); err != nil {
				return err
			}
		}
	}
	_ = x.SetPanes(s, &excelize.Panes{Freeze: true, XSplit: 1, YSplit: 1, TopLeftCell: "B2", ActivePane: "bottomRight"})
	return nil
}

func findingsSheet(x *excelize.File, b *Batch, ag *Aggregate) error {
	s := SheetFindings
	if _, err := x.NewSheet(s); err != nil {
		return fmt.Errorf("xlsx sheet %s: %w", s, err)
	}
	for i, h := range []string{"单位", "状态", "级别", "规则", "位置", "值一", "值二", "说明"} {
		_ = x.SetCellStr(s, cellName(i+1, 1), h)
	}
	row := 2
	add := func(unit string, st string, f app.Finding) {
		sev := "警告"
		if f.Severity == app.Error {
			sev = "错误"
		}
		for i, v := range []string{unit, st, sev, f.Rule, f.Anchor, f.Left, f.Right, f.Message} {
			_ = x.SetCellStr(s, cellName(i+1, row), v)
		}
		row++
	}
	for _, u := range b.Units {
		if u.Current == nil {
			msg := "未报送"
			if u.Reason != "" {
				msg = u.Reason
			}
			add(u.Unit.Name, u.Status.Label(), app.Finding{Severity: app.Error, Message: msg})
			continue
		}
		for _, f := range u.Findings {
			add(u.Unit.Name, u.Status.Label(), f)
		}
	}
	for _, f := range ag.Check.Findings {
		add(ag.Report.Unit.Name, "汇总", f)
	}
	_ = x.SetColWidth(s, "H", "H", 90)
	return nil
}

func scopeSheet(x *excelize.File, ag *Aggregate) error {
	s := SheetScope
	if _, err := x.NewSheet(s); err != nil {
		return fmt.Errorf("xlsx sheet %s: %w", s, err)
	}
	choice := "全部已报送单位"
	if ag.OnlyPassing {
		choice = "只汇总审核通过的单位"
	}
	_ = x.SetCellStr(s, "A1", "汇总范围")
	_ = x.SetCellStr(s, "B1", choice)
	row := 2
	for _, part := range []struct {
		label string
		names []string
	}{{"纳入汇总", ag.Included}, {"未报送", ag.Missing}, {"已报送未纳入", ag.Excluded}} {
		for _, n := range part.names {
			_ = x.SetCellStr(s, cellName(1, row), part.label)
			_ = x.SetCellStr(s, cellName(2, row), n)
			row++
		}
	}
	return nil
}
