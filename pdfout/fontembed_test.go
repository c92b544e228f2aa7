package pdfout

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"nianbao/app"
	"nianbao/pdfout/fonts"
)

// hmtxAdvances reads a TrueType program's advance widths in thousandths of
// an em, by glyph, with a reader of its own (not the fonts package's).
func hmtxAdvances(t *testing.T, font []byte) []int {
	t.Helper()
	be := binary.BigEndian
	n := int(be.Uint16(font[4:]))
	tab := map[string][]byte{}
	for i := range n {
		rec := font[12+16*i:]
		off, length := be.Uint32(rec[8:]), be.Uint32(rec[12:])
		tab[string(rec[:4])] = font[off : off+length]
	}
	upem := float64(be.Uint16(tab["head"][18:]))
	nh := int(be.Uint16(tab["hhea"][34:]))
	glyphs := int(be.Uint16(tab["maxp"][4:]))
	adv := make([]int, glyphs)
	for g := range glyphs {
		a := be.Uint16(tab["hmtx"][4*min(g, nh-1):])
		adv[g] = int(math.Round(float64(a) * 1000 / upem))
	}
	return adv
}

// Every embedded font says of each character the width its font program
// has (ISO 19005-3 6.2.11.5), maps it to a real glyph, and is a symbolic
// CIDFontType2 named like its descriptor — in both styles, a draft, the
// 2019 format, a seed's published text and the desk's letter.
func TestEmbeddedFontsAgreeWithPrograms(t *testing.T) {
	full := loadReport(t, "testdata/full-2021.nianbao.json")
	path, _ := renderFile(t, full, Options{Style: app.StyleGongwen, Seal: readSeal(t)})
	if n := fontsAgree(t, path); n != 5 {
		t.Errorf("%d CID fonts, want the five roles", n)
	}
	for _, c := range []struct {
		file string
		opt  Options
	}{
		{"testdata/full-2021.nianbao.json", Options{Style: app.StylePublic}},
		{"testdata/township-2019.nianbao.json", Options{Style: app.StyleGongwen}},
		{"../testdata/seeds/mogu-2023.nianbao.json", Options{Style: app.StylePublic, Draft: true}},
		{"../testdata/seeds/xiyuan-2020.nianbao.json", Options{Style: app.StyleGongwen, Draft: true}},
	} {
		path, _ := renderFile(t, loadReport(t, c.file), c.opt)
		if fontsAgree(t, path) == 0 {
			t.Errorf("%s: no CID fonts", c.file)
		}
	}
	var b bytes.Buffer
	if err := RenderLetter(&b, sampleLetter(true), nil, fixedNow); err != nil {
		t.Fatal(err)
	}
	letter := filepath.Join(t.TempDir(), "letter.pdf")
	if err := os.WriteFile(letter, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if fontsAgree(t, letter) == 0 {
		t.Error("letter: no CID fonts")
	}
}

// fontsAgree checks every CID font of the file and returns how many it has.
func fontsAgree(t *testing.T, path string) int {
	t.Helper()
	d := readQpdf(t, path)
	cidFonts := 0
	for key := range d.objs {
		ref := strings.TrimPrefix(key, "obj:")
		if !strings.HasPrefix(key, "obj:") {
			continue
		}
		cid := d.dict(t, ref)
		if str(cid["/Subtype"]) != "/CIDFontType2" {
			continue
		}
		cidFonts++
		desc := d.dict(t, str(cid["/FontDescriptor"]))
		name := str(cid["/BaseFont"])
		if str(desc["/FontName"]) != name {
			t.Errorf("%s %s: descriptor names %s", filepath.Base(path), name, desc["/FontName"])
		}
		if flags, _ := desc["/Flags"].(float64); int(flags)&4 == 0 || int(flags)&32 != 0 {
			t.Errorf("%s %s: /Flags %v, want symbolic and not nonsymbolic", filepath.Base(path), name, desc["/Flags"])
		}
		adv := hmtxAdvances(t, streamData(t, path, str(desc["/FontFile2"])))
		m := streamData(t, path, str(cid["/CIDToGIDMap"]))
		widths := map[int]int{}
		w, _ := cid["/W"].([]any)
		for i := 0; i+1 < len(w); i += 2 {
			first, _ := w[i].(float64)
			list, ok := w[i+1].([]any)
			if !ok {
				t.Fatalf("%s %s: /W entry %v is not c [w ...]", filepath.Base(path), name, w[i+1])
			}
			for k, v := range list {
				widths[int(first)+k] = int(v.(float64))
			}
		}
		mapped := 0
		for c := 0; 2*c+1 < len(m); c++ {
			g := int(m[2*c])<<8 | int(m[2*c+1])
			if g == 0 {
				if _, ok := widths[c]; ok {
					t.Errorf("%s %s: code U+%04X has a width but no glyph", filepath.Base(path), name, c)
				}
				continue
			}
			mapped++
			if g >= len(adv) {
				t.Fatalf("%s %s: code U+%04X maps to glyph %d of %d", filepath.Base(path), name, c, g, len(adv))
			}
			want, ok := widths[c]
			if !ok {
				want = 1000 // /DW
			}
			if adv[g] != want {
				t.Errorf("%s %s: code U+%04X %q: PDF width %d, font program %d", filepath.Base(path), name, c, rune(c), want, adv[g])
			}
		}
		if mapped == 0 { // a font is embedded for what it draws
			t.Errorf("%s %s: no code mapped", filepath.Base(path), name)
		}
	}
	return cidFonts
}

// A character the layout did not announce for a face would print as
// nothing; the writer fails the document instead.
func TestUnannouncedCharacterFails(t *testing.T) {
	f := newSetSource(nil).set.Face(roleFS)
	w := newGofpdfWriter()
	w.useSubset(f, []rune("中"))
	w.addPage()
	w.text(f, 16, black, 20, 40, "中", 0, 0)
	if err := w.err(); err != nil {
		t.Fatalf("announced character: %v", err)
	}
	w.text(f, 16, black, 20, 60, "中文", 0, 0)
	if err := w.err(); err == nil || !strings.Contains(err.Error(), "文") {
		t.Errorf("unannounced character: err = %v", err)
	}
	other := newSetSource(nil).set.Face(roleHT)
	w = newGofpdfWriter()
	w.addPage()
	w.text(other, 16, black, 20, 40, "中", 0, 0)
	if w.err() == nil {
		t.Error("unannounced face printed")
	}
}

// A character announced for a face that has no glyph for it would show
// .notdef, which PDF/A forbids: the file is refused.
func TestAnnouncedCharacterWithoutGlyphFails(t *testing.T) {
	f := newSetSource(nil).set.Face(roleKT)
	if f.Has('\u0378') {
		t.Fatal("U+0378 is unassigned, yet the face has it")
	}
	w := newGofpdfWriter()
	w.useSubset(f, []rune{'\u0378', '中'})
	w.addPage()
	w.text(f, 16, black, 20, 40, "中", 0, 0)
	w.setMeta(metadata{title: "t", date: fixedNow})
	w.attach(AttachmentName, "", []byte("{}"))
	if _, err := w.output(); err == nil || !strings.Contains(err.Error(), "U+0378") {
		t.Errorf("output: err = %v, want the missing glyph named", err)
	}
}

// Prints running at once share the pool of compressors and the seal being
// split, and each gets the same file as a print on its own.
func TestConcurrentRendersAreIdentical(t *testing.T) {
	r := loadReport(t, "testdata/full-2021.nianbao.json")
	// a seal no earlier test has split, so the prints wait for one another
	seal := append(readSeal(t), 0)
	opt := Options{Style: app.StyleGongwen, Seal: seal, Now: fixedNow}
	outs := make([][]byte, 4)
	var wg sync.WaitGroup
	for i := range outs {
		wg.Go(func() {
			var b bytes.Buffer
			if err := Render(&b, r, opt); err != nil {
				t.Error(err)
			}
			outs[i] = b.Bytes()
		})
	}
	wg.Wait()
	for i := 1; i < len(outs); i++ {
		if !bytes.Equal(outs[i], outs[0]) {
			t.Fatalf("print %d differs from print 0 (%d and %d bytes)", i, len(outs[i]), len(outs[0]))
		}
	}
	var alone bytes.Buffer
	if err := Render(&alone, r, opt); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(alone.Bytes(), outs[0]) {
		t.Error("a print on its own differs from the concurrent ones")
	}
}

// A font whose glyphs cannot be cut out (a damaged loca table) is refused
// with a sentence naming it, instead of embedding the whole font.
func TestDamagedFontIsRefusedByName(t *testing.T) {
	good := newSetSource(nil).set.Face(roleKT)
	data := bytes.Clone(good.Data)
	be := binary.BigEndian
	for i := range int(be.Uint16(data[4:])) {
		rec := data[12+16*i:]
		if string(rec[:4]) == "loca" {
			off, n := be.Uint32(rec[8:]), be.Uint32(rec[12:])
			for k := off; k < off+n; k++ {
				data[k] = 0xFF
			}
		}
	}
	bad, err := fonts.Parse("坏的楷体.ttf", data)
	if err != nil {
		t.Skipf("the damaged copy is refused on loading already: %v", err)
	}
	set := fonts.Default()
	set.Use(fonts.KT, bad)
	r := loadReport(t, "testdata/full-2021.nianbao.json")
	err = Render(io.Discard, r, Options{Style: app.StyleGongwen, Fonts: set, Now: fixedNow})
	var fe *FontError
	if !errors.As(err, &fe) || fe.Font != "坏的楷体.ttf" || !strings.HasPrefix(err.Error(), "字体“坏的楷体.ttf”无法嵌入 PDF") {
		t.Errorf("err = %v, want a FontError naming the font first", err)
	}
}

// Control characters a paste from Word brings (form feed, vertical tab),
// NUL and DEL print as spaces, in a report, a draft and a letter: no font
// has a glyph for them and PDF/A forbids showing .notdef.
func TestControlCharactersPrintAsSpaces(t *testing.T) {
	r := loadReport(t, "testdata/full-2021.nianbao.json").Clone()
	r.Text.Preface = "甲\f乙\v丙\x00丁\x07戊\x7f己" + r.Text.Preface
	r.Doc.Note = "（此件\f主动公开）"
	for _, draft := range []bool{false, true} {
		path, _ := renderFile(t, r, Options{Style: app.StyleGongwen, Draft: draft})
		if txt := squash(tool(t, "pdftotext", path, "-")); !strings.Contains(txt, "甲乙丙丁戊己") {
			t.Errorf("draft %v: the text around the control characters is missing", draft)
		}
	}
	l := sampleLetter(true)
	l.Paragraphs = append(l.Paragraphs, "段落\x00中\x07的\f控制字符")
	if err := RenderLetter(io.Discard, l, nil, fixedNow); err != nil {
		t.Errorf("letter: %v", err)
	}
}

// Render returns without keeping the caller's seal: a slice reused after a
// refused print does not reach the split seal the next print uses.
func TestRenderDoesNotKeepTheSeal(t *testing.T) {
	r := loadReport(t, "testdata/full-2021.nianbao.json").Clone()
	good := append(readSeal(t), 0, 1) // a seal no other test has split
	opt := Options{Style: app.StyleGongwen, Now: fixedNow}
	opt.Seal = bytes.Clone(good)
	want, err := render(r, opt)
	if err != nil {
		t.Fatal(err)
	}
	clear(sealCache) // split anew by the refused print below
	bad := r.Clone()
	bad.Unit.Name = "新绛县\u0378人民政府" // refused before the layout
	opt.Seal = bytes.Clone(good)
	if _, err := render(bad, opt); err == nil {
		t.Fatal("a unit name with an unassigned character printed")
	}
	clear(opt.Seal) // the caller reuses its buffer
	opt.Seal = bytes.Clone(good)
	got, err := render(r, opt)
	if err != nil || !bytes.Equal(got, want) {
		t.Errorf("the print after a refused one differs (err %v)", err)
	}
}

// The shared ToUnicode CMap keeps every bfrange within one first byte
// (ISO 32000-1 9.10.3) and maps each squeezed mark back to the mark.
func TestToUnicodeRanges(t *testing.T) {
	cmap := string(toUnicode)
	ranges := regexp.MustCompile(`<([0-9A-F]{4})> <([0-9A-F]{4})> <([0-9A-F]{4})>`).FindAllStringSubmatch(cmap, -1)
	if len(ranges) < 200 {
		t.Fatalf("%d ranges", len(ranges))
	}
	for _, m := range ranges {
		lo, _ := strconv.ParseUint(m[1], 16, 16)
		hi, _ := strconv.ParseUint(m[2], 16, 16)
		dst, _ := strconv.ParseUint(m[3], 16, 16)
		if lo>>8 != hi>>8 || dst&0xFF+(hi-lo) > 0xFF {
			t.Errorf("bfrange %s", m[0])
		}
	}
	for _, blk := range regexp.MustCompile(`(\d+) beginbfrange`).FindAllStringSubmatch(cmap, -1) {
		if n, _ := strconv.Atoi(blk[1]); n > 100 {
			t.Errorf("a block of %d ranges", n)
		}
	}
	for _, r := range fonts.SqueezeMarks {
		p, _ := fonts.Squeezed(r)
		if !strings.Contains(cmap, fmt.Sprintf("<%04X> <%04X>\n", p, r)) {
			t.Errorf("squeezed %q not mapped back", r)
		}
	}
}

// After the translucent watermark, whose font is set inside q … Q, the next
// text sets its font again.
func TestWatermarkDoesNotLeaveFontState(t *testing.T) {
	f := newSetSource(nil).set.Face(roleHT)
	w := newGofpdfWriter()
	w.useSubset(f, []rune("草稿"))
	w.addPage()
	w.watermark(f, 120, "草稿")
	if w.curFace != nil {
		t.Error("the watermark's font is taken as still set")
	}
}
