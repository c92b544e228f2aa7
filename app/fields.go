package app

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// FieldKind says how a field's value is validated.
type FieldKind int

const (
	OneLine     FieldKind = iota // a name or number: no line breaks, control or bidi characters
	MultiLine                    // narrative text: line breaks allowed
	DateField                    // YYYY-MM-DD or empty
	ChoiceField                  // one of Choices
)

// Window tab keys, for routing a finding or a field to the page that edits it.
const (
	TabBasic = "basic"
	TabS1    = "s1"
	TabT2    = "t2"
	TabT3    = "t3"
	TabT4    = "t4"
	TabS5    = "s5"
	TabS6    = "s6"
)

// FieldDecl declares one non-cell field of a report (report-json.md).
type FieldDecl struct {
	Path     string // "unit.name", "doc.title", "text.s1", "format"
	Section  string // the JSON object holding it: "unit", "doc", "text"; "" at the top
	Key      string // its key in that object
	Name     string // Chinese name, as in messages and labels
	Hint     string // what to type, for the editor
	Tab      string // the window tab that edits it
	Kind     FieldKind
	Required bool     // must not be empty (after trimming)
	Choices  []string // for ChoiceField; "" is allowed unless Required
	choices  string   // the choices as the message names them
	anchor   int      // 1-based place among finding anchors (formats.md §8.1); 0 if none
	get      func(*Report) *string
}

// Fields are the non-cell fields in the order of the report file. The file
// reader and writer, the display names, the tab routing and Report.Field
// all derive from this table.
var Fields = []FieldDecl{
	{Path: "format", Key: "format", Name: "格式", Tab: TabBasic, Kind: ChoiceField, Required: true, Choices: []string{"2019", "2021"}, choices: "“2019”或“2021”", anchor: 1,
		get: func(r *Report) *string { return &r.Format }},
	{Path: "unit.name", Section: "unit", Key: "name", Name: "机关名称", Tab: TabBasic, Kind: OneLine, Required: true,
		get: func(r *Report) *string { return &r.Unit.Name }},
	{Path: "unit.level", Section: "unit", Key: "level", Name: "机关类型", Tab: TabBasic, Kind: ChoiceField, Required: true,
		Choices: []string{LevelTownship, LevelCounty, LevelDepartment, LevelCity, LevelProvince}, choices: " township、county、department、city 或 province",
		get: func(r *Report) *string { return &r.Unit.Level }},
	{Path: "text.preface", Section: "text", Key: "preface", Name: "前言", Tab: TabS1, Kind: MultiLine, anchor: 8,
		get: func(r *Report) *string { return &r.Text.Preface }},
	{Path: "text.s1", Section: "text", Key: "s1", Name: SectionHeadings[0], Tab: TabS1, Kind: MultiLine, anchor: 9,
		get: func(r *Report) *string { return &r.Text.S1 }},
	{Path: "text.s5", Section: "text", Key: "s5", Name: SectionHeadings[4], Tab: TabS5, Kind: MultiLine, anchor: 10,
		get: func(r *Report) *string { return &r.Text.S5 }},
	{Path: "text.s6", Section: "text", Key: "s6", Name: SectionHeadings[5], Tab: TabS6, Kind: MultiLine, anchor: 11,
		get: func(r *Report) *string { return &r.Text.S6 }},
	{Path: "doc.style", Section: "doc", Key: "style", Name: "版式", Tab: TabBasic, Kind: ChoiceField, Choices: []string{StyleGongwen, StylePublic},
		choices: "“gongwen”（公文版）或“public”（公开版）", get: func(r *Report) *string { return &r.Doc.Style }},
	{Path: "doc.title", Section: "doc", Key: "title", Name: "标题", Hint: "留空则为“机关名称+年度+年政府信息公开工作年度报告”", Tab: TabBasic, Kind: OneLine, anchor: 2,
		get: func(r *Report) *string { return &r.Doc.Title }},
	{Path: "doc.issuer_mark", Section: "doc", Key: "issuer_mark", Name: "发文机关标志", Hint: "公文版版头，如“××县人民政府文件”", Tab: TabBasic, Kind: OneLine,
		get: func(r *Report) *string { return &r.Doc.IssuerMark }},
	{Path: "doc.doc_number", Section: "doc", Key: "doc_number", Name: "发文字号", Hint: "如“×政发〔2025〕1号”", Tab: TabBasic, Kind: OneLine, anchor: 4,
		get: func(r *Report) *string { return &r.Doc.DocNumber }},
	{Path: "doc.signer", Section: "doc", Key: "signer", Name: "签发人", Hint: "上行文填写", Tab: TabBasic, Kind: OneLine, anchor: 5,
		get: func(r *Report) *string { return &r.Doc.Signer }},
	{Path: "doc.signature", Section: "doc", Key: "signature", Name: "署名", Hint: "落款的机关名称", Tab: TabBasic, Kind: OneLine,
		get: func(r *Report) *string { return &r.Doc.Signature }},
	{Path: "doc.date", Section: "doc", Key: "date", Name: "成文日期", Hint: "如 2025年1月20日 或 2025-1-20", Tab: TabBasic, Kind: DateField, anchor: 3,
		get: func(r *Report) *string { return &r.Doc.Date }},
	{Path: "doc.note", Section: "doc", Key: "note", Name: "附注", Tab: TabBasic, Kind: MultiLine,
		get: func(r *Report) *string { return &r.Doc.Note }},
	{Path: "doc.cc", Section: "doc", Key: "cc", Name: "抄送", Tab: TabBasic, Kind: OneLine, anchor: 7,
		get: func(r *Report) *string { return &r.Doc.CC }},
	{Path: "doc.printed_by", Section: "doc", Key: "printed_by", Name: "印发机关", Tab: TabBasic, Kind: OneLine,
		get: func(r *Report) *string { return &r.Doc.PrintedBy }},
	{Path: "doc.printed_date", Section: "doc", Key: "printed_date", Name: "印发日期", Hint: "如 2025年1月20日", Tab: TabBasic, Kind: DateField, anchor: 6,
		get: func(r *Report) *string { return &r.Doc.PrintedDate }},
}

var fieldIndex = func() map[string]int {
	m := make(map[string]int, len(Fields))
	for i, f := range Fields {
		m[f.Path] = i
	}
	return m
}()

// FieldByPath returns the declaration of a non-cell field.
func FieldByPath(path string) (FieldDecl, bool) {
	i, ok := fieldIndex[path]
	if !ok {
		return FieldDecl{}, false
	}
	return Fields[i], true
}

// fieldPaths lists the paths of a section in file order.
func fieldPaths(section string) []string {
	var out []string
	for _, f := range Fields {
		if f.Section == section {
			out = append(out, f.Path)
		}
	}
	return out
}

// sectionKeys lists the JSON keys of a section in file order.
func sectionKeys(section string) []string {
	var out []string
	for _, f := range Fields {
		if f.Section == section {
			out = append(out, f.Key)
		}
	}
	return out
}

var (
	// TextFields are the narrative field paths in canonical order.
	TextFields = fieldPaths("text")
	// DocFields are the document field paths in the order of report-json.md.
	DocFields = fieldPaths("doc")
	// FieldPaths are the non-cell finding anchors in canonical order (formats.md §8.1).
	FieldPaths = func() []string {
		out := make([]string, 0, 11)
		for n := 1; ; n++ {
			found := false
			for _, f := range Fields {
				if f.anchor == n {
					out, found = append(out, f.Path), true
				}
			}
			if !found {
				return out
			}
		}
	}()
	docKeys  = sectionKeys("doc")
	textKeys = sectionKeys("text")
)

// Field returns a pointer to the non-cell field named by its path, or nil.
func (r *Report) Field(path string) *string {
	i, ok := fieldIndex[path]
	if !ok {
		return nil
	}
	return Fields[i].get(r)
}

// SetField validates a value and stores it in the field named by its path.
func (r *Report) SetField(path, value string) error {
	i, ok := fieldIndex[path]
	if !ok {
		return &FileError{Field: path, Msg: "没有名为“" + path + "”的字段"}
	}
	if err := Fields[i].Check(value); err != nil {
		return err
	}
	*Fields[i].get(r) = value
	return nil
}

// TextField returns a pointer to the narrative section named by its path.
func (r *Report) TextField(path string) *string {
	if !strings.HasPrefix(path, "text.") {
		return nil
	}
	return r.Field(path)
}

// DocField returns a pointer to the document field named by its path.
func (r *Report) DocField(path string) *string {
	if !strings.HasPrefix(path, "doc.") {
		return nil
	}
	return r.Field(path)
}

// TabOf returns the window tab that edits an anchor: a cell's table, or
// the tab of a declared field; "" when the anchor is neither.
func TabOf(anchor string) string {
	if f, ok := FieldByPath(anchor); ok {
		return f.Tab
	}
	switch table, _, _ := strings.Cut(anchor, "."); table {
	case TabT2, TabT3, TabT4:
		return table
	}
	return ""
}

// sectionName names a field in messages ({节} of formats.md §8.3).
func sectionName(path string) string {
	if f, ok := FieldByPath(path); ok {
		return f.Name
	}
	return path
}

// Check validates one value of the field, with a Chinese message naming it.
func (f FieldDecl) Check(v string) error {
	bad := func(msg string) error {
		return &FileError{Field: f.Path, Msg: "字段“" + f.Path + "”（" + f.Name + "）" + msg}
	}
	if !utf8.ValidString(v) {
		return bad("含有无效的字符编码，请重新输入")
	}
	if f.Required && strings.TrimSpace(v) == "" {
		return bad("不能为空")
	}
	switch f.Kind {
	case ChoiceField:
		if v == "" && !f.Required || slices.Contains(f.Choices, v) {
			return nil
		}
		return &FileError{Field: f.Path, Msg: "字段“" + f.Path + "”为“" + Escape(v) + "”，应为" + f.choices}
	case DateField:
		if v != "" && !ValidDate(v) {
			return &FileError{Field: f.Path, Msg: "字段“" + f.Path + "”为“" + Escape(v) + "”，日期应写作YYYY-MM-DD，如2022-02-08"}
		}
		return nil
	}
	for _, r := range v {
		switch {
		case f.Kind == MultiLine && (r == '\n' || r == '\r' || r == '\t' || r == '\v' || r == '\f'):
		case isBidiControl(r):
			return bad("含有改变文字显示方向的控制字符（U+" + hex4(r) + "），显示的内容会与实际不符，请删除")
		case unicode.IsControl(r) && f.Kind == OneLine:
			return bad("含有控制字符“" + Escape(string(r)) + "”，此项只能填写一行文字，请删除换行、制表符等控制字符")
		case unicode.IsControl(r):
			return bad("含有控制字符“" + Escape(string(r)) + "”，请删除")
		}
	}
	if f.Kind == OneLine && v != "" && strings.IndexFunc(v, func(r rune) bool { return !isInvisible(r) }) < 0 {
		return bad("只有空格或不可见字符，请填写实际内容或清空")
	}
	return nil
}

func hex4(r rune) string {
	const digits = "0123456789ABCDEF"
	b := []byte{digits[r>>12&15], digits[r>>8&15], digits[r>>4&15], digits[r&15]}
	return string(b)
}

// isBidiControl reports the embedding, override and isolate controls
// (U+202A–202E, U+2066–2069) that make text display in another order.
func isBidiControl(r rune) bool {
	return r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069
}

// isInvisible reports characters that print nothing: spaces, the
// ideographic space, zero-width characters and the byte-order mark.
func isInvisible(r rune) bool {
	switch r {
	case '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u3000', '\u00A0':
		return true
	}
	return unicode.IsSpace(r) || unicode.IsControl(r) || isBidiControl(r)
}

// Validate checks every non-cell field, the cells against the format and
// the explanation keys; the file reader and the workspace use it, so a
// report is judged by one set of rules wherever it comes from.
func (r *Report) Validate() error {
	for i, f := range Fields {
		if err := f.Check(*f.get(r)); err != nil {
			return err
		}
		if i == 0 && (r.Year < 2000 || r.Year > 2100) { // right after the format, as the file has it
			return &FileError{Field: "year", Msg: "字段“year”为" + itoa(r.Year) + "，不是有效的报告年度"}
		}
	}
	f := r.FormatDef()
	for id := range r.Cells {
		if f.Cell(id) == nil {
			return &FileError{Field: "cells." + id, Msg: "单元格“" + Escape(id) + "”不属于" + f.Name + "（" + f.Notice + "）"}
		}
	}
	for k := range r.Explanations {
		if !explanationKey.MatchString(k) {
			return &FileError{Field: "explanations", Msg: "出错说明的键“" + Escape(k) + "”格式应为“规则:位置”，如“X-CARRY:t3.carried.natural”"}
		}
	}
	return nil
}
