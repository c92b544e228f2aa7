package pdfout

import (
	"errors"
	"fmt"
	"io"
	"time"

	"nianbao/pdfout/fonts"
)

// Letter is a short document of the superior office — a 审核意见 sent back
// to a unit — set like a report: 版头 (公文 style), title, 主送机关 flush
// left, paragraphs with the body's line breaking, 署名 and 成文日期.
type Letter struct {
	Gongwen    bool
	IssuerMark string // 发文机关标志; "" is Issuer + 「文件」
	DocNumber  string // 发文字号
	Title      string
	TitleParts []string   // where a long title breaks: its meaningful parts, joined = Title
	To         string     // 主送机关, with its colon
	Paragraphs []string   // body text, each indented two characters
	Issuer     string     // 发文机关署名
	Date       string     // 成文日期 in Chinese
	Fonts      *fonts.Set // nil → fonts.Default(); the office's fonts, as its reports print
	Now        time.Time  // the file's dates; zero → SOURCE_DATE_EPOCH or the clock
}

// RenderLetter writes the letter as a PDF/A-3b file. A character no font
// has prints as 「□」: a letter is never refused.
func RenderLetter(wr io.Writer, lt Letter) error {
	if lt.Title == "" {
		return errors.New("审核意见没有标题，无法生成")
	}
	fs := newSetSource(lt.Fonts)
	d := document{
		gongwen: lt.Gongwen, mark: lt.IssuerMark, number: lt.DocNumber,
		title: lt.Title, titleParts: lt.TitleParts,
		closing: closing{sign: lt.Issuer, date: lt.Date},
	}
	if d.mark == "" {
		d.mark = lt.Issuer + "文件"
	}
	d.blocks = func(*layout) []block {
		bs := []block{{p: &para{spans: []span{{ro: roleFS, text: lt.To}}}}}
		for _, t := range lt.Paragraphs {
			bs = append(bs, block{p: &para{indent: 2, spans: []span{{ro: roleFS, text: t}}}})
		}
		return bs
	}
	w := newGofpdfWriter()
	l := layoutDocument(w, fs, d)
	out, err := printPages(w, l, fs, metadata{title: lt.Title, author: lt.Issuer, subject: "审核意见",
		creator: "年报助手 nianbao", date: now(lt.Now)}, false)
	if err != nil {
		return err
	}
	if _, err := wr.Write(out); err != nil {
		return fmt.Errorf("write pdf: %w", err)
	}
	return nil
}
