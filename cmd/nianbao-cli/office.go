package main

import (
	"flag"
	"fmt"

	"nianbao/app"
	"nianbao/pdfout/fonts"
)

// officeExport describes one of the exchange formats (Word, Excel, web page).
type officeExport struct {
	name, what, ext string
	style           bool // offers --style
	fonts           bool // offers --fonts
	write           func(r *app.Report, o officeOptions) ([]byte, error)
}

// officeOptions are the options a writer gets.
type officeOptions struct {
	style string
	draft bool
	fonts map[string]string // role → font name found on this computer
}

// run parses «[--style …] [--draft] [--prev FILE] -o OUT REPORT», refuses a
// report with errors unless --draft, and writes the file atomically.
func (x officeExport) run(e *env, args []string) int {
	fl := flag.NewFlagSet(x.name, flag.ContinueOnError)
	fl.SetOutput(e.stderr)
	var style *string
	usage := "用法 usage: nianbao-cli " + x.name
	if x.style {
		style = fl.String("style", "", "样式 style: gongwen（公文版）或 public（公开版）；默认取报告中的设置")
		usage += " [--style gongwen|public]"
	}
	var fontChoice *string
	if x.fonts {
		fontChoice = fl.String("fonts", "office", "字体 fonts: office（写入本机装有的公文字体名，如“仿宋”）或 standard（一律写“仿宋_GB2312”等标准名）")
		usage += " [--fonts office|standard]"
	}
	draft := fl.Bool("draft", false, "有错误时仍导出草稿 / export a draft despite errors")
	prev := fl.String("prev", "", "上年报告，用于年度间校验 / previous year's report for cross-year checks")
	out := fl.String("o", "", "输出文件 output file ("+x.ext+")")
	fl.Usage = func() {
		fmt.Fprint(e.stderr, usage+" [--draft] -o OUT"+x.ext+" REPORT.json\n")
		fl.PrintDefaults()
	}
	files, code, ok := parseAnywhere(fl, args)
	if !ok {
		return code
	}
	if len(files) != 1 || *out == "" {
		fl.Usage()
		return exitFailure
	}
	st := ""
	if style != nil {
		st = *style
		if st != "" && st != app.StyleGongwen && st != app.StylePublic {
			fmt.Fprintf(e.stderr, "样式“%s”无效，应为 gongwen 或 public。\n", st)
			return exitFailure
		}
	}
	o := officeOptions{style: st, draft: *draft}
	if fontChoice != nil {
		switch *fontChoice {
		case "office":
			o.fonts = installedFontNames()
		case "standard":
		default:
			fmt.Fprintf(e.stderr, "字体选项“%s”无效，应为 office 或 standard。\n", *fontChoice)
			return exitFailure
		}
	}
	r, err := loadReportFile(files[0])
	if err != nil {
		fmt.Fprintln(e.stderr, err)
		return exitFailure
	}
	var opt app.CheckOptions
	if *prev != "" {
		if opt.Prev, err = loadReportFile(*prev); err != nil {
			fmt.Fprintln(e.stderr, err)
			return exitFailure
		}
	}
	if res := app.Check(r, opt); res.HasErrors() && !*draft {
		errs := res.Errors()
		fmt.Fprintf(e.stderr, "报告有%d处强制性错误，不能导出正式的%s；请先修正，或用 --draft 导出草稿。\n", len(errs), x.what)
		for _, f := range errs {
			fmt.Fprintf(e.stderr, "  [%s] %s\n", f.Rule, f.Message)
		}
		return exitFinding
	}
	b, err := x.write(r, o)
	if err != nil {
		fmt.Fprintln(e.stderr, err)
		return exitFailure
	}
	if err := writeFileAtomic(*out, b); err != nil {
		fmt.Fprintln(e.stderr, err)
		return exitFailure
	}
	return exitOK
}

// installedFontNames names the office fonts found on this computer by role,
// as the PDF finds them; roles served by a bundled font are left out.
func installedFontNames() map[string]string {
	_, choices := fonts.Office()
	return fonts.WordNames(choices)
}
