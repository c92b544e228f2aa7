package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"

	"nianbao/app"
)

func init() {
	register(&command{
		name:    "check",
		summary: "校验报告中的数字、年份和文字 / check a report against the rules",
		run:     runCheck,
	})
}

// jsonFinding is a finding as `check --json` prints it: every field present,
// so that scripts need not guess about missing keys.
type jsonFinding struct {
	Rule     string   `json:"rule"`
	Severity string   `json:"severity"`
	Anchor   string   `json:"anchor"`
	Cells    []string `json:"cells"`
	Left     string   `json:"left"`
	Right    string   `json:"right"`
	Diff     string   `json:"diff"`
	Message  string   `json:"message"`
}

func runCheck(e *env, args []string) int {
	fl := flag.NewFlagSet("check", flag.ContinueOnError)
	fl.SetOutput(e.stderr)
	prev := fl.String("prev", "", "上年报告，用于年度间校验（X-CARRY） / last year's report for cross-year checks")
	asJSON := fl.Bool("json", false, "以 JSON 数组输出 / print the findings as a JSON array")
	lint := fl.Bool("lint", false, "同时运行文字提示规则 / also run the lint tier")
	fl.Usage = func() {
		fmt.Fprint(e.stderr, "用法 usage: nianbao-cli check [--prev LASTYEAR.nianbao.json] [--json] [--lint] FILE.nianbao.json\n")
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
	r, err := loadReportFile(files[0])
	if err != nil {
		fmt.Fprintln(e.stderr, err)
		return exitFailure
	}
	opt := app.CheckOptions{Core: !*lint}
	if *prev != "" {
		p, err := loadReportFile(*prev)
		if err != nil {
			fmt.Fprintln(e.stderr, err)
			return exitFailure
		}
		if p.Year != r.Year-1 || p.Unit.Name != r.Unit.Name {
			fmt.Fprintf(e.stderr, "上年报告“%s”是%s%d年度的报告，应为%s%d年度的报告。\n", *prev, p.Unit.Name, p.Year, r.Unit.Name, r.Year-1)
			return exitFailure
		}
		opt.Prev = p
	}
	res := app.Check(r, opt)
	if *asJSON {
		if err := writeFindingsJSON(e.stdout, res.Findings); err != nil {
			fmt.Fprintf(e.stderr, "输出失败：%v\n", err)
			return exitFailure
		}
	} else {
		for _, f := range res.Findings {
			fmt.Fprintf(e.stdout, "%s %s %s %s\n", severityWord(f.Severity), f.Rule, f.Anchor, f.Message)
		}
		fmt.Fprintln(e.stdout, summary(res))
	}
	if res.HasErrors() {
		return exitFinding
	}
	return exitOK
}

func severityWord(s app.Severity) string {
	if s == app.Error {
		return "ERROR"
	}
	return "WARN"
}

// summary is the last line of `check`: counts, and what was not checked.
func summary(res app.Result) string {
	s := fmt.Sprintf("检查结果：%d个错误，%d个警告", len(res.Errors()), len(res.Warnings()))
	reasons := map[string]int{}
	var order []string
	for _, sk := range res.Skipped {
		if reasons[sk.Reason] == 0 {
			order = append(order, sk.Reason)
		}
		reasons[sk.Reason]++
	}
	for _, r := range order {
		s += fmt.Sprintf("，%d项未检查（%s）", reasons[r], r)
	}
	return s + "。"
}

func writeFindingsJSON(w io.Writer, fs []app.Finding) error {
	out := make([]jsonFinding, len(fs))
	for i, f := range fs {
		cells := f.Cells
		if cells == nil {
			cells = []string{}
		}
		out[i] = jsonFinding{f.Rule, string(f.Severity), f.Anchor, cells, f.Left, f.Right, f.Diff, f.Message}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
