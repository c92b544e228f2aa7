package app

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// punctFull maps each half-width mark of LINT-PUNCT to its full-width form
// (GB/T 15834); quotes are handled in pairs, open and close.
var punctFull = map[byte]string{',': "，", ';': "；", ':': "：", '?': "？", '!': "！", '(': "（", ')': "）"}

// punctMark is one occurrence of LINT-PUNCT: a single mark at a, or a pair
// of marks at a and b (b < 0 for a single mark). Offsets are bytes.
type punctMark struct{ a, b int }

func isHanAt(s string, i int) bool {
	if i < 0 || i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.Is(unicode.Han, r)
}

func isHanBefore(s string, i int) bool {
	if i <= 0 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.Is(unicode.Han, r)
}

// isNumRune is an ASCII or full-width digit, for 3,119 and 9:00.
func isNumRune(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

func digitsAround(s string, i int) bool {
	before, _ := utf8.DecodeLastRuneInString(s[:i])
	after, _ := utf8.DecodeRuneInString(s[i+1:])
	return isNumRune(before) && isNumRune(after)
}

// hanNextTo reports whether a Han character stands directly before or after byte i.
func hanNextTo(s string, i int) bool { return isHanBefore(s, i) || isHanAt(s, i+1) }

// punctMarks finds the half-width punctuation of LINT-PUNCT in text order:
// ,;:?!() next to a Han character, and ASCII quote pairs around Han text,
// but nothing inside URLs, e-mail addresses, numbers (3,119) or times (9:00).
// A bracket pair counts once and is fixed together.
func punctMarks(s string) []punctMark {
	if !strings.ContainsAny(s, ",;:?!()\"'") {
		return nil
	}
	urls := urlSpans(s)
	var out []punctMark
	closed := map[int]bool{} // a closing mark already taken by a pair
	for i := 0; i < len(s); i++ {
		b := s[i]
		if !strings.ContainsRune(",;:?!()\"'", rune(b)) || closed[i] || inSpans(urls, i, i+1) {
			continue
		}
		switch b {
		case ',', ':':
			if !digitsAround(s, i) && hanNextTo(s, i) {
				out = append(out, punctMark{i, -1})
			}
		case ';', '?', '!', ')':
			if hanNextTo(s, i) {
				out = append(out, punctMark{i, -1})
			}
		case '(':
			j := matchParen(s, i)
			if j < 0 {
				if hanNextTo(s, i) {
					out = append(out, punctMark{i, -1})
				}
				continue
			}
			if hanNextTo(s, i) || hanNextTo(s, j) {
				out = append(out, punctMark{i, j})
				closed[j] = true
			}
		case '"', '\'':
			j := strings.IndexAny(s[i+1:], string(b)+"\n")
			if j < 0 || s[i+1+j] == '\n' {
				continue
			}
			j += i + 1
			if b == '\'' && i > 0 && isASCIILetter(s[i-1]) { // an apostrophe: don't
				continue
			}
			if strings.IndexFunc(s[i+1:j], func(r rune) bool { return unicode.Is(unicode.Han, r) }) >= 0 && !inSpans(urls, j, j+1) {
				out = append(out, punctMark{i, j})
				closed[j] = true // the marks inside are looked at in turn
			}
		}
	}
	return out
}

// matchParen finds the ')' closing the '(' at i on the same line, or -1.
func matchParen(s string, i int) int {
	depth := 0
	for j := i; j < len(s); j++ {
		switch s[j] {
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				return j
			}
		case '\n':
			return -1
		}
	}
	return -1
}

// FixPunct is 规范标点 (formats.md LINT-PUNCT): every half-width mark that
// LINT-PUNCT flags is replaced by its full-width form, ASCII quote pairs by
// “…” and ‘…’. URLs, e-mail addresses, numbers, times and Latin text stay as
// they are. The caller applies it as one undoable edit, never silently.
func FixPunct(text string) string {
	marks := punctMarks(text)
	if len(marks) == 0 {
		return text
	}
	repl := make(map[int]string, 2*len(marks))
	for _, m := range marks {
		switch text[m.a] {
		case '"':
			repl[m.a], repl[m.b] = "“", "”"
		case '\'':
			repl[m.a], repl[m.b] = "‘", "’"
		default:
			repl[m.a] = punctFull[text[m.a]]
			if m.b >= 0 {
				repl[m.b] = punctFull[text[m.b]]
			}
		}
	}
	var b strings.Builder
	b.Grow(len(text) + 2*len(repl))
	for i := 0; i < len(text); i++ {
		if r, ok := repl[i]; ok {
			b.WriteString(r)
			continue
		}
		b.WriteByte(text[i])
	}
	return b.String()
}

// punctFragment shows an occurrence: a bracket or quote pair whole when
// short, else the mark with up to two characters on each side of its line.
func punctFragment(s string, m punctMark) string {
	if m.b >= 0 && utf8.RuneCountInString(s[m.a:m.b]) <= 10 {
		return s[m.a : m.b+1]
	}
	a, b := m.a, m.a+1
	for k := 0; k < 2 && a > 0; k++ {
		r, n := utf8.DecodeLastRuneInString(s[:a])
		if r == '\n' {
			break
		}
		a -= n
	}
	for k := 0; k < 2 && b < len(s); k++ {
		r, n := utf8.DecodeRuneInString(s[b:])
		if r == '\n' {
			break
		}
		b += n
	}
	return s[a:b]
}

// lintPunct is LINT-PUNCT: half-width punctuation inside Chinese text.
func (c *checker) lintPunct(texts []lintText) {
	for _, t := range texts {
		marks := punctMarks(t.text)
		if len(marks) == 0 {
			continue
		}
		c.add(Finding{Rule: "LINT-PUNCT", Anchor: t.path,
			Message: t.name + "：中文中使用了半角标点“" + punctFragment(t.text, marks[0]) + "”" + countNote(len(marks)) + "，应使用全角标点"})
	}
}
