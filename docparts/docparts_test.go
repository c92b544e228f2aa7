package docparts

import (
	"reflect"
	"strings"
	"testing"

	"nianbao/app"
)

func TestClassify(t *testing.T) {
	for _, c := range []struct {
		line string
		want Para
	}{
		{"一、总体情况", Para{Level: H1, Head: "一、总体情况", Standalone: true}},
		{"（一）主动公开", Para{Level: H2, Head: "（一）主动公开", Standalone: true}},
		{"(二)依申请公开", Para{Level: H2, Head: "(二)依申请公开", Standalone: true}},
		// a run-in heading: the first sentence in the level's font (seed 001)
		{"（一）高度重视、加强组织领导。我乡将…", Para{Level: H2, Head: "（一）高度重视、加强组织领导。", Rest: "我乡将…"}},
		{"1.加强平台整合。完成迁移。", Para{Level: H3, Head: "1.加强平台整合。", Rest: "完成迁移。"}},
		{"（1）专栏", Para{Level: H4, Head: "（1）专栏", Standalone: true}},
		// a heading that is one sentence ending in 。 stays with what follows,
		// as 「（二）其他需要通过年度报告予以报告的事项。」 must; a longer one is a paragraph
		{"二、无。", Para{Level: H1, Head: "二、无。", Standalone: true}},
		{"（二）" + strings.Repeat("长", 60) + "。", Para{Level: H2, Head: "（二）" + strings.Repeat("长", 60) + "。"}},
		{"2021年，我县认真贯彻。", Para{Rest: "2021年，我县认真贯彻。"}},
	} {
		if got := Classify(c.line); got != c.want {
			t.Errorf("Classify(%q) = %+v, want %+v", c.line, got, c.want)
		}
	}
	got := Paragraphs("  第一段\r\n\n\u3000\u3000第二段  \n")
	if len(got) != 2 || got[0].Text() != "第一段" || got[1].Text() != "第二段" {
		t.Errorf("Paragraphs: %+v", got)
	}
}

// TestTitleLines: the examples of gongwen.md §4.1.
func TestTitleLines(t *testing.T) {
	for _, c := range []struct {
		title, unit string
		want        []string
	}{
		{"漳平市西园镇人民政府2020年政府信息公开工作年度报告", "漳平市西园镇人民政府",
			[]string{"漳平市西园镇人民政府", "2020年政府信息公开工作年度报告"}},
		{"县政府2021年年报", "县政府", []string{"县政府2021年年报"}},
		// no unit prefix: broken before the year
		{"某某某某某某某某某某人民政府2021年政府信息公开工作年度报告", "",
			[]string{"某某某某某某某某某某人民政府", "2021年政府信息公开工作年度报告"}},
		// a unit name wider than a line breaks after 省/市/县/区/镇/乡, evenly
		{"内蒙古自治区呼伦贝尔市扎兰屯市卧牛河镇人民政府2021年政府信息公开工作年度报告", "内蒙古自治区呼伦贝尔市扎兰屯市卧牛河镇人民政府",
			[]string{"内蒙古自治区呼伦贝尔市", "扎兰屯市卧牛河镇人民政府", "2021年政府信息公开工作年度报告"}},
	} {
		if got := TitleLines(c.title, c.unit); !reflect.DeepEqual(got, c.want) {
			t.Errorf("TitleLines(%q) = %q, want %q", c.title, got, c.want)
		}
	}
}

// TestClosingColumns: the worked example of gongwen.md §4.4 b (seed 004)
// and the 加盖印章 layout of §4.4 a.
func TestClosingColumns(t *testing.T) {
	r := &app.Report{Doc: app.Doc{Signature: "新绛县人民政府", Date: "2022-02-08", Note: "此件主动公开",
		CC: "运城市人民政府办公室", PrintedBy: "新绛县人民政府办公室", PrintedDate: "2022-02-08"}}
	pub := ClosingOf(r, app.StylePublic)
	if pub.Date != "2022年2月8日" || pub.DateCol != 20 || pub.SignCol != 18 {
		t.Errorf("公开版: %+v, want date 2022年2月8日 at 20, 署名 at 18", pub)
	}
	if pub.Note != "" || pub.HasBanji() || pub.Sealed {
		t.Error("公开版 carries 附注 or 版记")
	}
	gw := ClosingOf(r, app.StyleGongwen)
	// date 右空四字: 28 − 4 − 6 = 18; 署名 (7 字) centred on it: 18 + 3 − 3.5
	if gw.DateCol != 18 || gw.SignCol != 17.5 || !gw.Sealed {
		t.Errorf("公文版: %+v", gw)
	}
	if gw.Note != "（此件主动公开）" || gw.CC != "抄送：运城市人民政府办公室。" || gw.PrintedDate != "2022年2月8日印发" {
		t.Errorf("公文版 附注/版记: %+v", gw)
	}
}

func TestSmallHelpers(t *testing.T) {
	if CNDate("2021-01-09") != "2021年1月9日" || CNDate("2021-02-30") != "2021-02-30" || CNDate("") != "" {
		t.Error("CNDate")
	}
	if Note("（此件主动公开）") != "（此件主动公开）" || Note(" 此件主动公开 ") != "（此件主动公开）" {
		t.Error("Note")
	}
	if CC("抄送：甲，乙。") != "抄送：甲，乙。" || CC("甲") != "抄送：甲。" || CC(" ") != "" {
		t.Error("CC")
	}
	if got := strings.Join(Signers("王堃、李喆 张赟,赵一"), "|"); got != "王堃|李喆|张赟|赵一" {
		t.Errorf("Signers %q", got)
	}
	if Width("2021年") != 3 || Width("（一）") != 3 {
		t.Errorf("Width: %v %v", Width("2021年"), Width("（一）"))
	}
	r := &app.Report{Unit: app.Unit{Name: "张坞镇人民政府"}}
	if IssuerMark(r) != "张坞镇人民政府文件" || Style(r, "") != app.StylePublic || Style(r, "gongwen") != app.StyleGongwen {
		t.Error("IssuerMark or Style")
	}
}

// TestBodyOrder: preface, 一 and its text, 二–四 each with its table, 五, 六.
func TestBodyOrder(t *testing.T) {
	r := &app.Report{Format: "2021", Text: app.Text{Preface: "引言", S1: "（一）主动公开", S5: "问题", S6: "其他"}}
	var got []string
	for _, b := range BodyBlocks(r) {
		if b.Table != nil {
			got = append(got, b.Table.Name)
		} else {
			got = append(got, b.Para.Text())
		}
	}
	want := "引言|一、总体情况|（一）主动公开|二、主动公开政府信息情况|表二|三、收到和处理政府信息公开申请情况|表三|" +
		"四、政府信息公开行政复议、行政诉讼情况|表四|五、存在的主要问题及改进情况|问题|六、其他需要报告的事项|其他"
	if strings.Join(got, "|") != want {
		t.Errorf("body order:\n%s\nwant\n%s", strings.Join(got, "|"), want)
	}
}

func TestPartLines(t *testing.T) {
	for _, c := range []struct {
		parts, want []string
	}{
		{[]string{"关于东关街道2021年", "政府信息公开工作年度报告的审核意见"},
			[]string{"关于东关街道2021年", "政府信息公开工作年度报告的审核意见"}},
		{[]string{"关于A镇", "审核意见"}, []string{"关于A镇审核意见"}},
	} {
		if got := PartLines(c.parts); !reflect.DeepEqual(got, c.want) {
			t.Errorf("PartLines(%q) = %q, want %q", c.parts, got, c.want)
		}
	}
}
