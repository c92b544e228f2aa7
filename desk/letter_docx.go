package desk

import (
	"io"

	"nianbao/docx"
)

// WriteDOCX writes the letter as a Word document laid out like the
// report's Word file (docx.WriteLetter): same page, grid, fonts and text
// as WritePDF, with page numbers.
func (l Letter) WriteDOCX(w io.Writer) error {
	return docx.WriteLetter(w, l.document(), docx.Options{Fonts: l.WordFonts})
}
