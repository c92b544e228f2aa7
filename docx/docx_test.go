package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"nianbao/app"
	"nianbao/internal/officetest"
)

// loadReport is officetest.LoadReport, shared by the exporters' tests.
var loadReport = officetest.LoadReport

// schemaOrder lists the children of the elements Word checks strictly, in
// the order of ECMA-376 Part 1 (CT_RPr, CT_PPrBase, CT_TcPr, CT_TblPr,
// CT_SectPr, CT_TblBorders, CT_TcBorders, CT_TblCellMar, CT_Style, CT_Settings).
var schemaOrder = map[string][]string{
	"rPr": {"rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline", "shadow",
		"emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w", "kern", "position",
		"sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang",
		"eastAsianLayout", "specVanish", "oMath"},
	"pPr": {"pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
		"suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap", "overflowPunct",
		"topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind",
		"contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection", "textAlignment",
		"textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange"},
	"tcPr": {"cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar",
		"textDirection", "tcFitText", "vAlign", "hideMark"},
	"tblPr": {"tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize", "tblW",
		"jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook"},
	"sectPr": {"headerReference|footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar", "paperSrc",
		"pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign", "noEndnote", "titlePg",
		"textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings"},
	"tblBorders": {"top", "left", "bottom", "right", "insideH", "insideV"},
	"tcBorders":  {"top", "left", "bottom", "right", "insideH", "insideV", "tl2br", "tr2bl"},
	"tblCellMar": {"top", "left", "bottom", "right"},
	"style": {"name", "aliases", "basedOn", "next", "link", "autoRedefine", "hidden", "uiPriority", "semiHidden",
		"unhideWhenUsed", "qFormat", "locked", "personal", "personalCompose", "personalReply", "rsid", "pPr", "rPr",
		"tblPr", "trPr", "tcPr", "tblStylePr"},
	"settings": {"writeProtection", "view", "zoom", "removePersonalInformation", "defaultTabStop",
		"autoHyphenation", "evenAndOddHeaders", "characterSpacingControl", "compat", "rsids"},
	"r": {"rPr", "br|tab|t|fldChar|instrText"},
}

// node is a parsed XML element.
type node struct {
	name     string
	attrs    map[string]string
	children []*node
	text     string
}

func parse(t *testing.T, data []byte) *node {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(data))
	root := &node{}
	stack := []*node{root}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v", err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			n := &node{name: e.Name.Local, attrs: map[string]string{}}
			for _, a := range e.Attr {
				n.attrs[a.Name.Local] = a.Value
			}
			top := stack[len(stack)-1]
			top.children = append(top.children, n)
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			stack[len(stack)-1].text += string(e)
		}
	}
	return root.children[0]
}

func (n *node) walk(f func(n, parent *node)) {
	for _, c := range n.children {
		f(c, n)
		c.walk(f)
	}
}

func (n *node) find(name string) []*node {
	var out []*node
	n.walk(func(c, _ *node) {
		if c.name == name {
			out = append(out, c)
		}
	})
	return out
}

func (n *node) child(name string) *node {
	for _, c := range n.children {
		if c.name == name {
			return c
		}
	}
	return nil
}

// allText is the text of every w:t below n.
func (n *node) allText() string {
	var b strings.Builder
	for _, t := range n.find("t") {
		b.WriteString(t.text)
	}
	return b.String()
}

// checkOrder fails when a child of an ordered element is unknown or comes
// before one that the schema puts ahead of it.
func checkOrder(t *testing.T, part string, root *node) {
	t.Helper()
	root.walk(func(n, parent *node) {
		order, ok := schemaOrder[n.name]
		if !ok || n.name == "rPr" && parent.name == "pPr" && len(n.children) == 0 {
			return
		}
		rank := map[string]int{}
		for i, names := range order {
			for _, s := range strings.Split(names, "|") {
				rank[s] = i
			}
		}
		last := -1
		for _, c := range n.children {
			i, ok := rank[c.name]
			if !ok {
				t.Errorf("%s: <%s> inside <%s> is not in the schema list", part, c.name, n.name)
				continue
			}
			if i < last {
				t.Errorf("%s: <%s> inside <%s> comes after an element the schema puts later", part, c.name, n.name)
			}
			last = i
		}
	})
}

// unpack returns the parts of a package.
func unpack(t *testing.T, b []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("not a zip package: %v", err)
	}
	parts := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		parts[f.Name], _ = io.ReadAll(rc)
		rc.Close()
	}
	return parts
}

func TestPackageStructure(t *testing.T) {
	for _, rel := range officetest.Reports {
		r := loadReport(t, rel)
		for _, style := range []string{app.StyleGongwen, app.StylePublic} {
			t.Run(filepath.Base(rel)+"/"+style, func(t *testing.T) {
				b, err := Bytes(r, Options{Style: style})
				if err != nil {
					t.Fatal(err)
				}
				parts := unpack(t, b)
				for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml",
					"word/_rels/document.xml.rels", "word/styles.xml", "word/settings.xml", "word/footer1.xml", "word/footer2.xml"} {
					if parts[name] == nil {
						t.Fatalf("part %s missing", name)
					}
				}
				for name, data := range parts {
					checkOrder(t, name, parse(t, data))
				}
				doc := parse(t, parts["word/document.xml"])
				checkRuns(t, doc)
				checkTables(t, r, doc, style)
				checkClosing(t, r, doc, style)
			})
		}
	}
}

// checkRuns: every run names its East Asian font and a font of the roles.
func checkRuns(t *testing.T, doc *node) {
	t.Helper()
	known := map[string]bool{"仿宋_GB2312": true, "黑体": true, "楷体_GB2312": true, "方正小标宋简体": true, "宋体": true}
	for _, r := range doc.find("r") {
		rpr := r.child("rPr")
		if rpr == nil || rpr.child("rFonts") == nil {
			t.Fatalf("a run without w:rFonts: %q", r.allText())
		}
		if f := rpr.child("rFonts").attrs["eastAsia"]; !known[f] {
			t.Errorf("run %q: eastAsia font %q", r.allText(), f)
		}
	}
}

// checkTables rebuilds each official table from the document: every row
// spans the table's columns, every box shows its label or value, header
// rows repeat, no row splits.
func checkTables(t *testing.T, r *app.Report, doc *node, style string) {
	t.Helper()
	tbls := doc.find("tbl")
	f := r.FormatDef()
	want := len(f.Tables)
	if style == app.StyleGongwen && (r.Doc.CC != "" || r.Doc.PrintedBy != "" || r.Doc.PrintedDate != "") {
		want++ // the 版记
	}
	if len(tbls) != want {
		t.Fatalf("%d tables, want %d", len(tbls), want)
	}
	for ti, tab := range f.Tables {
		tbl := tbls[ti]
		if n := len(tbl.child("tblGrid").children); n != tab.Cols {
			t.Errorf("%s: %d grid columns, want %d", tab.Name, n, tab.Cols)
		}
		rows := tbl.find("tr")
		if len(rows) != tab.Rows {
			t.Fatalf("%s: %d rows, want %d", tab.Name, len(rows), tab.Rows)
		}
		// box text at each grid position, from the first row of a merge
		got := map[[2]int]string{}
		for ri, tr := range rows {
			trPr := tr.child("trPr")
			if trPr == nil || trPr.child("cantSplit") == nil {
				t.Errorf("%s row %d may split across pages", tab.Name, ri)
			}
			if (trPr != nil && trPr.child("tblHeader") != nil) != (ri < tab.HeaderRows) {
				t.Errorf("%s row %d: tblHeader present %v, want %v", tab.Name, ri, !(ri < tab.HeaderRows), ri < tab.HeaderRows)
			}
			col := 0
			for _, tc := range tr.find("tc") {
				span := 1
				if gs := tc.child("tcPr").child("gridSpan"); gs != nil {
					span = atoi(gs.attrs["val"])
				}
				vm := tc.child("tcPr").child("vMerge")
				if vm == nil || vm.attrs["val"] == "restart" {
					got[[2]int{ri, col}] = tc.allText()
				} else if tc.allText() != "" {
					t.Errorf("%s r%d c%d: a continued merge holds text %q", tab.Name, ri, col, tc.allText())
				}
				col += span
			}
			if col != tab.Cols {
				t.Errorf("%s row %d spans %d columns, want %d", tab.Name, ri, col, tab.Cols)
			}
		}
		for _, it := range tab.Items {
			want := it.Text
			if it.CellID != "" {
				want = r.Cells[it.CellID]
			}
			if g := got[[2]int{it.Row, it.Col}]; g != want {
				t.Errorf("%s r%d c%d: %q, want %q", tab.Name, it.Row, it.Col, g, want)
			}
		}
	}
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

// checkClosing: the 版头 and 版记 only in 公文版, the date written out.
func checkClosing(t *testing.T, r *app.Report, doc *node, style string) {
	t.Helper()
	text := doc.allText()
	hasMark := strings.Contains(text, "签发人：") || strings.Contains(text, r.Unit.Name+"文件") ||
		r.Doc.IssuerMark != "" && strings.Contains(text, r.Doc.IssuerMark)
	if (style == app.StyleGongwen) != hasMark {
		t.Errorf("style %s: 版头 present = %v", style, hasMark)
	}
	if r.Doc.Signature != "" && !strings.Contains(text, r.Doc.Signature) {
		t.Errorf("署名 %q missing", r.Doc.Signature)
	}
	if strings.Contains(text, r.Doc.Date) && r.Doc.Date != "" {
		t.Errorf("date %q printed in ISO form", r.Doc.Date)
	}
}

// TestFullReportGongwen checks values typed from the fixture and from
// gongwen.md: the 版头, page setup, grid, footers.
func TestFullReportGongwen(t *testing.T) {
	r := loadReport(t, "pdfout/testdata/full-2021.nianbao.json")
	b, err := Bytes(r, Options{Style: app.StyleGongwen})
	if err != nil {
		t.Fatal(err)
	}
	parts := unpack(t, b)
	doc := parse(t, parts["word/document.xml"])
	text := doc.allText()
	for _, s := range []string{"新绛县人民政府文件", "绛政〔2022〕3号", "签发人：", "王堃", "新绛县人民政府",
		"2021年政府信息公开工作年度报告", "2022年1月18日", "（此件主动公开）", "2022年1月18日印发",
		"抄送：运城市人民政府办公室，县委办公室，县人大常委会办公室，县政协办公室。", "新绛县人民政府办公室"} {
		if !strings.Contains(text, s) {
			t.Errorf("%q missing", s)
		}
	}
	// A4 and the margins of §1 in twips: 37, 28, 26, 35 mm
	sect := doc.find("sectPr")[0]
	pg := sect.child("pgSz").attrs
	if pg["w"] != "11906" || pg["h"] != "16838" {
		t.Errorf("page %s × %s twips, want A4 11906 × 16838", pg["w"], pg["h"])
	}
	m := sect.child("pgMar").attrs
	if m["top"] != "2098" || m["left"] != "1587" || m["right"] != "1474" || m["bottom"] != "1984" {
		t.Errorf("margins %v", m)
	}
	// 22 lines of 579 twips (28.95 pt) in the 12756-twip 版心; 28 characters:
	// 8845/28 twips = 15.795 pt, 0.205 pt less than the 3号 em = −842/4096 pt
	g := sect.child("docGrid").attrs
	if g["type"] != "linesAndChars" || g["linePitch"] != "579" || g["charSpace"] != "-842" {
		t.Errorf("docGrid %v", g)
	}
	if !strings.Contains(string(parts["word/settings.xml"]), "<w:evenAndOddHeaders/>") {
		t.Error("settings lack evenAndOddHeaders")
	}
	odd, even := parse(t, parts["word/footer1.xml"]), parse(t, parts["word/footer2.xml"])
	if j := odd.find("jc")[0].attrs["val"]; j != "right" {
		t.Errorf("odd footer aligned %s", j)
	}
	if j := even.find("jc")[0].attrs["val"]; j != "left" {
		t.Errorf("even footer aligned %s", j)
	}
	if s := odd.allText(); s != "— 1 —" {
		t.Errorf("footer text %q", s)
	}
	if n := odd.find("instrText"); len(n) != 1 || strings.TrimSpace(n[0].text) != "PAGE" {
		t.Error("footer has no PAGE field")
	}
	// the mark is red 初号 方正小标宋简体, condensed: 9 characters fit at 100 %
	var mark *node
	for _, r := range doc.find("r") {
		if r.allText() == "新绛县人民政府文件" {
			mark = r
		}
	}
	if mark == nil {
		t.Fatal("no run holds the mark")
	}
	rpr := mark.child("rPr")
	if rpr.child("color").attrs["val"] != "FF0000" || rpr.child("sz").attrs["val"] != "84" || rpr.child("rFonts").attrs["eastAsia"] != "方正小标宋简体" {
		t.Errorf("mark run properties wrong")
	}
	if parts["word/media/image1.png"] != nil || strings.Contains(string(parts["word/document.xml"]), "drawing") {
		t.Error("the seal must not be in the Word file")
	}
}

func TestDeterministic(t *testing.T) {
	r := loadReport(t, "pdfout/testdata/full-2021.nianbao.json")
	t.Setenv("SOURCE_DATE_EPOCH", "1642496400") // 2022-01-18 09:00 UTC
	a, err := Bytes(r, Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Bytes(r.Clone(), Options{})
	if !bytes.Equal(a, b) {
		t.Error("same report, different bytes")
	}
	zr, _ := zip.NewReader(bytes.NewReader(a), int64(len(a)))
	if got := zr.File[0].Modified.UTC(); !got.Equal(time.Date(2022, 1, 18, 9, 0, 0, 0, time.UTC)) {
		t.Errorf("entry time %v, want SOURCE_DATE_EPOCH", got)
	}
}

func TestRefusesUnknownFormat(t *testing.T) {
	r := loadReport(t, "pdfout/testdata/full-2021.nianbao.json")
	r.Format = "2030"
	if _, err := Bytes(r, Options{}); err == nil || !strings.Contains(err.Error(), "不受支持") {
		t.Errorf("err = %v", err)
	}
	if _, err := Bytes(nil, Options{}); err == nil {
		t.Error("nil report accepted")
	}
}

// TestHostileText: control characters a report may carry from a web copy
// do not break the XML, and markup stays text.
func TestHostileText(t *testing.T) {
	r := loadReport(t, "pdfout/testdata/full-2021.nianbao.json")
	r.Text.S6 = "A<b>&\"'\x00\x01\x1b\uFFFE</w:t>尾"
	b, err := Bytes(r, Options{})
	if err != nil {
		t.Fatal(err)
	}
	doc := parse(t, unpack(t, b)["word/document.xml"])
	if !strings.Contains(doc.allText(), "A<b>&\"'</w:t>尾") {
		t.Error("hostile text not kept as text")
	}
}

// TestFontNames: a role named by the caller (the fonts found on the
// office's computer) replaces the standard name in every run and style.
func TestFontNames(t *testing.T) {
	r := loadReport(t, "pdfout/testdata/full-2021.nianbao.json")
	b, err := Bytes(r, Options{Fonts: map[string]string{"fs": "仿宋", "kt": "楷体"}})
	if err != nil {
		t.Fatal(err)
	}
	parts := unpack(t, b)
	for _, name := range []string{"word/document.xml", "word/styles.xml"} {
		s := string(parts[name])
		if strings.Contains(s, "仿宋_GB2312") || strings.Contains(s, "楷体_GB2312") {
			t.Errorf("%s still names the _GB2312 fonts", name)
		}
		if !strings.Contains(s, `w:eastAsia="仿宋"`) {
			t.Errorf("%s does not name 仿宋", name)
		}
	}
	if !strings.Contains(string(parts["word/document.xml"]), `w:eastAsia="黑体"`) {
		t.Error("an unnamed role lost its standard name")
	}
}

// TestSeveralSigners: two names a line; the 发文字号 shares the last line
// and carries the red rule (gongwen.md §3.3, §3.4).
func TestSeveralSigners(t *testing.T) {
	r := loadReport(t, "pdfout/testdata/full-2021.nianbao.json")
	r.Doc.Signer = "王堃、李喆、张赟"
	b, err := Bytes(r, Options{Style: app.StyleGongwen})
	if err != nil {
		t.Fatal(err)
	}
	doc := parse(t, unpack(t, b)["word/document.xml"])
	var lines []string
	var ruled string
	for _, p := range doc.find("p")[:8] { // the 版头, before the title
		s := p.allText()
		if strings.Contains(s, "王堃") || strings.Contains(s, "张赟") {
			lines = append(lines, s)
			if p.child("pPr").child("pBdr") != nil {
				ruled = s
			}
		}
	}
	if strings.Join(lines, "|") != "签发人：王堃\u3000李喆|绛政〔2022〕3号张赟" || ruled != "绛政〔2022〕3号张赟" {
		t.Errorf("signer lines %q, ruled %q", lines, ruled)
	}
}

// TestDraftHeaders: a draft says 「草稿」 in the header of every page, odd
// and even; a final document has no header at all.
func TestDraftHeaders(t *testing.T) {
	r := loadReport(t, "pdfout/testdata/full-2021.nianbao.json")
	b, err := Bytes(r, Options{Draft: true})
	if err != nil {
		t.Fatal(err)
	}
	parts := unpack(t, b)
	for _, name := range []string{"word/header1.xml", "word/header2.xml"} {
		if parts[name] == nil || parse(t, parts[name]).allText() != "草稿" {
			t.Errorf("%s does not say 草稿", name)
		}
		checkOrder(t, name, parse(t, parts[name]))
	}
	for _, rel := range []string{`Target="header1.xml"`, `Target="header2.xml"`} {
		if !strings.Contains(string(parts["word/_rels/document.xml.rels"]), rel) {
			t.Errorf("no relationship %s", rel)
		}
	}
	if n := len(parse(t, parts["word/document.xml"]).find("headerReference")); n != 2 {
		t.Errorf("%d header references, want 2", n)
	}
	final, _ := Bytes(r, Options{})
	if p := unpack(t, final); p["word/header1.xml"] != nil || strings.Contains(string(p["word/document.xml"]), "headerReference") {
		t.Error("a final document has draft headers")
	}
}
