package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"nianbao/importer"
)

// The review of the 新绛县 seed: its lost cells are marked, nothing is in the
// workspace before 确认导入, and the draft has the published cells after.
func TestImportReviewThenConfirm(t *testing.T) {
	m := newWindow(t, filepath.Join(t.TempDir(), "workspace.db"))
	closeOverlays(m.Window().Canvas())
	res, err := importer.ImportFile(context.Background(), filepath.Join("..", "..", "shared", "seeds", "004_19ace9a49f2df35a.txt"), importer.Options{})
	if err != nil {
		t.Skipf("seed not available: %v", err)
	}
	rv := m.ShowImportReview(res, "004.txt", false)
	if n := len(m.ReportLines()); n != 0 {
		t.Fatalf("%d reports before 确认导入", n)
	}
	if rv.Unit.Text != "新绛县人民政府" || rv.Year.Text != "2021" {
		t.Errorf("unit %q year %q", rv.Unit.Text, rv.Year.Text)
	}
	var shown strings.Builder
	walk(m.Window().Canvas().Overlays().Top(), func(o fyne.CanvasObject) bool {
		switch w := o.(type) {
		case *widget.RichText:
			shown.WriteString(w.String())
		case *widget.Label:
			shown.WriteString(w.Text)
		}
		return false
	})
	for _, want := range []string{
		"表格166格中识别146格，留空20格",
		"行政许可：本年处理决定数量=□（原文没有此格）",
		"其他=□（无法确定原文数值对应的列）",
		"→ 表三 本年新收",
	} {
		if !strings.Contains(shown.String(), want) {
			t.Errorf("review lacks %q", want)
		}
	}
	// The third tab: sections by their published headings, and the 署名.
	text := reviewText(res).Text
	for _, want := range []string{"找到：五、存在的主要问题和改进措施", "署名：新绛县人民政府", "成文日期：2022-02-08"} {
		if !strings.Contains(text, want) {
			t.Errorf("text tab lacks %q:\n%s", want, text)
		}
	}
	if err := rv.Confirm(); err != nil {
		t.Fatal(err)
	}
	r := m.Report()
	if r == nil || r.Unit.Name != "新绛县人民政府" || r.Cells["t3.new.natural"] != "2" || r.Cells["t3.new.othorg"] != "" || r.Cells["t4.suitafter.total"] != "1" {
		t.Fatalf("opened report %+v", r)
	}
}

// The file is read in the background behind a progress dialog; the review
// follows without blocking the window.
func TestImportReadsInTheBackground(t *testing.T) {
	m := newWindow(t, filepath.Join(t.TempDir(), "workspace.db"))
	closeOverlays(m.Window().Canvas())
	seed := filepath.Join("..", "..", "shared", "seeds", "001_0c686d7f689649a3.txt")
	if _, err := os.Stat(seed); err != nil {
		t.Skipf("seed not available: %v", err)
	}
	m.readPublished(seed, true)
	deadline := time.Now().Add(20 * time.Second)
	for {
		var found bool
		for _, o := range m.Window().Canvas().Overlays().List() {
			walk(o, func(o fyne.CanvasObject) bool {
				if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, "核对上年报告") {
					found = true
				}
				if l, ok := o.(*widget.Entry); ok && l.Text == "南召县石门乡人民政府" {
					found = true
				}
				return found
			})
		}
		if found {
			return
		}
		if time.Now().After(deadline) {
			t.Fatal("no review after 20 s")
		}
		time.Sleep(50 * time.Millisecond)
	}
}
