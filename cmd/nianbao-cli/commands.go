package main

import (
	"fmt"
	"io"
	"sort"
)

// Exit codes shared by every command.
const (
	exitOK      = 0
	exitFinding = 1 // the command ran; the report has errors
	exitFailure = 2 // bad usage or an unreadable file
)

// env is what a command may touch; tests pass buffers.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

type command struct {
	name    string
	summary string // Chinese and English, one line each
	run     func(e *env, args []string) int
}

var commands = map[string]*command{}

// register adds a subcommand; each lives in its own file.
func register(c *command) {
	if commands[c.name] != nil {
		panic("duplicate command " + c.name)
	}
	commands[c.name] = c
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr}
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(stdout)
		return exitOK
	}
	c := commands[args[0]]
	if c == nil {
		fmt.Fprintf(stderr, "未知命令“%s”，运行 nianbao-cli help 查看可用命令。\nunknown command %q; see nianbao-cli help\n", args[0], args[0])
		return exitFailure
	}
	return c.run(e, args[1:])
}

func usage(w io.Writer) {
	fmt.Fprint(w, "年报助手命令行 — 政府信息公开工作年度报告的填报、校验与输出\n")
	fmt.Fprint(w, "nianbao-cli — prepare, check and print the annual report on government information disclosure\n\n")
	fmt.Fprint(w, "用法 usage: nianbao-cli <命令 command> [参数 options]\n\n")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, commands[n].summary)
	}
	fmt.Fprint(w, "\n每个命令的参数：nianbao-cli <命令> -h\nOptions of a command: nianbao-cli <command> -h\n")
}
