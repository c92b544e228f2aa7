package ui

import (
	"fmt"
	"log"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"nianbao/pdfout/fonts"
)

const builtinFont = "自动（本机公文字体，没有则用内置字体）"

// settingBuiltinFonts set to "1" prints with the bundled fonts only.
const settingBuiltinFonts = "pdf.fonts.builtin"

// fontSetting is the workspace setting of the font chosen for a role.
func fontSetting(r fonts.Role) string { return "pdf.font." + string(r) }

// fontKey names a candidate in the settings: path and face index.
func fontKey(c fonts.Candidate) string { return c.Path + "#" + strconv.Itoa(c.Index) }

// fontsSection shows which font will print each role — by default the
// office fonts installed on this PC, else the bundled ones — with a switch
// to the bundled fonts and, on request, a choice per role.
func (d *docForm) fontsSection() fyne.CanvasObject {
	used := widget.NewLabel("")
	used.Wrapping = fyne.TextWrapWord
	show := func() {
		_, choices := d.m.fontChoices()
		var lines []string
		for _, c := range choices {
			lines = append(lines, c.String())
		}
		used.SetText("导出PDF时使用：\n" + strings.Join(lines, "\n"))
	}
	only := widget.NewCheck("只用内置字体", nil)
	v, _ := d.m.ws.Setting(settingBuiltinFonts)
	only.SetChecked(v == "1")
	box := container.NewVBox()
	only.OnChanged = func(on bool) {
		val := ""
		if on {
			val = "1"
		}
		if err := d.m.ws.SetSetting(settingBuiltinFonts, val); err != nil {
			d.m.fail("保存字体选择", err)
			return
		}
		show()
	}
	var find *widget.Button
	find = widget.NewButton("逐项选择本机字体…", func() {
		find.Hide()
		box.Objects = nil
		found := fonts.Discover()
		for _, role := range fonts.Roles() {
			if cands := found[role]; len(cands) > 0 {
				box.Add(d.fontChoice(role, cands, show))
			}
		}
		if len(box.Objects) == 0 {
			box.Add(widget.NewLabel("本机没有找到可用的公文字体，导出时使用内置字体。"))
		}
		box.Refresh()
	})
	show()
	return container.NewVBox(used, only, find, box)
}

func (d *docForm) fontChoice(role fonts.Role, cands []fonts.Candidate, changed func()) fyne.CanvasObject {
	names := []string{builtinFont}
	keys := map[string]string{builtinFont: ""}
	current, _ := d.m.ws.Setting(fontSetting(role))
	selected := builtinFont
	for _, c := range cands {
		name := fmt.Sprintf("%s（%s）", c.Name, shortPath(c.Path))
		names = append(names, name)
		keys[name] = fontKey(c)
		if fontKey(c) == current {
			selected = name
		}
	}
	sel := newSelect(names, nil)
	sel.SetSelected(selected)
	sel.OnChanged = func(s string) {
		if err := d.m.ws.SetSetting(fontSetting(role), keys[s]); err != nil {
			d.m.fail("保存字体选择", err)
			return
		}
		d.m.say(role.Label() + "改用：" + s)
		changed()
	}
	return container.NewBorder(nil, nil, widget.NewLabel(role.Label()), nil, sel)
}

func shortPath(p string) string {
	if i := strings.LastIndexAny(p, `/\`); i >= 0 {
		return p[i+1:]
	}
	return p
}

// fontSet is the set the PDF is printed with (see fontChoices).
func (m *MainWindow) fontSet() *fonts.Set {
	set, _ := m.fontChoices()
	return set
}

// fontChoices is the bundled set when the clerk switched to it, else the
// installed office fonts per role (fonts.Office, cached) with the fonts the
// clerk picked for a role on top. A picked font that cannot be loaded any
// more is reported and left to the automatic choice.
func (m *MainWindow) fontChoices() (*fonts.Set, []fonts.Choice) {
	if v, _ := m.ws.Setting(settingBuiltinFonts); v == "1" {
		return fonts.Builtin()
	}
	set, choices := fonts.Office()
	var found map[fonts.Role][]fonts.Candidate
	for i, role := range fonts.Roles() {
		key, _ := m.ws.Setting(fontSetting(role))
		if key == "" {
			continue
		}
		if found == nil {
			found = fonts.Discover()
		}
		ok := false
		for _, c := range found[role] {
			if fontKey(c) != key {
				continue
			}
			if f, err := c.Load(); err == nil {
				set.Use(role, f)
				choices[i] = fonts.Choice{Role: role, Name: c.Name, Path: c.Path}
				ok = true
			} else {
				log.Printf("load font %s: %v", key, err)
			}
		}
		if !ok {
			m.say(role.Label() + "所选字体已找不到，本次自动选用字体。")
		}
	}
	return set, choices
}
