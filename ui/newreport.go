package ui

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"nianbao/app"
	"nianbao/storage"
)

// NewReportRequest is what the «新建年度报告» dialog asks for.
type NewReportRequest struct {
	Unit     string
	Level    string
	Year     int
	CopyText bool // copy last year's narrative for review
}

// ShowNewReport asks for unit, level and year and creates the report.
func (m *MainWindow) ShowNewReport() {
	unit := newTextEntry(false, func(r rune) { m.say(refusedMessage(r)) })
	unit.SetPlaceHolder("如：张坞镇人民政府")
	chosen := app.LevelTownship
	level, levelBox := levelSelect(chosen, func(l string) { chosen = l })
	year := widget.NewEntry()
	year.SetText(strconv.Itoa(defaultReportYear(m.now())))
	format := widget.NewLabel("")
	format.Wrapping = fyne.TextWrapWord
	copyText := widget.NewCheck("复制上年报告的正文（其中的旧年份会标出供核对）", nil)
	copyText.SetChecked(true)
	if m.report() != nil {
		unit.SetText(m.report().Unit.Name)
		name, _ := choiceOfLevel(m.report().Unit.Level)
		level.SetSelected(name)
		year.SetText(strconv.Itoa(m.report().Year + 1))
	}
	showFormat := func(s string) {
		format.SetText(formatNote(s))
	}
	year.OnChanged = showFormat
	showFormat(year.Text)

	var dlg *dialog.FormDialog
	items := []*widget.FormItem{
		widget.NewFormItem("机关名称", unit),
		widget.NewFormItem("机关类型", levelBox),
		widget.NewFormItem("报告年度", year),
		widget.NewFormItem("适用格式", format),
		widget.NewFormItem("", copyText),
		m.exampleItem(func() { dlg.Hide() }),
		m.importItem(func() { dlg.Hide() }),
	}
	dlg = dialog.NewForm("新建年度报告", "创建", "取消", items, func(ok bool) {
		if !ok {
			return
		}
		req := NewReportRequest{Unit: strings.TrimSpace(unit.Text), Level: chosen, Year: yearOf(year.Text), CopyText: copyText.Checked}
		if err := m.CreateReport(req); err != nil {
			dialog.ShowInformation("无法新建报告", err.Error(), m.win)
		}
	}, m.win)
	dlg.Resize(fyne.NewSize(600, 420))
	dlg.Show()
	m.win.Canvas().Focus(unit)
}

func yearOf(s string) int {
	n, err := strconv.Atoi(strings.TrimSpace(app.Normalize(s)))
	if err != nil {
		return 0
	}
	return n
}

// formatNote names the official format a year must use.
func formatNote(s string) string {
	y := yearOf(s)
	f, err := app.FormatForYear(y)
	if err != nil || f == nil {
		return "请填写2019年及以后的年度，如 " + strconv.Itoa(2024) + "。"
	}
	return fmt.Sprintf("%s（%s）", f.Name, f.Notice)
}

// CreateReport creates a report in the workspace, fills the carry-over from
// the unit's previous year and opens it. An error is one Chinese sentence.
func (m *MainWindow) CreateReport(req NewReportRequest) error {
	if req.Unit == "" {
		return errors.New("请填写机关名称。")
	}
	if _, err := app.FormatForYear(req.Year); err != nil || req.Year > 2100 {
		return errors.New("报告年度无效：请填写2019年及以后的年度。")
	}
	r, err := app.NewReport(req.Unit, req.Level, req.Year)
	if err != nil {
		return fmt.Errorf("无法新建报告：%s", userMessage(err))
	}
	var prev *app.Report
	if pid, err := m.ws.FindReport(req.Unit, req.Year-1); err == nil {
		if prev, err = m.ws.LoadReport(pid); err != nil {
			return fmt.Errorf("读取%d年报告失败：%s", req.Year-1, userMessage(err))
		}
		app.Recompute(prev)
	}
	copied := app.CarryOver(r, prev, req.CopyText)
	if !copied && r.Text.S1 == "" {
		r.Text.S1 = strings.Join(app.S1SubHeads[:], "\n\n") + "\n"
	}
	if !copied && r.Text.S6 == "" {
		r.Text.S6 = "（一）信息处理费收取情况\n"
	}
	id, err := m.ws.CreateReport(r)
	if errors.Is(err, storage.ErrExists) {
		if eid, ferr := m.ws.FindReport(req.Unit, req.Year); ferr == nil {
			m.reloadList()
			m.Open(eid)
		}
		return fmt.Errorf("%s%d年的报告已经存在，已为您打开。", req.Unit, req.Year)
	}
	if err != nil {
		return fmt.Errorf("无法保存新报告：%s", userMessage(err))
	}
	m.reloadList()
	m.Open(id)
	m.SelectTab(tabDoc) // a new report starts with 基本信息与落款
	m.flush()
	switch {
	case prev != nil && copied:
		m.showOldYears(prev.Year)
		m.say(fmt.Sprintf("已按%d年报告填入上年结转数，并复制了正文；请核对标出的旧年份。", prev.Year))
	case prev != nil:
		m.say(fmt.Sprintf("已按%d年报告填入上年结转数。", prev.Year))
	}
	return nil
}

// showOldYears shows the copied narrative with every old year highlighted.
func (m *MainWindow) showOldYears(prevYear int) {
	var segs []widget.RichTextSegment
	n := 0
	for _, path := range []string{"text.s1", "text.s5", "text.s6"} {
		segs = append(segs, &widget.TextSegment{Text: fieldName(path), Style: widget.RichTextStyleHeading})
		for _, line := range strings.Split(*m.report().TextField(path), "\n") {
			para := &widget.ParagraphSegment{}
			for _, sp := range app.OldYears(line, m.report().Year) {
				st := widget.RichTextStyleInline
				if sp.Old {
					n++
					st = widget.RichTextStyleStrong
					st.ColorName = "error"
				}
				para.Texts = append(para.Texts, &widget.TextSegment{Text: sp.Text, Style: st})
			}
			segs = append(segs, para)
		}
	}
	rt := widget.NewRichText(segs...)
	rt.Wrapping = fyne.TextWrapWord
	head := widget.NewLabel(fmt.Sprintf("正文已从%d年报告复制。下面红色标出的%d处年份可能需要改为%d年，请逐一核对。", prevYear, n, m.report().Year))
	head.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom("请核对沿用的上年文字", "知道了", container.NewBorder(head, nil, nil, nil, container.NewVScroll(rt)), m.win)
	d.Resize(fyne.NewSize(720, 520))
	d.Show()
}
