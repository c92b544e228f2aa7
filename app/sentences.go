package app

import (
	"fmt"
	"strings"
)

// DataSentences returns the sentences of a narrative section that follow
// from the tables, so that text and tables agree. They are phrased so the
// text-against-table checks read them back as the same numbers.
func DataSentences(r *Report, path string) string {
	switch path {
	case "text.preface", "text.s1":
		var out []string
		if s := activeSentence(r); s != "" {
			out = append(out, s)
		}
		out = append(out, applySentence(r), reviewSentence(r))
		return strings.Join(out, "\n")
	case "text.s6":
		return feeSentence(r)
	}
	return ""
}

// num is a cell's value as shown in text; an empty cell counts as 0.
func cellText(r *Report, id string) string {
	v := r.Value(id)
	if v.State != Number {
		return "0"
	}
	return v.Text
}

func cellIsZero(r *Report, id string) bool { return cellText(r, id) == "0" }

// activeSentence summarises the normative documents of 表二 (2021 format).
func activeSentence(r *Report) string {
	f := r.FormatDef()
	if f == nil || f.Cell("t2.normdoc.issued") == nil {
		return ""
	}
	return fmt.Sprintf("本年度制发行政规范性文件%s件，废止%s件，现行有效%s件。",
		cellText(r, "t2.normdoc.issued"), cellText(r, "t2.normdoc.repealed"), cellText(r, "t2.normdoc.effective"))
}

// applySentence summarises 表三.
func applySentence(r *Report) string {
	newN, carried := cellText(r, "t3.new.total"), cellText(r, "t3.carried.total")
	done, forward := cellText(r, "t3.total.total"), cellText(r, "t3.forward.total")
	if newN == "0" && carried == "0" {
		return "本年度未收到政府信息公开申请。"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "本年度共收到政府信息公开申请%s件", newN)
	if carried != "0" {
		fmt.Fprintf(&b, "，上年结转%s件", carried)
	}
	if forward == "0" {
		fmt.Fprintf(&b, "，办结%s件，均已按期答复。", done)
		return b.String()
	}
	fmt.Fprintf(&b, "，办结%s件，结转下年度继续办理%s件。", done, forward)
	return b.String()
}

// reviewSentence summarises 表四.
func reviewSentence(r *Report) string {
	review := cellText(r, "t4.review.total")
	direct, after := r.Value("t4.suitdirect.total"), r.Value("t4.suitafter.total")
	suit := direct.Num.Add(after.Num).String()
	if review == "0" && suit == "0" {
		return "本年度未发生因政府信息公开工作引起的行政复议、行政诉讼。"
	}
	return fmt.Sprintf("本年度因政府信息公开工作引起行政复议%s件、行政诉讼%s件。", review, suit)
}

// feeSentence states the 信息处理费 as far as the tables tell.
func feeSentence(r *Report) string {
	f := r.FormatDef()
	if f != nil && f.Cell("t3.other.nofee.total") != nil && !cellIsZero(r, "t3.other.nofee.total") {
		return fmt.Sprintf("本年度依照《政府信息公开信息处理费管理办法》收取信息处理费，因申请人逾期未缴纳信息处理费终止办理的申请%s件。",
			cellText(r, "t3.other.nofee.total"))
	}
	return "本年度未收取政府信息公开信息处理费。"
}

// FeeItem is the first item of section 六.
func FeeItem(r *Report) string {
	return "（一）信息处理费收取情况\n" + feeSentence(r)
}
