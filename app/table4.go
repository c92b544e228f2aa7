package app

// 表四 is identical in both formats (formats.md §5).

var t4Groups = []struct{ key, name, path string }{
	{"review", "行政复议", "行政复议"},
	{"suitdirect", "未经复议直接起诉", "行政诉讼 › 未经复议直接起诉"},
	{"suitafter", "复议后起诉", "行政诉讼 › 复议后起诉"},
}

var t4Columns = []struct{ key, header string }{
	{"upheld", "结果维持"}, {"corrected", "结果纠正"}, {"other", "其他结果"}, {"pending", "尚未审结"}, {"total", "总计"},
}

// T4Groups are the 表四 group keys in canonical order.
var T4Groups = []string{"review", "suitdirect", "suitafter"}

// T4Results are the four 表四 input columns summed into 总计.
var T4Results = []string{"upheld", "corrected", "other", "pending"}

func buildTable4() *Table {
	t := &Table{
		Key: "t4", Name: "表四", Heading: SectionHeadings[3], Cols: 15, Rows: 4, HeaderRows: 3,
		Blocks: [][2]int{{0, 4}},
	}
	for range 15 {
		t.Widths = append(t.Widths, 10.4)
	}
	t.Items = []Item{
		{Row: 0, Col: 0, RowSpan: 1, ColSpan: 5, Text: "行政复议", Header: true},
		{Row: 0, Col: 5, RowSpan: 1, ColSpan: 10, Text: "行政诉讼", Header: true},
		{Row: 1, Col: 5, RowSpan: 1, ColSpan: 5, Text: "未经复议直接起诉", Header: true},
		{Row: 1, Col: 10, RowSpan: 1, ColSpan: 5, Text: "复议后起诉", Header: true},
	}
	for i, c := range t4Columns {
		t.Items = append(t.Items,
			Item{Row: 1, Col: i, RowSpan: 2, ColSpan: 1, Text: c.header, Header: true},
			Item{Row: 2, Col: 5 + i, RowSpan: 1, ColSpan: 1, Text: c.header, Header: true},
			Item{Row: 2, Col: 10 + i, RowSpan: 1, ColSpan: 1, Text: c.header, Header: true},
		)
	}
	for g, grp := range t4Groups {
		for i, col := range t4Columns {
			c := &Cell{
				ID: "t4." + grp.key + "." + col.key, Table: "t4", Row: grp.key, Col: col.key,
				RowName: grp.name, ColName: col.header, RowPath: grp.path, ColPath: col.header,
				Location: "表四 " + grp.name + " " + col.header, Kind: Int0, Unit: "件",
			}
			if col.key == "total" {
				for _, r := range T4Results {
					c.Sum = append(c.Sum, "t4."+grp.key+"."+r)
				}
			}
			t.Cells = append(t.Cells, c)
			t.Items = append(t.Items, Item{Row: 3, Col: g*5 + i, RowSpan: 1, ColSpan: 1, CellID: c.ID})
		}
	}
	return t
}

func init() {
	t3, results := buildTable3(t3Other2021)
	register(&Format{
		ID: "2021", Name: "2021年格式", Notice: "国办公开办函〔2021〕30号",
		NoticeTitle: "《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》",
		Tables:      []*Table{table2of2021(), t3, buildTable4()},
		results:     results,
	})
	t3, results = buildTable3(t3Other2019)
	register(&Format{
		ID: "2019", Name: "2019年格式", Notice: "国办公开办函〔2019〕60号",
		NoticeTitle: "《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》",
		Tables:      []*Table{table2of2019(), t3, buildTable4()},
		results:     results,
	})
}
