package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"nianbao/app"
)

func TestPDFFileNamesDifferByStyle(t *testing.T) {
	r := &app.Report{Unit: app.Unit{Name: "淮安市人民政府"}, Year: 2024, Doc: app.Doc{Style: app.StylePublic}}
	for _, c := range []struct {
		style string
		draft bool
		want  string
	}{
		{app.StylePublic, false, "淮安市人民政府2024年政府信息公开工作年度报告.pdf"},
		{app.StyleGongwen, false, "淮安市人民政府2024年政府信息公开工作年度报告（公文版）.pdf"},
		{app.StyleGongwen, true, "淮安市人民政府2024年政府信息公开工作年度报告（公文版）（草稿）.pdf"},
		{app.StylePublic, true, "淮安市人民政府2024年政府信息公开工作年度报告（草稿）.pdf"},
	} {
		r.Doc.Style = c.style
		if got := pdfFileName(r, c.draft); got != c.want {
			t.Errorf("%s draft=%v: %q, want %q", c.style, c.draft, got, c.want)
		}
	}
}

// chooserIn shows a file chooser over a test window on dir.
func chooserIn(t *testing.T, dir string, c *fileChooser) *[]string {
	t.Helper()
	test.NewTempApp(t)
	test.ApplyTheme(t, NewTheme())
	w := test.NewWindow(nil)
	w.Resize(fyne.NewSize(1280, 680))
	t.Cleanup(w.Close)
	var chosen []string
	c.win = w
	c.chosen = func(p string) { chosen = append(chosen, p) }
	c.show(dir)
	return &chosen
}

func writeFiles(t *testing.T, dir string, names ...string) {
	t.Helper()
	for _, n := range names {
		p := filepath.Join(dir, n)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func listed(c *fileChooser) []string {
	var names []string
	for _, e := range c.entries {
		names = append(names, e.Name())
	}
	return names
}

func TestChooserListsFoldersThenWantedFiles(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, "乙.pdf", "甲.PDF", "第10期.pdf", "第9期.pdf", "说明.txt", ".隐藏.pdf", "子文件夹/内.pdf")
	c := &fileChooser{title: "导出PDF", save: true, exts: []string{".pdf"}, initial: "新.pdf"}
	chooserIn(t, dir, c)
	// Pinyin order (dì, jiǎ, yǐ), numbers by value; by code point 乙 U+4E59 would come first.
	if want := []string{"子文件夹", "第9期.pdf", "第10期.pdf", "甲.PDF", "乙.pdf"}; !reflect.DeepEqual(listed(c), want) {
		t.Errorf("listed %q, want %q", listed(c), want)
	}
	if c.where.Text != "位置："+dir {
		t.Errorf("location line %q", c.where.Text)
	}
	c.win.Canvas().Capture() // lays the rows out
	dated := 0
	walk(c.list, func(o fyne.CanvasObject) bool {
		if l, ok := o.(*widget.Label); ok && len(l.Text) == len("2006-01-02 15:04") && l.Text[4] == '-' {
			dated++
			if l.Size().Width < l.MinSize().Width {
				t.Errorf("modification time cut: %q in %v", l.Text, l.Size())
			}
		}
		return false
	})
	if dated != 4 {
		t.Errorf("%d files show their modification time, want 4", dated)
	}
	c.list.Select(0)
	if c.dir != filepath.Join(dir, "子文件夹") || !reflect.DeepEqual(listed(c), []string{"内.pdf"}) {
		t.Errorf("after tapping the folder: %s %q", c.dir, listed(c))
	}
	c.list.Select(0)
	if c.name.Text != "内.pdf" {
		t.Errorf("tapping a file puts its name in the entry: %q", c.name.Text)
	}
	if size := c.dlg.MinSize(); size.Width > 1240 {
		t.Errorf("dialog wider than the window: %v", size)
	}
}

func TestChooserSaveAddsExtensionAndAsksBeforeReplacing(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, "旧报告.pdf")
	c := &fileChooser{title: "导出PDF", save: true, exts: []string{".pdf"}}
	chosen := chooserIn(t, dir, c)
	test.Type(c.name, "新报告")
	test.Tap(c.ok)
	if want := []string{filepath.Join(dir, "新报告.pdf")}; !reflect.DeepEqual(*chosen, want) {
		t.Fatalf("chosen %q, want %q", *chosen, want)
	}

	c = &fileChooser{title: "导出PDF", save: true, exts: []string{".pdf"}, initial: "旧报告.pdf"}
	chosen = chooserIn(t, dir, c)
	test.Tap(c.ok)
	if len(*chosen) != 0 {
		t.Fatalf("replaced without asking: %q", *chosen)
	}
	ask := c.win.Canvas().Overlays().Top()
	if findLabel(ask, "“旧报告.pdf”已经存在。\n要用新文件替换它吗？") == nil {
		t.Fatal("no replace question")
	}
	test.Tap(findButton(ask, "替换"))
	if want := []string{filepath.Join(dir, "旧报告.pdf")}; !reflect.DeepEqual(*chosen, want) {
		t.Errorf("chosen %q, want %q", *chosen, want)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "旧报告.pdf")); string(data) != "x" {
		t.Error("the chooser itself changed the file")
	}
}

func TestChooserOpenRefusesMissingFileAndNamesTheProblem(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, "报告.nianbao.json")
	c := &fileChooser{title: "导入报告文件", exts: []string{".json", ".pdf"}}
	chosen := chooserIn(t, dir, c)
	test.Type(c.name, "没有.json")
	test.Tap(c.ok)
	if len(*chosen) != 0 || c.note.Text != "找不到文件“没有.json”。" {
		t.Errorf("chosen %q, note %q", *chosen, c.note.Text)
	}
	c.name.SetText("")
	c.list.Select(0)
	test.Tap(c.ok)
	if want := []string{filepath.Join(dir, "报告.nianbao.json")}; !reflect.DeepEqual(*chosen, want) {
		t.Errorf("chosen %q, want %q", *chosen, want)
	}
	c.open(filepath.Join(dir, "不存在"))
	if c.note.Text != "无法打开文件夹“"+filepath.Join(dir, "不存在")+"”：不存在" || c.dir != dir {
		t.Errorf("missing folder: note %q, dir %s", c.note.Text, c.dir)
	}
}

func TestExportStartsInLastFolderAndRemembersIt(t *testing.T) {
	m := newWindow(t, filepath.Join(t.TempDir(), "workspace.db"))
	importSeed(t, m, "xinjiang-2021.nianbao.json")
	first := t.TempDir()
	if err := m.Workspace().SetSetting(settingLastDir, first); err != nil {
		t.Fatal(err)
	}
	m.showExportJSON()
	box := m.Window().Canvas().Overlays().Top()
	if findLabel(box, "位置："+first) == nil {
		t.Fatal("the save dialog does not start in the last folder")
	}
	name := findEntry(box)
	if name == nil || name.Text != "新绛县人民政府2021年政府信息公开工作年度报告.nianbao.json" {
		t.Fatalf("file name entry %v", name)
	}
	test.Tap(findButton(box, "保存"))
	if _, err := os.Stat(filepath.Join(first, name.Text)); err != nil {
		t.Fatalf("report file not written: %v", err)
	}
	if dir, _ := m.Workspace().Setting(settingLastDir); dir != first {
		t.Errorf("last folder %q, want %q", dir, first)
	}
	if err := os.RemoveAll(first); err != nil {
		t.Fatal(err)
	}
	if got := startDir(first); got == first || !isDir(got) {
		t.Errorf("a removed last folder is still offered: %q", got)
	}
}

func findLabel(o fyne.CanvasObject, text string) *widget.Label {
	var found *widget.Label
	walk(o, func(c fyne.CanvasObject) bool {
		if l, ok := c.(*widget.Label); ok && l.Text == text {
			found = l
			return true
		}
		return false
	})
	return found
}

func findEntry(o fyne.CanvasObject) *widget.Entry {
	var found *widget.Entry
	walk(o, func(c fyne.CanvasObject) bool {
		switch e := c.(type) {
		case *widget.Entry:
			found = e
		case *nameEntry:
			found = &e.Entry
		default:
			return false
		}
		return true
	})
	return found
}

func TestOpenDataRefusesTooLargeFile(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "印章.png")
	if err := os.WriteFile(big, make([]byte, 2<<20+1), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := readLimited(big, 2<<20); err == nil || err.Error() != "文件“印章.png”超过2 MB，请换一个较小的文件。" {
		t.Errorf("too large: %v", err)
	}
	if data, err := readLimited(big, 4<<20); err != nil || len(data) != 2<<20+1 {
		t.Errorf("within the limit: %d bytes, %v", len(data), err)
	}
}

func TestChooserPicksAFolder(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, "收到的/甲.pdf", "报告.pdf")
	c := &fileChooser{title: "添加文件夹", folder: true}
	chosen := chooserIn(t, dir, c)
	if want := []string{"收到的"}; !reflect.DeepEqual(listed(c), want) {
		t.Errorf("a folder chooser lists %q, want %q", listed(c), want)
	}
	if c.ok.Text != "选择此文件夹" {
		t.Errorf("confirm button %q", c.ok.Text)
	}
	test.Tap(c.ok) // the folder listed
	test.Type(c.name, "收到的")
	test.Tap(c.ok)
	c.name.SetText("")
	test.Type(c.name, "没有")
	test.Tap(c.ok)
	if want := []string{dir, filepath.Join(dir, "收到的")}; !reflect.DeepEqual(*chosen, want) {
		t.Errorf("chosen %q, want %q", *chosen, want)
	}
	if c.note.Text != "找不到文件夹“没有”。" {
		t.Errorf("note %q", c.note.Text)
	}
}

func BenchmarkChooserOpensBigFolder(b *testing.B) {
	dir := b.TempDir()
	for i := 0; i < 20000; i++ {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("报告%05d.pdf", 20000-i)), nil, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	test.NewTempApp(b)
	w := test.NewWindow(nil)
	w.Resize(fyne.NewSize(1280, 680))
	c := &fileChooser{title: "导出PDF", save: true, exts: []string{".pdf"}, win: w, chosen: func(string) {}}
	c.show(dir)
	if len(c.entries) != maxListed || c.more != 20000-maxListed || c.entries[0].Name() != "报告00001.pdf" {
		b.Fatalf("%d listed, %d more, first %s", len(c.entries), c.more, c.entries[0].Name())
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c.open(dir)
	}
}

func TestChooserDoubleClickOpensAFile(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, "子/a.json", "报告.nianbao.json")
	c := &fileChooser{title: "导入报告文件", exts: []string{".json"}}
	chosen := chooserIn(t, dir, c)
	c.win.Canvas().Capture()
	var rows []*fileRow
	walk(c.list, func(o fyne.CanvasObject) bool {
		if r, ok := o.(*fileRow); ok && r.Visible() && r.name.Text != "" {
			rows = append(rows, r)
		}
		return false
	})
	if len(rows) != 2 || rows[1].name.Text != "报告.nianbao.json" {
		t.Fatalf("%d rows", len(rows))
	}
	test.Tap(rows[1])
	if len(*chosen) != 0 || c.name.Text != "报告.nianbao.json" {
		t.Errorf("a click: chosen %q, name %q", *chosen, c.name.Text)
	}
	test.DoubleTap(rows[1])
	if want := []string{filepath.Join(dir, "报告.nianbao.json")}; !reflect.DeepEqual(*chosen, want) {
		t.Errorf("a double click: chosen %q, want %q", *chosen, want)
	}
}

// Escape cancels the chooser, from the name input, the list or with nothing focused,
// except while the replace question is open; the window's own key handler
// is back once the chooser has closed.
func TestChooserEscapeCancels(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, "旧报告.pdf")
	esc := &fyne.KeyEvent{Name: fyne.KeyEscape}
	shown := func(c *fileChooser) int { return len(c.win.Canvas().Overlays().List()) }

	c := &fileChooser{title: "导出PDF", save: true, exts: []string{".pdf"}}
	chosen := chooserIn(t, dir, c)
	c.dlg.Hide()
	var windowKeys []fyne.KeyName
	c.win.Canvas().SetOnTypedKey(func(k *fyne.KeyEvent) { windowKeys = append(windowKeys, k.Name) })
	c.show(dir) // shown again over a window that has keys of its own
	if c.win.Canvas().Focused() != c.name {
		t.Fatal("the name input is not focused")
	}
	c.name.TypedKey(esc)
	if shown(c) != 0 || len(*chosen) != 0 {
		t.Fatalf("Escape in the name input: %d dialogs open, chosen %q", shown(c), *chosen)
	}
	c.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyF5})
	if len(windowKeys) != 1 || windowKeys[0] != fyne.KeyF5 {
		t.Errorf("the window's keys after the chooser closed: %v", windowKeys)
	}

	c.show(dir)
	c.win.Canvas().Focus(c.list) // a click on a row gives the list the keyboard
	c.list.TypedKey(esc)
	if shown(c) != 0 {
		t.Error("Escape in the list left the chooser open")
	}

	c.show(dir)
	c.win.Canvas().Unfocus()
	c.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyF5})
	if len(windowKeys) != 2 {
		t.Errorf("other keys do not reach the window while the chooser is open: %v", windowKeys)
	}
	c.win.Canvas().OnTypedKey()(esc)
	if shown(c) != 0 {
		t.Error("Escape with nothing focused left the chooser open")
	}

	c = &fileChooser{title: "导出PDF", save: true, exts: []string{".pdf"}, initial: "旧报告.pdf"}
	chosen = chooserIn(t, dir, c)
	test.Tap(c.ok)
	c.win.Canvas().Unfocus()
	c.win.Canvas().OnTypedKey()(esc)
	if shown(c) != 2 {
		t.Fatalf("%d dialogs open after Escape over the replace question, want the chooser and the question", shown(c))
	}
	test.Tap(findButton(c.win.Canvas().Overlays().Top(), "替换"))
	if want := []string{filepath.Join(dir, "旧报告.pdf")}; !reflect.DeepEqual(*chosen, want) {
		t.Errorf("chosen %q, want %q", *chosen, want)
	}
}
