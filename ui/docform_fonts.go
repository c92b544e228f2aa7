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

const builtinFont = "内置字体（默认）"

// fontSetting is the workspace setting of the font chosen for a role.
func fontSetting(r fonts.Role) string { return "pdf.font." + string(r) }

// fontKey names a candidate in the settings: path and face index.
func fontKey(c fonts.Candidate) string { return c.Path + "#" + strconv.Itoa(c.Index) }

// fontsSection offers the office fonts installed on this PC for each role.
// Looking for them reads every font file, so it runs only on request.
func (d *docForm) fontsSection() fyne.CanvasObject {
	box := container.NewVBox()
	note := widget.NewLabel("导出PDF默认使用内置字体。如本机装有仿宋_GB2312、方正小标宋等公文字体，可改用。")
	note.Wrapping = fyne.TextWrapWord
	var find *widget.Button
	find = widget.NewButton("查找本机公文字体…", func() {
		find.Hide()
		box.Objects = nil
		found := fonts.Discover()
		for _, role := range fonts.Roles() {
			cands := found[role]
			if len(cands) == 0 {
				continue
			}
			box.Add(d.fontChoice(role, cands))
		}
		if len(box.Objects) == 0 {
			box.Add(widget.NewLabel("本机没有找到可用的公文字体，导出时使用内置字体。"))
		}
		box.Refresh()
	})
	return container.NewVBox(note, find, box)
}

func (d *docForm) fontChoice(role fonts.Role, cands []fonts.Candidate) fyne.CanvasObject {
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
	sel := widget.NewSelect(names, nil)
	sel.SetSelected(selected)
	sel.OnChanged = func(s string) {
		if err := d.m.ws.SetSetting(fontSetting(role), keys[s]); err != nil {
			d.m.fail("保存字体选择", err)
			return
		}
		d.m.say(role.Label() + "改用：" + s)
	}
	return container.NewBorder(nil, nil, widget.NewLabel(role.Label()), nil, sel)
}

func shortPath(p string) string {
	if i := strings.LastIndexAny(p, `/\`); i >= 0 {
		return p[i+1:]
	}
	return p
}

// fontSet is the bundled set with the office fonts the clerk chose. A chosen
// font that cannot be loaded any more is reported and left at the default.
func (m *MainWindow) fontSet() *fonts.Set {
	set := fonts.Default()
	var found map[fonts.Role][]fonts.Candidate
	for _, role := range fonts.Roles() {
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
				ok = true
			} else {
				log.Printf("load font %s: %v", key, err)
			}
		}
		if !ok {
			m.say(role.Label() + "所选字体已找不到，本次使用内置字体。")
		}
	}
	return set
}
