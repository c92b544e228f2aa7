package ui

import (
	"bytes"
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
	"nianbao/internal/atomicfile"
	"nianbao/pdfout"
	"nianbao/storage"
)

// DefaultPDFName is «{机关名称}{年度}年政府信息公开工作年度报告.pdf».
func DefaultPDFName(r *app.Report) string {
	return safeName(fmt.Sprintf("%s%d年政府信息公开工作年度报告", r.Unit.Name, r.Year)) + ".pdf"
}

// safeName drops the characters Windows refuses in file names.
func safeName(s string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(`\/:*?"<>|`, r) || r < 32 {
			return -1
		}
		return r
	}, s)
}

// ExportPDF renders the open report to path. With errors and !draft it
// returns *pdfout.CheckError and writes nothing.
func (m *MainWindow) ExportPDF(path string, draft bool) error {
	if m.report() == nil {
		return errors.New("没有打开的报告。")
	}
	if !m.flush() {
		return errors.New("有修改尚未保存，请先重试保存。")
	}
	seal, err := m.ws.Seal(m.report().Unit.Name)
	if err != nil {
		return fmt.Errorf("读取印章失败：%s", userMessage(err))
	}
	var buf bytes.Buffer
	err = pdfout.Render(&buf, m.report(), pdfout.Options{Style: m.report().Doc.Style, Seal: seal, Draft: draft, Prev: m.d.Prev(), Allow: m.d.Options().Allow, Fonts: m.fontSet()})
	if err != nil {
		return err
	}
	if err := writeFileAtomic(path, buf.Bytes()); err != nil {
		return err // one Chinese sentence naming the file
	}
	if !draft {
		err := m.ws.Snapshot(m.id, storage.ReasonExport)
		if err == nil {
			err = m.ws.MarkExported(m.id, path)
		}
		if err != nil {
			return fmt.Errorf("PDF已保存，但记录导出状态失败：%s", userMessage(err))
		}
		m.reloadList()
	}
	_ = m.ws.SetSetting(settingLastDir, filepath.Dir(path))
	return nil
}

// writeFileAtomic replaces a file only once the whole new file is on disk
// (the command line's writer: fsync, symlinks, devices, stale temporaries).
var writeFileAtomic = atomicfile.Write

// showExportPDF refuses a report with errors (offering a draft) and otherwise
// asks where to save.
func (m *MainWindow) showExportPDF() {
	if m.report() == nil {
		m.say("请先新建或打开一份报告。")
		return
	}
	errs := m.Result().Errors()
	if len(errs) == 0 {
		m.confirmHead(func() { m.confirmWarnings(func() { m.askPDFPath(false) }) })
		return
	}
	head := fmt.Sprintf("报告还有%d项强制性错误，改正之前不能导出正式PDF。可以先导出带“草稿”水印的PDF供内部审阅。", len(errs))
	m.confirmFindings("不能导出正式PDF", "导出草稿", "返回修改", head, numbered(errs, 20), func() { m.askPDFPath(true) })
}

// confirmHead names the 版头 fields a 公文版 lacks before it is printed
// without them (gongwen.md §9), and goes on only when the clerk confirms.
func (m *MainWindow) confirmHead(next func()) {
	r := m.report()
	var missing []string
	if r.Doc.Style == app.StyleGongwen {
		if strings.TrimSpace(r.Doc.IssuerMark) == "" {
			missing = append(missing, "· 发文机关标志（如“××县人民政府文件”）")
		}
		if strings.TrimSpace(r.Doc.DocNumber) == "" {
			missing = append(missing, "· 发文字号（如“×政发〔2025〕1号”）")
		}
	}
	if len(missing) == 0 {
		next()
		return
	}
	head := "选择的是公文版，但红色版头中以下内容未填写，打印出来将是空的。请在“基本信息与落款”中填写；只需公开发布的，可改选公开版。"
	m.confirmFindings("公文版版头不完整", "仍然导出", "返回填写", head, missing, next)
}

// Unexplained returns the warnings that have no 出错说明 yet.
func (m *MainWindow) Unexplained() []app.Finding {
	var out []app.Finding
	for _, f := range m.Result().Warnings() {
		if strings.TrimSpace(m.report().Explanations[f.Key()]) == "" {
			out = append(out, f)
		}
	}
	return out
}

// confirmWarnings lists the warnings without 出错说明 and exports only when
// the clerk confirms (formats.md §8.1).
func (m *MainWindow) confirmWarnings(next func()) {
	open := m.Unexplained()
	if len(open) == 0 {
		next()
		return
	}
	head := fmt.Sprintf("有%d项提示性警告还没有填写出错说明。可以在右侧“校验结果”中逐项说明；确认无误也可以直接导出。", len(open))
	m.confirmFindings("仍要导出吗？", "仍然导出", "返回填写", head, summarized(open, m.report().FormatDef(), 15), next)
}

// confirmFindings shows a head sentence over a scrolling list of findings
// and runs next when the clerk confirms.
func (m *MainWindow) confirmFindings(title, confirm, dismiss, head string, lines []string, next func()) {
	text := widget.NewLabel(strings.Join(lines, "\n"))
	text.Wrapping = fyne.TextWrapWord
	headLabel := widget.NewLabel(head)
	headLabel.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(title, confirm, dismiss,
		container.NewBorder(headLabel, nil, nil, nil, container.NewVScroll(text)),
		func(ok bool) {
			if ok {
				next()
			}
		}, m.win)
	d.Resize(fyne.NewSize(640, 440))
	d.Show()
}

// numbered lists at most max finding messages as «1. …», then how many more.
func numbered(fs []app.Finding, max int) []string {
	return listFindings(fs, max, func(i int, f app.Finding) string { return fmt.Sprintf("%d. %s", i+1, f.Message) })
}

// bulleted lists at most max finding messages as «· …», then how many more.
func bulleted(fs []app.Finding, max int) []string {
	return listFindings(fs, max, func(_ int, f app.Finding) string { return "· " + f.Message })
}

func listFindings(fs []app.Finding, max int, line func(int, app.Finding) string) []string {
	var lines []string
	for i, f := range fs {
		if i == max {
			return append(lines, fmt.Sprintf("……另有%d项", len(fs)-max))
		}
		lines = append(lines, line(i, f))
	}
	return lines
}

func (m *MainWindow) askPDFPath(draft bool) {
	m.askSavePath("导出PDF", pdfFileName(m.report(), draft), ".pdf", func(path string) {
		if err := m.ExportPDF(path, draft); err != nil {
			m.showError("导出PDF失败", err)
			return
		}
		m.showExported(path)
	})
}

func (m *MainWindow) showError(title string, err error) {
	var ce *pdfout.CheckError
	if errors.As(err, &ce) {
		err = fmt.Errorf("报告有%d项强制性错误，不能导出正式PDF。", len(ce.Findings))
	}
	dialog.ShowInformation(title, userMessage(err), m.win)
}

// showExported offers to open the PDF or its folder.
func (m *MainWindow) showExported(path string) {
	m.say("已导出：" + path)
	open := func(p string) {
		u := &url.URL{Scheme: "file", Path: filepath.ToSlash(p)}
		if err := m.app.OpenURL(u); err != nil {
			m.fail("打开", err)
		}
	}
	box := container.NewVBox(
		widget.NewLabel("PDF已保存到：\n"+path),
		container.NewHBox(
			widget.NewButton("打开文件", func() { open(path) }),
			widget.NewButton("打开所在文件夹", func() { open(filepath.Dir(path)) })),
	)
	dialog.ShowCustom("导出完成", "关闭", box, m.win)
}
