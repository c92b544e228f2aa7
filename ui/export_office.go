package ui

import (
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"nianbao/app"
	"nianbao/docx"
	"nianbao/htmlout"
	"nianbao/pdfout/fonts"
	"nianbao/xlsx"
)

// noSealNote is said wherever a Word file is made.
const noSealNote = "Word文档可以修改，为防止被冒用，文档中不含印章；需要盖章的正式文本请用“导出PDF”。"

// officeMenu is the menu of the exchange formats.
func (m *MainWindow) officeMenu() *fyne.Menu {
	return fyne.NewMenu("导出其他格式",
		fyne.NewMenuItem("导出Word", m.showExportWord),
		fyne.NewMenuItem("导出Excel", m.showExportExcel),
		fyne.NewMenuItem("复制为网页", m.copyWebPage))
}

// officeButton opens the menu of the exchange formats below itself; one
// button keeps the toolbar within 1280 px.
func (m *MainWindow) officeButton() *widget.Button {
	var b *widget.Button
	b = widget.NewButton("导出Word/Excel/网页…", func() {
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(b).Add(fyne.NewPos(0, b.Size().Height))
		widget.ShowPopUpMenuAtPosition(m.officeMenu(), m.win.Canvas(), pos)
	})
	return b
}

// officeFileName is the PDF's default name with another extension; the
// 公文版 and a draft say so.
func officeFileName(r *app.Report, ext string, draft bool) string {
	return strings.TrimSuffix(pdfFileName(r, draft), ".pdf") + ext
}

// ExportWord writes the open report as a Word document in its style.
func (m *MainWindow) ExportWord(path string, draft bool) error {
	r, err := m.exportable(draft)
	if err != nil {
		return err
	}
	b, err := docx.Bytes(r, docx.Options{Style: r.Doc.Style, Draft: draft, Fonts: installedFontNames()})
	if err != nil {
		return err
	}
	return m.writeExport(path, b)
}

// ExportExcel writes the three tables of the open report as a workbook.
func (m *MainWindow) ExportExcel(path string, draft bool) error {
	r, err := m.exportable(draft)
	if err != nil {
		return err
	}
	b, err := xlsx.Encode(r, xlsx.Options{Draft: draft})
	if err != nil {
		return err
	}
	return m.writeExport(path, b)
}

// WebPage is the open report as the HTML fragment an editor takes.
func (m *MainWindow) WebPage(draft bool) (string, error) {
	r, err := m.exportable(draft)
	if err != nil {
		return "", err
	}
	return htmlout.Fragment(r, htmlout.Options{Draft: draft})
}

// exportable is the open report, saved, without errors unless a draft is asked for.
func (m *MainWindow) exportable(draft bool) (*app.Report, error) {
	if m.report() == nil {
		return nil, errors.New("没有打开的报告。")
	}
	if !m.flush() {
		return nil, errors.New("有修改尚未保存，请先重试保存。")
	}
	if errs := m.Result().Errors(); len(errs) > 0 && !draft {
		return nil, fmt.Errorf("报告有%d项强制性错误，不能导出正式文本。", len(errs))
	}
	return m.report(), nil
}

func (m *MainWindow) writeExport(path string, b []byte) error {
	if err := writeFileAtomic(path, b); err != nil {
		return err // one Chinese sentence naming the file
	}
	return nil
}

// confirmOffice runs the checks of the PDF export: errors allow only a
// draft, warnings without 出错说明 are confirmed.
func (m *MainWindow) confirmOffice(what string, next func(draft bool)) {
	if m.report() == nil {
		m.say("请先新建或打开一份报告。")
		return
	}
	errs := m.Result().Errors()
	if len(errs) == 0 {
		m.confirmWarnings(func() { next(false) })
		return
	}
	head := fmt.Sprintf("报告还有%d项强制性错误，改正之前不能导出正式%s。可以先导出草稿供内部审阅。", len(errs), what)
	m.confirmFindings("不能导出正式"+what, "导出草稿", "返回修改", head, numbered(errs, 20), func() { next(true) })
}

func (m *MainWindow) showExportWord() {
	m.confirmOffice("Word文档", func(draft bool) {
		m.askSavePath("导出Word", officeFileName(m.report(), ".docx", draft), ".docx", func(path string) {
			if err := m.ExportWord(path, draft); err != nil {
				m.showError("导出Word失败", err)
				return
			}
			m.showOfficeExported("Word文档", path, noSealNote)
		})
	})
}

func (m *MainWindow) showExportExcel() {
	m.confirmOffice("Excel表格", func(draft bool) {
		m.askSavePath("导出Excel", officeFileName(m.report(), ".xlsx", draft), ".xlsx", func(path string) {
			if err := m.ExportExcel(path, draft); err != nil {
				m.showError("导出Excel失败", err)
				return
			}
			m.showOfficeExported("Excel表格", path, "表二、表三、表四各占一个工作表，合计为公式；“数据”工作表按单元格列出全部数值。")
		})
	})
}

// copyWebPage puts the report on the clipboard as HTML for the website's
// editor; where the system cannot take HTML, the source goes as text.
func (m *MainWindow) copyWebPage() {
	m.confirmOffice("网页", func(draft bool) {
		frag, err := m.WebPage(draft)
		if err != nil {
			m.showError("复制为网页失败", err)
			return
		}
		msg := "已复制为网页：在网站后台的编辑器中直接粘贴即可，标题、正文、表格和落款都会保留。"
		if err := copyHTML(frag); err != nil {
			m.app.Clipboard().SetContent(frag)
			msg = "已把网页的源代码复制到剪贴板：请在网站编辑器中切换到“源代码”（HTML）模式后粘贴。"
		}
		m.say(msg)
		dialog.ShowInformation("复制为网页", msg, m.win)
	})
}

// showOfficeExported says where the file went and offers to open it.
func (m *MainWindow) showOfficeExported(what, path, note string) {
	m.say("已导出：" + path)
	info := widget.NewLabel(what + "已保存到：\n" + path + "\n\n" + note)
	info.Wrapping = fyne.TextWrapWord
	box := container.NewVBox(info, container.NewHBox(
		widget.NewButton("打开文件", func() { m.openInSystem(path) }),
		widget.NewButton("打开所在文件夹", func() { m.openInSystem(filepath.Dir(path)) })))
	d := dialog.NewCustom("导出完成", "关闭", box, m.win)
	d.Resize(fyne.NewSize(560, 260))
	d.Show()
}

// openInSystem opens a file or folder with the system's program for it.
func (m *MainWindow) openInSystem(p string) {
	u := &url.URL{Scheme: "file", Path: filepath.ToSlash(p)}
	if err := m.app.OpenURL(u); err != nil {
		m.fail("打开", err)
	}
}

// installedFontNames names the office fonts found on this computer by role,
// as the PDF finds them, so Word shows them; bundled roles keep the standard names.
func installedFontNames() map[string]string {
	_, choices := fonts.Office()
	return fonts.WordNames(choices)
}
