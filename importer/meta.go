package importer

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"nianbao/app"
)

// Section heading keywords: the statutory headings and the variants units use
// (存在的主要问题及整改措施, 工作基本情况, …).
var sectionKeys = [6][]string{
	{"总体情况", "基本情况", "工作概况", "概述"},
	{"主动公开"},
	{"依申请", "公开申请"},
	{"复议", "诉讼"},
	{"问题", "改进", "整改"},
	{"其他", "其它"},
}

var (
	headNumRe = regexp.MustCompile(`^\s*([一二三四五六])\s*[、.．,，]\s*(.*)$`)
	numerals  = map[string]int{"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6}
)

// headingNumber tells whether a line is one of the six section headings.
func headingNumber(s string) (int, bool) {
	if len(s) > 150 {
		return 0, false
	}
	m := headNumRe.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil || len([]rune(s)) > 36 {
		return 0, false
	}
	n := numerals[m[1]]
	rest := normLabel(m[2])
	for _, k := range sectionKeys[n-1] {
		if strings.Contains(rest, k) {
			// 三、本年度办理结果 and 四、结转下年度 are 表三 labels, not headings.
			if strings.Contains(rest, "办理结果") || strings.Contains(rest, "结转") || strings.Contains(rest, "申请数量") {
				return 0, false
			}
			return n, true
		}
	}
	return 0, false
}

func sectionTitle(field string) string {
	switch field {
	case "text.preface":
		return "（前言）"
	case "text.s1":
		return app.SectionHeadings[0]
	case "text.s5":
		return app.SectionHeadings[4]
	case "text.s6":
		return app.SectionHeadings[5]
	}
	return field
}

// para is a paragraph of running text, with the position of its block.
type para struct {
	text  string
	block int
}

var (
	terminal   = "。！？；：”’）)…!?;:"
	subHeadRe  = regexp.MustCompile(`^\s*([(（][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、是]|\d{1,2}\s*[.．、])`)
	digitHanRe = regexp.MustCompile(`(\d)[ \t]+(\p{Han})`)
	hanDigitRe = regexp.MustCompile(`(\p{Han})[ \t]+(\d)`)
	asciiPunct = regexp.MustCompile(`([,;:]) +`)
)

// repair undoes the damage text extraction does to running text: spaces
// between digits and Han characters, and after ASCII , ; :.
func repair(s string) string {
	for range 2 {
		s = digitHanRe.ReplaceAllString(s, "$1$2")
		s = hanDigitRe.ReplaceAllString(s, "$1$2")
	}
	return asciiPunct.ReplaceAllString(s, "$1")
}

// paragraphs joins the text lines into paragraphs: a line that stops in the
// middle of a sentence (a page break, or the page margin of a laid-out page)
// goes on in the next line.
func paragraphs(doc *Doc) []para {
	var out []para
	var cur strings.Builder
	start, open := -1, false
	end := func() {
		if start >= 0 {
			out = append(out, para{text: cur.String(), block: start})
		}
		cur.Reset()
		start, open = -1, false
	}
	for i, b := range doc.Blocks {
		if b.Table != nil {
			end()
			continue
		}
		t := repair(strings.TrimSpace(b.Text))
		if t == "" {
			continue
		}
		if _, head := headingNumber(t); !open || head {
			// A section heading never continues the line before it.
			end()
			start = i
		}
		cur.WriteString(t)
		if doc.Wraps {
			open = b.Wrapped
		} else {
			// Only the line just read decides: a heading or a sentence end closes.
			open = !strings.ContainsAny(lastRune(t), terminal) && !isStandalone(cur.String())
		}
	}
	end()
	return out
}

func lastRune(s string) string {
	if s == "" {
		return ""
	}
	_, n := utf8.DecodeLastRuneInString(s)
	return s[len(s)-n:]
}

// isStandalone: headings, sub-heads and the lines of the signature block end
// without punctuation but are whole.
func isStandalone(s string) bool {
	if len(s) > 120 {
		return false // longer than any heading or name line (36 characters)
	}
	if _, ok := headingNumber(s); ok {
		return true
	}
	n := len([]rune(s))
	if subHeadRe.MatchString(s) && n <= 30 {
		return true
	}
	return n <= 30 && (dateRe.MatchString(s) || strings.HasSuffix(s, "人民政府") || strings.HasSuffix(s, "办公室") ||
		strings.HasSuffix(s, "年度报告") || strings.HasPrefix(s, "签发人") || docNumRe.MatchString(s) || strings.HasSuffix(s, "印发"))
}

var (
	dateRe      = regexp.MustCompile(`^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$`)
	printedRe   = regexp.MustCompile(`^(.*?)\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*印发$`)
	docNumRe    = regexp.MustCompile(`^[\p{Han}]{1,12}[〔\[［(（]\d{4}[〕\]］)）]\s*\d{1,4}\s*号$`)
	signerRe    = regexp.MustCompile(`^签\s*发\s*人\s*[：:]\s*(.+)$`)
	ccRe        = regexp.MustCompile(`^抄\s*送\s*[：:]\s*(.+?)[。.]?$`)
	noteRe      = regexp.MustCompile(`^[（(]\s*(此件[^）)]*)\s*[）)]$`)
	furnitureRe = regexp.MustCompile(`版权所有|ICP备|公网安备|公安备案|网站标识码|扫一扫|分享到|附件下载|浏览器版本|主办单位[：:]|技术支持[：:]|[|｜].*[|｜].*[|｜]`)
	titleRe     = regexp.MustCompile(`^(.*?)\s*(\d{4})\s*年(?:度)?\s*(?:政府)?信息公开(?:工作)?年度报告$`)
	periodRe    = regexp.MustCompile(`统计(?:期限|时间|区间)[^0-9]{0,8}(\d{4})\s*年\s*1\s*月\s*1\s*日`)
	unitRe      = regexp.MustCompile(`(?:^|[，,。；;：:、\s“（(])([\p{Han}]{2,24}?(?:人民政府|街道办事处|管理委员会|管委会|委员会|局|办公室))(?:\d{4}年|把|认真|坚持|未|在|联系|全面|始终|深入)`)
)

type metaInfo struct {
	year, unit Found
	text       app.Text
	doc        app.Doc
	sections   []Section
}

func date(y, m, d string) string {
	var yy, mm, dd int
	fmt.Sscan(y, &yy)
	fmt.Sscan(m, &mm)
	fmt.Sscan(d, &dd)
	s := fmt.Sprintf("%04d-%02d-%02d", yy, mm, dd)
	if !app.ValidDate(s) {
		return ""
	}
	return s
}

// findMeta finds the title, unit, year, the narrative sections and the
// 公文 fields in the paragraphs.
func findMeta(doc *Doc, ps []para) metaInfo {
	var m metaInfo
	section := 0 // 0 before 一、; 1..6 in a section; 7 in the closing block
	var texts [7][]string
	titleAt := -1
	for i, p := range ps {
		t := p.text
		if n, ok := headingNumber(t); ok && n > section && section < 7 {
			section = n
			m.sections = append(m.sections, Section{Field: sectionField(n), Heading: t})
			continue
		}
		if furnitureRe.MatchString(t) {
			// A site's footer or sharing bar: the report has ended, or not begun.
			if section >= 5 {
				section = 7
			}
			continue
		}
		if section == 0 || section == 6 || section == 7 {
			if mm := signerRe.FindStringSubmatch(t); mm != nil && section == 0 {
				m.doc.Signer = strings.TrimSpace(mm[1])
				continue
			}
			if section == 0 && docNumRe.MatchString(t) {
				m.doc.DocNumber = strings.ReplaceAll(t, " ", "")
				continue
			}
			if section == 0 && titleAt < 0 && i+1 < len(ps) && !titleRe.MatchString(strings.ReplaceAll(t, " ", "")) &&
				len([]rune(t)) <= 30 && titleRe.MatchString(strings.ReplaceAll(t+ps[i+1].text, " ", "")) {
				// A title printed on two lines: the name, then the year and the rest.
				ps[i+1].text = t + ps[i+1].text
				continue
			}
			if mm := titleRe.FindStringSubmatch(strings.ReplaceAll(t, " ", "")); mm != nil && section == 0 && titleAt < 0 {
				titleAt = i
				m.doc.Title = strings.ReplaceAll(t, " ", "")
				m.year = Found{Value: mm[2], Where: "标题"}
				if mm[1] != "" {
					m.unit = Found{Value: mm[1], Where: "标题"}
				}
				continue
			}
			if section >= 6 && closing(&m, ps, i) {
				section = 7
				continue
			}
		}
		if section < 7 {
			texts[section] = append(texts[section], t)
		}
	}
	m.text.Preface = strings.Join(texts[0], "\n")
	m.text.S1 = strings.Join(texts[1], "\n")
	m.text.S5 = strings.Join(texts[5], "\n")
	m.text.S6 = strings.Join(texts[6], "\n")
	if m.text.Preface != "" {
		m.sections = append([]Section{{Field: "text.preface", Heading: "（前言）"}}, m.sections...)
	}
	if m.doc.DocNumber != "" || m.doc.Signer != "" || m.doc.PrintedBy != "" {
		m.doc.Style = app.StyleGongwen
	}
	if m.year.Value == "" {
		all := strings.Join(texts[0], "") + strings.Join(texts[1], "")
		if mm := periodRe.FindStringSubmatch(strings.ReplaceAll(all, " ", "")); mm != nil {
			m.year = Found{Value: mm[1], Where: "统计期限"}
		}
	}
	// The unit: the 署名 when it extends the title's name, else the title's
	// name, else a name in the text.
	sig := m.doc.Signature
	switch {
	case sig != "" && (m.unit.Value == "" || strings.HasPrefix(sig, m.unit.Value)):
		m.unit = Found{Value: sig, Where: "署名"}
	case m.unit.Value == "":
		for _, p := range ps {
			if mm := unitRe.FindStringSubmatch(p.text); mm != nil {
				m.unit = Found{Value: mm[1], Where: "正文"}
				break
			}
		}
	}
	return m
}

func sectionField(n int) string {
	switch n {
	case 1:
		return "text.s1"
	case 5:
		return "text.s5"
	case 6:
		return "text.s6"
	}
	return fmt.Sprintf("table.s%d", n)
}

// closing reads the 署名/成文日期 block and the 版记 that follow section 六;
// it reports whether paragraph i belongs to it.
func closing(m *metaInfo, ps []para, i int) bool {
	t := strings.TrimSpace(ps[i].text)
	if mm := printedRe.FindStringSubmatch(t); mm != nil {
		m.doc.PrintedDate = date(mm[2], mm[3], mm[4])
		if mm[1] != "" {
			m.doc.PrintedBy = mm[1]
		}
		return true
	}
	if mm := dateRe.FindStringSubmatch(t); mm != nil {
		if m.doc.Date == "" {
			m.doc.Date = date(mm[1], mm[2], mm[3])
		}
		return true
	}
	if mm := noteRe.FindStringSubmatch(t); mm != nil {
		m.doc.Note = mm[1]
		return true
	}
	if mm := ccRe.FindStringSubmatch(t); mm != nil {
		m.doc.CC = mm[1]
		return true
	}
	// A short name line followed by a date or 印发 line.
	if len([]rune(t)) <= 30 && !strings.ContainsAny(t, "。，,；") && i+1 < len(ps) {
		next := strings.TrimSpace(ps[i+1].text)
		switch {
		case printedRe.MatchString(next):
			m.doc.PrintedBy = t
			return true
		case dateRe.MatchString(next) && m.doc.Signature == "":
			m.doc.Signature = t
			return true
		}
	}
	return false
}

// guessLevel tells the unit level from its name.
func guessLevel(name string) Found {
	where := "由机关名称推断"
	switch {
	case name == "":
		return Found{}
	case strings.Contains(name, "街道") || strings.Contains(name, "镇人民政府") || strings.Contains(name, "乡人民政府"):
		return Found{Value: app.LevelTownship, Where: where}
	case strings.HasSuffix(name, "县人民政府") || strings.HasSuffix(name, "区人民政府") || strings.HasSuffix(name, "旗人民政府"):
		return Found{Value: app.LevelCounty, Where: where}
	case strings.HasSuffix(name, "省人民政府") || strings.HasSuffix(name, "自治区人民政府"):
		return Found{Value: app.LevelProvince, Where: where}
	case strings.HasSuffix(name, "市人民政府"):
		if strings.Count(name, "市") >= 2 || strings.Contains(name, "省") {
			return Found{Value: app.LevelCounty, Where: where}
		}
		return Found{Value: app.LevelCity, Where: where}
	case strings.HasSuffix(name, "人民政府"):
		return Found{Value: app.LevelCounty, Where: where}
	}
	return Found{Value: app.LevelDepartment, Where: where}
}

// Format markers: labels only one format prints (formats.md §3).
var formatMarks = map[string][]string{
	"2019": {"第二十条第九项", "本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "政府集中采购", "其他对外管理服务事项"},
	"2021": {"本年制发件数", "本年废止件数", "现行有效件数", "逾期不补正", "逾期未按收费通知"},
}

// detectFormat tells the format by the labels the document prints.
func detectFormat(doc *Doc) (string, string) {
	var b strings.Builder
	for _, bl := range doc.Blocks {
		if bl.Table == nil {
			b.WriteString(bl.Text)
			continue
		}
		for _, r := range bl.Table.Rows {
			for _, c := range r {
				if !c.Covered {
					b.WriteString(c.Text)
				}
			}
		}
	}
	all := normLabel(b.String())
	hits := map[string][]string{}
	for id, marks := range formatMarks {
		for _, mk := range marks {
			if strings.Contains(all, mk) {
				hits[id] = append(hits[id], mk)
			}
		}
	}
	switch {
	case len(hits["2019"]) == 0 && len(hits["2021"]) == 0:
		return "", ""
	case len(hits["2019"]) > len(hits["2021"]):
		return "2019", fmt.Sprintf("表格中有“%s”等2019年格式的标签", hits["2019"][0])
	case len(hits["2021"]) > len(hits["2019"]):
		return "2021", fmt.Sprintf("表格中有“%s”等2021年格式的标签", hits["2021"][0])
	}
	return "", "表格标签兼有2019年和2021年格式"
}

// lines renders the document as text lines for display.
func (d *Doc) lines() []string {
	var out []string
	for _, b := range d.Blocks {
		if b.Table == nil {
			out = append(out, b.Text)
			continue
		}
		for _, r := range b.Table.Rows {
			var cells []string
			for _, c := range r {
				if !c.Covered {
					cells = append(cells, c.Text)
				}
			}
			out = append(out, strings.Join(cells, "\t"))
		}
	}
	return out
}
