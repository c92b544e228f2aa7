package fonts

import (
	"errors"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
	"strings"
)

// Face is one TrueType font ready for the PDF writer: a single face with glyf
// outlines whose licence allows embedding.
type Face struct {
	// Name names the face in messages; unique per font data.
	Name string
	// Data is the complete standalone TrueType file.
	Data []byte
	// psName overrides the name table's PostScript name (bundled fonts
	// are named after their upstream source).
	psName string
	m      *metrics
}

// Has reports whether the face has a glyph for r in its Unicode BMP cmap.
// Runes outside the BMP are never "had": the writer cannot encode them.
func (f *Face) Has(r rune) bool { return f.m.glyph(r) != 0 }

// Advance is r's advance width as a fraction of the em, so the width in
// points is Advance(r) * size. A rune the face lacks gets the .notdef width.
func (f *Face) Advance(r rune) float64 {
	return float64(f.m.advance(f.m.glyph(r))) / float64(f.m.unitsPerEm)
}

// Ascent is the height above the baseline (hhea ascender) as a fraction of the em.
func (f *Face) Ascent() float64 { return float64(f.m.ascent) / float64(f.m.unitsPerEm) }

// Descent is the depth below the baseline (hhea descender) as a fraction of
// the em; it is negative, as in the font.
func (f *Face) Descent() float64 { return float64(f.m.descent) / float64(f.m.unitsPerEm) }

// Coverage counts the runes the face maps to a glyph.
func (f *Face) Coverage() int {
	n := 0
	for r := range f.m.glyphs {
		if f.Has(rune(r)) {
			n++
		}
	}
	return n
}

// Reasons a font cannot be used, usable with errors.Is. Each completes the
// sentence “字体文件 X ……”.
var (
	ErrNotFont    = errors.New("不是可识别的字体文件或已损坏")
	ErrCFF        = errors.New("使用 CFF（PostScript）轮廓，PDF 只能嵌入 TrueType 轮廓的字体，请改选 .ttf 或 .ttc 字体")
	ErrNoGlyf     = errors.New("没有 TrueType 字形表（glyf），不能嵌入 PDF")
	ErrNoCmap     = errors.New("没有 Unicode 字符映射表，不能用来排中文")
	ErrRestricted = errors.New("的授权禁止嵌入文档（OS/2 fsType 为受限许可），不能用于生成 PDF")
	ErrNoSubset   = errors.New("的授权禁止子集嵌入或只允许嵌入点阵，不能用于生成 PDF")
	ErrNoFace     = errors.New("中没有所选的字体序号")
)

// Parse checks a standalone TrueType font and returns it as a Face named name.
func Parse(name string, data []byte) (*Face, error) {
	m, err := check(data)
	if err != nil {
		return nil, fmt.Errorf("字体文件 %s %w", name, err)
	}
	return &Face{Name: name, Data: data, m: m}, nil
}

// check rejects everything the writer cannot embed and fonts whose licence
// forbids embedding.
func check(data []byte) (*metrics, error) {
	if len(data) < 12 {
		return nil, ErrNotFont
	}
	switch be.Uint32(data) {
	case tagTrue, tagTRUE:
	case tagOTTO:
		return nil, ErrCFF
	case tagTTCF:
		return nil, fmt.Errorf("%w（是字体集合，需先取出其中一款）", ErrNotFont)
	default:
		return nil, ErrNotFont
	}
	_, dir, err := tables(data, 0)
	if err != nil {
		return nil, fmt.Errorf("%w：%v", ErrNotFont, err)
	}
	if _, ok := dir["CFF "]; ok {
		return nil, ErrCFF
	}
	if _, ok := dir["glyf"]; !ok {
		return nil, ErrNoGlyf
	}
	if _, ok := dir["loca"]; !ok {
		return nil, ErrNoGlyf
	}
	m, err := parseMetrics(data)
	if errors.Is(err, errNoUnicodeCmap) {
		return nil, ErrNoCmap
	}
	if err != nil {
		return nil, fmt.Errorf("%w：%v", ErrNotFont, err)
	}
	if err := embeddable(m.fsType); err != nil {
		return nil, err
	}
	return m, nil
}

// embeddable applies the OS/2 fsType rules: bits 0–3 give the least
// restrictive permission that is set; 0x0002 alone means restricted. We also
// need subsetting (0x0100 forbids it) and outlines (0x0200: bitmaps only).
func embeddable(fsType uint16) error {
	if fsType&0x000E == 0x0002 {
		return ErrRestricted
	}
	if fsType&0x0300 != 0 {
		return ErrNoSubset
	}
	return nil
}

// LoadFile reads a .ttf, or face index of a .ttc (copied out into a
// standalone TrueType font in memory), and checks it like Parse.
func LoadFile(path string, index int) (*Face, error) {
	base := filepath.Base(path)
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("读取字体文件 %s 失败：%w", base, err)
	}
	if len(data) >= 4 && be.Uint32(data) == tagTTCF {
		n := 0
		if len(data) >= 12 {
			n = int(be.Uint32(data[8:]))
		}
		if index < 0 || index >= n {
			return nil, fmt.Errorf("字体集合 %s %w（共 %d 款，选了第 %d 款）", base, ErrNoFace, n, index)
		}
		if data, err = extractTTC(data, index); err != nil {
			return nil, fmt.Errorf("字体文件 %s %w：%v", base, ErrNotFont, err)
		}
	}
	m, err := check(data)
	if err != nil {
		return nil, fmt.Errorf("字体文件 %s %w", base, err)
	}
	return &Face{Name: faceName(base, index, data), Data: data, m: m}, nil
}

// faceName makes an ASCII family name that differs when the data differs,
// so two files with the same base name never clash in one PDF.
func faceName(base string, index int, data []byte) string {
	stem := strings.TrimSuffix(base, filepath.Ext(base))
	var b strings.Builder
	for _, r := range strings.ToLower(stem) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return fmt.Sprintf("user-%s-%d-%08x", b.String(), index, crc32.ChecksumIEEE(data))
}
