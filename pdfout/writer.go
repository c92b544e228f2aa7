package pdfout

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/jung-kurt/gofpdf"

	"nianbao/pdfout/fonts"
)

// rgb is a drawing colour.
type rgb struct{ r, g, b int }

var (
	black = rgb{0, 0, 0}
	red   = rgb{230, 0, 18}
	grey  = rgb{150, 150, 150}
)

// writer is the little a layout needs from a PDF library. Coordinates are mm
// from the top-left corner; sizes are pt.
type writer interface {
	addPage()
	// text draws s with its left end at x and its baseline at y. tc is the
	// extra space after each glyph in mm, tz the horizontal scale in percent.
	text(f *face, size float64, c rgb, x, y float64, s string, tc, tz float64)
	line(x1, y1, x2, y2, width float64, c rgb)
	rect(x, y, w, h, width float64)
	image(name string, png []byte, x, y, w, h float64) error
	// seal draws an image as ink: multiply blending keeps the text under
	// it black where the red is opaque
	seal(name string, png []byte, x, y, w, h float64) error
	watermark(f *face, size float64, s string)
	err() error
}

// gofpdfWriter implements writer with jung-kurt/gofpdf for pages,
// drawing and images. Fonts are embedded by the PDF/A step (fontembed.go):
// gofpdf's own UTF-8 font path parses each font again, sizes its tables
// for all 65,536 code points and hashes them through encoding/json, which
// cost more than the whole layout.
type gofpdfWriter struct {
	pdf     *gofpdf.Fpdf
	pageH   float64 // mm
	fonts   map[*face]*embeddedFont
	curFace *face
	curSize float64
	images  map[string]bool
	archive archive
	fail    error
}

func newGofpdfWriter() *gofpdfWriter {
	pdf := gofpdf.NewCustom(&gofpdf.InitType{OrientationStr: "P", UnitStr: "mm", SizeStr: "A4"})
	pdf.SetMargins(0, 0, 0)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetCatalogSort(true)
	// page streams are compressed by the PDF/A step with one reused
	// compressor instead of a new one (about 1 MB) per page
	pdf.SetCompression(false)
	_, h := pdf.GetPageSize()
	return &gofpdfWriter{pdf: pdf, pageH: h, fonts: map[*face]*embeddedFont{}, images: map[string]bool{}}
}

// useSubset makes f embed only runes, under its subset-tagged name. The
// layout calls it for every face before it draws; faces are numbered in
// that (deterministic) order.
func (w *gofpdfWriter) useSubset(f *face, runes []rune) {
	// the name a reader shows: subset tag and PostScript name (ISO 32000-1 9.6.4)
	name := fonts.SubsetTag(f.PostScriptName(), runes) + "+" + f.PostScriptName()
	e := newEmbeddedFont(fmt.Sprintf("NB%d", len(w.archive.fonts)+1), name, f, runes)
	w.fonts[f] = e
	w.archive.fonts = append(w.archive.fonts, e)
}

// use selects f at size for s, as gofpdf's SetFont would. A face or a
// character the layout did not announce would print as nothing, so it
// fails the document instead.
func (w *gofpdfWriter) use(f *face, size float64, s string) bool {
	e, ok := w.fonts[f]
	if !ok {
		w.fail = &FontError{Font: f.Name, Reason: "排版时未登记此字体"}
		return false
	}
	if r, ok := e.missing(s); ok {
		w.fail = &FontError{Font: f.Name, Reason: fmt.Sprintf("排版时未登记字符“%c”（U+%04X）", r, r)}
		return false
	}
	if w.curFace != f || w.curSize != size {
		w.pdf.RawWriteStr(fmt.Sprintf("BT /%s %.2f Tf ET\n", e.res, size))
		w.curFace, w.curSize = f, size
	}
	return true
}

func (w *gofpdfWriter) addPage() {
	w.pdf.AddPage()
	w.curFace = nil // a new page needs its Tf again
}

func (w *gofpdfWriter) text(f *face, size float64, c rgb, x, y float64, s string, tc, tz float64) {
	if !w.use(f, size, s) {
		return
	}
	var b strings.Builder
	if c != black {
		b.WriteString("q ")
		b.WriteString(colorOp(c))
		b.WriteByte(' ')
	}
	if tc != 0 {
		fmt.Fprintf(&b, "%.4f Tc ", tc*ptPerMM)
	}
	if tz != 0 && tz != 100 {
		fmt.Fprintf(&b, "%.2f Tz ", tz)
	}
	fmt.Fprintf(&b, "BT %.2f %.2f Td ", x*ptPerMM, (w.pageH-y)*ptPerMM)
	writeShown(&b, s)
	b.WriteString(" Tj ET")
	if tc != 0 {
		b.WriteString(" 0 Tc")
	}
	if tz != 0 && tz != 100 {
		b.WriteString(" 100 Tz")
	}
	if c != black {
		b.WriteString(" Q")
	}
	b.WriteByte('\n')
	w.pdf.RawWriteStr(b.String())
}

func (w *gofpdfWriter) line(x1, y1, x2, y2, width float64, c rgb) {
	w.pdf.SetDrawColor(c.r, c.g, c.b)
	w.pdf.SetLineWidth(width)
	w.pdf.SetLineCapStyle("butt")
	w.pdf.Line(x1, y1, x2, y2)
	w.pdf.SetDrawColor(0, 0, 0)
}

func (w *gofpdfWriter) rect(x, y, wd, h, width float64) {
	w.pdf.SetDrawColor(0, 0, 0)
	w.pdf.SetLineWidth(width)
	w.pdf.Rect(x, y, wd, h, "D")
}

func (w *gofpdfWriter) image(name string, png []byte, x, y, wd, h float64) error {
	opt := gofpdf.ImageOptions{ImageType: "PNG"}
	if !w.images[name] {
		img, err := prepareSeal(png)
		if err != nil {
			return err
		}
		w.pdf.RegisterImageOptionsReader(name, opt, bytes.NewReader(img.rgb))
		if err := w.pdf.Error(); err != nil {
			return err
		}
		if img.alpha != nil {
			w.archive.masks = append(w.archive.masks, img)
		}
		w.images[name] = true
	}
	w.pdf.ImageOptions(name, x, y, wd, h, false, opt, 0, "")
	return w.pdf.Error()
}

func (w *gofpdfWriter) seal(name string, png []byte, x, y, wd, h float64) error {
	w.pdf.SetAlpha(1, "Multiply")
	err := w.image(name, png, x, y, wd, h)
	w.pdf.SetAlpha(1, "Normal")
	return err
}

// watermark draws s large, grey, translucent and rotated across the page.
func (w *gofpdfWriter) watermark(f *face, size float64, s string) {
	width := 0.0
	for _, r := range s {
		width += f.Advance(r) * size * 25.4 / 72
	}
	w.pdf.SetAlpha(0.18, "Normal")
	w.pdf.TransformBegin()
	w.pdf.TransformRotate(45, 105, 148.5)
	w.text(f, size, grey, 105-width/2, 148.5+size*25.4/72*0.38, s, 0, 0)
	w.pdf.TransformEnd()
	w.curFace = nil // its Tf was inside the q … Q just closed
	w.pdf.SetAlpha(1, "Normal")
}

func (w *gofpdfWriter) err() error {
	if w.fail != nil {
		return w.fail
	}
	return w.pdf.Error()
}

// metadata of the document information dictionary.
type metadata struct {
	title, author, subject, keywords, creator string
	date                                      time.Time
}

func (w *gofpdfWriter) setMeta(m metadata) { w.archive.meta = m }

func (w *gofpdfWriter) attach(name, desc string, data []byte) {
	w.archive.file = attachment{name: name, desc: desc, data: data}
}

// output writes the PDF as PDF/A-3b (pdfa.go).
func (w *gofpdfWriter) output() ([]byte, error) {
	var buf bytes.Buffer
	if err := w.pdf.Output(&buf); err != nil {
		return nil, err
	}
	return toPDFA(buf.Bytes(), w.archive)
}
