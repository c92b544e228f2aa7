package desk

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"nianbao/app"
	"nianbao/pdfout/fonts"
)

// Letter is a 审核意见: the findings on one unit's report, to send back for
// correction. Its text is composed once and printed as PDF or DOCX.
type Letter struct {
	Gongwen   bool   // red 发文机关标志 and line above the title
	Issuer    string // the reviewing office, 发文机关署名
	DocNumber string // 发文字号, 公文 style only
	Title     string
	To        string   // 主送机关
	Intro     string   // the paragraph before the findings
	Items     []string // one finding a paragraph, numbered
	Closing   string
	Date      string // 成文日期 in Chinese

	// the office's fonts, as its reports print: nil / empty → bundled
	// fonts (PDF) and the standard names of gongwen.md §2.2 (Word)
	PDFFonts  *fonts.Set
	WordFonts map[string]string
}

// LetterOptions are the reviewing office's details.
type LetterOptions struct {
	Gongwen   bool
	Issuer    string
	DocNumber string
	Deadline  string // "1月31日"; "" leaves the deadline out
	Now       time.Time
	PDFFonts  *fonts.Set        // see Letter
	WordFonts map[string]string // see Letter
}

// LetterFor composes the 审核意见 of a unit, or false when there is nothing
// to correct (no file, or no finding).
func LetterFor(u *UnitResult, year int, opt LetterOptions) (Letter, bool) {
	if u == nil || u.Current == nil || len(u.Findings) == 0 {
		return Letter{}, false
	}
	if opt.Now.IsZero() {
		opt.Now = time.Now()
	}
	issuer := opt.Issuer
	if issuer == "" {
		issuer = "（审核单位）"
	}
	l := Letter{
		Gongwen: opt.Gongwen, Issuer: issuer, DocNumber: opt.DocNumber,
		PDFFonts: opt.PDFFonts, WordFonts: opt.WordFonts,
		Title: "关于" + u.Unit.Name + strconv.Itoa(year) + "年政府信息公开工作年度报告的审核意见",
		To:    u.Unit.Name + "：",
		Date:  cnDate(opt.Now),
	}
	errs, warns := 0, 0
	for _, f := range u.Findings {
		if f.Severity == app.Error {
			errs++
		} else {
			warns++
		}
	}
	src := u.Current.Source.Label(u.Current.Path)
	l.Intro = fmt.Sprintf("你单位报送的%d年政府信息公开工作年度报告（文件“%s”，数据来源：%s）已收悉。经审核，发现以下%d个问题（其中须修改的错误%d个、须核实或说明的提示%d个）：",
		year, filepath.Base(u.Current.Path), src, errs+warns, errs, warns)
	for _, f := range u.Findings {
		l.Items = append(l.Items, findingSentence(f))
	}
	l.Closing = "请对照上述问题逐项核实修改，错误项须改正，提示项确无问题的请在报告中作出说明，修改后重新生成PDF文件报送"
	if opt.Deadline != "" {
		l.Closing += "，报送时间不晚于" + opt.Deadline
	}
	l.Closing += "。"
	return l, true
}

// findingSentence is one finding in plain Chinese: the checker's message
// names the table, row and column and both values; the kind is said first.
func findingSentence(f app.Finding) string {
	kind := "【提示】"
	if f.Severity == app.Error {
		kind = "【错误】"
	}
	msg := strings.TrimSpace(f.Message)
	if !strings.HasSuffix(msg, "。") {
		msg += "。"
	}
	return kind + msg
}

func cnDate(t time.Time) string {
	return fmt.Sprintf("%d年%d月%d日", t.Year(), int(t.Month()), t.Day())
}

// Paragraphs are the body of the letter in print order, items numbered.
func (l Letter) Paragraphs() []string {
	out := []string{l.Intro}
	for i, it := range l.Items {
		out = append(out, strconv.Itoa(i+1)+"．"+it)
	}
	return append(out, l.Closing)
}
