package ui

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"

	"nianbao/pdfout"
	"nianbao/storage"
)

// maxOpenedFile bounds what is read of a file given to the app: the PDFs
// it prints are a few MB, report files at most app.MaxReportFileSize.
const maxOpenedFile = 64 << 20

// OpenFiles imports report files given on the command line (a double-click
// in the file manager) or handed over by a second start, and opens them.
// A report the workspace already holds gets the replace/keep-both question.
func (m *MainWindow) OpenFiles(paths []string) {
	for _, p := range paths {
		m.openFile(p)
	}
}

// HandOver opens files sent by a second start and brings the window to the front.
func (m *MainWindow) HandOver(paths []string) {
	m.OpenFiles(paths)
	m.win.Show()
	m.win.RequestFocus()
}

func (m *MainWindow) openFile(path string) {
	err := m.ImportJSON(path, storage.ImportNew)
	if errors.Is(err, storage.ErrExists) {
		dismissDialogs(m.win.Canvas())
		m.askImportMode(path, userMessage(err))
		return
	}
	if err != nil {
		m.showError("无法打开文件", fmt.Errorf("无法打开“%s”：%s", filepath.Base(path), userMessage(err)))
		return
	}
	dismissDialogs(m.win.Canvas())
	m.say("已打开：" + path)
}

// dismissDialogs closes what the window asked before the file came (the
// new-report dialog of a first start): the file answers it.
func dismissDialogs(c fyne.Canvas) {
	for o := c.Overlays().Top(); o != nil; o = c.Overlays().Top() {
		if h, ok := o.(interface{ Hide() }); ok {
			h.Hide()
		}
		if c.Overlays().Top() == o {
			c.Overlays().Remove(o)
		}
	}
}

// readReportFile returns the report JSON of a report file, or of a PDF the
// app printed (which carries it as an attachment).
func readReportFile(path string) ([]byte, error) {
	data, err := readLimited(path, maxOpenedFile)
	if err != nil {
		return nil, err
	}
	if bytes.HasPrefix(data, []byte("%PDF-")) {
		_, raw, err := pdfout.ExtractReport(data)
		if err != nil {
			return nil, fmt.Errorf("“%s”：%v", filepath.Base(path), err)
		}
		return raw, nil
	}
	if t := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), " \t\r\n"); len(t) == 0 || t[0] != '{' {
		return nil, fmt.Errorf("“%s”不是年报助手的报告文件（.nianbao.json），也不是年报助手导出的PDF。", filepath.Base(path))
	}
	return data, nil
}

// fileProblem words the usual reasons a file cannot be read.
func fileProblem(err error) string {
	switch {
	case errors.Is(err, os.ErrNotExist):
		return "不存在"
	case errors.Is(err, os.ErrPermission):
		return "没有读取权限"
	}
	return err.Error()
}
