package app

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

type lintText struct{ path, name, text string }

// normOf returns a narrative section after normText, computed once per run.
func (c *checker) normOf(path string) string {
	if t, ok := c.norm[path]; ok {
		return t
	}
	if c.norm == nil {
		c.norm = make(map[string]string, 4)
	}
	t := normText(*c.r.TextField(path))
	c.norm[path] = t
	return t
}

// sentencesOf returns the sentences of a normalised section, split once per run.
func (c *checker) sentencesOf(path string) []string {
	if ss, ok := c.sents[path]; ok {
		return ss
	}
	if c.sents == nil {
		c.sents = make(map[string][]string, 4)
	}
	var ss []string
	sentences(c.normOf(path), func(sent string) bool {
		ss = append(ss, sent)
		return true
	})
	c.sents[path] = ss
	return ss
}

// lintTexts are the narrative sections after normalisation, in anchor
// order, collected once per run.
func (c *checker) lintTexts() []lintText {
	if c.done.texts {
		return c.texts
	}
	c.done.texts = true
	for _, p := range TextFields {
		if t := c.normOf(p); strings.TrimSpace(t) != "" {
			c.texts = append(c.texts, lintText{p, sectionName(p), t})
		}
	}
	return c.texts
}

// hit is one occurrence of a text rule; the finding describes the first.
type hit struct {
	pos int
	msg string
}

// report adds one finding per section for a text rule: the first hit in
// text order, with 「（本节共{n}处）」 when there are several.
func (c *checker) report(rule, path string, hits []hit) {
	if len(hits) == 0 {
		return
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].pos < hits[j].pos })
	c.add(Finding{Rule: rule, Anchor: path, Message: hits[0].msg + countNote(len(hits))})
}

func (c *checker) t2StockMin() {
	for _, k := range []string{"rule", "normdoc"} {
		eff, cell := c.val("t2." + k + ".effective")
		iss, _ := c.val("t2." + k + ".issued")
		rep, _ := c.val("t2." + k + ".repealed")
		if eff.State == NotNumber || iss.State == NotNumber || rep.State == NotNumber {
			c.skip("T2-STOCK-MIN", cell.ID, SkipNotNumber)
			continue
		}
		r := iss.Num.Sub(rep.Num)
		if eff.Num.Cmp(r) >= 0 {
			continue
		}
		c.add(cmpFinding(Finding{Rule: "T2-STOCK-MIN", Anchor: cell.ID,
			Cells: []string{"t2." + k + ".issued", "t2." + k + ".repealed", cell.ID},
			Message: "表二 " + cell.RowName + "：现行有效件数" + show(eff) + "小于本年制发件数" + show(iss) + "−本年废止件数" + show(rep) +
				"=" + r.String() + "，相差" + eff.Num.Sub(r).Abs().String()}, eff.Num, r))
	}
}

func (c *checker) t2DeltaNeg() {
	for _, g := range []string{"license", "otherservice", "penalty", "coercion", "fee"} {
		prev, _ := c.val("t2." + g + ".prev")
		delta, cell := c.val("t2." + g + ".delta")
		if prev.State != Number || delta.State != Number {
			continue
		}
		l := prev.Num.Add(delta.Num)
		if l.Sign() >= 0 {
			continue
		}
		c.add(cmpFinding(Finding{Rule: "T2-DELTA-NEG", Anchor: cell.ID, Cells: []string{"t2." + g + ".prev", cell.ID},
			Message: "表二 " + cell.RowName + "：上一年项目数量" + show(prev) + "+本年增/减" + show(delta) + "=" + l.String() + "，本年项目数量不能为负"},
			l, DecimalOf(0)))
	}
}

func (c *checker) t2ProcPair() {
	items, _ := c.val("t2.procurement.items")
	amount, _ := c.val("t2.procurement.amount")
	if items.State != Number || amount.State != Number {
		return
	}
	a, b := items.Num.Sign(), amount.Num.Sign()
	if a == 0 && b > 0 || b == 0 && a > 0 {
		c.add(Finding{Rule: "T2-PROC-PAIR", Anchor: "t2.procurement.amount", Cells: []string{"t2.procurement.items", "t2.procurement.amount"},
			Message: "表二 政府集中采购：采购项目数量" + show(items) + "与采购总金额" + show(amount) + "应同为0或同不为0"})
	}
}

// xStock is X-STOCK: 现行有效件数 carries over between two 2021-format years.
func (c *checker) xStock() {
	p := c.opt.Prev
	for _, k := range []string{"rule", "normdoc"} {
		anchor := "t2." + k + ".effective"
		if c.r.Year < 2022 { // the year before used the 2019 format
			c.skip("X-STOCK", anchor, SkipFormat)
			continue
		}
		if p == nil || p.Year != c.r.Year-1 || p.Format != "2021" {
			c.skip("X-STOCK", anchor, SkipNoPrevious)
			continue
		}
		eff, cell := c.val(anchor)
		iss, _ := c.val("t2." + k + ".issued")
		rep, _ := c.val("t2." + k + ".repealed")
		pe := ParseValue(p.Cells[anchor])
		if eff.State == NotNumber || iss.State == NotNumber || rep.State == NotNumber || pe.State == NotNumber {
			c.skip("X-STOCK", anchor, SkipNotNumber)
			continue
		}
		r := pe.Num.Add(iss.Num).Sub(rep.Num)
		if eff.Num.Cmp(r) == 0 {
			continue
		}
		c.add(cmpFinding(Finding{Rule: "X-STOCK", Anchor: anchor,
			Cells: []string{"t2." + k + ".issued", "t2." + k + ".repealed", anchor},
			Message: "表二 " + cell.RowName + "：现行有效件数" + show(eff) + "，" + itoa(p.Year) + "年现行有效件数" + show(pe) +
				"+本年制发件数" + show(iss) + "−本年废止件数" + show(rep) + "=" + r.String() + "，相差" + eff.Num.Sub(r).Abs().String()}, eff.Num, r))
	}
}

// txtS1Gov is TXT-S1-GOV: a 人民政府 reports 考核、评议 and 责任追究 (条例 第五十条).
func (c *checker) txtS1Gov() {
	if !strings.HasSuffix(strings.TrimSpace(c.r.Unit.Name), "人民政府") {
		return
	}
	s1 := c.r.Text.S1
	var missing []string
	if !strings.Contains(s1, "考核") {
		missing = append(missing, "工作考核")
	}
	if !strings.Contains(s1, "评议") {
		missing = append(missing, "社会评议")
	}
	if !strings.Contains(s1, "追究") && !strings.Contains(s1, "追责") && !strings.Contains(s1, "问责") {
		missing = append(missing, "责任追究")
	}
	if len(missing) > 0 {
		c.add(Finding{Rule: "TXT-S1-GOV", Anchor: "text.s1",
			Message: "一、总体情况：人民政府的年度报告应包括工作考核、社会评议和责任追究结果情况（条例第五十条），文中未提及：" + strings.Join(missing, "、")})
	}
}

var (
	reCutoff = regexp.MustCompile(`^(截至|截止到|截止)\s*([0-9]{4})年12月(31日|底)`)
)

// lintYear is LINT-YEAR: malformed years, last year's opening sentences, and
// cut-off dates of another year.
func (c *checker) lintYear(texts []lintText) {
	y := c.r.Year
	for _, t := range texts {
		var hits []hit
		for off := 0; ; {
			k := strings.Index(t.text[off:], nian)
			if k < 0 {
				break
			}
			i := off + k
			j := i
			for j > 0 && isDigit(t.text[j-1]) {
				j--
			}
			if i-j >= 5 {
				hits = append(hits, hit{j, t.name + "：“" + t.text[j:i+len(nian)] + "”年份格式有误"})
			}
			off = i + len(nian)
		}
		if t.path == "text.preface" || t.path == "text.s1" {
			off := 0
			for _, sent := range c.sentencesOf(t.path) {
				i := strings.Index(t.text[off:], sent) + off
				off = i + len(sent)
				if z, ok := leadingYear(sent); ok && z >= y-10 && z <= y-1 {
					hits = append(hits, hit{i, t.name + "：句子“" + sent + "”以" + itoa(z) + "年开头，而报告年度为" + itoa(y) + "年，疑似沿用往年文字"})
				}
			}
		}
		if !strings.Contains(t.text, "截") {
			c.report("LINT-YEAR", t.path, hits)
			continue
		}
		for off := 0; ; {
			k := strings.Index(t.text[off:], "截")
			if k < 0 {
				break
			}
			i := off + k
			off = i + len("截")
			m := reCutoff.FindStringSubmatchIndex(t.text[i:])
			if m == nil {
				continue
			}
			if z := t.text[i+m[4] : i+m[5]]; z != itoa(y) {
				hits = append(hits, hit{i, t.name + "：“" + t.text[i:i+m[1]] + "”中的截止年份(" + z + ")与报告年度(" + itoa(y) + ")不一致"})
			}
			off = i + m[1]
		}
		c.report("LINT-YEAR", t.path, hits)
	}
}

// leadingYear reads the `{Z}年` a sentence starts with (年度 included); a
// comparison such as 与2023年相比 does not start with a year.
func leadingYear(sent string) (int, bool) {
	if len(sent) < 4+len(nian) || !strings.HasPrefix(sent[4:], nian) {
		return 0, false
	}
	z := 0
	for i := range 4 {
		if !isDigit(sent[i]) {
			return 0, false
		}
		z = z*10 + int(sent[i]-'0')
	}
	return z, true
}

// ownCore reduces a unit name to its core (漳平市西园镇人民政府 → 西园).
func ownCore(name string) string {
	for _, s := range []string{"人民政府", "政府", "办事处"} {
		if r, ok := strings.CutSuffix(name, s); ok {
			name = r
			break
		}
	}
	for _, s := range []string{"街道", "镇", "乡", "县", "区", "旗"} {
		if r, ok := strings.CutSuffix(name, s); ok {
			name = r
			break
		}
	}
	if i := strings.LastIndexAny(name, "省市州盟县区旗"); i >= 0 {
		_, n := utf8.DecodeRuneInString(name[i:])
		name = name[i+n:]
	}
	return name
}

var unitSuffixes = map[string][]string{
	LevelTownship: {"镇人民政府", "乡人民政府", "街道办事处"},
	LevelCounty:   {"县人民政府", "区人民政府", "旗人民政府"},
}

const genericLast = "以在由经向对和及与同为本我全各该此原市省区乡镇城村"

// lintUnit is LINT-UNIT: the name of another unit of the same level.
func (c *checker) lintUnit(texts []lintText) {
	sufs := unitSuffixes[c.r.Unit.Level]
	if sufs == nil {
		return
	}
	core := ownCore(c.r.Unit.Name)
	for _, t := range texts {
		var hits []hit
		for _, suf := range sufs {
			for off := 0; ; {
				k := strings.Index(t.text[off:], suf)
				if k < 0 {
					break
				}
				i := off + k
				off = i + len(suf)
				j := i
				for j > 0 {
					r, n := utf8.DecodeLastRuneInString(t.text[:j])
					if !unicode.Is(unicode.Han, r) {
						break
					}
					j -= n
				}
				run := t.text[j:i]
				if core != "" && strings.HasSuffix(run, core) {
					continue
				}
				last, _ := utf8.DecodeLastRuneInString(run)
				if utf8.RuneCountInString(run) < 2 || strings.ContainsRune(genericLast, last) {
					continue
				}
				tail := []rune(run)
				if len(tail) > 4 {
					tail = tail[len(tail)-4:]
				}
				hits = append(hits, hit{j, t.name + "：出现其他单位名称“" + string(tail) + suf + "”，本单位为" + c.r.Unit.Name + "，疑似套用他人文字"})
			}
		}
		c.report("LINT-UNIT", t.path, hits)
	}
}

var (
	reURL = regexp.MustCompile(`(?i)(https?://|www\.)[A-Za-z0-9./:_?=&%#~+\-]+|[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}`)
)

// urlSpans finds URLs and e-mail addresses, which lint rules skip.
func urlSpans(s string) [][]int {
	if !strings.Contains(s, "@") && !strings.Contains(s, "www") && !strings.Contains(s, "WWW") && !strings.Contains(s, "://") {
		return nil
	}
	return reURL.FindAllStringIndex(s, -1)
}

// inSpans reports whether [a,b) overlaps one of the spans.
func inSpans(spans [][]int, a, b int) bool {
	for _, s := range spans {
		if a < s[1] && b > s[0] {
			return true
		}
	}
	return false
}

func isASCIILetter(b byte) bool { return b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' }

// lintPlaceholder is LINT-PLACEHOLDER, on the title and every section.
func (c *checker) lintPlaceholder(texts []lintText) {
	all := append([]lintText{{"doc.title", "标题", normText(c.r.Title())}}, texts...)
	for _, t := range all {
		var hits []hit
		placeholders(t.text, func(a, b int) {
			hits = append(hits, hit{a, t.name + "：出现占位文字“" + t.text[a:b] + "”，请替换为实际内容"})
		})
		c.report("LINT-PLACEHOLDER", t.path, hits)
	}
}

func isXMark(r rune) bool { return r == 'X' || r == 'x' || r == 'Ｘ' || r == 'ｘ' || r == '×' }

var placeholderWords = []string{"请填写", "待填写", "待补充", "此处填写", "单位名称", "TODO"}

// placeholders calls fn for each placeholder of formats.md LINT-PLACEHOLDER,
// in text order, in one pass: runs of X/×/*, X月X日, 某某, □□, ___, fixed
// words, and a date whose 年 月 日 are separated by blanks only.
func placeholders(s string, fn func(a, b int)) {
	var urls [][]int
	urlsDone := false
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch r {
		case 'X', 'x', 'Ｘ', 'ｘ', '×', '＊', '*':
			j, runes := i, 0
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if !isXMark(r2) && r2 != '＊' && r2 != '*' {
					break
				}
				j += n2
				runes++
			}
			end := 0
			if runes >= 2 {
				if !(i > 0 && isASCIILetter(s[i-1]) || j < len(s) && isASCIILetter(s[j])) {
					end = j
				}
			} else if isXMark(r) && strings.HasPrefix(s[j:], "月") {
				k := j + len("月")
				if r3, n3 := utf8.DecodeRuneInString(s[k:]); isXMark(r3) && strings.HasPrefix(s[k+n3:], "日") {
					end = k + n3 + len("日")
				}
			}
			if end > 0 {
				if !urlsDone {
					urls, urlsDone = urlSpans(s), true
				}
				if !inSpans(urls, i, end) {
					fn(i, end)
					i = end
					continue
				}
			}
			i = j
			continue
		case '某':
			if strings.HasPrefix(s[i+n:], "某") {
				fn(i, i+2*n)
				i += 2 * n
				continue
			}
		case '□', '_', '＿':
			j, runes := i, 0
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if r == '□' && r2 != '□' || r != '□' && r2 != '_' && r2 != '＿' {
					break
				}
				j += n2
				runes++
			}
			if r == '□' && runes >= 2 || r != '□' && runes >= 3 {
				fn(i, j)
			}
			i = j
			continue
		case '年':
			if end := blankDate(s, i); end > 0 {
				fn(i, end)
				i = end
				continue
			}
		case '请', '待', '此', '单', 'T':
			for _, w := range placeholderWords {
				if strings.HasPrefix(s[i:], w) {
					fn(i, i+len(w))
					n = len(w)
					break
				}
			}
		}
		i += n
	}
}

// blankDate matches “年  月  日” at byte i, with no digit before 年.
func blankDate(s string, i int) int {
	k := i
	for k > 0 && (s[k-1] == ' ' || s[k-1] == '\t') {
		k--
	}
	if k > 0 && isDigit(s[k-1]) {
		return 0
	}
	j := i + len("年")
	for _, mark := range []string{"月", "日"} {
		start := j
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if !inlineSpace(r) || r == '\u00a0' {
				break
			}
			j += n
		}
		if j == start || !strings.HasPrefix(s[j:], mark) {
			return 0
		}
		j += len(mark)
	}
	return j
}

var oldStructTerms = []string{"收费及减免", "依申请公开政府信息和不予公开政府信息", "受理申请的数量", "“不予公开”的政府信息", "\"不予公开\"的政府信息"}

// lintOldStruct is LINT-OLDSTRUCT: wording of the pre-2019 report structure.
func (c *checker) lintOldStruct(texts []lintText) {
	for _, t := range texts {
		terms := oldStructTerms
		if t.path == "text.preface" {
			terms = append(terms[:len(terms):len(terms)], "一、概述", "概述、")
		}
		var hits []hit
		for _, w := range terms {
			for off := 0; ; {
				k := strings.Index(t.text[off:], w)
				if k < 0 {
					break
				}
				hits = append(hits, hit{off + k, t.name + "：出现2019年以前旧版年报的结构用语“" + w + "”，" + itoa(c.r.Year) + "年度报告应按规定格式的六个部分编写"})
				off += k + len(w)
			}
		}
		c.report("LINT-OLDSTRUCT", t.path, hits)
	}
}

var (
	reNotice = regexp.MustCompile(`国办公开办函[〔\[［(（【]\s*([0-9]{4})\s*[〕\]］)）】]\s*([0-9]+)\s*号`)
	reTrial  = regexp.MustCompile(`报告格式[（(]试行[）)]`)
)

// lintNotice is LINT-NOTICE: the cited format notice does not fit the year.
func (c *checker) lintNotice(texts []lintText) {
	y := c.r.Year
	for _, t := range texts {
		var hits []hit
		if !strings.Contains(t.text, "国办公开办函") && !strings.Contains(t.text, "试行") {
			continue
		}
		for _, m := range reNotice.FindAllStringSubmatchIndex(t.text, -1) {
			num := t.text[m[2]:m[3]] + "/" + t.text[m[4]:m[5]]
			switch {
			case y >= 2021 && num == "2019/60":
				hits = append(hits, hit{m[0], t.name + "：" + itoa(y) + "年度报告引用了“国办公开办函〔2019〕60号”（已被替代），应引用国办公开办函〔2021〕30号"})
			case y <= 2020 && num == "2021/30":
				hits = append(hits, hit{m[0], t.name + "：" + itoa(y) + "年度报告适用国办公开办函〔2019〕60号格式，却引用了〔2021〕30号"})
			}
		}
		if y >= 2021 {
			for _, m := range reTrial.FindAllStringIndex(t.text, -1) {
				hits = append(hits, hit{m[0], t.name + "：" + itoa(y) + "年度报告引用了“国办公开办函〔2019〕60号”（已被替代），应引用国办公开办函〔2021〕30号"})
			}
		}
		c.report("LINT-NOTICE", t.path, hits)
	}
}

var cnSmall = "一二三四五六七八九十"

// partsCount finds `([一二三四五六七八九十]|[0-9]+)个?部分` and calls fn with
// the numeral of each occurrence.
func partsCount(sent string, fn func(at int, n string)) {
	for off := 0; ; {
		k := strings.Index(sent[off:], "部分")
		if k < 0 {
			return
		}
		i := off + k
		off = i + len("部分")
		j := i
		if strings.HasSuffix(sent[:j], "个") {
			j -= len("个")
		}
		d := j
		for d > 0 && isDigit(sent[d-1]) {
			d--
		}
		if d < j {
			fn(d, sent[d:j])
			continue
		}
		if r, n := utf8.DecodeLastRuneInString(sent[:j]); strings.ContainsRune(cnSmall, r) {
			fn(j-n, sent[j-n:j])
		}
	}
}

// lintParts is LINT-PARTS: the preface says the report has other than six parts.
func (c *checker) lintParts(texts []lintText) {
	for _, t := range texts {
		if t.path != "text.preface" && t.path != "text.s1" {
			continue
		}
		if !strings.Contains(t.text, "部分") {
			continue
		}
		var hits []hit
		off := 0
		for _, sent := range c.sentencesOf(t.path) {
			i := strings.Index(t.text[off:], sent) + off
			off = i + len(sent)
			if !strings.Contains(sent, "部分") || !strings.Contains(sent, "报告") || !(strings.Contains(sent, "组成") || strings.Contains(sent, "构成") || strings.Contains(sent, "包括")) {
				continue
			}
			partsCount(sent, func(at int, n string) {
				if n != "六" && n != "6" {
					hits = append(hits, hit{i + at, t.name + "：称报告由“" + n + "个部分”组成，规定格式为六个部分"})
				}
			})
		}
		c.report("LINT-PARTS", t.path, hits)
	}
}
