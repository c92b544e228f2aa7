package ui

import (
	"bytes"
	"fmt"
	"image/png"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"nianbao/app"
	"nianbao/pdfout"
)

// docFields are the 基本信息与落款 text fields in the order of their
// declaration in app (the style has its own choice).
func docFields() []app.FieldDecl {
	var out []app.FieldDecl
	for _, f := range app.Fields {
		if f.Section == "doc" && f.Path != "doc.style" {
			out = append(out, f)
		}
	}
	return out
}

// docForm is the 基本信息与落款 page.
type docForm struct {
	m       *MainWindow
	allow   *fyne.Container // the workspace's LINT-SPAM allow-list
	unit    *textEntry
	level   *widget.Select
	style   *styleChoice
	entries map[string]*textEntry
	dateMsg map[string]*widget.Label
	seal    *canvas.Image
	sealMsg *widget.Label
	content fyne.CanvasObject
}

var styleNames = []struct{ id, name string }{{app.StylePublic, "公开版"}, {app.StyleGongwen, "公文版"}}

func newDocForm(m *MainWindow) *docForm {
	d := &docForm{m: m, entries: map[string]*textEntry{}, dateMsg: map[string]*widget.Label{}}
	r := m.report()
	refuse := func(r rune) { m.say(refusedMessage(r)) }

	d.unit = newTextEntry(false, refuse)
	d.unit.SetText(r.Unit.Name)
	d.unit.OnChanged = func(s string) {
		if strings.TrimSpace(s) == "" {
			m.say("机关名称不能为空，未保存。")
			return
		}
		if id, err := m.ws.FindReport(s, m.report().Year); err == nil && id != m.id {
			m.say(fmt.Sprintf("工作区中已有“%s”%d年的报告，机关名称未保存。", s, m.report().Year))
			return
		}
		m.fieldEdited("unit.name", s)
	}
	var levelBox fyne.CanvasObject
	d.level, levelBox = levelSelect(r.Unit.Level, func(level string) {
		if level != "" && level != m.report().Unit.Level {
			m.fieldEdited("unit.level", level)
		}
	})
	d.style = newStyleChoice(r.Doc.Style, func(style string) {
		if style == m.report().Doc.Style {
			return
		}
		m.fieldEdited("doc.style", style)
		// gongwen.md §9.1: a 公文 published on its own carries this 附注.
		if style == app.StyleGongwen && strings.TrimSpace(m.report().Doc.Note) == "" {
			m.fieldEdited("doc.note", "（此件主动公开）")
			d.sync("doc.note")
		}
	})

	form := widget.NewForm(
		widget.NewFormItem("机关名称", d.unit),
		widget.NewFormItem("机关类型", levelBox),
		widget.NewFormItem("报告年度", widget.NewLabel(strconv.Itoa(r.Year)+"年（"+r.FormatDef().Name+"，"+r.FormatDef().Notice+"）")),
		widget.NewFormItem("版式", d.style.obj),
	)
	for _, fd := range docFields() {
		e := newTextEntry(fd.Kind == app.MultiLine, refuse)
		e.SetPlaceHolder(fd.Hint)
		e.SetText(*r.DocField(fd.Path))
		d.entries[fd.Path] = e
		var item fyne.CanvasObject = e
		if fd.Kind == app.DateField {
			msg := widget.NewLabel("")
			msg.Importance = widget.DangerImportance
			msg.Hide()
			d.dateMsg[fd.Path] = msg
			item = container.NewVBox(container.NewBorder(nil, nil, nil, d.datePicker(e), e), msg)
			e.OnChanged = func(s string) { d.dateChanged(fd.Path, s) }
		} else {
			e.OnChanged = func(s string) { m.fieldEdited(fd.Path, s) }
		}
		form.Append(fd.Name, item)
	}

	d.seal = canvas.NewImageFromResource(nil)
	d.seal.FillMode = canvas.ImageFillContain
	d.seal.SetMinSize(fyne.NewSize(120, 120))
	d.sealMsg = widget.NewLabel("")
	d.loadSeal()
	sealBox := container.NewHBox(d.seal, container.NewVBox(d.sealMsg,
		widget.NewButton("选择印章图片…", d.chooseSeal),
		widget.NewButton("移除印章", func() { d.setSeal(nil) })))
	form.Append("印章", sealBox)
	form.Append("打印字体", d.fontsSection())
	d.allow = container.NewVBox()
	d.showAllowWords()
	form.Append("允许词", d.allow)
	d.content = container.NewVScroll(form)
	return d
}

func (d *docForm) object() fyne.CanvasObject { return d.content }

// dateChanged saves a date only when it is a real date (or empty), in
// the form clerks type it; the text stays in the box with a message until
// it is one. The workspace stores YYYY-MM-DD.
func (d *docForm) dateChanged(path, s string) {
	msg := d.dateMsg[path]
	date, ok := app.ParseDate(s)
	if s != "" && !ok {
		msg.SetText("不是有效的日期，可写作 2025年1月20日、2025-1-20 或 2025.1.20；改正之前按未填写保存。")
		msg.Show()
		date = "" // the workspace never keeps a date the box no longer shows
	} else {
		msg.Hide()
	}
	d.m.fieldEdited(path, date)
}

// sync shows a document field the owner changed (undo).
func (d *docForm) sync(path string) {
	e := d.entries[path]
	if e == nil {
		return
	}
	if v := d.m.report().DocField(path); v != nil && e.Text != *v {
		e.SetText(*v)
	}
}

// focus puts the cursor into the field of a finding's anchor.
func (d *docForm) focus(c fyne.Canvas, anchor string) {
	if e := d.entries[anchor]; e != nil {
		c.Focus(e)
		return
	}
	if anchor == "unit.name" {
		c.Focus(d.unit)
	}
}

func (d *docForm) loadSeal() {
	data, err := d.m.ws.Seal(d.m.report().Unit.Name)
	if err != nil {
		d.m.fail("读取印章", err)
	}
	d.showSeal(data)
}

func (d *docForm) showSeal(data []byte) {
	if len(data) == 0 {
		d.seal.Resource = nil
		d.seal.Image = nil
		d.sealMsg.SetText("未设置印章（公开版可不加盖印章）。")
	} else {
		d.seal.Resource = fyne.NewStaticResource("seal.png", data)
		d.sealMsg.SetText("已设置印章，导出PDF时加盖在署名处。")
	}
	d.seal.Refresh()
}

func (d *docForm) chooseSeal() {
	d.m.askOpenData("选择印章图片", []string{".png"}, 8<<20, d.setSeal)
}

// setSeal stores a PNG seal of the unit (nil removes it).
func (d *docForm) setSeal(data []byte) {
	if data != nil {
		if err := pdfout.CheckSeal(data); err != nil { // before decoding: a huge image takes gigabytes
			d.m.say(err.Error())
			return
		}
		if _, err := png.Decode(bytes.NewReader(data)); err != nil {
			d.m.say("印章图片无法读取：请选择PNG格式的图片（最好是透明背景的红色印章）。")
			return
		}
	}
	if err := d.m.ws.SaveSeal(d.m.report().Unit.Name, data); err != nil {
		d.m.fail("保存印章", err)
		return
	}
	d.showSeal(data)
	d.m.flush()
}
