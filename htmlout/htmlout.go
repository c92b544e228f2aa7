// Package htmlout writes the report as one self-contained web page for a
// government website: title, the six sections, the three tables with
// rowspan/colspan, 署名 and date, every style inline because the editors
// of content systems (TRS, UEditor) drop style sheets. No scripts, no
// external resources; readable on a phone.
package htmlout

import (
	"fmt"
	"html"
	"io"
	"sort"
	"strconv"
	"strings"

	"nianbao/app"
	"nianbao/docparts"
)

// Options control Write.
type Options struct {
	Draft bool // mark the page 「草稿」
}

// Inline styles; font lists name the office fonts first, then what phones have.
const (
	fontFS      = `仿宋_GB2312,仿宋,FangSong,STFangsong,serif`
	fontHT      = `黑体,SimHei,'Microsoft YaHei',sans-serif`
	fontKT      = `楷体_GB2312,楷体,KaiTi,STKaiti,serif`
	fontXBS     = `方正小标宋简体,'华文中宋',STZhongsong,SimSun,serif`
	styleBody   = `max-width:800px;margin:0 auto;padding:0 12px;font-family:` + fontFS + `;font-size:16px;line-height:1.8;color:#000;`
	styleTitle  = `margin:16px 0;text-align:center;font-family:` + fontXBS + `;font-size:22px;font-weight:normal;line-height:1.5;`
	styleP      = `margin:0;text-indent:2em;text-align:justify;`
	styleH1     = `margin:0;text-indent:2em;font-family:` + fontHT + `;font-size:16px;font-weight:normal;`
	styleH2     = `margin:0;text-indent:2em;font-family:` + fontKT + `;font-size:16px;font-weight:normal;`
	styleWrap   = `overflow-x:auto;margin:4px 0 8px;`
	styleTable  = `border-collapse:collapse;width:100%;font-size:14px;line-height:1.4;`
	styleCell   = `border:1px solid #000;padding:2px 4px;vertical-align:middle;font-weight:normal;`
	styleClosed = `margin:0;text-align:right;`
)

// Write writes the whole page.
func Write(out io.Writer, r *app.Report, opt Options) error {
	s, err := Page(r, opt)
	if err != nil {
		return err
	}
	if _, err := io.WriteString(out, s); err != nil {
		return fmt.Errorf("write html: %w", err)
	}
	return nil
}

// Page returns the page as a complete HTML document.
func Page(r *app.Report, opt Options) (string, error) {
	frag, err := Fragment(r, opt)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
	b.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	b.WriteString("<title>" + html.EscapeString(r.Title()) + "</title>\n</head>\n<body style=\"margin:0;\">\n")
	b.WriteString(frag)
	b.WriteString("</body>\n</html>\n")
	return b.String(), nil
}

// Fragment returns the body of the page, the part pasted into an editor.
func Fragment(r *app.Report, opt Options) (string, error) {
	if r == nil {
		return "", fmt.Errorf("没有可导出的报告")
	}
	if r.FormatDef() == nil {
		return "", fmt.Errorf("报告格式“%s”不受支持，无法导出", r.Format)
	}
	var b strings.Builder
	b.WriteString(`<div style="` + styleBody + `">` + "\n")
	if opt.Draft {
		b.WriteString(`<p style="margin:0;text-align:right;color:#c00;font-family:` + fontHT + `;">草稿</p>` + "\n")
	}
	b.WriteString(`<h1 style="` + styleTitle + `">`)
	for i, ln := range docparts.TitleLines(r.Title(), r.Unit.Name) {
		if i > 0 {
			b.WriteString("<br>")
		}
		b.WriteString(html.EscapeString(ln))
	}
	b.WriteString("</h1>\n")
	for _, bl := range docparts.BodyBlocks(r) {
		if bl.Table != nil {
			writeTable(&b, r, bl.Table)
		} else {
			writePara(&b, *bl.Para)
		}
	}
	writeClosing(&b, docparts.ClosingOf(r, app.StylePublic))
	b.WriteString("</div>\n")
	return b.String(), nil
}

// attr escapes data for an attribute; the style constants need no escaping.
func attr(s string) string { return html.EscapeString(s) }

// writePara writes a heading as h2/h3 when it stands alone, otherwise a
// paragraph whose run-in heading is a span in the level's font.
func writePara(b *strings.Builder, p docparts.Para) {
	head := html.EscapeString(p.Head)
	rest := html.EscapeString(p.Rest)
	switch {
	case p.Level == docparts.H1 && p.Rest == "":
		b.WriteString(`<h2 style="` + styleH1 + `">` + head + "</h2>\n")
	case p.Level == docparts.H2 && p.Rest == "":
		b.WriteString(`<h3 style="` + styleH2 + `">` + head + "</h3>\n")
	case p.Level == docparts.H1:
		b.WriteString(`<p style="` + styleP + `"><span style="font-family:` + fontHT + `;">` + head + "</span>" + rest + "</p>\n")
	case p.Level == docparts.H2:
		b.WriteString(`<p style="` + styleP + `"><span style="font-family:` + fontKT + `;">` + head + "</span>" + rest + "</p>\n")
	default:
		b.WriteString(`<p style="` + styleP + `">` + head + rest + "</p>\n")
	}
}

// writeTable writes a table from its grid items: each box once, in the row
// where it starts, with its spans; widths in per cent of the declared ones.
func writeTable(b *strings.Builder, r *app.Report, t *app.Table) {
	sum := 0.0
	for _, w := range t.Widths {
		sum += w
	}
	b.WriteString(`<div style="` + styleWrap + `">` + "\n")
	style := styleTable
	if t.Cols > 4 {
		// a phone scrolls a wide table sideways rather than break every label
		style += "min-width:640px;"
	}
	b.WriteString(`<table border="1" cellspacing="0" cellpadding="2" style="` + style + `" summary="` + attr(t.Name) + `">` + "\n<colgroup>")
	for _, w := range t.Widths {
		b.WriteString(`<col style="width:` + strconv.FormatFloat(w/sum*100, 'f', 2, 64) + `%;">`)
	}
	b.WriteString("</colgroup>\n")
	// HTML places the boxes of a row left to right
	starts := make([][]app.Item, t.Rows)
	for _, it := range t.Items {
		starts[it.Row] = append(starts[it.Row], it)
	}
	for row := 0; row < t.Rows; row++ {
		sort.SliceStable(starts[row], func(i, j int) bool { return starts[row][i].Col < starts[row][j].Col })
		b.WriteString("<tr>")
		for _, it := range starts[row] {
			tag := "td"
			if it.Header {
				tag = "th"
			}
			align := "left"
			if docparts.Centered(it) {
				align = "center"
			}
			b.WriteString("<" + tag)
			if it.RowSpan > 1 {
				b.WriteString(` rowspan="` + strconv.Itoa(it.RowSpan) + `"`)
			}
			if it.ColSpan > 1 {
				b.WriteString(` colspan="` + strconv.Itoa(it.ColSpan) + `"`)
			}
			if it.CellID != "" {
				b.WriteString(` data-cell="` + attr(it.CellID) + `"`)
			}
			b.WriteString(` style="` + styleCell + `text-align:` + align + `;">`)
			b.WriteString(html.EscapeString(docparts.ItemText(r, it)))
			b.WriteString("</" + tag + ">")
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</table>\n</div>\n")
}

// writeClosing right-aligns 署名 and date, the date's right end two 字 in
// and the 署名 placed against it as in print (gongwen.md §4.4 b).
func writeClosing(b *strings.Builder, c docparts.Closing) {
	if c.Signature == "" && c.Date == "" {
		return
	}
	b.WriteString(`<p style="margin:0;">&nbsp;</p>` + "\n")
	pad := func(col float64, s string) string {
		return strconv.FormatFloat(max(0, 28-col-docparts.Width(s)), 'f', 1, 64) + "em"
	}
	if c.Signature != "" {
		b.WriteString(`<p style="` + styleClosed + `padding-right:` + pad(c.SignCol, c.Signature) + `;">` + html.EscapeString(c.Signature) + "</p>\n")
	}
	if c.Date != "" {
		b.WriteString(`<p style="` + styleClosed + `padding-right:` + pad(c.DateCol, c.Date) + `;">` + html.EscapeString(c.Date) + "</p>\n")
	}
}
