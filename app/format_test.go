package app

import (
	"strings"
	"testing"
)

// Counts from formats.md §7.
func TestFormatCellCounts(t *testing.T) {
	for _, tc := range []struct {
		id                     string
		cells, inputs, t2, t3r int
	}{
		{"2021", 200, 166, 10, 25},
		{"2019", 198, 166, 22, 23},
	} {
		f := FormatByID(tc.id)
		if f == nil {
			t.Fatalf("format %s missing", tc.id)
		}
		if got := len(f.Cells()); got != tc.cells {
			t.Errorf("%s: %d cells, want %d", tc.id, got, tc.cells)
		}
		if got := f.Inputs(); got != tc.inputs {
			t.Errorf("%s: %d inputs, want %d", tc.id, got, tc.inputs)
		}
		if got := len(f.Table("t2").Cells); got != tc.t2 {
			t.Errorf("%s: 表二 has %d cells, want %d", tc.id, got, tc.t2)
		}
		if got := len(f.Table("t3").Cells) / 7; got != tc.t3r {
			t.Errorf("%s: 表三 has %d rows, want %d", tc.id, got, tc.t3r)
		}
		if got := len(f.ResultRows()); got != tc.t3r-4 {
			t.Errorf("%s: %d result rows, want %d", tc.id, got, tc.t3r-4)
		}
	}
}

func TestFormatForYear(t *testing.T) {
	for y, want := range map[int]string{2019: "2019", 2020: "2019", 2021: "2021", 2023: "2021"} {
		f, err := FormatForYear(y)
		if err != nil || f.ID != want {
			t.Errorf("year %d: got %v %v, want %s", y, f, err, want)
		}
	}
	if _, err := FormatForYear(2018); err == nil || !strings.Contains(err.Error(), "不支持") {
		t.Errorf("2018: want unsupported error, got %v", err)
	}
}

func TestCellLabelsAndLocations(t *testing.T) {
	f := FormatByID("2021")
	for id, want := range map[string]string{
		"t3.forward.commercial": "表三 结转下年度行 商业企业列",
		"t3.new.othorg":         "表三 本年新收行 其他（法人或其他组织）列",
		"t4.suitafter.pending":  "表四 复议后起诉 尚未审结",
		"t2.fee.amount":         "表二 行政事业性收费 本年收费金额",
		"t2.rule.issued":        "表二 规章 本年制发件数",
	} {
		c := f.Cell(id)
		if c == nil {
			t.Fatalf("cell %s missing", id)
		}
		if c.Location != want {
			t.Errorf("%s: location %q, want %q", id, c.Location, want)
		}
	}
	c := f.Cell("t3.other.nofee.total")
	if !c.Computed() || len(c.Sum) != 6 || c.Sum[0] != "t3.other.nofee.natural" {
		t.Errorf("t3.other.nofee.total sum = %v", c.Sum)
	}
	if got := f.Cell("t3.total.natural").Sum; len(got) != 21 || got[20] != "t3.other.other.natural" {
		t.Errorf("2021 （七）总计 terms = %v", got)
	}
	if got := FormatByID("2019").Cell("t3.total.legal").Sum; len(got) != 19 || got[18] != "t3.other.legal" {
		t.Errorf("2019 （七）总计 terms = %v", got)
	}
	if f.Cell("t2.fee.amount").Kind != Money || FormatByID("2019").Cell("t2.license.delta").Kind != Int {
		t.Error("value kinds wrong")
	}
	if FormatByID("2019").Cell("t2.rule.total").Computed() {
		t.Error("2019 对外公开总数量 is an input, not a total")
	}
}

func TestTable3Merges(t *testing.T) {
	for id, span := range map[string]int{"2021": 22, "2019": 20} {
		tb := FormatByID(id).Table("t3")
		found := false
		for _, it := range tb.Items {
			if it.Text == "三、本年度办理结果" {
				found = true
				if it.RowSpan != span || it.Col != 0 || it.Row != 5 {
					t.Errorf("%s: 三、本年度办理结果 at r%d c%d span %d, want r5 c0 span %d", id, it.Row, it.Col, it.RowSpan, span)
				}
			}
		}
		if !found {
			t.Errorf("%s: label missing", id)
		}
	}
}
