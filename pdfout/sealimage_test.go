package pdfout

import (
	"bytes"
	"compress/zlib"
	"image"
	"image/color"
	"image/png"
	"io"
	"testing"
)

// The seal is split once: an opaque RGB PNG and its alpha channel, kept
// for the next print; an opaque image gets no mask.
func TestPrepareSeal(t *testing.T) {
	raw := readSeal(t)
	s, err := prepareSeal(raw)
	if err != nil {
		t.Fatal(err)
	}
	if again, _ := prepareSeal(raw); again != s {
		t.Error("second print decoded the seal again")
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(s.rgb))
	if err != nil || cfg.ColorModel != color.RGBAModel || cfg.Width != 420 || cfg.Height != 420 {
		t.Fatalf("RGB part: %v, %+v", err, cfg)
	}
	zr, err := zlib.NewReader(bytes.NewReader(s.alpha))
	if err != nil {
		t.Fatal(err)
	}
	alpha, err := io.ReadAll(zr)
	if err != nil || len(alpha) != 420*420 {
		t.Fatalf("alpha: %v, %d bytes", err, len(alpha))
	}
	// testdata/seal.png: transparent corners, a strongly inked red ring
	inked := 0
	for _, a := range alpha {
		if a > 128 {
			inked++
		}
	}
	if alpha[0] != 0 || alpha[len(alpha)-1] != 0 || inked < 1000 {
		t.Errorf("corners %d %d, %d inked pixels", alpha[0], alpha[len(alpha)-1], inked)
	}

	img := image.NewRGBA(image.Rect(0, 0, 4, 4))
	for i := range img.Pix {
		img.Pix[i] = 0xFF
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	if s, err := prepareSeal(b.Bytes()); err != nil || s.alpha != nil {
		t.Errorf("opaque image: %v, mask %d bytes", err, len(s.alpha))
	}
}
