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
	asJSON := fl.Bool("json", false, "以 JSON 输出问题和未检查的规则 / print the findings and the rules not checked as JSON")
	core := fl.Bool("core", false, "只运行核心规则，不运行文字提示规则 / run the core tier only")
	fl.Bool("lint", false, "文字提示规则已默认运行，此选项保留以兼容旧脚本 / the lint tier runs by default; kept for old scripts")
	fl.Usage = func() {
		fmt.Fprint(e.stderr, "用法 usage: nianbao-cli check [--prev LASTYEAR.nianbao.json] [--json] [--core] FILE.nianbao.json\n")
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
	opt := app.CheckOptions{Core: *core}
	if *prev != "" {
		p, err := loadReportFile(*prev)
		if err != nil {
			fmt.Fprintln(e.stderr, err)
			return exitFailure
		}
		if p.Year != r.Year-1 || p.Unit.Name != r.Unit.Name {
			fmt.Fprintf(e.stderr, "上年报告“%s”是%s%d年度的报告，应为%s%d年度的报告。\n", *prev, app.Escape(p.Unit.Name), p.Year, app.Escape(r.Unit.Name), r.Year-1)
			return exitFailure
		}
		opt.Prev = p
	}
	res := app.Check(r, opt)
	if *asJSON {
		if err := writeResultJSON(e.stdout, res); err != nil {
			fmt.Fprintf(e.stderr, "输出失败：%v\n", err)
			return exitFailure
		}
	} else {
		for _, f := range res.Findings {
			fmt.Fprintf(e.stdout, "%s %s %s %s\n", severityWord(f.Severity), f.Rule, app.Escape(f.Anchor), app.Escape(f.Message))
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

// summary is the last line of `check`: counts, and what could not be
// checked. Rules that do not exist in the report's format are left out: the
// JSON lists them.
func summary(res app.Result) string {
	s := fmt.Sprintf("检查结果：%d个错误，%d个警告", len(res.Errors()), len(res.Warnings()))
	reasons := map[string]int{}
	var order []string
	for _, sk := range res.Skipped {
		if sk.Reason == app.SkipFormat {
			continue
		}
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

// jsonResult is what `check --json` prints: the findings, and every rule
// instance not checked with its reason (formats.md §8.1 未检查), so that a
// reader can tell «passed» from «could not check».
type jsonResult struct {
	Findings []jsonFinding `json:"findings"`
	Skipped  []app.Skipped `json:"skipped"`
}

func writeResultJSON(w io.Writer, res app.Result) error {
	out := jsonResult{Findings: make([]jsonFinding, len(res.Findings)), Skipped: res.Skipped}
	for i, f := range res.Findings {
		cells := f.Cells
		if cells == nil {
			cells = []string{}
		}
		out.Findings[i] = jsonFinding{f.Rule, string(f.Severity), f.Anchor, cells, f.Left, f.Right, f.Diff, f.Message}
	}
	if out.Skipped == nil {
		out.Skipped = []app.Skipped{}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
