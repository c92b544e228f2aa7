package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// The clerk must get a message and the log an entry, never a panic trace.

func buildApp(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the real binary")
	}
	bin := filepath.Join(t.TempDir(), "nianbao")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

type runResult struct {
	code           int
	stdout, stderr string
}

func runApp(t *testing.T, bin string, env []string, args ...string) runResult {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = env
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("%s did not exit within 90 s\nstderr:\n%s", bin, stderr.String())
	}
	code := 0
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatalf("run %s: %v", bin, err)
	}
	return runResult{code, stdout.String(), stderr.String()}
}

// cleanEnv is a user with an empty home whose data directory is dataHome.
func cleanEnv(home, display string) []string {
	env := []string{
		"HOME=" + home,
		"XDG_DATA_HOME=" + filepath.Join(home, "data"),
		"XDG_CONFIG_HOME=" + filepath.Join(home, "config"),
		"XDG_CACHE_HOME=" + filepath.Join(home, "cache"),
		"PATH=/usr/bin:/bin",
		"LANG=C.UTF-8",
	}
	if display != "" {
		env = append(env, "DISPLAY="+display)
	}
	return env
}

func assertNoPanic(t *testing.T, r runResult) {
	t.Helper()
	for _, s := range []string{"panic:", "goroutine ", "SIGSEGV"} {
		if strings.Contains(r.stderr, s) || strings.Contains(r.stdout, s) {
			t.Errorf("output shows a crash (%q):\n%s", s, r.stderr)
		}
	}
}

func TestNoOpenGLGivesMessageAndLog(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("simulated with an X display that does not exist")
	}
	bin := buildApp(t)
	home := t.TempDir()
	r := runApp(t, bin, cleanEnv(home, ":987"))

	if r.code != 3 {
		t.Errorf("exit code %d, want 3 (no OpenGL)\nstderr:\n%s", r.code, r.stderr)
	}
	for _, want := range []string{"OpenGL", "显卡驱动", "nianbao-cli"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("message lacks %q:\n%s", want, r.stderr)
		}
	}
	assertNoPanic(t, r)

	logPath := filepath.Join(home, "data", "nianbao", "nianbao.log")
	log, err := os.ReadFile(logPath)
	if err != nil {
		t.Fatalf("no log entry: %v", err)
	}
	if !strings.Contains(string(log), "OpenGL") || !strings.Contains(string(log), "显卡驱动") {
		t.Errorf("log lacks the probe failure and the message:\n%s", log)
	}
}

func TestCorruptWorkspaceGivesMessageAndKeepsFile(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("needs Xvfb")
	}
	xvfb, err := exec.LookPath("xvfb-run")
	if err != nil {
		t.Skip("xvfb-run not installed (make test installs xvfb)")
	}
	bin := buildApp(t)
	home := t.TempDir()
	ws := filepath.Join(home, "报告", "workspace.db")
	if err := os.MkdirAll(filepath.Dir(ws), 0o755); err != nil {
		t.Fatal(err)
	}
	junk := make([]byte, 64<<10)
	if _, err := rand.Read(junk); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(ws, junk, 0o644); err != nil {
		t.Fatal(err)
	}

	// A zenity that records what it was asked to show, instead of waiting for a click.
	shims := filepath.Join(home, "shims")
	dialog := filepath.Join(home, "dialog.txt")
	if err := os.MkdirAll(shims, 0o755); err != nil {
		t.Fatal(err)
	}
	script := "#!/bin/sh\nprintf '%s\\n' \"$@\" > " + dialog + "\n"
	if err := os.WriteFile(filepath.Join(shims, "zenity"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	env := cleanEnv(home, "")
	env = append(env, "PATH="+shims+":/usr/bin:/bin")
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, xvfb, "-a", bin, "--workspace", ws)
	cmd.Env = env
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stderr, &stderr
	err = cmd.Run()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 4 {
		t.Fatalf("want exit code 4 (workspace unreadable), got %v\n%s", err, stderr.String())
	}
	r := runResult{code: 4, stderr: stderr.String()}
	assertNoPanic(t, r)
	if !strings.Contains(r.stderr, "工作区") {
		t.Errorf("message does not name the workspace:\n%s", r.stderr)
	}
	shown, err := os.ReadFile(dialog)
	if err != nil || !strings.Contains(string(shown), "无法打开工作区") {
		t.Errorf("no message box was shown (err %v): %s", err, shown)
	}
	after, err := os.ReadFile(ws)
	if err != nil || !bytes.Equal(after, junk) {
		t.Errorf("the unreadable workspace was modified (err %v)", err)
	}
	log, err := os.ReadFile(filepath.Join(filepath.Dir(ws), "nianbao.log"))
	if err != nil || !strings.Contains(string(log), "workspace") {
		t.Errorf("no log entry beside the workspace: %v\n%s", err, log)
	}
}
