package ui

import (
	"fmt"
	"strconv"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"nianbao/app"
	"nianbao/desk"
)

// DeskView is the «上级审核» mode of the main window: the roster of a year,
// the files received, the status of every unit, one unit's report and
// findings, the 汇总 and its exports. Its state lives in the workspace, so
// the view is rebuilt each time the mode is entered.
type DeskView struct {
	m        *MainWindow
	year     int
	roster   desk.Roster
	received []*desk.Received
	batch    *desk.Batch
	agg      *desk.Aggregate
	rows     []deskRow // the status table as shown: filtered, sorted
	selected *desk.UnitResult

	yearSel     *widget.Select
	filterSel   *widget.Select
	sortSel     *widget.Select
	onlyPassing *widget.Check
	table       *widget.Table
	progress    *widget.ProgressBar
	note        *widget.Label
	detail      [4]*widget.Label // heading, file, received, history or reason
	detailText  string
	cells       *widget.Label
	unitTabs    *container.AppTabs      // 审核发现, 报告数据, then the unit's tables
	tables      map[string]*TableEditor // the unit's tables as the clerk's window shows them, read-only
	checks      *CheckPanel
	sumLabel    *widget.Label
	content     fyne.CanvasObject
	previous    fyne.CanvasObject // the clerk's window, restored by Back

	busy sync.WaitGroup
}

// ShowDesk switches the window to «上级审核»; the clerk's own report stays
// one click away («返回本单位报告»).
func (m *MainWindow) ShowDesk() *DeskView {
	v := &DeskView{m: m, year: m.now().Year() - 1, previous: m.win.Content()}
	v.build()
	v.load()
	m.win.SetContent(v.content)
	m.win.SetOnDropped(func(_ fyne.Position, uris []fyne.URI) { v.Drop(uris) })
	return v
}

// Back returns to the clerk's window.
func (v *DeskView) Back() {
	v.busy.Wait()
	v.m.win.SetOnDropped(nil)
	v.m.win.SetContent(v.previous)
}

func (v *DeskView) build() {
	var years []string
	for y := v.m.now().Year(); y >= 2019; y-- {
		years = append(years, strconv.Itoa(y))
	}
	v.yearSel = widget.NewSelect(years, func(s string) {
		if y, err := strconv.Atoi(s); err == nil && y != v.year {
			v.SetYear(y)
		}
	})
	v.yearSel.SetSelected(strconv.Itoa(v.year))
	v.filterSel = widget.NewSelect(deskFilters, func(string) { v.refreshTable() })
	v.filterSel.SetSelected(deskFilters[0])
	v.sortSel = widget.NewSelect(deskSorts, func(string) { v.refreshTable() })
	v.sortSel.SetSelected(deskSorts[0])
	v.onlyPassing = widget.NewCheck("只汇总审核通过的报告", func(bool) { v.Sum() })
	v.progress = widget.NewProgressBar()
	v.progress.Hide()
	v.note = widget.NewLabel("把各单位报送的文件或文件夹拖到窗口中，或点击「添加文件夹」。")
	v.note.Wrapping = fyne.TextWrapWord
	for i := range v.detail {
		v.detail[i] = widget.NewLabel("")
		v.detail[i].Truncation = fyne.TextTruncateEllipsis
	}
	v.cells = widget.NewLabel("")
	v.cells.Wrapping = fyne.TextWrapWord
	v.checks = NewCheckPanel()
	v.checks.OnSelect(v.showFinding)
	v.sumLabel = widget.NewLabel("")
	v.sumLabel.Wrapping = fyne.TextWrapWord
	v.table = widget.NewTable(v.tableSize, v.newCell, v.updateCell)
	v.table.ShowHeaderRow = true
	v.table.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	v.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(deskColumns) {
			o.(*widget.Label).SetText(deskColumns[id.Col])
		}
	}
	for i, w := range []float32{180, 100, 50, 50, 200, 80, 130} {
		v.table.SetColumnWidth(i, w)
	}
	v.table.OnSelected = func(id widget.TableCellID) { v.SelectRow(id.Row) }

	toolbar := container.NewHBox(
		widget.NewButton("返回本单位报告", v.Back),
		widget.NewLabel("年度"), v.yearSel,
		widget.NewButton("单位名单…", v.showRoster),
		widget.NewButton("添加文件…", v.askFile),
		widget.NewButton("添加文件夹…", v.askFolder),
		widget.NewButton("审核意见…", v.showLetter),
		widget.NewButton("导出汇总…", v.showExports),
	)
	filters := container.NewHBox(widget.NewLabel("显示"), v.filterSel, v.sortSel, v.onlyPassing)
	unit := container.NewAppTabs(
		container.NewTabItem("审核发现", v.checks),
		container.NewTabItem("报告数据", container.NewVScroll(v.cells)),
	)
	v.unitTabs = unit
	right := container.NewBorder(container.NewVBox(v.detail[0], v.detail[1], v.detail[2], v.detail[3]), nil, nil, nil, unit)
	split := container.NewHSplit(container.NewBorder(filters, v.sumLabel, nil, nil, v.table), right)
	split.Offset = 0.6
	v.content = container.NewBorder(container.NewVBox(toolbar, v.progress, v.note), nil, nil, nil, split)
}

// load reads the year's roster and received files from the workspace.
func (v *DeskView) load() {
	ws := v.m.ws
	ro, err := desk.LoadRoster(ws, v.year)
	if err != nil {
		v.m.showError("无法读取单位名单", err)
	}
	v.roster = ro
	if v.received, err = desk.LoadReceived(ws, v.year); err != nil {
		v.m.showError("无法读取收到的文件", err)
	}
	v.verify()
}

// SetYear shows the desk of another year.
func (v *DeskView) SetYear(year int) {
	v.busy.Wait()
	v.year = year
	v.yearSel.SetSelected(strconv.Itoa(year))
	v.selected = nil
	v.load()
}

// verify recomputes every status and the 汇总 from the received files.
func (v *DeskView) verify() {
	v.batch = desk.Verify(v.year, v.roster, v.received, v.m.checkOptions())
	v.batch.UsePrevious(desk.WorkspacePrevious(v.m.ws), v.m.checkOptions())
	v.Sum()
	v.refreshTable()
	if v.selected != nil {
		v.selected = v.batch.Unit(v.selected.Unit.Name)
	}
	v.showUnit()
}

// SetRoster replaces the year's roster with the text given (one unit a
// line, level and parent optional) and keeps it in the workspace.
func (v *DeskView) SetRoster(text string) error {
	ro, err := desk.ParseRoster(v.year, text)
	if err != nil {
		return err
	}
	if err := desk.SaveRoster(v.m.ws, ro); err != nil {
		return err
	}
	v.roster = ro
	v.verify()
	return nil
}

// SetRosterFromFile reads the roster from a text file or an .xlsx column.
func (v *DeskView) SetRosterFromFile(path string) error {
	ro, err := desk.ReadRosterFile(v.year, path)
	if err != nil {
		return err
	}
	if err := desk.SaveRoster(v.m.ws, ro); err != nil {
		return err
	}
	v.roster = ro
	v.verify()
	return nil
}

// CarryOverRoster copies last year's roster into this year.
func (v *DeskView) CarryOverRoster() error {
	last, err := desk.LoadRoster(v.m.ws, v.year-1)
	if err != nil {
		return err
	}
	if len(last.Units) == 0 {
		return fmt.Errorf("%d年没有单位名单", v.year-1)
	}
	ro := last.CarryOver(v.year)
	if err := desk.SaveRoster(v.m.ws, ro); err != nil {
		return err
	}
	v.roster = ro
	v.verify()
	return nil
}

// Drop is the window's drop handler in this mode: files and folders.
func (v *DeskView) Drop(uris []fyne.URI) {
	var paths []string
	for _, u := range uris {
		if u != nil && u.Scheme() == "file" {
			paths = append(paths, u.Path())
		}
	}
	v.AddPaths(paths)
}

// AddPaths reads files and folders in the background; the progress bar
// shows files done of total and the window stays responsive.
func (v *DeskView) AddPaths(paths []string) {
	if len(paths) == 0 {
		return
	}
	v.busy.Add(1)
	v.progress.SetValue(0)
	v.progress.Show()
	v.note.SetText("正在读取收到的文件……")
	year, ws := v.year, v.m.ws
	go func() {
		defer v.busy.Done()
		list, bad := desk.ListInputs(paths)
		files := append(bad, desk.Intake(list, desk.Options{
			Import:      desk.TextImporter(60 * time.Second),
			ReadPrinted: desk.PrintedReader(60 * time.Second),
			Progress: func(done, total int) {
				fyne.Do(func() { v.progress.SetValue(float64(done) / float64(total)) })
			},
		})...)
		err := desk.SaveReceived(ws, year, files)
		fyne.Do(func() {
			v.progress.Hide()
			if err != nil {
				v.m.showError("无法保存收到的文件", err)
				return
			}
			if year != v.year {
				return
			}
			v.received = append(v.received, files...)
			unreadable := 0
			for _, f := range files {
				if f.Report == nil {
					unreadable++
				}
			}
			v.note.SetText(fmt.Sprintf("已读取%d个文件，其中无法识别%d个。", len(files), unreadable))
			v.verify()
		})
	}()
}

// Wait blocks until the files being read are in the table.
func (v *DeskView) Wait() { v.busy.Wait() }

// Sum recomputes the 汇总 with the current choice of units.
func (v *DeskView) Sum() {
	if v.batch == nil {
		return
	}
	ag, err := desk.Sum(v.batch, desk.DefaultAggregateUnit, "", v.onlyPassing.Checked)
	if err != nil {
		v.sumLabel.SetText("无法汇总：" + err.Error())
		v.agg = nil
		return
	}
	v.agg = ag
	n := v.batch.Counts()
	v.sumLabel.SetText(fmt.Sprintf("共%d个单位：通过%d，有警告%d，有错误%d，数据不一致%d，无法识别%d，未报送%d。汇总纳入%d个单位，未报送%d个；汇总结果%d个错误、%d个警告。",
		len(v.batch.Units), n[desk.StatusOK], n[desk.StatusWarnings], n[desk.StatusErrors], n[desk.StatusInconsistent],
		n[desk.StatusUnreadable], n[desk.StatusMissing], len(ag.Included), len(ag.Missing), len(ag.Check.Errors()), len(ag.Check.Warnings())))
}

// SetOnlyPassing chooses between all received reports and the passing ones.
func (v *DeskView) SetOnlyPassing(on bool) { v.onlyPassing.SetChecked(on) }

// Aggregate returns the current 汇总.
func (v *DeskView) Aggregate() *desk.Aggregate { return v.agg }

// SummaryText is the line under the status table.
func (v *DeskView) SummaryText() string { return v.sumLabel.Text }

func (v *DeskView) showRoster() {
	entry := widget.NewMultiLineEntry()
	entry.SetPlaceHolder("每行一个单位，可在名称后用制表符或逗号加上机关类型和上级单位，例如：\n张坞镇\t乡镇")
	var text string
	for _, u := range v.roster.Units {
		text += u.Name
		if u.Level != "" {
			text += "\t" + app.LevelName(u.Level)
		}
		if u.Parent != "" {
			text += "\t" + u.Parent
		}
		text += "\n"
	}
	entry.SetText(text)
	var d dialog.Dialog
	fromFile := widget.NewButton("从文件导入…", func() {
		v.m.askOpenPath("导入单位名单", []string{".txt", ".csv", ".xlsx"}, func(path string) {
			if err := v.SetRosterFromFile(path); err != nil {
				v.m.showError("无法导入单位名单", err)
				return
			}
			d.Hide()
		})
	})
	carry := widget.NewButton(fmt.Sprintf("沿用%d年名单", v.year-1), func() {
		if err := v.CarryOverRoster(); err != nil {
			v.m.showError("无法沿用上年名单", err)
			return
		}
		d.Hide()
	})
	body := container.NewBorder(container.NewHBox(fromFile, carry), nil, nil, nil, entry)
	d = dialog.NewCustomConfirm(fmt.Sprintf("%d年度单位名单", v.year), "保存", "取消", body, func(ok bool) {
		if !ok {
			return
		}
		if err := v.SetRoster(entry.Text); err != nil {
			v.m.showError("单位名单有误", err)
		}
	}, v.m.win)
	d.Resize(fyne.NewSize(560, 480))
	d.Show()
}

func (v *DeskView) askFile() {
	v.m.askOpenPath("添加收到的文件", []string{".pdf", ".json", ".docx", ".html", ".htm", ".xlsx"}, func(path string) {
		v.AddPaths([]string{path})
	})
}

func (v *DeskView) askFolder() {
	v.m.askFolderPath("添加收到的文件夹", func(dir string) { v.AddPaths([]string{dir}) })
}
