package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/assets"
	"nianbao/pdfout/fonts"
)

const (
	pdfFixture = "../../pdfout/testdata/full-2021.nianbao.json"
	pdfSeal    = "../../pdfout/testdata/seal.png"
)

func TestPDFAndExtractRoundTrip(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "report.pdf")
	code, stdout, stderr := cli(t, "pdf", "--style", "gongwen", "--seal", pdfSeal, "--fonts", "builtin", "-o", out, pdfFixture)
	builtin := "仿宋：内置 思源宋体 Light（Noto Serif CJK SC Light）\n" +
		"黑体：内置 思源黑体 Medium（Noto Sans CJK SC Medium）\n" +
		"楷体：内置 霞鹜文楷（LXGW WenKai）\n" +
		"小标宋：内置 思源宋体 Black（Noto Serif CJK SC Black）\n" +
		"宋体：内置 思源宋体（Noto Serif CJK SC Regular）\n"
	if code != exitOK || stdout != builtin || stderr != "" {
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
		{"pdf", "--fonts", "wps", "-o", dir + "/a.pdf", pdfFixture},
		{"extract", pdfFixture}, // not a PDF
		{"extract"},
	} {
		if code, _, stderr := cli(t, args...); code != exitFailure || stderr == "" {
			t.Errorf("%v: exit %d, stderr %q", args, code, stderr)
		}
	}
}

// By default the office's own fonts are used: a 仿宋 installed as
// simfang.ttf (here a copy of a bundled font under that name) draws the body.
func TestPDFUsesOfficeFonts(t *testing.T) {
	fontDir := t.TempDir()
	t.Setenv(fonts.FontDirsEnv, fontDir)
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	t.Setenv("LOCALAPPDATA", t.TempDir())
	simfang := filepath.Join(fontDir, "simfang.ttf")
	if err := os.WriteFile(simfang, assets.FontBody, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "r.pdf")
	code, stdout, stderr := cli(t, "pdf", "-o", out, pdfFixture)
	if code != exitOK || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(lines) != 5 || lines[0] != "仿宋：仿宋（"+simfang+"）" || lines[1] != "黑体：内置 思源黑体 Medium（Noto Sans CJK SC Medium）" {
		t.Errorf("stdout:\n%s", stdout)
	}
	list, err := exec.Command("pdffonts", out).Output()
	if err != nil {
		t.Fatalf("pdffonts: %v", err)
	}
	// the copy keeps the bundled file's own PostScript name, NB-FS-Body;
	// the bundled body font, named after its source, stays the fallback
	if !strings.Contains(string(list), "+NB-FS-Body ") {
		t.Errorf("body not drawn with simfang.ttf:\n%s", list)
	}
	code, stdout, _ = cli(t, "pdf", "--fonts", "builtin", "-o", out, pdfFixture)
	if code != exitOK || !strings.HasPrefix(stdout, "仿宋：内置 ") {
		t.Errorf("--fonts builtin: exit %d, stdout %q", code, stdout)
	}
	if list, _ := exec.Command("pdffonts", out).Output(); strings.Contains(string(list), "NB-FS-Body") {
		t.Errorf("--fonts builtin still uses simfang.ttf:\n%s", list)
	}
}
