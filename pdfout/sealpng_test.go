package pdfout

import (
	"bytes"
	"image/png"
	"testing"
)

// The seal's RGB part decodes to the colours it was given, row by row.
func TestRGBPNGDecodes(t *testing.T) {
	const w, h = 3, 2
	rows := []byte{
		0, 255, 0, 0, 0, 255, 0, 0, 0, 255,
		0, 10, 20, 30, 40, 50, 60, 70, 80, 90,
	}
	data, err := rgbPNG(w, h, rows)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("not a PNG image/png reads: %v", err)
	}
	want := [][3]uint32{{255, 0, 0}, {0, 255, 0}, {0, 0, 255}, {10, 20, 30}, {40, 50, 60}, {70, 80, 90}}
	for i, c := range want {
		r, g, b, a := img.At(i%w, i/w).RGBA()
		if [3]uint32{r >> 8, g >> 8, b >> 8} != c || a != 0xffff {
			t.Errorf("pixel %d = %d %d %d %d, want %v", i, r>>8, g>>8, b>>8, a>>8, c)
		}
	}
}
