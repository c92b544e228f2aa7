package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"nianbao/app"
	"nianbao/internal/officetest"
)

// loadReport is officetest.LoadReport, shared by the exporters' tests.
var loadReport = officetest.LoadReport

func open(t *testing.T, b []byte) *excelize.File {
	t.Helper()
	x, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("excelize cannot open the workbook: %v", err)
	}
	t.Cleanup(func() { x.Close() })
	return x
}

// TestWorkbookFromDeclarations reopens every exported report: sheet names,
// merged boxes, labels, values and formulas follow the format's items.
func TestWorkbookFromDeclarations(t *testing.T) {
	for _, rel := range officetest.Reports {
		t.Run(filepath.Base(rel), func(t *testing.T) {
			r := loadReport(t, rel)
			b, err := Bytes(r)
			if err != nil {
				t.Fatal(err)
			}
			x := open(t, b)
			if got := strings.Join(x.GetSheetList(), ","); got != "表二,表三,表四,数据" {
				t.Fatalf("sheets %s", got)
			}
			if v, _ := x.GetCellValue("表三", "A1"); v != r.Title() {
				t.Errorf("表三 A1 = %q, want the report's title", v)
			}
			f := r.FormatDef()
			calc := r.Clone()
			app.Recompute(calc)
			for _, tab := range f.Tables {
				merged := map[string]bool{}
				mc, err := x.GetMergeCells(tab.Name)
				if err != nil {
					t.Fatal(err)
				}
				for _, m := range mc {
					merged[m.GetStartAxis()+":"+m.GetEndAxis()] = true
				}
				want := 2 // the title rows
				for _, it := range tab.Items {
					top := cellRef(it.Row, it.Col)
					if it.RowSpan > 1 || it.ColSpan > 1 {
						want++
						if span := top + ":" + cellRef(it.Row+it.RowSpan-1, it.Col+it.ColSpan-1); !merged[span] {
							t.Errorf("%s: box %s not merged", tab.Name, span)
						}
					}
					got, _ := x.GetCellValue(tab.Name, top)
					switch {
					case it.CellID == "":
						if got != it.Text {
							t.Errorf("%s %s: %q, want label %q", tab.Name, top, got, it.Text)
						}
					case f.Cell(it.CellID).Computed():
						if got != calc.Cells[it.CellID] {
							t.Errorf("%s %s: total %q, want %q", tab.Name, top, got, calc.Cells[it.CellID])
						}
						if fm, _ := x.GetCellFormula(tab.Name, top); !strings.HasPrefix(fm, "SUM(") {
							t.Errorf("%s %s: formula %q", tab.Name, top, fm)
						}
					default:
						if got != r.Cells[it.CellID] {
							t.Errorf("%s %s: %q, want %q", tab.Name, top, got, r.Cells[it.CellID])
						}
					}
				}
				if len(mc) != want {
					t.Errorf("%s: %d merged ranges, want %d", tab.Name, len(mc), want)
				}
			}
			rows, err := x.GetRows(DataSheet)
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != len(f.Cells())+1 || strings.Join(rows[0], ",") != "单元格ID,表,行,列,值" {
				t.Fatalf("数据: %d rows, header %v", len(rows), rows[0])
			}
			for i, c := range f.Cells() {
				row := append(rows[i+1], "", "", "", "", "")
				if row[0] != c.ID || row[2] != c.RowPath || row[3] != c.ColPath || row[4] != calc.Cells[c.ID] {
					t.Errorf("数据 row %d: %v, want %s %s", i+2, row[:5], c.ID, calc.Cells[c.ID])
				}
			}
		})
	}
}

// TestFormulasAndCachedValues reads the sheet XML of the full report: the
// totals are SUM formulas over the right boxes with numeric cached values,
// typed by hand from the fixture (表三 一、本年新收: 28+4+0+1+2+0 = 35).
func TestFormulasAndCachedValues(t *testing.T) {
	r := loadReport(t, "pdfout/testdata/full-2021.nianbao.json")
	b, err := Bytes(r)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	sheet := func(name string) string {
		for _, f := range zr.File {
			if f.Name == name {
				rc, _ := f.Open()
				defer rc.Close()
				s, _ := io.ReadAll(rc)
				return string(s)
			}
		}
		t.Fatalf("%s missing", name)
		return ""
	}
	t3, t4 := sheet("xl/worksheets/sheet2.xml"), sheet("xl/worksheets/sheet3.xml")
	for _, want := range []string{
		// 总计 column of 一、本年新收 (sheet row 6: two title rows + 3 header rows)
		`<c r="J6" s="\d+"><f>SUM\(D6:I6\)</f><v>35</v></c>`,
		// （七）总计 row, 自然人 column: （一） on row 8 to （六）3.其他 on row 28
		`<c r="D29" s="\d+"><f>SUM\(D8:D28\)</f><v>28</v></c>`,
	} {
		if !regexp.MustCompile(want).MatchString(t3) {
			t.Errorf("表三 lacks %s", want)
		}
	}
	if !regexp.MustCompile(`<c r="E6" s="\d+"><f>SUM\(A6:D6\)</f><v>\d+</v></c>`).MatchString(t4) {
		t.Error("表四 行政复议 总计 is not SUM(A6:D6) with a numeric cached value")
	}
	if !strings.Contains(t3, `<pageSetup fitToHeight="0" fitToWidth="1" orientation="portrait" paperSize="9"`) {
		t.Error("表三 does not print on A4, one page wide")
	}
	x := open(t, b)
	if v, _ := x.GetCellValue("表二", "B16"); v != "126.0350" {
		t.Errorf("表二 行政事业性收费 shows %q, want 126.0350 as stored", v)
	}
	if typ, _ := x.GetCellType("表二", "B16"); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
		t.Errorf("表二 money is stored as %v, not a number", typ)
	}
}

// TestLibreOfficeReadsCachedValues converts the workbook to CSV without
// recalculating: the totals LibreOffice shows are the cached ones.
func TestLibreOfficeReadsCachedValues(t *testing.T) {
	officetest.Soffice(t)
	r := loadReport(t, "pdfout/testdata/full-2021.nianbao.json")
	b, err := Bytes(r)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "t.xlsx")
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	// sheet −1: every sheet to its own file (LibreOffice 7.2+)
	officetest.Convert(t, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", dir, p)
	data, err := os.ReadFile(filepath.Join(dir, "t-表三.csv"))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	// typed from the fixture: 一、本年新收 28 4 0 1 2 0 → 35
	if got := strings.Join(rows[5], ","); got != "一、本年新收政府信息公开申请数量,,,28,4,0,1,2,0,35" {
		t.Errorf("表三 row 6 as LibreOffice reads it: %s", got)
	}
}

func TestDraftSaysSo(t *testing.T) {
	r := loadReport(t, "pdfout/testdata/full-2021.nianbao.json")
	b, err := Encode(r, Options{Draft: true})
	if err != nil {
		t.Fatal(err)
	}
	x := open(t, b)
	for _, sheet := range []string{"表二", "表三", "表四"} {
		a1, _ := x.GetCellValue(sheet, "A1")
		a2, _ := x.GetCellValue(sheet, "A2")
		if a1 != r.Title() || !strings.HasPrefix(a2, sheet) || !strings.HasSuffix(a2, "（草稿）") {
			t.Errorf("%s: A1 %q, A2 %q", sheet, a1, a2)
		}
	}
}
