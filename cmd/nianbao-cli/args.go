package main

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"nianbao/app"
)

// parseAnywhere parses flags that may come before or after the file names.
// ok is false when the command must stop with code.
func parseAnywhere(fl *flag.FlagSet, args []string) (files []string, code int, ok bool) {
	for {
		if err := fl.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, exitOK, false
			}
			return nil, exitFailure, false
		}
		args = fl.Args()
		if len(args) == 0 {
			return files, exitOK, true
		}
		if args[0] == "--" {
			return append(files, args[1:]...), exitOK, true
		}
		files = append(files, args[0])
		args = args[1:]
	}
}

// loadReportFile reads a report file; the error is one Chinese sentence
// that names the file.
func loadReportFile(path string) (*app.Report, error) {
	f, err := os.Open(path)
	if err != nil {
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return nil, fmt.Errorf("找不到报告文件“%s”。", path)
		case errors.Is(err, fs.ErrPermission):
			return nil, fmt.Errorf("没有权限读取报告文件“%s”。", path)
		}
		return nil, fmt.Errorf("无法打开报告文件“%s”：%w", path, err)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, fmt.Errorf("“%s”是文件夹，不是报告文件。", path)
	}
	r, err := app.ReadReport(f)
	if err != nil {
		var fe *app.FileError
		if errors.As(err, &fe) {
			return nil, fmt.Errorf("无法读取报告文件“%s”：%s。", path, strings.TrimSuffix(fe.Error(), "。"))
		}
		return nil, fmt.Errorf("无法读取报告文件“%s”：%w", path, err)
	}
	return r, nil
}
