package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"nianbao/app"
	"nianbao/importer"
)

// reviewTables lists every row of the three tables as the import read it:
// an empty input cell is 「□」 with its reason, a published total that
// differs from its terms is marked with both values.
func reviewTables(res *importer.Result) *widget.RichText {
	f := res.Report.FormatDef()
	empty := map[string]string{}
	for _, e := range res.Empty {
		empty[e.Cell] = importer.ReasonText(e.Reason)
	}
	differs := map[string]importer.TotalMismatch{}
	for _, t := range res.Totals {
		differs[t.Cell] = t
	}
	var segs []widget.RichTextSegment
	text := func(s string, style widget.RichTextStyle) {
		segs = append(segs, &widget.TextSegment{Text: s, Style: style})
	}
	for _, t := range f.Tables {
		text(t.Name+" "+t.Heading, widget.RichTextStyleSubHeading)
		row := ""
		for _, c := range t.Cells {
			if c.Row != row {
				if row != "" {
					text("", widget.RichTextStyleParagraph)
				}
				row = c.Row
				text(c.RowName+"：", widget.RichTextStyle{Inline: true, TextStyle: boldStyle})
			}
			switch v := res.Report.Cells[c.ID]; {
			case c.Computed() && differs[c.ID].Cell != "":
				m := differs[c.ID]
				text(fmt.Sprintf("%s=%s（原文%s）  ", c.ColName, m.Computed, m.Published), inlineColored(theme.ColorNameError))
			case !c.Computed() && v == "":
				text(fmt.Sprintf("%s=□（%s）  ", c.ColName, empty[c.ID]), inlineColored(theme.ColorNameWarning))
			case app.ParseValue(v).State == app.NotNumber:
				text(fmt.Sprintf("%s=“%s”（不是数字）  ", c.ColName, v), inlineColored(theme.ColorNameWarning))
			default:
				text(fmt.Sprintf("%s=%s  ", c.ColName, v), widget.RichTextStyleInline)
			}
		}
		text("", widget.RichTextStyleParagraph)
	}
	// One line per row, scrolled sideways, so a row reads like the table.
	return widget.NewRichText(segs...)
}

var boldStyle = widget.RichTextStyleStrong.TextStyle

func inlineColored(color fyne.ThemeColorName) widget.RichTextStyle {
	s := widget.RichTextStyleInline
	s.ColorName = color
	return s
}

// reviewProblems lists the published totals that disagree, the empty cells
// with their reasons, and the importer's notes.
func reviewProblems(res *importer.Result) *widget.Label {
	f := res.Report.FormatDef()
	var b strings.Builder
	if len(res.Totals) > 0 {
		b.WriteString("原文合计与计算不符（已改为计算值）：\n")
		for _, t := range res.Totals {
			fmt.Fprintf(&b, "  %s：原文%s，计算得%s\n", f.Cell(t.Cell).Location, t.Published, t.Computed)
		}
	}
	if len(res.Empty) > 0 {
		fmt.Fprintf(&b, "留空的%d格（空白不等于0，请核对后填写）：\n", len(res.Empty))
		for _, e := range res.Empty {
			fmt.Fprintf(&b, "  %s：%s\n", f.Cell(e.Cell).Location, importer.ReasonText(e.Reason))
		}
	}
	if len(res.Warnings) > 0 {
		b.WriteString("提示：\n")
		for _, w := range res.Warnings {
			b.WriteString("  " + w + "\n")
		}
	}
	if b.Len() == 0 {
		b.WriteString("表格的每一格都已识别，原文合计与计算一致。")
	}
	return wrapped(b.String())
}

// reviewText shows the sections found by their headings and the closing block.
func reviewText(res *importer.Result) *widget.Label {
	var b strings.Builder
	if len(res.Sections) == 0 {
		b.WriteString("没有找到六个部分的标题。\n")
	}
	for _, s := range res.Sections {
		line := "找到：" + s.Heading
		if p := res.Report.TextField(s.Field); p != nil {
			line += fmt.Sprintf("（%d字）", len([]rune(*p)))
		}
		b.WriteString(line + "\n")
	}
	for _, p := range app.DocFields {
		if v, ok := res.DocFields[p]; ok {
			fmt.Fprintf(&b, "%s：%s\n", docFieldName(p), v)
		}
	}
	if res.DocFields["doc.signature"] == "" {
		b.WriteString("署名：原文没有\n")
	}
	if res.DocFields["doc.date"] == "" {
		b.WriteString("成文日期：原文没有\n")
	}
	return wrapped(b.String())
}

func docFieldName(p string) string {
	return map[string]string{
		"doc.title": "标题", "doc.issuer_mark": "发文机关标志", "doc.doc_number": "发文字号", "doc.signer": "签发人",
		"doc.signature": "署名", "doc.date": "成文日期", "doc.note": "附注", "doc.cc": "抄送",
		"doc.printed_by": "印发机关", "doc.printed_date": "印发日期",
	}[p]
}

// reviewSource is the source text; the lines read into a table row are bold
// and name the row.
func reviewSource(res *importer.Result) *widget.RichText {
	var segs []widget.RichTextSegment
	lines := res.Lines()
	if len(lines) > 4000 {
		lines = lines[:4000]
	}
	for i, l := range lines {
		l = strings.ReplaceAll(l, "\t", "  ")
		if row, ok := res.Matched[i]; ok {
			segs = append(segs, &widget.TextSegment{Text: l + "    → " + row, Style: widget.RichTextStyleStrong})
			continue
		}
		segs = append(segs, &widget.TextSegment{Text: l, Style: widget.RichTextStyleParagraph})
	}
	if res.Source == importer.SourceEmbedded {
		segs = append(segs, &widget.TextSegment{Text: "（数据来自文件中内嵌的报告，逐格与原报告一致。）", Style: widget.RichTextStyleParagraph})
	}
	rt := widget.NewRichText(segs...)
	rt.Wrapping = fyne.TextWrapWord
	return rt
}
