package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"nianbao/app"
	"nianbao/draft"
)

// editorWindow shows a fresh editor of one table of an empty report.
func editorWindow(t testing.TB, format, table string, size fyne.Size) (*TableEditor, *app.Report, fyne.Canvas) {
	t.Helper()
	test.NewTempApp(t)
	f := app.FormatByID(format)
	year := 2024
	if format == "2019" {
		year = 2019
	}
	r, err := app.NewReport("某某镇人民政府", app.LevelTownship, year)
	if err != nil {
		t.Fatal(err)
	}
	ed := NewTableEditor(f, f.Table(table))
	ed.SetDraft(draft.New(nil, 0, r, nil, app.CheckOptions{}))
	w := test.NewTempWindow(t, ed)
	w.Resize(size)
	return ed, r, w.Canvas()
}

func focusCell(t testing.TB, ed *TableEditor, c fyne.Canvas, id string) *numEntry {
	t.Helper()
	if !ed.FocusCell(c, id) {
		t.Fatalf("FocusCell(%s) = false", id)
	}
	ne, ok := c.Focused().(*numEntry)
	if !ok || ne.cell != id {
		t.Fatalf("focused %v, want %s", c.Focused(), id)
	}
	return ne
}

func focusedCell(c fyne.Canvas) string {
	if ne, ok := c.Focused().(*numEntry); ok {
		return ne.cell
	}
	return ""
}

func TestTableEditorBuildsEveryTable(t *testing.T) {
	for _, f := range app.Formats() {
		for _, tb := range f.Tables {
			t.Run(f.ID+"/"+tb.Key, func(t *testing.T) {
				ed, _, _ := editorWindow(t, f.ID, tb.Key, fyne.NewSize(1000, 700))
				count := map[string]int{}
				var labels []string
				for _, b := range ed.boxes {
					if b.label != nil {
						labels = append(labels, strings.ReplaceAll(b.label.Text, "\n", ""))
					}
				}
				for _, it := range tb.Items {
					if it.CellID == "" {
						found := false
						for _, l := range labels {
							found = found || l == it.Text
						}
						if !found {
							t.Errorf("label %q not shown", it.Text)
						}
						continue
					}
					count[it.CellID]++
				}
				for _, c := range tb.Cells {
					_, isEntry := ed.entries[c.ID]
					_, isTotal := ed.totals[c.ID]
					if count[c.ID] != 1 || isEntry == isTotal || isTotal != c.Computed() {
						t.Errorf("%s: %d boxes, entry %v, total %v", c.ID, count[c.ID], isEntry, isTotal)
					}
				}
				if len(ed.entries)+len(ed.totals) != len(tb.Cells) {
					t.Errorf("%d entries + %d totals, table has %d cells", len(ed.entries), len(ed.totals), len(tb.Cells))
				}
				// Every box lies inside its grid: no label is wider than its box.
				for _, b := range ed.boxes {
					if b.label != nil && b.label.MinSize().Width > b.label.Size().Width+1 {
						t.Errorf("label %q clipped: needs %v, has %v", b.item.Text, b.label.MinSize().Width, b.label.Size().Width)
					}
					if b.label != nil && b.label.MinSize().Height > b.label.Size().Height+1 {
						t.Errorf("label %q cut: needs height %v, has %v", b.item.Text, b.label.MinSize().Height, b.label.Size().Height)
					}
				}
			})
		}
	}
}

func TestTableEditorFullWidthDigitsAndTotals(t *testing.T) {
	ed, r, c := editorWindow(t, "2021", "t3", fyne.NewSize(1000, 700))
	var got [][]string
	ed.OnChange(func(ch draft.Change, err error) { got = append(got, ch.Cells) })

	test.Type(focusCell(t, ed, c, "t3.new.natural"), "３")
	if len(got) != 1 || strings.Join(got[0], ",") != "t3.new.natural,t3.new.total" || r.Cells["t3.new.natural"] != "3" {
		t.Fatalf("OnChange got %v, stored %q", got, r.Cells["t3.new.natural"])
	}
	if v, _ := ed.Value("t3.new.total"); v != "3" {
		t.Errorf("总计 shows %q, want 3", v)
	}
	test.Type(focusCell(t, ed, c, "t3.new.commercial"), "１２")
	if v, _ := ed.Value("t3.new.total"); v != "15" {
		t.Errorf("总计 shows %q, want 15", v)
	}
	if _, ok := ed.Value("t3.total.natural"); !ok {
		t.Fatal("no （七）总计 box")
	}
}

func TestTableEditorKeepsAndFlagsText(t *testing.T) {
	ed, r, c := editorWindow(t, "2021", "t3", fyne.NewSize(1000, 700))
	test.Type(focusCell(t, ed, c, "t3.new.natural"), "5")
	test.Type(focusCell(t, ed, c, "t3.new.legal"), "1o")
	if last := r.Cells["t3.new.legal"]; last != "1o" {
		t.Errorf("owner stored %q, want the raw 1o", last)
	}
	if v, _ := ed.Value("t3.new.legal"); v != "1o" {
		t.Errorf("cell shows %q, want 1o kept", v)
	}
	if ed.Outline("t3.new.legal") != "error" {
		t.Errorf("text cell not outlined: %q", ed.Outline("t3.new.legal"))
	}
	if !strings.Contains(ed.Status(), "不是数字") {
		t.Errorf("status %q does not explain", ed.Status())
	}
	if v, _ := ed.Value("t3.new.total"); v == "5" || v == "6" {
		t.Errorf("total %q computed as if the text were a number", v)
	}
	// Leaving the cell keeps the text; it never becomes 0.
	focusCell(t, ed, c, "t3.new.natural")
	if v, _ := ed.Value("t3.new.legal"); v != "1o" {
		t.Errorf("after leaving, cell shows %q", v)
	}
}

func TestTableEditorPasteBlock(t *testing.T) {
	ed, r, c := editorWindow(t, "2021", "t3", fyne.NewSize(1000, 700))
	var msg string
	ed.OnMessage(func(s string) { msg = s })
	focusCell(t, ed, c, "t3.new.natural")

	filled, rejected := ed.Paste(c, "1\t2\r\n3\t４\r\n5\t6\r\n")
	if filled != 6 || len(rejected) != 0 {
		t.Fatalf("filled %d rejected %v", filled, rejected)
	}
	want := map[string]string{
		"t3.new.natural": "1", "t3.new.commercial": "2",
		"t3.carried.natural": "3", "t3.carried.commercial": "4",
		"t3.granted.natural": "5", "t3.granted.commercial": "6",
	}
	for id, v := range want {
		if got, _ := ed.Value(id); got != v || r.Cells[id] != v {
			t.Errorf("%s shows %q, stored %q, want %q", id, got, r.Cells[id], v)
		}
	}
	if v, _ := ed.Value("t3.carried.total"); v != "7" {
		t.Errorf("carried total %q, want 7", v)
	}

	// From 其他 the 总计 column is skipped and the rest falls off the table.
	focusCell(t, ed, c, "t3.forward.othorg")
	filled, rejected = ed.Paste(c, "8\t99\t7\nabc\n")
	if filled != 1 || strings.Join(rejected, ",") != "7,abc" {
		t.Errorf("filled %d rejected %v", filled, rejected)
	}
	if !strings.Contains(msg, "2个值未填入") || !strings.Contains(msg, "「7」超出表格范围") {
		t.Errorf("message %q", msg)
	}

	focusCell(t, ed, c, "t3.other.other.natural")
	filled, rejected = ed.Paste(c, "1\tabc\t-2")
	if filled != 1 || len(rejected) != 2 || !strings.Contains(msg, "不是数字") {
		t.Errorf("filled %d rejected %v message %q", filled, rejected, msg)
	}
	if v, _ := ed.Value("t3.other.other.commercial"); v != "" {
		t.Errorf("rejected value landed: %q", v)
	}

	// Ctrl+V in a cell pastes the clipboard as a block from that cell.
	clip := fyne.CurrentApp().Clipboard()
	clip.SetContent("11\t12\r\n13\t14\r\n")
	focusCell(t, ed, c, "t3.denied.secret.research")
	c.Focused().(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutPaste{Clipboard: clip})
	for id, v := range map[string]string{"t3.denied.secret.research": "11", "t3.denied.secret.social": "12",
		"t3.denied.lawforbid.research": "13", "t3.denied.lawforbid.social": "14"} {
		if got, _ := ed.Value(id); got != v {
			t.Errorf("Ctrl+V: %s shows %q, want %q", id, got, v)
		}
	}
}

func TestTableEditorFillEmptyZeroAndUndo(t *testing.T) {
	ed, r, c := editorWindow(t, "2021", "t3", fyne.NewSize(1000, 700))

	test.Type(focusCell(t, ed, c, "t3.new.natural"), "7")
	test.Type(focusCell(t, ed, c, "t3.new.research"), "x")
	n := ed.FillEmptyZero()
	if want := len(ed.entries) - 2; n != want {
		t.Fatalf("filled %d, want %d", n, want)
	}
	if v, _ := ed.Value("t3.new.natural"); v != "7" {
		t.Errorf("typed value changed to %q", v)
	}
	if v, _ := ed.Value("t3.new.research"); v != "x" {
		t.Errorf("text changed to %q", v)
	}
	if v, _ := ed.Value("t3.forward.legal"); v != "0" {
		t.Errorf("empty cell shows %q after 空白填0", v)
	}
	if v, _ := ed.Value("t3.total.natural"); v != "0" {
		t.Errorf("（七）总计 shows %q", v)
	}

	// Undo of the block empties exactly the filled cells again.
	if !ed.Undo() || r.Cells["t3.forward.legal"] != "" {
		t.Fatalf("undo of block left %q", r.Cells["t3.forward.legal"])
	}
	if v, _ := ed.Value("t3.forward.legal"); v != "" {
		t.Errorf("after undo cell shows %q", v)
	}
	if v, _ := ed.Value("t3.new.natural"); v != "7" {
		t.Errorf("undo of block touched a typed cell: %q", v)
	}
	// Two keystrokes in one cell are one edit.
	test.Type(focusCell(t, ed, c, "t3.carried.social"), "42")
	focusCell(t, ed, c, "t3.new.natural")
	if !ed.Undo() || r.Cells["t3.carried.social"] != "" {
		t.Errorf("undo of typing left %q", r.Cells["t3.carried.social"])
	}
	if v, _ := ed.Value("t3.carried.social"); v != "" {
		t.Errorf("after undo cell shows %q", v)
	}
	// Ctrl+Z in a cell goes to the editor's history.
	c.Focused().(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutUndo{})
	if v, _ := ed.Value("t3.new.research"); v != "" {
		t.Errorf("Ctrl+Z did not undo the x: %q", v)
	}
	// Ctrl+Y puts it back.
	c.Focused().(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutRedo{})
	if v, _ := ed.Value("t3.new.research"); v != "x" {
		t.Errorf("Ctrl+Y did not redo the x: %q", v)
	}
	c.Focused().(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutUndo{})
	for ed.Undo() {
	}
	if v, _ := ed.Value("t3.new.natural"); v != "" {
		t.Errorf("full undo left %q", v)
	}
}

func TestTableEditorKeyboard(t *testing.T) {
	ed, _, c := editorWindow(t, "2021", "t3", fyne.NewSize(1000, 600))
	key := func(k fyne.KeyName) { c.Focused().TypedKey(&fyne.KeyEvent{Name: k}) }
	expect := func(id string) {
		t.Helper()
		if got := focusedCell(c); got != id {
			t.Fatalf("focused %q, want %q", got, id)
		}
	}
	focusCell(t, ed, c, "t3.new.natural")
	test.FocusNext(c)
	expect("t3.new.commercial")
	focusCell(t, ed, c, "t3.new.othorg")
	test.FocusNext(c) // the total is skipped
	expect("t3.carried.natural")
	test.FocusPrevious(c)
	expect("t3.new.othorg")
	key(fyne.KeyDown)
	expect("t3.carried.othorg")
	key(fyne.KeyReturn)
	expect("t3.granted.othorg")
	key(fyne.KeyUp)
	expect("t3.carried.othorg")
	test.Type(c.Focused(), "12")
	key(fyne.KeyRight)           // cursor at the end
	expect("t3.granted.natural") // next input in reading order, past the total
	key(fyne.KeyLeft)
	expect("t3.carried.othorg")
	key(fyne.KeyLeft) // the cursor is after "12": it moves inside the text
	expect("t3.carried.othorg")
	focusCell(t, ed, c, "t3.other.other.natural")
	key(fyne.KeyDown) // （七）总计 row is skipped
	expect("t3.forward.natural")
	// Moving far down scrolls the cell into view.
	ne := c.Focused().(*numEntry)
	if y := ne.Position().Y - ed.scroll.Offset.Y; y < 0 || y+ne.Size().Height > ed.scroll.Size().Height+1 {
		t.Errorf("focused cell at %v not visible (offset %v, view %v)", ne.Position(), ed.scroll.Offset, ed.scroll.Size())
	}
	_ = desktop.MouseEvent{}
}

func TestTableEditorFindings(t *testing.T) {
	ed, _, c := editorWindow(t, "2021", "t3", fyne.NewSize(1000, 700))
	errF := app.Finding{Rule: "T3-BALANCE", Severity: app.Error, Anchor: "t3.new.natural",
		Cells:   []string{"t3.new.natural", "t3.carried.natural", "t3.total.natural"},
		Message: "表三 自然人列：本年新收加上年结转（5）不等于办理结果总计加结转下年度（4），相差1"}
	warnF := app.Finding{Rule: "T3-ZERO", Severity: app.Warning, Anchor: "t3.forward.legal",
		Message: "表三 结转下年度行 法律服务机构列：数值偏大，请核实"}
	other := app.Finding{Rule: "T4-X", Severity: app.Error, Anchor: "t4.review.upheld", Message: "表四"}
	ed.SetFindings([]app.Finding{errF, warnF, other})
	for id, want := range map[string]string{
		"t3.new.natural": "error", "t3.carried.natural": "error", "t3.total.natural": "error",
		"t3.forward.legal": "warning", "t3.new.commercial": "",
	} {
		if got := ed.Outline(id); got != want {
			t.Errorf("%s outline %q, want %q", id, got, want)
		}
	}
	focusCell(t, ed, c, "t3.carried.natural")
	if !strings.Contains(ed.Status(), errF.Message) || !strings.Contains(ed.Status(), "【错误】") {
		t.Errorf("focus status %q", ed.Status())
	}
	ed.entries["t3.forward.legal"].MouseIn(&desktop.MouseEvent{})
	if !strings.Contains(ed.Status(), warnF.Message) {
		t.Errorf("hover status %q", ed.Status())
	}
	ed.entries["t3.forward.legal"].MouseOut()
	if !strings.Contains(ed.Status(), errF.Message) {
		t.Errorf("after hover the focused cell is not explained: %q", ed.Status())
	}
	// A total cannot take focus but is scrolled to and explained.
	if !ed.FocusCell(c, "t3.total.natural") || !strings.Contains(ed.Status(), errF.Message) {
		t.Errorf("FocusCell on a total: status %q", ed.Status())
	}
	if ed.FocusCell(c, "t4.review.upheld") {
		t.Error("FocusCell accepted a cell of another table")
	}
	ed.SetFindings(nil)
	if ed.Outline("t3.new.natural") != "" {
		t.Error("outline stays after the finding is gone")
	}
}

func TestTableEditorOwnerEchoKeepsTyping(t *testing.T) {
	ed, r, c := editorWindow(t, "2021", "t3", fyne.NewSize(1000, 700))
	ed.OnChange(func(draft.Change, error) {
		ed.Sync() // the main window shows every change everywhere
	})
	ne := focusCell(t, ed, c, "t3.new.natural")
	test.Type(ne, "1,2")
	if ne.Text != "1,2" || r.Cells["t3.new.natural"] != "12" {
		t.Errorf("entry %q, stored %q", ne.Text, r.Cells["t3.new.natural"])
	}
	focusCell(t, ed, c, "t3.new.commercial")
	if ne.Text != "12" {
		t.Errorf("after leaving the cell shows %q, want canonical 12", ne.Text)
	}
	// A new report replaces every value.
	r2, _ := app.NewReport("乙镇", app.LevelTownship, 2024)
	r2.SetCell("t3.new.commercial", "9")
	ed.SetDraft(draft.New(nil, 0, r2, nil, app.CheckOptions{}))
	if v, _ := ed.Value("t3.new.natural"); v != "" {
		t.Errorf("old value %q stayed", v)
	}
	if v, _ := ed.Value("t3.new.total"); v != "9" {
		t.Errorf("total %q", v)
	}
	if ed.Undo() {
		t.Error("undo crossed into another report")
	}
}

func TestTableEditorTable4Fits(t *testing.T) {
	// The editor gets about 900 px of a 1280×800 window beside the check panel.
	ed, _, _ := editorWindow(t, "2021", "t4", fyne.NewSize(900, 500))
	for id, ne := range ed.entries {
		if right := ne.Position().X + ne.Size().Width; right > ed.scroll.Size().Width+1 {
			t.Errorf("%s ends at x=%v beyond %v", id, right, ed.scroll.Size().Width)
		}
		if ne.Size().Width < minValueColW-2 {
			t.Errorf("%s only %v px wide", id, ne.Size().Width)
		}
	}
	// 表三 fits in the ~780 px the main window leaves it at 1280×800: the
	// label columns wrap instead of pushing 总计 out of view.
	ed3, _, _ := editorWindow(t, "2021", "t3", fyne.NewSize(780, 600))
	for id, tc := range ed3.totals {
		if right := tc.Position().X + tc.Size().Width; right > ed3.scroll.Size().Width+1 {
			t.Errorf("表三 %s ends at x=%v beyond %v", id, right, ed3.scroll.Size().Width)
		}
	}
	// Narrower, it scrolls sideways instead of squeezing the boxes.
	ed2, _, c := editorWindow(t, "2021", "t4", fyne.NewSize(500, 400))
	_ = c
	if ed2.grid.Size().Width <= ed2.scroll.Size().Width {
		t.Errorf("grid %v fits in %v: boxes were squeezed", ed2.grid.Size(), ed2.scroll.Size())
	}
	last := ed2.entries["t4.suitafter.pending"]
	ed2.FocusCell(c, "t4.suitafter.pending")
	if x := last.Position().X - ed2.scroll.Offset.X; x < 0 || x+last.Size().Width > ed2.scroll.Size().Width+1 {
		t.Errorf("focused last cell not scrolled into view: x=%v offset %v", last.Position().X, ed2.scroll.Offset)
	}
}

func TestTableEditorRefusesNonBMP(t *testing.T) {
	ed, _, c := editorWindow(t, "2021", "t3", fyne.NewSize(1000, 700))
	var msg string
	ed.OnMessage(func(s string) { msg = s })
	ne := focusCell(t, ed, c, "t3.new.natural")
	test.Type(ne, "1😀2")
	if ne.Text != "12" || msg == "" {
		t.Errorf("entry %q, message %q", ne.Text, msg)
	}
}

// BenchmarkTableEditorBuild measures building and rendering the largest
// table (2021 表三, 175 cells) at the size it has in the main window.
func BenchmarkTableEditorBuild(b *testing.B) {
	test.NewTempApp(b)
	f := app.FormatByID("2021")
	r, _ := app.NewReport("某某镇人民政府", app.LevelTownship, 2024)
	for b.Loop() {
		ed := NewTableEditor(f, f.Table("t3"))
		ed.SetDraft(draft.New(nil, 0, r, nil, app.CheckOptions{}))
		c := test.NewCanvas()
		c.SetContent(ed)
		c.Resize(fyne.NewSize(900, 700))
		c.Capture()
	}
}

// BenchmarkTableEditorKeystroke measures one typed digit through an owner
// without storage: recompute, every tier of checks, refresh of the totals
// and outlines.
func BenchmarkTableEditorKeystroke(b *testing.B) {
	test.NewTempApp(b)
	f := app.FormatByID("2021")
	r, _ := app.NewReport("某某镇人民政府", app.LevelTownship, 2024)
	ed := NewTableEditor(f, f.Table("t3"))
	ed.SetDraft(draft.New(nil, 0, r, nil, app.CheckOptions{}))
	w := test.NewTempWindow(b, ed)
	w.Resize(fyne.NewSize(900, 700))
	ne := ed.entries["t3.new.natural"]
	w.Canvas().Focus(ne)
	for b.Loop() {
		ne.TypedRune('1')
		ne.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	}
}
