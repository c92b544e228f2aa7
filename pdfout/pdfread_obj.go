package pdfout

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"unicode/utf16"
)

// xrefEntry says where an object is: kind 1 at off in the file, kind 2 as
// entry idx of object stream stm, kind 0 free.
type xrefEntry struct{ kind, off, stm, idx int }

// view is the file as of one revision: which definition of each object
// number counts and which trailer.
type view struct {
	r       *reader
	entries map[int]xrefEntry
	trailer pdfDict
}

type cached struct {
	v   any
	err error
}

type objStm struct {
	data []byte
	offs []int // entry index → offset in data
}

// maxStreamSize bounds one object or cross-reference stream.
const maxStreamSize = 16 << 20

// object returns object n as this view defines it; a missing object is null.
func (v *view) object(n int) (any, error) {
	r := v.r
	if r.fatal != nil {
		return nil, r.fatal
	}
	e, ok := v.entries[n]
	if !ok || e.kind == 0 {
		return nil, nil
	}
	l := loc{off: e.off}
	if e.kind == 2 {
		// keyed by where the stream is: views may give its number other streams
		l = loc{stm: v.entries[e.stm].off + 1, idx: e.idx, off: -1}
	}
	if c, ok := r.cache[l].(cached); ok {
		return c.v, c.err
	}
	if r.loading[l] {
		return nil, fmt.Errorf("PDF 对象 %d 引用了自身", n)
	}
	r.loading[l] = true
	defer delete(r.loading, l)
	var obj any
	var err error
	if e.kind == 1 {
		obj, err = r.objectAt(n, e.off)
		if err != nil && r.fatal == nil {
			obj, err = r.objectByScan(n)
		}
	} else {
		obj, err = v.packed(n, e.stm, e.idx)
	}
	if r.fatal != nil {
		return nil, r.fatal
	}
	r.cache[l] = cached{obj, err}
	return obj, err
}

// objectByScan finds object n by its "n g obj" header when the
// cross-reference data points elsewhere (a file edited by hand).
func (r *reader) objectByScan(n int) (any, error) {
	if err := r.scanHeaders(); err != nil {
		return nil, err
	}
	offs := r.scanned[n]
	if len(offs) == 0 {
		return nil, fmt.Errorf("PDF 对象 %d 不存在", n)
	}
	return r.objectAt(n, offs[len(offs)-1])
}

// packed returns entry idx of object stream stm.
func (v *view) packed(n, stm, idx int) (any, error) {
	os, err := v.objStm(stm)
	if err != nil {
		return nil, err
	}
	if idx < 0 || idx >= len(os.offs) {
		return nil, fmt.Errorf("PDF 对象 %d 不在其对象流中", n)
	}
	val, _, err := v.r.parseValue(os.data, os.offs[idx])
	if err != nil {
		return nil, fmt.Errorf("PDF 对象 %d 无法解析：%w", n, err)
	}
	return val, nil
}

// objStm decodes object stream stm once; the stream itself must be an
// object in the file, which keeps object streams from nesting.
func (v *view) objStm(stm int) (*objStm, error) {
	r := v.r
	e, ok := v.entries[stm]
	if !ok || e.kind != 1 {
		return nil, fmt.Errorf("PDF 对象流 %d 不存在", stm)
	}
	if os, ok := r.objStms[e.off]; ok {
		return os, nil
	}
	obj, err := v.object(stm)
	if err != nil {
		return nil, err
	}
	st, ok := obj.(pdfStream)
	if !ok || st.dict["Type"] != pdfName("ObjStm") {
		return nil, fmt.Errorf("PDF 对象 %d 不是对象流", stm)
	}
	data, err := r.decode(st, maxStreamSize)
	if err != nil {
		return nil, err
	}
	os, err := r.objStmIndex(st, data)
	if err != nil {
		return nil, err
	}
	r.objStms[e.off] = os
	return os, nil
}

// objStmIndex reads the "num off" pairs at the head of an object stream;
// data may be the whole stream or only its head (scan mode).
func (r *reader) objStmIndex(st pdfStream, data []byte) (*objStm, error) {
	count, ok1 := r.directInt(st.dict["N"])
	first, ok2 := r.directInt(st.dict["First"])
	if !ok1 || !ok2 || count < 0 || first < 0 || first > len(data) {
		return nil, errors.New("PDF 对象流的头部无效")
	}
	if count > r.lim.maxObjects {
		return nil, r.fail(errTooMany)
	}
	os := &objStm{data: data}
	lx := &lexer{b: data[:first], r: r}
	for i := 0; i < count; i++ {
		if err := r.tick(); err != nil {
			return nil, err
		}
		_, ok1 := lx.integer()
		off, ok2 := lx.integer()
		if !ok1 || !ok2 || first+off > len(data) && len(data) > first {
			break
		}
		os.offs = append(os.offs, first+off)
	}
	return os, r.charge(lx.i)
}

// resolve follows references.
func (v *view) resolve(val any) (any, error) {
	for i := 0; i < 32; i++ {
		ref, ok := val.(pdfRef)
		if !ok {
			return val, nil
		}
		var err error
		if val, err = v.object(ref.num); err != nil {
			return nil, err
		}
	}
	return nil, errors.New("PDF 对象引用循环")
}

func (v *view) dict(val any) pdfDict {
	val, _ = v.resolve(val)
	switch d := val.(type) {
	case pdfDict:
		return d
	case pdfStream:
		return d.dict
	}
	return nil
}

func (v *view) arr(val any) []any {
	val, _ = v.resolve(val)
	a, _ := val.([]any)
	return a
}

// text decodes a PDF text string: UTF-16BE with a BOM, else bytes as Latin-1.
func (v *view) text(val any) string {
	val, _ = v.resolve(val)
	s, ok := val.(string)
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

// decode applies the stream's filter (none or FlateDecode, with or without
// a PNG predictor) and charges the inflated bytes to the read's budget.
func (r *reader) decode(st pdfStream, limit int) ([]byte, error) {
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
	zr, err := zlib.NewReader(bytes.NewReader(st.raw))
	if err != nil {
		return nil, fmt.Errorf("PDF 数据流无法解压：%w", err)
	}
	out, err := io.ReadAll(io.LimitReader(zr, int64(limit)+1))
	r.inflated += int64(len(out))
	if r.inflated > r.lim.maxInflate {
		return nil, r.fail(errTooBig)
	}
	if err := r.tick(); err != nil {
		return nil, err
	}
	if err != nil {
		return nil, fmt.Errorf("PDF 数据流无法解压：%w", err)
	}
	if len(out) > limit {
		return nil, fmt.Errorf("PDF 数据流解压后超过 %d MiB，拒绝读取", limit>>20)
	}
	dp, _ := st.dict["DecodeParms"].(pdfDict)
	if a, ok := st.dict["DecodeParms"].([]any); ok && len(a) == 1 {
		dp, _ = a[0].(pdfDict)
	}
	pred, _ := r.directInt(dp["Predictor"])
	switch {
	case pred <= 1:
		return out, nil
	case pred >= 10:
		cols, ok := r.directInt(dp["Columns"])
		if !ok {
			cols = 1
		}
		colors, ok := r.directInt(dp["Colors"])
		if !ok {
			colors = 1
		}
		bpc, ok := r.directInt(dp["BitsPerComponent"])
		if !ok {
			bpc = 8
		}
		return unpredictPNG(out, cols, colors, bpc)
	}
	return nil, errors.New("PDF 数据流使用了不支持的预测编码")
}

// unpredictPNG undoes the PNG row filters used by cross-reference streams.
func unpredictPNG(in []byte, columns, colors, bpc int) ([]byte, error) {
	if columns <= 0 || columns > 1<<16 || colors <= 0 || colors > 32 || (bpc != 1 && bpc != 2 && bpc != 4 && bpc != 8 && bpc != 16) {
		return nil, errors.New("PDF 数据流的预测参数无效")
	}
	bpp := max(1, colors*bpc/8)
	rowLen := (columns*colors*bpc + 7) / 8
	stride := rowLen + 1
	out := make([]byte, 0, len(in)/stride*rowLen)
	prev := make([]byte, rowLen)
	for len(in) >= stride {
		typ, row := in[0], in[1:stride]
		cur := make([]byte, rowLen)
		for i := range row {
			var left, up, upLeft byte
			if i >= bpp {
				left, upLeft = cur[i-bpp], prev[i-bpp]
			}
			up = prev[i]
			switch typ {
			case 0:
				cur[i] = row[i]
			case 1:
				cur[i] = row[i] + left
			case 2:
				cur[i] = row[i] + up
			case 3:
				cur[i] = row[i] + byte((int(left)+int(up))/2)
			case 4:
				cur[i] = row[i] + paeth(left, up, upLeft)
			default:
				return nil, errors.New("PDF 数据流的预测数据无效")
			}
		}
		out = append(out, cur...)
		prev = cur
		in = in[stride:]
	}
	return out, nil
}

func paeth(a, b, c byte) byte {
	p := int(a) + int(b) - int(c)
	pa, pb, pc := abs(p-int(a)), abs(p-int(b)), abs(p-int(c))
	if pa <= pb && pa <= pc {
		return a
	}
	if pb <= pc {
		return b
	}
	return c
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// decodeHead inflates only the first n bytes of a FlateDecode stream.
func (r *reader) decodeHead(st pdfStream, n int) ([]byte, error) {
	f := st.dict["Filter"]
	if a, ok := f.([]any); ok && len(a) == 1 {
		f = a[0]
	}
	if f != pdfName("FlateDecode") {
		return nil, errors.New("PDF 数据流使用了不支持的压缩方式")
	}
	zr, err := zlib.NewReader(bytes.NewReader(st.raw))
	if err != nil {
		return nil, fmt.Errorf("PDF 数据流无法解压：%w", err)
	}
	out := make([]byte, n)
	k, err := io.ReadFull(zr, out)
	r.inflated += int64(k)
	if r.inflated > r.lim.maxInflate {
		return nil, r.fail(errTooBig)
	}
	if err != nil {
		return nil, fmt.Errorf("PDF 数据流无法解压：%w", err)
	}
	return out, r.tick()
}
