package app

import "testing"

func TestParseValueNormalises(t *testing.T) {
	for raw, want := range map[string]string{
		"１２":           "12",
		" 3 件":         "3",
		"1,234":        "1234",
		"1，234":        "1234",
		"+5":           "5",
		"007":          "7",
		"00.5":         "0.5",
		"－３":           "-3",
		"\u22122":      "-2",
		"0.0350万元":     "0.0350",
		"１２．５":         "12.5",
		"-0":           "0",
		"\u3000８個":     "",
		"12个":          "12",
		"999999999999": "999999999999",
	} {
		v := ParseValue(raw)
		got := ""
		if v.State == Number {
			got = v.Text
		}
		if got != want {
			t.Errorf("ParseValue(%q) = %q (state %d), want %q", raw, got, v.State, want)
		}
	}
	for _, raw := range []string{"约3件", "/", "-", "—", "无", "不适用", "1e3", "1.2.3", "3.", ".5", "1234567890123", "abc"} {
		if v := ParseValue(raw); v.State != NotNumber || v.Raw != raw {
			t.Errorf("ParseValue(%q) = %+v, want NotNumber keeping the text", raw, v)
		}
	}
	if v := ParseValue("  "); v.State != Empty {
		t.Errorf("blank: %+v", v)
	}
}

func TestCheckKind(t *testing.T) {
	f19, f21 := FormatByID("2019"), FormatByID("2021")
	cases := []struct {
		cell, raw, rule, msg string
		f                    *Format
	}{
		{"t3.forward.commercial", "-1", "VALUE-NONNEG", "数值(-1)不能为负数", f21},
		{"t3.new.natural", "1.5", "VALUE-INT", "数值(1.5)应为整数", f21},
		{"t3.new.natural", "1234567890", "VALUE-INT", "数值(1234567890)超过9位，请核对", f21},
		{"t2.fee.amount", "0.00005", "VALUE-MONEY", "金额(0.00005)超过4位小数（单位万元，最小为0.0001万元即1元）", f21},
		{"t2.fee.amount", "-2", "VALUE-MONEY", "金额(-2)不能为负数", f21},
		{"t2.license.delta", "-3", "", "", f19},
		{"t2.fee.amount", "0.0001", "", "", f21},
	}
	for _, tc := range cases {
		p := CheckKind(tc.f.Cell(tc.cell), ParseValue(tc.raw))
		switch {
		case tc.rule == "" && p != nil:
			t.Errorf("%s=%s: unexpected %+v", tc.cell, tc.raw, p)
		case tc.rule != "" && (p == nil || p.Rule != tc.rule || p.Message != tc.msg):
			t.Errorf("%s=%s: got %+v, want %s %s", tc.cell, tc.raw, p, tc.rule, tc.msg)
		}
	}
}

func TestDecimalExact(t *testing.T) {
	a, _ := ParseDecimal("0.00005")
	b, _ := ParseDecimal("0.0350")
	if s := a.Add(b).String(); s != "0.03505" {
		t.Errorf("sum = %s", s)
	}
	if a.Sign() <= 0 {
		t.Error("0.00005 must be > 0")
	}
	big, _ := ParseDecimal("999999999999.9999")
	if s := big.Add(big).String(); s != "1999999999999.9998" {
		t.Errorf("big sum = %s", s)
	}
	if s := DecimalOf(2).Sub(DecimalOf(5)).Abs().String(); s != "3" {
		t.Errorf("abs = %s", s)
	}
}
