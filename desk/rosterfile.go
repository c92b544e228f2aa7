package desk

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

const maxRosterFile = 8 << 20

// ReadRosterFile reads a roster from a text file (one unit a line, see
// ParseRoster) or from the first column of the first sheet of an .xlsx;
// a first row reading 单位名称 or similar is taken as a heading.
func ReadRosterFile(year int, path string) (Roster, error) {
	st, err := os.Stat(path)
	if err != nil {
		return Roster{}, fmt.Errorf("找不到名单文件“%s”", path)
	}
	if st.IsDir() || st.Size() > maxRosterFile {
		return Roster{}, fmt.Errorf("“%s”不是名单文件（应为不超过8 MB的文本或 Excel 文件）", path)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return Roster{}, fmt.Errorf("无法读取名单文件“%s”：%w", path, err)
	}
	if strings.HasSuffix(strings.ToLower(path), ".xlsx") {
		return rosterFromXLSX(year, data)
	}
	if !utf8.Valid(data) {
		return Roster{}, fmt.Errorf("名单文件“%s”不是 UTF-8 编码的文本；请另存为 UTF-8 文本或 Excel 文件", path)
	}
	ro, err := ParseRoster(year, string(data))
	if err != nil {
		return ro, fmt.Errorf("名单文件“%s”：%w", path, err)
	}
	return ro, nil
}

func rosterFromXLSX(year int, data []byte) (Roster, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: 64 << 20, UnzipXMLSizeLimit: 16 << 20})
	if err != nil {
		return Roster{}, fmt.Errorf("名单 Excel 文件无法打开：%w", err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return Roster{}, fmt.Errorf("名单 Excel 文件中没有工作表")
	}
	rows, err := f.GetRows(sheets[0])
	if err != nil {
		return Roster{}, fmt.Errorf("名单 Excel 文件无法读取：%w", err)
	}
	ro := Roster{Year: year}
	for i, row := range rows {
		if len(row) == 0 || strings.TrimSpace(row[0]) == "" {
			continue
		}
		name := strings.TrimSpace(row[0])
		if i == 0 && (strings.Contains(name, "名称") || name == "单位") {
			continue
		}
		u := RosterUnit{Name: name}
		// a level and a parent are taken when the second column is a level
		if len(row) > 1 {
			if lv, ok := ParseLevel(row[1]); ok {
				u.Level = lv
				if len(row) > 2 {
					u.Parent = strings.TrimSpace(row[2])
				}
			}
		}
		if err := ro.Add(u); err != nil {
			return ro, fmt.Errorf("名单 Excel 文件第%d行：%w", i+1, err)
		}
	}
	return ro, nil
}
