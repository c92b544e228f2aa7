package pdfout

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jung-kurt/gofpdf"
)

func TestExtractRoundTripMatchesPdfdetach(t *testing.T) {
	r := loadReport(t, "testdata/township-2019.nianbao.json")
	path, pdf := renderFile(t, r, Options{})
	_, data, err := ExtractReport(pdf)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("testdata/township-2019.nianbao.json")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(data, want) {
		t.Error("extracted file differs from the fixture")
	}
	out := filepath.Join(t.TempDir(), "detached.json")
	tool(t, "pdfdetach", "-save", "1", "-o", out, path)
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("pdfdetach gives other bytes than the fixture")
	}
}

func TestExtractRejects(t *testing.T) {
	if _, _, err := ExtractReport([]byte("hello")); err == nil || !strings.Contains(err.Error(), "不是 PDF") {
		t.Errorf("non-PDF: %v", err)
	}
	// a valid PDF without attachment
	pdf := gofpdf.New("P", "mm", "A4", "")
	pdf.AddPage()
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	if _, _, err := ExtractReport(buf.Bytes()); !errors.Is(err, ErrNoReport) {
		t.Errorf("PDF without report: %v", err)
	}
	// an attachment with another name is not the report
	pdf = gofpdf.New("P", "mm", "A4", "")
	pdf.SetAttachments([]gofpdf.Attachment{{Content: []byte("{}"), Filename: "other.json"}})
	pdf.AddPage()
	buf.Reset()
	if err := pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	if _, _, err := ExtractReport(buf.Bytes()); !errors.Is(err, ErrNoReport) {
		t.Errorf("PDF with another attachment: %v", err)
	}
	// a truncated PDF fails with a message, not a panic
	r := loadReport(t, "testdata/township-2019.nianbao.json")
	_, full := renderFile(t, r, Options{})
	for _, n := range []int{len(full) / 2, len(full) - 200, 100} {
		if _, _, err := ExtractReport(full[:n]); err == nil {
			t.Errorf("truncated to %d bytes: no error", n)
		}
	}
}

func TestExtractBadJSON(t *testing.T) {
	pdf := gofpdf.New("P", "mm", "A4", "")
	pdf.SetAttachments([]gofpdf.Attachment{{Content: []byte(`{"kind":"x"}`), Filename: AttachmentName}})
	pdf.AddPage()
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	_, _, err := ExtractReport(buf.Bytes())
	if err == nil || !strings.Contains(err.Error(), "年报数据无法读取") {
		t.Errorf("bad report file: %v", err)
	}
}

// TestExtractAfterResave: a PDF rewritten by another tool with object
// streams and a cross-reference stream (qpdf here) still yields the report.
func TestExtractAfterResave(t *testing.T) {
	r := loadReport(t, "testdata/full-2021.nianbao.json")
	path, _ := renderFile(t, r, Options{})
	want, err := os.ReadFile("testdata/full-2021.nianbao.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"--object-streams=generate"},
		{"--object-streams=generate", "--linearize"},
	} {
		out := filepath.Join(t.TempDir(), "resaved.pdf")
		tool(t, "qpdf", append(args, path, out)...)
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(b, []byte("\ntrailer")) && args[0] == "--object-streams=generate" && len(args) == 1 {
			t.Fatalf("qpdf %v kept a classic trailer; the test would not exercise xref streams", args)
		}
		_, data, err := ExtractReport(b)
		if err != nil {
			t.Fatalf("qpdf %v: %v", args, err)
		}
		if !bytes.Equal(data, want) {
			t.Errorf("qpdf %v: attachment differs", args)
		}
	}
}
