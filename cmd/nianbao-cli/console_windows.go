package main

import (
	"bufio"
	"fmt"
	"io"
	"unsafe"

	"golang.org/x/sys/windows"
)

var procGetConsoleProcessList = windows.NewLazySystemDLL("kernel32.dll").NewProc("GetConsoleProcessList")

// ownConsole reports whether this process is alone on its console, which is
// what a double-click in Explorer gives: the console window then closes, and
// the output with it, the moment the program exits. From cmd.exe or
// PowerShell the shell shares the console and the count is 2 or more.
func ownConsole() bool {
	if procGetConsoleProcessList.Find() != nil {
		return false
	}
	var ids [4]uint32
	n, _, _ := procGetConsoleProcessList.Call(uintptr(unsafe.Pointer(&ids[0])), uintptr(len(ids)))
	return n == 1
}

// pauseBeforeExit keeps a console that Explorer opened until the clerk
// presses Enter, so the help text or the error can be read. It does nothing
// when a shell started the program.
func pauseBeforeExit(stdin io.Reader, stdout io.Writer) {
	if !ownConsole() {
		return
	}
	fmt.Fprint(stdout, "\n这是命令行工具，请在“命令提示符”或 PowerShell 中运行。按回车键关闭此窗口。\n"+
		"This is a command-line tool; run it from cmd or PowerShell. Press Enter to close.\n")
	_, _ = bufio.NewReader(stdin).ReadString('\n')
}
