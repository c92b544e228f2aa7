package pdfout

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"nianbao/app"
)

// fixedNow keeps test PDFs reproducible.
var fixedNow = time.Date(2022, 1, 18, 9, 0, 0, 0, time.UTC)

func loadReport(t testing.TB, path string) *app.Report {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	r, err := app.ParseReport(b)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return r
}

func readSeal(t testing.TB) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/seal.png")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// renderFile renders r and writes the PDF into a temporary directory.
func renderFile(t testing.TB, r *app.Report, opt Options) (string, []byte) {
	t.Helper()
	if opt.Now.IsZero() {
		opt.Now = fixedNow
	}
	var buf bytes.Buffer
	if err := Render(&buf, r, opt); err != nil {
		t.Fatalf("Render: %v", err)
	}
	p := filepath.Join(t.TempDir(), "report.pdf")
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p, buf.Bytes()
}

// tool runs one of the poppler/qpdf command-line tools.
func tool(t testing.TB, name string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Fatalf("%s is needed for this test (apt-get install poppler-utils qpdf): %v", name, err)
	}
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}

var (
	spaces  = regexp.MustCompile(`\s+`)
	pageNum = regexp.MustCompile(`—\d+—`)
)

// squash removes white space and page numbers, so paragraphs broken over
// lines and pages compare equal to their source.
func squash(s string) string {
	s = spaces.ReplaceAllString(s, "")
	return pageNum.ReplaceAllString(s, "")
}

// expectedText lists what the body must show, in order: title, preface,
// section headings with their text, 署名 and 成文日期.
func expectedText(r *app.Report) []string {
	var out []string
	out = append(out, squash(r.Title()))
	add := func(s string) {
		for _, ln := range strings.Split(s, "\n") {
			if ln = squash(ln); ln != "" {
				out = append(out, ln)
			}
		}
	}
	add(r.Text.Preface)
	out = append(out, app.SectionHeadings[0])
	add(r.Text.S1)
	out = append(out, app.SectionHeadings[1:4]...)
	out = append(out, app.SectionHeadings[4])
	add(r.Text.S5)
	out = append(out, app.SectionHeadings[5])
	add(r.Text.S6)
	if r.Doc.Signature != "" {
		out = append(out, squash(r.Doc.Signature))
	}
	if r.Doc.Date != "" {
		out = append(out, cnDate(r.Doc.Date))
	}
	return out
}

// tableNumbers lists a table's values in reading order (row, then column).
func tableNumbers(r *app.Report, key string) []string {
	t := r.FormatDef().Table(key)
	var out []string
	for row := 0; row < 64; row++ {
		for col := 0; col < t.Cols; col++ {
			for _, it := range t.Items {
				if it.Row == row && it.Col == col && it.CellID != "" && r.Cells[it.CellID] != "" {
					out = append(out, r.Cells[it.CellID])
				}
			}
		}
	}
	return out
}

var numberTok = regexp.MustCompile(`-?\d+(?:\.\d+)?`)

// subsequence reports the first element of want not found in order in have.
func subsequence(have, want []string) (int, bool) {
	i := 0
	for _, h := range have {
		if i < len(want) && h == want[i] {
			i++
		}
	}
	return i, i == len(want)
}

func itoa(n int) string { return strconv.Itoa(n) }

func pageCount(t testing.TB, path string) int {
	t.Helper()
	for _, ln := range strings.Split(tool(t, "pdfinfo", path), "\n") {
		if f := strings.Fields(ln); len(f) == 2 && f[0] == "Pages:" {
			n, _ := strconv.Atoi(f[1])
			return n
		}
	}
	t.Fatal("pdfinfo shows no page count")
	return 0
}
