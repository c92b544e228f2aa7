package fonts

import (
	"bytes"
	"compress/zlib"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/jung-kurt/gofpdf"
)

func pdfBytes(t testing.TB, f *Face, text string) []byte {
	t.Helper()
	pdf := gofpdf.New("P", "mm", "A4", "")
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(time.Date(2025, 1, 10, 9, 0, 0, 0, time.UTC))
	pdf.SetModificationDate(time.Date(2025, 1, 10, 9, 0, 0, 0, time.UTC))
	pdf.AddUTF8FontFromBytes(f.Name, "", f.Data)
	pdf.AddPage()
	pdf.SetFont(f.Name, "", 16)
	pdf.Text(20, 30, text)
	var b bytes.Buffer
	if err := pdf.Output(&b); err != nil {
		t.Fatalf("gofpdf: %v", err)
	}
	return b.Bytes()
}

func TestSubset(t *testing.T) {
	body := Default().Face(FS)
	text := "政府信息公开工作年度报告（2024年）王堃、李喆，共123条。"
	sub, err := body.Subset([]rune(text + "䶮😀"))
	if err != nil {
		t.Fatal(err)
	}
	if sub.Name != body.Name || len(sub.Data) >= len(body.Data)+1024 {
		t.Errorf("subset name %s, %d bytes (original %d)", sub.Name, len(sub.Data), len(body.Data))
	}
	for _, r := range text + " " {
		if !sub.Has(r) || sub.Advance(r) != body.Advance(r) {
			t.Errorf("%q: has %v, advance %v want %v", r, sub.Has(r), sub.Advance(r), body.Advance(r))
		}
	}
	for _, r := range "中乡镇Z䶮" {
		if sub.Has(r) {
			t.Errorf("subset still maps %q", r)
		}
	}
	if got := sub.Coverage(); got != len([]rune("政府信息公开工作年度报告（2024年）王堃、李喆，共123条。 "))-3 { // 2,0 repeated; 年 twice
		t.Errorf("subset covers %d characters", got)
	}
	// the subset draws the very same glyphs: the pages render alike
	if a, b := pagePixels(t, pdfBytes(t, body, text)), pagePixels(t, pdfBytes(t, sub, text)); !bytes.Equal(a, b) {
		t.Error("the page drawn with the subset differs from the one drawn with the font")
	}
	if n := len(fontProgram(t, pdfBytes(t, sub, text))); n > 20000 {
		t.Errorf("embedded subset program is %d bytes", n)
	}
	renderCheck(t, sub, text)

	// A collection face with composite glyphs (wqy builds many hanzi from
	// components) and hinting instructions.
	if f, err := LoadFile(wqy, 0); err == nil {
		s2, err := f.Subset([]rune(text))
		if err != nil {
			t.Fatal(err)
		}
		if a, b := pagePixels(t, pdfBytes(t, f, text)), pagePixels(t, pdfBytes(t, s2, text)); !bytes.Equal(a, b) {
			t.Error("wqy: the page drawn with the subset differs")
		}
		renderCheck(t, s2, text)
	}
}

// fontProgram returns the decompressed FontFile2 stream of a one-font
// gofpdf document.
func fontProgram(t *testing.T, pdf []byte) []byte {
	t.Helper()
	m := regexp.MustCompile(`/FontFile2 (\d+) 0 R`).FindSubmatch(pdf)
	if m == nil {
		t.Fatal("no FontFile2 in the PDF")
	}
	obj := pdf[bytes.Index(pdf, []byte("\n"+string(m[1])+" 0 obj"))+1:]
	start := bytes.Index(obj, []byte("stream\n")) + len("stream\n")
	end := bytes.Index(obj, []byte("endstream"))
	if start < len("stream\n") || end < start {
		t.Fatalf("object %s has no stream", m[1])
	}
	zr, err := zlib.NewReader(bytes.NewReader(obj[start:end]))
	if err != nil {
		t.Fatalf("font stream: %v", err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		t.Fatalf("font stream: %v", err)
	}
	return out
}

// Registering the body font with gofpdf, in full and as a subset of a short
// text (the subset's cost includes making it).
func BenchmarkRegisterBody(b *testing.B) {
	body := Default().Face(FS)
	text := []rune("政府信息公开工作年度报告（2024年）主动公开依申请公开行政复议诉讼")
	b.Run("full", func(b *testing.B) {
		for b.Loop() {
			gofpdf.New("P", "mm", "A4", "").AddUTF8FontFromBytes(body.Name, "", body.Data)
		}
	})
	b.Run("subset", func(b *testing.B) {
		for b.Loop() {
			s, err := body.Subset(text)
			if err != nil {
				b.Fatal(err)
			}
			gofpdf.New("P", "mm", "A4", "").AddUTF8FontFromBytes(s.Name, "", s.Data)
		}
	})
}

// pagePixels renders the first page in grey at 100 dpi with poppler.
func pagePixels(t *testing.T, pdf []byte) []byte {
	t.Helper()
	requireTools(t, "pdftoppm")
	dir := t.TempDir()
	in := filepath.Join(dir, "p.pdf")
	if err := os.WriteFile(in, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("pdftoppm", "-r", "100", "-gray", "-f", "1", "-l", "1", in, filepath.Join(dir, "p")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	b, err := os.ReadFile(filepath.Join(dir, "p-1.pgm"))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// A squeezed mark's private-use character draws the mark's glyph with half
// the advance; a composite glyph keeps its components after renumbering.
func TestSubsetSqueezedAndRenumbered(t *testing.T) {
	body := Default().Face(FS)
	p, ok := Squeezed('。')
	if !ok || Unsqueezed(p) != '。' {
		t.Fatalf("Squeezed('。') = %U %v", p, ok)
	}
	sub, err := body.Subset([]rune{'年', '。', p})
	if err != nil {
		t.Fatal(err)
	}
	if !sub.Has(p) || sub.Advance(p) != 0.5 || sub.Advance('。') != 1 {
		t.Errorf("squeezed 。: has %v, advance %v (。 %v)", sub.Has(p), sub.Advance(p), sub.Advance('。'))
	}
	if sub.m.numGlyphs != 5 { // .notdef, space, 年, 。 and its copy
		t.Errorf("subset has %d glyphs, want 5", sub.m.numGlyphs)
	}
	lo, hi, ok1 := body.InkX('。')
	slo, shi, ok2 := sub.InkX(p)
	if !ok1 || !ok2 || lo != slo || hi != shi {
		t.Errorf("copy's outline %v–%v, mark's %v–%v", slo, shi, lo, hi)
	}
}
