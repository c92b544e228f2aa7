package app

import "strconv"

// CarryOver fills r from the unit's previous report: 上年结转 ← 上年
// 结转下年度继续办理 (both formats), the 2021 现行有效件数 as the base of the
// new year, and, when copyText, the narrative. It reports whether text was copied.
func CarryOver(r, prev *Report, copyText bool) bool {
	if prev == nil {
		return false
	}
	for _, c := range T3Columns {
		if c == "total" {
			continue
		}
		if v := prev.Value("t3.forward." + c); v.State == Number {
			r.SetCell("t3.carried."+c, v.Text)
		}
	}
	if r.Format == "2021" && prev.Format == "2021" {
		for _, k := range []string{"t2.rule.effective", "t2.normdoc.effective"} {
			if v := prev.Value(k); v.State == Number {
				r.SetCell(k, v.Text)
			}
		}
	}
	Recompute(r)
	if !copyText {
		return false
	}
	r.Text.S1, r.Text.S5, r.Text.S6 = prev.Text.S1, prev.Text.S5, prev.Text.S6
	return r.Text.S1 != "" || r.Text.S5 != "" || r.Text.S6 != ""
}

// YearSpan is a run of text; Old marks an old year number to review.
type YearSpan struct {
	Text string
	Old  bool
}

// OldYears splits text around the numbers of the years before year (written
// 2023 or 2023年) so they can be highlighted.
func OldYears(text string, year int) []YearSpan {
	var out []YearSpan
	rs := []rune(text)
	start := 0
	for i := 0; i+4 <= len(rs); i++ {
		if (i > 0 && isDigitRune(rs[i-1])) || !allDigits(rs[i:i+4]) || (i+4 < len(rs) && isDigitRune(rs[i+4])) {
			continue
		}
		y, _ := strconv.Atoi(string(rs[i : i+4]))
		if y < 1990 || y >= year {
			continue
		}
		if i > start {
			out = append(out, YearSpan{Text: string(rs[start:i])})
		}
		out = append(out, YearSpan{Text: string(rs[i : i+4]), Old: true})
		start = i + 4
		i += 3
	}
	if start < len(rs) {
		out = append(out, YearSpan{Text: string(rs[start:])})
	}
	return out
}

func isDigitRune(r rune) bool { return r >= '0' && r <= '9' }

func allDigits(rs []rune) bool {
	for _, r := range rs {
		if !isDigitRune(r) {
			return false
		}
	}
	return true
}
