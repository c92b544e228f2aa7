package app

import (
	"fmt"
	"strconv"
)

// Unit levels (report-json.md).
const (
	LevelTownship   = "township"
	LevelCounty     = "county"
	LevelDepartment = "department"
	LevelCity       = "city"
	LevelProvince   = "province"
)

// LevelNames maps a unit level to its Chinese name, in the order offered to users.
var LevelNames = []struct{ Level, Name string }{
	{LevelTownship, "乡镇（街道）"},
	{LevelCounty, "县级人民政府"},
	{LevelDepartment, "政府部门"},
	{LevelCity, "市级人民政府"},
	{LevelProvince, "省级人民政府"},
}

// LevelName returns the Chinese name of a level, or "" when unknown.
func LevelName(level string) string {
	for _, l := range LevelNames {
		if l.Level == level {
			return l.Name
		}
	}
	return ""
}

// Document styles (gongwen.md §9).
const (
	StyleGongwen = "gongwen"
	StylePublic  = "public"
)

// Unit is the reporting body.
type Unit struct {
	Name  string
	Level string
}

// Text holds the narrative sections, plain text, one paragraph per line.
type Text struct {
	Preface, S1, S5, S6 string
}

// Doc holds the document fields printed around the body (doc.* of report-json.md).
type Doc struct {
	Style       string
	Title       string
	IssuerMark  string
	DocNumber   string
	Signer      string
	Signature   string
	Date        string // YYYY-MM-DD
	Note        string
	CC          string
	PrintedBy   string
	PrintedDate string // YYYY-MM-DD
}

// Report is one annual report of one unit for one year.
type Report struct {
	Format       string
	Year         int
	Unit         Unit
	Cells        map[string]string // cell ID → stored string; a missing key is an empty cell
	Text         Text
	Doc          Doc
	Explanations map[string]string // "RULE:anchor" → 出错说明
}

// FormatDef returns the format declaration of the report, or nil when unknown.
func (r *Report) FormatDef() *Format { return FormatByID(r.Format) }

// Value returns the parsed value of a cell.
func (r *Report) Value(id string) Value { return ParseValue(r.Cells[id]) }

// SetCell stores a typed value in its canonical form; "" empties the cell.
func (r *Report) SetCell(id, raw string) {
	if r.Cells == nil {
		r.Cells = map[string]string{}
	}
	if s := Canonical(raw); s != "" {
		r.Cells[id] = s
	} else {
		delete(r.Cells, id)
	}
}

// Title returns doc.title, or the title derived from unit and year (formats.md §2.1).
func (r *Report) Title() string {
	if r.Doc.Title != "" {
		return r.Doc.Title
	}
	return DefaultTitle(r.Unit.Name, r.Year)
}

// DefaultTitle is «unit + year + 年政府信息公开工作年度报告».
func DefaultTitle(unit string, year int) string {
	return unit + strconv.Itoa(year) + "年政府信息公开工作年度报告"
}

// StatPeriod is the 统计期限 of a report year.
func StatPeriod(year int) string {
	return fmt.Sprintf("%d年1月1日至%d年12月31日", year, year)
}

// NewReport returns an empty report of the format the year requires, with
// a preface generated from unit and year.
func NewReport(unitName, level string, year int) (*Report, error) {
	f, err := FormatForYear(year)
	if err != nil {
		return nil, err
	}
	if LevelName(level) == "" {
		return nil, fmt.Errorf("机关类型“%s”无效，应为 township、county、department、city 或 province", level)
	}
	r := &Report{
		Format: f.ID, Year: year,
		Unit:         Unit{Name: unitName, Level: level},
		Cells:        map[string]string{},
		Explanations: map[string]string{},
		Doc:          Doc{Style: StylePublic, Signature: unitName},
	}
	r.Text.Preface = Preface(f, year)
	return r, nil
}

// Preface generates the conventional preface: 编制依据 with the notice of the
// format, the six parts and the 统计期限 (formats.md §2.2).
func Preface(f *Format, year int) string {
	return "本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和" + f.NoticeTitle +
		"（" + f.Notice + "）要求编制，由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、" +
		"政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项等六个部分组成。" +
		"本报告所列数据的统计期限为" + StatPeriod(year) + "。"
}

// Recompute replaces every derived total with the sum of its terms. Empty
// terms count as 0; a total with a non-number term is left empty, because it
// cannot be computed.
func Recompute(r *Report) {
	f := r.FormatDef()
	if f == nil {
		return
	}
	if r.Cells == nil {
		r.Cells = map[string]string{}
	}
	for _, c := range f.Cells() {
		if !c.Computed() {
			continue
		}
		sum, ok := DecimalOf(0), true
		for _, term := range c.Sum {
			v := ParseValue(r.Cells[term])
			if v.State == NotNumber {
				ok = false
				break
			}
			sum = sum.Add(v.Num)
		}
		if ok {
			r.Cells[c.ID] = sum.String()
		} else {
			delete(r.Cells, c.ID)
		}
	}
}

// Clone returns a deep copy of the report.
func (r *Report) Clone() *Report {
	c := *r
	c.Cells = make(map[string]string, len(r.Cells))
	for k, v := range r.Cells {
		c.Cells[k] = v
	}
	c.Explanations = make(map[string]string, len(r.Explanations))
	for k, v := range r.Explanations {
		c.Explanations[k] = v
	}
	return &c
}
