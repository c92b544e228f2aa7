package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"nianbao/app"
	"nianbao/importer"
)

func init() {
	register(&command{
		name:    "import",
		summary: "从已发布的报告（txt/html/mht/docx/xlsx/pdf）导入为报告文件 / read a published report into a report file",
		run:     runImport,
	})
}

func runImport(e *env, args []string) int {
	fl := flag.NewFlagSet("import", flag.ContinueOnError)
	fl.SetOutput(e.stderr)
	out := fl.String("o", "", "输出报告文件，默认为输入文件名加 .nianbao.json / output report file")
	force := fl.Bool("f", false, "覆盖已有的输出文件 / overwrite an existing output file")
	year := fl.Int("year", 0, "报告年度（覆盖识别结果） / report year, overrides what is found")
	unit := fl.String("unit", "", "机关全称（覆盖识别结果） / name of the reporting body")
	level := fl.String("level", "", "机关类型 township|county|department|city|province")
	asJSON := fl.Bool("json", false, "以JSON输出识别摘要 / print the summary as one JSON object")
	fl.Usage = func() {
		fmt.Fprint(e.stderr, "用法 usage: nianbao-cli import [-o OUT.nianbao.json] [-f] [--year Y] [--unit NAME] [--level L] [--json] INPUT\n"+
			"INPUT: .txt .html/.htm .mht .docx .xlsx .pdf .nianbao.json\n")
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
	if *level != "" && app.LevelName(*level) == "" {
		fmt.Fprintf(e.stderr, "机关类型“%s”无效，应为 township、county、department、city 或 province。\n", *level)
		return exitFailure
	}
	in := files[0]
	target := *out
	if target == "" {
		target = defaultImportName(in)
	}
	if !*force {
		if st, err := os.Stat(target); err == nil && st.Mode().IsRegular() {
			fmt.Fprintf(e.stderr, "文件“%s”已存在，为免覆盖已有报告，未导入；要覆盖请加 -f，或用 -o 换一个文件名。\n", target)
			return exitFailure
		}
	}
	res, err := importer.ImportFile(context.Background(), in, importer.Options{Year: *year, Unit: strings.TrimSpace(*unit), Level: *level})
	if err != nil {
		var ie *importer.Error
		if errors.As(err, &ie) {
			fmt.Fprintf(e.stderr, "“%s”：%s\n", in, ie.Msg)
		} else {
			fmt.Fprintf(e.stderr, "“%s”无法导入：%v\n", in, err)
		}
		return exitFailure
	}
	rep := res.Report
	if rep.Year == 0 {
		fmt.Fprintf(e.stderr, "“%s”中找不到报告年度，请用 --year 指定。\n", in)
		return exitFailure
	}
	if rep.Unit.Name == "" || rep.Unit.Level == "" {
		fmt.Fprintf(e.stderr, "“%s”中找不到机关名称或类型，请用 --unit 和 --level 指定。\n", in)
		return exitFailure
	}
	data, err := app.MarshalReport(rep)
	if err != nil {
		fmt.Fprintf(e.stderr, "无法生成报告文件：%v\n", err)
		return exitFailure
	}
	if err := writeFileAtomic(target, data); err != nil {
		fmt.Fprintln(e.stderr, err)
		return exitFailure
	}
	if *asJSON {
		if err := writeImportJSON(e.stdout, res); err != nil {
			fmt.Fprintf(e.stderr, "输出失败：%v\n", err)
			return exitFailure
		}
		return exitOK
	}
	writeImportSummary(e.stdout, res, target)
	return exitOK
}

// defaultImportName is the input's name with .nianbao.json for its extension.
func defaultImportName(in string) string {
	base := strings.TrimSuffix(in, filepath.Ext(in))
	if strings.HasSuffix(strings.ToLower(in), ".nianbao.json") {
		base = in[:len(in)-len(".nianbao.json")] + "-导入"
	}
	return base + ".nianbao.json"
}

var fieldNames = map[string]string{
	"doc.title": "标题", "doc.doc_number": "发文字号", "doc.signer": "签发人", "doc.signature": "署名",
	"doc.date": "成文日期", "doc.note": "附注", "doc.cc": "抄送", "doc.printed_by": "印发机关", "doc.printed_date": "印发日期",
	"doc.issuer_mark": "发文机关标志",
}

func writeImportSummary(w io.Writer, res *importer.Result, target string) {
	rep := res.Report
	f := rep.FormatDef()
	source := "按原文文字识别"
	if res.Source == importer.SourceEmbedded {
		source = "读取内嵌的报告数据"
	}
	fmt.Fprintf(w, "已导入“%s”（%s）。\n", target, source)
	fmt.Fprintf(w, "格式：%s（%s）。\n", f.Name, res.FormatReason)
	found := func(label string, fd importer.Found, show string) {
		if fd.Value == "" {
			fmt.Fprintf(w, "%s：未找到。\n", label)
			return
		}
		fmt.Fprintf(w, "%s：%s（%s）。\n", label, show, fd.Where)
	}
	found("机关", res.Unit, res.Unit.Value)
	found("机关类型", res.Level, app.LevelName(res.Level.Value))
	found("年度", res.Year, res.Year.Value)
	fmt.Fprintf(w, "表格：识别%d格，共%d格（不含自动计算的合计）。\n", res.Recognised, res.Inputs)
	for _, c := range res.Empty {
		cell := f.Cell(c.Cell)
		fmt.Fprintf(w, "  留空 %s %s：%s\n", c.Cell, cell.Location, importer.ReasonText(c.Reason))
	}
	for _, m := range res.Totals {
		cell := f.Cell(m.Cell)
		fmt.Fprintf(w, "  合计不符 %s %s：原文%s，计算得%s（已改为计算值）\n", m.Cell, cell.Location, m.Published, m.Computed)
	}
	var heads []string
	for _, s := range res.Sections {
		heads = append(heads, s.Heading)
	}
	if len(heads) == 0 {
		fmt.Fprint(w, "文字部分：未找到六个部分的标题。\n")
	} else {
		fmt.Fprintf(w, "文字部分：%s。\n", strings.Join(heads, "、"))
	}
	for _, p := range app.DocFields {
		if v, ok := res.DocFields[p]; ok && fieldNames[p] != "" {
			fmt.Fprintf(w, "%s：%s\n", fieldNames[p], v)
		}
	}
	if res.DocFields["doc.signature"] == "" {
		fmt.Fprint(w, "署名：未找到。\n")
	}
	if res.DocFields["doc.date"] == "" {
		fmt.Fprint(w, "成文日期：未找到。\n")
	}
	for _, s := range res.Warnings {
		fmt.Fprintf(w, "提示：%s\n", s)
	}
}

// importJSON is the --json summary; the field names are part of the interface.
type importJSON struct {
	Format          string                   `json:"format"`
	Year            int                      `json:"year"`
	Unit            string                   `json:"unit"`
	Level           string                   `json:"level"`
	Recognised      int                      `json:"recognised"`
	Empty           []importer.EmptyCell     `json:"empty"`
	PublishedTotals []importer.TotalMismatch `json:"published_totals"`
	Sections        []importer.Section       `json:"sections"`
	Warnings        []string                 `json:"warnings"`
}

func writeImportJSON(w io.Writer, res *importer.Result) error {
	j := importJSON{
		Format: res.Format, Year: res.Report.Year, Unit: res.Report.Unit.Name, Level: res.Report.Unit.Level,
		Recognised: res.Recognised, Empty: res.Empty, PublishedTotals: res.Totals, Sections: res.Sections, Warnings: res.Warnings,
	}
	if j.Empty == nil {
		j.Empty = []importer.EmptyCell{}
	}
	if j.PublishedTotals == nil {
		j.PublishedTotals = []importer.TotalMismatch{}
	}
	if j.Sections == nil {
		j.Sections = []importer.Section{}
	}
	if j.Warnings == nil {
		j.Warnings = []string{}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(j)
}
