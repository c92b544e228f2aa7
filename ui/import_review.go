package ui

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"nianbao/app"
	"nianbao/importer"
	"nianbao/importer/pdftext"
	"nianbao/storage"
)

// importExts are the published forms the importer reads.
var importExts = []string{".txt", ".html", ".htm", ".mht", ".mhtml", ".docx", ".xlsx", ".pdf", ".json"}

// ShowImportPublished is «从已发布的报告导入…»: choose a file, read it, and
// review what was recognised before a draft is made of it.
func (m *MainWindow) ShowImportPublished() { m.showImportPublished(false) }

// ShowImportPrevious is «导入上年报告…»: the same, for the report whose
// 上年结转 and 现行有效件数 a new report carries over.
func (m *MainWindow) ShowImportPrevious() { m.showImportPublished(true) }

func (m *MainWindow) showImportPublished(previous bool) {
	go func() { _ = pdftext.Start() }() // the PDF engine's first start takes seconds: begin while the clerk chooses
	title := "从已发布的报告导入"
	if previous {
		title = "导入上年报告"
	}
	m.askOpenPath(title, importExts, func(path string) { m.readPublished(path, previous) })
}

// readPublished reads the file in the background behind a progress dialog,
// so a PDF's first start does not freeze the window.
func (m *MainWindow) readPublished(path string, previous bool) {
	note := widget.NewLabel("正在读取“" + filepath.Base(path) + "”……")
	if strings.EqualFold(filepath.Ext(path), ".pdf") {
		note.SetText(note.Text + "\n首次读取PDF时要先启动PDF引擎，约需几秒钟。")
	}
	prog := dialog.NewCustomWithoutButtons("正在读取", container.NewVBox(note, widget.NewProgressBarInfinite()), m.win)
	prog.Show()
	go func() {
		res, err := importer.ImportFile(context.Background(), path, importer.Options{})
		fyne.Do(func() {
			prog.Hide()
			if err != nil {
				dialog.ShowInformation("无法导入", importMessage(err), m.win)
				return
			}
			m.ShowImportReview(res, filepath.Base(path), previous)
		})
	}()
}

func importMessage(err error) string {
	var ie *importer.Error
	if errors.As(err, &ie) {
		return ie.Msg
	}
	return userMessage(err)
}

// ImportReview is the review screen of one import; nothing is imported
// before Confirm.
type ImportReview struct {
	m        *MainWindow
	res      *importer.Result
	previous bool
	Unit     *widget.Entry
	Level    *widget.Select
	Year     *widget.Entry
	dlg      dialog.Dialog
	level    string
}

// ShowImportReview shows what an import recognised: the tables with every
// empty or doubtful cell marked, the published totals that disagree, the
// sections found, and the source beside them with the rows read marked.
func (m *MainWindow) ShowImportReview(res *importer.Result, name string, previous bool) *ImportReview {
	rv := &ImportReview{m: m, res: res, previous: previous, level: res.Report.Unit.Level}
	rv.Unit = widget.NewEntry()
	rv.Unit.SetText(res.Report.Unit.Name)
	rv.Unit.SetPlaceHolder("原文中没有找到机关名称，请填写")
	rv.Level = importLevelSelect(rv.level, func(l string) { rv.level = l })
	rv.Year = widget.NewEntry()
	if res.Report.Year != 0 {
		rv.Year.SetText(strconv.Itoa(res.Report.Year))
	}
	f := res.Report.FormatDef()
	head := widget.NewForm(
		widget.NewFormItem("文件", widget.NewLabel(name+"（"+sourceNote(res)+"）")),
		widget.NewFormItem("格式", wrapped(f.Name+"："+res.FormatReason)),
		widget.NewFormItem("机关名称", rv.Unit),
		widget.NewFormItem("机关类型", rv.Level),
		widget.NewFormItem("报告年度", rv.Year),
		widget.NewFormItem("识别", widget.NewLabel(fmt.Sprintf("表格%d格中识别%d格，留空%d格；合计与原文不符%d处。",
			res.Inputs, res.Recognised, len(res.Empty), len(res.Totals)))),
	)
	tabs := container.NewAppTabs(
		container.NewTabItem("表格", container.NewScroll(reviewTables(res))),
		container.NewTabItem("问题", container.NewVScroll(reviewProblems(res))),
		container.NewTabItem("文字与落款", container.NewVScroll(reviewText(res))),
	)
	source := container.NewVScroll(reviewSource(res))
	split := container.NewHSplit(tabs, container.NewBorder(widget.NewLabelWithStyle("原文（已读入表格的行以粗体标出）", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, nil, nil, source))
	split.Offset = 0.55
	body := container.NewBorder(head, nil, nil, nil, split)
	title := "核对导入结果"
	if previous {
		title = "核对上年报告"
	}
	d := dialog.NewCustomConfirm(title, "确认导入", "取消", body, func(ok bool) {
		if ok {
			if err := rv.Confirm(); err != nil {
				dialog.ShowInformation("无法导入", importMessage(err), m.win)
			}
		}
	}, m.win)
	d.Resize(fyne.NewSize(1180, 760))
	rv.dlg = d
	d.Show()
	return rv
}

func sourceNote(res *importer.Result) string {
	if res.Source == importer.SourceEmbedded {
		return "读取文件中的报告数据"
	}
	return "按原文文字识别"
}

func wrapped(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// Confirm makes the draft (or the previous-year report) of the import with
// the corrections of the review, and opens it.
func (rv *ImportReview) Confirm() error {
	year := yearOf(rv.Year.Text)
	if year == 0 {
		return errors.New("请填写报告年度。")
	}
	unit := strings.TrimSpace(rv.Unit.Text)
	if unit == "" {
		return errors.New("请填写机关名称。")
	}
	res, err := rv.res.Again(importer.Options{Year: year, Unit: unit, Level: rv.level})
	if err != nil {
		return err
	}
	data, err := app.MarshalReport(res.Report)
	if err != nil {
		return fmt.Errorf("无法生成报告：%w", err)
	}
	m := rv.m
	id, err := m.ws.ImportJSON(bytes.NewReader(data), storage.ImportNew)
	if errors.Is(err, storage.ErrExists) {
		m.askImportBytes(data, userMessage(err), rv.done)
		return nil
	}
	if err != nil {
		return err
	}
	rv.done(id)
	return nil
}

func (rv *ImportReview) done(id int64) {
	m := rv.m
	m.reloadList()
	m.id = 0
	m.Open(id)
	r := m.report()
	if r == nil {
		return
	}
	if rv.previous {
		m.say(fmt.Sprintf("已导入%s%d年报告；新建%d年报告时会带入它的上年结转数。", r.Unit.Name, r.Year, r.Year+1))
		return
	}
	m.say(fmt.Sprintf("已导入%s%d年报告，请逐项核对标出的空格。", r.Unit.Name, r.Year))
}

// askImportBytes asks what to do when the imported report already exists.
func (m *MainWindow) askImportBytes(data []byte, msg string, opened func(id int64)) {
	var d dialog.Dialog
	do := func(mode storage.ImportMode) {
		d.Hide()
		id, err := m.ws.ImportJSON(bytes.NewReader(data), mode)
		if err != nil {
			m.showError("导入失败", err)
			return
		}
		opened(id)
	}
	box := container.NewVBox(widget.NewLabel(msg+"\n替换时，现有内容会保存为历史版本。"),
		container.NewHBox(
			widget.NewButton("替换现有报告", func() { do(storage.ImportReplace) }),
			widget.NewButton("保留两份", func() { do(storage.ImportKeepBoth) })))
	d = dialog.NewCustom("报告已存在", "取消", box, m.win)
	d.Show()
}

// importLevelSelect offers the unit levels by their Chinese names.
func importLevelSelect(level string, changed func(level string)) *widget.Select {
	var names []string
	for _, l := range app.LevelNames {
		names = append(names, l.Name)
	}
	sel := widget.NewSelect(names, func(name string) {
		for _, l := range app.LevelNames {
			if l.Name == name {
				changed(l.Level)
			}
		}
	})
	sel.PlaceHolder = "原文中没有找到，请选择"
	sel.Selected = app.LevelName(level)
	return sel
}

// importItem offers, in the new-report dialog, to start from a published
// report or to bring in last year's report for the carry-over.
func (m *MainWindow) importItem(hide func()) *widget.FormItem {
	published := widget.NewButton("从已发布的报告导入…", func() {
		hide()
		m.ShowImportPublished()
	})
	previous := widget.NewButton("导入上年报告…", func() {
		hide()
		m.ShowImportPrevious()
	})
	item := widget.NewFormItem("", container.NewHBox(published, previous))
	item.HintText = "读取网站页面、Word、Excel、PDF或文本中已发布的报告，核对后生成草稿"
	return item
}
