package pdfout

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"time"

	"nianbao/app"
	"nianbao/docparts"
	"nianbao/pdfout/fonts"
)

// AttachmentName is the file name of the report inside every PDF.
const AttachmentName = "report.nianbao.json"

// Options control Render.
type Options struct {
	Style string      // app.StyleGongwen or app.StylePublic; "" → r.Doc.Style, then public
	Seal  []byte      // PNG with transparency, optional
	Draft bool        // print anyway with 「草稿」 on every page
	Fonts *fonts.Set  // nil → fonts.Default()
	Prev  *app.Report // previous year for cross-year checks
	Allow []string    // the workspace's LINT-SPAM allow-list
	Now   time.Time   // zero → SOURCE_DATE_EPOCH or time.Now
}

// CheckError is returned when the report has check errors and no draft was asked for.
type CheckError struct{ Findings []app.Finding }

func (e *CheckError) Error() string {
	return fmt.Sprintf("报告有%d处强制性错误，不能打印正式文本；请先修正，或打印草稿。", len(e.Findings))
}

// CharError names a character no bundled font can print (outside the BMP).
type CharError struct {
	Field string
	Char  rune
}

func (e *CharError) Error() string {
	return fmt.Sprintf("%s中的字符“%c”（U+%04X）字库中没有，无法打印；请改用规范汉字，或打印草稿（以“□”代替）。", e.Field, e.Char, e.Char)
}

// Render writes the report as PDF.
func Render(wr io.Writer, r *app.Report, opt Options) error {
	b, err := render(r, opt)
	if err != nil {
		return err
	}
	if _, err := wr.Write(b); err != nil {
		return fmt.Errorf("write pdf: %w", err)
	}
	return nil
}

func render(r *app.Report, opt Options) ([]byte, error) {
	if r == nil {
		return nil, fmt.Errorf("没有可打印的报告")
	}
	if f := r.FormatDef(); f == nil {
		return nil, fmt.Errorf("报告格式“%s”不受支持，无法打印", r.Format)
	}
	if !opt.Draft {
		if res := app.Check(r, app.CheckOptions{Prev: opt.Prev, Allow: opt.Allow}); res.HasErrors() {
			return nil, &CheckError{Findings: res.Errors()}
		}
	}
	style := opt.Style
	if style == "" {
		style = r.Doc.Style
	}
	if style != app.StyleGongwen {
		style = app.StylePublic
	}
	if len(opt.Seal) > 0 {
		if err := CheckSeal(opt.Seal); err != nil { // from the header, before anything decodes it
			return nil, err
		}
	}
	fs := newSetSource(opt.Fonts)
	if !opt.Draft {
		if err := checkGlyphs(r, fs); err != nil {
			return nil, err
		}
	}
	if len(opt.Seal) > 0 {
		// split while the layout runs (the writer waits for it), from a
		// copy: the caller may reuse its slice once Render has returned
		go prepareSeal(bytes.Clone(opt.Seal))
	}
	// the embedded file is what was printed: its doc.style is the style used
	printed := *r
	printed.Doc.Style = style
	var js bytes.Buffer
	if err := app.WriteReport(&js, &printed); err != nil {
		return nil, fmt.Errorf("encode report: %w", err)
	}
	w := newGofpdfWriter()
	l := layoutReport(w, fs, r, style, opt)
	w.attach(AttachmentName, "年报数据（机器可读，年报助手可导入）", js.Bytes())
	return printPages(w, l, fs, meta(r, opt), opt.Draft)
}

// printPages draws a finished layout with its page numbers (and 「草稿」 on
// every page of a draft) and writes the file.
func printPages(w *gofpdfWriter, l *layout, fs fontSource, m metadata, draft bool) ([]byte, error) {
	if draft {
		f, _ := fs.resolve(roleHT, '草')
		l.used.add(f, []rune("草稿"))
	}
	for i := range l.pages {
		l.pageNumberRunes(i + 1)
	}
	for _, f := range l.used.faces {
		w.useSubset(f, l.used.list(f))
	}
	for i, p := range l.pages {
		w.addPage()
		if draft {
			draftMark(w, fs)
		}
		for _, op := range p.ops {
			op(w)
		}
		l.pageNumber(w, i+1)
	}
	if fe := (*FontError)(nil); errors.As(w.err(), &fe) {
		return nil, fe
	} else if err := w.err(); err != nil {
		return nil, fmt.Errorf("layout pdf: %w", err)
	}
	w.setMeta(m)
	out, err := w.output()
	if fe := (*FontError)(nil); errors.As(err, &fe) {
		return nil, fe
	} else if err != nil {
		return nil, fmt.Errorf("write pdf: %w", err)
	}
	return out, nil
}

// document is what the layout sets on the grid: a report, or a letter of
// the superior office (letter.go).
type document struct {
	gongwen              bool
	mark, number, signer string   // 版头, 公文 style only
	title, unit          string   // unit: where a long title breaks first
	titleParts           []string // or the title's meaningful parts
	blocks               func(l *layout) []block
	closing              closing
	banji                banji // 版记; empty for none
	seal                 []byte
}

// reportDocument is the report as a document in style.
func reportDocument(r *app.Report, style string, opt Options) document {
	gw := style == app.StyleGongwen
	d := document{
		gongwen: gw, mark: docparts.IssuerMark(r), number: r.Doc.DocNumber, signer: r.Doc.Signer,
		title: r.Title(), unit: r.Unit.Name,
		blocks:  func(l *layout) []block { return l.bodyBlocks(r) },
		closing: closing{sign: r.Doc.Signature, date: cnDate(r.Doc.Date), seal: gw || len(opt.Seal) > 0},
		seal:    opt.Seal,
	}
	if gw {
		d.closing.note = noteText(r.Doc.Note)
		d.banji = banji{cc: ccText(r.Doc.CC), by: r.Doc.PrintedBy, date: cnDate(r.Doc.PrintedDate)}
	}
	return d
}

// layoutReport lays the report out (see layoutDocument).
func layoutReport(w writer, fs fontSource, r *app.Report, style string, opt Options) *layout {
	return layoutDocument(w, fs, reportDocument(r, style, opt))
}

// layoutDocument lays a document out; when the closing block would stand
// alone, the last two body lines go with it to a new page (gongwen.md §4.4 c).
func layoutDocument(w writer, fs fontSource, d document) *layout {
	b := build(w, fs, d, -1)
	if b.tail >= 0 {
		b = build(w, fs, d, b.tail)
	}
	return b.layout
}

// built is a finished layout; tail ≥ 0 asks for a rebuild that moves the
// last two body lines to a new page with the closing block.
type built struct {
	*layout
	tail int
}

func build(w writer, fs fontSource, d document, breakAt int) built {
	l := newLayout(w, fs)
	l.breakAt = breakAt
	n := 0
	if d.gongwen {
		n = l.header(d.mark, d.number, d.signer)
	}
	l.title(d.title, d.unit, d.titleParts, n)
	l.placeBody(d.blocks(l))
	c, b := d.closing, d.banji
	withBanji := !b.empty()
	need := c.lines()
	if withBanji {
		// the 版记 shares the last page with the closing block and the end
		// of the text: a page holding only the 版记 would carry no 正文
		need += 1 + 1 + len(l.ccLines(b.cc))
	}
	k := l.line - 1
	// tighter first: fewer blank lines above the 署名 keep the block with
	// the text; only then do the last lines go to a new page with it
	for need > 0 && k+need >= gridLines && c.blank() > 0 {
		c.drop++
		need--
	}
	if withBanji && k+need >= gridLines && k+need-1 < gridLines {
		b.tight = true // no empty line above the 版记
		need--
	}
	if need > 0 && k+need >= gridLines {
		if breakAt < 0 && l.bodyLines >= 2 {
			return built{l, l.tailStart()}
		}
		l.newPage()
		k = -1
	}
	l.placeClosing(c, k, d.seal)
	l.closingPage = len(l.pages)
	if withBanji {
		l.placeBanji(b)
	}
	return built{l, -1}
}

// tailStart is the first of the body lines that go to a new page with the
// closing block: the last two, more when that would leave a heading or a
// paragraph's first line behind alone.
func (l *layout) tailStart() int {
	tail := l.bodyLines - 2
	for tail > 0 && (l.lineHeading[tail-1] || l.stats[tail-1].first && !l.stats[tail-1].last) {
		tail--
	}
	return tail
}

// draftMark puts 「草稿」 on a page: a large translucent mark and a small one
// in the top margin that text extraction finds.
func draftMark(w writer, fs fontSource) {
	f, _ := fs.resolve(roleHT, '草')
	w.watermark(f, 120, "草稿")
	w.text(f, smallSize, red, typeRight-2*mm(smallSize), typeTop-8, "草稿", 0, 0)
}

func meta(r *app.Report, opt Options) metadata {
	m := metadata{
		title:    r.Title(),
		author:   r.Unit.Name,
		subject:  fmt.Sprintf("%d年政府信息公开工作年度报告（%s）", r.Year, formatName(r)),
		keywords: fmt.Sprintf("政府信息公开 年度报告 %d %s", r.Year, r.Unit.Name),
		creator:  "年报助手 nianbao",
		date:     now(opt.Now),
	}
	// the printed text and its metadata stay in the BMP
	for _, p := range []*string{&m.title, &m.author, &m.subject, &m.keywords} {
		*p, _ = fonts.SanitizeBMP(*p)
	}
	if opt.Draft {
		m.title = "【草稿】" + m.title
		m.subject = "草稿：" + m.subject
		m.keywords += " 草稿"
	}
	return m
}

func formatName(r *app.Report) string {
	if f := r.FormatDef(); f != nil {
		return f.Name
	}
	return r.Format
}

// now is opt.Now, else SOURCE_DATE_EPOCH for reproducible builds, else the clock.
func now(t time.Time) time.Time {
	if !t.IsZero() {
		return t.UTC()
	}
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			return time.Unix(n, 0).UTC()
		}
	}
	return time.Now().UTC()
}

// checkGlyphs refuses a final print with a character no font can draw —
// anything outside the BMP, which the PDF writer cannot encode, or a rare
// character missing from every face. A draft prints it as □.
func checkGlyphs(r *app.Report, fs *setSource) error {
	fields := []struct{ name, s string }{
		{"单位名称", r.Unit.Name}, {"标题", r.Title()}, {"引言", r.Text.Preface},
		{"第一部分“总体情况”", r.Text.S1}, {"第五部分“存在的主要问题及改进情况”", r.Text.S5},
		{"第六部分“其他需要报告的事项”", r.Text.S6}, {"发文机关标志", r.Doc.IssuerMark},
		{"发文字号", r.Doc.DocNumber}, {"签发人", r.Doc.Signer}, {"署名", r.Doc.Signature},
		{"附注", r.Doc.Note}, {"抄送机关", r.Doc.CC}, {"印发机关", r.Doc.PrintedBy},
	}
	if f := r.FormatDef(); f != nil {
		for _, c := range f.Cells() {
			fields = append(fields, struct{ name, s string }{c.Location, r.Cells[c.ID]})
		}
	}
	for _, f := range fields {
		if m := fs.missing(roleFS, f.s); len(m) > 0 {
			return &CharError{Field: f.name, Char: m[0]}
		}
	}
	return nil
}
