package desk

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// WriteDOCX writes the letter as a Word document with the same page, fonts
// and text as WritePDF: a minimal WordprocessingML package.
func (l Letter) WriteDOCX(w io.Writer) error {
	var body strings.Builder
	if l.Gongwen {
		body.WriteString(docxPara(l.Issuer+"文件", docxRun{font: "方正小标宋简体", size: 72, color: "E60012"}, "center", 0))
		if l.DocNumber != "" {
			body.WriteString(docxPara(l.DocNumber, docxRun{font: "仿宋_GB2312", size: 32}, "center", 0))
		}
		body.WriteString(`<w:p><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="12" w:space="1" w:color="E60012"/></w:pBdr></w:pPr></w:p>`)
	}
	body.WriteString(docxPara(l.Title, docxRun{font: "方正小标宋简体", size: 44}, "center", 0))
	body.WriteString(docxPara("", docxRun{font: "仿宋_GB2312", size: 32}, "left", 0))
	body.WriteString(docxPara(l.To, docxRun{font: "仿宋_GB2312", size: 32}, "both", 0))
	for _, para := range l.Paragraphs() {
		body.WriteString(docxPara(para, docxRun{font: "仿宋_GB2312", size: 32}, "both", 640))
	}
	body.WriteString(docxPara("", docxRun{font: "仿宋_GB2312", size: 32}, "left", 0))
	body.WriteString(docxRight(l.Issuer))
	body.WriteString(docxRight(l.Date))
	doc := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body.String() +
		// A4; margins 37/35 mm top/bottom, 28/26 mm left/right; 22 lines of 28.95 pt
		`<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/>` +
		`<w:docGrid w:type="lines" w:linePitch="579"/></w:sectPr></w:body></w:document>`
	parts := []struct{ name, data string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		{"word/document.xml", doc},
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		f, err := zw.Create(p.name)
		if err != nil {
			return fmt.Errorf("docx %s: %w", p.name, err)
		}
		if _, err := io.WriteString(f, p.data); err != nil {
			return fmt.Errorf("docx %s: %w", p.name, err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("docx: %w", err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("write letter docx: %w", err)
	}
	return nil
}

type docxRun struct {
	font  string
	size  int // half-points
	color string
}

func xmlText(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

func docxPara(text string, r docxRun, align string, firstLine int) string {
	var b strings.Builder
	b.WriteString(`<w:p><w:pPr><w:spacing w:line="579" w:lineRule="exact"/>`)
	if firstLine > 0 {
		fmt.Fprintf(&b, `<w:ind w:firstLine="%d"/>`, firstLine)
	}
	fmt.Fprintf(&b, `<w:jc w:val="%s"/></w:pPr>`, align)
	if text != "" {
		fmt.Fprintf(&b, `<w:r><w:rPr><w:rFonts w:ascii="%[1]s" w:hAnsi="%[1]s" w:eastAsia="%[1]s"/>`, r.font)
		if r.color != "" {
			fmt.Fprintf(&b, `<w:color w:val="%s"/>`, r.color)
		}
		fmt.Fprintf(&b, `<w:sz w:val="%d"/><w:szCs w:val="%d"/></w:rPr><w:t xml:space="preserve">%s</w:t></w:r>`, r.size, r.size, xmlText(text))
	}
	b.WriteString(`</w:p>`)
	return b.String()
}

// docxRight sets a line flush right with four characters of right indent.
func docxRight(text string) string {
	return strings.Replace(docxPara(text, docxRun{font: "仿宋_GB2312", size: 32}, "right", 0),
		`<w:jc w:val="right"/>`, `<w:ind w:right="1280"/><w:jc w:val="right"/>`, 1)
}
