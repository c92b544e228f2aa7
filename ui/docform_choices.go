package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"nianbao/app"
)

// levelChoices name the unit levels as clerks know their office; the
// stored levels of report-json.md stay as they are.
var levelChoices = []struct{ level, name, help string }{
	{app.LevelTownship, "乡镇人民政府、街道办事处", "乡、民族乡、镇人民政府和街道办事处"},
	{app.LevelCounty, "县（市、区）人民政府", "县、自治县、旗、县级市（不设区的市）和市辖区人民政府"},
	{app.LevelDepartment, "政府部门（局、委、办）", "各级人民政府的工作部门和派出机构，如县教育局、市自然资源局"},
	{app.LevelCity, "设区的市、自治州人民政府", "地级市、自治州、盟的人民政府"},
	{app.LevelProvince, "省、自治区、直辖市人民政府", "省级人民政府"},
}

func levelChoiceNames() []string {
	out := make([]string, len(levelChoices))
	for i, c := range levelChoices {
		out[i] = c.name
	}
	return out
}

// levelOfChoice and choiceOfLevel translate between the two names.
func levelOfChoice(name string) string {
	for _, c := range levelChoices {
		if c.name == name {
			return c.level
		}
	}
	return ""
}

func choiceOfLevel(level string) (name, help string) {
	for _, c := range levelChoices {
		if c.level == level {
			return c.name, c.help
		}
	}
	return "", ""
}

// levelSelect is the 机关类型 choice with one line of help under it.
func levelSelect(level string, changed func(level string)) (*widget.Select, fyne.CanvasObject) {
	help := widget.NewLabel("")
	help.Wrapping = fyne.TextWrapWord
	help.Importance = widget.LowImportance
	sel := newSelect(levelChoiceNames(), nil)
	sel.OnChanged = func(s string) {
		_, h := choiceOfLevel(levelOfChoice(s))
		help.SetText(h)
		if changed != nil {
			changed(levelOfChoice(s))
		}
	}
	name, h := choiceOfLevel(level)
	sel.Selected = name
	help.SetText(h)
	return sel, container.NewVBox(sel, help)
}

// styleChoice shows the two print styles as two large options, each with
// what it is for, the chosen one highlighted.
type styleChoice struct {
	buttons map[string]*widget.Button
	obj     fyne.CanvasObject
}

var styleHelp = map[string]string{
	app.StylePublic:  "用于政府网站发布：标题、正文、表格、署名和日期",
	app.StyleGongwen: "报送上级的正式公文：红色版头、发文字号、印章、附注和版记",
}

func newStyleChoice(style string, changed func(style string)) *styleChoice {
	sc := &styleChoice{buttons: map[string]*widget.Button{}}
	var cols []fyne.CanvasObject
	for _, st := range styleNames {
		b := widget.NewButton(st.name, nil)
		b.OnTapped = func() {
			sc.set(st.id)
			changed(st.id)
		}
		sc.buttons[st.id] = b
		note := widget.NewLabel(styleHelp[st.id])
		note.Wrapping = fyne.TextWrapWord
		cols = append(cols, container.NewVBox(b, note))
	}
	sc.obj = container.NewGridWithColumns(2, cols...)
	sc.set(style)
	return sc
}

func (sc *styleChoice) set(style string) {
	if style != app.StyleGongwen {
		style = app.StylePublic
	}
	for id, b := range sc.buttons {
		if id == style {
			b.Importance = widget.HighImportance
			b.SetIcon(theme.ConfirmIcon())
		} else {
			b.Importance = widget.MediumImportance
			b.SetIcon(nil)
		}
		b.Refresh()
	}
}

// datePicker is a «选择日期» button that writes the picked day into e.
func (d *docForm) datePicker(e *textEntry) fyne.CanvasObject {
	return widget.NewButtonWithIcon("", theme.CalendarIcon(), func() {
		start := time.Now()
		if v, ok := app.ParseDate(e.Text); ok {
			start, _ = time.Parse("2006-01-02", v)
		} else if r := d.m.report(); r != nil {
			start = time.Date(r.Year+1, 1, 20, 0, 0, 0, 0, time.Local)
		}
		var dlg dialog.Dialog
		cal := newChineseCalendar(start, func(t time.Time) {
			e.SetText(t.Format("2006-01-02"))
			dlg.Hide()
		})
		dlg = dialog.NewCustom("选择日期", "取消", cal, d.m.win)
		dlg.Show()
	})
}

// defaultReportYear is the year a new report is for: offices draft the
// report of the year that is ending from November on.
func defaultReportYear(now time.Time) int {
	if now.Month() >= time.November {
		return now.Year()
	}
	return now.Year() - 1
}
