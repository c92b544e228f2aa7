// Package docparts turns a report into the parts every editable export
// (Word, web page) prints: the 版头 fields, the title lines, the body as
// paragraphs and tables in print order, the closing block and the 版记
// (gongwen.md §3–§5). The tables themselves come from the format in app.
package docparts

import (
	"fmt"
	"regexp"
	"strings"

	"nianbao/app"
)

// Heading levels of gongwen.md §4.3; Body is an ordinary paragraph.
const (
	Body = 0
	H1   = 1 // 一、 黑体
	H2   = 2 // （一） 楷体
	H3   = 3 // 1. 仿宋
	H4   = 4 // （1） 仿宋
)

// Heading markers; half-width parentheses of web copies are recognised, not rewritten.
var (
	reH1 = regexp.MustCompile(`^[一二三四五六七八九十]+、`)
	reH2 = regexp.MustCompile(`^[（(][一二三四五六七八九十]+[）)]`)
	reH3 = regexp.MustCompile(`^[0-9]+[.．、]`)
	reH4 = regexp.MustCompile(`^[（(][0-9]+[）)]`)
)

// standaloneMax is the longest heading kept with what follows: two lines
// of 28 字.
const standaloneMax = 56

// Para is one paragraph. Head is set in the level's font, Rest in 仿宋: a
// run-in heading holds its first sentence in Head and the text after in Rest.
type Para struct {
	Level      int
	Head, Rest string
	Standalone bool // a heading on its own line: keep it with what follows
}

// Text is the whole paragraph.
func (p Para) Text() string { return p.Head + p.Rest }

// Classify turns one line of narrative text into a paragraph.
func Classify(line string) Para {
	lv := Body
	switch {
	case reH1.MatchString(line):
		lv = H1
	case reH2.MatchString(line):
		lv = H2
	case reH3.MatchString(line):
		lv = H3
	case reH4.MatchString(line):
		lv = H4
	}
	if lv == Body {
		return Para{Rest: line}
	}
	i := strings.Index(line, "。")
	if i < 0 || i+len("。") == len(line) {
		// 「（二）其他需要通过年度报告予以报告的事项。」 is a heading too; a
		// "heading" longer than two lines is a paragraph.
		return Para{Level: lv, Head: line, Standalone: len([]rune(line)) <= standaloneMax}
	}
	cut := i + len("。")
	return Para{Level: lv, Head: line[:cut], Rest: line[cut:]}
}

// Paragraphs splits a narrative field into its non-empty lines.
func Paragraphs(text string) []Para {
	var out []Para
	for _, ln := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		ln = strings.TrimSpace(strings.ReplaceAll(ln, "\u3000", " "))
		if ln != "" {
			out = append(out, Classify(ln))
		}
	}
	return out
}

// Block is one element of the body: a paragraph or a table.
type Block struct {
	Para  *Para
	Table *app.Table
}

// BodyBlocks is the body in print order: preface, 一 with text.s1, 二–四 with
// their tables, 五, 六 (formats.md §2).
func BodyBlocks(r *app.Report) []Block {
	var bs []Block
	text := func(s string) {
		for _, p := range Paragraphs(s) {
			bs = append(bs, Block{Para: &p})
		}
	}
	heading := func(h string) {
		bs = append(bs, Block{Para: &Para{Level: H1, Head: h, Standalone: true}})
	}
	text(r.Text.Preface)
	heading(app.SectionHeadings[0])
	text(r.Text.S1)
	f := r.FormatDef()
	for i, key := range []string{"t2", "t3", "t4"} {
		heading(app.SectionHeadings[i+1])
		if f != nil {
			if t := f.Table(key); t != nil {
				bs = append(bs, Block{Table: t})
			}
		}
	}
	heading(app.SectionHeadings[4])
	text(r.Text.S5)
	heading(app.SectionHeadings[5])
	text(r.Text.S6)
	return bs
}

// ItemText is what a table box shows: its label, or the stored value of its
// cell exactly as stored (an empty cell stays empty).
func ItemText(r *app.Report, it app.Item) string {
	if it.CellID != "" {
		return r.Cells[it.CellID]
	}
	return it.Text
}

// Centered reports whether a box is centred: headers, captions, values and
// row-spanning labels (gongwen.md §7).
func Centered(it app.Item) bool {
	return it.Header || it.Caption || it.CellID != "" || it.RowSpan > 1
}

// Style is the style to print: the asked one, else the report's, else public.
func Style(r *app.Report, asked string) string {
	s := asked
	if s == "" {
		s = r.Doc.Style
	}
	if s != app.StyleGongwen {
		s = app.StylePublic
	}
	return s
}

// IssuerMark is doc.issuer_mark, by default the unit name + 文件 (§3.1).
func IssuerMark(r *app.Report) string {
	if r.Doc.IssuerMark != "" {
		return r.Doc.IssuerMark
	}
	return r.Unit.Name + "文件"
}

// Signers splits doc.signer into names at 、，, and spaces.
func Signers(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return r == '、' || r == '，' || r == ',' || r == '；' || r == ';' || r == ' ' || r == '\u3000'
	})
}

// CNDate writes 2021-01-09 as 2021年1月9日 (7.3.5.4); anything else is kept.
func CNDate(s string) string {
	var y, m, d int
	if _, err := fmt.Sscanf(s, "%d-%d-%d", &y, &m, &d); err != nil || !app.ValidDate(s) {
		return s
	}
	return fmt.Sprintf("%d年%d月%d日", y, m, d)
}

// Note wraps 附注 in full-width parentheses unless it already is (§4.5).
func Note(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.HasPrefix(s, "（") && strings.HasSuffix(s, "）") {
		return s
	}
	return "（" + s + "）"
}

// CC is “抄送：” + names + “。” (§5).
func CC(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	s = strings.TrimPrefix(s, "抄送：")
	if !strings.HasSuffix(s, "。") {
		s += "。"
	}
	return "抄送：" + s
}

// Width is the width of s in 字: a Han character or full-width mark is 1,
// a half-width character ½.
func Width(s string) float64 {
	w := 0.0
	for _, r := range s {
		if r < 0x2E80 {
			w += 0.5
		} else {
			w++
		}
	}
	return w
}

// maxTitleChars is how many 2号 characters fit on a line of the 版心 (§4.1).
const maxTitleChars = 20

// TitleLines breaks the title between the unit name and the year part when
// it is wider than a line, then a part still too wide after 省/市/县/区/镇/乡.
func TitleLines(title, unit string) []string {
	if Width(title) <= maxTitleChars {
		return []string{title}
	}
	parts := []string{title}
	if unit != "" && strings.HasPrefix(title, unit) && len(unit) < len(title) {
		parts = []string{unit, title[len(unit):]}
	} else if i := strings.IndexAny(title, "0123456789"); i > 0 {
		parts = []string{title[:i], title[i:]}
	}
	var out []string
	for _, p := range parts {
		out = append(out, splitPart(p)...)
	}
	return out
}

// PartLines sets a title given as meaningful parts (a letter's subject and
// document name): one line when it fits, else each part on lines of its own.
func PartLines(parts []string) []string {
	if all := strings.Join(parts, ""); Width(all) <= maxTitleChars {
		return []string{all}
	}
	var out []string
	for _, p := range parts {
		out = append(out, splitPart(p)...)
	}
	return out
}

func splitPart(p string) []string {
	var out []string
	for Width(p) > maxTitleChars {
		rs := []rune(p)
		cut, best := -1, 1e9
		for i := range rs {
			w1 := Width(string(rs[:i+1]))
			if w1 > maxTitleChars {
				break
			}
			d := w1 - Width(string(rs[i+1:]))
			if d < 0 {
				d = -d
			}
			if strings.ContainsRune("省市县区镇乡", rs[i]) && i+1 < len(rs) && d < best {
				cut, best = i+1, d
			}
		}
		if cut < 0 {
			// no place name to break after: fill lines
			n := 0
			for w := 0.0; n < len(rs); n++ {
				if w += Width(string(rs[n])); w > maxTitleChars {
					break
				}
			}
			cut = n
		}
		out = append(out, string(rs[:cut]))
		p = string(rs[cut:])
	}
	return append(out, p)
}

// Closing is the 署名/成文日期/附注 block (§4.4, §4.5) and the 版记 (§5).
type Closing struct {
	Signature, Date, Note string
	// Sealed is the 加盖印章 layout: the date 右空四字, the 署名 centred on it.
	Sealed           bool
	CC, PrintedBy    string
	PrintedDate      string  // with 印发
	SignCol, DateCol float64 // left ends in 字 from the left edge of the 版心
}

// gridChars is the number of 字 on a line of the 版心.
const gridChars = 28

// ClosingOf lays out the closing block of a style in columns of 字.
func ClosingOf(r *app.Report, style string) Closing {
	gw := style == app.StyleGongwen
	c := ClosingFor(r.Doc.Signature, CNDate(r.Doc.Date), gw)
	if gw {
		c.Note = Note(r.Doc.Note)
		c.CC = CC(r.Doc.CC)
		c.PrintedBy = r.Doc.PrintedBy
		if d := CNDate(r.Doc.PrintedDate); d != "" {
			c.PrintedDate = d + "印发"
		}
	}
	return c
}

// ClosingFor places a 署名 and a 成文日期 (in Chinese) in columns of 字:
// sealed, the date 右空四字 and the 署名 centred on it; else the 署名 右空二字
// and the date two 字 further right.
func ClosingFor(sign, date string, sealed bool) Closing {
	c := Closing{Signature: sign, Date: date, Sealed: sealed}
	ws, wd := Width(c.Signature), Width(c.Date)
	if sealed {
		c.DateCol = gridChars - 4 - wd
		c.SignCol = c.DateCol + wd/2 - ws/2
		if c.SignCol+ws > gridChars-2 {
			c.SignCol = gridChars - 2 - ws
		}
	} else {
		c.SignCol = gridChars - 2 - ws
		c.DateCol = c.SignCol + 2
		if c.DateCol+wd > gridChars-2 {
			c.DateCol = gridChars - 2 - wd
			c.SignCol = c.DateCol - 2
		}
	}
	c.SignCol, c.DateCol = max(0, c.SignCol), max(0, c.DateCol)
	return c
}

// HasBanji reports whether the 版记 is printed.
func (c Closing) HasBanji() bool { return c.CC != "" || c.PrintedBy != "" || c.PrintedDate != "" }
