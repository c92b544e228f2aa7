package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"nianbao/app"
	"nianbao/draft"
)

func panelTexts(p *CheckPanel) string {
	var b strings.Builder
	for _, o := range p.list.Objects {
		walkLabels(o, func(s string) { b.WriteString(s + "\n") })
	}
	return b.String()
}

func walkLabels(o fyne.CanvasObject, fn func(string)) {
	switch v := o.(type) {
	case *widget.Label:
		fn(v.Text)
	case *findingItem:
		fn(v.label.Text)
	case *fyne.Container:
		for _, c := range v.Objects {
			walkLabels(c, fn)
		}
	}
}

var (
	e1 = app.Finding{Rule: "T3-ROWTOTAL", Severity: app.Error, Anchor: "t3.new.total",
		Cells: []string{"t3.new.total"}, Message: "表三 本年新收行 总计列：总计（5）不等于各列之和（4）"}
	e2 = app.Finding{Rule: "T3-BALANCE", Severity: app.Error, Anchor: "t3.new.natural",
		Cells: []string{"t3.new.natural"}, Message: "表三 自然人列：收支不平衡"}
	w1 = app.Finding{Rule: "X-CARRY", Severity: app.Warning, Anchor: "t3.carried.natural",
		Cells: []string{"t3.carried.natural"}, Message: "表三 上年结转行 自然人列：与上年结转下年度（3）不一致"}
	w2 = app.Finding{Rule: "X-DATE", Severity: app.Warning, Anchor: "doc.date", Message: "成文日期早于报告年度结束"}
)

func TestCheckPanelGroupsAndCounts(t *testing.T) {
	test.NewTempApp(t)
	p := NewCheckPanel()
	test.NewTempWindow(t, p).Resize(fyne.NewSize(360, 600))
	if e, w := p.Counts(); e != 0 || w != 0 || !strings.Contains(panelTexts(p), "未发现问题") {
		t.Errorf("empty panel: %d %d %q", e, w, panelTexts(p))
	}
	p.SetResult(app.Result{
		Findings: []app.Finding{e1, e2, w1, w2},
		Skipped: []app.Skipped{
			{Rule: "T3-ROWTOTAL", Anchor: "t3.granted.total", Reason: app.SkipNotNumber},
			{Rule: "X-CARRY", Anchor: "t3.carried.legal", Reason: app.SkipNoPrevious},
		},
	}, nil)
	if e, w := p.Counts(); e != 2 || w != 2 {
		t.Errorf("counts %d %d", e, w)
	}
	txt := panelTexts(p)
	for _, want := range []string{"强制性错误（2）", "提示性警告（2）", e1.Message, e2.Message, w1.Message, w2.Message,
		"表三 （一）予以公开行 总计列：无法计算：含非数字单元格"} {
		if !strings.Contains(txt, want) {
			t.Errorf("panel lacks %q:\n%s", want, txt)
		}
	}
	if strings.Contains(txt, "缺少上年报告") || strings.Contains(txt, "未发现问题") {
		t.Errorf("panel shows what it should not:\n%s", txt)
	}
	// Errors come before warnings.
	if strings.Index(txt, e2.Message) > strings.Index(txt, w1.Message) {
		t.Error("warnings listed before errors")
	}
}

func TestCheckPanelSelectAndExplain(t *testing.T) {
	test.NewTempApp(t)
	p := NewCheckPanel()
	w := test.NewTempWindow(t, p)
	w.Resize(fyne.NewSize(360, 600))
	c := w.Canvas()
	var selected []app.Finding
	explained := map[string]string{}
	p.OnSelect(func(f app.Finding) { selected = append(selected, f) })
	p.OnExplain(func(k, s string) { explained[k] = s })
	p.SetResult(app.Result{Findings: []app.Finding{e1, w1, w2}}, map[string]string{w2.Key(): "已核实"})

	test.Tap(p.rows[e1.Key()].item)
	test.Tap(p.rows[w1.Key()].item)
	if len(selected) != 2 || selected[0].Key() != e1.Key() || selected[1].Key() != w1.Key() {
		t.Fatalf("selected %v", selected)
	}
	if p.rows[e1.Key()].explain != nil {
		t.Error("an error offers an explanation")
	}
	if got := p.rows[w2.Key()].explain.Text; got != "已核实" {
		t.Errorf("saved explanation shows %q", got)
	}

	ex := p.rows[w1.Key()].explain
	c.Focus(ex)
	test.Type(c.Focused(), "本年系首次填报")
	if explained[w1.Key()] != "本年系首次填报" {
		t.Errorf("OnExplain got %v", explained)
	}
	// The checks rerun while typing: same row, focus and text survive, the
	// message updates.
	w1b := w1
	w1b.Message = "表三 上年结转行 自然人列：与上年结转下年度（4）不一致"
	p.SetResult(app.Result{Findings: []app.Finding{e1, w1b, w2}}, map[string]string{w2.Key(): "已核实", w1.Key(): "本年"})
	if c.Focused() != ex || p.rows[w1.Key()].explain != ex {
		t.Fatal("explanation lost focus on update")
	}
	if ex.Text != "本年系首次填报" {
		t.Errorf("explanation being typed changed to %q", ex.Text)
	}
	if !strings.Contains(panelTexts(p), "（4）不一致") {
		t.Error("message not updated")
	}
	test.Type(c.Focused(), "。")
	if explained[w1.Key()] != "本年系首次填报。" {
		t.Errorf("typing after update: %v", explained)
	}
	// A resolved finding disappears; updating the count.
	p.SetResult(app.Result{Findings: []app.Finding{w1b}}, nil)
	if e, w := p.Counts(); e != 0 || w != 1 || strings.Contains(panelTexts(p), e1.Message) {
		t.Errorf("after fix: %d %d\n%s", e, w, panelTexts(p))
	}
}

// TestCheckPanelWithRealCheck runs the real rule engine on a report typed
// into the editor and follows a finding back to its cell.
func TestCheckPanelWithRealCheck(t *testing.T) {
	test.NewTempApp(t)
	f := app.FormatByID("2021")
	r, err := app.NewReport("某某镇人民政府", app.LevelTownship, 2024)
	if err != nil {
		t.Fatal(err)
	}
	ed := NewTableEditor(f, f.Table("t3"))
	d := draft.New(nil, 0, r, nil, app.CheckOptions{})
	ed.SetDraft(d)
	p := NewCheckPanel()
	w := test.NewTempWindow(t, container.NewHSplit(ed, p))
	w.Resize(fyne.NewSize(1280, 800))
	c := w.Canvas()
	show := func(res app.Result) {
		p.SetResult(res, r.Explanations)
		ed.SetFindings(res.Findings)
	}
	ed.OnChange(func(ch draft.Change, err error) { show(ch.Result) })
	show(d.Result())
	ed.FillEmptyZero()
	if e, _ := p.Counts(); e != 0 {
		t.Fatalf("all-zero report has %d errors: %v", e, app.Check(r, app.CheckOptions{}).Errors())
	}
	// 5 new applications, none handled: the balance of column 自然人 fails.
	test.Type(focusCell(t, ed, c, "t3.new.natural"), "５")
	res := app.Check(r, app.CheckOptions{})
	if !res.HasErrors() {
		t.Skip("rule engine reports no error for an unbalanced 表三 yet")
	}
	errs, _ := p.Counts()
	if errs != len(res.Errors()) {
		t.Errorf("panel counts %d errors, check has %d", errs, len(res.Errors()))
	}
	var target app.Finding
	for _, f := range res.Errors() {
		if _, ok := ed.entries[f.Anchor]; ok {
			target = f
		}
	}
	if target.Anchor == "" {
		t.Fatalf("no error anchored at an input cell: %v", res.Errors())
	}
	if ed.Outline(target.Anchor) != "error" {
		t.Errorf("%s not outlined", target.Anchor)
	}
	p.OnSelect(func(f app.Finding) { ed.FocusCell(c, f.Anchor) })
	focusCell(t, ed, c, "t3.forward.legal")
	test.Tap(p.rows[target.Key()].item)
	if focusedCell(c) != target.Anchor {
		t.Errorf("click on %q focused %q", target.Message, focusedCell(c))
	}
	if !strings.Contains(ed.Status(), target.Message) {
		t.Errorf("status %q", ed.Status())
	}
}

func TestCheckPanelGolden(t *testing.T) {
	test.NewTempApp(t)
	test.ApplyTheme(t, NewTheme())
	p := NewCheckPanel()
	p.OnExplain(func(string, string) {}) // the clerk's panel
	w := test.NewTempWindow(t, p)
	w.Resize(fyne.NewSize(340, 640))
	p.SetResult(app.Result{
		Findings: []app.Finding{e1, e2, w1, w2},
		Skipped:  []app.Skipped{{Rule: "T3-ROWTOTAL", Anchor: "t3.granted.total", Reason: app.SkipNotNumber}},
	}, map[string]string{w2.Key(): "成文日期以签发日为准，已核实。"})
	test.AssertImageMatches(t, "checkpanel-findings.png", w.Canvas().Capture())
}

// BenchmarkCheckPanelUpdate measures one update after a keystroke with the
// result of an empty 2021 report (every empty cell is a warning).
func BenchmarkCheckPanelUpdate(b *testing.B) {
	test.NewTempApp(b)
	r, _ := app.NewReport("某某镇人民政府", app.LevelTownship, 2024)
	res := app.Check(r, app.CheckOptions{})
	p := NewCheckPanel()
	p.OnExplain(func(string, string) {})
	w := test.NewTempWindow(b, p)
	w.Resize(fyne.NewSize(360, 700))
	b.ReportMetric(float64(len(res.Findings)), "findings")
	for b.Loop() {
		p.SetResult(res, nil)
	}
}

func TestCheckPanelFoldsLongRules(t *testing.T) {
	test.NewTempApp(t)
	p := NewCheckPanel()
	test.NewTempWindow(t, p).Resize(fyne.NewSize(360, 600))
	var fs []app.Finding
	for _, c := range app.FormatByID("2021").Table("t3").Cells[:20] {
		fs = append(fs, app.Finding{Rule: "T2-DELTA-NEG", Severity: app.Warning, Anchor: c.ID, Message: c.Location + "：项目数量不能为负"})
	}
	fs = append(fs, w1)
	p.SetResult(app.Result{Findings: fs}, nil)
	if _, w := p.Counts(); w != 21 {
		t.Errorf("counts %d warnings", w)
	}
	if len(p.rows) != perRule+1 {
		t.Errorf("%d rows listed, want %d", len(p.rows), perRule+1)
	}
	more := p.more["T2-DELTA-NEG"]
	if more == nil || !strings.Contains(more.Text, "还有12条") {
		t.Fatalf("no fold button: %v", more)
	}
	if p.rows[w1.Key()] == nil {
		t.Error("another rule's warning was folded")
	}
	test.Tap(more)
	if len(p.rows) != 21 || !strings.Contains(panelTexts(p), fs[19].Message) {
		t.Errorf("after 全部列出: %d rows", len(p.rows))
	}
}

// A panel whose edits nobody receives — the superior office's view of a
// unit — shows the unit's 出错说明 as text and offers no input for them
// and no «空白填0»: nothing typed there could be kept.
func TestCheckPanelWithoutEditsIsReadOnly(t *testing.T) {
	test.NewTempApp(t)
	f := app.FormatByID("2021")
	empty := []app.Finding{}
	for _, c := range f.Cells() {
		if strings.HasPrefix(c.ID, "t4.") && !c.Computed() {
			empty = append(empty, app.Finding{Rule: "VALUE-EMPTY", Severity: app.Warning, Anchor: c.ID, Cells: []string{c.ID}, Message: c.Location + "：空白"})
			break
		}
	}
	p := NewCheckPanel()
	p.SetFormat(f)
	p.OnSelect(func(app.Finding) {})
	test.NewTempWindow(t, p).Resize(fyne.NewSize(360, 600))
	p.SetResult(app.Result{Findings: append([]app.Finding{e1, w1, w2}, empty...)}, map[string]string{w2.Key(): "已核实"})

	var entries, fills int
	for _, o := range p.list.Objects {
		walk(o, func(o fyne.CanvasObject) bool {
			switch v := o.(type) {
			case *explainEntry, *widget.Entry:
				entries++
			case *widget.Button:
				if v.Text == "空白填0" {
					fills++
				}
			}
			return false
		})
	}
	if entries != 0 || fills != 0 {
		t.Errorf("read-only panel has %d inputs and %d «空白填0» buttons", entries, fills)
	}
	texts := panelTexts(p)
	if !strings.Contains(texts, "出错说明：已核实") || !strings.Contains(texts, "（未填写出错说明）") {
		t.Errorf("the unit's explanations are not shown:\n%s", texts)
	}
	if !strings.Contains(texts, "表四") {
		t.Errorf("empty-cell summary missing:\n%s", texts)
	}

	// the clerk's panel, with receivers, keeps its inputs
	q := NewCheckPanel()
	q.SetFormat(f)
	q.OnExplain(func(string, string) {})
	q.OnFillEmpty(func(string) {})
	test.NewTempWindow(t, q)
	q.SetResult(app.Result{Findings: append([]app.Finding{w2}, empty...)}, nil)
	if q.rows[w2.Key()].explain == nil {
		t.Error("the clerk's panel lost its 出错说明 input")
	}
}
