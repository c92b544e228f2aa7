package app

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// MaxReportFileSize is the largest report file accepted (report-json.md).
const MaxReportFileSize = 4 << 20

// FileKind and FileVersion identify a report file.
const (
	FileKind    = "nianbao.report"
	FileVersion = 1
)

// FileError is a report file that cannot be read. Its text is one Chinese
// sentence naming the field and, where known, the line and column.
type FileError struct {
	Field     string
	Line, Col int
	Msg       string
}

func (e *FileError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s（第%d行第%d列）", e.Msg, e.Line, e.Col)
	}
	return e.Msg
}

type jsonType uint8

const (
	jString jsonType = iota
	jInt
	jObject // fixed fields
	jMap    // any keys, string values
)

type field struct {
	typ    jsonType
	fields map[string]*field
}

var str = &field{typ: jString}

func stringFields(names ...string) map[string]*field {
	m := map[string]*field{}
	for _, n := range names {
		m[n] = str
	}
	return m
}

var reportSchema = &field{typ: jObject, fields: map[string]*field{
	"kind":         str,
	"version":      {typ: jInt},
	"format":       str,
	"year":         {typ: jInt},
	"unit":         {typ: jObject, fields: stringFields(sectionKeys("unit")...)},
	"cells":        {typ: jMap},
	"text":         {typ: jObject, fields: stringFields(textKeys...)},
	"doc":          {typ: jObject, fields: stringFields(docKeys...)},
	"explanations": {typ: jMap},
}}

// wireReport is the file as decoded; the objects of non-cell fields are
// keyed as Fields declares them.
type wireReport struct {
	Kind         string            `json:"kind"`
	Version      int               `json:"version"`
	Format       string            `json:"format"`
	Year         int               `json:"year"`
	Unit         map[string]string `json:"unit"`
	Cells        map[string]string `json:"cells"`
	Text         map[string]string `json:"text"`
	Doc          map[string]string `json:"doc"`
	Explanations map[string]string `json:"explanations"`
}

func (wr *wireReport) section(name string) map[string]string {
	switch name {
	case "unit":
		return wr.Unit
	case "text":
		return wr.Text
	case "doc":
		return wr.Doc
	}
	return nil
}

// ReadReport reads a report file strictly: nothing is partly loaded.
func ReadReport(rd io.Reader) (*Report, error) {
	data, err := io.ReadAll(io.LimitReader(rd, MaxReportFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("read report: %w", err)
	}
	return ParseReport(data)
}

// ParseReport decodes report file bytes strictly.
func ParseReport(data []byte) (*Report, error) {
	if len(data) > MaxReportFileSize {
		return nil, &FileError{Msg: "文件过大，报告文件不能超过4 MiB，请确认选择的是年报文件（*.nianbao.json）"}
	}
	// Notepad's "UTF-8 with BOM" is still UTF-8; positions then count from after the mark.
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	if !utf8.Valid(data) {
		line, col := position(data, invalidUTF8At(data))
		return nil, &FileError{Line: line, Col: col, Msg: "文件不是UTF-8编码的文本，请确认选择的是年报文件（*.nianbao.json）"}
	}
	w := &walker{data: data, dec: json.NewDecoder(bytes.NewReader(data))}
	w.dec.UseNumber()
	seen, err := w.value(reportSchema, "")
	if err != nil {
		return nil, err
	}
	if _, err := w.dec.Token(); err != io.EOF {
		line, col := position(data, int(w.dec.InputOffset()))
		return nil, &FileError{Line: line, Col: col, Msg: "JSON对象结束后还有多余的内容"}
	}
	for _, req := range []string{"kind", "version", "format", "year", "unit", "unit.name", "unit.level"} {
		if !seen[req] {
			return nil, &FileError{Field: req, Msg: "缺少字段“" + req + "”"}
		}
	}
	var wr wireReport
	if err := json.Unmarshal(data, &wr); err != nil {
		return nil, &FileError{Msg: "文件内容无法解析：" + err.Error()}
	}
	return fromWire(&wr, data, w.cellPos)
}

// report maps the decoded file onto a Report without judging it; cells are
// stored in their canonical form.
func (wr *wireReport) report() *Report {
	r := &Report{Format: wr.Format, Year: wr.Year, Cells: map[string]string{}, Explanations: map[string]string{}}
	for _, f := range Fields {
		if f.Section != "" {
			*f.get(r) = wr.section(f.Section)[f.Key]
		}
	}
	for id, v := range wr.Cells {
		if c := Canonical(v); c != "" {
			r.Cells[id] = c
		}
	}
	for k, v := range wr.Explanations {
		r.Explanations[k] = v
	}
	return r
}

// ParseDraft reads report JSON that a draft may hold but a report file may
// not (an unfinished date, an explanation key of an older version): only
// the JSON syntax is checked, so a saved revision always restores. Callers
// validate what they need.
func ParseDraft(data []byte) (*Report, error) {
	var wr wireReport
	if err := json.Unmarshal(bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF")), &wr); err != nil {
		return nil, fmt.Errorf("decode report: %w", err)
	}
	return wr.report(), nil
}

var explanationKey = regexp.MustCompile(`^[A-Z0-9]+(-[A-Z0-9]+)*:[a-z0-9_.]+$`)

func fromWire(wr *wireReport, data []byte, cellPos map[string]int) (*Report, error) {
	bad := func(field, msg string) error { return &FileError{Field: field, Msg: msg} }
	if wr.Kind != FileKind {
		return nil, bad("kind", "字段“kind”应为“nianbao.report”，这不是年报文件")
	}
	if wr.Version != FileVersion {
		return nil, bad("version", fmt.Sprintf("字段“version”为%d，本程序只能读取第%d版的年报文件，请升级程序", wr.Version, FileVersion))
	}
	r := wr.report()
	if f := r.FormatDef(); f != nil {
		first, at := "", len(data)
		for id := range wr.Cells { // the first unknown cell of the file, with its place
			if off := cellPos[id]; f.Cell(id) == nil && (first == "" || off < at) {
				first, at = id, off
			}
		}
		if first != "" {
			e := &FileError{Field: "cells." + first, Msg: "单元格“" + Escape(first) + "”不属于" + f.Name + "（" + f.Notice + "）"}
			e.Line, e.Col = position(data, at)
			return nil, e
		}
	}
	if err := r.Validate(); err != nil {
		return nil, err
	}
	return r, nil
}

// ValidDate reports whether s is a real date written YYYY-MM-DD.
func ValidDate(s string) bool {
	_, err := time.Parse("2006-01-02", s)
	return err == nil && len(s) == 10
}

type walker struct {
	data    []byte
	dec     *json.Decoder
	cellPos map[string]int // byte offset of each cell key, turned into a line only for an error
}

func (w *walker) fail(off int, field, msg string) error {
	line, col := position(w.data, off)
	return &FileError{Field: field, Line: line, Col: col, Msg: msg}
}

// next reads one token and returns the offset where it starts.
func (w *walker) next() (json.Token, int, error) {
	start := skipSpace(w.data, int(w.dec.InputOffset()))
	tok, err := w.dec.Token()
	if err != nil {
		var se *json.SyntaxError
		off := start
		if errors.As(err, &se) {
			off = int(se.Offset)
		}
		if err == io.EOF || errors.Is(err, io.ErrUnexpectedEOF) {
			return nil, off, w.fail(len(w.data), "", "文件不完整：JSON内容在结尾处被截断")
		}
		return nil, off, w.fail(off, "", "文件不是有效的JSON，此处有语法错误")
	}
	return tok, start, nil
}

func describe(t jsonType) string {
	switch t {
	case jString:
		return "字符串"
	case jInt:
		return "整数"
	}
	return "对象"
}

// value checks one JSON value against the schema and returns the set of
// field paths seen below it.
func (w *walker) value(s *field, path string) (map[string]bool, error) {
	tok, off, err := w.next()
	if err != nil {
		return nil, err
	}
	name := path
	if name == "" {
		name = "（顶层）"
	}
	wrong := func() error {
		return w.fail(off, path, "字段“"+name+"”应为"+describe(s.typ))
	}
	switch s.typ {
	case jString:
		v, ok := tok.(string)
		if !ok {
			return nil, wrong()
		}
		return nil, w.checkString(v, off, name)
	case jInt:
		n, ok := tok.(json.Number)
		if !ok {
			return nil, wrong()
		}
		if _, err := n.Int64(); err != nil {
			return nil, wrong()
		}
		return nil, nil
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		if path == "" {
			return nil, w.fail(off, "", "文件内容应为一个JSON对象，这不是年报文件")
		}
		return nil, wrong()
	}
	seen := map[string]bool{}
	keys := map[string]bool{}
	for w.dec.More() {
		tok, off, err := w.next()
		if err != nil {
			return nil, err
		}
		key := tok.(string)
		full := func() string {
			if path == "" {
				return key
			}
			return path + "." + key
		}
		if keys[key] {
			return nil, w.fail(off, full(), "字段“"+full()+"”重复出现")
		}
		keys[key] = true
		if s.typ == jMap { // cells and explanations: many keys, each a string, nothing to collect
			if path == "cells" {
				if w.cellPos == nil {
					w.cellPos = map[string]int{}
				}
				w.cellPos[key] = off
			}
			if err := w.mapValue(path, key); err != nil {
				return nil, err
			}
			continue
		}
		child := s.fields[key]
		if child == nil {
			return nil, w.fail(off, full(), "未知字段“"+full()+"”")
		}
		seen[full()] = true
		sub, err := w.value(child, full())
		if err != nil {
			return nil, err
		}
		for k := range sub {
			seen[k] = true
		}
	}
	if _, _, err := w.next(); err != nil { // the closing '}'
		return nil, err
	}
	return seen, nil
}

// mapValue reads the string value of one key of a map object.
func (w *walker) mapValue(path, key string) error {
	tok, off, err := w.next()
	if err != nil {
		return err
	}
	v, ok := tok.(string)
	if !ok {
		return w.fail(off, path+"."+key, "字段“"+path+"."+key+"”应为字符串")
	}
	return w.checkString(v, off, path+"."+key)
}

// checkString refuses a string the decoder would silently have changed.
func (w *walker) checkString(v string, off int, name string) error {
	if strings.ContainsRune(v, utf8.RuneError) && loneSurrogate(w.data[off:w.dec.InputOffset()]) {
		return w.fail(off, name, "字段“"+name+"”含有无效的字符编码（不成对的代理项\\uD800–\\uDFFF），请用正常的文字重新填写")
	}
	return nil
}

// loneSurrogate reports a \uD800–\uDFFF escape in a JSON string that is
// not a high surrogate followed by a low one; encoding/json would turn it
// into U+FFFD silently.
func loneSurrogate(tok []byte) bool {
	hex := func(i int) (rune, bool) {
		if i+6 > len(tok) || tok[i] != '\\' || tok[i+1] != 'u' {
			return 0, false
		}
		n, err := strconv.ParseUint(string(tok[i+2:i+6]), 16, 16)
		return rune(n), err == nil
	}
	for i := 0; i < len(tok); i++ {
		if tok[i] != '\\' {
			continue
		}
		r, ok := hex(i)
		if !ok {
			i++ // another escape such as \\: skip its second byte
			continue
		}
		switch {
		case r >= 0xD800 && r <= 0xDBFF:
			if lo, ok := hex(i + 6); !ok || lo < 0xDC00 || lo > 0xDFFF {
				return true
			}
			i += 11
		case r >= 0xDC00 && r <= 0xDFFF:
			return true
		default:
			i += 5
		}
	}
	return false
}

func skipSpace(data []byte, off int) int {
	for off < len(data) && strings.IndexByte(" \t\r\n:,", data[off]) >= 0 {
		off++
	}
	return off
}

func invalidUTF8At(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(data)
}

// position turns a byte offset into a 1-based line and column (in characters).
func position(data []byte, off int) (int, int) {
	if off > len(data) {
		off = len(data)
	}
	line, col := 1, 1
	for _, r := range string(data[:off]) {
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return line, col
}

// WriteReport writes the report deterministically: fixed key order, cells
// in the canonical order of the format, two-space indentation, final newline.
func WriteReport(wr io.Writer, r *Report) error {
	data, err := MarshalReport(r)
	if err != nil {
		return err
	}
	_, err = wr.Write(data)
	return err
}

// MarshalReport returns the bytes WriteReport writes.
func MarshalReport(r *Report) ([]byte, error) {
	f := r.FormatDef()
	if f == nil {
		return nil, fmt.Errorf("write report: unknown format %q", r.Format)
	}
	for id := range r.Cells {
		if f.Cell(id) == nil {
			return nil, fmt.Errorf("write report: cell %q is not part of format %s", id, f.ID)
		}
	}
	var b bytes.Buffer
	q := func(s string) string {
		var sb bytes.Buffer
		enc := json.NewEncoder(&sb)
		enc.SetEscapeHTML(false)
		_ = enc.Encode(s) // a string always encodes
		return strings.TrimSuffix(sb.String(), "\n")
	}
	obj := func(indent string, keys, vals []string) {
		if len(keys) == 0 {
			b.WriteString("{}")
			return
		}
		b.WriteString("{\n")
		for i, k := range keys {
			b.WriteString(indent + "  " + q(k) + ": " + q(vals[i]))
			if i < len(keys)-1 {
				b.WriteByte(',')
			}
			b.WriteByte('\n')
		}
		b.WriteString(indent + "}")
	}
	fmt.Fprintf(&b, "{\n  \"kind\": %s,\n  \"version\": %d,\n  \"format\": %s,\n  \"year\": %d,\n  \"unit\": ",
		q(FileKind), FileVersion, q(r.Format), r.Year)
	obj("  ", sectionKeys("unit"), r.sectionValues("unit"))
	b.WriteString(",\n  \"cells\": ")
	var ids, vals []string
	for _, c := range f.Cells() {
		if v := r.Cells[c.ID]; v != "" {
			ids, vals = append(ids, c.ID), append(vals, v)
		}
	}
	obj("  ", ids, vals)
	b.WriteString(",\n  \"text\": ")
	obj("  ", textKeys, r.sectionValues("text"))
	b.WriteString(",\n  \"doc\": ")
	obj("  ", docKeys, r.sectionValues("doc"))
	b.WriteString(",\n  \"explanations\": ")
	keys := make([]string, 0, len(r.Explanations))
	for k := range r.Explanations {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	vals = vals[:0]
	for _, k := range keys {
		vals = append(vals, r.Explanations[k])
	}
	obj("  ", keys, vals)
	b.WriteString("\n}\n")
	return b.Bytes(), nil
}

// sectionValues are the values of a section's fields in file order.
func (r *Report) sectionValues(section string) []string {
	var out []string
	for _, f := range Fields {
		if f.Section == section {
			out = append(out, *f.get(r))
		}
	}
	return out
}
