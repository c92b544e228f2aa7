// Package docx writes the report as a Word document (WordprocessingML):
// the same document as the PDF, editable, laid out after GB/T 9704 with
// Word's own document grid, fonts named as offices have them, the three
// official tables with merged cells and repeated header rows. The seal is
// never written: a seal in an editable file invites misuse.
package docx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"strconv"
	"time"

	"nianbao/app"
	"nianbao/docparts"
)

// Options control Write.
type Options struct {
	Style string // app.StyleGongwen or app.StylePublic; "" → the report's
	Draft bool   // mark the document 「草稿」
	// Fonts names the font of a role ("fs", "ht", "kt", "xbs", "st") as
	// installed on the office's computers, e.g. "仿宋" where 仿宋_GB2312 is
	// missing; a role not named keeps the standard name of gongwen.md §2.2.
	Fonts map[string]string
	// Now stamps the zip entries; zero → SOURCE_DATE_EPOCH, else a fixed
	// date, so the same report gives the same bytes.
	Now time.Time
}

// Write writes the report as a .docx package.
func Write(out io.Writer, r *app.Report, opt Options) error {
	b, err := Bytes(r, opt)
	if err != nil {
		return err
	}
	if _, err := out.Write(b); err != nil {
		return fmt.Errorf("write docx: %w", err)
	}
	return nil
}

// Bytes returns the .docx package of the report.
func Bytes(r *app.Report, opt Options) ([]byte, error) {
	if r == nil {
		return nil, fmt.Errorf("没有可导出的报告")
	}
	if r.FormatDef() == nil {
		return nil, fmt.Errorf("报告格式“%s”不受支持，无法导出", r.Format)
	}
	style := docparts.Style(r, opt.Style)
	names := fontTable(opt.Fonts)
	return pack(coreProps(r.Title(), r.Unit.Name), document(r, style, opt.Draft, names), names, opt)
}

// pack is the .docx package around a document.xml and its core properties.
func pack(core, doc []byte, names *[5]string, opt Options) ([]byte, error) {
	parts := []struct {
		name string
		data []byte
	}{
		{"[Content_Types].xml", contentTypes(opt.Draft)},
		{"_rels/.rels", []byte(packageRels)},
		{"docProps/core.xml", core},
		{"word/document.xml", doc},
		{"word/_rels/document.xml.rels", documentRels(opt.Draft)},
		{"word/styles.xml", styles(names)},
		{"word/settings.xml", []byte(settings)},
		{"word/footer1.xml", footer(false, names)},
		{"word/footer2.xml", footer(true, names)},
	}
	if opt.Draft {
		parts = append(parts, []struct {
			name string
			data []byte
		}{{"word/header1.xml", draftHeader(false, names)}, {"word/header2.xml", draftHeader(true, names)}}...)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	stamp := stampTime(opt.Now)
	for _, p := range parts {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: stamp})
		if err != nil {
			return nil, fmt.Errorf("docx %s: %w", p.name, err)
		}
		if _, err := f.Write(p.data); err != nil {
			return nil, fmt.Errorf("docx %s: %w", p.name, err)
		}
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("docx: %w", err)
	}
	return buf.Bytes(), nil
}

// stampTime is t, else SOURCE_DATE_EPOCH, else 1980-01-01 (the zip epoch).
func stampTime(t time.Time) time.Time {
	if !t.IsZero() {
		return t.UTC()
	}
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			return time.Unix(n, 0).UTC()
		}
	}
	return time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
}

// contentTypes names the parts; a draft has its two headers.
func contentTypes(draft bool) []byte {
	s := xmlHeader + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
		`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
		`<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>` +
		`<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>` +
		`<Override PartName="/word/footer2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>` +
		`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>`
	if draft {
		s += `<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>` +
			`<Override PartName="/word/header2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>`
	}
	return []byte(s + `</Types>`)
}

const packageRels = xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`</Relationships>`

func documentRels(draft bool) []byte {
	const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	s := xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rIdStyles" Type="` + rel + `styles" Target="styles.xml"/>` +
		`<Relationship Id="rIdSettings" Type="` + rel + `settings" Target="settings.xml"/>` +
		`<Relationship Id="rIdFooterOdd" Type="` + rel + `footer" Target="footer1.xml"/>` +
		`<Relationship Id="rIdFooterEven" Type="` + rel + `footer" Target="footer2.xml"/>`
	if draft {
		s += `<Relationship Id="rIdHeaderOdd" Type="` + rel + `header" Target="header1.xml"/>` +
			`<Relationship Id="rIdHeaderEven" Type="` + rel + `header" Target="header2.xml"/>`
	}
	return []byte(s + `</Relationships>`)
}

// settings: odd and even footers differ (§6); punctuation is compressed
// as Chinese documents expect; Word 2013+ layout.
const settings = xmlHeader + `<w:settings xmlns:w="` + nsW + `">` +
	`<w:defaultTabStop w:val="420"/>` +
	`<w:evenAndOddHeaders/>` +
	`<w:characterSpacingControl w:val="compressPunctuation"/>` +
	`<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>` +
	`</w:settings>`

// coreProps names the document; no dates, so the bytes stay the same.
func coreProps(title, author string) []byte {
	var w xw
	w.WriteString(xmlHeader)
	w.open("cp:coreProperties", "xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
		"xmlns:dc", "http://purl.org/dc/elements/1.1/")
	w.open("dc:title")
	w.text(title)
	w.close("dc:title")
	w.open("dc:creator")
	w.text(author)
	w.close("dc:creator")
	w.close("cp:coreProperties")
	return []byte(w.String())
}

// styles: 3号仿宋 on the 28.95 pt grid line by default; title and the two
// heading levels carry outline levels for the navigation pane.
func styles(names *[5]string) []byte {
	w := xw{fonts: names}
	w.WriteString(xmlHeader)
	w.open("w:styles", "xmlns:w", nsW)
	w.open("w:docDefaults")
	w.open("w:rPrDefault")
	w.open("w:rPr")
	f := w.font(fs)
	w.empty("w:rFonts", "w:ascii", f, "w:hAnsi", f, "w:eastAsia", f, "w:cs", f)
	w.empty("w:kern", "w:val", "2")
	w.empty("w:sz", "w:val", itoa(size3))
	w.empty("w:szCs", "w:val", itoa(size3))
	w.empty("w:lang", "w:val", "en-US", "w:eastAsia", "zh-CN", "w:bidi", "ar-SA")
	w.close("w:rPr")
	w.close("w:rPrDefault")
	w.open("w:pPrDefault")
	w.open("w:pPr")
	w.empty("w:widowControl", "w:val", "0")
	w.empty("w:spacing", "w:before", "0", "w:after", "0", "w:line", itoa(linePitch), "w:lineRule", "exact")
	w.empty("w:jc", "w:val", "both")
	w.close("w:pPr")
	w.close("w:pPrDefault")
	w.close("w:docDefaults")
	style := func(id, name string, def bool, outline int, ro role, size int) {
		attrs := []string{"w:type", "paragraph", "w:styleId", id}
		if def {
			attrs = append(attrs, "w:default", "1")
		}
		w.open("w:style", attrs...)
		w.empty("w:name", "w:val", name)
		if !def {
			w.empty("w:basedOn", "w:val", "Normal")
			w.empty("w:next", "w:val", "Normal")
		}
		w.empty("w:qFormat")
		if outline >= 0 {
			w.open("w:pPr")
			w.empty("w:keepNext")
			w.empty("w:outlineLvl", "w:val", itoa(outline))
			w.close("w:pPr")
		}
		w.open("w:rPr")
		f := w.font(ro)
		w.empty("w:rFonts", "w:ascii", f, "w:hAnsi", f, "w:eastAsia", f, "w:cs", f)
		w.empty("w:sz", "w:val", itoa(size))
		w.empty("w:szCs", "w:val", itoa(size))
		w.close("w:rPr")
		w.close("w:style")
	}
	style("Normal", "Normal", true, -1, fs, size3)
	style("Title", "Title", false, 0, xbs, size2)
	style("Heading1", "heading 1", false, 1, ht, size3)
	style("Heading2", "heading 2", false, 2, kt, size3)
	style("Footer", "footer", false, -1, st, size4)
	w.close("w:styles")
	return []byte(w.String())
}
