package xlsx

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

// styles are the cell styles of the workbook: 宋体 11 pt, thin borders;
// a number shows exactly the decimals it is stored with.
type styles struct {
	x                                   *excelize.File
	title, heading, header, label, text int
	numbers                             map[string]int // number format + computed → style
	err                                 error
}

var border = []excelize.Border{
	{Type: "left", Color: "000000", Style: 1}, {Type: "top", Color: "000000", Style: 1},
	{Type: "right", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1},
}

var font = &excelize.Font{Family: "宋体", Size: 11}

func newStyles(x *excelize.File) (*styles, error) {
	s := &styles{x: x, numbers: map[string]int{}}
	mk := func(st *excelize.Style) int {
		id, err := x.NewStyle(st)
		if err != nil && s.err == nil {
			s.err = fmt.Errorf("xlsx style: %w", err)
		}
		return id
	}
	s.title = mk(&excelize.Style{Font: &excelize.Font{Family: "宋体", Size: 14, Bold: true},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}})
	s.heading = mk(&excelize.Style{Font: &excelize.Font{Family: "黑体", Size: 12},
		Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center"}})
	s.header = mk(&excelize.Style{Font: font, Border: border,
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	s.label = mk(&excelize.Style{Font: font, Border: border,
		Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center", WrapText: true}})
	s.text = mk(&excelize.Style{Font: font, Border: border,
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}})
	return s, s.err
}

// number is the style of a number stored as text s; totals are shaded, as
// the window shows them.
func (s *styles) number(text string, computed bool) int {
	format := "0"
	if i := strings.IndexByte(text, '.'); i >= 0 {
		format += "." + strings.Repeat("0", len(text)-i-1)
	}
	key := fmt.Sprint(format, computed)
	if id, ok := s.numbers[key]; ok {
		return id
	}
	st := &excelize.Style{Font: font, Border: border, CustomNumFmt: &format,
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}}
	if computed {
		st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"EDEDED"}}
	}
	id, err := s.x.NewStyle(st)
	if err != nil {
		id = s.text // a format excelize refuses is shown as General
	}
	s.numbers[key] = id
	return id
}
