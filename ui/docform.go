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
)

// docFieldDefs are the 基本信息与落款 text fields in the order shown.
var docFieldDefs = []struct{ path, label, hint string }{
	{"doc.title", "标题", "留空则为“机关名称+年度+年政府信息公开工作年度报告”"},
	{"doc.issuer_mark", "发文机关标志", "公文版版头，如“××县人民政府文件”"},
	{"doc.doc_number", "发文字号", "如“×政发〔2025〕1号”"},
	{"doc.signer", "签发人", "上行文填写"},
	{"doc.signature", "署名", "落款的机关名称"},
	{"doc.date", "成文日期", "YYYY-MM-DD，如 2025-01-20"},
	{"doc.note", "附注", ""},
	{"doc.cc", "抄送", ""},
	{"doc.printed_by", "印发机关", ""},
	{"doc.printed_date", "印发日期", "YYYY-MM-DD"},
}

// docForm is the 基本信息与落款 page.
type docForm struct {
	m       *MainWindow
	allow   *fyne.Container // the workspace's LINT-SPAM allow-list
	unit    *textEntry
	level   *widget.Select
	style   *widget.RadioGroup
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
	var levels []string
	for _, l := range app.LevelNames {
		levels = append(levels, l.Name)
	}
	d.level = widget.NewSelect(levels, nil)
	d.level.SetSelected(app.LevelName(r.Unit.Level))
	d.level.OnChanged = func(s string) {
		for _, l := range app.LevelNames {
			if l.Name == s && l.Level != m.report().Unit.Level {
				m.fieldEdited("unit.level", l.Level)
			}
		}
	}
	var styles []string
	for _, s := range styleNames {
		styles = append(styles, s.name)
	}
	d.style = widget.NewRadioGroup(styles, nil)
	d.style.Horizontal = true
	d.style.SetSelected(styleName(r.Doc.Style))
	d.style.OnChanged = func(s string) {
		for _, st := range styleNames {
			if st.name == s && st.id != m.report().Doc.Style {
				m.fieldEdited("doc.style", st.id)
			}
		}
	}

	form := widget.NewForm(
		widget.NewFormItem("机关名称", d.unit),
		widget.NewFormItem("机关类型", d.level),
		widget.NewFormItem("报告年度", widget.NewLabel(strconv.Itoa(r.Year)+"年（"+r.FormatDef().Name+"，"+r.FormatDef().Notice+"）")),
		widget.NewFormItem("版式", d.style),
	)
	for _, fd := range docFieldDefs {
		fd := fd
		e := newTextEntry(fd.path == "doc.note", refuse)
		e.SetPlaceHolder(fd.hint)
		e.SetText(*r.DocField(fd.path))
		d.entries[fd.path] = e
		var item fyne.CanvasObject = e
		if fd.path == "doc.date" || fd.path == "doc.printed_date" {
			msg := widget.NewLabel("")
			msg.Importance = widget.DangerImportance
			msg.Hide()
			d.dateMsg[fd.path] = msg
			item = container.NewVBox(e, msg)
			e.OnChanged = func(s string) { d.dateChanged(fd.path, s) }
		} else {
			e.OnChanged = func(s string) { m.fieldEdited(fd.path, s) }
		}
		form.Append(fd.label, item)
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

func styleName(id string) string {
	for _, s := range styleNames {
		if s.id == id {
			return s.name
		}
	}
	return styleNames[0].name
}

func (d *docForm) object() fyne.CanvasObject { return d.content }

// dateChanged saves a date only when it is a real date (or empty); the text
// stays in the box with a message until it is one.
func (d *docForm) dateChanged(path, s string) {
	msg := d.dateMsg[path]
	if s != "" && !app.ValidDate(s) {
		msg.SetText("日期格式应为“年-月-日”，如 2025-01-20；在改正之前不会保存。")
		msg.Show()
		return
	}
	msg.Hide()
	d.m.fieldEdited(path, s)
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
