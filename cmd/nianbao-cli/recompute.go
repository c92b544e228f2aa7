package main

import (
	"flag"
	"fmt"

	"nianbao/app"
)

func init() {
	register(&command{
		name:    "recompute",
		summary: "重新计算全部合计并写回文件 / recompute all derived totals in place",
		run:     runRecompute,
	})
}

func runRecompute(e *env, args []string) int {
	fl := flag.NewFlagSet("recompute", flag.ContinueOnError)
	fl.SetOutput(e.stderr)
	fl.Usage = func() {
		fmt.Fprint(e.stderr, "用法 usage: nianbao-cli recompute FILE.nianbao.json\n"+
			"重新计算表三总计列、（七）总计行和表四总计，写回原文件。\n"+
			"Recomputes the 表三 总计 column and （七）总计 row and the 表四 totals, and writes the file back.\n")
	}
	files, code, ok := parseAnywhere(fl, args)
	if !ok {
		return code
	}
	if len(files) != 1 {
		fl.Usage()
		return exitFailure
	}
	path := files[0]
	r, err := loadReportFile(path)
	if err != nil {
		fmt.Fprintln(e.stderr, err)
		return exitFailure
	}
	before := make(map[string]string, len(r.Cells))
	for k, v := range r.Cells {
		before[k] = v
	}
	app.Recompute(r)
	changed := 0
	for _, c := range r.FormatDef().Cells() {
		if c.Computed() && before[c.ID] != r.Cells[c.ID] {
			changed++
		}
	}
	data, err := app.MarshalReport(r)
	if err != nil {
		fmt.Fprintf(e.stderr, "无法生成报告文件：%v\n", err)
		return exitFailure
	}
	if err := writeFileAtomic(path, data); err != nil {
		fmt.Fprintln(e.stderr, err)
		return exitFailure
	}
	fmt.Fprintf(e.stdout, "已重新计算合计：%d个单元格有变化，已写回“%s”。\n", changed, path)
	return exitOK
}
