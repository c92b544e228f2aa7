package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"golang.org/x/sys/windows"
)

// With NIANBAO_CONSOLE_PROBE set, the test binary only writes ownConsole()
// to that file; the tests below start it the ways a clerk would.
func init() {
	if out := os.Getenv("NIANBAO_CONSOLE_PROBE"); out != "" {
		v := "shared"
		if ownConsole() {
			v = "own"
		}
		os.WriteFile(out, []byte(v), 0o644)
		os.Exit(0)
	}
}

func consoleOf(t *testing.T, flags uint32, via ...string) string {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	dir, err := os.MkdirTemp("", "nianbao-console-")
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "verdict.txt")
	t.Cleanup(func() { os.Remove(out); os.Remove(dir) })
	args := append(via, exe, "-test.run=^$")
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Env = append(os.Environ(), "NIANBAO_CONSOLE_PROBE="+out)
	cmd.SysProcAttr = &syscall.SysProcAttr{CreationFlags: flags}
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v: %v\n%s", args, err, b)
	}
	v, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(string(v))
}

// Started from cmd.exe, as a clerk types the command: no pause.
func TestConsoleSharedWithShell(t *testing.T) {
	comspec := os.Getenv("ComSpec")
	if comspec == "" {
		comspec = `C:\Windows\System32\cmd.exe`
	}
	if got := consoleOf(t, windows.CREATE_NEW_CONSOLE, comspec, "/c"); got != "shared" {
		t.Errorf("under cmd.exe: %s console, want shared (no pause)", got)
	}
}

// Started on a console of its own, as Explorer does on a double-click: pause.
func TestConsoleOwnWhenDoubleClicked(t *testing.T) {
	if got := consoleOf(t, windows.CREATE_NEW_CONSOLE); got != "own" {
		t.Errorf("on a new console: %s, want own (pause)", got)
	}
}
