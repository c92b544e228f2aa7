package ui

import (
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"nianbao/storage"
)

// layout: toolbar on top, report list left, report in the middle, check
// panel right, status bar at the bottom.
func (m *MainWindow) layout() fyne.CanvasObject {
	toolbar := container.NewHBox(
		widget.NewButton("新建报告", m.ShowNewReport),
		widget.NewButton("撤销", m.undo),
		widget.NewButton("导出PDF", m.showExportPDF),
		m.officeButton(),
		widget.NewButton("导出JSON", m.showExportJSON),
		widget.NewButton("导入JSON", m.showImportJSON),
		widget.NewButton("从已发布的报告导入…", m.ShowImportPublished),
		widget.NewButton("历史版本", m.showRevisions),
		widget.NewButton("备份与恢复", m.showBackups),
		widget.NewButton("删除报告", m.showDeleteReport),
		widget.NewButton("上级审核", func() { m.ShowDesk() }),
	)
	status := container.NewBorder(nil, nil, nil, container.NewHBox(m.retry, m.saved), m.message)
	left := container.NewBorder(widget.NewLabelWithStyle("报告列表", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, nil, nil, m.list)
	right := container.NewBorder(widget.NewLabelWithStyle("校验结果", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, nil, nil, m.checks)
	mid := container.NewHSplit(m.center, right)
	mid.Offset = 0.77
	split := container.NewHSplit(left, mid)
	split.Offset = 0.15
	// The tabs of the open report span the window, so all seven fit at 1280 px.
	return container.NewBorder(container.NewVBox(toolbar, m.tabBar), status, nil, nil, split)
}

func (m *MainWindow) newReportList() *widget.List {
	l := widget.NewList(
		func() int { return len(m.infos) },
		func() fyne.CanvasObject {
			t := widget.NewLabel("某某镇人民政府 2024年")
			t.Truncation = fyne.TextTruncateEllipsis
			s := widget.NewLabel("草稿 · 错误0 · 提示0")
			return container.NewVBox(t, s)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(m.infos) {
				return
			}
			in := m.infos[i]
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(fmt.Sprintf("%s %d年", in.Unit, in.Year))
			box.Objects[1].(*widget.Label).SetText(reportLine(in))
		})
	l.OnSelected = func(i widget.ListItemID) {
		if i < len(m.infos) && m.infos[i].ID != m.id {
			m.Open(m.infos[i].ID)
		}
	}
	return l
}

// reportLine is the second line of a report in the list.
func reportLine(in storage.ReportInfo) string {
	return fmt.Sprintf("%s · 错误%d · 提示%d", in.Status, in.Errors, in.Warnings)
}

// ReportLines returns the report list as shown, one line per report.
func (m *MainWindow) ReportLines() []string {
	var out []string
	for _, in := range m.infos {
		out = append(out, fmt.Sprintf("%s %d年 %s", in.Unit, in.Year, reportLine(in)))
	}
	return out
}

func (m *MainWindow) reloadList() {
	infos, err := m.ws.Reports()
	if err != nil {
		m.fail("读取报告列表", err)
		return
	}
	m.infos = infos
	m.list.Refresh()
	for i, in := range m.infos {
		if in.ID == m.id {
			m.list.Select(i)
		}
	}
}

func (m *MainWindow) showWelcome() {
	m.tabBar.Objects = nil
	m.relayout()
	hello := widget.NewLabel("欢迎使用年报助手。\n\n请点击“新建报告”开始填写本单位的政府信息公开工作年度报告，\n或点击“导入JSON”导入已有的报告文件。")
	hello.Alignment = fyne.TextAlignCenter
	m.center.Objects = []fyne.CanvasObject{container.NewCenter(container.NewVBox(hello,
		container.NewCenter(widget.NewButton("新建年度报告", m.ShowNewReport))))}
	m.center.Refresh()
}

// buildReportView builds the tabs of the open report; editors depend on its format.
func (m *MainWindow) buildReportView() {
	f := m.report().FormatDef()
	m.editors = map[string]*TableEditor{}
	m.texts = map[string]*narrative{}
	for _, key := range []string{"t2", "t3", "t4"} {
		t := f.Table(key)
		if t == nil {
			continue
		}
		ed := NewTableEditor(f, t)
		ed.SetDraft(m.d)
		ed.OnChange(m.changed)
		ed.OnMessage(m.say)
		m.editors[key] = ed
	}
	m.form = newDocForm(m)
	pages := [tabCount]fyne.CanvasObject{
		tabDoc: m.form.object(),
		tabS1:  m.sectionOne(),
		tabT2:  m.tablePage("t2"),
		tabT3:  m.tablePage("t3"),
		tabT4:  m.tablePage("t4"),
		tabS5:  m.textPage("text.s5", 14),
		tabS6:  m.textPage("text.s6", 14),
	}
	items := make([]*container.TabItem, tabCount)
	for i := range pages {
		m.tabItem[i] = container.NewTabItem(tabTitles[i], pages[i])
		items[i] = m.tabItem[i]
	}
	m.tabs = newReportTabs(items)
	m.tabs.OnSelected = func(i int) {
		_ = m.ws.SetSetting(settingLastTab, strconv.Itoa(i))
	}
	m.tabBar.Objects = []fyne.CanvasObject{m.tabs.bar()}
	m.relayout()
	m.center.Objects = []fyne.CanvasObject{m.tabs.pages()}
	m.center.Refresh()
}

// tablePage is a table editor with its heading and tools.
func (m *MainWindow) tablePage(key string) fyne.CanvasObject {
	ed := m.editors[key]
	if ed == nil {
		return widget.NewLabel("本格式没有此表。")
	}
	t := ed.Table()
	title := widget.NewLabelWithStyle(t.Heading+"（"+t.Name+"）", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	zero := widget.NewButton("空白填0", func() {
		n := ed.FillEmptyZero()
		m.say(fmt.Sprintf("已将%d个空白单元格填为0。", n))
	})
	undo := widget.NewButton("撤销", m.undo)
	bar := container.NewHBox(title, layout.NewSpacer(), zero, undo)
	return container.NewBorder(bar, nil, nil, nil, ed)
}

// relayout lays the window out again after the tab strip came or went,
// which changes the height of the top rows.
func (m *MainWindow) relayout() {
	if c := m.win.Content(); c != nil {
		c.Refresh()
	}
}
