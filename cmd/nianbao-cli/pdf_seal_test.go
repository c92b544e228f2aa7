package main

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// pngHeader is the signature and IHDR of an RGBA PNG of w × h pixels: all
// that is read before a seal image is refused.
func pngHeader(w, h int) []byte {
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], uint32(w))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(h))
	ihdr[8], ihdr[9] = 8, 6
	binary.Write(&b, binary.BigEndian, uint32(len(ihdr)))
	b.WriteString("IHDR")
	b.Write(ihdr)
	binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(append([]byte("IHDR"), ihdr...)))
	return b.Bytes()
}

func TestPDFRefusesHugeSeal(t *testing.T) {
	dir := t.TempDir()
	seal := filepath.Join(dir, "seal.png")
	os.WriteFile(seal, pngHeader(10000, 10000), 0o644)
	out := filepath.Join(dir, "out.pdf")
	code, _, errs := cli(t, "pdf", "--style", "gongwen", "--seal", seal, "-o", out, pdfFixture)
	if code != exitFailure || !strings.Contains(errs, "10000×10000像素，过大") {
		t.Fatalf("huge seal: exit %d, %q", code, errs)
	}
	if code, _, errs = cli(t, "pdf", "--seal", dir, "-o", out, pdfFixture); code != exitFailure || !strings.Contains(errs, "不是图片文件") {
		t.Fatalf("a folder as seal: exit %d, %q", code, errs)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Error("a PDF was written")
	}
}
