package desk

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"nianbao/pdfout"
)

func TestXLSXHasTheSums(t *testing.T) {
	_, b := collectScenario(t)
	ag, err := Sum(b, "", "", false)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, b, ag); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if got := strings.Join(x.GetSheetList(), ","); got != "表二,表三,表四,数据,各单位数据,审核发现,汇总范围" {
		t.Errorf("sheets %s", got)
	}
	// 表三 in the official layout: find the 本年新收 row by its label
	rows, err := x.GetRows("表三")
	if err != nil {
		t.Fatal(err)
	}
	var newRow []string
	for _, r := range rows {
		if len(r) > 0 && strings.HasPrefix(r[0], "一、本年新收") {
			newRow = r
		}
	}
	if len(newRow) == 0 || newRow[len(newRow)-1] != "14" {
		t.Errorf("表三 本年新收 row %q, want the total 14 last", newRow)
	}
	if v := findLabelValue(t, x, "表二", "行政事业性收费"); v != "0.00005" {
		t.Errorf("表二 fee %q, want 0.00005", v)
	}
	// unit × cell ID: the header names cell IDs, the last row is the sum
	units, _ := x.GetRows(SheetUnits)
	col := -1
	for i, h := range units[0] {
		if h == "t3.new.natural" {
			col = i
		}
	}
	if col < 0 || len(units) != 1+7+1 {
		t.Fatalf("unit sheet: column %d, %d rows", col, len(units))
	}
	for _, want := range []struct {
		row     int
		unit, v string
	}{{3, "新绛县人民政府", "2"}, {5, "东关街道", "8"}, {9, "全县汇总", "14"}} {
		r := units[want.row-1]
		if r[0] != want.unit || len(r) <= col || r[col] != want.v {
			t.Errorf("unit sheet row %d: %v, want %s with %s", want.row, r[:2], want.unit, want.v)
		}
	}
	findings, _ := x.GetRows(SheetFindings)
	found := false
	for _, r := range findings {
		if len(r) >= 8 && r[0] == "东关街道" && r[3] == RuleTextMismatch && r[5] == "5" && r[6] == "8" {
			found = true
		}
	}
	if !found {
		t.Error("findings sheet lacks the 东关街道 mismatch with both values")
	}
}

func findLabelValue(t *testing.T, x *excelize.File, sheet, label string) string {
	t.Helper()
	rows, err := x.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if len(r) > 1 && r[0] == label {
			return r[len(r)-1]
		}
	}
	return ""
}

func TestAggregatePDFShowsSumsAndScope(t *testing.T) {
	_, b := collectScenario(t)
	ag, err := Sum(b, "某县人民政府", "", true)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteAggregatePDF(&buf, ag); err != nil {
		t.Fatal(err)
	}
	text := squash(pdftotext(t, buf.Bytes()))
	for _, want := range []string{
		"某县人民政府2021年政府信息公开工作年度报告",
		"纳入汇总的单位（2个）：张坞镇、新绛县人民政府。",
		"未报送的单位（2个）：南关镇、北关镇。",
		"已报送但未纳入汇总的单位（3个）：城关镇（有错误）、东关街道（数据不一致）、西关街道（数据不一致）。",
	} {
		if !strings.Contains(text, squash(want)) {
			t.Errorf("aggregate PDF lacks %q", want)
		}
	}
	printed, err := pdfoutPrinted(buf.Bytes(), ag)
	if err != nil {
		t.Fatal(err)
	}
	if printed["t3.new.natural"] != "2" || printed["t4.suitdirect.total"] != "1" {
		t.Errorf("printed sums %q %q", printed["t3.new.natural"], printed["t4.suitdirect.total"])
	}
}

func pdfoutPrinted(pdf []byte, ag *Aggregate) (map[string]string, error) {
	return pdfout.PrintedCells(pdf, ag.Report.FormatDef())
}
