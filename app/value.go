package app

import (
	"strings"
	"unicode"
)

// ValueState says what a cell string holds.
type ValueState uint8

const (
	// Empty: nothing typed. Empty is not 0 (formats.md §6.3).
	Empty ValueState = iota
	// Number: a number in canonical form, possibly of the wrong kind.
	Number
	// NotNumber: text that is not a number; it is kept as typed.
	NotNumber
)

// Value is a parsed cell string.
type Value struct {
	Raw   string // as typed or stored
	Text  string // canonical number string when State == Number
	Num   Decimal
	State ValueState
}

// Display is the text to show: the canonical number, or the raw text.
func (v Value) Display() string {
	if v.State == Number {
		return v.Text
	}
	return v.Raw
}

const maxIntDigits = 12

var fullWidth = strings.NewReplacer(
	"０", "0", "１", "1", "２", "2", "３", "3", "４", "4",
	"５", "5", "６", "6", "７", "7", "８", "8", "９", "9",
	"．", ".", "－", "-", "＋", "+", "\u2212", "-", "\u3000", " ",
)

func isSpace(r rune) bool { return unicode.IsSpace(r) || r == '\u3000' }

// Normalize applies the input normalisation of formats.md §6.2 and returns
// the string that is then matched against the number syntax.
func Normalize(raw string) string {
	s := strings.TrimFunc(fullWidth.Replace(raw), isSpace)
	for _, unit := range []string{"万元", "件", "个"} {
		if rest, ok := strings.CutSuffix(s, unit); ok {
			s = strings.TrimFunc(rest, isSpace)
			break
		}
	}
	if strings.ContainsAny(s, ",，") {
		var b strings.Builder
		parts := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '，' })
		for _, p := range parts {
			b.WriteString(strings.TrimFunc(p, isSpace))
		}
		s = b.String()
	}
	s = strings.TrimPrefix(s, "+")
	neg := strings.HasPrefix(s, "-")
	digits := strings.TrimPrefix(s, "-")
	intPart, frac, hasFrac := strings.Cut(digits, ".")
	if trimmed := strings.TrimLeft(intPart, "0"); trimmed != intPart && intPart != "" {
		if trimmed == "" {
			trimmed = "0"
		} else if trimmed[0] < '0' || trimmed[0] > '9' {
			trimmed = intPart // "0-5" is not a number; keep it whole so it fails
		}
		intPart = trimmed
	}
	s = intPart
	if hasFrac {
		s += "." + frac
	}
	if neg {
		s = "-" + s
	}
	return s
}

// isNumber matches -?[0-9]+(\.[0-9]+)? with at most 12 integer digits.
func isNumber(s string) bool {
	s = strings.TrimPrefix(s, "-")
	intPart, frac, hasFrac := strings.Cut(s, ".")
	if intPart == "" || len(intPart) > maxIntDigits || (hasFrac && frac == "") {
		return false
	}
	for _, c := range intPart + frac {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// ParseValue normalises and parses a cell string. It never turns text
// into 0: what is not a number keeps its original text.
func ParseValue(raw string) Value {
	if strings.TrimFunc(raw, isSpace) == "" {
		return Value{Raw: raw, State: Empty}
	}
	s := Normalize(raw)
	if !isNumber(s) {
		return Value{Raw: raw, State: NotNumber}
	}
	d, ok := ParseDecimal(s)
	if !ok {
		return Value{Raw: raw, State: NotNumber}
	}
	if d.Sign() == 0 {
		s = strings.TrimPrefix(s, "-") // "-0" is 0
	}
	return Value{Raw: raw, Text: s, Num: d, State: Number}
}

// Canonical returns the string a cell stores: the canonical number, the raw
// text of a non-number, or "" for an empty cell.
func Canonical(raw string) string {
	v := ParseValue(raw)
	switch v.State {
	case Number:
		return v.Text
	case NotNumber:
		return v.Raw
	}
	return ""
}

// KindProblem is a value that is a number but not of the cell's kind.
type KindProblem struct {
	Rule    string // VALUE-INT, VALUE-NONNEG or VALUE-MONEY
	Message string // the message after "{位置}："
}

// CheckKind checks a parsed number against a cell kind (formats.md §6.1, §8.3).
// It returns nil when the value fits.
func CheckKind(c *Cell, v Value) *KindProblem {
	if v.State != Number {
		return nil
	}
	intPart, frac, _ := strings.Cut(strings.TrimPrefix(v.Text, "-"), ".")
	switch c.Kind {
	case Int0, Int:
		if frac != "" {
			return &KindProblem{"VALUE-INT", "数值(" + v.Text + ")应为整数"}
		}
		if len(intPart) > 9 {
			return &KindProblem{"VALUE-INT", "数值(" + v.Text + ")超过9位，请核对"}
		}
		if c.Kind == Int0 && v.Num.Sign() < 0 {
			return &KindProblem{"VALUE-NONNEG", "数值(" + v.Text + ")不能为负数"}
		}
	case Money:
		if v.Num.Sign() < 0 {
			return &KindProblem{"VALUE-MONEY", "金额(" + v.Text + ")不能为负数"}
		}
		if len(frac) > 4 {
			note := "（单位" + c.Unit + "，最小为0.0001" + c.Unit
			if c.Unit == "万元" {
				note += "即1元"
			}
			return &KindProblem{"VALUE-MONEY", "金额(" + v.Text + ")超过4位小数" + note + "）"}
		}
	}
	return nil
}
