package app

import (
	"strings"
	"testing"
)

// reportFor is an empty township report of the given year.
func reportFor(t *testing.T, unit string, year int) *Report {
	t.Helper()
	r, err := NewReport(unit, LevelTownship, year)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestCarryOverAcrossFormats(t *testing.T) {
	prev := reportFor(t, "城关镇人民政府", 2020) // 2019 format
	prev.SetCell("t3.forward.natural", "2")
	prev.SetCell("t3.forward.legal", "１") // stored as typed, read as 1
	Recompute(prev)
	r := reportFor(t, "城关镇人民政府", 2021)
	CarryOver(r, prev, false)
	if r.Cells["t3.carried.natural"] != "2" || r.Cells["t3.carried.legal"] != "1" || r.Cells["t3.carried.total"] != "3" {
		t.Errorf("carried = %v", r.Cells)
	}
	if r.Cells["t2.normdoc.effective"] != "" {
		t.Error("2019 对外公开总数量 must not become the 2021 现行有效件数")
	}
	res := Check(r, CheckOptions{Prev: prev, Core: true})
	for _, f := range res.Findings {
		if f.Rule == "X-CARRY" {
			t.Errorf("carry-over still fails X-CARRY: %s", f.Message)
		}
	}
}

func TestCarryOverStockAndText(t *testing.T) {
	prev := reportFor(t, "城关镇人民政府", 2023)
	prev.SetCell("t2.normdoc.effective", "12")
	prev.Text.S1 = "2023年，我镇认真落实……截至2023年12月31日"
	r := reportFor(t, "城关镇人民政府", 2024)
	if !CarryOver(r, prev, true) {
		t.Fatal("text not copied")
	}
	if r.Cells["t2.normdoc.effective"] != "12" {
		t.Errorf("现行有效件数 base = %q", r.Cells["t2.normdoc.effective"])
	}
	spans := OldYears(r.Text.S1, 2024)
	var old []string
	for _, s := range spans {
		if s.Old {
			old = append(old, s.Text)
		}
	}
	if strings.Join(old, ",") != "2023,2023" {
		t.Errorf("old years = %q", old)
	}
	var joined string
	for _, s := range spans {
		joined += s.Text
	}
	if joined != r.Text.S1 {
		t.Errorf("spans lose text: %q", joined)
	}
}

func TestOldYearsIgnoresOtherNumbers(t *testing.T) {
	for _, s := range []string{"编号12023号", "2024年", "共1998件"} {
		for _, sp := range OldYears(s, 2024) {
			if sp.Old && s != "共1998件" {
				t.Errorf("%q: %q marked old", s, sp.Text)
			}
		}
	}
}
