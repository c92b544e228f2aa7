package app

// 表二 is declared as blocks: a caption row, a header row, then data rows.
// Every value column of a block may span several grid columns (formats.md §3).

type t2Col struct {
	key   string
	label string // header text, verbatim
	name  string // column name in messages (unit note dropped)
	span  int
	kind  Kind
	unit  string
}

type t2Row struct{ key, label string }

type t2Block struct {
	caption string
	cols    []t2Col
	rows    []t2Row
}

func buildTable2(blocks []t2Block) *Table {
	t := &Table{
		Key: "t2", Name: "表二", Heading: SectionHeadings[1], Cols: 4,
		Widths: []float64{46, 110.0 / 3, 110.0 / 3, 110.0 / 3},
	}
	r := 0
	for _, b := range blocks {
		start := r
		t.Items = append(t.Items, Item{Row: r, Col: 0, RowSpan: 1, ColSpan: 4, Text: b.caption, Caption: true})
		r++
		t.Items = append(t.Items, Item{Row: r, Col: 0, RowSpan: 1, ColSpan: 1, Text: "信息内容", Header: true})
		col := 1
		for _, c := range b.cols {
			t.Items = append(t.Items, Item{Row: r, Col: col, RowSpan: 1, ColSpan: c.span, Text: c.label, Header: true})
			col += c.span
		}
		r++
		for _, row := range b.rows {
			t.Items = append(t.Items, Item{Row: r, Col: 0, RowSpan: 1, ColSpan: 1, Text: row.label})
			col := 1
			for _, c := range b.cols {
				cell := &Cell{
					ID: "t2." + row.key + "." + c.key, Table: "t2", Row: row.key, Col: c.key,
					RowName: row.label, ColName: c.name,
					RowPath: b.caption + " › " + row.label, ColPath: c.label,
					Location: "表二 " + row.label + " " + c.name,
					Kind:     c.kind, Unit: c.unit,
				}
				t.Cells = append(t.Cells, cell)
				t.Items = append(t.Items, Item{Row: r, Col: col, RowSpan: 1, ColSpan: c.span, CellID: cell.ID})
				col += c.span
			}
			r++
		}
		t.Blocks = append(t.Blocks, [2]int{start, r})
	}
	t.Rows = r
	return t
}

func count(key, label string) t2Col {
	return t2Col{key: key, label: label, name: label, span: 1, kind: Int0, unit: "件"}
}

func decisions3() []t2Col {
	return []t2Col{{key: "decisions", label: "本年处理决定数量", name: "本年处理决定数量", span: 3, kind: Int0, unit: "件"}}
}

// table2of2021 follows 国办公开办函〔2021〕30号 (formats.md §3.1).
func table2of2021() *Table {
	stock := []t2Col{count("issued", "本年制发件数"), count("repealed", "本年废止件数"), count("effective", "现行有效件数")}
	return buildTable2([]t2Block{
		{caption: "第二十条第（一）项", cols: stock, rows: []t2Row{{"rule", "规章"}, {"normdoc", "行政规范性文件"}}},
		{caption: "第二十条第（五）项", cols: decisions3(), rows: []t2Row{{"license", "行政许可"}}},
		{caption: "第二十条第（六）项", cols: decisions3(), rows: []t2Row{{"penalty", "行政处罚"}, {"coercion", "行政强制"}}},
		{caption: "第二十条第（八）项",
			cols: []t2Col{{key: "amount", label: "本年收费金额（单位：万元）", name: "本年收费金额", span: 3, kind: Money, unit: "万元"}},
			rows: []t2Row{{"fee", "行政事业性收费"}}},
	})
}

// table2of2019 follows 国办公开办函〔2019〕60号 (formats.md §3.2). The last
// value box of the （八） and （九） blocks spans two columns 〔待确认〕.
func table2of2019() *Table {
	items := []t2Col{
		{key: "prev", label: "上一年项目数量", name: "上一年项目数量", span: 1, kind: Int0, unit: "项"},
		{key: "delta", label: "本年增/减", name: "本年增/减", span: 1, kind: Int, unit: "项"},
		{key: "decisions", label: "处理决定数量", name: "处理决定数量", span: 1, kind: Int0, unit: "件"},
	}
	return buildTable2([]t2Block{
		{caption: "第二十条第（一）项",
			cols: []t2Col{count("made", "本年新制作数量"), count("published", "本年新公开数量"), count("total", "对外公开总数量")},
			rows: []t2Row{{"rule", "规章"}, {"normdoc", "规范性文件"}}},
		{caption: "第二十条第（五）项", cols: items, rows: []t2Row{{"license", "行政许可"}, {"otherservice", "其他对外管理服务事项"}}},
		{caption: "第二十条第（六）项", cols: items, rows: []t2Row{{"penalty", "行政处罚"}, {"coercion", "行政强制"}}},
		{caption: "第二十条第（八）项",
			cols: []t2Col{items[0], {key: "delta", label: "本年增/减", name: "本年增/减", span: 2, kind: Int, unit: "项"}},
			rows: []t2Row{{"fee", "行政事业性收费"}}},
		{caption: "第二十条第（九）项",
			cols: []t2Col{
				{key: "items", label: "采购项目数量", name: "采购项目数量", span: 1, kind: Int0, unit: "个"},
				{key: "amount", label: "采购总金额", name: "采购总金额", span: 2, kind: Money, unit: "万元"},
			},
			rows: []t2Row{{"procurement", "政府集中采购"}}},
	})
}
