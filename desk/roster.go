package desk

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"nianbao/app"
)

// RosterUnit is one unit the office expects a report from.
type RosterUnit struct {
	Name   string
	Level  string // an app level, "" when not given
	Parent string // the unit of the tier above, for a second tier; optional
}

// Roster is the list of units in scope (统计范围内的单位名单) of one year.
type Roster struct {
	Year  int
	Units []RosterUnit
}

// Limits of a roster: a province has a few thousand reporting units.
const (
	maxRosterUnits = 20000
	maxNameRunes   = 100
)

// ParseRoster reads a roster pasted as text or read from a text file: one
// unit a line, optionally followed by its level and its parent, separated by
// a tab, a comma or 、. Blank lines and lines starting with # are skipped.
func ParseRoster(year int, text string) (Roster, error) {
	ro := Roster{Year: year}
	text = strings.TrimPrefix(text, "\ufeff")
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimFunc(line, unicode.IsSpace)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.FieldsFunc(line, func(r rune) bool { return r == '\t' || r == ',' || r == '，' || r == '、' })
		for k := range fields {
			fields[k] = strings.TrimFunc(fields[k], unicode.IsSpace)
		}
		if len(fields) == 0 || fields[0] == "" {
			continue
		}
		u := RosterUnit{Name: fields[0]}
		if len(fields) > 1 {
			lv, ok := ParseLevel(fields[1])
			if !ok {
				return ro, fmt.Errorf("名单第%d行的机关类型“%s”无法识别，应为乡镇（街道）、县级人民政府、政府部门、市级人民政府或省级人民政府", i+1, fields[1])
			}
			u.Level = lv
		}
		if len(fields) > 2 {
			u.Parent = fields[2]
		}
		if err := ro.Add(u); err != nil {
			return ro, fmt.Errorf("名单第%d行：%w", i+1, err)
		}
	}
	return ro, nil
}

// Add appends a unit; a name already on the roster is refused.
func (ro *Roster) Add(u RosterUnit) error {
	if strings.TrimSpace(u.Name) == "" {
		return fmt.Errorf("单位名称为空")
	}
	if len(ro.Units) >= maxRosterUnits {
		return fmt.Errorf("名单超过%d个单位", maxRosterUnits)
	}
	if utf8.RuneCountInString(u.Name) > maxNameRunes {
		return fmt.Errorf("单位名称超过%d个字", maxNameRunes)
	}
	// only the same name is refused: 甲县城关镇 and 乙县城关镇 are two units
	for _, o := range ro.Units {
		if nameCore(o.Name) == nameCore(u.Name) {
			return fmt.Errorf("“%s”与名单中的“%s”是同一单位", u.Name, o.Name)
		}
	}
	ro.Units = append(ro.Units, u)
	return nil
}

// CarryOver returns last year's roster for a new year.
func (ro Roster) CarryOver(year int) Roster {
	return Roster{Year: year, Units: append([]RosterUnit(nil), ro.Units...)}
}

// ParseLevel accepts a level code or its Chinese name, or a short form of it.
func ParseLevel(s string) (string, bool) {
	s = strings.TrimSpace(s)
	for _, l := range app.LevelNames {
		if s == l.Level || s == l.Name {
			return l.Level, true
		}
	}
	switch s {
	case "乡镇", "街道", "乡", "镇":
		return app.LevelTownship, true
	case "县", "县级", "县政府", "区", "区政府":
		return app.LevelCounty, true
	case "部门", "县直部门", "市直部门":
		return app.LevelDepartment, true
	case "市", "市级", "市政府":
		return app.LevelCity, true
	case "省", "省级", "省政府":
		return app.LevelProvince, true
	}
	return "", false
}

// Match returns the index of the roster unit a name denotes, or -1. An exact
// (normalised) name wins over a tolerant match; a tolerant match that fits
// two units is no match, so a report is never filed under the wrong unit.
func (ro Roster) Match(name string) int {
	core := nameCore(name)
	if core == "" {
		return -1
	}
	for i, u := range ro.Units {
		if nameCore(u.Name) == core {
			return i
		}
	}
	found := -1
	for i, u := range ro.Units {
		if SameUnit(u.Name, name) {
			if found >= 0 {
				return -1
			}
			found = i
		}
	}
	return found
}

// SameUnit reports whether two names denote the same unit: 张坞镇,
// 张坞镇人民政府 and 某县张坞镇人民政府 do; 东张坞镇 and 张坞镇 do not. The
// longer name may carry the region it lies in (某县, 某市某区) before the
// shorter one.
func SameUnit(a, b string) bool {
	ca, cb := nameCore(a), nameCore(b)
	if ca == "" || cb == "" {
		return false
	}
	if ca == cb {
		return true
	}
	if len(ca) < len(cb) {
		ca, cb = cb, ca
	}
	if utf8.RuneCountInString(cb) < 2 || !strings.HasSuffix(ca, cb) {
		return false
	}
	prefix := strings.TrimSuffix(ca, cb)
	last, _ := utf8.DecodeLastRuneInString(prefix)
	return strings.ContainsRune("省市县区州盟旗", last)
}

// nameCore normalises a unit name: no spaces or brackets, half-width
// letters, without the suffix that names the government (人民政府, 办事处).
func nameCore(name string) string {
	var b strings.Builder
	for _, r := range name {
		switch {
		case unicode.IsSpace(r) || r == '\u3000':
			continue
		case r >= 'Ａ' && r <= 'Ｚ' || r >= 'ａ' && r <= 'ｚ' || r >= '０' && r <= '９':
			r -= 'Ａ' - 'A'
		}
		b.WriteRune(r)
	}
	s := b.String()
	for _, suffix := range []string{"人民政府", "街道办事处", "办事处", "政府"} {
		if rest, ok := strings.CutSuffix(s, suffix); ok && rest != "" {
			if suffix == "街道办事处" {
				rest += "街道"
			}
			s = rest
			break
		}
	}
	return s
}
