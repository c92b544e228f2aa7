package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

const (
	pdfFixture = "../../pdfout/testdata/full-2021.nianbao.json"
	pdfSeal    = "../../pdfout/testdata/seal.png"
)

func TestPDFAndExtractRoundTrip(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "report.pdf")
	code, stdout, stderr := cli(t, "pdf", "--style", "gongwen", "--seal", pdfSeal, "-o", out, pdfFixture)
	if code != exitOK || stdout != "" || stderr != "" {
		t.Fatalf("pdf: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	pdf, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF-1.7")) {
		t.Errorf("not a PDF 1.7 file: %q", pdf[:8])
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Fatalf("pdftotext is needed (apt-get install poppler-utils): %v", err)
	}
	txt, err := exec.Command("pdftotext", "-enc", "UTF-8", out, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(txt), "签发人：王堃") || !strings.Contains(string(txt), "绛政〔2022〕3号") {
		t.Errorf("公文版 head missing from the text:\n%.400s", txt)
	}

	want, err := os.ReadFile(pdfFixture)
	if err != nil {
		t.Fatal(err)
	}
	back := filepath.Join(dir, "back.json")
	if code, _, stderr := cli(t, "extract", out, "-o", back); code != exitOK {
		t.Fatalf("extract: exit %d, %s", code, stderr)
	}
	got, err := os.ReadFile(back)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("extract -o gives other bytes than the input report")
	}
	if code, stdout, _ := cli(t, "extract", out); code != exitOK || stdout != string(want) {
		t.Errorf("extract to stdout: exit %d, %d bytes", code, len(stdout))
	}
}

func TestPDFRefusesReportWithErrors(t *testing.T) {
	out := filepath.Join(t.TempDir(), "x.pdf")
	code, _, stderr := cli(t, "pdf", "-o", out, broken+"T3-BALANCE.nianbao.json")
	if code != exitFinding {
		t.Fatalf("exit %d, want %d; stderr %q", code, exitFinding, stderr)
	}
	if !strings.Contains(stderr, "[T3-BALANCE]") || !strings.Contains(stderr, "强制性错误") {
		t.Errorf("stderr does not list the findings: %q", stderr)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Error("a PDF was written despite the errors")
	}
	if code, _, stderr := cli(t, "pdf", "--draft", "-o", out, broken+"T3-BALANCE.nianbao.json"); code != exitOK {
		t.Fatalf("--draft: exit %d, %s", code, stderr)
	}
	if pdf, err := os.ReadFile(out); err != nil || !bytes.Contains(pdf, []byte("%PDF-1.7")) {
		t.Errorf("--draft wrote no PDF: %v", err)
	}
}

func TestPDFUsageErrors(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"pdf", pdfFixture}, // no -o
		{"pdf", "--style", "red", "-o", dir + "/a.pdf", pdfFixture}, // bad style
		{"pdf", "-o", dir + "/a.pdf", dir + "/missing.json"},        // no such file
		{"pdf", "--seal", dir + "/none.png", "-o", dir + "/a.pdf", pdfFixture},
		{"extract", pdfFixture}, // not a PDF
		{"extract"},
	} {
		if code, _, stderr := cli(t, args...); code != exitFailure || stderr == "" {
			t.Errorf("%v: exit %d, stderr %q", args, code, stderr)
		}
	}
}
