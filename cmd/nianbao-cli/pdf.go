package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"

	"nianbao/app"
	"nianbao/pdfout"
	"nianbao/pdfout/fonts"
)

func init() {
	register(&command{
		name:    "pdf",
		summary: "打印 PDF（公文版或公开版） / print the report as PDF",
		run:     runPDF,
	})
}

func runPDF(e *env, args []string) int {
	fl := flag.NewFlagSet("pdf", flag.ContinueOnError)
	fl.SetOutput(e.stderr)
	style := fl.String("style", "", "样式 style: gongwen（公文版）或 public（公开版）；默认取报告中的设置")
	seal := fl.String("seal", "", "印章图片 seal image (PNG with transparency)")
	draft := fl.Bool("draft", false, "有错误时仍打印草稿，每页标注「草稿」 / print a draft despite errors")
	prev := fl.String("prev", "", "上年报告，用于年度间校验 / previous year's report for cross-year checks")
	out := fl.String("o", "", "输出 PDF 文件 output PDF file")
	fontChoice := fl.String("fonts", "office", "字体 fonts: office（本机装有的公文字体，缺的用内置字体）或 builtin（只用内置字体）")
	fl.Usage = func() {
		fmt.Fprint(e.stderr, "用法 usage: nianbao-cli pdf [--style gongwen|public] [--seal FILE.png] [--draft] [--fonts office|builtin] -o OUT.pdf REPORT.json\n")
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
	if *style != "" && *style != app.StyleGongwen && *style != app.StylePublic {
		fmt.Fprintf(e.stderr, "样式“%s”无效，应为 gongwen 或 public。\n", *style)
		return exitFailure
	}
	if *fontChoice != "office" && *fontChoice != "builtin" {
		fmt.Fprintf(e.stderr, "字体选项“%s”无效，应为 office 或 builtin。\n", *fontChoice)
		return exitFailure
	}
	r, err := loadReportFile(files[0])
	if err != nil {
		fmt.Fprintln(e.stderr, err)
		return exitFailure
	}
	opt := pdfout.Options{Style: *style, Draft: *draft}
	if *seal != "" {
		if opt.Seal, err = readSeal(*seal); err != nil {
			fmt.Fprintf(e.stderr, "“%s”：%v\n", *seal, err)
			return exitFailure
		}
	}
	if *prev != "" {
		if opt.Prev, err = loadReportFile(*prev); err != nil {
			fmt.Fprintln(e.stderr, err)
			return exitFailure
		}
	}
	var choices []fonts.Choice
	if *fontChoice == "office" {
		opt.Fonts, choices = fonts.Office()
	} else {
		opt.Fonts, choices = fonts.Builtin()
	}
	// one report and then exit: collecting less often saves about a
	// tenth of the process's time for 2 MB more memory
	debug.SetGCPercent(400)
	var buf bytes.Buffer
	if err := pdfout.Render(&buf, r, opt); err != nil {
		var ce *pdfout.CheckError
		if errors.As(err, &ce) {
			fmt.Fprintln(e.stderr, err)
			for _, f := range ce.Findings {
				fmt.Fprintf(e.stderr, "  [%s] %s\n", f.Rule, f.Message)
			}
			return exitFinding
		}
		fmt.Fprintln(e.stderr, err)
		return exitFailure
	}
	if err := writeFileAtomic(*out, buf.Bytes()); err != nil {
		fmt.Fprintln(e.stderr, err)
		return exitFailure
	}
	for _, c := range choices {
		fmt.Fprintln(e.stdout, c)
	}
	printLint(e, r, opt)
	return exitOK
}

// printLint tells on stderr what the lint tier found in the printed text:
// a PDF leaves with its warnings said, never silently.
func printLint(e *env, r *app.Report, opt pdfout.Options) {
	res := app.Check(r, app.CheckOptions{Prev: opt.Prev, Allow: opt.Allow})
	n := 0
	for _, f := range res.Findings {
		if rule, ok := app.RuleByID(f.Rule); ok && rule.Tier == app.TierLint {
			fmt.Fprintf(e.stderr, "WARN %s %s %s\n", f.Rule, f.Anchor, app.Escape(f.Message))
			n++
		}
	}
	if n > 0 {
		fmt.Fprintf(e.stderr, "文字检查：%d个提示（已照原文打印，请核对）。\n", n)
	}
}

// readSeal reads at most one byte more than a seal may have and checks the
// image header, so a huge image is refused before it is decoded.
func readSeal(path string) ([]byte, error) {
	if st, err := os.Stat(path); err == nil && !st.Mode().IsRegular() {
		return nil, errors.New("不是图片文件（是文件夹或特殊文件）")
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("无法读取印章图片：%w", err)
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, pdfout.MaxSealFile+1))
	if err != nil {
		return nil, fmt.Errorf("无法读取印章图片：%w", err)
	}
	if err := pdfout.CheckSeal(b); err != nil {
		return nil, err
	}
	return b, nil
}
