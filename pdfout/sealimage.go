package pdfout

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"hash/crc32"
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

// sealEntry is one seal being split or split: a print that needs it while
// another goroutine splits it (render starts that early) waits for it.
type sealEntry struct {
	done chan struct{}
	img  *sealImage
	err  error
}

var (
	sealMu    sync.Mutex
	sealCache = map[[32]byte]*sealEntry{}
)

// maxSealCache bounds the cache: a session prints with one or two seals.
const maxSealCache = 4

// prepareSeal splits the PNG (already checked by the caller) into a
// sealImage once per process.
func prepareSeal(data []byte) (*sealImage, error) {
	key := sha256.Sum256(data)
	sealMu.Lock()
	e := sealCache[key]
	if e != nil {
		sealMu.Unlock()
		<-e.done
		return e.img, e.err
	}
	if len(sealCache) >= maxSealCache {
		clear(sealCache)
	}
	e = &sealEntry{done: make(chan struct{})}
	sealCache[key] = e
	sealMu.Unlock()
	e.img, e.err = splitSeal(data)
	close(e.done)
	return e.img, e.err
}

// splitSeal decodes the PNG into opaque RGB and its alpha channel.
func splitSeal(data []byte) (*sealImage, error) {
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("印章图片不是有效的 PNG 文件：%w", err)
	}
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	// rows of a PNG with filter type 0: each row a 0 byte, then R G B
	raw := make([]byte, 0, h*(1+3*w))
	alpha := make([]byte, 0, w*h)
	opaque := true
	nrgba, _ := img.(*image.NRGBA) // what an RGBA PNG decodes to
	for y := b.Min.Y; y < b.Max.Y; y++ {
		raw = append(raw, 0)
		for x := b.Min.X; x < b.Max.X; x++ {
			// straight (not premultiplied) colour, as an /SMask without /Matte wants
			var c color.NRGBA
			if nrgba != nil {
				c = nrgba.NRGBAAt(x, y)
			} else {
				c = color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
			}
			raw = append(raw, c.R, c.G, c.B)
			alpha = append(alpha, c.A)
			opaque = opaque && c.A == 0xFF
		}
	}
	out, err := rgbPNG(w, h, raw)
	if err != nil {
		return nil, fmt.Errorf("encode seal: %w", err)
	}
	s := &sealImage{rgb: out, w: w, h: h}
	if !opaque {
		z := getDeflater()
		s.alpha = z.deflate(alpha)
		putDeflater(z)
	}
	return s, nil
}

// rgbPNG writes 8-bit RGB rows, each already prefixed with filter type 0,
// as a PNG. image/png tries five filters on every row, which for a seal
// (flat red on white) buys little and cost half of preparing it.
func rgbPNG(w, h int, rows []byte) ([]byte, error) {
	var out bytes.Buffer
	out.WriteString("\x89PNG\r\n\x1a\n")
	chunk := func(typ string, data []byte) {
		var n [4]byte
		binary.BigEndian.PutUint32(n[:], uint32(len(data)))
		out.Write(n[:])
		crc := crc32.NewIEEE()
		crc.Write([]byte(typ))
		crc.Write(data)
		out.WriteString(typ)
		out.Write(data)
		binary.BigEndian.PutUint32(n[:], crc.Sum32())
		out.Write(n[:])
	}
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(w))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(h))
	ihdr[8], ihdr[9] = 8, 2 // 8 bits, truecolour; compression, filter, interlace 0
	chunk("IHDR", ihdr[:])
	z := getDeflater()
	chunk("IDAT", z.deflate(rows))
	putDeflater(z)
	chunk("IEND", nil)
	return out.Bytes(), nil
}
