package pdfout

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// grayPNG builds a valid all-black 8-bit grey PNG of w × h pixels without
// holding its pixels in memory (10000 × 10000 gives a 100 KB file).
func grayPNG(w, h int) []byte { return blankPNG(w, h, 0, 1) }

// blankPNG builds a PNG of zero samples: colour type typ (0 grey, 6 RGBA)
// with channels samples per pixel.
func blankPNG(w, h int, typ byte, channels int) []byte {
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	chunk := func(typ string, data []byte) {
		binary.Write(&b, binary.BigEndian, uint32(len(data)))
		c := crc32.NewIEEE()
		c.Write([]byte(typ))
		c.Write(data)
		b.WriteString(typ)
		b.Write(data)
		binary.Write(&b, binary.BigEndian, c.Sum32())
	}
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], uint32(w))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(h))
	ihdr[8], ihdr[9] = 8, typ
	chunk("IHDR", ihdr)
	chunk("IDAT", deflateZeros(h*(w*channels+1))) // filter byte 0 and zero samples per row
	chunk("IEND", nil)
	return b.Bytes()
}

func TestCheckSeal(t *testing.T) {
	if dir := os.Getenv("NIANBAO_HOSTILE_DIR"); dir != "" { // for bench/hostile.sh
		// RGBA like a real seal with transparency: about 400 KB
		if err := os.WriteFile(filepath.Join(dir, "seal-10000x10000.png"), blankPNG(10000, 10000, 6, 4), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := CheckSeal(readSeal(t)); err != nil {
		t.Errorf("the test seal: %v", err)
	}
	small := grayPNG(20, 10)
	if img, err := png.Decode(bytes.NewReader(small)); err != nil || img.Bounds().Dx() != 20 {
		t.Fatalf("grayPNG does not build a valid PNG: %v", err)
	}
	if err := CheckSeal(grayPNG(3000, 3000)); err != nil {
		t.Errorf("3000×3000: %v", err)
	}
	for _, c := range []struct {
		w, h int
		want string
	}{
		{10000, 10000, "10000×10000像素，过大"},
		{3001, 3000, "3001×3000像素，过大"},
		{4001, 10, "4001×10像素，过大"},
	} {
		var err error
		img := grayPNG(c.w, c.h)
		elapsed, peak := measure(func() { err = CheckSeal(img) })
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%d×%d: %v", c.w, c.h, err)
		}
		t.Logf("%d×%d: %v, peak heap %.1f MB", c.w, c.h, elapsed, float64(peak)/1e6)
	}
	if err := CheckSeal([]byte("GIF89a")); err == nil || !strings.Contains(err.Error(), "不是有效的 PNG") {
		t.Errorf("not a PNG: %v", err)
	}
	if err := CheckSeal(make([]byte, MaxSealFile+1)); err == nil || !strings.Contains(err.Error(), "超过 8 MB") {
		t.Errorf("9 MB: %v", err)
	}
}
