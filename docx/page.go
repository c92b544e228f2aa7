package docx

import "math"

// Page and grid of gongwen.md §1, in twips.
var (
	pageW       = twips(210)
	pageH       = twips(297)
	marginTop   = twips(37)
	marginLeft  = twips(28)
	marginRight = twips(26)
	marginBot   = twips(35)
	typeW       = pageW - marginLeft - marginRight
	// linePitch: 22 lines fill the 225 mm 版心 (rounded down, so 22 fit)
	linePitch = (pageH - marginTop - marginBot) / 22
	charPitch = typeW / 28
	// footerDist puts the top of «— N —» 7 mm below the 版心 (§6)
	footerDist = twips(297 - 262 - 7 - 5)
	smallChar  = size4 * 10 // 1 字 at 4号, in twips
)

// charSpace is Word's docGrid w:charSpace: the pitch minus the 3号 em, in
// 1/4096 pt, rounded so that 28 characters still fit on a line.
func charSpace() int {
	pitchPt := float64(typeW) / 20 / 28
	return int(math.Floor((pitchPt - size3/2) * 4096))
}

// bodyTracking is the character spacing of 3号 runs in 1/20 pt: the grid
// pitch minus the em, rounded down so that 28 characters fit (§1: −0.207 pt).
func bodyTracking() int {
	pitch := float64(typeW) / 28 // twips
	return int(math.Floor(pitch - size3*10))
}

// sectPr writes the section: the draft headers, footers, A4, margins, page
// numbers and the grid.
func (w *xw) sectPr(draft bool) {
	w.open("w:sectPr")
	if draft {
		w.empty("w:headerReference", "w:type", "even", "r:id", "rIdHeaderEven")
		w.empty("w:headerReference", "w:type", "default", "r:id", "rIdHeaderOdd")
	}
	w.empty("w:footerReference", "w:type", "even", "r:id", "rIdFooterEven")
	w.empty("w:footerReference", "w:type", "default", "r:id", "rIdFooterOdd")
	w.empty("w:pgSz", "w:w", itoa(pageW), "w:h", itoa(pageH))
	w.empty("w:pgMar", "w:top", itoa(marginTop), "w:right", itoa(marginRight), "w:bottom", itoa(marginBot),
		"w:left", itoa(marginLeft), "w:header", itoa(twips(15)), "w:footer", itoa(footerDist), "w:gutter", "0")
	w.empty("w:pgNumType", "w:start", "1")
	w.empty("w:cols", "w:space", "425")
	w.empty("w:docGrid", "w:type", "linesAndChars", "w:linePitch", itoa(linePitch), "w:charSpace", itoa(charSpace()))
	w.close("w:sectPr")
}

// footer is «— N —» in 4号宋体: odd pages 居右空一字, even 居左空一字 (§6).
func footer(even bool, names *[5]string) []byte {
	w := xw{fonts: names}
	w.WriteString(xmlHeader)
	w.open("w:ftr", "xmlns:w", nsW, "xmlns:r", nsR)
	p := para{style: "Footer", line: 320, jc: "right", right: smallChar}
	if even {
		p.jc, p.left, p.right = "left", smallChar, 0
	}
	w.open("w:p")
	w.pPr(p)
	num := run{role: st, size: size4}
	dash := num
	dash.text = "— "
	w.writeRun(dash)
	w.fieldPage(num)
	dash.text = " —"
	w.writeRun(dash)
	w.close("w:p")
	w.close("w:ftr")
	return []byte(w.String())
}

// fieldPage writes the PAGE field as a complex field, which Word, WPS and
// LibreOffice all update.
func (w *xw) fieldPage(r run) {
	w.open("w:r")
	w.rPr(r)
	w.empty("w:fldChar", "w:fldCharType", "begin")
	w.close("w:r")
	w.open("w:r")
	w.rPr(r)
	w.open("w:instrText", "xml:space", "preserve")
	w.text(" PAGE ")
	w.close("w:instrText")
	w.close("w:r")
	w.open("w:r")
	w.rPr(r)
	w.empty("w:fldChar", "w:fldCharType", "separate")
	w.close("w:r")
	r.text = "1"
	w.writeRun(r)
	w.open("w:r")
	w.rPr(r)
	w.empty("w:fldChar", "w:fldCharType", "end")
	w.close("w:r")
}

// draftHeader marks every page 「草稿」 in red at the outer edge, as the
// PDF's draft does.
func draftHeader(even bool, names *[5]string) []byte {
	w := xw{fonts: names}
	w.WriteString(xmlHeader)
	w.open("w:hdr", "xmlns:w", nsW, "xmlns:r", nsR)
	jc := "right"
	if even {
		jc = "left"
	}
	w.writePara(para{line: 320, jc: jc}, run{text: "草稿", role: ht, size: size4, color: red})
	w.close("w:hdr")
	return []byte(w.String())
}
