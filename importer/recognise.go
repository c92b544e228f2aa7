package importer

import (
	"fmt"
	"strings"

	"nianbao/app"
)

// Recognise maps a document onto the format of its year and returns the draft.
func Recognise(doc *Doc, opt Options) (*Result, error) {
	res := &Result{Source: SourceText, Published: map[string]string{}, DocFields: map[string]string{}, Matched: map[int]string{}, doc: doc}
	paras := paragraphs(doc)
	meta := findMeta(doc, paras)
	detected, reason := detectFormat(doc)

	year := opt.Year
	res.Year = meta.year
	if year != 0 {
		res.Year = Found{Value: fmt.Sprint(year), Where: "命令行指定"}
	} else if meta.year.Value != "" {
		fmt.Sscan(meta.year.Value, &year)
	}
	var f *app.Format
	switch {
	case year != 0:
		ff, err := app.FormatForYear(year)
		if err != nil {
			return nil, refuse(strings.TrimSuffix(err.Error(), "。")+"。", err)
		}
		f = ff
		res.FormatReason = fmt.Sprintf("%d年度报告应使用%s（%s）", year, f.Name, f.Notice)
		if detected != "" && detected != f.ID {
			res.Warnings = append(res.Warnings, fmt.Sprintf("表格标签属于%s年格式（%s），但%d年度应使用%s，已按%s读取。", detected, reason, year, f.Name, f.Name))
		} else if reason != "" {
			res.FormatReason += "；" + reason
		}
	case detected != "":
		f = app.FormatByID(detected)
		res.FormatReason = reason + "；未找到报告年度"
		res.Warnings = append(res.Warnings, "未找到报告年度，请用 --year 指定。")
	default:
		f = app.FormatByID("2021")
		res.FormatReason = "未找到报告年度和格式标签，按2021年格式读取"
		res.Warnings = append(res.Warnings, "未找到报告年度，请用 --year 指定。")
	}
	res.Format = f.ID
	res.Inputs = f.Inputs()

	ix := indexFormat(f)
	ix.addForeign()
	rc := newRecogniser(ix, res)
	rc.run(doc)
	rc.finishForeign()
	res.Sections = meta.sections

	unit := meta.unit
	if opt.Unit != "" {
		unit = Found{Value: opt.Unit, Where: "命令行指定"}
	}
	res.Unit = unit
	level := Found{Value: opt.Level, Where: "命令行指定"}
	if opt.Level == "" {
		level = guessLevel(unit.Value)
	}
	res.Level = level
	headings := 0
	for _, s := range meta.sections {
		if s.Field != "text.preface" {
			headings++
		}
	}
	if rc.rowsMatched == 0 && headings == 0 {
		return nil, ErrNothing
	}

	rep := &app.Report{
		Format: f.ID, Year: year,
		Unit:         app.Unit{Name: unit.Value, Level: level.Value},
		Cells:        map[string]string{},
		Explanations: map[string]string{},
		Text:         meta.text,
		Doc:          meta.doc,
	}
	if rep.Doc.Style == "" {
		rep.Doc.Style = app.StylePublic
	}
	for k, v := range res.Published {
		rep.Cells[k] = v
	}
	rc.finish(rep)
	app.Recompute(rep)
	res.Report = rep
	for _, p := range app.DocFields {
		if v := *rep.DocField(p); v != "" && p != "doc.style" {
			res.DocFields[p] = v
		}
	}
	return res, nil
}

// recogniser walks the blocks and fills the published cells.
type recogniser struct {
	ix           *rowIndex
	res          *Result
	reason       map[string]string // empty input cell → reason, when known
	matched      map[int]bool
	last         int
	section      int
	pending      []string
	rowsMatched  int
	headers      map[string]map[string]string
	colTable     string         // the table whose header row set colAt
	colAt        map[int]string // grid position → column key, for a non-standard header
	partialNoted bool
	rowsSeen     int
	sums         map[string]app.Decimal // cells summed from rows of another format
	sumBad       map[string]bool
	subRows      map[*rowSpec]int
	lineNo       int // lines of Result.Lines read so far
	cur          int // the line of the row being read
}

func newRecogniser(ix *rowIndex, res *Result) *recogniser {
	return &recogniser{ix: ix, res: res, reason: map[string]string{}, matched: map[int]bool{}, last: -1, headers: ix.headerKeys()}
}

func (rc *recogniser) run(doc *Doc) {
	for _, b := range doc.Blocks {
		if b.Table == nil {
			rc.line(b.Text)
			rc.lineNo++
			continue
		}
		rc.table(b.Table)
	}
}

// line follows the section headings and keeps short lines of a table
// section as labels of the next row (laid-out pages print labels apart).
func (rc *recogniser) line(s string) {
	if n, ok := headingNumber(s); ok && n > rc.section {
		rc.section = n
		rc.pending = nil
		return
	}
	if rc.section >= 2 && rc.section <= 4 && len([]rune(s)) <= 40 {
		rc.addPending(s)
	}
}

func (rc *recogniser) addPending(s string) {
	rc.pending = append(rc.pending, s)
	if len(rc.pending) > 4 {
		rc.pending = rc.pending[1:]
	}
}

// srcRow is a table row split into its label and its value slots.
type srcRow struct {
	label string
	slots []string // value slots in order; "" is blank
	vals  int      // non-blank slots
}

func splitSrcRow(row []GridCell) (srcRow, bool) {
	firstNum := len(row)
	for i, c := range row {
		if !c.Covered && classify(c.Text) == cellNumber && !numberInLabel(row, i) {
			firstNum = i
			break
		}
	}
	labelEnd := -1
	var label []string
	for i := 0; i < firstNum; i++ {
		c := row[i]
		if c.Covered && !c.FromAbove {
			continue
		}
		if classify(c.Text) != cellBlank {
			labelEnd = i
			t := cleanCell(c.Text)
			if len(label) == 0 || label[len(label)-1] != t {
				label = append(label, t)
			}
		}
	}
	var sr srcRow
	sr.label = strings.Join(label, " ")
	for i := labelEnd + 1; i < len(row); i++ {
		if row[i].Covered {
			continue
		}
		t := cleanCell(row[i].Text)
		if classify(t) == cellBlank {
			t = ""
		}
		sr.slots = append(sr.slots, t)
		if t != "" {
			sr.vals++
		}
	}
	return sr, len(sr.slots) > 0
}

func (rc *recogniser) table(t *Table) {
	rows := make([]srcRow, 0, len(t.Rows))
	ok := make([]bool, 0, len(t.Rows))
	maxVals := 0
	for _, r := range t.Rows {
		sr, has := splitSrcRow(r)
		rows = append(rows, sr)
		ok = append(ok, has)
		if has && sr.vals > maxVals {
			maxVals = sr.vals
		}
	}
	base := rc.lineNo
	rc.lineNo += len(rows)
	rc.colTable, rc.colAt = "", nil
	for i, sr := range rows {
		rc.cur = base + i
		if t.Grid && (!ok[i] || sr.vals == 0) {
			if table, m, standard := rc.columnMap(t.Rows[i]); m != nil {
				rc.colTable, rc.colAt = table, m
				if standard {
					rc.colAt = nil
				}
			}
		}
		if !ok[i] {
			if sr.label != "" {
				if n, isHead := headingNumber(sr.label); isHead && n > rc.section {
					rc.section = n
					rc.pending = nil
					continue
				}
				rc.addPending(sr.label)
			}
			continue
		}
		if sr.label == "" && sr.vals == 0 {
			continue
		}
		rc.row(sr, maxVals, t.Rows[i])
	}
}

// sectionTable is the table printed in a section.
var sectionTable = map[int]string{2: "t2", 3: "t3", 4: "t4"}

// maxWarnings bounds the notes of one import; a file that earns more is
// not a report and its first notes say why.
const maxWarnings = 200

func (rc *recogniser) warn(msg string) {
	if len(rc.res.Warnings) < maxWarnings {
		rc.res.Warnings = append(rc.res.Warnings, msg)
	}
}

// maxRows bounds the table rows read: a report has about sixty; a file
// with thousands is not one, and each row is matched against every label.
const maxRows = 3000

func (rc *recogniser) row(sr srcRow, maxVals int, grid []GridCell) {
	rc.rowsSeen++
	if rc.rowsSeen > maxRows {
		if rc.rowsSeen == maxRows+1 {
			rc.warn(fmt.Sprintf("原文的表格超过%d行，后面的行未读取。", maxRows))
		}
		return
	}
	own := grams(sr.label)
	withPending := grams(strings.Join(rc.pending, "") + sr.label)
	ord := ordinalOf(sr.label)
	if ord == "" && len(rc.pending) > 0 {
		ord = ordinalOf(rc.pending[len(rc.pending)-1])
	}
	best, bestScore := -1, 0.0
	for i, rs := range rc.ix.rows {
		s := rc.score(rs, own, ord, sr.vals)
		if len(rc.pending) > 0 {
			s = max(s, rc.score(rs, withPending, ord, sr.vals)-0.05)
		}
		if s > bestScore {
			best, bestScore = i, s
		}
	}
	rc.pending = nil
	if best < 0 || bestScore < 0.45 {
		if sr.vals > 0 {
			rc.warn(fmt.Sprintf("无法识别的表格行“%s”（%s），未导入。", shorten(sr.label, 30), strings.Join(nonEmpty(sr.slots), " ")))
		}
		return
	}
	rs := rc.ix.rows[best]
	if rs.into != nil {
		rc.res.Matched[rc.cur] = rc.rowName(rs.into) + "（相加）"
		rc.rowsMatched++
		rc.foreignRow(rs, sr)
		return
	}
	if rs.children != nil {
		rc.groupRow(rs, sr)
		return
	}
	if rc.matched[rs.order] {
		rc.warn(fmt.Sprintf("表格行“%s”出现了两次，只取第一次的数值。", shorten(sr.label, 30)))
		return
	}
	rc.matched[rs.order] = true
	rc.last = rs.order
	rc.rowsMatched++
	rc.res.Matched[rc.cur] = rc.rowName(rs)
	if rc.colAt != nil && rc.colTable == rs.table {
		rc.assignByHeader(rs, grid)
		return
	}
	rc.assign(rs, sr, maxVals)
}

func (rc *recogniser) score(rs *rowSpec, src map[string]bool, ord string, vals int) float64 {
	var s float64
	if rs.leaf == "" {
		// 表四 has one unlabelled row of fifteen values.
		if vals >= len(rs.cells)-2 && len(src) == 0 {
			s = 0.6
		} else if vals >= len(rs.cells)-2 {
			s = 0.45
		}
	} else {
		s = similarity(src, rs.grams)
		if rs.children != nil {
			s *= 0.9
		}
		if ord != "" && rs.ordinal != "" {
			if ord == rs.ordinal {
				s += 0.15
			} else {
				s -= 0.15
			}
		}
	}
	if rs.order >= 0 {
		if rs.order == rc.last+1 {
			s += 0.2
		}
		if rc.matched[rs.order] {
			s -= 0.4
		}
	}
	if sectionTable[rc.section] == rs.table {
		s += 0.05
	}
	if vals > len(rs.cells)+1 {
		s -= 0.3
	}
	return s
}

// assign puts the slots of a source row into the row's cells.
func (rc *recogniser) assign(rs *rowSpec, sr srcRow, maxVals int) {
	n := len(rs.cells)
	vals := nonEmpty(sr.slots)
	switch {
	case len(vals) == n:
		for i, id := range rs.cells {
			rc.set(id, vals[i])
		}
		return
	case len(vals) > n:
		rc.warn(fmt.Sprintf("%s：原文有%d个数值，多于%d列，按右对齐读取。", rc.rowName(rs), len(vals), n))
		for i, id := range rs.cells {
			rc.set(id, vals[len(vals)-n+i])
		}
		return
	case maxVals < n && len(vals) == maxVals && len(vals) >= 2:
		// The whole fragment lost a column: first and last columns are sure,
		// which middle one is missing is not.
		for i := 0; i < len(vals)-1; i++ {
			rc.set(rs.cells[i], vals[i])
		}
		rc.set(rs.cells[n-1], vals[len(vals)-1])
		for i := len(vals) - 1; i < n-1; i++ {
			rc.reason[rs.cells[i]] = ReasonAmbiguous
		}
		rc.warn(fmt.Sprintf("%s：原文这一页的表格少一列，只有%d个数值，缺的一列无法确定，已留空。", rc.rowName(rs), len(vals)))
		return
	case len(sr.slots) >= n:
		slots := sr.slots[len(sr.slots)-n:]
		for i, id := range rs.cells {
			if slots[i] == "" {
				rc.reason[id] = ReasonBlank
			} else {
				rc.set(id, slots[i])
			}
		}
		// Values left of the window would be lost: say so.
		if lost := nonEmpty(sr.slots[:len(sr.slots)-n]); len(lost) > 0 {
			rc.warn(fmt.Sprintf("%s：多出的数值“%s”未导入。", rc.rowName(rs), strings.Join(lost, " ")))
		}
		return
	}
	// Fewer positions than columns: the row ends in the last column (总计),
	// the columns left of its first position are not in the source.
	off := n - len(sr.slots)
	for i, id := range rs.cells {
		switch {
		case i < off:
			rc.reason[id] = ReasonAmbiguous
		case sr.slots[i-off] == "":
			rc.reason[id] = ReasonBlank
		default:
			rc.set(id, sr.slots[i-off])
		}
	}
	rc.warn(fmt.Sprintf("%s：原文只有%d个位置、%d个数值，按右对齐读取，请核对。", rc.rowName(rs), len(sr.slots), len(vals)))
}

// numberInLabel: a damaged label may start with a number ("71", "1 B分公开"):
// a number in the first two cells followed by label text belongs to the label.
func numberInLabel(row []GridCell, i int) bool {
	if i > 1 {
		return false
	}
	for _, c := range row[i+1:] {
		if c.Covered {
			continue
		}
		switch classify(c.Text) {
		case cellBlank:
			continue
		case cellLabel:
			return hasHan(c.Text)
		}
		return false
	}
	return false
}

func hasHan(s string) bool {
	for _, r := range s {
		if r >= 0x4e00 && r <= 0x9fff {
			return true
		}
	}
	return false
}

// groupRow reads a source row whose label is a group of the declaration (a
// 2019-style single （六）其他处理 row in a 2021 report): values that are all
// 0 are 0 in every row of the group (counts are not negative); others cannot
// be divided.
func (rc *recogniser) groupRow(g *rowSpec, sr srcRow) {
	vals := nonEmpty(sr.slots)
	allZero := len(vals) > 0
	for _, v := range vals {
		if n, ok := numberOf(v); !ok || n != "0" {
			allZero = false
		}
	}
	rc.rowsMatched++
	rc.res.Matched[rc.cur] = "表三 " + g.leaf
	for _, k := range g.children {
		rs := rc.ix.rows[k]
		rc.matched[k] = true
		rc.last = max(rc.last, k)
		for _, id := range rs.cells {
			if allZero {
				rc.set(id, "0")
			} else {
				rc.reason[id] = ReasonAmbiguous
			}
		}
	}
	msg := fmt.Sprintf("原文“%s”只有一行（旧格式的写法），本格式分为%d行", shorten(g.leaf, 20), len(g.children))
	if allZero {
		msg += "；原文全为0，各行都填0。"
	} else {
		msg += "；无法拆分，已留空。"
	}
	rc.warn(msg)
}

func (rc *recogniser) set(id, raw string) {
	c := rc.ix.format.Cell(id)
	t := cleanCell(raw)
	if n, ok := numberOf(t); ok {
		if c.Kind == app.Money && inYuan(t) {
			conv := yuanToWan(n)
			rc.warn(fmt.Sprintf("%s：原文“%s”以元为单位，已换算为%s万元。", c.Location, t, conv))
			n = conv
		}
		t = n
	}
	rc.res.Published[id] = t
}

func (rc *recogniser) rowName(rs *rowSpec) string {
	c := rc.ix.format.Cell(rs.cells[0])
	name := c.RowName
	if c.Table == "t4" {
		name = ""
	}
	return strings.TrimSpace(map[string]string{"t2": "表二", "t3": "表三", "t4": "表四"}[c.Table] + " " + name)
}

// finish lists empty input cells with their reasons, compares published
// totals with computed ones, and counts what was recognised.
func (rc *recogniser) finish(rep *app.Report) {
	f := rc.ix.format
	res := rc.res
	for _, c := range f.Cells() {
		v := res.Published[c.ID]
		if c.Computed() {
			continue
		}
		if v != "" {
			res.Recognised++
			continue
		}
		reason := rc.reason[c.ID]
		if reason == "" {
			reason = ReasonNotInSource
		}
		res.Empty = append(res.Empty, EmptyCell{Cell: c.ID, Reason: reason})
		rep.Explanations["VALUE-EMPTY:"+c.ID] = "导入已发布的报告时" + ReasonText(reason) + "，留空。"
	}
	for _, c := range f.Cells() {
		pub := app.ParseValue(res.Published[c.ID])
		if !c.Computed() || pub.State != app.Number {
			continue
		}
		sum, complete := app.DecimalOf(0), true
		for _, term := range c.Sum {
			v := app.ParseValue(res.Published[term])
			if v.State != app.Number {
				complete = false
				break
			}
			sum = sum.Add(v.Num)
		}
		if complete && sum.Cmp(pub.Num) != 0 {
			res.Totals = append(res.Totals, TotalMismatch{Cell: c.ID, Published: pub.Text, Computed: sum.String()})
		}
	}
}

// ReasonText is the Chinese wording of an empty-cell reason.
func ReasonText(reason string) string {
	switch reason {
	case ReasonBlank:
		return "原文此格空白"
	case ReasonAmbiguous:
		return "无法确定原文数值对应的列"
	case ReasonUnreadable:
		return "原文此格无法识别"
	}
	return "原文没有此格"
}

func yuanToWan(n string) string {
	d, ok := app.ParseDecimal(n)
	if !ok {
		return n
	}
	// 元 → 万元: move the decimal point four places.
	neg := d.Sign() < 0
	s := strings.TrimPrefix(d.Abs().String(), "-")
	intPart, frac, _ := strings.Cut(s, ".")
	for len(intPart) < 5 {
		intPart = "0" + intPart
	}
	out := intPart[:len(intPart)-4] + "." + intPart[len(intPart)-4:] + frac
	if neg {
		out = "-" + out
	}
	if w, ok := app.ParseDecimal(out); ok {
		return w.String()
	}
	return out
}

func nonEmpty(ss []string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
