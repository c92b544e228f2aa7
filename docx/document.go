package docx

import (
	"strings"

	"nianbao/app"
	"nianbao/docparts"
)

// headingRole is the font of each heading level (gongwen.md §4.3).
var headingRole = map[int]role{docparts.Body: fs, docparts.H1: ht, docparts.H2: kt, docparts.H3: fs, docparts.H4: fs}

// headingStyle names the paragraph style of a level, so Word's navigation
// pane shows the outline.
var headingStyle = map[int]string{docparts.H1: "Heading1", docparts.H2: "Heading2"}

func body(text string) run { return run{text: text, role: fs, size: size3} }

func (w *xw) emptyLines(n int) {
	for range n {
		w.writePara(para{}, body(""))
	}
}

// keptLines are empty lines that stay with the paragraph after them.
func (w *xw) keptLines(n int) {
	for range n {
		w.writePara(para{keepNext: true}, body(""))
	}
}

// document writes word/document.xml.
func document(r *app.Report, style string, draft bool, names *[5]string) []byte {
	w := xw{fonts: names}
	w.WriteString(xmlHeader)
	w.open("w:document", "xmlns:w", nsW, "xmlns:r", nsR)
	w.open("w:body")
	gw := style == app.StyleGongwen
	if gw {
		w.banTou(docparts.IssuerMark(r), r.Doc.DocNumber, r.Doc.Signer)
	}
	w.title(docparts.TitleLines(r.Title(), r.Unit.Name))
	w.emptyLines(1)
	blocks := docparts.BodyBlocks(r)
	for i, b := range blocks {
		if b.Table != nil {
			w.table(r, b.Table)
			continue
		}
		p := para{style: headingStyle[b.Para.Level], firstChars: 200, jc: "both"}
		// a standalone heading stays with what follows it (§4.3); the last
		// paragraph stays with the closing block, which never stands alone (§4.4 c)
		p.keepNext = b.Para.Standalone && i+1 < len(blocks) || i == len(blocks)-1
		p.keepLines = b.Para.Standalone
		var runs []run
		if b.Para.Head != "" {
			runs = append(runs, run{text: b.Para.Head, role: headingRole[b.Para.Level], size: size3})
		}
		if b.Para.Rest != "" {
			runs = append(runs, body(b.Para.Rest))
		}
		w.writePara(p, runs...)
	}
	w.closing(docparts.ClosingOf(r, style))
	w.sectPr(draft)
	w.close("w:body")
	w.close("w:document")
	return []byte(w.String())
}

// banTou writes the 版头 (§3): the red 发文机关标志 35 mm below the top of
// the 版心, two free lines, 发文字号 and 签发人, the red rule 4 mm below them.
func (w *xw) banTou(mark, number, signer string) {
	scale := 100
	// 初号 is 42 pt; a wider mark is condensed to the 版心 width
	if n := docparts.Width(mark) * 42 * 20; n > float64(typeW) {
		scale = int(float64(typeW) / n * 100)
	}
	w.writePara(para{before: twips(35), line: 900, jc: "center"},
		run{text: mark, role: xbs, size: size0, color: red, scale: scale})
	w.emptyLines(2)
	rule := &border{size: 12, space: 11, color: red}
	names := docparts.Signers(signer)
	var rows []string // two names a line (§3.3)
	for i := 0; i < len(names); i += 2 {
		rows = append(rows, strings.Join(names[i:min(i+2, len(names))], "\u3000"))
	}
	kt := func(s string) run { return run{text: s, role: kt, size: size3} }
	switch len(rows) {
	case 0:
		w.writePara(para{border: rule, jc: "center"}, body(number))
	case 1:
		// 上行文: 发文字号 居左空一字, 签发人 居右空一字 on the same line
		w.writePara(para{border: rule, left: charPitch, right: charPitch, tabRight: typeW - charPitch, jc: "left"},
			body(number), run{text: "签发人：", role: fs, size: size3, tab: true}, kt(rows[0]))
	default:
		// more lines of names align with the first name; the 发文字号 shares
		// the line of the last ones
		label := docparts.Width("签发人：")
		start := 28 - 1 - label - docparts.Width(rows[0])
		col := func(x float64) int { return int(x*float64(charPitch) + 0.5) }
		w.writePara(para{left: col(start), jc: "left"}, body("签发人："), kt(rows[0]))
		for _, row := range rows[1 : len(rows)-1] {
			w.writePara(para{left: col(start + label), jc: "left"}, kt(row))
		}
		last := kt(rows[len(rows)-1])
		last.tab = true
		w.writePara(para{border: rule, left: charPitch, tabLeft: col(start + label), jc: "left"}, body(number), last)
	}
	w.emptyLines(2)
}

// title writes the 2号小标宋 title in its lines (§4.1).
func (w *xw) title(lines []string) {
	var runs []run
	for i, ln := range lines {
		runs = append(runs, run{text: ln, role: xbs, size: size2, br: i > 0})
	}
	w.writePara(para{style: "Title", keepNext: true, jc: "center"}, runs...)
}

// closing writes 署名, 成文日期 and 附注 at the columns of §4.4, then the 版记.
func (w *xw) closing(c docparts.Closing) {
	if c.Signature != "" || c.Date != "" {
		if c.Sealed {
			w.keptLines(2)
		} else {
			w.keptLines(1)
		}
		col := func(x float64) int { return int(x*float64(charPitch) + 0.5) }
		w.writePara(para{keepNext: true, left: col(c.SignCol), jc: "left"}, body(c.Signature))
		w.writePara(para{keepNext: c.Note != "" || c.HasBanji(), left: col(c.DateCol), jc: "left"}, body(c.Date))
	}
	if c.Note != "" {
		// the 版记 shares the last page with the closing block
		w.writePara(para{keepNext: c.HasBanji(), left: 2 * charPitch, jc: "left"}, body(c.Note))
	}
	if c.HasBanji() {
		w.banJi(c)
	}
}
