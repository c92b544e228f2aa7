package pdfout

import (
	"bytes"
	"fmt"
	"image/png"
)

// The seal is printed in a 42 mm circle: 1000 pixels across is already
// 600 dpi. Decoding costs about 20 bytes a pixel (a 10000 × 10000 image
// took 2 GB), so larger images are refused before they are decoded.
const (
	MaxSealSide   = 4000
	MaxSealPixels = 3000 * 3000
	MaxSealFile   = 8 << 20
)

// CheckSeal refuses a seal image that is not a PNG, or whose size would
// take hundreds of MB to decode; it reads only the PNG header.
func CheckSeal(img []byte) error {
	if len(img) > MaxSealFile {
		return fmt.Errorf("印章图片超过 %d MB，请换用较小的图片（1000×1000像素即可）", MaxSealFile>>20)
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(img))
	if err != nil {
		return &sealError{"印章图片不是有效的 PNG 文件，请换用 PNG 格式的印章图片", err}
	}
	if cfg.Width > MaxSealSide || cfg.Height > MaxSealSide || cfg.Width*cfg.Height > MaxSealPixels {
		return fmt.Errorf("印章图片为%d×%d像素，过大，请缩小到3000×3000像素以内（1000×1000像素即可印得清晰）", cfg.Width, cfg.Height)
	}
	return nil
}

// sealError keeps the decoder's English cause out of the sentence shown.
type sealError struct {
	msg   string
	cause error
}

func (e *sealError) Error() string { return e.msg }
func (e *sealError) Unwrap() error { return e.cause }
