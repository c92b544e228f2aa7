package pdfout

import (
	"bytes"
	"errors"
	"html"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"nianbao/app"
	pfonts "nianbao/pdfout/fonts"
)

// checkPDF runs the acceptance checks of issue 4 on one rendered report.
func checkPDF(t *testing.T, r *app.Report, opt Options) {
	t.Helper()
	path, pdf := renderFile(t, r, opt)
	if !bytes.HasPrefix(pdf, []byte("%PDF-1.7\n")) {
		t.Errorf("header %q, want %%PDF-1.7", pdf[:9])
	}
	if out := tool(t, "qpdf", "--check", path); !strings.Contains(out, "No syntax or stream encoding errors") {
		t.Errorf("qpdf --check:\n%s", out)
	}
	fonts := tool(t, "pdffonts", path)
	lines := strings.Split(strings.TrimSpace(fonts), "\n")
	if len(lines) < 3 {
		t.Errorf("pdffonts lists no fonts:\n%s", fonts)
	}
	for _, ln := range lines[2:] {
		if f := strings.Fields(ln); len(f) < 7 || f[len(f)-5] != "yes" {
			t.Errorf("font not embedded: %s", ln)
		}
	}
	if out := tool(t, "pdfdetach", "-list", path); !strings.Contains(out, "1: "+AttachmentName) {
		t.Errorf("pdfdetach -list:\n%s", out)
	}

	// every paragraph in order
	raw := tool(t, "pdftotext", "-enc", "UTF-8", path, "-")
	flat := squash(raw)
	if opt.Draft {
		flat = strings.ReplaceAll(flat, "草稿", "")
	}
	// pdftotext joins a line ending in a hyphen to the next and drops the
	// hyphen, taking it for a word division: 「0359-」「7522345」
	flat = strings.ReplaceAll(flat, "-", "")
	pos := 0
	for _, want := range expectedText(r) {
		want = strings.ReplaceAll(want, "-", "")
		i := strings.Index(flat[pos:], want)
		if i < 0 {
			t.Errorf("text not found in order after position %d: %q", pos, want)
			continue
		}
		pos += i + len(want)
	}

	// every table number in order, between the section headings
	layout := tool(t, "pdftotext", "-layout", "-enc", "UTF-8", path, "-")
	for i, key := range []string{"t2", "t3", "t4"} {
		from := strings.Index(layout, app.SectionHeadings[i+1])
		to := strings.Index(layout, app.SectionHeadings[i+2])
		if from < 0 || to < from {
			t.Errorf("%s: section headings not found in order", key)
			continue
		}
		got := numberTok.FindAllString(layout[from:to], -1)
		want := tableNumbers(r, key)
		if n, ok := subsequence(got, want); !ok {
			t.Errorf("%s: value %d (%q) not found in order; page text has %v", key, n, want[n], got)
		}
	}

	// 避头尾 and the 28-character line
	for _, ln := range strings.Split(layout, "\n") {
		ln = strings.TrimSpace(ln)
		if ln == "" || pageNum.MatchString(spaces.ReplaceAllString(ln, "")) {
			continue
		}
		rs := []rune(ln)
		if noStart(rs[0]) {
			t.Errorf("line starts with %q: %s", rs[0], ln)
		}
		if noEnd(rs[len(rs)-1]) {
			t.Errorf("line ends with %q: %s", rs[len(rs)-1], ln)
		}
	}
	// lines as poppler finds them on the page (plain pdftotext would join
	// a line ending in a hyphen to the next)
	for _, ln := range bboxLines(t, path) {
		n := 0
		for _, c := range ln {
			if c > 0x2000 && !unicode.IsSpace(c) {
				n++
			}
		}
		// 标点挤压 lets a line hold half a character more per squeezed mark
		squeezable := 0
		for _, c := range ln {
			if strings.ContainsRune(pfonts.SqueezeMarks, c) {
				squeezable++
			}
		}
		if n > gridChars+squeezable/2 {
			t.Errorf("line holds %d CJK characters (max %d): %s", n, gridChars+squeezable/2, ln)
		}
	}

	// the attachment is the report byte for byte, with the printed style
	printed := *r
	printed.Doc.Style = opt.Style
	var js bytes.Buffer
	if err := app.WriteReport(&js, &printed); err != nil {
		t.Fatal(err)
	}
	back, data, err := ExtractReport(pdf)
	if err != nil {
		t.Fatalf("ExtractReport: %v", err)
	}
	if !bytes.Equal(data, js.Bytes()) {
		t.Errorf("attachment differs from the report file (%d vs %d bytes)", len(data), js.Len())
	}
	if back.Unit.Name != r.Unit.Name || back.Year != r.Year {
		t.Errorf("extracted report %s %d", back.Unit.Name, back.Year)
	}
}

func TestFixturesBothStyles(t *testing.T) {
	for _, name := range []string{"full-2021", "township-2019"} {
		for _, style := range []string{app.StyleGongwen, app.StylePublic} {
			for _, seal := range []bool{false, true} {
				t.Run(name+"/"+style+map[bool]string{true: "/seal"}[seal], func(t *testing.T) {
					r := loadReport(t, "testdata/"+name+".nianbao.json")
					opt := Options{Style: style}
					if seal {
						opt.Seal = readSeal(t)
					}
					checkPDF(t, r, opt)
				})
			}
		}
	}
}

// TestSeeds prints every seed report in both styles. Seeds keep the errors
// of their published copies, so they print as drafts.
func TestSeeds(t *testing.T) {
	files, _ := filepath.Glob("../testdata/seeds/*.nianbao.json")
	if len(files) == 0 {
		t.Skip("no seed reports in ../testdata/seeds")
	}
	for _, f := range files {
		for _, style := range []string{app.StyleGongwen, app.StylePublic} {
			t.Run(filepath.Base(f)+"/"+style, func(t *testing.T) {
				checkPDF(t, loadReport(t, f), Options{Style: style, Draft: true})
			})
		}
	}
}

func TestCheckErrorsBlockFinalPrint(t *testing.T) {
	r := loadReport(t, "testdata/full-2021.nianbao.json")
	r.SetCell("t3.new.natural", "29") // breaks 本年新收 + 上年结转 = 办理结果 + 结转下年度
	app.Recompute(r)
	if !app.Check(r, app.CheckOptions{}).HasErrors() {
		t.Fatal("the broken fixture should have check errors")
	}
	err := Render(&bytes.Buffer{}, r, Options{Now: fixedNow})
	var ce *CheckError
	if !errors.As(err, &ce) || len(ce.Findings) == 0 {
		t.Fatalf("Render = %v, want *CheckError with findings", err)
	}
	if !strings.Contains(ce.Error(), "处强制性错误") {
		t.Errorf("message %q", ce.Error())
	}

	path, _ := renderFile(t, r, Options{Draft: true})
	pages := strings.Count(tool(t, "pdfinfo", path), "\n")
	_ = pages
	info := tool(t, "pdfinfo", path)
	if !strings.Contains(info, "【草稿】") {
		t.Errorf("draft title missing in metadata:\n%s", info)
	}
	n := pageCount(t, path)
	for p := 1; p <= n; p++ {
		txt := tool(t, "pdftotext", "-f", itoa(p), "-l", itoa(p), "-enc", "UTF-8", path, "-")
		if !strings.Contains(txt, "草稿") {
			t.Errorf("page %d carries no 草稿 mark", p)
		}
	}
}

func TestMetadata(t *testing.T) {
	r := loadReport(t, "testdata/full-2021.nianbao.json")
	path, _ := renderFile(t, r, Options{})
	info := tool(t, "pdfinfo", path)
	for _, want := range []string{
		"Title:           新绛县人民政府2021年政府信息公开工作年度报告",
		"Author:          新绛县人民政府",
		"Subject:         2021年政府信息公开工作年度报告",
		"Keywords:        政府信息公开 年度报告 2021",
		"Creator:         年报助手",
		"PDF version:     1.7",
	} {
		if !strings.Contains(info, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
	if strings.Contains(info, "草稿") {
		t.Error("final print marked as draft")
	}
}

func TestDeterministicWithSourceDateEpoch(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1642496400")
	r := loadReport(t, "testdata/full-2021.nianbao.json")
	opt := Options{Style: app.StyleGongwen, Seal: readSeal(t)}
	var a, b bytes.Buffer
	if err := Render(&a, r, opt); err != nil {
		t.Fatal(err)
	}
	if err := Render(&b, r.Clone(), opt); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("same input and SOURCE_DATE_EPOCH gave different bytes")
	}
	var d1, d2 bytes.Buffer
	draft := Options{Style: app.StylePublic, Draft: true}
	if err := Render(&d1, r, draft); err != nil {
		t.Fatal(err)
	}
	if err := Render(&d2, r, draft); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(d1.Bytes(), d2.Bytes()) {
		t.Fatal("the same draft gave different bytes")
	}
	if !bytes.Contains(a.Bytes(), []byte("D:20220118090000")) {
		t.Error("creation date does not follow SOURCE_DATE_EPOCH")
	}
	t.Setenv("SOURCE_DATE_EPOCH", "1642500000")
	var c bytes.Buffer
	if err := Render(&c, r, opt); err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(a.Bytes(), c.Bytes()) {
		t.Error("another SOURCE_DATE_EPOCH gave the same bytes")
	}
}

// TestRareNames: 堃, 喆 and 赟 are outside GB2312 and the 楷体 font; they
// must print (from the fallback face), never as a blank.
func TestRareNames(t *testing.T) {
	r := loadReport(t, "testdata/full-2021.nianbao.json")
	path, _ := renderFile(t, r, Options{Style: app.StyleGongwen})
	txt := squash(tool(t, "pdftotext", "-enc", "UTF-8", path, "-"))
	for _, want := range []string{"签发人：王堃", "王堃、李喆、张赟"} {
		if !strings.Contains(txt, want) {
			t.Errorf("%q not in the text", want)
		}
	}
	src := newSetSource(nil)
	for _, ro := range []role{roleFS, roleKT, roleHT, roleXBS, roleST} {
		for _, c := range "堃喆赟" {
			f, d := src.resolve(ro, c)
			if d != c || !f.Has(c) {
				t.Errorf("role %s draws %c with %s as %c", ro, c, f.Name, d)
			}
		}
	}
}

// TestNonBMP: a character above U+FFFF stops a final print with a sentence
// naming it and prints as □ in a draft; it never reaches the PDF writer.
func TestNonBMP(t *testing.T) {
	r := loadReport(t, "testdata/full-2021.nianbao.json")
	r.Text.S6 = "本单位联系人吉（𠮷）先生。"
	err := Render(&bytes.Buffer{}, r, Options{Now: fixedNow})
	var ce *CharError
	if !errors.As(err, &ce) || ce.Char != 0x20BB7 {
		t.Fatalf("Render = %v, want *CharError for U+20BB7", err)
	}
	if msg := err.Error(); !strings.Contains(msg, "U+20BB7") || !strings.Contains(msg, "第六部分") {
		t.Errorf("message %q", msg)
	}
	r.Unit.Name = "𠮷县人民政府"
	path, _ := renderFile(t, r, Options{Draft: true})
	txt := squash(tool(t, "pdftotext", "-enc", "UTF-8", path, "-"))
	if !strings.Contains(txt, "联系人吉（□）先生") {
		t.Errorf("draft does not show the placeholder")
	}
	if info := tool(t, "pdfinfo", path); !strings.Contains(info, "Author:          □县人民政府") {
		t.Errorf("metadata with a non-BMP character:\n%s", info)
	}
}

func TestBadSeal(t *testing.T) {
	r := loadReport(t, "testdata/full-2021.nianbao.json")
	err := Render(&bytes.Buffer{}, r, Options{Seal: []byte("GIF89a not a png"), Now: fixedNow})
	if err == nil || !strings.Contains(err.Error(), "印章图片不是有效的 PNG 文件") {
		t.Errorf("Render with a bad seal = %v", err)
	}
}

// TestTableContinuation: 表三 runs over two pages in the full fixture; the
// header rows and the cut row-spanning label appear again on the second.
func TestTableContinuation(t *testing.T) {
	r := loadReport(t, "testdata/full-2021.nianbao.json")
	path, _ := renderFile(t, r, Options{Style: app.StyleGongwen})
	var pages []int
	for p := 1; p <= pageCount(t, path); p++ {
		txt := squash(tool(t, "pdftotext", "-f", itoa(p), "-l", itoa(p), "-enc", "UTF-8", path, "-"))
		if strings.Contains(txt, "申请人情况") {
			pages = append(pages, p)
			if !strings.Contains(txt, "三、本年度办理结果") {
				t.Errorf("page %d: 表三 without its 三、本年度办理结果 label", p)
			}
			if !strings.Contains(txt, "法人或其他组织") || !strings.Contains(txt, "总计") {
				t.Errorf("page %d: 表三 header rows incomplete", p)
			}
		}
	}
	if len(pages) < 2 {
		t.Fatalf("表三 is on pages %v; the fixture should make it continue on a second page", pages)
	}
}

// TestMinimalReport prints a new, empty report (headings only, empty
// tables, no 署名) in both styles without losing the page structure.
func TestMinimalReport(t *testing.T) {
	for _, style := range []string{app.StyleGongwen, app.StylePublic} {
		r, err := app.NewReport("张坞镇人民政府", app.LevelTownship, 2021)
		if err != nil {
			t.Fatal(err)
		}
		r.Doc.Signature = ""
		path, _ := renderFile(t, r, Options{Style: style, Draft: true})
		txt := squash(tool(t, "pdftotext", "-enc", "UTF-8", path, "-"))
		pos := 0
		for _, h := range app.SectionHeadings {
			i := strings.Index(txt[pos:], h)
			if i < 0 {
				t.Errorf("%s: heading %s missing or out of order", style, h)
				continue
			}
			pos += i + len(h)
		}
		if out := tool(t, "qpdf", "--check", path); !strings.Contains(out, "No syntax or stream encoding errors") {
			t.Errorf("%s: qpdf --check:\n%s", style, out)
		}
	}
}

// TestFontsOption: a role mapped to another face in Options.Fonts is drawn
// with it; the role's bundled face is then not embedded at all.
func TestFontsOption(t *testing.T) {
	r := loadReport(t, "testdata/full-2021.nianbao.json")
	set := pfonts.Default()
	set.Use(pfonts.KT, set.Face(pfonts.FS))
	path, _ := renderFile(t, r, Options{Style: app.StyleGongwen, Fonts: set})
	list := tool(t, "pdffonts", path)
	if strings.Contains(list, "NB-KT-Kai") {
		t.Errorf("楷体 still embedded:\n%s", list)
	}
	if !strings.Contains(list, "+NotoSerifCJKsc-Light") {
		t.Errorf("body font missing:\n%s", list)
	}
	path, _ = renderFile(t, r, Options{Style: app.StyleGongwen})
	if list := tool(t, "pdffonts", path); !strings.Contains(list, "+NB-KT-Kai") {
		t.Errorf("default set does not embed 楷体:\n%s", list)
	}
}

// TestConcurrentRender: the UI may print while another print runs; shared
// fonts are read-only and every call gives the same bytes.
func TestConcurrentRender(t *testing.T) {
	r := loadReport(t, "testdata/township-2019.nianbao.json")
	out := make([][]byte, 4)
	errs := make([]error, 4)
	done := make(chan int)
	for i := range out {
		go func() {
			var b bytes.Buffer
			errs[i] = Render(&b, r.Clone(), Options{Now: fixedNow})
			out[i] = b.Bytes()
			done <- i
		}()
	}
	for range out {
		<-done
	}
	for i := range out {
		if errs[i] != nil {
			t.Fatal(errs[i])
		}
		if !bytes.Equal(out[i], out[0]) {
			t.Errorf("render %d differs", i)
		}
	}
}

var (
	reBboxLine = regexp.MustCompile(`(?s)<line [^>]*>(.*?)</line>`)
	reBboxWord = regexp.MustCompile(`<word [^>]*>([^<]*)</word>`)
)

// bboxLines is the text of every line pdftotext -bbox-layout finds.
func bboxLines(t *testing.T, path string) []string {
	t.Helper()
	var out []string
	for _, m := range reBboxLine.FindAllStringSubmatch(tool(t, "pdftotext", "-bbox-layout", path, "-"), -1) {
		var b strings.Builder
		for _, w := range reBboxWord.FindAllStringSubmatch(m[1], -1) {
			b.WriteString(html.UnescapeString(w[1]))
		}
		out = append(out, b.String())
	}
	return out
}
