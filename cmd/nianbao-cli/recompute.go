package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

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
		fmt.Fprintf(e.stderr, "无法写回报告文件“%s”：%v\n", path, err)
		return exitFailure
	}
	fmt.Fprintf(e.stdout, "已重新计算合计：%d个单元格有变化，已写回“%s”。\n", changed, path)
	return exitOK
}

// writeFileAtomic replaces path only once the new bytes are safely on disk,
// so an interrupted write never leaves half a report.
func writeFileAtomic(path string, data []byte) error {
	mode := os.FileMode(0o644)
	if st, err := os.Stat(path); err == nil {
		mode = st.Mode().Perm()
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".nianbao-*.tmp")
	if err != nil {
		return fmt.Errorf("create temp file: %w", err)
	}
	name := tmp.Name()
	defer os.Remove(name) // no-op after a successful rename
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("write temp file: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("sync temp file: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("close temp file: %w", err)
	}
	if err := os.Chmod(name, mode); err != nil {
		return fmt.Errorf("chmod temp file: %w", err)
	}
	if err := os.Rename(name, path); err != nil {
		return fmt.Errorf("replace file: %w", err)
	}
	return nil
}
