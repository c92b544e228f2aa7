package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"nianbao/app"
)

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
