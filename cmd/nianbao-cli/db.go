package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"

	"nianbao/app"
	"nianbao/storage"
)

func init() {
	register(&command{
		name:    "db",
		summary: "管理工作区：列出、导出、导入、备份、恢复、检查 / manage the workspace: list, export, import, backup, restore, check",
		run:     runDB,
	})
}

type dbSub struct {
	usage string // after "nianbao-cli db "
	help  string // Chinese / English
	run   func(e *env, fl *flag.FlagSet, dbPath *string, args []string) int
}

var dbSubs = map[string]dbSub{
	"list":    {"list [--db FILE]", "列出工作区中的报告 / list the reports", dbList},
	"export":  {"export [--db FILE] (--id N | --unit NAME --year YYYY) [-o OUT.nianbao.json]", "导出一份报告为年报文件 / export a report as a report file", dbExport},
	"import":  {"import [--db FILE] [--replace | --keep-both] FILE.nianbao.json…", "导入年报文件 / import report files", dbImport},
	"backup":  {"backup [--db FILE]", "立即备份工作区 / back up the workspace now", dbBackup},
	"restore": {"restore [--db FILE] [--list] BACKUP.db", "从备份恢复工作区（原文件保留） / restore the workspace from a backup", dbRestore},
	"check":   {"check [--db FILE]", "完整性检查（不修改文件） / integrity check, read only", dbCheck},
}

func dbUsage(w io.Writer) {
	fmt.Fprint(w, "用法 usage: nianbao-cli db <子命令 subcommand> [参数 options]\n\n")
	names := make([]string, 0, len(dbSubs))
	for n := range dbSubs {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-8s %s\n           nianbao-cli db %s\n", n, dbSubs[n].help, dbSubs[n].usage)
	}
	fmt.Fprint(w, "\n--db 默认为用户数据目录中的工作区 / --db defaults to the workspace in the user data directory\n")
}

func runDB(e *env, args []string) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		if len(args) == 0 {
			dbUsage(e.stderr)
			return exitFailure
		}
		dbUsage(e.stdout)
		return exitOK
	}
	sub, ok := dbSubs[args[0]]
	if !ok {
		fmt.Fprintf(e.stderr, "未知子命令“%s”。\nunknown subcommand %q\n", args[0], args[0])
		dbUsage(e.stderr)
		return exitFailure
	}
	fl := flag.NewFlagSet("db "+args[0], flag.ContinueOnError)
	fl.SetOutput(e.stderr)
	dbPath := fl.String("db", "", "工作区文件 / workspace file")
	fl.Usage = func() {
		fmt.Fprintf(e.stderr, "用法 usage: nianbao-cli db %s\n%s\n", sub.usage, sub.help)
		fl.PrintDefaults()
	}
	return sub.run(e, fl, dbPath, args[1:])
}

// dbParse parses flags anywhere among the arguments and resolves --db.
func dbParse(e *env, fl *flag.FlagSet, dbPath *string, args []string) ([]string, int, bool) {
	rest, code, ok := parseAnywhere(fl, args)
	if !ok {
		return nil, code, false
	}
	if *dbPath == "" {
		p, err := storage.DefaultPath()
		if err != nil {
			fmt.Fprintf(e.stderr, "找不到用户数据目录，请用 --db 指定工作区文件：%v\n", err)
			return nil, exitFailure, false
		}
		*dbPath = p
	}
	// Resolved once: every later step names the same file.
	abs, err := filepath.Abs(*dbPath)
	if err != nil {
		fmt.Fprintf(e.stderr, "工作区路径“%s”无效：%v\n", *dbPath, err)
		return nil, exitFailure, false
	}
	*dbPath = abs
	return rest, exitOK, true
}

// dbOpenRead opens the workspace for list and export without writing to
// it; a workspace that needs its upgrade is opened the ordinary way.
func dbOpenRead(e *env, path string) *storage.Workspace {
	w, err := storage.OpenReadOnly(path)
	if errors.Is(err, storage.ErrOldSchema) {
		return dbOpen(e, path)
	}
	if err != nil {
		fmt.Fprintln(e.stderr, err)
		return nil
	}
	return w
}

func dbOpen(e *env, path string) *storage.Workspace {
	w, err := storage.Open(path)
	if err != nil {
		fmt.Fprintln(e.stderr, err)
		return nil
	}
	return w
}

// dbOpenNoArgs serves the subcommands that take only flags: it parses them
// and opens the workspace, or returns nil and the exit code.
func dbOpenNoArgs(e *env, fl *flag.FlagSet, dbPath *string, args []string) (*storage.Workspace, int) {
	rest, code, ok := dbParse(e, fl, dbPath, args)
	if !ok {
		return nil, code
	}
	if len(rest) != 0 {
		fl.Usage()
		return nil, exitFailure
	}
	w := dbOpen(e, *dbPath)
	if w == nil {
		return nil, exitFailure
	}
	return w, exitOK
}

func dbList(e *env, fl *flag.FlagSet, dbPath *string, args []string) int {
	rest, code, ok := dbParse(e, fl, dbPath, args)
	if !ok {
		return code
	}
	if len(rest) != 0 {
		fl.Usage()
		return exitFailure
	}
	var list []storage.ReportInfo
	w, err := storage.OpenReadOnly(*dbPath)
	switch {
	case errors.Is(err, storage.ErrNotFound): // never used, or still empty: no reports
	case errors.Is(err, storage.ErrOldSchema):
		if w = dbOpen(e, *dbPath); w == nil {
			return exitFailure
		}
	case err != nil:
		fmt.Fprintln(e.stderr, err)
		return exitFailure
	}
	if w != nil {
		defer w.Close()
		if list, err = w.Reports(); err != nil {
			fmt.Fprintln(e.stderr, err)
			return exitFailure
		}
	}
	fmt.Fprintln(e.stdout, "ID\t年度\t机关\t类型\t格式\t状态\t错误\t警告\t修改时间")
	for _, r := range list {
		fmt.Fprintf(e.stdout, "%d\t%d\t%s\t%s\t%s\t%s\t%d\t%d\t%s\n", r.ID, r.Year, app.Escape(r.Unit), r.Level, r.Format, r.Status,
			r.Errors, r.Warnings, r.Updated.Local().Format("2006-01-02 15:04"))
	}
	fmt.Fprintf(e.stdout, "共%d份报告。\n", len(list))
	return exitOK
}

func dbExport(e *env, fl *flag.FlagSet, dbPath *string, args []string) int {
	id := fl.Int64("id", 0, "报告ID（见 db list） / report ID as shown by db list")
	unit := fl.String("unit", "", "机关名称 / unit name")
	year := fl.Int("year", 0, "报告年度 / report year")
	out := fl.String("o", "", "输出文件，默认标准输出 / output file, default stdout")
	rest, code, ok := dbParse(e, fl, dbPath, args)
	if !ok {
		return code
	}
	if len(rest) != 0 || (*id == 0) == (*unit == "" || *year == 0) {
		fl.Usage()
		return exitFailure
	}
	w := dbOpenRead(e, *dbPath)
	if w == nil {
		return exitFailure
	}
	defer w.Close()
	if *id == 0 {
		found, err := w.FindReport(*unit, *year)
		if err != nil {
			fmt.Fprintf(e.stderr, "工作区中没有“%s”%d年的报告。\n", *unit, *year)
			return exitFailure
		}
		*id = found
	}
	if *out == "" {
		if err := w.ExportJSON(*id, e.stdout); err != nil {
			fmt.Fprintln(e.stderr, err)
			return exitFailure
		}
		return exitOK
	}
	var buf bytes.Buffer
	if err := w.ExportJSON(*id, &buf); err != nil {
		fmt.Fprintln(e.stderr, err)
		return exitFailure
	}
	if err := writeFileAtomic(*out, buf.Bytes()); err != nil {
		fmt.Fprintln(e.stderr, err)
		return exitFailure
	}
	fmt.Fprintf(e.stdout, "已导出到“%s”。\n", *out)
	return exitOK
}

func dbImport(e *env, fl *flag.FlagSet, dbPath *string, args []string) int {
	replace := fl.Bool("replace", false, "同一机关同一年度的报告已存在时覆盖（原内容存为历史版本） / replace an existing report of the same unit and year")
	keepBoth := fl.Bool("keep-both", false, "已存在时两份都保留 / keep both reports")
	files, code, ok := dbParse(e, fl, dbPath, args)
	if !ok {
		return code
	}
	if len(files) == 0 || (*replace && *keepBoth) {
		fl.Usage()
		return exitFailure
	}
	mode := storage.ImportNew
	if *replace {
		mode = storage.ImportReplace
	} else if *keepBoth {
		mode = storage.ImportKeepBoth
	}
	w := dbOpen(e, *dbPath)
	if w == nil {
		return exitFailure
	}
	defer w.Close()
	result := exitOK
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			fmt.Fprintf(e.stderr, "%s：无法打开文件：%v\n", name, err)
			result = exitFailure
			continue
		}
		res, err := w.ImportReport(f, mode)
		f.Close()
		switch {
		case errors.Is(err, storage.ErrExists):
			fmt.Fprintf(e.stderr, "%s：%v请加 --replace 覆盖，或加 --keep-both 保留两份。\n", name, err)
			result = exitFailure
		case err != nil:
			fmt.Fprintf(e.stderr, "%s：%v\n", name, err)
			result = exitFailure
		default:
			fmt.Fprintf(e.stdout, "已导入“%s”，报告ID %d。\n", filepath.Base(name), res.ID)
			printStaleTotals(e, res.ID, res.Totals)
		}
	}
	return result
}

func dbBackup(e *env, fl *flag.FlagSet, dbPath *string, args []string) int {
	w, code := dbOpenNoArgs(e, fl, dbPath, args)
	if w == nil {
		return code
	}
	defer w.Close()
	p, err := w.Backup()
	if err != nil {
		fmt.Fprintln(e.stderr, err)
		return exitFailure
	}
	fmt.Fprintf(e.stdout, "已备份到“%s”。\n", p)
	return exitOK
}

func dbRestore(e *env, fl *flag.FlagSet, dbPath *string, args []string) int {
	list := fl.Bool("list", false, "列出可用的备份 / list the backups")
	rest, code, ok := dbParse(e, fl, dbPath, args)
	if !ok {
		return code
	}
	if *list {
		b, err := storage.ListBackups(*dbPath)
		if err != nil {
			fmt.Fprintln(e.stderr, err)
			return exitFailure
		}
		for _, p := range b {
			fmt.Fprintln(e.stdout, p)
		}
		fmt.Fprintf(e.stdout, "共%d个备份。\n", len(b))
		return exitOK
	}
	if len(rest) != 1 {
		fl.Usage()
		return exitFailure
	}
	aside, err := storage.RestoreBackupAside(*dbPath, rest[0])
	if err != nil {
		fmt.Fprintln(e.stderr, err)
		return exitFailure
	}
	if aside == "" {
		fmt.Fprintf(e.stdout, "已从“%s”恢复工作区。\n", rest[0])
		return exitOK
	}
	fmt.Fprintf(e.stdout, "已从“%s”恢复工作区，原工作区另存为“%s”，下次备份时移入备份文件夹。\n", rest[0], aside)
	return exitOK
}

func dbCheck(e *env, fl *flag.FlagSet, dbPath *string, args []string) int {
	rest, code, ok := dbParse(e, fl, dbPath, args)
	if !ok {
		return code
	}
	if len(rest) != 0 {
		fl.Usage()
		return exitFailure
	}
	n, err := storage.Verify(*dbPath)
	// Only a verdict on the file is a finding; not finding or not being
	// able to read it (full disk, no permission) is a failure to check.
	if err != nil && !errors.Is(err, storage.ErrCorrupt) && !errors.Is(err, storage.ErrNotWorkspace) && !errors.Is(err, storage.ErrNewer) {
		fmt.Fprintln(e.stderr, err)
		return exitFailure
	}
	if err != nil {
		fmt.Fprintln(e.stdout, err)
		return exitFinding
	}
	fmt.Fprintf(e.stdout, "工作区完好：完整性检查通过，共%s份报告。\n", strconv.Itoa(n))
	return exitOK
}

// printStaleTotals lists the file's totals that disagreed with their terms:
// the workspace stores the computed ones, the import revision the file.
func printStaleTotals(e *env, id int64, ts []app.TotalMismatch) {
	if len(ts) == 0 {
		return
	}
	fmt.Fprintf(e.stdout, "文件中有%d个合计与各项之和不一致，工作区已按计算值保存（原文件保存在报告%d的历史版本中）：\n", len(ts), id)
	for _, t := range ts {
		loc := t.Cell
		for _, f := range app.Formats() {
			if c := f.Cell(t.Cell); c != nil {
				loc = c.Location
				break
			}
		}
		fmt.Fprintf(e.stdout, "  %s（%s）：文件为%s，计算为%s\n", loc, t.Cell, show(t.Published), show(t.Computed))
	}
}

func show(v string) string {
	if v == "" {
		return "(空)"
	}
	return "(" + v + ")"
}
