package docx

import (
	"errors"
	"fmt"
	"io"

	"nianbao/docparts"
)

// Letter is a short document of the superior office — a 审核意见 sent back
// to a unit — in Word, laid out like a report: 版头 (公文 style), title,
// 主送机关 flush left, indented paragraphs, 署名 and 成文日期, page numbers.
type Letter struct {
	Gongwen    bool
	IssuerMark string // 发文机关标志; "" is Issuer + 「文件」
	DocNumber  string // 发文字号
	Title      string
	TitleParts []string // where a long title breaks: its meaningful parts
	To         string   // 主送机关, with its colon
	Paragraphs []string
	Issuer     string // 发文机关署名
	Date       string // 成文日期 in Chinese
}

// WriteLetter writes the letter as a .docx package; opt.Style and
// opt.Draft do not apply to it.
func WriteLetter(out io.Writer, l Letter, opt Options) error {
	if l.Title == "" {
		return errors.New("审核意见没有标题，无法导出")
	}
	opt.Draft = false
	names := fontTable(opt.Fonts)
	w := xw{fonts: names}
	w.WriteString(xmlHeader)
	w.open("w:document", "xmlns:w", nsW, "xmlns:r", nsR)
	w.open("w:body")
	if l.Gongwen {
		mark := l.IssuerMark
		if mark == "" {
			mark = l.Issuer + "文件"
		}
		w.banTou(mark, l.DocNumber, "")
	}
	lines := docparts.TitleLines(l.Title, "")
	if len(l.TitleParts) > 0 {
		lines = docparts.PartLines(l.TitleParts)
	}
	w.title(lines)
	w.emptyLines(1)
	w.writePara(para{jc: "both"}, body(l.To))
	for i, t := range l.Paragraphs {
		// the last paragraph stays with the closing block (§4.4 c)
		w.writePara(para{firstChars: 200, jc: "both", keepNext: i == len(l.Paragraphs)-1}, body(t))
	}
	w.closing(docparts.ClosingFor(l.Issuer, l.Date, false))
	w.sectPr(false)
	w.close("w:body")
	w.close("w:document")
	b, err := pack(coreProps(l.Title, l.Issuer), []byte(w.String()), names, opt)
	if err != nil {
		return err
	}
	if _, err := out.Write(b); err != nil {
		return fmt.Errorf("write docx: %w", err)
	}
	return nil
}
