package main

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"nianbao/app"
)

func init() {
	register(&command{
		name:    "new",
		summary: "新建空白年报（按年度选用格式） / create an empty report of the right format",
		run:     runNew,
	})
}

func runNew(e *env, args []string) int {
	fl := flag.NewFlagSet("new", flag.ContinueOnError)
	fl.SetOutput(e.stderr)
	unit := fl.String("unit", "", "机关全称，如 张坞镇人民政府 / full name of the reporting body")
	level := fl.String("level", "", "机关类型 township|county|department|city|province")
	year := fl.Int("year", 0, "报告年度（统计的年份），如 2021 / the report year")
	out := fl.String("o", "", "输出文件；省略时写到标准输出 / output file (default: stdout)")
	fl.Usage = func() {
		fmt.Fprint(e.stderr, "用法 usage: nianbao-cli new --unit 张坞镇人民政府 --level township --year 2021 [-o FILE.nianbao.json]\n")
		fl.PrintDefaults()
	}
	rest, code, ok := parseAnywhere(fl, args)
	if !ok {
		return code
	}
	if len(rest) != 0 || strings.TrimSpace(*unit) == "" || *level == "" || *year == 0 {
		fmt.Fprint(e.stderr, "请同时给出 --unit、--level 和 --year。\n")
		fl.Usage()
		return exitFailure
	}
	if *year > 2100 {
		fmt.Fprintf(e.stderr, "报告年度%d无效。\n", *year)
		return exitFailure
	}
	r, err := app.NewReport(strings.TrimSpace(*unit), *level, *year)
	if err != nil {
		fmt.Fprintf(e.stderr, "%v。\n", strings.TrimSuffix(err.Error(), "。"))
		return exitFailure
	}
	data, err := app.MarshalReport(r)
	if err != nil {
		fmt.Fprintf(e.stderr, "无法生成报告文件：%v\n", err)
		return exitFailure
	}
	if *out == "" {
		if _, err := e.stdout.Write(data); err != nil {
			fmt.Fprintf(e.stderr, "输出失败：%v\n", err)
			return exitFailure
		}
		return exitOK
	}
	f, err := os.OpenFile(*out, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if os.IsExist(err) {
			fmt.Fprintf(e.stderr, "文件“%s”已存在，为免覆盖已有报告，请换一个文件名。\n", *out)
		} else {
			fmt.Fprintf(e.stderr, "无法创建文件“%s”：%v\n", *out, err)
		}
		return exitFailure
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(*out)
		fmt.Fprintf(e.stderr, "无法写入文件“%s”：%v\n", *out, err)
		return exitFailure
	}
	if err := f.Close(); err != nil {
		fmt.Fprintf(e.stderr, "无法写入文件“%s”：%v\n", *out, err)
		return exitFailure
	}
	f2, _ := app.FormatForYear(*year)
	fmt.Fprintf(e.stderr, "已新建%s%d年度报告“%s”（%s，%s）。\n", r.Unit.Name, r.Year, *out, f2.Name, f2.Notice)
	return exitOK
}
