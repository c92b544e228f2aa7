package importer

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jung-kurt/gofpdf"

	"nianbao/pdfout"
)

// refusal runs an import that must fail and returns its Chinese message.
func refusal(t *testing.T, name string, data []byte) string {
	t.Helper()
	res, err := Import(context.Background(), name, data, Options{})
	if err == nil {
		t.Fatalf("%s: imported (%d cells), want a refusal", name, res.Recognised)
	}
	var ie *Error
	if !errors.As(err, &ie) {
		t.Fatalf("%s: error %v is not an *Error", name, err)
	}
	if strings.ContainsAny(ie.Msg, "\n\t") || !strings.HasSuffix(ie.Msg, "。") || !hasHan(ie.Msg) {
		t.Errorf("%s: message %q is not one Chinese sentence", name, ie.Msg)
	}
	return ie.Msg
}

func TestRefuseOldWordAndWPS(t *testing.T) {
	ole := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 504)...)
	for _, name := range []string{"报告.doc", "报告.wps", "改了扩展名.docx"} {
		msg := refusal(t, name, ole)
		want := "请用WPS或Word另存为.docx后再导入"
		if name == "改了扩展名.docx" {
			want = "已加密"
		}
		if !strings.Contains(msg, want) {
			t.Errorf("%s: %q lacks %q", name, msg, want)
		}
	}
}

func TestRefuseNothingRecognisable(t *testing.T) {
	msg := refusal(t, "便条.txt", []byte("明天下午三点开会。\n请带上笔记本。\n"))
	if msg != ErrNothing.Error() {
		t.Errorf("message %q", msg)
	}
	refusal(t, "空.html", []byte("<html><body><p>网站正在维护</p></body></html>"))
}

func TestRefuseTooBig(t *testing.T) {
	p := filepath.Join(t.TempDir(), "big.txt")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(MaxInputSize + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	_, err = ImportFile(context.Background(), p, Options{})
	if err == nil || !strings.Contains(err.Error(), "超过50 MB") {
		t.Fatalf("error %v", err)
	}
	_, err = ImportFile(context.Background(), filepath.Join(t.TempDir(), "没有.txt"), Options{})
	if err == nil || err.Error() != "找不到文件“没有.txt”。" {
		t.Fatalf("missing file: %v", err)
	}
}

// zipOf builds a zip with the given entries.
func zipOf(t *testing.T, entries map[string][]byte) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, data := range entries {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestRefuseHostileOffice(t *testing.T) {
	// A zip bomb: one entry of 300 MB of zeros compresses to about 300 KB.
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("word/document.xml")
	chunk := make([]byte, 1<<20)
	for range 300 {
		w.Write(chunk)
	}
	zw.Close()
	if msg := refusal(t, "bomb.docx", buf.Bytes()); !strings.Contains(msg, "解压后过大") {
		t.Errorf("bomb: %q", msg)
	}
	many := map[string][]byte{}
	for i := range MaxZipEntries + 1 {
		many["x/"+strconv.Itoa(i)] = nil
	}
	if msg := refusal(t, "many.xlsx", zipOf(t, many)); !strings.Contains(msg, "条目过多") {
		t.Errorf("many entries: %q", msg)
	}
	deep := strings.Repeat("<w:p>", MaxXMLDepth+10) + strings.Repeat("</w:p>", MaxXMLDepth+10)
	if msg := refusal(t, "deep.docx", zipOf(t, map[string][]byte{"word/document.xml": []byte(deep)})); !strings.Contains(msg, "结构异常") {
		t.Errorf("deep xml: %q", msg)
	}
	refusal(t, "nobody.docx", zipOf(t, map[string][]byte{"word/styles.xml": []byte("<x/>")}))
	refusal(t, "garbage.xlsx", []byte("PK\x03\x04 not really a zip"))
	refusal(t, "broken.docx", []byte("PK\x03\x04 not really a zip"))
}

func TestDeepHTMLIsBounded(t *testing.T) {
	page := "<html><body>" + strings.Repeat("<div>", 100000) + "二、主动公开政府信息情况" + strings.Repeat("</div>", 100000) + "</body></html>"
	start := time.Now()
	_, err := Import(context.Background(), "deep.html", []byte(page), Options{})
	if err == nil {
		t.Fatal("a page of nested divs imported")
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("took %v", d)
	}
}

// PDF tests share one PDF engine; each starts it only once per process.

func TestRefuseScannedPDF(t *testing.T) {
	pdf := gofpdf.New("P", "mm", "A4", "")
	pdf.AddPage()
	pdf.SetFillColor(120, 120, 120)
	pdf.Rect(20, 20, 170, 250, "F") // a page with no text, as a scanner makes it
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	if msg := refusal(t, "扫描件.pdf", buf.Bytes()); !strings.Contains(msg, "这是扫描件，没有可识别的文字") {
		t.Errorf("scanned: %q", msg)
	}
	if msg := refusal(t, "坏的.pdf", []byte("%PDF-1.7\n garbage")); !strings.Contains(msg, "PDF") {
		t.Errorf("damaged: %q", msg)
	}
}

// renderSeed prints a seed fixture with the app.
func renderSeed(t *testing.T, name string) []byte {
	var buf bytes.Buffer
	if err := pdfout.Render(&buf, loadFixture(t, name), pdfout.Options{Draft: true}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestAppPDFReadsEmbeddedFirst(t *testing.T) {
	want := loadFixture(t, "xinjiang-2021")
	data := renderSeed(t, "xinjiang-2021")
	res, err := Import(context.Background(), "新绛.pdf", data, Options{PrintedText: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Source != SourceEmbedded || res.Report.Unit != want.Unit {
		t.Fatalf("source %s unit %+v", res.Source, res.Report.Unit)
	}
	if d := diffCells(want.Cells, res.Report.Cells); len(d) > 0 {
		t.Errorf("embedded cells differ:\n%s", strings.Join(d, "\n"))
	}
	// The desk compares the embedded data with the printed text.
	if res.Printed == nil || res.Printed.Source != SourceText {
		t.Fatal("no printed-text recognition")
	}
	if d := diffCells(want.Cells, res.Printed.Published); len(d) > 0 {
		t.Errorf("printed cells differ:\n%s", strings.Join(d, "\n"))
	}
	qpdf, err := exec.LookPath("qpdf")
	if err != nil {
		t.Skip("qpdf is not installed; make setup installs it")
	}
	dir := t.TempDir()
	in, stripped, locked := filepath.Join(dir, "in.pdf"), filepath.Join(dir, "stripped.pdf"), filepath.Join(dir, "locked.pdf")
	if err := os.WriteFile(in, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(qpdf, in, "--remove-attachment="+pdfout.AttachmentName, stripped).CombinedOutput(); err != nil && !strings.Contains(string(out), "warning") {
		t.Fatalf("qpdf: %v %s", err, out)
	}
	res, err = ImportFile(context.Background(), stripped, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Source != SourceText {
		t.Errorf("attachment removed, but source %s", res.Source)
	}
	if d := diffCells(want.Cells, res.Published); len(d) > 0 {
		t.Errorf("text-only cells differ:\n%s", strings.Join(d, "\n"))
	}
	if out, err := exec.Command(qpdf, "--encrypt", "secret", "owner", "256", "--", stripped, locked).CombinedOutput(); err != nil {
		t.Fatalf("qpdf encrypt: %v %s", err, out)
	}
	locked2, _ := os.ReadFile(locked)
	if msg := refusal(t, "locked.pdf", locked2); !strings.Contains(msg, "已加密") {
		t.Errorf("encrypted: %q", msg)
	}
}

// Large but legal inputs take time in proportion to their size.
func TestLargeInputsStayFast(t *testing.T) {
	if testing.Short() {
		t.Skip("large inputs skipped in -short mode")
	}
	oneLine := strings.Repeat("本年度未收到政府信息公开申请", 100000)                        // 4 MB, no line break
	manyRows := strings.Repeat("二、主动公开政府信息情况\n规章\t0\t0\t1\n\t\t\t\t\n", 50000) // 50,000 fragments
	wide := "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量" + strings.Repeat("\t0", 500000)
	page := "<html><body><p>二、主动公开政府信息情况</p><table>" + strings.Repeat("<tr><td>规章</td><td>0</td><td>0</td><td>1</td></tr>", 50000) + "</table></body></html>"
	for name, data := range map[string]string{"one-line.txt": oneLine, "rows.txt": manyRows, "wide.txt": wide, "rows.html": page} {
		start := time.Now()
		_, err := Import(context.Background(), name, []byte(data), Options{Year: 2021})
		if err != nil {
			var ie *Error
			if !errors.As(err, &ie) {
				t.Errorf("%s: %v", name, err)
			}
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("%s (%d MB): %v", name, len(data)>>20, d)
		}
		t.Logf("%s: %d KB in %v", name, len(data)>>10, time.Since(start))
	}
}
