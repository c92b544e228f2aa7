package pdfout

import (
	"bytes"
	"compress/zlib"
	"crypto/sha256"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"sync"
)

// sealImage is a seal PNG split once per process: an opaque RGB PNG, which
// gofpdf embeds without decoding (for a PNG with alpha it inflates, splits
// and deflates every pixel on every print, a fifth of the print's time),
// and its alpha channel, deflated, for the /SMask the PDF/A step adds.
type sealImage struct {
	rgb   []byte // PNG
	w, h  int
	alpha []byte // zlib (FlateDecode) of one byte per pixel; nil when opaque
}

var (
	sealMu    sync.Mutex
	sealCache = map[[32]byte]*sealImage{}
)

// maxSealCache bounds the cache: a session prints with one or two seals.
const maxSealCache = 4

// prepareSeal decodes the PNG (already checked by the caller) into a
// sealImage, or returns the cached one.
func prepareSeal(data []byte) (*sealImage, error) {
	key := sha256.Sum256(data)
	sealMu.Lock()
	s := sealCache[key]
	sealMu.Unlock()
	if s != nil {
		return s, nil
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("印章图片不是有效的 PNG 文件：%w", err)
	}
	b := img.Bounds()
	rgb := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	alpha := make([]byte, 0, b.Dx()*b.Dy())
	opaque := true
	nrgba, _ := img.(*image.NRGBA) // what an RGBA PNG decodes to
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			// straight (not premultiplied) colour, as an /SMask without /Matte wants
			var c color.NRGBA
			if nrgba != nil {
				c = nrgba.NRGBAAt(x, y)
			} else {
				c = color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
			}
			i := rgb.PixOffset(x-b.Min.X, y-b.Min.Y)
			rgb.Pix[i], rgb.Pix[i+1], rgb.Pix[i+2], rgb.Pix[i+3] = c.R, c.G, c.B, 0xFF
			alpha = append(alpha, c.A)
			opaque = opaque && c.A == 0xFF
		}
	}
	var out bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&out, rgb); err != nil {
		return nil, fmt.Errorf("encode seal: %w", err)
	}
	s = &sealImage{rgb: out.Bytes(), w: b.Dx(), h: b.Dy()}
	if !opaque {
		var z bytes.Buffer
		zw, _ := zlib.NewWriterLevel(&z, zlib.BestSpeed)
		zw.Write(alpha)
		zw.Close()
		s.alpha = z.Bytes()
	}
	sealMu.Lock()
	if len(sealCache) >= maxSealCache {
		clear(sealCache)
	}
	sealCache[key] = s
	sealMu.Unlock()
	return s, nil
}
