package pdfout

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/docparts"
)

func sampleLetter(gongwen bool) docparts.Letter {
	paras := []string{"你单位报送的2021年政府信息公开工作年度报告（文件“dongguan.pdf”，数据来源：附件数据）已收悉。经审核，发现以下3个问题："}
	for i := 0; i < 12; i++ {
		paras = append(paras, "1．【错误】附件数据与正文不一致：表三 本年新收行 自然人列：正文印的是“5”，附件数据是“8”。")
	}
	return docparts.Letter{
		Gongwen: gongwen, DocNumber: "某政办函〔2022〕3号",
		Title:      "关于东关街道2021年政府信息公开工作年度报告的审核意见",
		TitleParts: []string{"关于东关街道2021年", "政府信息公开工作年度报告的审核意见"},
		To:         "东关街道：", Paragraphs: paras,
		Issuer: "某县人民政府办公室", Date: "2022年1月25日",
	}
}

// A letter of the desk is set like a report: PDF/A-3b without an attached
// file, the title broken between its parts, the body on the grid with no
// line opening with a closing mark, 署名 and date at the end, page numbers.
func TestRenderLetter(t *testing.T) {
	for _, gw := range []bool{true, false} {
		var b bytes.Buffer
		if err := RenderLetter(&b, sampleLetter(gw), nil, fixedNow); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), "letter.pdf")
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		if out := tool(t, "qpdf", "--check", path); !strings.Contains(out, "No syntax or stream encoding errors") || strings.Contains(out, "WARNING") {
			t.Errorf("qpdf --check:\n%s", out)
		}
		if meta := tool(t, "pdfinfo", "-meta", path); !strings.Contains(meta, "<pdfaid:part>3</pdfaid:part>") {
			t.Errorf("no PDF/A identification:\n%s", meta)
		}
		if _, err := Extract(b.Bytes()); err != ErrNoReport {
			t.Errorf("Extract of a letter: %v, want ErrNoReport", err)
		}
		for _, ln := range strings.Split(strings.TrimSpace(tool(t, "pdffonts", path)), "\n")[2:] {
			if f := strings.Fields(ln); f[len(f)-5] != "yes" || f[len(f)-4] != "yes" || !strings.Contains(f[0], "+") {
				t.Errorf("font not embedded as a subset: %s", ln)
			}
		}
		var lines []string
		for _, ln := range strings.Split(tool(t, "pdftotext", "-layout", path, "-"), "\n") {
			if ln = strings.TrimSpace(ln); ln != "" {
				lines = append(lines, strings.Join(strings.Fields(ln), ""))
			}
		}
		text := strings.Join(lines, "\n")
		for _, want := range []string{"关于东关街道2021年\n政府信息公开工作年度报告的审核意见\n东关街道：", "某县人民政府办公室\n2022年1月25日"} {
			if !strings.Contains(text, want) {
				t.Errorf("gongwen %v: no %q in\n%s", gw, want, text)
			}
		}
		if gw != strings.Contains(text, "某县人民政府办公室文件\n某政办函〔2022〕3号") {
			t.Errorf("gongwen %v: 版头 shown %v", gw, !gw)
		}
		if pageCount(t, path) < 2 || !strings.Contains(text, "—2—") {
			t.Errorf("gongwen %v: %d pages, numbers missing:\n%s", gw, pageCount(t, path), text)
		}
		for _, ln := range lines {
			if r := []rune(ln)[0]; strings.ContainsRune("，。、；：）》”’", r) {
				t.Errorf("gongwen %v: line opens with %q: %s", gw, r, ln)
			}
		}
	}
}
