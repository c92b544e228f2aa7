package pdfout

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// keep writes a test input to $NIANBAO_HOSTILE_DIR when set, which is how
// the files of testdata/hostile were made.
func keep(t *testing.T, name string, b []byte) {
	t.Helper()
	if dir := os.Getenv("NIANBAO_HOSTILE_DIR"); dir != "" {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestExtractLinearized: qpdf --linearize puts the catalog in the
// first-page trailer; the last trailer of the file has no /Root.
func TestExtractLinearized(t *testing.T) {
	r := loadReport(t, "testdata/township-2019.nianbao.json")
	path, _ := renderFile(t, r, Options{})
	want, err := os.ReadFile("testdata/township-2019.nianbao.json")
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "linearized.pdf")
	tool(t, "qpdf", "--linearize", path, out)
	if check := tool(t, "qpdf", "--check-linearization", out); !strings.Contains(check, "no linearization errors") {
		t.Fatalf("qpdf did not linearize: %s", check)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	trailers := regexp.MustCompile(`(?s)trailer\s*<<.*?>>\s*startxref`).FindAll(b, -1)
	if len(trailers) < 2 || bytes.Contains(trailers[len(trailers)-1], []byte("/Root")) {
		t.Fatalf("the test needs a last trailer without /Root: %q", trailers)
	}
	keep(t, "linearized.pdf", b)
	x, err := Extract(b)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(x.JSON, want) || x.Suspicious() {
		t.Errorf("linearized: attachment differs or flagged: %v", x.Warnings)
	}
}

// TestExtractTwoAttachments: a second file named report.nianbao.json
// (added with qpdf under another key) is reported, and ExtractReport
// refuses the ambiguous file.
func TestExtractTwoAttachments(t *testing.T) {
	r := loadReport(t, "testdata/township-2019.nianbao.json")
	path, _ := renderFile(t, r, Options{})
	dir := t.TempDir()
	forged := filepath.Join(dir, AttachmentName)
	fake, err := os.ReadFile("testdata/township-2019.nianbao.json")
	if err != nil {
		t.Fatal(err)
	}
	fake = bytes.Replace(fake, []byte(`"year": 2019`), []byte(`"year": 2018`), 1)
	if err := os.WriteFile(forged, fake, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "two.pdf")
	tool(t, "qpdf", path, out, "--add-attachment", forged, "--key=forged", "--filename="+AttachmentName, "--")
	if list := tool(t, "pdfdetach", "-list", out); strings.Count(list, AttachmentName) != 2 {
		t.Fatalf("qpdf did not add the second file:\n%s", list)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	keep(t, "forged-two-attachments.pdf", b)
	x, err := Extract(b)
	if err != nil {
		t.Fatal(err)
	}
	if x.Attachments != 2 || !x.Suspicious() || len(x.Warnings) != 1 || !strings.Contains(x.Warnings[0], "有2个名为") {
		t.Errorf("two attachments: %d, %v", x.Attachments, x.Warnings)
	}
	if _, _, err := ExtractReport(b); !errors.Is(err, ErrSuspectAttachment) || !strings.Contains(err.Error(), "有2个名为") {
		t.Errorf("ExtractReport on two attachments: %v", err)
	}
}

// appendUpdate adds an incremental update to pdf that redefines object
// num as body, the way a PDF editor saves a change.
func appendUpdate(t *testing.T, pdf []byte, num int, body string) []byte {
	t.Helper()
	find := func(re string) int {
		m := regexp.MustCompile(re).FindAllSubmatch(pdf, -1)
		if m == nil {
			t.Fatalf("no %s in the PDF", re)
		}
		n, _ := strconv.Atoi(string(m[len(m)-1][1]))
		return n
	}
	root, size, prev := find(`/Root (\d+) 0 R`), find(`/Size (\d+)`), find(`startxref\s+(\d+)`)
	var b bytes.Buffer
	b.Write(pdf)
	off := b.Len()
	fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", num, body)
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 1\n0000000000 65535 f \n%d 1\n%010d 00000 n \n", num, off)
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root %d 0 R /Prev %d >>\nstartxref\n%d\n%%%%EOF\n", size, root, prev, xref)
	return b.Bytes()
}

// TestExtractReplacedByUpdate: an update appended after printing that
// replaces the attachment stream is reported with the original bytes; an
// update that leaves the attachment alone is not.
func TestExtractReplacedByUpdate(t *testing.T) {
	r := loadReport(t, "testdata/township-2019.nianbao.json")
	_, pdf := renderFile(t, r, Options{})
	orig, err := os.ReadFile("testdata/township-2019.nianbao.json")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`/EF << /F (\d+) 0 R`).FindSubmatch(pdf)
	if m == nil {
		t.Fatal("no /EF in the PDF")
	}
	ef, _ := strconv.Atoi(string(m[1]))
	fake := bytes.Replace(orig, []byte(`"year": 2019`), []byte(`"year": 2018`), 1)
	forged := appendUpdate(t, pdf, ef, fmt.Sprintf("<< /Type /EmbeddedFile /Length %d >>\nstream\n%s\nendstream", len(fake), fake))

	// poppler reads the update as the current file: it is a valid PDF
	path := filepath.Join(t.TempDir(), "forged.pdf")
	if err := os.WriteFile(path, forged, 0o644); err != nil {
		t.Fatal(err)
	}
	saved := filepath.Join(t.TempDir(), "saved.json")
	tool(t, "pdfdetach", "-save", "1", "-o", saved, path)
	if got, _ := os.ReadFile(saved); !bytes.Equal(got, fake) {
		t.Fatal("pdfdetach does not see the forged attachment; the test file is wrong")
	}

	keep(t, "forged-replaced-by-update.pdf", forged)
	x, err := Extract(forged)
	if err != nil {
		t.Fatal(err)
	}
	if !x.Replaced || !bytes.Equal(x.JSON, fake) || !bytes.Equal(x.Original, orig) || x.Report.Year != 2018 {
		t.Errorf("replaced: Replaced=%v, JSON is the forged one: %v, Original is the printed one: %v",
			x.Replaced, bytes.Equal(x.JSON, fake), bytes.Equal(x.Original, orig))
	}
	if len(x.Warnings) != 1 || !strings.Contains(x.Warnings[0], "与最初保存的不同") {
		t.Errorf("warnings: %v", x.Warnings)
	}
	if _, _, err := ExtractReport(forged); !errors.Is(err, ErrSuspectAttachment) {
		t.Errorf("ExtractReport on a replaced attachment: %v", err)
	}

	// An update that changes only the document information is harmless.
	info := find(t, pdf, `/Info (\d+) 0 R`)
	benign := appendUpdate(t, pdf, info, "<< /Producer (another editor) >>")
	x, err = Extract(benign)
	if err != nil {
		t.Fatal(err)
	}
	if x.Suspicious() || !bytes.Equal(x.JSON, orig) {
		t.Errorf("benign update flagged: %v", x.Warnings)
	}
}

func find(t *testing.T, b []byte, re string) int {
	t.Helper()
	m := regexp.MustCompile(re).FindSubmatch(b)
	if m == nil {
		t.Fatalf("no %s", re)
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n
}

// TestExtractBrokenXref: with the cross-reference data pointing nowhere the
// objects are found by their headers, also inside object streams.
func TestExtractBrokenXref(t *testing.T) {
	r := loadReport(t, "testdata/township-2019.nianbao.json")
	path, pdf := renderFile(t, r, Options{})
	want, err := os.ReadFile("testdata/township-2019.nianbao.json")
	if err != nil {
		t.Fatal(err)
	}
	packed := filepath.Join(t.TempDir(), "packed.pdf")
	tool(t, "qpdf", "--object-streams=generate", path, packed)
	pb, err := os.ReadFile(packed)
	if err != nil {
		t.Fatal(err)
	}
	startxref := regexp.MustCompile(`startxref\s+\d+`)
	for name, b := range map[string][]byte{"classic": pdf, "object streams": pb} {
		broken := startxref.ReplaceAll(b, []byte("startxref\n7"))
		if bytes.Equal(broken, b) {
			t.Fatalf("%s: no startxref to break", name)
		}
		x, err := Extract(broken)
		if err != nil {
			t.Errorf("%s with a broken startxref: %v", name, err)
			continue
		}
		if !bytes.Equal(x.JSON, want) || x.Suspicious() {
			t.Errorf("%s: attachment differs or flagged: %v", name, x.Warnings)
		}
	}
}

// TestExtractCountsEveryCopy: a second report file in the catalog's /AF or
// in a page's file attachment annotation is counted; the same file named
// from several places is one.
func TestExtractCountsEveryCopy(t *testing.T) {
	orig, err := os.ReadFile("testdata/township-2019.nianbao.json")
	if err != nil {
		t.Fatal(err)
	}
	fake := bytes.Replace(orig, []byte(`"year": 2019`), []byte(`"year": 2018`), 1)
	stream := func(b []byte) string {
		return fmt.Sprintf("<< /Type /EmbeddedFile /Length %d >>\nstream\n%s\nendstream", len(b), b)
	}
	build := func(af, annotFS string) []byte {
		annots := ""
		if annotFS != "" {
			annots = "/Annots [8 0 R]"
		}
		return assemble(
			"<< /Type /Catalog /Names << /EmbeddedFiles 2 0 R >> /AF ["+af+"] /Pages 6 0 R >>",
			"<< /Names [(report.nianbao.json) 3 0 R] >>",
			"<< /Type /Filespec /F (report.nianbao.json) /EF << /F 4 0 R >> >>",
			stream(orig),
			"<< /Type /Filespec /UF (report.nianbao.json) /EF << /F 9 0 R >> >>",
			"<< /Type /Pages /Kids [7 0 R] /Count 1 >>",
			"<< /Type /Page /Parent 6 0 R "+annots+" >>",
			"<< /Type /Annot /Subtype /FileAttachment /FS "+annotFS+" >>",
			stream(fake))
	}
	for _, c := range []struct {
		name, af, annot string
		want            int
	}{
		{"second file in an annotation", "3 0 R", "5 0 R", 2},
		{"second file in /AF", "3 0 R 5 0 R", "", 2},
		{"the name tree's file also in /AF", "3 0 R", "", 1},
		{"the name tree's file also in an annotation", "", "3 0 R", 1},
	} {
		x, err := Extract(build(c.af, c.annot))
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if x.Attachments != c.want || x.Suspicious() != (c.want > 1) || !bytes.Equal(x.JSON, orig) {
			t.Errorf("%s: %d attachments, warnings %v", c.name, x.Attachments, x.Warnings)
		}
	}
}
