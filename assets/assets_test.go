package assets

import (
	"bytes"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-text/typesetting/font"
	"github.com/jung-kurt/gofpdf"
)

var all = []struct {
	name string
	data []byte
	text string
}{
	{"body", FontBody, "政府信息公开工作年度报告 张堃 李喆 王赟 2024年"},
	{"title", FontTitle, "西园镇人民政府文件（〔2024〕1号）"},
	{"heading", FontHeading, "一、总体情况：主动公开123条"},
	{"kai", FontKai, "（一）主动公开情况。签发人：张三"},
	{"song", FontSong, "抄送：县政府办公室。印发日期：2025年1月10日"},
	{"ui", FontUI, "年报助手 打开 保存 检查 堃喆赟"},
}

// Every bundled font must load in gofpdf, be embedded and give back its
// text: gofpdf only prints a bad font's error, so render and read it back.
func TestFontsEmbedInPDF(t *testing.T) {
	for _, cmd := range []string{"pdffonts", "pdftotext"} {
		if _, err := exec.LookPath(cmd); err != nil {
			t.Skipf("%s not installed (poppler-utils)", cmd)
		}
	}
	for _, f := range all {
		t.Run(f.name, func(t *testing.T) {
			if !bytes.HasPrefix(f.data, []byte{0, 1, 0, 0}) {
				t.Fatalf("not a single TrueType font: header % x", f.data[:4])
			}
			pdf := gofpdf.New("P", "mm", "A4", "")
			pdf.AddUTF8FontFromBytes(f.name, "", f.data)
			pdf.AddPage()
			pdf.SetFont(f.name, "", 16)
			pdf.Text(20, 30, f.text)
			if err := pdf.Error(); err != nil {
				t.Fatalf("gofpdf: %v", err)
			}
			out := filepath.Join(t.TempDir(), f.name+".pdf")
			if err := pdf.OutputFileAndClose(out); err != nil {
				t.Fatalf("write pdf: %v", err)
			}
			fonts, err := exec.Command("pdffonts", out).CombinedOutput()
			if err != nil {
				t.Fatalf("pdffonts: %v\n%s", err, fonts)
			}
			lines := strings.Split(strings.TrimSpace(string(fonts)), "\n")
			if len(lines) != 3 {
				t.Fatalf("want one font, pdffonts says:\n%s", fonts)
			}
			// columns: name type encoding emb sub uni object ID
			cols := strings.Fields(lines[2])
			if len(cols) < 7 || cols[1] != "CID" || cols[len(cols)-5] != "yes" || cols[len(cols)-3] != "yes" {
				t.Errorf("font not embedded as CID TrueType with ToUnicode:\n%s", fonts)
			}
			text, err := exec.Command("pdftotext", out, "-").CombinedOutput()
			if err != nil {
				t.Fatalf("pdftotext: %v\n%s", err, text)
			}
			if got := strings.TrimSpace(string(text)); got != f.text {
				t.Errorf("pdftotext = %q, want %q", got, f.text)
			}
		})
	}
}

// Fyne reads its theme font with go-text; the UI font must parse there and
// map the interface's characters (a collection would crash Fyne).
func TestFontsParseWithGoText(t *testing.T) {
	for _, f := range all {
		face, err := font.ParseTTF(bytes.NewReader(f.data))
		if err != nil {
			t.Errorf("%s: go-text: %v", f.name, err)
			continue
		}
		for _, r := range f.text {
			if r == ' ' {
				continue
			}
			if _, ok := face.NominalGlyph(r); !ok {
				t.Errorf("%s: no glyph for %q", f.name, r)
			}
		}
	}
}
