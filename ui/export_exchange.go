package ui

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"nianbao/storage"
)

// ExportJSON writes the open report as a *.nianbao.json file.
func (m *MainWindow) ExportJSON(path string) error {
	if m.report() == nil {
		return errors.New("没有打开的报告。")
	}
	if !m.flush() {
		return errors.New("有修改尚未保存，请先重试保存。")
	}
	var buf bytes.Buffer
	if err := m.ws.ExportJSON(m.id, &buf); err != nil {
		return errors.New(userMessage(err))
	}
	if err := writeFileAtomic(path, buf.Bytes()); err != nil {
		return err // one Chinese sentence naming the file
	}
	_ = m.ws.SetSetting(settingLastDir, filepath.Dir(path))
	return nil
}

// ImportJSON reads a report file into the workspace and opens it.
func (m *MainWindow) ImportJSON(path string, mode storage.ImportMode) error {
	data, err := readReportFile(path)
	if err != nil {
		return err
	}
	id, err := m.ws.ImportJSON(bytes.NewReader(data), mode)
	if err != nil {
		return err
	}
	m.reloadList()
	m.id = 0 // reload even when the same report was replaced
	m.Open(id)
	return nil
}

func (m *MainWindow) showExportJSON() {
	if m.report() == nil {
		m.say("请先新建或打开一份报告。")
		return
	}
	m.askSavePath("导出报告文件", strings.TrimSuffix(DefaultPDFName(m.report()), ".pdf")+".nianbao.json", ".nianbao.json", func(path string) {
		if err := m.ExportJSON(path); err != nil {
			m.showError("导出失败", err)
			return
		}
		m.say("已导出报告文件：" + path)
	})
}

func (m *MainWindow) showImportJSON() {
	m.askOpenPath("导入报告文件", []string{".json", ".pdf"}, func(path string) {
		err := m.ImportJSON(path, storage.ImportNew)
		if errors.Is(err, storage.ErrExists) {
			m.askImportMode(path, userMessage(err))
			return
		}
		if err != nil {
			m.showError("导入失败", err)
		}
	})
}

// askImportMode asks what to do when the imported report already exists.
func (m *MainWindow) askImportMode(path, msg string) {
	var d dialog.Dialog
	do := func(mode storage.ImportMode) {
		d.Hide()
		if err := m.ImportJSON(path, mode); err != nil {
			m.showError("导入失败", err)
		}
	}
	box := container.NewVBox(widget.NewLabel(msg+"\n替换时，现有内容会保存为历史版本。"),
		container.NewHBox(
			widget.NewButton("替换现有报告", func() { do(storage.ImportReplace) }),
			widget.NewButton("保留两份", func() { do(storage.ImportKeepBoth) })))
	d = dialog.NewCustom("报告已存在", "取消", box, m.win)
	d.Show()
}

// showRevisions lists the snapshots of the open report with a restore button each.
func (m *MainWindow) showRevisions() {
	if m.report() == nil {
		m.say("请先新建或打开一份报告。")
		return
	}
	revs, err := m.ws.Revisions(m.id)
	if err != nil {
		m.fail("读取历史版本", err)
		return
	}
	if len(revs) == 0 {
		dialog.ShowInformation("历史版本", "这份报告还没有历史版本。编辑时每隔几分钟、每次导出PDF时都会自动保存一个版本。", m.win)
		return
	}
	var d dialog.Dialog
	rows := container.NewVBox()
	for _, rv := range revs {
		rv := rv
		what := "编辑中自动保存"
		if rv.Reason == storage.ReasonExport {
			what = "导出PDF时的版本"
			if rv.PDFPath != "" {
				what += "（" + filepath.Base(rv.PDFPath) + "）"
			}
		}
		rows.Add(container.NewBorder(nil, nil, nil,
			widget.NewButton("恢复", func() {
				dialog.ShowConfirm("恢复历史版本", "用"+rv.Created.Format("2006-01-02 15:04")+"的版本替换当前内容？当前内容会先保存为一个历史版本。", func(ok bool) {
					if !ok {
						return
					}
					d.Hide()
					if err := m.RestoreRevision(rv.ID); err != nil {
						m.showError("恢复失败", err)
					}
				}, m.win)
			}),
			widget.NewLabel(rv.Created.Format("2006-01-02 15:04:05")+"  "+what)))
	}
	d = dialog.NewCustom("历史版本", "关闭", container.NewVScroll(rows), m.win)
	d.Resize(fyne.NewSize(640, 420))
	d.Show()
}

// RestoreRevision replaces the open report with one of its revisions.
func (m *MainWindow) RestoreRevision(rev int64) error {
	if !m.flush() {
		return errors.New("有修改尚未保存，请先重试保存。")
	}
	if err := m.ws.RestoreRevision(m.id, rev); err != nil {
		return err
	}
	id := m.id
	m.id = 0
	m.Open(id)
	m.say("已恢复历史版本。")
	return nil
}

// showBackups makes a backup on demand and restores a chosen one.
func (m *MainWindow) showBackups() {
	list, err := m.ws.Backups()
	if err != nil {
		m.fail("读取备份列表", err)
		return
	}
	var d dialog.Dialog
	rows := container.NewVBox()
	for _, b := range list {
		b := b
		rows.Add(container.NewBorder(nil, nil, nil,
			widget.NewButton("恢复", func() {
				dialog.ShowConfirm("恢复备份", "用备份“"+filepath.Base(b)+"”替换整个工作区？当前的工作区文件会另存一份，不会丢失。", func(ok bool) {
					if ok {
						d.Hide()
						if err := m.RestoreBackup(b); err != nil {
							m.showError("恢复备份失败", err)
						}
					}
				}, m.win)
			}),
			widget.NewLabel(filepath.Base(b))))
	}
	backup := widget.NewButton("立即备份", func() {
		p, err := m.ws.Backup()
		if err != nil {
			m.showError("备份失败", err)
			return
		}
		d.Hide()
		m.say("已备份到：" + p)
	})
	head := widget.NewLabel("工作区每天自动备份，保留最近10份及每年最后一份。备份位置：" + filepath.Dir(m.ws.Path()) + string(filepath.Separator) + "backups")
	head.Wrapping = fyne.TextWrapWord
	d = dialog.NewCustom("备份与恢复", "关闭", container.NewBorder(container.NewVBox(head, backup), nil, nil, nil, container.NewVScroll(rows)), m.win)
	d.Resize(fyne.NewSize(640, 420))
	d.Show()
}

// RestoreBackup closes the workspace, replaces it with a backup and reopens it.
func (m *MainWindow) RestoreBackup(backup string) error {
	if !m.flush() {
		return errors.New("有修改尚未保存，请先重试保存。")
	}
	path := m.ws.Path()
	if err := m.ws.Close(); err != nil {
		return err
	}
	aside, rerr := storage.RestoreBackupAside(path, backup)
	ws, err := storage.Open(path)
	if err != nil {
		return fmt.Errorf("重新打开工作区失败：%s", userMessage(err))
	}
	m.useWorkspace(ws)
	if rerr != nil {
		return rerr
	}
	m.id, m.d = 0, nil
	m.reloadList()
	if id := m.lastReport(); id != 0 {
		m.Open(id)
	}
	m.say("已从备份恢复工作区；原来的工作区文件另存为“" + filepath.Base(aside) + "”，下次备份时移入备份文件夹。")
	return nil
}
