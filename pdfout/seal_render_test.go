package pdfout

import (
	"bytes"
	"strings"
	"testing"
)

// Render, which the window and the desk call directly, checks a seal from
// its header before it decodes it.
func TestRenderRefusesHugeSeal(t *testing.T) {
	r := loadReport(t, "testdata/township-2019.nianbao.json")
	var buf bytes.Buffer
	err := Render(&buf, r, Options{Style: "gongwen", Seal: blankPNG(10000, 10000, 6, 4), Draft: true})
	if err == nil || !strings.Contains(err.Error(), "10000×10000像素") {
		t.Fatalf("Render with a 10000×10000 seal: %v", err)
	}
	if buf.Len() != 0 {
		t.Fatal("bytes were written")
	}
}
