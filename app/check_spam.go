package app

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// DefaultSpamWords is the LINT-SPAM dictionary of formats.md §8.3 (1).
var DefaultSpamWords = []string{"UedBet", "bet365", "体育投注", "博彩", "娱乐城", "真人娱乐", "百家乐", "老虎机", "赌场", "棋牌游戏",
	"彩金", "注册送", "开户送", "下注", "赔率", "葡京", "威尼斯人", "太阳城", "皇冠体育", "体育官网", "官网入口", "最新地址", "网址导航", "电子游艺"}

// DefaultSpamAllow are Latin words that may stand between Han characters (§8.3 (2)).
var DefaultSpamAllow = []string{"APP", "PDF", "WPS", "Word", "Excel", "PPT", "GDP", "PPP", "EPC", "LED", "GPS", "USB", "WiFi", "VIP", "IPv6", "ICP", "HTML"}

// govHostSuffixes are the host endings of (1b) that are never spam.
var govHostSuffixes = []string{".gov.cn", ".gov", ".org.cn", ".edu.cn"}

// Span is one occurrence of a word in a text. Start and End are rune
// offsets into the text as given (not normalised), as a text entry counts.
type Span struct {
	Start, End int
	Word       string
}

// spamConfig is the dictionary and allow-lists of a run, lowered.
type spamConfig struct {
	words []string        // dictionary (1)
	latin map[string]bool // Latin words allowed between Han characters (2)
	allow map[string]bool // words a clerk confirmed legitimate: never flagged
}

var (
	defaultSpamOnce sync.Once
	defaultSpam     *spamConfig
)

func spamConfigOf(opt CheckOptions) *spamConfig {
	if opt.SpamWords == nil && opt.SpamAllow == nil && len(opt.Allow) == 0 {
		defaultSpamOnce.Do(func() { defaultSpam = newSpamConfig(DefaultSpamWords, DefaultSpamAllow, nil) })
		return defaultSpam
	}
	words, latin := opt.SpamWords, opt.SpamAllow
	if words == nil {
		words = DefaultSpamWords
	}
	if latin == nil {
		latin = DefaultSpamAllow
	}
	return newSpamConfig(words, latin, opt.Allow)
}

func newSpamConfig(words, latin, allow []string) *spamConfig {
	c := &spamConfig{latin: lowerSet(latin), allow: lowerSet(allow)}
	for _, w := range words {
		if w = asciiLower(strings.TrimSpace(w)); w != "" {
			c.words = append(c.words, w)
		}
	}
	return c
}

func lowerSet(ws []string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		if w = asciiLower(strings.TrimSpace(w)); w != "" {
			m[w] = true
		}
	}
	return m
}

// asciiLower lowers ASCII letters only, so byte offsets stay those of s.
func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= 'A' && s[i] <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// latinRuns finds `[A-Za-z][A-Za-z0-9]{2,}` tokens.
func latinRuns(s string) [][2]int {
	var out [][2]int
	for i := 0; i < len(s); {
		if !isASCIILetter(s[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(s) && (isASCIILetter(s[j]) || isDigit(s[j])) {
			j++
		}
		if j-i >= 3 {
			out = append(out, [2]int{i, j})
		}
		i = j
	}
	return out
}

var (
	reBareDomain = regexp.MustCompile(`(?i)\b[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,}\b`)
	reScheme     = regexp.MustCompile(`(?i)^https?://`)
)

// hostOf returns the lowered host of a URL or bare domain.
func hostOf(u string) string {
	u = reScheme.ReplaceAllString(u, "")
	if i := strings.IndexAny(u, "/:?#"); i >= 0 {
		u = u[:i]
	}
	return asciiLower(u)
}

func govHost(host string) bool {
	for _, s := range govHostSuffixes {
		if strings.HasSuffix(host, s) || host == s[1:] {
			return true
		}
	}
	return false
}

// spamHits finds the LINT-SPAM occurrences of a normalised text as byte
// spans in text order, overlapping ones merged into the first.
func spamHits(s string, cfg *spamConfig) [][2]int {
	lower := asciiLower(s)
	allowed := func(a, b int) bool { return len(cfg.allow) > 0 && cfg.allow[lower[a:b]] }
	var found, dict [][2]int
	for _, w := range cfg.words {
		for off := 0; ; {
			k := strings.Index(lower[off:], w)
			if k < 0 {
				break
			}
			a, b := off+k, off+k+len(w)
			if !allowed(a, b) {
				dict = append(dict, [2]int{a, b})
			}
			off = b
		}
	}
	found = append(found, dict...)
	urls := urlSpans(s)
	for _, m := range latinRuns(s) {
		before, _ := utf8.DecodeLastRuneInString(s[:m[0]])
		after, _ := utf8.DecodeRuneInString(s[m[1]:])
		if !unicode.Is(unicode.Han, before) || !unicode.Is(unicode.Han, after) {
			continue
		}
		if inSpans(urls, m[0], m[1]) || cfg.latin[lower[m[0]:m[1]]] || allowed(m[0], m[1]) {
			continue
		}
		found = append(found, m)
	}
	if len(dict) > 0 && strings.Contains(s, ".") {
		found = append(found, spamDomains(s, dict, urls, allowed, cfg.allow)...)
	}
	sort.SliceStable(found, func(i, j int) bool { return found[i][0] < found[j][0] })
	out := found[:0]
	for _, f := range found {
		if n := len(out); n > 0 && f[0] < out[n-1][1] {
			continue
		}
		out = append(out, f)
	}
	return out
}

// spamDomains is (1b): a URL or bare domain outside the government, school
// and non-profit domains, within 10 characters of a dictionary word.
// A domain is allowed as written or by its host (www.example.com by example.com too).
func spamDomains(s string, dict [][2]int, urls [][]int, allowed func(a, b int) bool, allow map[string]bool) [][2]int {
	var cands [][2]int
	for _, u := range urls {
		if !strings.Contains(s[u[0]:u[1]], "@") {
			cands = append(cands, [2]int{u[0], u[1]})
		}
	}
	for _, m := range reBareDomain.FindAllStringIndex(s, -1) {
		if inSpans(urls, m[0], m[1]) || m[0] > 0 && s[m[0]-1] == '@' {
			continue
		}
		cands = append(cands, [2]int{m[0], m[1]})
	}
	var out [][2]int
	for _, d := range cands {
		host := hostOf(s[d[0]:d[1]])
		if govHost(host) || allowed(d[0], d[1]) || allow[host] || allow[strings.TrimPrefix(host, "www.")] {
			continue
		}
		for _, w := range dict {
			if runeGap(s, d, w) <= 10 {
				out = append(out, d)
				break
			}
		}
	}
	return out
}

// runeGap counts the characters between two spans; 0 when they touch or overlap.
func runeGap(s string, a, b [2]int) int {
	switch {
	case a[1] <= b[0]:
		return utf8.RuneCountInString(s[a[1]:b[0]])
	case b[1] <= a[0]:
		return utf8.RuneCountInString(s[b[1]:a[0]])
	}
	return 0
}

// lintSpam is LINT-SPAM, an error: gambling words, their domains, and Latin
// tokens wedged between Han characters, as injected into hacked web pages
// (seed 002). The message always gives the count.
func (c *checker) lintSpam(texts []lintText) {
	cfg := spamConfigOf(c.opt)
	for _, t := range texts {
		hits := spamHits(t.text, cfg)
		if len(hits) == 0 {
			continue
		}
		c.add(Finding{Rule: "LINT-SPAM", Anchor: t.path,
			Message: t.name + "：出现异常词“" + t.text[hits[0][0]:hits[0][1]] + "”（本节" + strconv.Itoa(len(hits)) + "处），疑似网页被篡改或复制时带入的垃圾文字"})
	}
}

// SpamSpans returns every LINT-SPAM occurrence in a narrative text, in text
// order, so that the window can mark each one, not only the first.
func SpamSpans(text string, opt CheckOptions) []Span {
	norm, back := normTextMap(text)
	hits := spamHits(norm, spamConfigOf(opt))
	if len(hits) == 0 {
		return nil
	}
	out := make([]Span, len(hits))
	for i, h := range hits {
		a, b := back[h[0]], back[h[1]]
		start := utf8.RuneCountInString(text[:a])
		out[i] = Span{Start: start, End: start + utf8.RuneCountInString(text[a:b]), Word: text[a:b]}
	}
	return out
}

// normTextMap is normText with, for every byte offset of the result (and
// its end), the byte offset in s it came from.
func normTextMap(s string) (string, []int) {
	type piece struct {
		text string
		at   int
	}
	var ps []piece
	for i, r := range s {
		if r >= '０' && r <= '９' {
			ps = append(ps, piece{string('0' + (r - '０')), i})
			continue
		}
		ps = append(ps, piece{s[i : i+utf8.RuneLen(r)], i})
	}
	digit := func(k int) bool { return k >= 0 && k < len(ps) && len(ps[k].text) == 1 && isDigit(ps[k].text[0]) }
	space := func(k int) bool { r, _ := utf8.DecodeRuneInString(ps[k].text); return inlineSpace(r) }
	var b strings.Builder
	back := make([]int, 0, len(s)+1)
	for k := 0; k < len(ps); {
		if space(k) {
			j := k
			for j < len(ps) && space(j) {
				j++
			}
			if digit(k-1) || digit(j) {
				k = j
				continue
			}
		}
		b.WriteString(ps[k].text)
		for range len(ps[k].text) {
			back = append(back, ps[k].at)
		}
		k++
	}
	return b.String(), append(back, len(s))
}
