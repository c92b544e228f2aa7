package app

import (
	"strconv"
	"strings"
	"unicode"
)

// Escape makes user text safe to echo on a terminal or in a one-line
// listing: control characters become \n, \t, \x1b …, and the bidi controls
// \u202e …, so that a unit name can neither fake a row nor colour the
// screen. Other text is unchanged.
func Escape(s string) string {
	if strings.IndexFunc(s, needsEscape) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if !needsEscape(r) {
			b.WriteRune(r)
			continue
		}
		q := strconv.QuoteRune(r) // '\n', '\x1b', '\u202e'
		b.WriteString(q[1 : len(q)-1])
	}
	return b.String()
}

func needsEscape(r rune) bool { return unicode.IsControl(r) || isBidiControl(r) }
