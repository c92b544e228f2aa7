package desk

import (
	"io"
	"strings"
	"time"

	"nianbao/docparts"
	"nianbao/pdfout"
)

// WritePDF prints the letter as a GB/T 9704 document, set by the report's
// own typesetting (pdfout.RenderLetter) and PDF/A-3b like every PDF of the
// app.
func (l Letter) WritePDF(w io.Writer) error {
	return pdfout.RenderLetter(w, l.document(), l.PDFFonts, time.Time{})
}

// document is the letter as the writers take it.
func (l Letter) document() docparts.Letter {
	return docparts.Letter{
		Gongwen: l.Gongwen, DocNumber: l.DocNumber, Title: l.Title, TitleParts: l.titleParts(), To: l.To,
		Paragraphs: l.Paragraphs(), Issuer: l.Issuer, Date: l.Date,
	}
}

// titleParts breaks 「关于某单位2021年」 from 「政府信息公开工作年度报告的审核意见」,
// the subject from the document's name.
func (l Letter) titleParts() []string {
	if i := strings.Index(l.Title, "年政府信息公开"); i > 0 {
		cut := i + len("年")
		return []string{l.Title[:cut], l.Title[cut:]}
	}
	return nil
}
