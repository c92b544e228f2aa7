package pdfout

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"unicode/utf16"

	"nianbao/app"
)

// ErrNoReport is returned when a PDF carries no report file.
var ErrNoReport = errors.New("PDF 中没有找到内嵌的年报数据（report.nianbao.json），该文件可能不是由年报助手生成的")

// ExtractReport reads the report.nianbao.json attachment of a PDF from the
// document-level /EmbeddedFiles name tree. It returns the parsed report and
// the attachment bytes as stored.
func ExtractReport(pdf []byte) (*app.Report, []byte, error) {
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		return nil, nil, errors.New("文件不是 PDF 文件")
	}
	p := &pdfFile{data: pdf}
	p.index()
	data, err := p.attachment(AttachmentName)
	if err != nil {
		return nil, nil, err
	}
	r, err := app.ParseReport(data)
	if err != nil {
		return nil, nil, fmt.Errorf("PDF 内嵌的年报数据无法读取：%w", err)
	}
	return r, data, nil
}

// A small reader for the objects of an unencrypted PDF with a classic xref
// table, which is what the writer produces; it needs no xref because it
// indexes "N G obj" headers directly.
type pdfFile struct {
	data []byte
	objs map[int]int // object number → offset of its body
	// objects kept in object streams (files re-saved by other tools)
	packed map[int]packedObj
}

type packedObj struct {
	data []byte
	off  int
}

type pdfRef struct{ num int }
type pdfName string
type pdfDict map[string]any
type pdfStream struct {
	dict pdfDict
	raw  []byte
}

var objHeader = regexp.MustCompile(`(?m)(?:^|[\r\n\s])(\d+)\s+(\d+)\s+obj\b`)

func (p *pdfFile) index() {
	p.objs = map[int]int{}
	p.packed = map[int]packedObj{}
	for _, m := range objHeader.FindAllSubmatchIndex(p.data, -1) {
		n, _ := strconv.Atoi(string(p.data[m[2]:m[3]]))
		p.objs[n] = m[1] // later definitions (incremental updates) win
	}
	for n := range p.objs {
		st, ok := p.streamOf(n, "ObjStm")
		if !ok {
			continue
		}
		data, err := p.decode(st)
		if err != nil {
			continue
		}
		count, _ := p.intValue(st.dict["N"])
		first, _ := p.intValue(st.dict["First"])
		lx := &lexer{b: data}
		for i := 0; i < count; i++ {
			num, err1 := lx.value()
			off, err2 := lx.value()
			nf, ok1 := num.(float64)
			of, ok2 := off.(float64)
			if err1 != nil || err2 != nil || !ok1 || !ok2 {
				break
			}
			if _, direct := p.objs[int(nf)]; !direct {
				p.packed[int(nf)] = packedObj{data: data, off: first + int(of)}
			}
		}
	}
}

// streamOf returns object n when it is a stream of the given /Type.
func (p *pdfFile) streamOf(n int, typ string) (pdfStream, bool) {
	v, err := p.object(n)
	if err != nil {
		return pdfStream{}, false
	}
	st, ok := v.(pdfStream)
	if !ok || st.dict["Type"] != pdfName(typ) {
		return pdfStream{}, false
	}
	return st, true
}

func (p *pdfFile) object(n int) (any, error) {
	off, ok := p.objs[n]
	if !ok {
		if po, ok := p.packed[n]; ok && po.off >= 0 && po.off < len(po.data) {
			return (&lexer{b: po.data, i: po.off}).value()
		}
		return nil, fmt.Errorf("PDF 对象 %d 不存在", n)
	}
	lx := &lexer{b: p.data, i: off}
	v, err := lx.value()
	if err != nil {
		return nil, fmt.Errorf("PDF 对象 %d 无法解析：%w", n, err)
	}
	if d, ok := v.(pdfDict); ok {
		save := lx.i
		if tok := lx.keyword(); tok == "stream" {
			i := lx.i
			if i < len(p.data) && p.data[i] == '\r' {
				i++
			}
			if i < len(p.data) && p.data[i] == '\n' {
				i++
			}
			length, err := p.intValue(d["Length"])
			if err != nil || length < 0 || i+length > len(p.data) {
				return nil, fmt.Errorf("PDF 对象 %d 的数据流长度无效", n)
			}
			return pdfStream{dict: d, raw: p.data[i : i+length]}, nil
		}
		lx.i = save
	}
	return v, nil
}

// resolve follows references.
func (p *pdfFile) resolve(v any) (any, error) {
	for i := 0; i < 32; i++ {
		r, ok := v.(pdfRef)
		if !ok {
			return v, nil
		}
		var err error
		if v, err = p.object(r.num); err != nil {
			return nil, err
		}
	}
	return nil, errors.New("PDF 对象引用循环")
}

func (p *pdfFile) intValue(v any) (int, error) {
	v, err := p.resolve(v)
	if err != nil {
		return 0, err
	}
	if f, ok := v.(float64); ok {
		return int(f), nil
	}
	return 0, errors.New("不是数字")
}

func (p *pdfFile) dict(v any) pdfDict {
	v, _ = p.resolve(v)
	switch d := v.(type) {
	case pdfDict:
		return d
	case pdfStream:
		return d.dict
	}
	return nil
}

func (p *pdfFile) root() (pdfDict, error) {
	var t pdfDict
	if i := bytes.LastIndex(p.data, []byte("trailer")); i >= 0 {
		lx := &lexer{b: p.data, i: i + len("trailer")}
		if v, err := lx.value(); err == nil {
			t, _ = v.(pdfDict)
		}
	}
	if t == nil { // a cross-reference stream carries the trailer entries
		best := -1
		for n, off := range p.objs {
			if st, ok := p.streamOf(n, "XRef"); ok && st.dict["Root"] != nil && off > best {
				t, best = st.dict, off
			}
		}
	}
	if t == nil {
		return nil, errors.New("PDF 文件缺少 trailer，无法读取")
	}
	if _, enc := t["Encrypt"]; enc {
		return nil, errors.New("PDF 文件已加密，无法读取内嵌的年报数据")
	}
	cat := p.dict(t["Root"])
	if cat == nil {
		return nil, errors.New("PDF 文件缺少目录对象（Root）")
	}
	return cat, nil
}

// attachment finds the embedded file called name and returns its decoded bytes.
func (p *pdfFile) attachment(name string) ([]byte, error) {
	cat, err := p.root()
	if err != nil {
		return nil, err
	}
	ef := p.dict(p.dict(cat["Names"])["EmbeddedFiles"])
	if ef == nil {
		return nil, ErrNoReport
	}
	var found pdfDict
	var walk func(node pdfDict, depth int)
	walk = func(node pdfDict, depth int) {
		if node == nil || depth > 16 || found != nil {
			return
		}
		if arr, ok := p.arr(node["Names"]); ok {
			for i := 1; i < len(arr); i += 2 {
				fs := p.dict(arr[i])
				if fs != nil && (p.text(fs["UF"]) == name || p.text(fs["F"]) == name) {
					found = fs
					return
				}
			}
		}
		if kids, ok := p.arr(node["Kids"]); ok {
			for _, k := range kids {
				walk(p.dict(k), depth+1)
			}
		}
	}
	walk(ef, 0)
	if found == nil {
		return nil, ErrNoReport
	}
	sv, err := p.resolve(p.dict(found["EF"])["F"])
	if err != nil {
		return nil, err
	}
	st, ok := sv.(pdfStream)
	if !ok {
		return nil, errors.New("PDF 内嵌文件的数据流无效")
	}
	return p.decode(st)
}

// decode applies the stream's filter: none or FlateDecode (without predictor).
func (p *pdfFile) decode(st pdfStream) ([]byte, error) {
	f := st.dict["Filter"]
	if a, ok := f.([]any); ok && len(a) == 1 {
		f = a[0]
	}
	switch f := f.(type) {
	case nil:
		return st.raw, nil
	case pdfName:
		if f != "FlateDecode" {
			return nil, fmt.Errorf("PDF 数据流使用了不支持的压缩方式 %s", f)
		}
	default:
		return nil, errors.New("PDF 数据流使用了不支持的压缩方式")
	}
	if dp := p.dict(st.dict["DecodeParms"]); dp != nil && dp["Predictor"] != nil {
		if n, _ := p.intValue(dp["Predictor"]); n > 1 {
			return nil, errors.New("PDF 数据流使用了不支持的预测编码")
		}
	}
	zr, err := zlib.NewReader(bytes.NewReader(st.raw))
	if err != nil {
		return nil, fmt.Errorf("PDF 数据流无法解压：%w", err)
	}
	out, err := io.ReadAll(io.LimitReader(zr, app.MaxReportFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("PDF 数据流无法解压：%w", err)
	}
	if len(out) > app.MaxReportFileSize {
		return nil, errors.New("PDF 数据流超过 4 MiB，拒绝读取")
	}
	return out, nil
}

func (p *pdfFile) arr(v any) ([]any, bool) {
	v, _ = p.resolve(v)
	a, ok := v.([]any)
	return a, ok
}

// text decodes a PDF text string: UTF-16BE with a BOM, else bytes as Latin-1.
func (p *pdfFile) text(v any) string {
	v, _ = p.resolve(v)
	s, ok := v.(string)
	if !ok {
		return ""
	}
	b := []byte(s)
	if len(b) >= 2 && b[0] == 0xFE && b[1] == 0xFF {
		u := make([]uint16, 0, len(b)/2)
		for i := 2; i+1 < len(b); i += 2 {
			u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
		}
		return string(utf16.Decode(u))
	}
	rs := make([]rune, len(b))
	for i, c := range b {
		rs[i] = rune(c)
	}
	return string(rs)
}

// lexer parses PDF values.
type lexer struct {
	b []byte
	i int
}

func isWS(c byte) bool    { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0 }
func isDelim(c byte) bool { return bytes.IndexByte([]byte("()<>[]{}/%"), c) >= 0 }

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

var errSyntax = errors.New("语法错误")

func (lx *lexer) value() (any, error) {
	lx.skip()
	if lx.i >= len(lx.b) {
		return nil, errSyntax
	}
	switch c := lx.b[lx.i]; {
	case c == '<' && lx.i+1 < len(lx.b) && lx.b[lx.i+1] == '<':
		lx.i += 2
		d := pdfDict{}
		for {
			lx.skip()
			if lx.i+1 < len(lx.b) && lx.b[lx.i] == '>' && lx.b[lx.i+1] == '>' {
				lx.i += 2
				return d, nil
			}
			k, err := lx.value()
			if err != nil {
				return nil, err
			}
			name, ok := k.(pdfName)
			if !ok {
				return nil, errSyntax
			}
			v, err := lx.value()
			if err != nil {
				return nil, err
			}
			d[string(name)] = v
		}
	case c == '<':
		e := bytes.IndexByte(lx.b[lx.i:], '>')
		if e < 0 {
			return nil, errSyntax
		}
		hex := bytes.Map(func(r rune) rune {
			if isWS(byte(r)) {
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
	case c == '[':
		lx.i++
		var a []any
		for {
			lx.skip()
			if lx.i < len(lx.b) && lx.b[lx.i] == ']' {
				lx.i++
				return a, nil
			}
			v, err := lx.value()
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
	if g := lx.keyword(); g != "" {
		if _, err := strconv.Atoi(g); err == nil {
			if lx.keyword() == "R" {
				return pdfRef{num: int(f)}, nil
			}
		}
	}
	lx.i = save
	return f, nil
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
