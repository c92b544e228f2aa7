// Package officetest runs LibreOffice and poppler for the tests of the
// office exports: conversions in a private profile, PDF text and pages.
package officetest

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"testing"

	"nianbao/app"
)

// Reports are the report files every export is tested with: the seeds and
// the fixtures of app and pdfout, relative to the module root.
var Reports = []string{
	"testdata/seeds/mogu-2023.nianbao.json",
	"testdata/seeds/mogu-2023-clean.nianbao.json",
	"testdata/seeds/shimen-2020.nianbao.json",
	"testdata/seeds/xinjiang-2021.nianbao.json",
	"testdata/seeds/xiyuan-2020.nianbao.json",
	"testdata/seeds/zhangwu-2021.nianbao.json",
	"app/testdata/lint-clean-2020.nianbao.json",
	"app/testdata/lint-clean-2021.nianbao.json",
	"app/testdata/xinjiang-2021.nianbao.json",
	"app/testdata/xinjiang-2021-broken.nianbao.json",
	"pdfout/testdata/full-2021.nianbao.json",
	"pdfout/testdata/township-2019.nianbao.json",
}

// Root is the module root, found from this file.
func Root() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// Soffice finds LibreOffice. Under CI a missing LibreOffice fails the test,
// elsewhere it skips it.
func Soffice(t testing.TB) string {
	t.Helper()
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("LibreOffice (soffice) is needed for this test: apt-get install libreoffice-writer-nogui (make setup)")
	}
	t.Skip("LibreOffice (soffice) not installed; make setup installs it")
	return ""
}

// Convert converts files with LibreOffice into dir (e.g. to "pdf" or
// "csv"), in a profile of its own so that a running office does not interfere.
func Convert(t testing.TB, to, dir string, files ...string) {
	t.Helper()
	bin := Soffice(t)
	profile := "file://" + filepath.ToSlash(filepath.Join(t.TempDir(), "profile"))
	args := append([]string{"-env:UserInstallation=" + profile, "--headless", "--norestore", "--convert-to", to, "--outdir", dir}, files...)
	out, err := exec.Command(bin, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("soffice --convert-to %s: %v\n%s", to, err, out)
	}
}

// Tool runs a poppler tool and returns its output.
func Tool(t testing.TB, name string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Fatalf("%s is needed (apt-get install poppler-utils): %v", name, err)
	}
	out, err := exec.Command(name, args...).Output()
	if err != nil {
		t.Fatalf("%s %v: %v", name, args, err)
	}
	return string(out)
}

var rePages = regexp.MustCompile(`(?m)^Pages:\s+(\d+)`)

// Pages is the page count of a PDF.
func Pages(t testing.TB, pdf string) int {
	t.Helper()
	m := rePages.FindStringSubmatch(Tool(t, "pdfinfo", pdf))
	if m == nil {
		t.Fatalf("pdfinfo %s: no page count", pdf)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// Text is the text of a PDF with all white space removed, so that words a
// renderer spaced out or broke across lines still match.
func Text(t testing.TB, pdf string) string {
	t.Helper()
	return regexp.MustCompile(`\s+`).ReplaceAllString(Tool(t, "pdftotext", "-enc", "UTF-8", pdf, "-"), "")
}

// DiffCells lists the cells whose values differ between two cell maps.
func DiffCells(want, got map[string]string) []string {
	var out []string
	for k, w := range want {
		if got[k] != w {
			out = append(out, k+": want “"+w+"” got “"+got[k]+"”")
		}
	}
	for k, g := range got {
		if _, ok := want[k]; !ok && g != "" {
			out = append(out, k+": want “” got “"+g+"”")
		}
	}
	sort.Strings(out)
	return out
}

// LoadReport reads a report file given relative to the module root with the
// strict reader.
func LoadReport(t testing.TB, rel string) *app.Report {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(Root(), rel))
	if err != nil {
		t.Fatal(err)
	}
	r, err := app.ParseReport(b)
	if err != nil {
		t.Fatalf("%s: %v", rel, err)
	}
	return r
}
