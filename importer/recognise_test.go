package importer

import (
	"context"
	"strings"
	"testing"
)

// page wraps table rows (cells separated by |) into a web page of a year.
func page(year string, sections map[string][]string) []byte {
	var b strings.Builder
	b.WriteString("<html><head><meta charset=\"utf-8\"><title>某镇人民政府" + year + "年政府信息公开工作年度报告</title></head><body>")
	for _, h := range []string{"二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况"} {
		b.WriteString("<p>" + h + "</p>")
		if rows := sections[h[:6]]; rows != nil { // "二、"
			b.WriteString("<table>")
			for _, r := range rows {
				b.WriteString("<tr>")
				for _, c := range strings.Split(r, "|") {
					b.WriteString("<td>" + c + "</td>")
				}
				b.WriteString("</tr>")
			}
			b.WriteString("</table>")
		}
	}
	b.WriteString("</body></html>")
	return []byte(b.String())
}

func importPage(t *testing.T, data []byte) *Result {
	t.Helper()
	res, err := Import(context.Background(), "p.html", data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestBlankCellsStayEmpty(t *testing.T) {
	res := importPage(t, page("2021", map[string][]string{
		"二、": {"信息内容|本年制发件数|本年废止件数|现行有效件数", "规章|&nbsp;|-|/", "行政规范性文件|—|<o:p> </o:p>|0"},
	}))
	for _, id := range []string{"t2.rule.issued", "t2.rule.repealed", "t2.rule.effective", "t2.normdoc.issued", "t2.normdoc.repealed"} {
		if v, ok := res.Published[id]; ok {
			t.Errorf("%s = %q, want empty", id, v)
		}
		if res.Report.Cells[id] != "" {
			t.Errorf("draft %s = %q, want empty", id, res.Report.Cells[id])
		}
	}
	if res.Published["t2.normdoc.effective"] != "0" {
		t.Errorf("effective %q", res.Published["t2.normdoc.effective"])
	}
	reasons := map[string]string{}
	for _, e := range res.Empty {
		reasons[e.Cell] = e.Reason
	}
	if reasons["t2.rule.repealed"] != ReasonBlank || reasons["t2.license.decisions"] != ReasonNotInSource {
		t.Errorf("reasons %v", reasons)
	}
}

func TestTextKeptTotalsComparedMoneyConverted(t *testing.T) {
	res := importPage(t, page("2019", map[string][]string{
		"二、": {"第二十条第（九）项", "信息内容|采购项目数量|采购总金额", "政府集中采购|3|251000元"},
		"四、": {"2|1|无|0|5|0|0|0|0|0|0|0|0|0|0"},
	}))
	if res.Format != "2019" {
		t.Fatalf("format %s", res.Format)
	}
	if got := res.Published["t2.procurement.amount"]; got != "25.1" {
		t.Errorf("251000元 read as %q, want 25.1 (万元)", got)
	}
	if !hasWarning(res, "已换算为25.1万元") {
		t.Errorf("conversion not reported: %v", res.Warnings)
	}
	if got := res.Published["t4.review.other"]; got != "无" {
		t.Errorf("text cell %q, want 无 kept", got)
	}
	// 2+1+0 is not the printed 5, but 无 is not a number: no comparison.
	if len(res.Totals) != 0 {
		t.Errorf("totals %v", res.Totals)
	}
	res = importPage(t, page("2022", map[string][]string{
		"四、": {"2|1|1|0|5|0|0|0|0|0|0|0|0|0|0"},
	}))
	if len(res.Totals) != 1 || res.Totals[0] != (TotalMismatch{Cell: "t4.review.total", Published: "5", Computed: "4"}) {
		t.Errorf("totals %v", res.Totals)
	}
	if res.Report.Cells["t4.review.total"] != "4" || res.Published["t4.review.total"] != "5" {
		t.Errorf("draft total %q, published %q", res.Report.Cells["t4.review.total"], res.Published["t4.review.total"])
	}
}

func TestFormatOfYearWins(t *testing.T) {
	// A 2022 report printed with the 2019 表二 labels: read as 2021, mismatch reported.
	res := importPage(t, page("2022", map[string][]string{
		"二、": {"第二十条第（一）项", "信息内容|本年新制作数量|本年新公开数量|对外公开总数量", "规章|1|2|3"},
	}))
	if res.Format != "2021" || !hasWarning(res, "表格标签属于2019年格式") {
		t.Errorf("format %s, warnings %v", res.Format, res.Warnings)
	}
	if res.Published["t2.rule.issued"] != "1" || res.Published["t2.rule.effective"] != "3" {
		t.Errorf("cells %v", res.Published)
	}
}

func TestLabelDamage(t *testing.T) {
	// Misprints, a shortened label, a label with a note, OCR damage.
	res := importPage(t, page("2021", map[string][]string{
		"三、": {
			"一、本年新收政府信息公开申请数量|5|0|0|0|0|0|5",
			"二、上年结转政府信息公开申请数量|0|0|0|0|0|0|0",
			"三、本年度办理结果|（一）子以公开|3|0|0|0|0|0|3",
			"（三）不予公开|2.其他法律行政止公开|1|0|0|0|0|0|1",
			"（四）无法提供|1.本机关不掌握相关政府信息（含转办）|1|0|0|0|0|0|1",
		},
	}))
	for id, want := range map[string]string{
		"t3.new.natural": "5", "t3.granted.natural": "3", "t3.denied.lawforbid.natural": "1", "t3.unable.nothold.total": "1",
	} {
		if res.Published[id] != want {
			t.Errorf("%s = %q, want %s", id, res.Published[id], want)
		}
	}
}

func TestGBKPage(t *testing.T) {
	// 二、主动公开政府信息情况 / 规章 0 0 7 in GBK, declared in a meta tag.
	gbk := []byte("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gbk\"><title>x</title></head><body><p>")
	gbk = append(gbk, 0xb6, 0xfe, 0xa1, 0xa2, 0xd6, 0xf7, 0xb6, 0xaf, 0xb9, 0xab, 0xbf, 0xaa) // 二、主动公开
	gbk = append(gbk, []byte("</p><table><tr><td>")...)
	gbk = append(gbk, 0xb9, 0xe6, 0xd5, 0xc2) // 规章
	gbk = append(gbk, []byte("</td><td>0</td><td>0</td><td>7</td></tr></table></body></html>")...)
	res, err := Import(context.Background(), "gbk.htm", gbk, Options{Year: 2021})
	if err != nil {
		t.Fatal(err)
	}
	if res.Published["t2.rule.effective"] != "7" {
		t.Errorf("cells %v", res.Published)
	}
}

func TestMatchedLinesPointAtTheSource(t *testing.T) {
	res, err := Import(context.Background(), "x.txt", []byte("二、主动公开政府信息情况\n说明文字\n规章\t0\t0\t1\n行政规范性文件\t2\t0\t3\n"), Options{Year: 2021})
	if err != nil {
		t.Fatal(err)
	}
	lines := res.Lines()
	if len(lines) != 4 || lines[2] != "规章\t0\t0\t1" {
		t.Fatalf("lines %q", lines)
	}
	if res.Matched[2] != "表二 规章" || res.Matched[3] != "表二 行政规范性文件" || len(res.Matched) != 2 {
		t.Errorf("matched %v", res.Matched)
	}
}

func TestAgainWithAnotherYear(t *testing.T) {
	res, err := Import(context.Background(), "x.txt", []byte("二、主动公开政府信息情况\n规章\t0\t0\t1\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Report.Year != 0 {
		t.Fatalf("year %d from a fragment", res.Report.Year)
	}
	again, err := res.Again(Options{Year: 2020, Unit: "某乡人民政府", Level: "township"})
	if err != nil {
		t.Fatal(err)
	}
	if again.Format != "2019" || again.Report.Year != 2020 || again.Report.Unit.Name != "某乡人民政府" || again.Published["t2.rule.total"] != "1" {
		t.Errorf("again: %s %d %+v %v", again.Format, again.Report.Year, again.Report.Unit, again.Published)
	}
}

func TestColumnsByHeader(t *testing.T) {
	// A 表三 that prints only 自然人 and 总计, and one with 总计 first.
	res := importPage(t, page("2021", map[string][]string{
		"三、": {
			"（本列数据的勾稽关系为……）|自然人|总计",
			"一、本年新收政府信息公开申请数量|4|5",
			"二、上年结转政府信息公开申请数量|-|1",
		},
	}))
	if res.Published["t3.new.natural"] != "4" || res.Published["t3.new.total"] != "5" || res.Published["t3.carried.total"] != "1" {
		t.Errorf("cells %v", res.Published)
	}
	if _, ok := res.Published["t3.new.commercial"]; ok || len(res.Published) != 3 {
		t.Errorf("a column not printed got a value: %v", res.Published)
	}
	if !hasWarning(res, "原文表格只印了部分列（自然人、总计）") {
		t.Errorf("warnings %v", res.Warnings)
	}
	res = importPage(t, page("2021", map[string][]string{
		"三、": {
			"申请人情况|总计|自然人|商业企业|科研机构|社会公益组织|法律服务机构|其他",
			"一、本年新收政府信息公开申请数量|7|6|1|0|0|0|0",
		},
	}))
	if res.Published["t3.new.total"] != "7" || res.Published["t3.new.natural"] != "6" || res.Published["t3.new.commercial"] != "1" || res.Published["t3.new.othorg"] != "0" {
		t.Errorf("permuted columns: %v", res.Published)
	}
}

func TestOtherFormatRowsAdded(t *testing.T) {
	// A 2020 report (2019 format: one （六）其他处理 row) printing the three
	// rows of the 2021 format: they are added into the one row.
	res := importPage(t, page("2020", map[string][]string{
		"三、": {
			"（五）不予处理|5.要求行政机关确认或重新出具已获取信息|0|0|0|0|0|0|0",
			"（六）其他处理|1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请|1|0|0|0|0|0|1",
			"2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请|0|2|0|0|0|0|2",
			"3.其他|1|0|0|0|0|0|1",
			"（七）总计|2|2|0|0|0|0|4",
		},
	}))
	if res.Format != "2019" {
		t.Fatalf("format %s", res.Format)
	}
	for id, want := range map[string]string{"t3.other.natural": "2", "t3.other.commercial": "2", "t3.other.research": "0", "t3.other.total": "4", "t3.total.total": "4"} {
		if res.Published[id] != want {
			t.Errorf("%s = %q, want %s", id, res.Published[id], want)
		}
	}
	if !hasWarning(res, "分为3行") {
		t.Errorf("warnings %v", res.Warnings)
	}
}
