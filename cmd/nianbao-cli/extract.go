package main

import (
	"flag"
	"fmt"

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
	data, err := pdfout.ReadPDFFile(files[0])
	if err != nil {
		fmt.Fprintln(e.stderr, err)
		return exitFailure
	}
	x, err := pdfout.Extract(data)
	if err != nil {
		fmt.Fprintf(e.stderr, "“%s”：%v\n", files[0], err)
		return exitFailure
	}
	// A doubtful attachment is still written out, for the reader to compare.
	result := exitOK
	for _, w := range x.Warnings {
		fmt.Fprintf(e.stderr, "“%s”：%s\n", files[0], w)
		result = exitFinding
	}
	if *out == "" {
		if _, err := e.stdout.Write(x.JSON); err != nil {
			fmt.Fprintf(e.stderr, "写出失败：%v\n", err)
			return exitFailure
		}
		return result
	}
	if err := writeFileAtomic(*out, x.JSON); err != nil {
		fmt.Fprintln(e.stderr, err)
		return exitFailure
	}
	return result
}
