package main

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"nianbao/assets"
	"nianbao/pdfout/fonts"
)

func TestOfficeExports(t *testing.T) {
	dir := t.TempDir()
	docxOut := filepath.Join(dir, "r.docx")
	if code, stdout, stderr := cli(t, "docx", "--style", "gongwen", "-o", docxOut, pdfFixture); code != exitOK || stdout != "" || stderr != "" {
		t.Fatalf("docx: exit %d, %q %q", code, stdout, stderr)
	}
	b, err := os.ReadFile(docxOut)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("docx is not a zip: %v", err)
	}
	found := false
	for _, f := range zr.File {
		found = found || f.Name == "word/document.xml"
	}
	if !found {
		t.Error("docx without word/document.xml")
	}

	xlsxOut := filepath.Join(dir, "r.xlsx")
	if code, _, stderr := cli(t, "xlsx", "-o", xlsxOut, pdfFixture); code != exitOK {
		t.Fatalf("xlsx: exit %d, %s", code, stderr)
	}
	x, err := excelize.OpenFile(xlsxOut)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if got := strings.Join(x.GetSheetList(), ","); got != "表二,表三,表四,数据" {
		t.Errorf("sheets %s", got)
	}
	if v, _ := x.GetCellValue("表三", "J6"); v != "35" {
		t.Errorf("表三 J6 = %q, want 35", v)
	}

	htmlOut := filepath.Join(dir, "r.html")
	if code, _, stderr := cli(t, "html", htmlOut, "-o", htmlOut, pdfFixture); code != exitFailure {
		t.Errorf("two reports: exit %d, %s", code, stderr)
	}
	if code, _, stderr := cli(t, "html", "-o", htmlOut, pdfFixture); code != exitOK {
		t.Fatalf("html: exit %d, %s", code, stderr)
	}
	page, _ := os.ReadFile(htmlOut)
	if !bytes.HasPrefix(page, []byte("<!DOCTYPE html>")) || !bytes.Contains(page, []byte("新绛县人民政府<br>2021年政府信息公开工作年度报告")) {
		t.Errorf("html page: %.200s", page)
	}
}

func TestOfficeExportsRefuseErrors(t *testing.T) {
	dir := t.TempDir()
	for _, cmd := range []string{"docx", "xlsx", "html"} {
		out := filepath.Join(dir, "x."+cmd)
		code, _, stderr := cli(t, cmd, "-o", out, broken+"T3-BALANCE.nianbao.json")
		if code != exitFinding || !strings.Contains(stderr, "[T3-BALANCE]") || !strings.Contains(stderr, "--draft") {
			t.Errorf("%s: exit %d, stderr %q", cmd, code, stderr)
		}
		if _, err := os.Stat(out); !os.IsNotExist(err) {
			t.Errorf("%s: a file was written despite the errors", cmd)
		}
		if code, _, stderr := cli(t, cmd, "--draft", "-o", out, broken+"T3-BALANCE.nianbao.json"); code != exitOK {
			t.Errorf("%s --draft: exit %d, %s", cmd, code, stderr)
		}
		if st, err := os.Stat(out); err != nil || st.Size() == 0 {
			t.Errorf("%s --draft wrote nothing: %v", cmd, err)
		}
	}
}

func TestOfficeUsageErrors(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"docx", pdfFixture}, // no -o
		{"docx", "--style", "red", "-o", dir + "/a.docx", pdfFixture},
		{"xlsx", "--style", "public", "-o", dir + "/a.xlsx", pdfFixture}, // no styles in Excel
		{"html", "-o", dir + "/a.html", dir + "/missing.json"},
		{"docx", "-o", dir + "/no/such/dir/a.docx", pdfFixture},
	} {
		if code, _, stderr := cli(t, args...); code != exitFailure || stderr == "" {
			t.Errorf("%v: exit %d, stderr %q", args, code, stderr)
		}
	}
}

// A 仿宋 installed as simfang.ttf (a copy of a bundled font under that name)
// is named in the Word file; --fonts standard keeps 仿宋_GB2312.
func TestDocxNamesOfficeFonts(t *testing.T) {
	fontDir := t.TempDir()
	t.Setenv(fonts.FontDirsEnv, fontDir)
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	t.Setenv("LOCALAPPDATA", t.TempDir())
	if err := os.WriteFile(filepath.Join(fontDir, "simfang.ttf"), assets.FontBody, 0o644); err != nil {
		t.Fatal(err)
	}
	document := func(args ...string) string {
		out := filepath.Join(t.TempDir(), "r.docx")
		if code, _, stderr := cli(t, append(append([]string{"docx"}, args...), "-o", out, pdfFixture)...); code != exitOK {
			t.Fatalf("exit %d, %s", code, stderr)
		}
		zr, err := zip.OpenReader(out)
		if err != nil {
			t.Fatal(err)
		}
		defer zr.Close()
		for _, f := range zr.File {
			if f.Name == "word/document.xml" {
				rc, _ := f.Open()
				defer rc.Close()
				b, _ := io.ReadAll(rc)
				return string(b)
			}
		}
		t.Fatal("no word/document.xml")
		return ""
	}
	if doc := document(); !strings.Contains(doc, `w:eastAsia="仿宋"`) || strings.Contains(doc, "仿宋_GB2312") {
		t.Error("the installed 仿宋 is not named")
	}
	if doc := document("--fonts", "standard"); !strings.Contains(doc, `w:eastAsia="仿宋_GB2312"`) {
		t.Error("--fonts standard does not name 仿宋_GB2312")
	}
	if code, _, _ := cli(t, "docx", "--fonts", "wps", "-o", filepath.Join(t.TempDir(), "r.docx"), pdfFixture); code != exitFailure {
		t.Errorf("--fonts wps: exit %d", code)
	}
}
