package pdfout

import (
	"bytes"
	"errors"
	"fmt"
	"time"
)

// limits bound one PDF read; a superior office reads files from dozens of
// units, and a hostile one must not hang the desk or exhaust its memory.
type limits struct {
	maxObjects int           // cross-reference entries and scanned headers
	maxDepth   int           // nesting of arrays and dictionaries
	maxInflate int64         // inflated bytes of all streams together
	maxSteps   int           // values parsed and tree nodes walked
	timeout    time.Duration // wall clock for the whole read
}

var defaultLimits = limits{
	maxObjects: 500_000,
	maxDepth:   64,
	maxInflate: 64 << 20,
	maxSteps:   1_000_000,
	timeout:    5 * time.Second,
}

// MaxPDFSize is the largest PDF read; the printed reports are a few MB.
const MaxPDFSize = 64 << 20

var (
	errTooDeep    = errors.New("PDF 文件中的对象嵌套超过64层，文件结构异常，拒绝读取")
	errTooMany    = errors.New("PDF 文件中的对象超过50万个，文件结构异常，拒绝读取")
	errTooBig     = errors.New("PDF 文件中的压缩数据解压后超过64 MB，文件结构异常，拒绝读取")
	errTooComplex = errors.New("PDF 文件结构异常复杂，读取已中止")
	errTimeout    = errors.New("读取 PDF 超过5秒仍未完成，文件结构异常，已中止")
	errTooLarge   = errors.New("PDF 文件超过64 MB，不是年报助手打印的文件，拒绝读取")
)

// reader holds one PDF and the budget of its read. A budget error is
// sticky in fatal: helpers that swallow ordinary errors cannot hide it.
type reader struct {
	data     []byte
	lim      limits
	deadline time.Time
	steps    int
	lexed    int64
	inflated int64
	fatal    error

	newest, oldest view // the file as last saved and as first saved
	revisions      int  // cross-reference sections on the /Prev chain

	cache   map[loc]any     // parsed objects by where they are stored
	objStms map[int]*objStm // decoded object streams by object number
	loading map[loc]bool    // objects being parsed, against self-reference
	scanned map[int][]int   // object number → header offsets in file order
}

// loc is where an object is stored: at off in the file, or (off -1) as
// entry idx of the object stream at file offset stm-1.
type loc struct{ off, stm, idx int }

func newReader(data []byte, lim limits) *reader {
	return &reader{
		data: data, lim: lim, deadline: time.Now().Add(lim.timeout),
		cache: map[loc]any{}, objStms: map[int]*objStm{}, loading: map[loc]bool{},
	}
}

// fail records a budget error once and returns the first one recorded.
func (r *reader) fail(err error) error {
	if r.fatal == nil {
		r.fatal = err
	}
	return r.fatal
}

// tick charges one step and checks the clock now and then.
func (r *reader) tick() error {
	if r.fatal != nil {
		return r.fatal
	}
	r.steps++
	if r.steps > r.lim.maxSteps {
		return r.fail(errTooComplex)
	}
	if r.steps%1024 == 0 && time.Now().After(r.deadline) {
		return r.fail(errTimeout)
	}
	return nil
}

// charge counts bytes scanned by the lexer; rescanning the same bytes over
// and over is what made hostile files quadratic.
func (r *reader) charge(n int) error {
	r.lexed += int64(n)
	if r.lexed > 2*int64(len(r.data))+8<<20 {
		return r.fail(errTooComplex)
	}
	return r.tick()
}

// parseValue parses the value at off of b and charges the bytes it covered.
func (r *reader) parseValue(b []byte, off int) (any, int, error) {
	lx := &lexer{b: b, i: off, r: r}
	v, err := lx.value()
	if cerr := r.charge(lx.i - off); cerr != nil {
		return nil, lx.i, cerr
	}
	return v, lx.i, err
}

// objectAt parses "num gen obj VALUE [stream…]" at off in the file.
func (r *reader) objectAt(num, off int) (any, error) {
	if off < 0 || off >= len(r.data) {
		return nil, fmt.Errorf("PDF 对象 %d 的位置无效", num)
	}
	lx := &lexer{b: r.data, i: off, r: r}
	n, ok1 := lx.integer()
	_, ok2 := lx.integer()
	if !ok1 || !ok2 || lx.keyword() != "obj" || (num >= 0 && n != num) {
		return nil, fmt.Errorf("PDF 对象 %d 的位置无效", num)
	}
	start := lx.i
	v, end, err := r.parseValue(r.data, start)
	if err != nil {
		if r.fatal != nil {
			return nil, r.fatal
		}
		return nil, fmt.Errorf("PDF 对象 %d 无法解析：%w", num, err)
	}
	d, ok := v.(pdfDict)
	if !ok {
		return v, nil
	}
	lx.i = end
	if lx.keyword() != "stream" {
		return v, nil
	}
	raw, err := r.streamData(d, lx.i)
	if err != nil {
		return nil, fmt.Errorf("PDF 对象 %d 的数据流无效：%w", num, err)
	}
	return pdfStream{dict: d, raw: raw}, nil
}

var endstream = []byte("endstream")

// streamData finds the bytes of a stream whose keyword ends at i: /Length
// when it is right, else up to "endstream" (files repaired by hand).
func (r *reader) streamData(d pdfDict, i int) ([]byte, error) {
	if i < len(r.data) && r.data[i] == '\r' {
		i++
	}
	if i < len(r.data) && r.data[i] == '\n' {
		i++
	}
	if length, ok := r.directInt(d["Length"]); ok && length >= 0 && i+length <= len(r.data) {
		rest := r.data[i+length:]
		k := 0
		for k < len(rest) && k < 4 && isWS(rest[k]) {
			k++
		}
		if bytes.HasPrefix(rest[k:], endstream) {
			return r.data[i : i+length], nil
		}
	}
	e := bytes.Index(r.data[i:], endstream)
	scanned := e
	if e < 0 {
		scanned = len(r.data) - i
	}
	if err := r.charge(scanned); err != nil {
		return nil, err
	}
	if e < 0 {
		return nil, errors.New("缺少 endstream")
	}
	raw := r.data[i : i+e]
	raw = bytes.TrimSuffix(raw, []byte("\n"))
	raw = bytes.TrimSuffix(raw, []byte("\r"))
	return raw, nil
}

// directInt reads a number, following one reference through the newest view
// (a /Length kept as an indirect object).
func (r *reader) directInt(v any) (int, bool) {
	if ref, ok := v.(pdfRef); ok {
		if r.newest.entries == nil {
			return 0, false // still reading the cross-reference data
		}
		v, _ = r.newest.object(ref.num)
	}
	f, ok := v.(float64)
	return int(f), ok && f == float64(int(f))
}
