package pdfout

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"strconv"
)

// A reader of exactly what Render writes: a classic cross-reference table,
// uncompressed objects, Flate content streams. Anything else is not ours to
// compare and yields ErrNoTextLayer; it never guesses. It is separate from
// the attachment reader so that reading text stays cheap for a thousand files.

type txtRef int
type txtName string
type txtDict map[string]any

type txtStream struct {
	dict txtDict
	raw  []byte
}

type txtFile struct {
	data  []byte
	offs  map[int]int
	steps int
}

const maxTextSteps = 200_000

func openTextFile(data []byte) (*txtFile, txtDict, error) {
	f := &txtFile{data: data, offs: map[int]int{}}
	at := bytes.LastIndex(data, []byte("startxref"))
	if at < 0 {
		return nil, nil, ErrNoTextLayer
	}
	sc := &txtScanner{b: data, i: at + len("startxref"), f: f}
	off, ok := sc.number()
	if !ok {
		return nil, nil, ErrNoTextLayer
	}
	var trailer txtDict
	for hops := 0; hops < 8; hops++ {
		t, err := f.xrefSection(int(off))
		if err != nil {
			return nil, nil, err
		}
		if trailer == nil {
			trailer = t
		}
		prev, ok := t["Prev"].(float64)
		if !ok {
			break
		}
		off = prev
	}
	if _, enc := trailer["Encrypt"]; enc {
		return nil, nil, ErrNoTextLayer
	}
	root, _ := f.resolve(trailer["Root"]).(txtDict)
	if root == nil {
		return nil, nil, ErrNoTextLayer
	}
	return f, root, nil
}

// xrefSection reads one "xref … trailer <<…>>" section; entries of newer
// sections (read first) win.
func (f *txtFile) xrefSection(off int) (txtDict, error) {
	if off < 0 || off >= len(f.data) {
		return nil, ErrNoTextLayer
	}
	sc := &txtScanner{b: f.data, i: off, f: f}
	if sc.keyword() != "xref" {
		return nil, ErrNoTextLayer // a cross-reference stream: not written by Render
	}
	for {
		save := sc.i
		if sc.keyword() == "trailer" {
			break
		}
		sc.i = save
		first, ok1 := sc.number()
		count, ok2 := sc.number()
		if !ok1 || !ok2 || count < 0 || count > 1_000_000 {
			return nil, ErrNoTextLayer
		}
		sc.skip()
		for k := 0; k < int(count); k++ {
			if sc.i+18 > len(f.data) {
				return nil, ErrNoTextLayer
			}
			entry := f.data[sc.i : sc.i+18]
			sc.i += 18
			sc.skip()
			if entry[17] != 'n' {
				continue
			}
			n, err := strconv.Atoi(string(entry[:10]))
			if err != nil {
				return nil, ErrNoTextLayer
			}
			if _, newer := f.offs[int(first)+k]; !newer {
				f.offs[int(first)+k] = n
			}
		}
	}
	v, err := sc.value(0)
	if err != nil {
		return nil, ErrNoTextLayer
	}
	t, ok := v.(txtDict)
	if !ok {
		return nil, ErrNoTextLayer
	}
	return t, nil
}

// resolve follows references; a broken one resolves to nil.
func (f *txtFile) resolve(v any) any {
	for hops := 0; hops < 16; hops++ {
		ref, ok := v.(txtRef)
		if !ok {
			return v
		}
		v = f.object(int(ref))
	}
	return nil
}

func (f *txtFile) object(num int) any {
	off, ok := f.offs[num]
	if !ok || off < 0 || off >= len(f.data) {
		return nil
	}
	sc := &txtScanner{b: f.data, i: off, f: f}
	n, ok1 := sc.number()
	_, ok2 := sc.number()
	if !ok1 || !ok2 || int(n) != num || sc.keyword() != "obj" {
		return nil
	}
	v, err := sc.value(0)
	if err != nil {
		return nil
	}
	d, isDict := v.(txtDict)
	if !isDict {
		return v
	}
	save := sc.i
	if sc.keyword() != "stream" {
		sc.i = save
		return v
	}
	i := sc.i
	if i < len(f.data) && f.data[i] == '\r' {
		i++
	}
	if i < len(f.data) && f.data[i] == '\n' {
		i++
	}
	length, ok := f.resolve(d["Length"]).(float64)
	if !ok || length < 0 || i+int(length) > len(f.data) {
		return nil
	}
	return txtStream{dict: d, raw: f.data[i : i+int(length)]}
}

// inflate decodes a stream with no filter or FlateDecode, at most limit bytes.
func (f *txtFile) inflate(st txtStream, limit int) ([]byte, error) {
	switch st.dict["Filter"] {
	case nil:
		if len(st.raw) > limit {
			return nil, errors.New("PDF 页面内容过大，拒绝读取")
		}
		return st.raw, nil
	case txtName("FlateDecode"):
	default:
		return nil, ErrNoTextLayer
	}
	zr, err := zlib.NewReader(bytes.NewReader(st.raw))
	if err != nil {
		return nil, fmt.Errorf("PDF 页面内容无法解压：%w", err)
	}
	var buf bytes.Buffer
	buf.Grow(min(8*len(st.raw), limit))
	if _, err := buf.ReadFrom(io.LimitReader(zr, int64(limit)+1)); err != nil {
		return nil, fmt.Errorf("PDF 页面内容无法解压：%w", err)
	}
	out := buf.Bytes()
	if len(out) > limit {
		return nil, errors.New("PDF 页面内容过大，拒绝读取")
	}
	return out, nil
}

// txtScanner tokenises PDF syntax: objects and content streams alike.
type txtScanner struct {
	b []byte
	i int
	f *txtFile // step budget; nil for content streams (linear anyway)
}

func (sc *txtScanner) skip() {
	for sc.i < len(sc.b) {
		c := sc.b[sc.i]
		switch {
		case isWS(c):
			sc.i++
		case c == '%':
			for sc.i < len(sc.b) && sc.b[sc.i] != '\n' && sc.b[sc.i] != '\r' {
				sc.i++
			}
		default:
			return
		}
	}
}

func (sc *txtScanner) keyword() string { return string(sc.token()) }

// token is the next run of regular characters, not copied.
func (sc *txtScanner) token() []byte {
	sc.skip()
	s := sc.i
	for sc.i < len(sc.b) && !isWS(sc.b[sc.i]) && !isDelim(sc.b[sc.i]) {
		sc.i++
	}
	return sc.b[s:sc.i]
}

func (sc *txtScanner) number() (float64, bool) {
	save := sc.i
	n, err := strconv.ParseFloat(sc.keyword(), 64)
	if err != nil {
		sc.i = save
		return 0, false
	}
	return n, true
}

func (sc *txtScanner) value(depth int) (any, error) {
	if depth > 32 {
		return nil, errSyntax
	}
	if sc.f != nil {
		if sc.f.steps++; sc.f.steps > maxTextSteps {
			return nil, errors.New("PDF 文件结构异常复杂，读取已中止")
		}
	}
	sc.skip()
	if sc.i >= len(sc.b) {
		return nil, errSyntax
	}
	switch c := sc.b[sc.i]; {
	case c == '<' && sc.i+1 < len(sc.b) && sc.b[sc.i+1] == '<':
		sc.i += 2
		d := txtDict{}
		for {
			sc.skip()
			if sc.i+1 < len(sc.b) && sc.b[sc.i] == '>' && sc.b[sc.i+1] == '>' {
				sc.i += 2
				return d, nil
			}
			k, err := sc.value(depth + 1)
			if err != nil {
				return nil, err
			}
			name, ok := k.(txtName)
			if !ok {
				return nil, errSyntax
			}
			v, err := sc.value(depth + 1)
			if err != nil {
				return nil, err
			}
			d[string(name)] = v
		}
	case c == '<':
		return sc.hex()
	case c == '(':
		return sc.literal()
	case c == '[':
		sc.i++
		var a []any
		for {
			sc.skip()
			if sc.i < len(sc.b) && sc.b[sc.i] == ']' {
				sc.i++
				return a, nil
			}
			v, err := sc.value(depth + 1)
			if err != nil {
				return nil, err
			}
			a = append(a, v)
		}
	case c == '/':
		sc.i++
		s := sc.i
		for sc.i < len(sc.b) && !isWS(sc.b[sc.i]) && !isDelim(sc.b[sc.i]) {
			sc.i++
		}
		return txtName(sc.b[s:sc.i]), nil
	}
	kw := sc.keyword()
	switch kw {
	case "":
		return nil, errSyntax
	case "true", "false", "null":
		return kw, nil
	}
	n, err := strconv.ParseFloat(kw, 64)
	if err != nil {
		return nil, errSyntax
	}
	save := sc.i
	if _, ok := sc.number(); ok && sc.keyword() == "R" {
		return txtRef(int(n)), nil
	}
	sc.i = save
	return n, nil
}

func hexVal(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

func (sc *txtScanner) hex() (any, error) {
	sc.i++ // <
	var out []byte
	var hi byte
	half := false
	for sc.i < len(sc.b) {
		c := sc.b[sc.i]
		sc.i++
		if c == '>' {
			if half {
				out = append(out, hi<<4)
			}
			return string(out), nil
		}
		if isWS(c) {
			continue
		}
		v, ok := hexVal(c)
		if !ok {
			return nil, errSyntax
		}
		if half {
			out = append(out, hi<<4|v)
		} else {
			hi = v
		}
		half = !half
	}
	return nil, errSyntax
}

func (sc *txtScanner) literal() (any, error) {
	sc.i++ // (
	var out []byte
	depth := 1
	for sc.i < len(sc.b) {
		c := sc.b[sc.i]
		sc.i++
		switch c {
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				return string(out), nil
			}
		case '\\':
			if sc.i >= len(sc.b) {
				return nil, errSyntax
			}
			e := sc.b[sc.i]
			sc.i++
			switch e {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case '\r', '\n':
				continue
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for k := 0; k < 2 && sc.i < len(sc.b) && sc.b[sc.i] >= '0' && sc.b[sc.i] <= '7'; k++ {
						v = v*8 + int(sc.b[sc.i]-'0')
						sc.i++
					}
					c = byte(v)
				} else {
					c = e
				}
			}
		}
		out = append(out, c)
	}
	return nil, errSyntax
}
