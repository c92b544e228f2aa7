package ui

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"nianbao/app"
	"nianbao/desk"
)

var errNoSum = errors.New("还没有可导出的汇总：请先添加收到的文件")

func (v *DeskView) write(path string, render func(w io.Writer) error) error {
	var buf bytes.Buffer
	if err := render(&buf); err != nil {
		return err
	}
	return writeFileAtomic(path, buf.Bytes())
}

// ExportSumPDF prints the 汇总 (a draft while it fails the checker).
func (v *DeskView) ExportSumPDF(path string) error {
	if v.agg == nil || len(v.agg.Included) == 0 {
		return errNoSum
	}
	return v.write(path, func(w io.Writer) error { return desk.WriteAggregatePDF(w, v.agg) })
}

// ExportSumXLSX writes the 汇总 workbook.
func (v *DeskView) ExportSumXLSX(path string) error {
	if v.agg == nil || len(v.agg.Included) == 0 {
		return errNoSum
	}
	return v.write(path, func(w io.Writer) error { return desk.WriteXLSX(w, v.batch, v.agg) })
}

// ExportSumReport writes the 汇总 as a report file.
func (v *DeskView) ExportSumReport(path string) error {
	if v.agg == nil || len(v.agg.Included) == 0 {
		return errNoSum
	}
	return v.write(path, func(w io.Writer) error { return app.WriteReport(w, v.agg.Report) })
}

// OpenSumAsReport keeps the 汇总 as a report of the workspace and opens it
// in the clerk's window, where the office writes its narrative and prints it.
func (v *DeskView) OpenSumAsReport(unit string) error {
	if v.agg == nil || len(v.agg.Included) == 0 {
		return errNoSum
	}
	r := v.agg.Report.Clone()
	if unit != "" {
		r.Unit.Name, r.Doc.Signature, r.Doc.Title = unit, unit, ""
	}
	id, err := v.m.ws.CreateReport(r)
	if err != nil {
		return err
	}
	v.Back()
	v.m.reloadList()
	v.m.Open(id)
	return nil
}

func (v *DeskView) sumName(ext string) string {
	return safeName(desk.DefaultAggregateUnit+strconv.Itoa(v.year)+"年度报告汇总") + ext
}

func (v *DeskView) showExports() {
	if v.agg == nil || len(v.agg.Included) == 0 {
		v.m.showError("无法导出", errNoSum)
		return
	}
	var d dialog.Dialog
	ask := func(label, ext string, export func(string) error) *widget.Button {
		return widget.NewButton(label, func() {
			d.Hide()
			v.m.askSavePath(label, v.sumName(ext), ext, func(path string) {
				if err := export(path); err != nil {
					v.m.showError("导出失败", err)
					return
				}
				v.m.say("已导出“" + path + "”。")
			})
		})
	}
	unit := widget.NewEntry()
	unit.SetPlaceHolder("本单位名称，如：某县人民政府")
	open := widget.NewButton("作为本单位报告打开（填写文字、打印）", func() {
		if err := v.OpenSumAsReport(unit.Text); err != nil {
			v.m.showError("无法打开汇总报告", err)
			return
		}
		d.Hide()
	})
	body := container.NewVBox(
		widget.NewLabel(v.sumLabel.Text),
		container.NewBorder(nil, nil, nil, open, unit),
		ask("汇总报告 PDF（三张表和汇总范围）", ".pdf", v.ExportSumPDF),
		ask("汇总表 Excel（各表、各单位数据、审核发现）", ".xlsx", v.ExportSumXLSX),
		ask("汇总报告文件（.nianbao.json）", ".json", v.ExportSumReport),
	)
	d = dialog.NewCustom("导出汇总", "关闭", body, v.m.win)
	d.Resize(fyne.NewSize(520, 300))
	d.Show()
}

// Letter composes the selected unit's 审核意见.
func (v *DeskView) Letter(opt desk.LetterOptions) (desk.Letter, error) {
	if v.selected == nil {
		return desk.Letter{}, errors.New("请先在表格中选择一个单位")
	}
	if opt.Now.IsZero() {
		opt.Now = v.m.now()
	}
	// in the office's fonts, like the reports it prints
	if opt.PDFFonts == nil {
		opt.PDFFonts = v.m.fontSet()
	}
	if opt.WordFonts == nil {
		opt.WordFonts = installedFontNames()
	}
	l, ok := desk.LetterFor(v.selected, v.year, opt)
	if !ok {
		return desk.Letter{}, fmt.Errorf("%s没有需要修改的问题，无需审核意见", v.selected.Unit.Name)
	}
	return l, nil
}

// ExportLetter writes the selected unit's 审核意见 as PDF or, for a path
// ending in .docx, as a Word document.
func (v *DeskView) ExportLetter(path string, opt desk.LetterOptions) error {
	l, err := v.Letter(opt)
	if err != nil {
		return err
	}
	if len(path) > 5 && path[len(path)-5:] == ".docx" {
		return v.write(path, l.WriteDOCX)
	}
	return v.write(path, l.WritePDF)
}

func (v *DeskView) showLetter() {
	if _, err := v.Letter(desk.LetterOptions{}); err != nil {
		v.m.showError("审核意见", err)
		return
	}
	issuer := widget.NewEntry()
	issuer.SetPlaceHolder("审核单位，如：某县人民政府办公室")
	number := widget.NewEntry()
	number.SetPlaceHolder("发文字号（公文格式）")
	deadline := widget.NewEntry()
	deadline.SetPlaceHolder("重新报送期限，如：2月10日")
	gongwen := widget.NewCheck("公文格式（红头）", nil)
	opts := func() desk.LetterOptions {
		return desk.LetterOptions{Issuer: issuer.Text, DocNumber: number.Text, Deadline: deadline.Text, Gongwen: gongwen.Checked}
	}
	var d dialog.Dialog
	save := func(ext string) func() {
		return func() {
			d.Hide()
			name := safeName("关于"+v.selected.Unit.Name+strconv.Itoa(v.year)+"年度报告的审核意见") + ext
			v.m.askSavePath("保存审核意见", name, ext, func(path string) {
				if err := v.ExportLetter(path, opts()); err != nil {
					v.m.showError("无法保存审核意见", err)
					return
				}
				v.m.say("已保存审核意见“" + path + "”。")
			})
		}
	}
	form := container.NewVBox(issuer, number, deadline, gongwen,
		container.NewHBox(widget.NewButton("保存为 PDF…", save(".pdf")), widget.NewButton("保存为 Word…", save(".docx"))))
	d = dialog.NewCustom("审核意见："+v.selected.Unit.Name, "关闭", form, v.m.win)
	d.Resize(fyne.NewSize(480, 320))
	d.Show()
}
