package app

import "testing"

func TestFixPunctFixture(t *testing.T) {
	r := loadReport(t, "../testdata/broken/LINT-PUNCT.nianbao.json")
	got := FixPunct(r.Text.S6)
	want := "本年度收取信息处理费0.5万元，共计3,119元（按件计收）。办公时间9:00至17:00，咨询网址：http://www.xinjiang.gov.cn/zwgk?id=1，邮箱xxgk@xinjiang.gov.cn。使用Word,Excel编辑。他说“依法公开”是原则。"
	if got != want {
		t.Errorf("FixPunct\n got  %q\n want %q", got, want)
	}
	r.Text.S6 = got
	if f := only(t, Check(r, CheckOptions{}).Findings, "LINT-PUNCT"); f != nil {
		t.Errorf("after 规范标点: %v", f)
	}
}

func TestFixPunctCases(t *testing.T) {
	for in, want := range map[string]string{
		"改进措施:一是抓手,二是":               "改进措施：一是抓手，二是",
		"是否公开?是!":                    "是否公开？是！",
		"一是;二是":                      "一是；二是",
		"(一)主动公开":                    "（一）主动公开",
		"依据《条例》(2019年修订)。":           "依据《条例》（2019年修订）。",
		"说明(见附件1).":                  "说明（见附件1）.",
		"'依法公开'原则":                   "‘依法公开’原则",
		"the clerk's 文件":             "the clerk's 文件",
		"\"open data\" 与 text":       "\"open data\" 与 text",
		"共3,119件,9:30开始":             "共3,119件，9:30开始",
		"Word,Excel":                 "Word,Excel",
		"见https://a.gov.cn/?q=政务,公开": "见https://a.gov.cn/?q=政务，公开",
		"无":                          "无",
	} {
		if got := FixPunct(in); got != want {
			t.Errorf("FixPunct(%q) = %q, want %q", in, got, want)
		}
	}
}

// After 规范标点 on every seed section no LINT-PUNCT finding remains, and
// the text changes only where half-width marks were.
func TestFixPunctClearsSeeds(t *testing.T) {
	for _, path := range []string{"../testdata/seeds/mogu-2023-clean.nianbao.json", "../testdata/seeds/shimen-2020.nianbao.json", "../testdata/seeds/zhangwu-2021.nianbao.json"} {
		r := loadReport(t, path)
		for _, p := range TextFields {
			f := r.TextField(p)
			fixed := FixPunct(*f)
			if len([]rune(fixed)) != len([]rune(*f)) {
				t.Errorf("%s %s: FixPunct changed the length", path, p)
			}
			*f = fixed
		}
		if got := only(t, Check(r, CheckOptions{}).Findings, "LINT-PUNCT"); got != nil {
			t.Errorf("%s: %v", path, got)
		}
	}
}
