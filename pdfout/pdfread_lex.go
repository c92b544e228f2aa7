package pdfout

import (
	"bytes"
	"errors"
	"strconv"
)

type pdfRef struct{ num int }
type pdfName string
type pdfDict map[string]any
type pdfStream struct {
	dict pdfDict
	raw  []byte
}

var errSyntax = errors.New("语法错误")

// lexer parses PDF values. Every value costs one step of the reader's
// budget and containers nest at most maxDepth deep, so no input can make
// it recurse without end or run without end.
type lexer struct {
	b []byte
	i int
	r *reader
}

func isWS(c byte) bool { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0 }

func isDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

func (lx *lexer) skip() {
	for lx.i < len(lx.b) {
		c := lx.b[lx.i]
		if isWS(c) {
			lx.i++
		} else if c == '%' {
			for lx.i < len(lx.b) && lx.b[lx.i] != '\n' && lx.b[lx.i] != '\r' {
				lx.i++
			}
		} else {
			return
		}
	}
}

func (lx *lexer) keyword() string {
	lx.skip()
	s := lx.i
	for lx.i < len(lx.b) && !isWS(lx.b[lx.i]) && !isDelim(lx.b[lx.i]) {
		lx.i++
	}
	return string(lx.b[s:lx.i])
}

// integer reads a non-negative integer token, or fails without moving.
func (lx *lexer) integer() (int, bool) {
	save := lx.i
	kw := lx.keyword()
	n, err := strconv.Atoi(kw)
	if err != nil || n < 0 {
		lx.i = save
		return 0, false
	}
	return n, true
}

func (lx *lexer) value() (any, error) { return lx.valueAt(0) }

func (lx *lexer) valueAt(depth int) (any, error) {
	if err := lx.r.tick(); err != nil {
		return nil, err
	}
	if depth > lx.r.lim.maxDepth {
		return nil, lx.r.fail(errTooDeep)
	}
	lx.skip()
	if lx.i >= len(lx.b) {
		return nil, errSyntax
	}
	switch c := lx.b[lx.i]; {
	case c == '<' && lx.i+1 < len(lx.b) && lx.b[lx.i+1] == '<':
		return lx.dict(depth)
	case c == '<':
		return lx.hexString()
	case c == '[':
		lx.i++
		var a []any
		for {
			lx.skip()
			if lx.i < len(lx.b) && lx.b[lx.i] == ']' {
				lx.i++
				return a, nil
			}
			v, err := lx.valueAt(depth + 1)
			if err != nil {
				return nil, err
			}
			a = append(a, v)
		}
	case c == '(':
		return lx.literal()
	case c == '/':
		lx.i++
		s := lx.i
		for lx.i < len(lx.b) && !isWS(lx.b[lx.i]) && !isDelim(lx.b[lx.i]) {
			lx.i++
		}
		return pdfName(lx.b[s:lx.i]), nil
	}
	kw := lx.keyword()
	switch kw {
	case "":
		return nil, errSyntax
	case "true":
		return true, nil
	case "false":
		return false, nil
	case "null":
		return nil, nil
	}
	f, err := strconv.ParseFloat(kw, 64)
	if err != nil {
		return nil, errSyntax
	}
	// "n g R" is a reference
	save := lx.i
	if _, ok := lx.integer(); ok && f >= 0 && f == float64(int(f)) {
		if lx.keyword() == "R" {
			return pdfRef{num: int(f)}, nil
		}
	}
	lx.i = save
	return f, nil
}

func (lx *lexer) dict(depth int) (any, error) {
	lx.i += 2
	d := pdfDict{}
	for {
		lx.skip()
		if lx.i+1 < len(lx.b) && lx.b[lx.i] == '>' && lx.b[lx.i+1] == '>' {
			lx.i += 2
			return d, nil
		}
		k, err := lx.valueAt(depth + 1)
		if err != nil {
			return nil, err
		}
		name, ok := k.(pdfName)
		if !ok {
			return nil, errSyntax
		}
		v, err := lx.valueAt(depth + 1)
		if err != nil {
			return nil, err
		}
		d[string(name)] = v
	}
}

func (lx *lexer) hexString() (any, error) {
	e := bytes.IndexByte(lx.b[lx.i:], '>')
	if e < 0 {
		lx.i = len(lx.b)
		return nil, errSyntax
	}
	hex := bytes.Map(func(r rune) rune {
		if r < 0x80 && isWS(byte(r)) {
			return -1
		}
		return r
	}, lx.b[lx.i+1:lx.i+e])
	lx.i += e + 1
	if len(hex)%2 == 1 {
		hex = append(hex, '0')
	}
	out := make([]byte, len(hex)/2)
	for i := range out {
		v, err := strconv.ParseUint(string(hex[2*i:2*i+2]), 16, 8)
		if err != nil {
			return nil, errSyntax
		}
		out[i] = byte(v)
	}
	return string(out), nil
}

func (lx *lexer) literal() (any, error) {
	lx.i++ // (
	var out []byte
	depth := 1
	for lx.i < len(lx.b) {
		c := lx.b[lx.i]
		lx.i++
		switch c {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return string(out), nil
			}
		case '\\':
			if lx.i >= len(lx.b) {
				return nil, errSyntax
			}
			e := lx.b[lx.i]
			lx.i++
			switch e {
			case 'n':
				out = append(out, '\n')
			case 'r':
				out = append(out, '\r')
			case 't':
				out = append(out, '\t')
			case 'b':
				out = append(out, '\b')
			case 'f':
				out = append(out, '\f')
			case '\r':
				if lx.i < len(lx.b) && lx.b[lx.i] == '\n' {
					lx.i++
				}
			case '\n':
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for k := 0; k < 2 && lx.i < len(lx.b) && lx.b[lx.i] >= '0' && lx.b[lx.i] <= '7'; k++ {
						v = v*8 + int(lx.b[lx.i]-'0')
						lx.i++
					}
					out = append(out, byte(v))
				} else {
					out = append(out, e)
				}
			}
			continue
		}
		out = append(out, c)
	}
	return nil, errSyntax
}
