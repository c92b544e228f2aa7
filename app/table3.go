package app

import "strings"

// 表三 body rows are declared as a label tree: a node with children is a
// row-spanning group label; a leaf is one data row (formats.md §4).

type t3Node struct {
	label    string
	key      string // leaf row key
	name     string // leaf row name in messages
	result   bool   // a result row, summed into （七）总计
	children []t3Node
}

// t3Columns are the value columns: six applicant columns, then 总计.
var t3Columns = []struct{ key, header, path, name, loc string }{
	{"natural", "自然人", "自然人", "自然人", "自然人"},
	{"commercial", "商业企业", "法人或其他组织 › 商业企业", "商业企业", "商业企业"},
	{"research", "科研机构", "法人或其他组织 › 科研机构", "科研机构", "科研机构"},
	{"social", "社会公益组织", "法人或其他组织 › 社会公益组织", "社会公益组织", "社会公益组织"},
	{"legal", "法律服务机构", "法人或其他组织 › 法律服务机构", "法律服务机构", "法律服务机构"},
	{"othorg", "其他", "法人或其他组织 › 其他", "其他", "其他（法人或其他组织）"},
	{"total", "总计", "总计", "总计", "总计"},
}

// ApplicantColumns are the six 表三 columns whose sum is the 总计 column.
var ApplicantColumns = []string{"natural", "commercial", "research", "social", "legal", "othorg"}

// T3Columns are all seven 表三 value columns.
var T3Columns = append(append([]string{}, ApplicantColumns...), "total")

func leaf(key, label, name string) t3Node {
	return t3Node{key: key, label: label, name: name, result: true}
}

func t3Tree(other t3Node) []t3Node {
	results := t3Node{label: "三、本年度办理结果", children: []t3Node{
		leaf("granted", "（一）予以公开", "（一）予以公开"),
		leaf("partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "（二）部分公开"),
		{label: "（三）不予公开", children: []t3Node{
			leaf("denied.secret", "1.属于国家秘密", "（三）不予公开 1.属于国家秘密"),
			leaf("denied.lawforbid", "2.其他法律行政法规禁止公开", "（三）不予公开 2.其他法律行政法规禁止公开"),
			leaf("denied.security", "3.危及“三安全一稳定”", "（三）不予公开 3.危及“三安全一稳定”"),
			leaf("denied.thirdparty", "4.保护第三方合法权益", "（三）不予公开 4.保护第三方合法权益"),
			leaf("denied.internal", "5.属于三类内部事务信息", "（三）不予公开 5.属于三类内部事务信息"),
			leaf("denied.process", "6.属于四类过程性信息", "（三）不予公开 6.属于四类过程性信息"),
			leaf("denied.enforcement", "7.属于行政执法案卷", "（三）不予公开 7.属于行政执法案卷"),
			leaf("denied.query", "8.属于行政查询事项", "（三）不予公开 8.属于行政查询事项"),
		}},
		{label: "（四）无法提供", children: []t3Node{
			leaf("unable.nothold", "1.本机关不掌握相关政府信息", "（四）无法提供 1.本机关不掌握相关政府信息"),
			leaf("unable.create", "2.没有现成信息需要另行制作", "（四）无法提供 2.没有现成信息需要另行制作"),
			leaf("unable.unclear", "3.补正后申请内容仍不明确", "（四）无法提供 3.补正后申请内容仍不明确"),
		}},
		{label: "（五）不予处理", children: []t3Node{
			leaf("rejected.petition", "1.信访举报投诉类申请", "（五）不予处理 1.信访举报投诉类申请"),
			leaf("rejected.repeat", "2.重复申请", "（五）不予处理 2.重复申请"),
			leaf("rejected.publication", "3.要求提供公开出版物", "（五）不予处理 3.要求提供公开出版物"),
			leaf("rejected.massive", "4.无正当理由大量反复申请", "（五）不予处理 4.无正当理由大量反复申请"),
			leaf("rejected.confirm", "5.要求行政机关确认或重新出具已获取信息", "（五）不予处理 5.要求行政机关确认或重新出具已获取信息"),
		}},
		other,
		{label: "（七）总计", key: "total", name: "（七）总计"},
	}}
	return []t3Node{
		{label: "一、本年新收政府信息公开申请数量", key: "new", name: "本年新收"},
		{label: "二、上年结转政府信息公开申请数量", key: "carried", name: "上年结转"},
		results,
		{label: "四、结转下年度继续办理", key: "forward", name: "结转下年度"},
	}
}

// t3Other2021 is the （六） block of the 2021 format, with three sub-items.
var t3Other2021 = t3Node{label: "（六）其他处理", children: []t3Node{
	leaf("other.nocorrection", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "（六）其他处理 1.逾期不补正"),
	leaf("other.nofee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "（六）其他处理 2.逾期未缴费"),
	leaf("other.other", "3.其他", "（六）其他处理 3.其他"),
}}

// t3Other2019 is the single （六） row of the 2019 format.
var t3Other2019 = leaf("other", "（六）其他处理", "（六）其他处理")

func leaves(n t3Node) int {
	if len(n.children) == 0 {
		return 1
	}
	s := 0
	for _, c := range n.children {
		s += leaves(c)
	}
	return s
}

const t3LabelCols = 3

func buildTable3(other t3Node) (*Table, []string) {
	t := &Table{
		Key: "t3", Name: "表三", Heading: SectionHeadings[2], Cols: 10, HeaderRows: 3,
		Widths: []float64{12, 20, 52, 72.0 / 7, 72.0 / 7, 72.0 / 7, 72.0 / 7, 72.0 / 7, 72.0 / 7, 72.0 / 7},
	}
	t.Items = []Item{
		{Row: 0, Col: 0, RowSpan: 3, ColSpan: 3, Text: "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", Header: true},
		{Row: 0, Col: 3, RowSpan: 1, ColSpan: 7, Text: "申请人情况", Header: true},
		{Row: 1, Col: 3, RowSpan: 2, ColSpan: 1, Text: "自然人", Header: true},
		{Row: 1, Col: 4, RowSpan: 1, ColSpan: 5, Text: "法人或其他组织", Header: true},
		{Row: 1, Col: 9, RowSpan: 2, ColSpan: 1, Text: "总计", Header: true},
	}
	for i, c := range t3Columns[1:6] {
		t.Items = append(t.Items, Item{Row: 2, Col: 4 + i, RowSpan: 1, ColSpan: 1, Text: c.header, Header: true})
	}
	row := t.HeaderRows
	var results []string
	var place func(n t3Node, col int, path []string)
	place = func(n t3Node, col int, path []string) {
		path = append(path, n.label)
		if len(n.children) == 0 {
			t.Items = append(t.Items, Item{Row: row, Col: col, RowSpan: 1, ColSpan: t3LabelCols - col, Text: n.label})
			addT3Row(t, row, n, strings.Join(path, " › "))
			if n.result {
				results = append(results, n.key)
			}
			row++
			return
		}
		t.Items = append(t.Items, Item{Row: row, Col: col, RowSpan: leaves(n), ColSpan: 1, Text: n.label})
		for _, c := range n.children {
			place(c, col+1, path)
		}
	}
	for _, n := range t3Tree(other) {
		place(n, 0, nil)
	}
	t.Rows = row
	t.Blocks = nil
	// Totals: the 总计 column sums each row; the （七）总计 row sums the result rows.
	for _, c := range t.Cells {
		switch {
		case c.Row == "total" && c.Col != "total":
			for _, r := range results {
				c.Sum = append(c.Sum, "t3."+r+"."+c.Col)
			}
		case c.Col == "total":
			for _, a := range ApplicantColumns {
				c.Sum = append(c.Sum, "t3."+c.Row+"."+a)
			}
		}
	}
	return t, results
}

func addT3Row(t *Table, row int, n t3Node, path string) {
	for i, col := range t3Columns {
		c := &Cell{
			ID: "t3." + n.key + "." + col.key, Table: "t3", Row: n.key, Col: col.key,
			RowName: n.name, ColName: col.name, RowPath: path, ColPath: col.path,
			Location: "表三 " + n.name + "行 " + col.loc + "列",
			Kind:     Int0, Unit: "件",
		}
		t.Cells = append(t.Cells, c)
		t.Items = append(t.Items, Item{Row: row, Col: t3LabelCols + i, RowSpan: 1, ColSpan: 1, CellID: c.ID})
	}
}
