package desk

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func pdftotext(t *testing.T, pdf []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed (make setup)")
	}
	p := filepath.Join(t.TempDir(), "x.pdf")
	if err := os.WriteFile(p, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", p, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	}
	return string(out)
}

// squash drops the spaces and line breaks pdftotext puts into set text.
func squash(s string) string {
	return strings.Join(strings.Fields(s), "")
}

func TestLetterListsTheFindings(t *testing.T) {
	_, b := collectScenario(t)
	u := b.Unit("东关街道")
	when := time.Date(2022, 1, 25, 10, 0, 0, 0, time.UTC)
	l, ok := LetterFor(u, 2021, LetterOptions{Issuer: "某县人民政府办公室", Deadline: "2月10日", Now: when, Gongwen: true, DocNumber: "某政办函〔2022〕3号"})
	if !ok {
		t.Fatal("no letter for a unit with findings")
	}
	var pdf bytes.Buffer
	if err := l.WritePDF(&pdf); err != nil {
		t.Fatal(err)
	}
	text := squash(pdftotext(t, pdf.Bytes()))
	for _, want := range []string{
		"某县人民政府办公室文件", "某政办函〔2022〕3号",
		"关于东关街道2021年政府信息公开工作年度报告的审核意见", "东关街道：",
		"发现以下7个问题（其中须修改的错误3个、须核实或说明的提示4个）",
		"1．【错误】附件数据与正文不一致：表三本年新收行自然人列：正文印的是“5”，附件数据是“8”。",
		"表三本年新收行：总计(5)，自然人(8)",
		"报送时间不晚于2月10日", "2022年1月25日",
	} {
		if !strings.Contains(text, squash(want)) {
			t.Errorf("letter PDF lacks %q\n%s", want, text)
		}
	}
	var docx bytes.Buffer
	if err := l.WriteDOCX(&docx); err != nil {
		t.Fatal(err)
	}
	doc := docxText(t, docx.Bytes())
	// the title in its two lines, as the PDF sets it
	for _, want := range []string{"关于东关街道2021年</w:t>", "政府信息公开工作年度报告的审核意见", "正文印的是“5”，附件数据是“8”", "2022年1月25日"} {
		if !strings.Contains(doc, want) {
			t.Errorf("letter DOCX lacks %q", want)
		}
	}
	if _, ok := LetterFor(b.Unit("北关镇"), 2021, LetterOptions{}); ok {
		t.Error("a letter for a unit that sent nothing")
	}
}

func docxText(t *testing.T, data []byte) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(rc)
			rc.Close()
			return string(b)
		}
	}
	t.Fatal("no word/document.xml")
	return ""
}

// LibreOffice opens the DOCX letter and finds its text.
func TestLetterDOCXOpensInLibreOffice(t *testing.T) {
	if _, err := exec.LookPath("soffice"); err != nil {
		t.Skip("LibreOffice not installed (make setup)")
	}
	_, b := collectScenario(t)
	l, _ := LetterFor(b.Unit("城关镇"), 2021, LetterOptions{Issuer: "某县人民政府办公室"})
	dir := t.TempDir()
	var buf bytes.Buffer
	if err := l.WriteDOCX(&buf); err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(dir, "意见.docx")
	if err := os.WriteFile(in, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("soffice", "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--convert-to", "pdf", "--outdir", dir, in)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	pdf, err := os.ReadFile(filepath.Join(dir, "意见.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	text := squash(pdftotext(t, pdf))
	for _, want := range []string{"关于城关镇2021年政府信息公开工作年度报告的审核意见", "数值(-1)不能为负数"} {
		if !strings.Contains(text, want) {
			t.Errorf("LibreOffice text lacks %q:\n%s", want, text)
		}
	}
}
