package main

import (
	"flag"
	"fmt"
	"os"

	"nianbao/pdfout"
)

func init() {
	register(&command{
		name:    "extract",
		summary: "从 PDF 取出内嵌的年报数据 / extract the report file embedded in a PDF",
		run:     runExtract,
	})
}

func runExtract(e *env, args []string) int {
	fl := flag.NewFlagSet("extract", flag.ContinueOnError)
	fl.SetOutput(e.stderr)
	out := fl.String("o", "", "输出报告文件（默认写到标准输出） output report file (default stdout)")
	fl.Usage = func() {
		fmt.Fprint(e.stderr, "用法 usage: nianbao-cli extract IN.pdf [-o REPORT.json]\n")
		fl.PrintDefaults()
	}
	files, code, ok := parseAnywhere(fl, args)
	if !ok {
		return code
	}
	if len(files) != 1 {
		fl.Usage()
		return exitFailure
	}
	data, err := os.ReadFile(files[0])
	if err != nil {
		fmt.Fprintf(e.stderr, "无法读取“%s”：%v\n", files[0], err)
		return exitFailure
	}
	_, raw, err := pdfout.ExtractReport(data)
	if err != nil {
		fmt.Fprintf(e.stderr, "“%s”：%v\n", files[0], err)
		return exitFailure
	}
	if *out == "" {
		if _, err := e.stdout.Write(raw); err != nil {
			fmt.Fprintf(e.stderr, "写出失败：%v\n", err)
			return exitFailure
		}
		return exitOK
	}
	if err := writeFileAtomic(*out, raw); err != nil {
		fmt.Fprintln(e.stderr, err)
		return exitFailure
	}
	return exitOK
}
