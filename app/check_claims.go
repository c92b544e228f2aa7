package app

import (
	"strings"
	"unicode/utf8"
)

// Claim extraction for TXT-APPLY-*, TXT-FORWARD, TXT-CARRIED, TXT-REVIEW and TXT-SUIT
// (formats.md §8.3 “Text ↔ table”). These are heuristics: a false positive
// is answered by an 出错说明.

type claimRule struct {
	id       string
	must     []string // one of them must be in the clause
	also     []string // and one of these, if given
	mustNot  []string
	keywords []string
}

var claimRules = []claimRule{
	{id: "TXT-APPLY-NEW", must: []string{"申请", "本年新收"}, mustNot: []string{"复议", "诉讼"}, keywords: []string{"收到", "受理", "新收", "接收", "申请数量"}},
	{id: "TXT-APPLY-DONE", must: []string{"申请", "办理结果"}, mustNot: []string{"复议", "诉讼"}, keywords: []string{"办结", "办理完毕", "答复完毕", "已答复", "办理结果总计"}},
	{id: "TXT-FORWARD", must: []string{"结转"}, also: []string{"下年", "下一年", "次年"}, keywords: []string{"结转"}},
	{id: "TXT-CARRIED", must: []string{"上年结转"}, mustNot: []string{"复议", "诉讼"}, keywords: []string{"上年结转"}},
	{id: "TXT-REVIEW", must: []string{"行政复议"}, keywords: []string{"行政复议"}},
	{id: "TXT-SUIT", must: []string{"行政诉讼"}, keywords: []string{"行政诉讼"}},
}

// clauses splits a sentence at ，,、; and calls fn with each trimmed clause.
func clauses(sent string, fn func(cl string)) {
	start := 0
	for i, r := range sent {
		if r == '，' || r == ',' || r == '、' || r == ';' {
			if cl := strings.TrimSpace(sent[start:i]); cl != "" {
				fn(cl)
			}
			start = i + utf8.RuneLen(r)
		}
	}
	if cl := strings.TrimSpace(sent[start:]); cl != "" {
		fn(cl)
	}
}

var cnDigit = map[rune]int{'零': 0, '〇': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}

// cnNumber reads a Chinese numeral of at most 999 (一百二十三, 十五, 两百零五).
func cnNumber(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	total, cur := 0, -1
	for _, r := range s {
		switch {
		case r == '百':
			if cur < 0 {
				cur = 1
			}
			total += cur * 100
			cur = -1
		case r == '十':
			if cur < 0 {
				cur = 1
			}
			total += cur * 10
			cur = -1
		default:
			d, ok := cnDigit[r]
			if !ok {
				return 0, false
			}
			cur = d
		}
	}
	if cur > 0 {
		total += cur
	}
	return total, total <= 999
}

func isCnNumeral(r rune) bool {
	_, ok := cnDigit[r]
	return ok || r == '十' || r == '百'
}

// countAfter returns the first count in s: a number directly followed by
// 件, 个, 宗 or 起 and not hedged by 约, 近, 逾, 超过, 多 or 余.
func countAfter(s string) (int, bool) {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !(isDigit(s[i]) || isCnNumeral(r)) {
			i += n
			continue
		}
		j := i
		arabic := isDigit(s[i])
		for j < len(s) {
			r2, n2 := utf8.DecodeRuneInString(s[j:])
			if arabic && !isDigit(s[j]) || !arabic && !isCnNumeral(r2) {
				break
			}
			j += n2
		}
		num := s[i:j]
		next, _ := utf8.DecodeRuneInString(s[j:])
		hedged := strings.HasSuffix(s[:i], "超过")
		if prev, _ := utf8.DecodeLastRuneInString(s[:i]); strings.ContainsRune("约近逾多余", prev) {
			hedged = true
		}
		if next == '多' || next == '余' {
			hedged = true
		}
		if strings.ContainsRune("件个宗起", next) && !hedged {
			if arabic {
				if len(num) > 9 {
					return 0, false
				}
				v := 0
				for k := 0; k < len(num); k++ {
					v = v*10 + int(num[k]-'0')
				}
				return v, true
			}
			if v, ok := cnNumber(num); ok {
				return v, true
			}
		}
		i = j
	}
	return 0, false
}

func containsAny(s string, subs []string) bool {
	for _, m := range subs {
		if strings.Contains(s, m) {
			return true
		}
	}
	return false
}

// claimIn returns the claim of a rule in one clause.
func (cr *claimRule) claimIn(cl string) (int, bool) {
	if !containsAny(cl, cr.must) || cr.also != nil && !containsAny(cl, cr.also) {
		return 0, false
	}
	for _, m := range cr.mustNot {
		if strings.Contains(cl, m) {
			return 0, false
		}
	}
	at, kw := -1, ""
	for _, k := range cr.keywords {
		if i := strings.Index(cl, k); i >= 0 && (at < 0 || i < at) {
			at, kw = i, k
		}
	}
	if at < 0 {
		return 0, false
	}
	if n, ok := countAfter(cl[at+len(kw):]); ok {
		return n, true
	}
	before := cl[:at]
	if strings.Contains(before, "未") || strings.Contains(before, "没有") || strings.Contains(before, "无") {
		return 0, true
	}
	return 0, false
}

// tableValue reads a total for a text rule: the stored value, or the
// formula when it is not stored. ok is false for a non-number.
func (c *checker) tableValue(id string) (Decimal, bool) {
	v := c.feeCell(id)
	if v.State == NotNumber {
		return Decimal{}, false
	}
	return v.Num, true
}

// textClaim runs one claim rule on the preface and section 一.
func (c *checker) textClaim(cr *claimRule) {
	var a, b Decimal
	ok := true
	switch cr.id {
	case "TXT-APPLY-NEW":
		var ok2 bool
		a, ok = c.tableValue("t3.new.total")
		b, ok2 = c.tableValue("t3.carried.total")
		ok = ok && ok2
		b = a.Add(b)
	case "TXT-APPLY-DONE":
		a, ok = c.tableValue("t3.total.total")
	case "TXT-FORWARD":
		a, ok = c.tableValue("t3.forward.total")
	case "TXT-CARRIED":
		a, ok = c.tableValue("t3.carried.total")
	case "TXT-REVIEW":
		a, ok = c.tableValue("t4.review.total")
	case "TXT-SUIT":
		var ok2 bool
		a, ok = c.tableValue("t4.suitdirect.total")
		b, ok2 = c.tableValue("t4.suitafter.total")
		ok = ok && ok2
	}
	for _, path := range []string{"text.preface", "text.s1"} {
		text := c.normOf(path)
		if text == "" {
			continue
		}
		if !ok {
			c.skip(cr.id, path, SkipNotNumber)
			continue
		}
		if !containsAny(text, cr.must) {
			continue
		}
		first, n := "", 0
		var left, right Decimal
		for _, sent := range c.sentencesOf(path) {
			if !containsAny(sent, cr.must) {
				continue
			}
			sent = strings.TrimRight(sent, "。！？；")
			clauses(sent, func(cl string) {
				claim, has := cr.claimIn(cl)
				if !has {
					return
				}
				nd := DecimalOf(int64(claim))
				want := a
				if cr.id == "TXT-SUIT" {
					want = a.Add(b)
				}
				if nd.Cmp(want) == 0 || cr.id == "TXT-APPLY-NEW" && nd.Cmp(b) == 0 {
					return
				}
				n++
				if first == "" {
					left, right = nd, want
					first = c.claimMessage(cr.id, path, cl, claim, a, b)
				}
			})
		}
		if n > 0 {
			c.add(cmpFinding(Finding{Rule: cr.id, Anchor: path, Message: first + countNote(n)}, left, right))
		}
	}
}

func (c *checker) claimMessage(rule, path, cl string, n int, a, b Decimal) string {
	head := sectionName(path) + "：“" + cl + "”称"
	N := DecimalOf(int64(n))
	switch rule {
	case "TXT-APPLY-NEW":
		return head + "收到申请" + itoa(n) + "件，表三 本年新收总计为" + a.String() + "（本年新收+上年结转为" + b.String() + "），相差" + N.Sub(a).Abs().String()
	case "TXT-APPLY-DONE":
		return head + "办结" + itoa(n) + "件，表三 （七）总计为" + a.String() + "，相差" + N.Sub(a).Abs().String()
	case "TXT-CARRIED":
		return head + "上年结转" + itoa(n) + "件，表三 上年结转总计为" + a.String() + "，相差" + N.Sub(a).Abs().String()
	case "TXT-FORWARD":
		return head + "结转下年度" + itoa(n) + "件，表三 结转下年度总计为" + a.String() + "，相差" + N.Sub(a).Abs().String()
	case "TXT-REVIEW":
		return head + "行政复议" + itoa(n) + "件，表四 行政复议总计为" + a.String() + "，相差" + N.Sub(a).Abs().String()
	}
	s := a.Add(b)
	return head + "行政诉讼" + itoa(n) + "件，表四 未经复议直接起诉总计(" + a.String() + ")+复议后起诉总计(" + b.String() + ")=" + s.String() + "，相差" + N.Sub(s).Abs().String()
}
