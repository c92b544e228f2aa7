package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"nianbao/app"
	"nianbao/desk"
	"nianbao/pdfout/fonts"
)

func init() {
	register(&command{
		name:    "collect",
		summary: "上级审核：接收各单位报告、逐一校验并汇总 / receive, verify and sum the reports of many units",
		run:     runCollect,
	})
}

type collectFlags struct {
	year        int
	roster      string
	onlyPassing bool
	xlsx, pdf   string
	out         string
	asJSON      bool
	unit        string
	letters     string
	issuer      string
}

func runCollect(e *env, args []string) int {
	fl := flag.NewFlagSet("collect", flag.ContinueOnError)
	fl.SetOutput(e.stderr)
	var cf collectFlags
	fl.IntVar(&cf.year, "year", 0, "报告年度（必填） / the report year (required)")
	fl.StringVar(&cf.roster, "roster", "", "单位名单：文本文件（每行一个单位）或 Excel 文件第一列 / roster: a text file, one unit a line, or the first column of an .xlsx")
	fl.BoolVar(&cf.onlyPassing, "only-passing", false, "只汇总审核通过（无错误、数据一致）的报告 / sum only the reports that pass")
	fl.StringVar(&cf.xlsx, "xlsx", "", "汇总表输出为 Excel 文件 / write the sums as .xlsx")
	fl.StringVar(&cf.pdf, "pdf", "", "汇总报告输出为 PDF 文件 / write the sums as PDF")
	fl.StringVar(&cf.out, "o", "", "汇总报告输出为报告文件 / write the sums as a report file")
	fl.BoolVar(&cf.asJSON, "json", false, "以一个 JSON 对象输出 / print one JSON object")
	fl.StringVar(&cf.unit, "unit", desk.DefaultAggregateUnit, "汇总报告的单位名称 / the unit named on the sums")
	fl.StringVar(&cf.letters, "letters", "", "为每个有问题的单位在此文件夹写出审核意见（PDF 和 Word） / write a 审核意见 (PDF and DOCX) per unit with findings into this folder")
	fl.StringVar(&cf.issuer, "issuer", "", "审核意见的署名（审核单位） / the reviewing office signing the letters")
	fl.Usage = func() {
		fmt.Fprint(e.stderr, "用法 usage: nianbao-cli collect --year Y [--roster FILE] [--only-passing] [--xlsx OUT.xlsx] [--pdf OUT.pdf] [-o SUM.nianbao.json] [--json] [--letters DIR [--issuer NAME]] INPUT...\n"+
			"INPUT 为文件或文件夹（含子文件夹） / INPUT: files or folders, searched recursively\n"+
			"退出码 exit: 0 全部报送且无错误 all reported, no errors; 1 有未报送、有错误或数据不一致 missing, errors or inconsistent; 2 没有可读的文件 nothing readable\n")
		fl.PrintDefaults()
	}
	inputs, code, ok := parseAnywhere(fl, args)
	if !ok {
		return code
	}
	if cf.year == 0 || len(inputs) == 0 {
		fl.Usage()
		return exitFailure
	}
	if app.FormatIDForYear(cf.year) == "" {
		fmt.Fprintf(e.stderr, "%d年度报告使用2019年以前的旧格式，本程序不支持。\n", cf.year)
		return exitFailure
	}
	var roster desk.Roster
	if cf.roster != "" {
		var err error
		if roster, err = desk.ReadRosterFile(cf.year, cf.roster); err != nil {
			fmt.Fprintln(e.stderr, err)
			return exitFailure
		}
	}
	paths, bad := desk.ListInputs(inputs)
	files := append(bad, desk.Intake(paths, desk.Options{Import: desk.TextImporter(60 * time.Second), ReadPrinted: desk.PrintedReader(60 * time.Second)})...)
	readable := 0
	for _, f := range files {
		if f.Report != nil {
			readable++
		}
	}
	batch := desk.Verify(cf.year, roster, files, app.CheckOptions{})
	ag, err := desk.Sum(batch, cf.unit, "", cf.onlyPassing)
	if err != nil {
		fmt.Fprintln(e.stderr, err)
		return exitFailure
	}
	if cf.asJSON {
		if err := writeCollectJSON(e.stdout, batch, ag); err != nil {
			fmt.Fprintf(e.stderr, "输出失败：%v\n", err)
			return exitFailure
		}
	} else {
		printCollect(e.stdout, batch, ag)
	}
	if readable == 0 {
		fmt.Fprintln(e.stderr, "没有可读取的报告：所给的文件都无法识别。")
		return exitFailure
	}
	if err := writeCollectOutputs(e, cf, ag, batch); err != nil {
		fmt.Fprintln(e.stderr, err)
		return exitFailure
	}
	for _, u := range batch.Units {
		if u.InRoster && (u.Current == nil || u.Status == desk.StatusErrors || u.Status == desk.StatusInconsistent) {
			return exitFinding
		}
	}
	return exitOK
}

func printCollect(w io.Writer, b *desk.Batch, ag *desk.Aggregate) {
	for _, u := range b.Units {
		// names, paths and reasons come from received files: escaped, so a
		// control character cannot fake a line or recolour the terminal
		line := fmt.Sprintf("%s\t%s", u.Status.Label(), app.Escape(u.Unit.Name))
		if !u.InRoster {
			line += "（名单外）"
		}
		switch {
		case u.Current != nil:
			line += fmt.Sprintf("\t%d个错误，%d个警告\t%s（%s）", u.Errors, u.Warnings, app.Escape(u.Current.Path), u.Current.Source.Label(u.Current.Path))
			for _, f := range u.Findings {
				if f.Rule == desk.RuleTextMismatch || f.Rule == desk.RuleAttachment {
					line += "\t" + app.Escape(f.Message)
					break
				}
			}
		case u.Reason != "":
			line += "\t" + app.Escape(u.Reason)
		}
		fmt.Fprintln(w, line)
	}
	unreadable := 0
	for _, f := range b.Files {
		if f.Status == desk.FileUnreadable {
			unreadable++
			fmt.Fprintf(w, "无法识别\t%s\t%s\n", app.Escape(f.Path), app.Escape(f.Reason))
		}
	}
	n := b.Counts()
	fmt.Fprintf(w, "共%d个单位：通过%d，有警告%d，有错误%d，数据不一致%d，无法识别%d，未报送%d；收到文件%d个，其中无法识别%d个；汇总%d个单位%s。\n",
		len(b.Units), n[desk.StatusOK], n[desk.StatusWarnings], n[desk.StatusErrors], n[desk.StatusInconsistent],
		n[desk.StatusUnreadable], n[desk.StatusMissing], len(b.Files), unreadable, len(ag.Included), passingNote(ag))
}

func passingNote(ag *desk.Aggregate) string {
	if ag.OnlyPassing {
		return "（只汇总审核通过的报告）"
	}
	return "（汇总全部已报送的报告）"
}

type collectJSON struct {
	Year      int               `json:"year"`
	Units     []collectUnitJSON `json:"units"`
	Files     []collectFileJSON `json:"files"`
	Aggregate aggregateJSON     `json:"aggregate"`
}

type collectUnitJSON struct {
	Unit     string        `json:"unit"`
	Status   string        `json:"status"`
	File     string        `json:"file"`
	Source   string        `json:"source"`
	Errors   int           `json:"errors"`
	Warnings int           `json:"warnings"`
	Findings []jsonFinding `json:"findings"`
	InRoster bool          `json:"in_roster"`
	Reason   string        `json:"reason,omitempty"`
}

type collectFileJSON struct {
	File   string `json:"file"`
	Status string `json:"status"`
	Reason string `json:"reason"`
	Unit   string `json:"unit,omitempty"`
	SHA256 string `json:"sha256,omitempty"`
}

type aggregateJSON struct {
	Included    []string          `json:"included"`
	Missing     []string          `json:"missing"`
	Excluded    []string          `json:"excluded"`
	OnlyPassing bool              `json:"only_passing"`
	Errors      int               `json:"errors"`
	Warnings    int               `json:"warnings"`
	Cells       map[string]string `json:"cells"`
}

func writeCollectJSON(w io.Writer, b *desk.Batch, ag *desk.Aggregate) error {
	out := collectJSON{Year: b.Year, Units: []collectUnitJSON{}, Files: []collectFileJSON{}}
	for _, u := range b.Units {
		ju := collectUnitJSON{Unit: u.Unit.Name, Status: string(u.Status), Errors: u.Errors, Warnings: u.Warnings,
			Findings: toJSONFindings(u.Findings), InRoster: u.InRoster, Reason: u.Reason}
		if u.Current != nil {
			ju.File, ju.Source = u.Current.Path, string(u.Current.Source)
		}
		out.Units = append(out.Units, ju)
	}
	for _, f := range b.Files {
		out.Files = append(out.Files, collectFileJSON{File: f.Path, Status: string(f.Status), Reason: f.Reason, Unit: f.Unit, SHA256: f.Hash})
	}
	out.Aggregate = aggregateJSON{Included: nonNil(ag.Included), Missing: nonNil(ag.Missing), Excluded: nonNil(ag.Excluded),
		OnlyPassing: ag.OnlyPassing, Errors: len(ag.Check.Errors()), Warnings: len(ag.Check.Warnings()), Cells: ag.Cells()}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func toJSONFindings(fs []app.Finding) []jsonFinding {
	out := make([]jsonFinding, len(fs))
	for i, f := range fs {
		cells := f.Cells
		if cells == nil {
			cells = []string{}
		}
		out[i] = jsonFinding{f.Rule, string(f.Severity), f.Anchor, cells, f.Left, f.Right, f.Diff, f.Message}
	}
	return out
}

// writeCollectOutputs writes the requested exports of the sums.
func writeCollectOutputs(e *env, cf collectFlags, ag *desk.Aggregate, b *desk.Batch) error {
	write := func(path, what string, render func(w io.Writer) error) error {
		var buf bytes.Buffer
		if err := render(&buf); err != nil {
			return fmt.Errorf("无法生成%s：%w", what, err)
		}
		if err := writeFileAtomic(path, buf.Bytes()); err != nil {
			return err
		}
		if !cf.asJSON {
			fmt.Fprintf(e.stdout, "已写出%s“%s”。\n", what, path)
		}
		return nil
	}
	if cf.out != "" {
		if err := write(cf.out, "汇总报告文件", func(w io.Writer) error { return app.WriteReport(w, ag.Report) }); err != nil {
			return err
		}
	}
	if cf.pdf != "" {
		if err := write(cf.pdf, "汇总报告 PDF", func(w io.Writer) error { return desk.WriteAggregatePDF(w, ag) }); err != nil {
			return err
		}
	}
	if cf.xlsx != "" {
		if err := write(cf.xlsx, "汇总表 Excel 文件", func(w io.Writer) error { return desk.WriteXLSX(w, b, ag) }); err != nil {
			return err
		}
	}
	if cf.letters == "" {
		return nil
	}
	if err := os.MkdirAll(cf.letters, 0o755); err != nil {
		return fmt.Errorf("无法创建文件夹“%s”：%w", cf.letters, err)
	}
	// in the office's fonts, as `pdf` and `docx` print by default
	set, choices := fonts.Office()
	for _, u := range b.Units {
		l, ok := desk.LetterFor(u, b.Year, desk.LetterOptions{Issuer: cf.issuer, PDFFonts: set, WordFonts: fonts.WordNames(choices)})
		if !ok {
			continue
		}
		base := filepath.Join(cf.letters, letterName(u.Unit.Name, b.Year))
		if err := write(base+".pdf", "审核意见", l.WritePDF); err != nil {
			return err
		}
		if err := write(base+".docx", "审核意见", l.WriteDOCX); err != nil {
			return err
		}
	}
	return nil
}

// letterName is the file name of a unit's 审核意见, without characters a
// file system refuses.
func letterName(unit string, year int) string {
	name := "审核意见-" + unit + "-" + strconv.Itoa(year)
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(`\/:*?"<>|`, r) || r < ' ' {
			return '_'
		}
		return r
	}, name)
}
