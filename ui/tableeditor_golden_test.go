package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"nianbao/app"
	"nianbao/draft"
)

// goldenEditor shows a table with a few values, a text cell and findings.
func goldenEditor(t *testing.T, format, table string, size fyne.Size, cells map[string]string, fs []app.Finding, focus string) fyne.Canvas {
	t.Helper()
	test.NewTempApp(t)
	test.ApplyTheme(t, NewTheme())
	f := app.FormatByID(format)
	r, err := app.NewReport("某某镇人民政府", app.LevelTownship, 2024)
	if err != nil {
		t.Fatal(err)
	}
	r.Format = f.ID
	for id, v := range cells {
		r.SetCell(id, v)
	}
	ed := NewTableEditor(f, f.Table(table))
	ed.SetDraft(draft.New(nil, 0, r, nil, app.CheckOptions{}))
	ed.SetFindings(fs)
	w := test.NewTempWindow(t, ed)
	w.Resize(size)
	if focus != "" {
		ed.FocusCell(w.Canvas(), focus)
	}
	return w.Canvas()
}

func TestTableEditorGoldens(t *testing.T) {
	t.Run("t3", func(t *testing.T) {
		c := goldenEditor(t, "2021", "t3", fyne.NewSize(1000, 760), map[string]string{
			"t3.new.natural": "5", "t3.new.commercial": "1", "t3.new.legal": "一", "t3.granted.natural": "3",
			"t3.carried.natural": "0",
		}, []app.Finding{
			{Rule: "T3-BALANCE", Severity: app.Error, Anchor: "t3.new.natural",
				Cells:   []string{"t3.new.natural", "t3.carried.natural", "t3.total.natural", "t3.forward.natural"},
				Message: "表三 自然人列：本年新收(5)+上年结转(0)=5，办理结果总计(3)+结转下年度(空)=3，相差2"},
			{Rule: "T3-PARTIAL", Severity: app.Warning, Anchor: "t3.partial.commercial",
				Message: "表三 （二）部分公开行 商业企业列：未填写"},
		}, "t3.carried.natural")
		test.AssertImageMatches(t, "tableeditor-t3-2021.png", c.Capture())
	})
	t.Run("t4", func(t *testing.T) {
		c := goldenEditor(t, "2021", "t4", fyne.NewSize(960, 260), map[string]string{
			"t4.review.upheld": "1", "t4.review.corrected": "2", "t4.suitdirect.pending": "1",
		}, nil, "")
		test.AssertImageMatches(t, "tableeditor-t4-2021.png", c.Capture())
	})
	t.Run("t2-2019", func(t *testing.T) {
		c := goldenEditor(t, "2019", "t2", fyne.NewSize(800, 760), map[string]string{
			"t2.rule.made": "2", "t2.license.delta": "-1", "t2.procurement.amount": "12.5",
		}, nil, "")
		test.AssertImageMatches(t, "tableeditor-t2-2019.png", c.Capture())
	})
}
