package importer

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// openZip opens an Office file, refusing zip bombs: too many entries, or an
// entry that unpacks to more than MaxUnpacked.
func openZip(data []byte, what string) (*zip.Reader, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, refuse(fmt.Sprintf("%s文件已损坏或不是%s文件，无法打开。", what, what), err)
	}
	if len(zr.File) > MaxZipEntries {
		return nil, refuse(fmt.Sprintf("%s文件内部的条目过多，不像是一份年度报告，未导入。", what), nil)
	}
	var total uint64
	for _, f := range zr.File {
		total += f.UncompressedSize64
		if f.UncompressedSize64 > MaxUnpacked || total > 4*MaxUnpacked {
			return nil, refuse(fmt.Sprintf("%s文件解压后过大，不像是一份年度报告，未导入。", what), nil)
		}
	}
	return zr, nil
}

// readZipEntry reads one entry, at most MaxUnpacked bytes whatever its header says.
func readZipEntry(zr *zip.Reader, name string) ([]byte, error) {
	for _, f := range zr.File {
		if f.Name != name {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("open %s: %w", name, err)
		}
		defer rc.Close()
		data, err := io.ReadAll(io.LimitReader(rc, MaxUnpacked+1))
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", name, err)
		}
		if len(data) > MaxUnpacked {
			return nil, errors.New(name + " unpacks too large")
		}
		return data, nil
	}
	return nil, errNoEntry
}

var errNoEntry = errors.New("entry missing")

// ReadDOCX reads word/document.xml: paragraphs and tables, with gridSpan and
// vMerge resolved into the grid.
func ReadDOCX(data []byte) (*Doc, error) {
	zr, err := openZip(data, "Word")
	if err != nil {
		return nil, err
	}
	if hasEntry(zr, "EncryptedPackage") {
		return nil, refuse("文件已加密（设置了打开密码），请在WPS或Word中取消密码后另存再导入。", nil)
	}
	xmlData, err := readZipEntry(zr, "word/document.xml")
	if err != nil {
		if errors.Is(err, errNoEntry) {
			return nil, refuse("这个.docx文件里没有正文（word/document.xml），无法导入。", err)
		}
		return nil, refuse("Word文件已损坏或解压后过大，无法导入。", err)
	}
	root, err := parseXML(bytes.NewReader(xmlData), MaxCells*20)
	if err != nil {
		return nil, refuse("Word文件的正文已损坏或结构异常，无法导入。", err)
	}
	doc := &Doc{}
	if t := coreTitle(zr); t != "" {
		doc.addLine(t)
	}
	w := &docxReader{doc: doc}
	w.block(root, 0)
	if w.tooMany {
		return nil, refuse("Word文件中的表格过大，不像是一份年度报告，未导入。", nil)
	}
	return doc, nil
}

func hasEntry(zr *zip.Reader, name string) bool {
	for _, f := range zr.File {
		if f.Name == name {
			return true
		}
	}
	return false
}

type docxReader struct {
	doc     *Doc
	cells   int
	tooMany bool
}

// block walks body-level content: paragraphs, tables, and the containers
// (w:body, w:sdt, w:sdtContent, w:customXml) they may sit in.
func (w *docxReader) block(n *xnode, depth int) {
	for _, k := range n.kids {
		switch k.name {
		case "p":
			for _, line := range strings.Split(paraText(k), "\n") {
				if s := strings.TrimSpace(cleanCell(line)); s != "" {
					w.doc.addLine(s)
				}
			}
		case "tbl":
			w.table(k)
		case "del", "moveFrom":
		default:
			w.block(k, depth+1)
		}
	}
}

// paraText is the text of a paragraph: w:t runs, w:tab as a tab, w:br as a
// line break; deleted text and field codes are skipped.
func paraText(p *xnode) string {
	var b strings.Builder
	var walk func(n *xnode)
	walk = func(n *xnode) {
		for _, k := range n.kids {
			switch k.name {
			case "t":
				b.WriteString(k.text)
			case "tab":
				b.WriteString("\t")
			case "br", "cr":
				b.WriteString("\n")
			case "del", "instrText", "delText", "moveFrom", "pPr", "rPr", "fldData":
			case "tbl":
			default:
				walk(k)
			}
		}
	}
	walk(p)
	return b.String()
}

func (w *docxReader) table(tbl *xnode) {
	var nested []*xnode
	g := newGrid()
	// vertical merges: grid column → text of the cell that started it
	merge := map[int]string{}
	nrows := 0
	for _, tr := range tbl.kids {
		if tr.name != "tr" {
			continue
		}
		col := 0
		if pr := tr.child("trPr"); pr != nil {
			if gb := pr.child("gridBefore"); gb != nil {
				col += spanOf(gb)
			}
		}
		row := map[int]GridCell{}
		for _, tc := range tr.kids {
			if tc.name != "tc" {
				continue
			}
			span, vm := 1, ""
			if pr := tc.child("tcPr"); pr != nil {
				if gs := pr.child("gridSpan"); gs != nil {
					span = spanOf(gs)
				}
				if v := pr.child("vMerge"); v != nil {
					vm = "continue"
					if val, ok := v.attr("val"); ok && val == "restart" {
						vm = "restart"
					}
				}
			}
			var parts []string
			for _, k := range tc.kids {
				switch k.name {
				case "p":
					parts = append(parts, paraText(k))
				case "tbl":
					nested = append(nested, k)
				}
			}
			text := joinCellParts(parts)
			for dc := 0; dc < span; dc++ {
				w.cells++
				if w.cells > MaxCells {
					w.tooMany = true
					return
				}
				switch vm {
				case "continue":
					row[col+dc] = GridCell{Text: merge[col], Covered: true, FromAbove: true}
				default:
					row[col+dc] = GridCell{Text: text, Covered: dc > 0}
					if vm == "restart" {
						merge[col] = text
					} else {
						delete(merge, col)
					}
				}
			}
			col += span
			g.width = max(g.width, col)
		}
		g.rows[nrows] = row
		nrows++
	}
	w.doc.addTable(g.table(nrows))
	for _, t := range nested {
		w.table(t)
	}
}

func spanOf(n *xnode) int {
	v, _ := n.attr("val")
	s, err := strconv.Atoi(v)
	if err != nil || s < 1 {
		return 1
	}
	return min(s, maxSpan)
}

// coreTitle is the document title of docProps/core.xml when it names a
// report (a page saved as Word keeps its <title> there).
func coreTitle(zr *zip.Reader) string {
	data, err := readZipEntry(zr, "docProps/core.xml")
	if err != nil || len(data) > 1<<20 {
		return ""
	}
	root, err := parseXML(bytes.NewReader(data), 1000)
	if err != nil {
		return ""
	}
	var title string
	var find func(n *xnode)
	find = func(n *xnode) {
		for _, k := range n.kids {
			if k.name == "title" && title == "" {
				title = strings.TrimSpace(k.text)
			}
			find(k)
		}
	}
	find(root)
	for _, part := range strings.FieldsFunc(title, func(r rune) bool { return r == '_' || r == '|' }) {
		if titleRe.MatchString(strings.ReplaceAll(strings.TrimSpace(part), " ", "")) {
			return strings.TrimSpace(part)
		}
	}
	return ""
}
