package desk

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/jung-kurt/gofpdf"

	"nianbao/pdfout/fonts"
)

// GB/T 9704 page: A4, type area 156 × 225 mm from 37 mm top and 28 mm
// left, 22 lines of 28 characters of 3号 (16 pt) 仿宋.
const (
	lpTop      = 37.0
	lpLeft     = 28.0
	lpWidth    = 156.0
	lpHeight   = 225.0
	lpLines    = 22
	lpBody     = 16.0 // pt, 3号
	lpTitle    = 22.0 // pt, 2号
	lpMark     = 36.0 // pt, 发文机关标志
	lpPageNo   = 14.0 // pt, 4号
	ptPerMM    = 72 / 25.4
	lpPitch    = lpHeight / lpLines
	noLineHead = "，。、；：？！）》」』”’…—%"
)

type letterFace struct {
	face *fonts.Face
	fam  string
}

// letterPDF lays out a letter on the grid; runes are collected first so
// each font is embedded as a subset.
type letterPDF struct {
	pdf        *gofpdf.Fpdf
	fs, xbs    letterFace
	line, page int
}

// WritePDF prints the letter as a GB/T 9704 document.
func (l Letter) WritePDF(w io.Writer) error {
	set := fonts.Default()
	all := []rune(l.Issuer + "文件" + l.DocNumber + l.Title + l.To + strings.Join(l.Paragraphs(), "") + l.Date + "—0123456789 ")
	p := &letterPDF{pdf: gofpdf.NewCustom(&gofpdf.InitType{OrientationStr: "P", UnitStr: "mm", SizeStr: "A4"})}
	p.pdf.SetMargins(0, 0, 0)
	p.pdf.SetAutoPageBreak(false, 0)
	p.pdf.SetCompression(true)
	var err error
	if p.fs, err = p.register("fs", set.Face(fonts.FS), all); err != nil {
		return err
	}
	if p.xbs, err = p.register("xbs", set.Face(fonts.XBS), all); err != nil {
		return err
	}
	p.pdf.SetTitle(l.Title, true)
	p.pdf.SetAuthor(l.Issuer, true)
	p.pdf.SetCreator("年报助手 nianbao", true)
	p.newPage()
	if l.Gongwen {
		p.head(l)
	}
	for _, ln := range p.breakText(l.Title, p.xbs, lpTitle, 0) {
		p.centered(ln, p.xbs, lpTitle)
	}
	p.line++ // a blank line under the title
	p.flush(l.To, 0)
	for _, para := range l.Paragraphs() {
		p.flush(para, 2)
	}
	p.line += 2
	p.right(l.Issuer, 4)
	p.right(l.Date, 4)
	p.pageNumber()
	var buf bytes.Buffer
	if err := p.pdf.Output(&buf); err != nil {
		return fmt.Errorf("审核意见 PDF 无法生成：%w", err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("write letter pdf: %w", err)
	}
	return nil
}

func (p *letterPDF) register(fam string, f *fonts.Face, runes []rune) (letterFace, error) {
	sub, err := f.Subset(runes)
	if err != nil {
		return letterFace{}, fmt.Errorf("字体子集无法生成：%w", err)
	}
	p.pdf.AddUTF8FontFromBytes(fam, "", sub.Data)
	if err := p.pdf.Error(); err != nil {
		return letterFace{}, fmt.Errorf("字体无法载入：%w", err)
	}
	return letterFace{face: f, fam: fam}, nil
}

func (p *letterPDF) newPage() {
	if p.page > 0 {
		p.pageNumber()
	}
	p.pdf.AddPage()
	p.page++
	p.line = 0
}

func (p *letterPDF) pageNumber() {
	s := fmt.Sprintf("— %d —", p.page)
	p.pdf.SetFont(p.fs.fam, "", lpPageNo)
	p.pdf.SetTextColor(0, 0, 0)
	w := p.width(s, p.fs, lpPageNo)
	x := lpLeft + lpWidth - w - 7 // odd pages: right, one character in
	if p.page%2 == 0 {
		x = lpLeft + 7
	}
	p.pdf.Text(x, lpTop+lpHeight+7+lpPageNo/ptPerMM*0.8, s)
}

func (p *letterPDF) width(s string, f letterFace, size float64) float64 {
	w := 0.0
	for _, r := range s {
		w += f.face.Advance(r) * size / ptPerMM
	}
	return w
}

// baseline of the current grid line.
func (p *letterPDF) baseline(size float64) float64 {
	return lpTop + float64(p.line)*lpPitch + lpPitch/2 + size/ptPerMM*0.35
}

func (p *letterPDF) advance() {
	p.line++
	if p.line >= lpLines {
		p.newPage()
	}
}

// head is the 公文 版头: the red 发文机关标志, the 发文字号 and the red line.
func (p *letterPDF) head(l Letter) {
	mark := l.Issuer + "文件"
	p.pdf.SetFont(p.xbs.fam, "", lpMark)
	p.pdf.SetTextColor(230, 0, 18)
	size := lpMark
	if w := p.width(mark, p.xbs, size); w > lpWidth {
		size = size * lpWidth / w
		p.pdf.SetFont(p.xbs.fam, "", size)
	}
	p.pdf.Text(lpLeft+(lpWidth-p.width(mark, p.xbs, size))/2, lpTop+size/ptPerMM*0.8, mark)
	p.line = 3
	if l.DocNumber != "" {
		p.centered(l.DocNumber, p.fs, lpBody)
	} else {
		p.line++
	}
	y := lpTop + float64(p.line)*lpPitch - lpPitch/2 + 2
	p.pdf.SetDrawColor(230, 0, 18)
	p.pdf.SetLineWidth(0.5)
	p.pdf.Line(lpLeft, y, lpLeft+lpWidth, y)
	p.pdf.SetTextColor(0, 0, 0)
	p.line++
}

func (p *letterPDF) centered(s string, f letterFace, size float64) {
	p.pdf.SetFont(f.fam, "", size)
	p.pdf.SetTextColor(0, 0, 0)
	p.pdf.Text(lpLeft+(lpWidth-p.width(s, f, size))/2, p.baseline(size), s)
	p.advance()
}

// right sets s flush right, indent characters from the right edge.
func (p *letterPDF) right(s string, indent int) {
	p.pdf.SetFont(p.fs.fam, "", lpBody)
	x := lpLeft + lpWidth - float64(indent)*lpBody/ptPerMM - p.width(s, p.fs, lpBody)
	p.pdf.Text(x, p.baseline(lpBody), s)
	p.advance()
}

// flush sets a paragraph in 仿宋 with a first-line indent of indent characters.
func (p *letterPDF) flush(text string, indent int) {
	p.pdf.SetFont(p.fs.fam, "", lpBody)
	em := lpBody / ptPerMM
	for i, ln := range p.breakText(text, p.fs, lpBody, float64(indent)*em) {
		x := lpLeft
		if i == 0 {
			x += float64(indent) * em
		}
		p.pdf.Text(x, p.baseline(lpBody), ln)
		p.advance()
	}
}

// breakText breaks s into lines of the type width, the first shorter by
// first; closing punctuation never starts a line (it hangs instead).
func (p *letterPDF) breakText(s string, f letterFace, size, first float64) []string {
	var lines []string
	var cur []rune
	w, limit := 0.0, lpWidth-first
	for _, r := range s {
		aw := f.face.Advance(r) * size / ptPerMM
		if w+aw > limit+0.01 && len(cur) > 0 && !strings.ContainsRune(noLineHead, r) {
			lines = append(lines, string(cur))
			cur, w, limit = nil, 0, lpWidth
		}
		cur = append(cur, r)
		w += aw
	}
	if len(cur) > 0 {
		lines = append(lines, string(cur))
	}
	return lines
}
