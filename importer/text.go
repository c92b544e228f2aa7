package importer

import (
	"bytes"
	"regexp"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// ReadText reads plain text as pasted from a web page or written by
// pdftotext: table rows are lines whose cells are separated by tabs, by
// " | ", or (laid-out text) by runs of spaces; a blank line inside a table
// ends a table fragment (usually a page break).
func ReadText(data []byte) (*Doc, error) {
	s, err := decodeText(data)
	if err != nil {
		return nil, err
	}
	doc := &Doc{}
	var tab *Table
	flush := func() {
		doc.addTable(tab)
		tab = nil
	}
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimRight(line, " \t\r\u3000")
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		if pageFooter.MatchString(line) {
			continue
		}
		if cells := splitRow(line); cells != nil {
			if tab == nil {
				tab = &Table{}
			}
			tab.Rows = append(tab.Rows, rowOf(cells...))
			continue
		}
		flush()
		doc.addLine(cleanMarkup(strings.TrimSpace(line)))
	}
	flush()
	return doc, nil
}

// decodeText accepts UTF-8 (with or without BOM), UTF-16 with BOM, and GB18030.
func decodeText(data []byte) (string, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if bytes.HasPrefix(data, []byte{0xff, 0xfe}) || bytes.HasPrefix(data, []byte{0xfe, 0xff}) {
		return decodeUTF16(data), nil
	}
	if utf8.Valid(data) {
		return strings.ReplaceAll(string(data), "\r\n", "\n"), nil
	}
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil {
		return "", refuse("文本文件的编码无法识别；请另存为UTF-8编码后再导入。", err)
	}
	return strings.ReplaceAll(string(out), "\r\n", "\n"), nil
}

func decodeUTF16(data []byte) string {
	le := data[0] == 0xff
	data = data[2:]
	var b strings.Builder
	u := make([]uint16, 0, len(data)/2)
	for i := 0; i+1 < len(data); i += 2 {
		if le {
			u = append(u, uint16(data[i])|uint16(data[i+1])<<8)
		} else {
			u = append(u, uint16(data[i])<<8|uint16(data[i+1]))
		}
	}
	for _, r := range utf16.Decode(u) {
		b.WriteRune(r)
	}
	return strings.ReplaceAll(b.String(), "\r\n", "\n")
}

var (
	pageFooter = regexp.MustCompile(`^\s*(第\s*\d+\s*页(\s*[,，/]?\s*共\s*\d+\s*页)?|[-—–－]\s*\d{1,3}\s*[-—–－]|\d{1,3}\s*/\s*\d{1,3})\s*$`)
	spaceRun   = regexp.MustCompile(`\s{2,}|\x{3000}+`)
	tagRe      = regexp.MustCompile(`</?(b|sup|sub|i|em|strong|span|u)>`)
	boldRe     = regexp.MustCompile(`\*\*([^*]*)\*\*`)
	urlRe      = regexp.MustCompile(`<((?:https?://|www\.)[^<>\s]+)>`)
	headingRe  = regexp.MustCompile(`^#{1,6}\s*`)
)

// splitRow returns the cells of a table row, or nil for a text line.
func splitRow(line string) []string {
	var cells []string
	strict := false
	switch {
	case strings.Contains(line, "\t"):
		cells, strict = strings.Split(line, "\t"), true
	case strings.Count(line, " | ") >= 1 || strings.HasSuffix(line, " |"):
		cells, strict = strings.Split(strings.TrimSuffix(strings.TrimSpace(line), "|"), "|"), true
	default:
		cells = spaceRun.Split(strings.TrimSpace(line), -1)
	}
	for i := range cells {
		cells[i] = cleanMarkup(strings.TrimSpace(cells[i]))
	}
	for len(cells) > 0 && cells[len(cells)-1] == "" {
		cells = cells[:len(cells)-1]
	}
	if strict {
		if len(cells) == 0 {
			return nil
		}
		return cells
	}
	// Laid-out text: a row needs two cells and a value among them.
	if len(cells) < 2 {
		return nil
	}
	for _, c := range cells {
		if isValueText(c) {
			return cells
		}
	}
	return nil
}

// cleanMarkup drops the markup extractors leave in text: Markdown headings,
// bullets and bold, inline tags, angle brackets around an address.
func cleanMarkup(s string) string {
	s = headingRe.ReplaceAllString(s, "")
	s = strings.TrimPrefix(s, "- ")
	s = tagRe.ReplaceAllString(s, "")
	s = boldRe.ReplaceAllString(s, "$1")
	s = urlRe.ReplaceAllString(s, "$1")
	return strings.TrimSpace(s)
}
