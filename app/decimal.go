package app

import (
	"math/big"
	"strings"
)

// Decimal is an exact decimal number. Small integers, the common case of
// every count cell, stay in an int64; anything else is an exact big.Rat.
// A Decimal is immutable; the zero value is 0. No float64 is ever used.
type Decimal struct {
	i int64
	r *big.Rat // nil: the value is i
}

// DecimalOf returns the integer n as a Decimal.
func DecimalOf(n int64) Decimal { return Decimal{i: n} }

// ParseDecimal reads a plain decimal string such as "-12", "0.0350".
func ParseDecimal(s string) (Decimal, bool) {
	if s == "" || strings.ContainsAny(s, "eE/+") {
		return Decimal{}, false
	}
	if !strings.Contains(s, ".") && len(s) <= 18 {
		var n int64
		neg := false
		digits := s
		if s[0] == '-' {
			neg, digits = true, s[1:]
		}
		if digits == "" {
			return Decimal{}, false
		}
		for _, c := range []byte(digits) {
			if c < '0' || c > '9' {
				return Decimal{}, false
			}
			n = n*10 + int64(c-'0')
		}
		if neg {
			n = -n
		}
		return Decimal{i: n}, true
	}
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		return Decimal{}, false
	}
	return normal(r), true
}

func normal(r *big.Rat) Decimal {
	if r.IsInt() && r.Num().IsInt64() {
		return Decimal{i: r.Num().Int64()}
	}
	return Decimal{r: r}
}

func (d Decimal) rat() *big.Rat {
	if d.r != nil {
		return d.r
	}
	return new(big.Rat).SetInt64(d.i)
}

const maxSmall = 1 << 61

// Add returns d + e.
func (d Decimal) Add(e Decimal) Decimal {
	if d.r == nil && e.r == nil && d.i < maxSmall && d.i > -maxSmall && e.i < maxSmall && e.i > -maxSmall {
		return Decimal{i: d.i + e.i}
	}
	return normal(new(big.Rat).Add(d.rat(), e.rat()))
}

// Sub returns d − e.
func (d Decimal) Sub(e Decimal) Decimal { return d.Add(e.Neg()) }

// Neg returns −d.
func (d Decimal) Neg() Decimal {
	if d.r == nil && d.i > -maxSmall {
		return Decimal{i: -d.i}
	}
	return normal(new(big.Rat).Neg(d.rat()))
}

// Abs returns |d|.
func (d Decimal) Abs() Decimal {
	if d.Sign() < 0 {
		return d.Neg()
	}
	return d
}

// Sign returns −1, 0 or +1.
func (d Decimal) Sign() int {
	if d.r != nil {
		return d.r.Sign()
	}
	switch {
	case d.i < 0:
		return -1
	case d.i > 0:
		return 1
	}
	return 0
}

// Cmp compares d and e: −1, 0 or +1.
func (d Decimal) Cmp(e Decimal) int {
	if d.r == nil && e.r == nil {
		switch {
		case d.i < e.i:
			return -1
		case d.i > e.i:
			return 1
		}
		return 0
	}
	return d.rat().Cmp(e.rat())
}

// IsInt reports whether d has no fractional part.
func (d Decimal) IsInt() bool { return d.r == nil || d.r.IsInt() }

// String writes d with as few decimal places as represent it exactly.
func (d Decimal) String() string {
	if d.r == nil {
		return big.NewInt(d.i).String()
	}
	// Values come from decimal strings, so the denominator divides some 10^k.
	den := new(big.Int).Set(d.r.Denom())
	ten := big.NewInt(10)
	k := 0
	for rem := new(big.Int); k < 64; k++ {
		rem.Mod(new(big.Int).Exp(ten, big.NewInt(int64(k)), nil), den)
		if rem.Sign() == 0 {
			break
		}
	}
	s := d.r.FloatString(k)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}
