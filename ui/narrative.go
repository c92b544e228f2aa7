package ui

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"nianbao/app"
	"nianbao/draft"
)

// textEntry is a plain Entry (not data-bound: bound entries truncate Chinese
// IME input) that refuses characters outside the BMP, which neither the PDF
// fonts nor the report file rules accept.
type textEntry struct {
	widget.Entry
	refused func(r rune)
}

func newTextEntry(multiLine bool, refused func(rune)) *textEntry {
	e := &textEntry{refused: refused}
	e.MultiLine = multiLine
	if multiLine {
		e.Wrapping = fyne.TextWrapWord
	}
	e.ExtendBaseWidget(e)
	return e
}

// TypedRune refuses a non-BMP character.
func (e *textEntry) TypedRune(r rune) {
	if r > 0xFFFF {
		if e.refused != nil {
			e.refused(r)
		}
		return
	}
	e.Entry.TypedRune(r)
}

// TypedShortcut pastes only BMP characters and reports the others.
func (e *textEntry) TypedShortcut(s fyne.Shortcut) {
	p, ok := s.(*fyne.ShortcutPaste)
	if !ok || p.Clipboard == nil {
		e.Entry.TypedShortcut(s)
		return
	}
	text := p.Clipboard.Content()
	clean, bad := stripNonBMP(text)
	if len(bad) == 0 {
		e.Entry.TypedShortcut(s)
		return
	}
	if e.refused != nil {
		e.refused(bad[0])
	}
	e.insert(clean)
}

// insert puts text at the cursor, as typing would.
func (e *textEntry) insert(text string) {
	lines := strings.Split(e.Text, "\n")
	row, col := e.CursorRow, e.CursorColumn
	if row >= len(lines) {
		row = len(lines) - 1
	}
	pos := 0
	for i := 0; i < row; i++ {
		pos += len(lines[i]) + 1
	}
	line := []rune(lines[row])
	if col > len(line) {
		col = len(line)
	}
	pos += len(string(line[:col]))
	e.SetText(e.Text[:pos] + text + e.Text[pos:])
	after := strings.Split(e.Text[:pos+len(text)], "\n")
	e.CursorRow = len(after) - 1
	e.CursorColumn = utf8.RuneCountInString(after[len(after)-1])
	e.Refresh()
}

// stripNonBMP removes the characters outside the BMP and returns them.
func stripNonBMP(s string) (string, []rune) {
	var bad []rune
	clean := strings.Map(func(r rune) rune {
		if r > 0xFFFF {
			bad = append(bad, r)
			return -1
		}
		return r
	}, s)
	return clean, bad
}

// refusedMessage explains why a character was not accepted.
func refusedMessage(r rune) string {
	return fmt.Sprintf("不能输入字符“%c”（U+%X）：它不在常用汉字范围内，公文字体无法打印。请改用常用字或用文字说明。", r, r)
}

// narrative is the editor of one text section with its character count
// and the marks of the words LINT-SPAM flags in it.
type narrative struct {
	path     string
	entry    *textEntry
	count    *widget.Label
	marks    *widget.RichText  // every flagged occurrence with its context
	marksBox *container.Scroll // the marks, a few lines high, hidden when none
	setting  bool              // true while the owner's value is shown
}

// fieldName is the Chinese name of a field, from its declaration in app.
func fieldName(path string) string {
	f, _ := app.FieldByPath(path)
	return f.Name
}

func (m *MainWindow) newNarrative(path string, rows int) *narrative {
	n := &narrative{path: path, count: widget.NewLabel(""), marks: widget.NewRichText()}
	n.marks.Wrapping = fyne.TextWrapWord
	// a long list scrolls instead of growing the window past the screen
	n.marksBox = container.NewVScroll(n.marks)
	n.marksBox.SetMinSize(fyne.NewSize(0, 72)) // three lines
	n.marksBox.Hide()
	n.entry = newTextEntry(true, func(r rune) { m.say(refusedMessage(r)) })
	n.entry.SetMinRowsVisible(rows)
	n.entry.SetText(*m.report().TextField(path))
	n.showCount()
	n.mark(m.d)
	n.entry.OnChanged = func(s string) {
		if n.setting {
			return
		}
		if clean, bad := stripNonBMP(s); len(bad) > 0 { // e.g. text set by an IME in one go
			m.say(refusedMessage(bad[0]))
			n.entry.SetText(clean)
			return
		}
		n.showCount()
		m.fieldEdited(path, s)
		n.mark(m.d)
	}
	m.texts[path] = n
	return n
}

func (n *narrative) showCount() {
	c := 0
	for _, r := range n.entry.Text {
		if r != '\n' && r != ' ' && r != '\t' {
			c++
		}
	}
	n.count.SetText(fmt.Sprintf("%d字", c))
}

// markContext is how many characters around a flagged word are shown.
const markContext = 8

// mark lists every occurrence LINT-SPAM flags in the section, the word in
// red within its context, so the clerk finds each one (a text entry cannot
// colour its own text).
func (n *narrative) mark(d *draft.Draft) {
	if d == nil {
		return
	}
	text := []rune(n.entry.Text)
	spans := app.SpamSpans(n.entry.Text, d.Options())
	if len(spans) == 0 {
		if len(n.marks.Segments) > 0 {
			n.marks.Segments = nil
			n.marks.Refresh()
			n.marksBox.Hide()
		}
		return
	}
	bad := widget.RichTextStyleStrong
	bad.ColorName = "error"
	// A segment in a paragraph style ends its line: one occurrence a line.
	segs := []widget.RichTextSegment{&widget.TextSegment{
		Text:  fmt.Sprintf("本节有%d处异常词（垃圾文字），请删除；确属正常用语的，可在右侧校验结果中加入允许词：", len(spans)),
		Style: widget.RichTextStyleParagraph,
	}}
	for i, sp := range spans {
		a, b := max(0, sp.Start-markContext), min(len(text), sp.End+markContext)
		segs = append(segs,
			&widget.TextSegment{Text: fmt.Sprintf("%d. …%s", i+1, clean(text[a:sp.Start])), Style: widget.RichTextStyleInline},
			&widget.TextSegment{Text: string(text[sp.Start:sp.End]), Style: bad},
			&widget.TextSegment{Text: clean(text[sp.End:b]) + "…", Style: widget.RichTextStyleParagraph})
	}
	n.marks.Segments = segs
	n.marks.Refresh()
	n.marksBox.Show()
}

// clean shows line breaks of a context as spaces.
func clean(rs []rune) string { return strings.ReplaceAll(string(rs), "\n", " ") }

// Marks returns the occurrences marked under a section, one per line.
func (m *MainWindow) Marks(path string) []string {
	n := m.texts[path]
	if n == nil {
		return nil
	}
	var out []string
	var b strings.Builder
	for i, seg := range n.marks.Segments {
		b.WriteString(seg.Textual())
		if seg.Inline() {
			continue
		}
		if i > 0 { // the first line is the heading
			out = append(out, b.String())
		}
		b.Reset()
	}
	return out
}

// punctButton is 规范标点: one undoable edit of the section.
func (m *MainWindow) punctButton(n *narrative) fyne.CanvasObject {
	return widget.NewButton("规范标点", func() { m.fixPunct(n.path) })
}

// fixPunct replaces the half-width punctuation of a section.
func (m *MainWindow) fixPunct(path string) {
	if m.d == nil {
		return
	}
	before := *m.report().TextField(path)
	ch, err := m.d.FixPunct(path)
	m.changed(ch, err)
	if err == nil && *m.report().TextField(path) == before {
		m.say("本节没有需要规范的半角标点。")
	} else if err == nil {
		m.say("已将本节的半角标点改为全角；如需退回，请点“撤销”。")
	}
}

// header is a section's heading line with its count and tools.
func (n *narrative) header(tools ...fyne.CanvasObject) fyne.CanvasObject {
	title := widget.NewLabelWithStyle(fieldName(n.path), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	objs := append([]fyne.CanvasObject{title, n.count, layout.NewSpacer()}, tools...)
	return container.NewHBox(objs...)
}

// dataButton inserts the sentences generated from the tables at the cursor.
func (m *MainWindow) dataButton(n *narrative) fyne.CanvasObject {
	return widget.NewButton("插入数据说明", func() {
		text := app.DataSentences(m.report(), n.path)
		if text == "" {
			m.say("本节没有可从表格生成的说明。")
			return
		}
		n.entry.insert(text)
		m.say("已插入根据表格生成的说明，请核对后修改措辞。")
	})
}

// textPage is the page of section 五 or 六.
func (m *MainWindow) textPage(path string, rows int) fyne.CanvasObject {
	n := m.newNarrative(path, rows)
	tools := []fyne.CanvasObject{m.dataButton(n), m.punctButton(n)}
	hint := "写明存在的主要问题和改进措施，不少于20字。"
	if path == "text.s6" {
		hint = "第一项写信息处理费收取情况（依据《政府信息公开信息处理费管理办法》），其后写其他需要报告的事项；没有的写“无。”"
		tools = append([]fyne.CanvasObject{widget.NewButton("插入信息处理费项", func() {
			if strings.Contains(n.entry.Text, "信息处理费") {
				m.say("正文已写有信息处理费情况。")
				return
			}
			n.entry.SetText(strings.TrimLeft(app.FeeItem(m.report())+"\n"+n.entry.Text, "\n"))
		})}, tools...)
	}
	note := widget.NewLabel(hint)
	note.Wrapping = fyne.TextWrapWord
	note.Importance = widget.LowImportance
	return container.NewBorder(container.NewVBox(n.header(tools...), note), n.marksBox, nil, nil, n.entry)
}

// sectionOne is the page with the preface and section 一.
func (m *MainWindow) sectionOne() fyne.CanvasObject {
	pre := m.newNarrative("text.preface", 4)
	s1 := m.newNarrative("text.s1", 8)
	heads := widget.NewButton("插入五个小标题", func() {
		missing := missingSubHeads(s1.entry.Text)
		if len(missing) == 0 {
			m.say("五个小标题都已写在正文中。")
			return
		}
		text := strings.TrimRight(s1.entry.Text, "\n")
		for _, h := range missing {
			if text != "" {
				text += "\n"
			}
			text += h + "\n"
		}
		s1.entry.SetText(text)
	})
	regen := widget.NewButton("重新生成前言", func() {
		pre.entry.SetText(app.Preface(m.report().FormatDef(), m.report().Year))
	})
	top := container.NewBorder(pre.header(regen, m.punctButton(pre)), pre.marksBox, nil, nil, pre.entry)
	body := container.NewBorder(s1.header(heads, m.dataButton(s1), m.punctButton(s1)), s1.marksBox, nil, nil, s1.entry)
	split := container.NewVSplit(top, body)
	split.Offset = 0.25
	return split
}

// missingSubHeads lists the sub-heads of section 一 not yet in the text.
func missingSubHeads(text string) []string {
	var out []string
	for _, h := range app.S1SubHeads {
		if !strings.Contains(text, h) {
			out = append(out, h)
		}
	}
	return out
}

// NarrativeText returns the text shown in a narrative editor.
func (m *MainWindow) NarrativeText(path string) string {
	if n := m.texts[path]; n != nil {
		return n.entry.Text
	}
	return ""
}
