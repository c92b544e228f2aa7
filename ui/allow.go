package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"nianbao/app"
)

// allowWords are the distinct words LINT-SPAM flags in a finding's section.
func (m *MainWindow) allowWords(f app.Finding) []string {
	p := m.report().TextField(f.Anchor)
	if p == nil {
		return nil
	}
	var out []string
	seen := map[string]bool{}
	for _, sp := range app.SpamSpans(*p, m.d.Options()) {
		if k := strings.ToLower(sp.Word); !seen[k] {
			seen[k] = true
			out = append(out, sp.Word)
		}
	}
	return out
}

// askAllow lets the clerk put a flagged word on the workspace's allow-list.
func (m *MainWindow) askAllow(f app.Finding) {
	words := m.allowWords(f)
	if len(words) == 0 {
		return
	}
	choice := widget.NewRadioGroup(words, nil)
	choice.SetSelected(words[0])
	note := widget.NewLabel("加入允许词后，本工作区的所有报告都不再把这个词当作垃圾文字。只有确认它是正常用语（如单位或产品的正式名称）时才这样做；允许词可在“基本信息与落款”中删除。")
	note.Wrapping = fyne.TextWrapWord
	dlg := dialog.NewCustomConfirm("加入允许词", "加入", "取消", container.NewVBox(note, choice), func(ok bool) {
		if ok && choice.Selected != "" {
			m.AllowWord(choice.Selected)
		}
	}, m.win)
	dlg.Resize(fyne.NewSize(520, 280))
	dlg.Show()
}

// AllowWord adds a word to the allow-list and re-checks the open report.
func (m *MainWindow) AllowWord(word string) {
	if m.d == nil {
		return
	}
	ch, err := m.d.AllowWord(m.ws, word)
	if err != nil {
		m.fail("加入允许词", err)
		return
	}
	m.changed(ch, nil)
	for _, n := range m.texts {
		n.mark(m.d)
	}
	if m.form != nil {
		m.form.showAllowWords()
	}
	m.say(fmt.Sprintf("已将“%s”加入允许词。", word))
}

// RemoveAllowWord takes a word off the allow-list and re-checks.
func (m *MainWindow) RemoveAllowWord(word string) {
	if err := m.ws.RemoveAllowWord(word); err != nil {
		m.fail("删除允许词", err)
		return
	}
	words, err := m.ws.AllowWords()
	if err != nil {
		m.fail("读取允许词", err)
		return
	}
	if m.d != nil {
		m.changed(m.d.SetAllow(words), nil)
		for _, n := range m.texts {
			n.mark(m.d)
		}
	}
	if m.form != nil {
		m.form.showAllowWords()
	}
	m.say(fmt.Sprintf("已删除允许词“%s”。", word))
}

// showAllowWords lists the allow-list in 基本信息, each word removable.
func (d *docForm) showAllowWords() {
	words, err := d.m.ws.AllowWords()
	if err != nil {
		d.m.fail("读取允许词", err)
		return
	}
	objs := []fyne.CanvasObject{}
	if len(words) == 0 {
		l := widget.NewLabel("（无）校验把正文中的博彩广告等异常词列为错误；确属正常用语的词，可在校验结果中加入允许词。")
		l.Wrapping = fyne.TextWrapWord
		objs = append(objs, l)
	}
	for _, w := range words {
		objs = append(objs, container.NewHBox(widget.NewLabel(w), widget.NewButton("删除", func() { d.m.RemoveAllowWord(w) })))
	}
	d.allow.Objects = objs
	d.allow.Refresh()
}
