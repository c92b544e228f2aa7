package ui

import (
	"bytes"
	"errors"
	"fmt"

	"fyne.io/fyne/v2/widget"

	"nianbao/app"
	"nianbao/assets"
	"nianbao/storage"
)

// exampleNote tells the clerk that the example is not their own report and
// how to get rid of it.
const exampleNote = "这是新绛县人民政府公开发布的2021年度报告（示例），供参考，不是本单位的报告；不需要时可用“删除报告”删除。"

// OpenExample imports the bundled example report, once, and opens it so a
// clerk can see a complete report. A second call opens the one imported.
func (m *MainWindow) OpenExample() error {
	ex, err := app.ParseReport(assets.ExampleReport)
	if err != nil {
		return fmt.Errorf("示例报告已损坏：%s", userMessage(err))
	}
	note := exampleNote
	id, err := m.ws.ImportJSON(bytes.NewReader(assets.ExampleReport), storage.ImportNew)
	if errors.Is(err, storage.ErrExists) {
		id, err = m.ws.FindReport(ex.Unit.Name, ex.Year)
		if err == nil && !m.isExample(id, ex) {
			// A clerk of that county may have a report of their own: never call it the example.
			note = fmt.Sprintf("工作区中已有%s%d年的报告，已为您打开；示例报告未导入。", ex.Unit.Name, ex.Year)
		}
	}
	if err != nil {
		return fmt.Errorf("无法打开示例报告：%s", userMessage(err))
	}
	m.reloadList()
	m.id = 0 // reload even when the example is already open
	m.Open(id)
	m.say(note)
	return nil
}

// isExample reports whether the stored report still is the bundled example.
func (m *MainWindow) isExample(id int64, ex *app.Report) bool {
	var buf bytes.Buffer
	if err := m.ws.ExportJSON(id, &buf); err != nil {
		return false
	}
	r, err := app.ParseReport(buf.Bytes())
	if err != nil {
		return false
	}
	a, err1 := app.MarshalReport(r)
	b, err2 := app.MarshalReport(ex)
	return err1 == nil && err2 == nil && bytes.Equal(a, b)
}

// exampleItem is the «打开示例报告» row of the new-report dialog; hide closes
// the dialog first so the example shows behind nothing.
func (m *MainWindow) exampleItem(hide func()) *widget.FormItem {
	b := widget.NewButton("打开示例报告", func() {
		hide()
		if err := m.OpenExample(); err != nil {
			m.showError("无法打开示例报告", err)
		}
	})
	item := widget.NewFormItem("", b)
	item.HintText = "先看看一份填写完整的报告（新绛县人民政府2021年度）"
	return item
}
