package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"nianbao/app"
)

func mustReport(t *testing.T, unit string, year int) *app.Report {
	t.Helper()
	r, err := app.NewReport(unit, app.LevelTownship, year)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestCarryOverAcrossFormats(t *testing.T) {
	prev := mustReport(t, "城关镇人民政府", 2020) // 2019 format
	prev.SetCell("t3.forward.natural", "2")
	prev.SetCell("t3.forward.legal", "１") // stored as typed, read as 1
	app.Recompute(prev)
	r := mustReport(t, "城关镇人民政府", 2021)
	CarryOver(r, prev, false)
	if r.Cells["t3.carried.natural"] != "2" || r.Cells["t3.carried.legal"] != "1" || r.Cells["t3.carried.total"] != "3" {
		t.Errorf("carried = %v", r.Cells)
	}
	if r.Cells["t2.normdoc.effective"] != "" {
		t.Error("2019 对外公开总数量 must not become the 2021 现行有效件数")
	}
	res := app.Check(r, app.CheckOptions{Prev: prev})
	for _, f := range res.Findings {
		if f.Rule == "X-CARRY" {
			t.Errorf("carry-over still fails X-CARRY: %s", f.Message)
		}
	}
}

func TestCarryOverStockAndText(t *testing.T) {
	prev := mustReport(t, "城关镇人民政府", 2023)
	prev.SetCell("t2.normdoc.effective", "12")
	prev.Text.S1 = "2023年，我镇认真落实……截至2023年12月31日"
	r := mustReport(t, "城关镇人民政府", 2024)
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

func TestNewReportCarriesFromStoredPreviousYear(t *testing.T) {
	path := filepath.Join(t.TempDir(), "workspace.db")
	m := newWindow(t, path)
	closeOverlays(m.Window().Canvas())
	if err := m.CreateReport(NewReportRequest{Unit: "城关镇人民政府", Level: app.LevelTownship, Year: 2023}); err != nil {
		t.Fatal(err)
	}
	typeInto(t, m, "t3.forward.social", "4")
	m.texts["text.s1"].entry.SetText("2023年，我镇认真落实条例。")
	if err := m.CreateReport(NewReportRequest{Unit: "城关镇人民政府", Level: app.LevelTownship, Year: 2024, CopyText: true}); err != nil {
		t.Fatal(err)
	}
	if m.Report().Text.S1 != "2023年，我镇认真落实条例。" {
		t.Errorf("narrative not copied: %q", m.Report().Text.S1)
	}
	highlighted := false
	walk(m.Window().Canvas().Overlays().Top(), func(o fyne.CanvasObject) bool {
		if rt, ok := o.(*widget.RichText); ok {
			for _, seg := range rt.Segments {
				if p, ok := seg.(*widget.ParagraphSegment); ok {
					for _, ts := range p.Texts {
						if x, ok := ts.(*widget.TextSegment); ok && x.Text == "2023" && x.Style.ColorName == "error" {
							highlighted = true
						}
					}
				}
			}
		}
		return highlighted
	})
	if !highlighted {
		t.Error("the old year is not highlighted for review")
	}
	closeOverlays(m.Window().Canvas())
	if m.Report().Year != 2024 || m.Report().Cells["t3.carried.social"] != "4" {
		t.Errorf("2024 report: year %d, carried %q", m.Report().Year, m.Report().Cells["t3.carried.social"])
	}
	if v, _ := m.editors["t3"].Value("t3.carried.social"); v != "4" {
		t.Errorf("editor shows carried %q", v)
	}
	if len(m.ReportLines()) != 2 {
		t.Errorf("list = %q", m.ReportLines())
	}
	err := m.CreateReport(NewReportRequest{Unit: "城关镇人民政府", Level: app.LevelTownship, Year: 2024})
	if err == nil || !strings.Contains(err.Error(), "已经存在") {
		t.Errorf("duplicate report: %v", err)
	}
	if err := m.CreateReport(NewReportRequest{Unit: "", Year: 2024}); err == nil {
		t.Error("a report without a unit was created")
	}
}
