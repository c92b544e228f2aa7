package desk

import (
	"io"

	"nianbao/docx"
)

// WriteDOCX writes the letter as a Word document laid out like the
// report's Word file (docx.WriteLetter): same page, grid, fonts and text
// as WritePDF, with page numbers.
func (l Letter) WriteDOCX(w io.Writer) error {
	return docx.WriteLetter(w, docx.Letter{
		Gongwen: l.Gongwen, DocNumber: l.DocNumber, Title: l.Title, TitleParts: l.titleParts(), To: l.To,
		Paragraphs: l.Paragraphs(), Issuer: l.Issuer, Date: l.Date,
	}, docx.Options{Fonts: l.WordFonts})
}
