//go:build !windows

package startup

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fakeTools puts scripts named like the dialog tools on PATH; each records
// its arguments, one per line, in DIR/NAME.args and exits with the given code.
func fakeTools(t *testing.T, codes map[string]int) string {
	t.Helper()
	dir := t.TempDir()
	for name, code := range codes {
		script := "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > " + filepath.Join(dir, name+".args") + "\nexit " + string(rune('0'+code)) + "\n"
		if err := os.WriteFile(filepath.Join(dir, name), []byte(script), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("PATH", dir)
	t.Setenv("DISPLAY", ":99")
	return dir
}

func TestMessageBoxUsesToolsThatRenderChinese(t *testing.T) {
	dir := fakeTools(t, map[string]int{"zenity": 0, "kdialog": 0, "xmessage": 0})
	showMessageBox("年报助手无法打开工作区", "工作区“/home/a&b/workspace.db”正在被另一个窗口使用")
	args, err := os.ReadFile(filepath.Join(dir, "zenity.args"))
	if err != nil {
		t.Fatalf("zenity not run: %v", err)
	}
	want := "--error\n--no-wrap\n--no-markup\n--title\n年报助手无法打开工作区\n--text\n工作区“/home/a&b/workspace.db”正在被另一个窗口使用\n"
	if string(args) != want {
		t.Errorf("zenity args:\n%s\nwant:\n%s", args, want)
	}
	for _, other := range []string{"kdialog", "xmessage"} {
		if _, err := os.Stat(filepath.Join(dir, other+".args")); err == nil {
			t.Errorf("%s run although zenity showed the message", other)
		}
	}
}

func TestMessageBoxNeverFallsBackToXmessage(t *testing.T) {
	dir := fakeTools(t, map[string]int{"zenity": 3, "xmessage": 0})
	showMessageBox("标题", "中文消息")
	if _, err := os.Stat(filepath.Join(dir, "zenity.args")); err != nil {
		t.Errorf("zenity not tried: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "xmessage.args")); err == nil {
		t.Error("xmessage shown: it cannot render Chinese")
	}
	dir = fakeTools(t, map[string]int{"kdialog": 0})
	showMessageBox("标题", "中文消息")
	if args, _ := os.ReadFile(filepath.Join(dir, "kdialog.args")); !strings.Contains(string(args), "中文消息") {
		t.Errorf("kdialog args %q", args)
	}
}
