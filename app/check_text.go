package app

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

func itoa(n int) string { return strconv.Itoa(n) }

var fullDigits = strings.NewReplacer("０", "0", "１", "1", "２", "2", "３", "3", "４", "4",
	"５", "5", "６", "6", "７", "7", "８", "8", "９", "9")

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// normText is step 2 of the claim extraction (formats.md §8.3): full-width
// digits become ASCII and spaces next to digits are deleted, undoing what
// text extraction does to “2021 年”.
func normText(s string) string {
	if !needsNorm(s) {
		return s
	}
	s = fullDigits.Replace(s)
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if inlineSpace(r) {
			j := i
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if !inlineSpace(r2) {
					break
				}
				j += n2
			}
			before := i > 0 && isDigit(s[i-1])
			after := j < len(s) && isDigit(s[j])
			if before || after {
				i = j
				continue
			}
		}
		b.WriteString(s[i : i+n])
		i += n
	}
	return b.String()
}

func inlineSpace(r rune) bool { return r == ' ' || r == '\t' || r == '\u3000' || r == '\u00a0' }

// needsNorm reports, in one byte scan, whether normText would change s: a
// full-width digit (EF BC 90–99), or a space or ideographic space next to a digit.
func needsNorm(s string) bool {
	for i := 0; i < len(s); i++ {
		switch b := s[i]; {
		case b == 0xEF && i+2 < len(s) && s[i+1] == 0xBC && s[i+2] >= 0x90 && s[i+2] <= 0x99:
			return true
		case b == ' ' || b == '\t':
			if i > 0 && isDigit(s[i-1]) || i+1 < len(s) && isDigit(s[i+1]) {
				return true
			}
		case b == 0xE3 && i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x80,
			b == 0xC2 && i+1 < len(s) && s[i+1] == 0xA0:
			return true
		}
	}
	return false
}

const nian = "年"

// yearBefore reads the year token `\d{4}年` whose 年 starts at byte i: the
// last four digits before it. ok is false when fewer than four digits precede.
func yearBefore(s string, i int) (year, start int, ok bool) {
	j := i
	for j > 0 && isDigit(s[j-1]) {
		j--
	}
	if i-j < 4 {
		return 0, 0, false
	}
	y, _ := strconv.Atoi(s[i-4 : i])
	return y, i - 4, true
}

// eachYear calls fn for every `\d{4}年` token of s, in text order.
func eachYear(s string, fn func(year, start, end int)) {
	for off := 0; ; {
		k := strings.Index(s[off:], nian)
		if k < 0 {
			return
		}
		i := off + k
		if y, st, ok := yearBefore(s, i); ok {
			fn(y, st, i+len(nian))
		}
		off = i + len(nian)
	}
}

// sentences splits text at 。！？； and line breaks; each piece keeps its end mark.
func sentences(s string, fn func(sent string) bool) {
	start := 0
	for i, r := range s {
		switch r {
		case '。', '！', '？', '；', '\n':
			end := i + utf8.RuneLen(r)
			if r == '\n' {
				end = i
			}
			if sent := strings.TrimSpace(s[start:end]); sent != "" && !fn(sent) {
				return
			}
			start = i + utf8.RuneLen(r)
		}
	}
	if sent := strings.TrimSpace(s[start:]); sent != "" {
		fn(sent)
	}
}

// monthDay reads `{m}月{d}日` from byte i of s.
func monthDay(s string, i int) (month, day string, end int, ok bool) {
	j := i
	for j < len(s) && isDigit(s[j]) {
		j++
	}
	month = s[i:j]
	if !strings.HasPrefix(s[j:], "月") {
		return "", "", 0, false
	}
	j += len("月")
	k := j
	for k < len(s) && isDigit(s[k]) {
		k++
	}
	day = s[j:k]
	if !strings.HasPrefix(s[k:], "日") {
		return "", "", 0, false
	}
	return month, day, k + len("日"), true
}

// xYear is X-YEAR: the year in the title and in the 统计期限.
func (c *checker) xYear() {
	y := c.r.Year
	title := c.r.Title()
	nt := normText(title)
	found, bad := false, 0
	eachYear(nt, func(t, _, _ int) {
		found = true
		if t != y && bad == 0 {
			bad = t
		}
	})
	switch {
	case !found:
		c.add(Finding{Rule: "X-YEAR", Anchor: "doc.title",
			Message: "标题“" + title + "”中没有报告年度（" + itoa(y) + "年）"})
	case bad != 0:
		c.add(Finding{Rule: "X-YEAR", Anchor: "doc.title",
			Message: "标题“" + title + "”中的年份(" + itoa(bad) + ")与报告年度(" + itoa(y) + ")不一致"})
	}
	for _, path := range []string{"text.preface", "text.s1"} {
		text := *c.r.TextField(path)
		if !strings.Contains(text, "统计") {
			continue
		}
		var frag string
		var first, n int
		sentences(normText(text), func(sent string) bool {
			if !strings.Contains(sent, "统计") || !(strings.Contains(sent, "期限") || strings.Contains(sent, "时间") || strings.Contains(sent, "期间")) {
				return true
			}
			from, to, wrong := -1, 0, 0
			eachYear(sent, func(t, st, e int) {
				m, d, end, ok := monthDay(sent, e)
				if !ok || !(m == "1" && d == "1" || m == "12" && d == "31") {
					return
				}
				if from < 0 {
					from = st
				}
				to = end
				if t != y && wrong == 0 {
					wrong = t
				}
			})
			if wrong != 0 {
				n++
				if frag == "" {
					frag, first = sent[from:to], wrong
				}
			}
			return true
		})
		if n > 0 {
			c.add(Finding{Rule: "X-YEAR", Anchor: path,
				Message: "统计期限“" + frag + "”中的年份(" + itoa(first) + ")与报告年度(" + itoa(y) + ")不一致" + countNote(n)})
		}
	}
}

// countNote is the 「（本节共{n}处）」 ending of a text rule with n > 1 occurrences.
func countNote(n int) string {
	if n > 1 {
		return "（本节共" + itoa(n) + "处）"
	}
	return ""
}

// cnDate writes a YYYY-MM-DD date as 2022年2月8日.
func cnDate(d string) string {
	if len(d) != 10 {
		return d
	}
	m, _ := strconv.Atoi(d[5:7])
	day, _ := strconv.Atoi(d[8:10])
	return d[:4] + "年" + itoa(m) + "月" + itoa(day) + "日"
}

// atoi4 reads the year of a valid YYYY-MM-DD date without allocating.
func atoi4(d string) int {
	return int(d[0]-'0')*1000 + int(d[1]-'0')*100 + int(d[2]-'0')*10 + int(d[3]-'0')
}

// deadline returns the publication deadline (条例 第四十九条) in the year
// after the report year, as "-MM-DD".
func (c *checker) deadline() string {
	switch c.r.Unit.Level {
	case LevelDepartment:
		return "-01-31"
	case LevelTownship:
		if d := c.opt.TownshipDeadline; len(d) == 5 && ValidDate("2000-"+d) {
			return "-" + d
		}
		return "-01-31"
	}
	return "-03-31"
}

// xDate is X-DATE: the 成文日期 falls in the next year, before the deadline.
func (c *checker) xDate() {
	d := strings.TrimSpace(c.r.Doc.Date)
	add := func(msg string) {
		c.add(Finding{Rule: "X-DATE", Anchor: "doc.date", Message: msg})
	}
	switch {
	case d == "":
		add("成文日期未填写")
	case !ValidDate(d):
		// The file reader refuses such dates; the editor only offers valid ones.
	case atoi4(d) != c.r.Year+1:
		add("成文日期(" + cnDate(d) + ")应在报告年度的次年(" + itoa(c.r.Year+1) + "年)")
	case d[4:] > c.deadline():
		add("成文日期(" + cnDate(d) + ")晚于公布期限(" + cnDate(d[:4]+c.deadline()) + ")")
	}
}

// hanCount counts Han characters, stopping at limit.
func hanCount(s string, limit int) int {
	n := 0
	for _, r := range s {
		if r >= 0x2E80 && unicode.Is(unicode.Han, r) {
			if n++; n == limit {
				break
			}
		}
	}
	return n
}

// txtEmpty is TXT-EMPTY for sections 一, 五 and 六.
func (c *checker) txtEmpty() {
	t := c.r.Text
	if strings.TrimFunc(t.S1, isSpace) == "" {
		c.add(Finding{Rule: "TXT-EMPTY", Anchor: "text.s1", Message: "“" + SectionHeadings[0] + "”内容为空"})
	}
	if n := hanCount(t.S5, 20); n < 20 {
		c.add(Finding{Rule: "TXT-EMPTY", Anchor: "text.s5",
			Message: "“" + SectionHeadings[4] + "”内容为空或过短（" + itoa(n) + "字），应写明存在的问题和改进情况"})
	}
	if strings.TrimFunc(t.S6, isSpace) == "" {
		c.add(Finding{Rule: "TXT-EMPTY", Anchor: "text.s6", Message: "“" + SectionHeadings[5] + "”内容为空"})
	}
}

var docNumberRe = regexp.MustCompile(`^\S+〔(\d{4})〕([1-9]\d*)号$`)

// docNumber is DOC-NUMBER (gongwen.md §10).
func (c *checker) docNumber() {
	d := c.r.Doc
	v := strings.TrimSpace(d.DocNumber)
	if v == "" {
		return
	}
	msg := ""
	if m := docNumberRe.FindStringSubmatch(v); m == nil {
		msg = "发文字号“" + v + "”格式不规范：年份应用六角括号〔〕括入，序号不编虚位、不加“第”字"
	} else if ValidDate(d.Date) && m[1] != d.Date[:4] {
		msg = "发文字号年份(" + m[1] + ")与成文日期年份(" + d.Date[:4] + ")不一致"
	}
	if msg != "" {
		c.add(Finding{Rule: "DOC-NUMBER", Anchor: "doc.doc_number", Message: msg})
	}
}

// docSigner is DOC-SIGNER: a 上行文 names its 签发人.
func (c *checker) docSigner() {
	if strings.TrimSpace(c.r.Doc.Signer) == "" {
		c.add(Finding{Rule: "DOC-SIGNER", Anchor: "doc.signer",
			Message: "公文版未填写签发人；报送上级机关（上行文）时应当标注签发人（《党政机关公文处理工作条例》第九条）"})
	}
}

// docPrintDate is DOC-PRINTDATE.
func (c *checker) docPrintDate() {
	d := c.r.Doc
	switch p := strings.TrimSpace(d.PrintedDate); {
	case p == "":
		c.add(Finding{Rule: "DOC-PRINTDATE", Anchor: "doc.printed_date", Message: "印发日期未填写"})
	case ValidDate(p) && ValidDate(d.Date) && p < d.Date:
		c.add(Finding{Rule: "DOC-PRINTDATE", Anchor: "doc.printed_date",
			Message: "印发日期(" + cnDate(p) + ")早于成文日期(" + cnDate(d.Date) + ")"})
	}
}

// docCC is DOC-CC: 抄送机关 are separated by “，”.
func (c *checker) docCC() {
	if strings.ContainsAny(c.r.Doc.CC, "、；,") {
		c.add(Finding{Rule: "DOC-CC", Anchor: "doc.cc", Message: "抄送机关之间应以“，”分隔，末尾加“。”"})
	}
}
