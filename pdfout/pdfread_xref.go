package pdfout

import (
	"bytes"
	"errors"
	"sort"
	"strconv"
)

// section is one cross-reference table or stream with its trailer.
type section struct {
	entries map[int]xrefEntry
	trailer pdfDict
}

// load builds the newest and the oldest view of the file from the
// cross-reference chain (startxref, /Prev, /XRefStm), as PDF readers do; a
// linearized file's chain starts at its first-page section. A file whose
// chain is broken is read by scanning the object headers instead.
func (r *reader) load() error {
	secs, err := r.chain()
	if r.fatal != nil {
		return r.fatal
	}
	if err == nil && hasRoot(secs) {
		r.buildViews(secs)
		return nil
	}
	return r.scan()
}

func hasRoot(secs []section) bool {
	for _, s := range secs {
		if s.trailer["Root"] != nil {
			return true
		}
	}
	return false
}

// buildViews merges the sections, newest first: the newest view takes each
// object's first definition, the oldest its last.
func (r *reader) buildViews(secs []section) {
	r.revisions = len(secs)
	r.newest = view{r: r, entries: map[int]xrefEntry{}}
	r.oldest = view{r: r, entries: map[int]xrefEntry{}}
	for i := range secs {
		s, o := secs[i], secs[len(secs)-1-i]
		for n, e := range s.entries {
			if _, ok := r.newest.entries[n]; !ok {
				r.newest.entries[n] = e
			}
		}
		for n, e := range o.entries {
			if _, ok := r.oldest.entries[n]; !ok {
				r.oldest.entries[n] = e
			}
		}
		if r.newest.trailer == nil && s.trailer["Root"] != nil {
			r.newest.trailer = s.trailer
		}
		if r.oldest.trailer == nil && o.trailer["Root"] != nil {
			r.oldest.trailer = o.trailer
		}
	}
}

var startxref = []byte("startxref")

// chain reads the cross-reference sections from the last startxref on,
// newest first, visiting each offset once.
func (r *reader) chain() ([]section, error) {
	i := bytes.LastIndex(r.data, startxref)
	if i < 0 {
		return nil, errors.New("no startxref")
	}
	lx := &lexer{b: r.data, i: i + len(startxref), r: r}
	off, ok := lx.integer()
	if !ok {
		return nil, errors.New("bad startxref")
	}
	var secs []section
	seen := map[int]bool{}
	total := 0
	next := []int{off}
	for len(next) > 0 {
		off, next = next[0], next[1:]
		if seen[off] {
			continue
		}
		seen[off] = true
		if err := r.tick(); err != nil {
			return nil, err
		}
		s, err := r.section(off)
		if err != nil {
			return nil, err
		}
		total += len(s.entries)
		if total > r.lim.maxObjects {
			return nil, r.fail(errTooMany)
		}
		secs = append(secs, s)
		// A hybrid file's /XRefStm comes before its /Prev.
		var more []int
		if x, ok := r.directInt(s.trailer["XRefStm"]); ok {
			more = append(more, x)
		}
		if p, ok := r.directInt(s.trailer["Prev"]); ok {
			more = append(more, p)
		}
		next = append(more, next...)
	}
	return secs, nil
}

// section reads a classic "xref" table or a cross-reference stream at off.
func (r *reader) section(off int) (section, error) {
	if off < 0 || off >= len(r.data) {
		return section{}, errors.New("bad xref offset")
	}
	lx := &lexer{b: r.data, i: off, r: r}
	if lx.keyword() == "xref" {
		return r.xrefTable(lx)
	}
	obj, err := r.objectAt(-1, off)
	if err != nil {
		return section{}, err
	}
	st, ok := obj.(pdfStream)
	if !ok || st.dict["Type"] != pdfName("XRef") {
		return section{}, errors.New("not an xref stream")
	}
	return r.xrefStream(st)
}

func (r *reader) xrefTable(lx *lexer) (section, error) {
	s := section{entries: map[int]xrefEntry{}}
	start := lx.i
	for {
		if err := r.tick(); err != nil {
			return s, err
		}
		first, ok := lx.integer()
		if !ok {
			break
		}
		count, ok := lx.integer()
		if !ok {
			return s, errors.New("bad xref subsection")
		}
		for k := 0; k < count; k++ {
			if err := r.tick(); err != nil {
				return s, err
			}
			o, ok1 := lx.integer()
			_, ok2 := lx.integer()
			kind := lx.keyword()
			if !ok1 || !ok2 || (kind != "n" && kind != "f") {
				return s, errors.New("bad xref entry")
			}
			if len(s.entries) >= r.lim.maxObjects {
				return s, r.fail(errTooMany)
			}
			e := xrefEntry{}
			if kind == "n" {
				e = xrefEntry{kind: 1, off: o}
			}
			s.entries[first+k] = e
		}
	}
	if err := r.charge(lx.i - start); err != nil {
		return s, err
	}
	if lx.keyword() != "trailer" {
		return s, errors.New("no trailer")
	}
	v, _, err := r.parseValue(r.data, lx.i)
	if err != nil {
		return s, err
	}
	d, ok := v.(pdfDict)
	if !ok {
		return s, errors.New("bad trailer")
	}
	s.trailer = d
	return s, nil
}

func (r *reader) xrefStream(st pdfStream) (section, error) {
	s := section{entries: map[int]xrefEntry{}, trailer: st.dict}
	data, err := r.decode(st, maxStreamSize)
	if err != nil {
		return s, err
	}
	wa, _ := st.dict["W"].([]any)
	if len(wa) != 3 {
		return s, errors.New("bad /W")
	}
	var w [3]int
	for i, x := range wa {
		n, ok := r.directInt(x)
		if !ok || n < 0 || n > 8 {
			return s, errors.New("bad /W")
		}
		w[i] = n
	}
	rowLen := w[0] + w[1] + w[2]
	if rowLen == 0 {
		return s, errors.New("bad /W")
	}
	size, _ := r.directInt(st.dict["Size"])
	index := []int{0, size}
	if ia, ok := st.dict["Index"].([]any); ok {
		index = index[:0]
		for _, x := range ia {
			n, ok := r.directInt(x)
			if !ok || n < 0 {
				return s, errors.New("bad /Index")
			}
			index = append(index, n)
		}
	}
	pos := 0
	for p := 0; p+1 < len(index); p += 2 {
		for k := 0; k < index[p+1] && pos+rowLen <= len(data); k++ {
			if err := r.tick(); err != nil {
				return s, err
			}
			if len(s.entries) >= r.lim.maxObjects {
				return s, r.fail(errTooMany)
			}
			row := data[pos : pos+rowLen]
			pos += rowLen
			f := [3]int{1, 0, 0} // type 1 when /W omits the type field
			o := 0
			for i := 0; i < 3; i++ {
				if w[i] == 0 {
					continue
				}
				f[i] = 0
				for _, b := range row[o : o+w[i]] {
					f[i] = f[i]<<8 | int(b)
				}
				o += w[i]
			}
			e := xrefEntry{}
			switch f[0] {
			case 1:
				e = xrefEntry{kind: 1, off: f[1]}
			case 2:
				e = xrefEntry{kind: 2, stm: f[1], idx: f[2]}
			}
			s.entries[index[p]+k] = e
		}
	}
	return s, nil
}

var objKeyword = []byte("obj")

// scanHeaders indexes every "n g obj" header once. It looks for "obj" and
// reads the two numbers before it backwards: one fast pass over the file.
func (r *reader) scanHeaders() error {
	if r.scanned != nil {
		return nil
	}
	r.scanned = map[int][]int{}
	d := r.data
	count := 0
	for from := 0; ; {
		k := bytes.Index(d[from:], objKeyword)
		if k < 0 {
			break
		}
		at := from + k
		from = at + len(objKeyword)
		if from < len(d) && !isWS(d[from]) && !isDelim(d[from]) {
			continue // "objects", "endobj" is caught below
		}
		num, start, ok := headerBefore(d, at)
		if !ok {
			continue
		}
		if count++; count > r.lim.maxObjects {
			return r.fail(errTooMany)
		}
		r.scanned[num] = append(r.scanned[num], start)
	}
	return r.charge(len(d))
}

// headerBefore reads "num gen " backwards from the "obj" at i and returns
// num and where it starts.
func headerBefore(d []byte, i int) (num, start int, ok bool) {
	j := i
	digits := func(maxLen int) (int, bool) {
		end := j
		for j > 0 && d[j-1] >= '0' && d[j-1] <= '9' && end-j < maxLen {
			j--
		}
		return end - j, end > j && (j == 0 || !(d[j-1] >= '0' && d[j-1] <= '9'))
	}
	spaces := func() bool {
		end := j
		for j > 0 && isWS(d[j-1]) {
			j--
		}
		return end > j
	}
	if !spaces() {
		return 0, 0, false
	}
	if _, ok := digits(5); !ok || !spaces() {
		return 0, 0, false
	}
	n, ok := digits(10)
	if !ok || (j > 0 && !isWS(d[j-1]) && !isDelim(d[j-1])) {
		return 0, 0, false
	}
	num, err := strconv.Atoi(string(d[j : j+n]))
	return num, j, err == nil
}

// scan reads a file without usable cross-reference data: the last header
// of a number is its newest definition, the first its oldest; object
// streams and trailers are found by their keywords.
func (r *reader) scan() error {
	if err := r.scanHeaders(); err != nil {
		return err
	}
	r.revisions = 0
	r.newest = view{r: r, entries: map[int]xrefEntry{}}
	r.oldest = view{r: r, entries: map[int]xrefEntry{}}
	var starts []int
	for n, offs := range r.scanned {
		r.newest.entries[n] = xrefEntry{kind: 1, off: offs[len(offs)-1]}
		r.oldest.entries[n] = xrefEntry{kind: 1, off: offs[0]}
		if len(offs) > 1 {
			r.revisions = 2
		}
		starts = append(starts, offs...)
	}
	sort.Ints(starts)
	// the object whose header precedes each keyword
	owner := func(kw []byte) []int {
		var objs []int
		for from := 0; ; {
			k := bytes.Index(r.data[from:], kw)
			if k < 0 {
				return objs
			}
			from += k + len(kw)
			if j := sort.SearchInts(starts, from) - 1; j >= 0 && (len(objs) == 0 || objs[len(objs)-1] != starts[j]) {
				objs = append(objs, starts[j])
			}
		}
	}
	if err := r.scanObjStms(owner([]byte("/ObjStm"))); err != nil {
		return err
	}
	var trailers []pdfDict
	for _, off := range owner([]byte("/XRef")) {
		if st, ok := r.tryObject(off).(pdfStream); ok && st.dict["Type"] == pdfName("XRef") && st.dict["Root"] != nil {
			trailers = append(trailers, st.dict)
		}
	}
	for from := 0; ; {
		k := bytes.Index(r.data[from:], []byte("trailer"))
		if k < 0 {
			break
		}
		from += k + len("trailer")
		if v, _, err := r.parseValue(r.data, from); err == nil {
			if d, ok := v.(pdfDict); ok && d["Root"] != nil {
				trailers = append(trailers, d)
			}
		}
	}
	if r.fatal != nil {
		return r.fatal
	}
	if len(trailers) == 0 {
		return errors.New("PDF 文件缺少 trailer，无法读取")
	}
	r.newest.trailer, r.oldest.trailer = trailers[len(trailers)-1], trailers[0]
	return nil
}

// tryObject parses the object whose header is at off, or returns nil.
func (r *reader) tryObject(off int) any {
	v, err := r.objectAt(-1, off)
	if err != nil {
		return nil
	}
	return v
}

// scanObjStms adds the objects of the object streams at offs; only the
// head of each stream is inflated now, the rest when an object is needed.
func (r *reader) scanObjStms(offs []int) error {
	for _, off := range offs {
		st, ok := r.tryObject(off).(pdfStream)
		if r.fatal != nil {
			return r.fatal
		}
		if !ok || st.dict["Type"] != pdfName("ObjStm") {
			continue
		}
		lx := &lexer{b: r.data, i: off, r: r}
		num, _ := lx.integer()
		first, ok := r.directInt(st.dict["First"])
		if !ok || first < 0 || first > 1<<20 {
			continue
		}
		head, err := r.inflateHead(st, first)
		if err != nil {
			continue
		}
		os, err := r.objStmIndex(st, head)
		if err != nil {
			if r.fatal != nil {
				return r.fatal
			}
			continue
		}
		hl := &lexer{b: head, r: r}
		for idx := range os.offs {
			n, _ := hl.integer()
			hl.integer()
			if _, direct := r.scanned[n]; direct {
				continue
			}
			e := xrefEntry{kind: 2, stm: num, idx: idx}
			r.newest.entries[n] = e
			if _, ok := r.oldest.entries[n]; !ok {
				r.oldest.entries[n] = e
			}
		}
	}
	return nil
}

// inflateHead inflates only the first n bytes of a stream.
func (r *reader) inflateHead(st pdfStream, n int) ([]byte, error) {
	if st.dict["Filter"] == nil {
		if n > len(st.raw) {
			return nil, errors.New("short object stream")
		}
		return st.raw[:n], nil
	}
	full := pdfStream{dict: pdfDict{"Filter": st.dict["Filter"]}, raw: st.raw}
	return r.decodeHead(full, n)
}
