package ui

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"nianbao/app"
)

// maxListed bounds the entries a folder shows; a folder with more is rare
// and the clerk can still type the name.
const maxListed = 2000

// pdfFileName is the default name of an exported PDF: the 公文版 and a
// draft say so, so that the two styles of one report do not overwrite each other.
func pdfFileName(r *app.Report, draft bool) string {
	name := strings.TrimSuffix(DefaultPDFName(r), ".pdf")
	if r.Doc.Style == app.StyleGongwen {
		name += "（公文版）"
	}
	if draft {
		name += "（草稿）"
	}
	return name + ".pdf"
}

// askSavePath asks where to save a file, starting in the last folder used.
// ext (".pdf") is added to a typed name that lacks it.
func (m *MainWindow) askSavePath(title, name, ext string, chosen func(path string)) {
	m.showChooser(&fileChooser{title: title, save: true, exts: []string{ext}, initial: name}, chosen)
}

// askOpenPath asks for an existing file with one of exts.
func (m *MainWindow) askOpenPath(title string, exts []string, chosen func(path string)) {
	m.showChooser(&fileChooser{title: title, exts: exts}, chosen)
}

// askFolderPath asks for a folder: the one listed, or the one typed.
func (m *MainWindow) askFolderPath(title string, chosen func(dir string)) {
	m.showChooser(&fileChooser{title: title, folder: true}, chosen)
}

// askOpenData asks for a file and hands over its content; a file larger
// than limit is refused with a message instead of being cut.
func (m *MainWindow) askOpenData(title string, exts []string, limit int64, got func(data []byte)) {
	m.askOpenPath(title, exts, func(path string) {
		data, err := readLimited(path, limit)
		if err != nil {
			m.showError("无法读取文件", err)
			return
		}
		got(data)
	})
}

func readLimited(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("无法读取文件“%s”：%s", path, fileProblem(err))
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("无法读取文件“%s”：%s", path, fileProblem(err))
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("文件“%s”超过%d MB，请换一个较小的文件。", filepath.Base(path), limit>>20)
	}
	return data, nil
}

func (m *MainWindow) showChooser(c *fileChooser, chosen func(path string)) {
	c.win = m.win
	c.chosen = func(path string) {
		dir := filepath.Dir(path)
		if c.folder {
			dir = path
		}
		_ = m.ws.SetSetting(settingLastDir, dir)
		chosen(path)
	}
	dir, _ := m.ws.Setting(settingLastDir)
	c.show(startDir(dir))
}

// startDir is the last folder used while it exists, else 文档 or the home folder.
func startDir(last string) string {
	if last != "" && isDir(last) {
		return last
	}
	for _, p := range places() {
		if p.name == "文档" {
			return p.path
		}
	}
	if home, err := os.UserHomeDir(); err == nil {
		return home
	}
	return string(filepath.Separator)
}

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

// place is a folder offered at the side of the file dialog.
type place struct{ name, path string }

// fileChooser is the app's own file dialog. Fyne's names its favourites and
// asks «Overwrite?» in English where no translation reaches, and is too
// narrow for the long names of reports.
type fileChooser struct {
	title   string
	save    bool
	folder  bool     // choose a folder, not a file
	exts    []string // lower case, with the dot; a file matches one as a suffix
	initial string
	win     fyne.Window
	chosen  func(path string)

	dir     string
	entries []os.DirEntry
	more    int // entries not listed beyond maxListed
	problem string

	where *widget.Label
	list  *chooserList
	note  *widget.Label
	name  *nameEntry
	ok    *widget.Button
	dlg   *dialog.CustomDialog

	asking bool // the replace question is open above the chooser
}

// nameEntry is the chooser's file-name input; Escape in it cancels the
// chooser, as in every desktop file dialog.
type nameEntry struct {
	widget.Entry
	cancel func()
}

func newNameEntry(cancel func()) *nameEntry {
	e := &nameEntry{cancel: cancel}
	e.ExtendBaseWidget(e)
	return e
}

func (e *nameEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape {
		e.cancel()
		return
	}
	e.Entry.TypedKey(k)
}

// chooserList is the chooser's list of folders and files; a click on a row
// gives it the keyboard, and Escape in it cancels the chooser too.
type chooserList struct {
	widget.List
	cancel func()
}

func newChooserList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject), cancel func()) *chooserList {
	l := &chooserList{cancel: cancel}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.ExtendBaseWidget(l)
	return l
}

func (l *chooserList) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape {
		l.cancel()
		return
	}
	l.List.TypedKey(k)
}

func (c *fileChooser) show(dir string) {
	c.where = widget.NewLabel("")
	c.where.Wrapping = fyne.TextWrapBreak
	up := widget.NewButtonWithIcon("上一级", theme.MoveUpIcon(), func() { c.open(filepath.Dir(c.dir)) })
	c.note = widget.NewLabel("")
	c.note.Wrapping = fyne.TextWrapWord
	c.list = newChooserList(func() int { return len(c.entries) }, c.newRow, c.updateRow, c.cancel)
	c.list.OnSelected = c.selected
	c.name = newNameEntry(c.cancel)
	c.name.SetText(c.initial)
	c.name.OnSubmitted = func(string) { c.confirm() }
	confirm := "打开"
	switch {
	case c.save:
		confirm = "保存"
	case c.folder:
		confirm = "选择此文件夹"
	}
	c.ok = widget.NewButton(confirm, c.confirm)
	c.ok.Importance = widget.HighImportance
	cancel := widget.NewButton("取消", c.cancel)

	side := container.NewVBox(widget.NewLabelWithStyle("常用位置", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	for _, p := range places() {
		p := p
		side.Add(widget.NewButtonWithIcon(p.name, theme.FolderIcon(), func() { c.open(p.path) }))
	}
	top := container.NewBorder(nil, nil, nil, up, c.where)
	label := "文件名："
	switch {
	case c.folder:
		label = "子文件夹（可不填）："
	case !c.save:
		label = "要打开的文件："
	}
	bottom := container.NewVBox(c.note, container.NewBorder(nil, nil, widget.NewLabel(label),
		container.NewHBox(cancel, c.ok), c.name))
	body := container.NewBorder(top, bottom, container.NewVScroll(side), nil, c.list)
	c.dlg = dialog.NewCustomWithoutButtons(c.title, body, c.win)
	c.dlg.Resize(chooserSize(c.win.Canvas().Size()))
	// Escape with nothing focused cancels too (the name input and the
	// list handle it themselves); the window's own keys come back when
	// the chooser closes
	canvas := c.win.Canvas()
	prev := canvas.OnTypedKey()
	canvas.SetOnTypedKey(func(k *fyne.KeyEvent) {
		switch {
		case k.Name == fyne.KeyEscape && !c.asking:
			c.cancel()
		case prev != nil:
			prev(k)
		}
	})
	c.dlg.SetOnClosed(func() { canvas.SetOnTypedKey(prev) })
	c.open(dir)
	c.dlg.Show()
	c.win.Canvas().Focus(c.name)
}

// chooserSize is large enough for a 40-character file name, within the window.
func chooserSize(win fyne.Size) fyne.Size {
	return fyne.NewSize(min(960, win.Width-40), min(620, win.Height-40))
}

// open lists a folder: subfolders first, then the files of the wanted
// types, each sorted by name; hidden entries are left out.
func (c *fileChooser) open(dir string) {
	all, err := os.ReadDir(dir)
	if err != nil {
		c.problem = fmt.Sprintf("无法打开文件夹“%s”：%v", dir, fileProblem(err))
		c.note.SetText(c.problem)
		return
	}
	c.dir, c.problem = dir, ""
	var dirs, files []os.DirEntry
	for _, e := range all {
		switch {
		case strings.HasPrefix(e.Name(), "."):
		case c.isFolder(e):
			dirs = append(dirs, e)
		case c.wanted(e.Name()):
			files = append(files, e)
		}
	}
	// In pinyin order with numbers by value, as Explorer shows them; the
	// sort keys are made once, so a folder of 100,000 files sorts quickly.
	col := collate.New(language.SimplifiedChinese, collate.IgnoreCase, collate.Numeric)
	var buf collate.Buffer
	byName := func(s []os.DirEntry) {
		keys := make(map[string][]byte, len(s))
		for _, e := range s {
			keys[e.Name()] = append([]byte(nil), col.KeyFromString(&buf, e.Name())...)
			buf.Reset()
		}
		sort.SliceStable(s, func(i, j int) bool { return bytes.Compare(keys[s[i].Name()], keys[s[j].Name()]) < 0 })
	}
	byName(dirs)
	byName(files)
	c.entries = append(dirs, files...)
	c.more = 0
	if len(c.entries) > maxListed {
		c.more = len(c.entries) - maxListed
		c.entries = c.entries[:maxListed]
	}
	c.where.SetText("位置：" + dir)
	c.note.SetText(c.noteText())
	c.list.UnselectAll()
	c.list.Refresh()
	c.list.ScrollToTop()
}

func (c *fileChooser) noteText() string {
	if c.more > 0 {
		return fmt.Sprintf("这个文件夹另有%d项未列出，可以直接输入文件名。", c.more)
	}
	if len(c.entries) == 0 && !c.folder {
		return "这个文件夹中没有子文件夹，也没有" + c.kinds() + "。"
	}
	return ""
}

// kinds names the wanted file types for the clerk.
func (c *fileChooser) kinds() string {
	var k []string
	for _, e := range c.exts {
		switch e {
		case ".pdf":
			k = append(k, "PDF文件")
		default:
			k = append(k, "报告文件（"+e+"）")
		}
	}
	return strings.Join(k, "或")
}

func (c *fileChooser) wanted(name string) bool {
	if c.folder {
		return false
	}
	lower := strings.ToLower(name)
	for _, e := range c.exts {
		if strings.HasSuffix(lower, e) {
			return true
		}
	}
	return len(c.exts) == 0
}

// isFolder follows links, which is how Linux desktops offer other drives.
func (c *fileChooser) isFolder(e os.DirEntry) bool {
	return e.IsDir() || e.Type()&os.ModeSymlink != 0 && isDir(filepath.Join(c.dir, e.Name()))
}

// fileRow is a line of the file list. A click selects it; a double click on
// a file also confirms it, as in Explorer.
type fileRow struct {
	widget.BaseWidget
	c          *fileChooser
	id         widget.ListItemID
	icon       *widget.Icon
	name, when *widget.Label
}

func (r *fileRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, r.icon, r.when, r.name))
}

// Tapped is needed beside DoubleTapped: a click goes to the one object that takes either.
func (r *fileRow) Tapped(*fyne.PointEvent) { r.c.list.Select(r.id) }

func (r *fileRow) DoubleTapped(*fyne.PointEvent) {
	if r.id >= len(r.c.entries) {
		return
	}
	folder := r.c.isFolder(r.c.entries[r.id])
	r.c.list.Select(r.id)
	if !folder && !r.c.folder {
		r.c.confirm()
	}
}

func (c *fileChooser) newRow() fyne.CanvasObject {
	// The template's text sizes the column: list rows are not laid out again.
	r := &fileRow{c: c, icon: widget.NewIcon(theme.FileIcon()), name: widget.NewLabel(""), when: widget.NewLabel("2006-01-02 15:04")}
	r.name.Truncation = fyne.TextTruncateEllipsis
	r.ExtendBaseWidget(r)
	return r
}

func (c *fileChooser) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	e := c.entries[id]
	r := o.(*fileRow)
	r.id = id
	r.name.SetText(e.Name())
	if c.isFolder(e) {
		r.icon.SetResource(theme.FolderIcon())
		r.when.SetText("")
		return
	}
	r.icon.SetResource(theme.FileIcon())
	r.when.SetText("")
	if info, err := e.Info(); err == nil {
		r.when.SetText(info.ModTime().Format("2006-01-02 15:04"))
	}
}

func (c *fileChooser) selected(id widget.ListItemID) {
	if id < 0 || id >= len(c.entries) {
		return
	}
	e := c.entries[id]
	p := filepath.Join(c.dir, e.Name())
	if isDir(p) {
		c.open(p)
		return
	}
	c.name.SetText(e.Name())
}

// confirm takes the typed name (or a whole path) relative to the listed folder.
func (c *fileChooser) confirm() {
	text := strings.TrimSpace(c.name.Text)
	if c.folder {
		c.confirmFolder(text)
		return
	}
	if text == "" {
		c.note.SetText("请输入文件名。")
		return
	}
	p := text
	if !filepath.IsAbs(p) {
		p = filepath.Join(c.dir, p)
	}
	st, err := os.Stat(p)
	switch {
	case err == nil && st.IsDir():
		c.name.SetText("")
		c.open(p)
	case !c.save && err != nil:
		c.note.SetText(fmt.Sprintf("找不到文件“%s”。", text))
	case !c.save:
		c.done(p)
	default:
		c.confirmSave(p)
	}
}

// confirmFolder takes the listed folder, or a typed one below it.
func (c *fileChooser) confirmFolder(text string) {
	p := c.dir
	if text != "" {
		p = text
		if !filepath.IsAbs(p) {
			p = filepath.Join(c.dir, p)
		}
	}
	if !isDir(p) {
		c.note.SetText(fmt.Sprintf("找不到文件夹“%s”。", text))
		return
	}
	c.done(p)
}

func (c *fileChooser) confirmSave(p string) {
	if len(c.exts) == 1 && !c.wanted(p) {
		p += c.exts[0]
	}
	if strings.ContainsAny(filepath.Base(p), `\/:*?"<>|`) {
		c.note.SetText("文件名不能含有 \\ / : * ? \" < > | 这些字符。")
		return
	}
	if !isDir(filepath.Dir(p)) {
		c.note.SetText(fmt.Sprintf("文件夹“%s”不存在。", filepath.Dir(p)))
		return
	}
	if _, err := os.Stat(p); err != nil {
		c.done(p)
		return
	}
	msg := widget.NewLabel(fmt.Sprintf("“%s”已经存在。\n要用新文件替换它吗？", filepath.Base(p)))
	msg.Wrapping = fyne.TextWrapBreak
	c.asking = true
	ask := dialog.NewCustomConfirm("文件已存在", "替换", "取消", msg, func(replace bool) {
		c.asking = false
		if replace {
			c.done(p)
		}
	}, c.win)
	ask.Resize(fyne.NewSize(min(560, c.win.Canvas().Size().Width-40), 0))
	ask.Show()
}

// cancel closes the chooser without a choice.
func (c *fileChooser) cancel() { c.dlg.Hide() }

func (c *fileChooser) done(p string) {
	c.dlg.Hide()
	c.chosen(p)
}
