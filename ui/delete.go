package ui

import (
	"errors"
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"nianbao/app"
)

// reportName is how the clerk sees a report: «新绛县人民政府 2021年».
func reportName(r *app.Report) string {
	return fmt.Sprintf("%s %d年", r.Unit.Name, r.Year)
}

// showDeleteReport asks before deleting the open report. Cancel is the
// highlighted, focused button, so a stray Space keeps the report.
func (m *MainWindow) showDeleteReport() {
	if m.report() == nil {
		m.say("请先新建或打开一份报告。")
		return
	}
	id, name := m.id, reportName(m.report())
	// Two labels, so a line never starts with the comma or splits the name from its year.
	ask := widget.NewLabel("确定删除“" + name + "”的报告吗？")
	ask.Wrapping = fyne.TextWrapWord
	note := widget.NewLabel("删除前会自动备份工作区，可以在“备份与恢复”中找回。")
	note.Wrapping = fyne.TextWrapWord
	var d *dialog.CustomDialog
	cancel := widget.NewButton("取消", func() { d.Hide() })
	cancel.Importance = widget.HighImportance
	del := widget.NewButton("删除", func() {
		d.Hide()
		if err := m.DeleteReport(id); err != nil {
			m.showError("删除报告失败", err)
		}
	})
	del.Importance = widget.DangerImportance
	d = dialog.NewCustomWithoutButtons("删除报告", container.NewVBox(ask, note), m.win)
	d.SetButtons([]fyne.CanvasObject{cancel, del})
	d.Resize(fyne.NewSize(560, 220))
	d.Show()
	m.win.Canvas().Focus(cancel)
}

// DeleteReport backs up the workspace, then deletes a report and opens
// another one, or asks for a new one when none is left. Without a backup
// nothing is deleted. An error is one Chinese sentence.
func (m *MainWindow) DeleteReport(id int64) error {
	name := ""
	for _, in := range m.infos {
		if in.ID == id {
			name = fmt.Sprintf("%s %d年", in.Unit, in.Year)
		}
	}
	if name == "" {
		return errors.New("报告列表中没有这份报告，可能已被删除。")
	}
	// Pending edits go into the backup, so the copy holds what the clerk last saw.
	if !m.flush() {
		return errors.New("有修改尚未保存，请先重试保存。")
	}
	backup, err := m.ws.Backup()
	if err != nil {
		return fmt.Errorf("删除前备份工作区失败，报告未删除：%s", userMessage(err))
	}
	if err := m.ws.DeleteReport(id); err != nil {
		return fmt.Errorf("删除“%s”的报告失败：%s", name, userMessage(err))
	}
	// Reopen even a report that stays open: its previous year may be the one deleted.
	m.closeReport()
	m.list.UnselectAll()
	m.reloadList()
	if next := m.lastReport(); next != 0 {
		m.Open(next)
	}
	m.say(fmt.Sprintf("已删除“%s”的报告；删除前的备份：%s", name, filepath.Base(backup)))
	if len(m.infos) == 0 {
		m.ShowNewReport() // as on a first start
	}
	return nil
}

// closeReport leaves no report open: the window looks as on an empty workspace.
func (m *MainWindow) closeReport() {
	m.id, m.d = 0, nil
	m.tabs, m.tabItem, m.editors, m.texts, m.form = nil, [tabCount]*container.TabItem{}, nil, nil, nil
	m.checks.SetResult(app.Result{}, nil)
	m.win.SetTitle("年报助手")
	m.showWelcome()
}
