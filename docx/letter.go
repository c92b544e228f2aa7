package docx

import (
	"errors"
	"fmt"
	"io"

	"nianbao/docparts"
)

// WriteLetter writes the letter as a .docx package laid out like a report's
// Word file, with page numbers; opt.Style and opt.Draft do not apply to it.
func WriteLetter(out io.Writer, l docparts.Letter, opt Options) error {
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
		w.banTou(l.Mark(), l.DocNumber, "")
	}
	w.title(l.Lines())
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
