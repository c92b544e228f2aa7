package pdfout

import (
	"bytes"
	"fmt"
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

// gofpdfWriter implements writer with jung-kurt/gofpdf.
type gofpdfWriter struct {
	pdf     *gofpdf.Fpdf
	loaded  map[*face]string
	subset  map[*face][]byte // font data to embed instead of the whole file
	curFace *face
	curSize float64
	images  map[string]bool
	pdfName map[*face]string // subset-tagged name of each face
	archive archive
}

func newGofpdfWriter() *gofpdfWriter {
	pdf := gofpdf.NewCustom(&gofpdf.InitType{OrientationStr: "P", UnitStr: "mm", SizeStr: "A4"})
	pdf.SetMargins(0, 0, 0)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetCatalogSort(true)
	pdf.SetCompression(true)
	return &gofpdfWriter{pdf: pdf, loaded: map[*face]string{}, subset: map[*face][]byte{}, images: map[string]bool{}, pdfName: map[*face]string{}}
}

// use registers f on first use; registration order follows the (deterministic) layout.
func (w *gofpdfWriter) use(f *face, size float64) {
	fam, ok := w.loaded[f]
	if !ok {
		// fixed-width family names: none is a prefix of another, so the
		// PDF/A step can rename them safely
		fam = fmt.Sprintf("nbf%03d", len(w.loaded))
		data := f.Data
		if b, ok := w.subset[f]; ok {
			data = b
		}
		w.pdf.AddUTF8FontFromBytes(fam, "", data)
		w.loaded[f] = fam
	}
	if w.curFace != f || w.curSize != size {
		w.pdf.SetFont(fam, "", size)
		w.curFace, w.curSize = f, size
	}
}

// useSubset makes f embed only runes: gofpdf parses every registered font
// in full, which for the large body font costs more than the whole layout.
func (w *gofpdfWriter) useSubset(f *face, runes []rune) {
	if s, err := f.Subset(runes); err == nil {
		w.subset[f] = s.Data
	}
	// the name a reader shows: subset tag and PostScript name (ISO 32000-1 9.6.4)
	w.pdfName[f] = fonts.SubsetTag(f.PostScriptName(), runes) + "+" + f.PostScriptName()
}

func (w *gofpdfWriter) addPage() {
	w.pdf.AddPage()
	w.curFace = nil // gofpdf resets nothing, but a new page needs its Tf again
}

func (w *gofpdfWriter) text(f *face, size float64, c rgb, x, y float64, s string, tc, tz float64) {
	w.use(f, size)
	w.pdf.SetTextColor(c.r, c.g, c.b)
	pre, post := "", ""
	if tc != 0 {
		pre += fmt.Sprintf("%.4f Tc ", tc*72/25.4)
		post += "0 Tc "
	}
	if tz != 0 && tz != 100 {
		pre += fmt.Sprintf("%.2f Tz ", tz)
		post += "100 Tz "
	}
	if pre != "" {
		w.pdf.RawWriteStr(pre)
	}
	w.pdf.Text(x, y, s)
	if post != "" {
		w.pdf.RawWriteStr(post)
	}
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
	w.use(f, size)
	w.pdf.SetAlpha(0.18, "Normal")
	w.pdf.TransformBegin()
	w.pdf.TransformRotate(45, 105, 148.5)
	w.pdf.SetTextColor(grey.r, grey.g, grey.b)
	w.pdf.Text(105-width/2, 148.5+size*25.4/72*0.38, s)
	w.pdf.TransformEnd()
	w.pdf.SetAlpha(1, "Normal")
}

func (w *gofpdfWriter) err() error { return w.pdf.Error() }

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
	// gofpdf names each font "utf8" + its family
	w.archive.fontNames = map[string]string{}
	for f, fam := range w.loaded {
		if n, ok := w.pdfName[f]; ok {
			w.archive.fontNames["utf8"+fam] = n
		}
	}
	return toPDFA(buf.Bytes(), w.archive)
}
