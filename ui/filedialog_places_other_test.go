//go:build !windows

package ui

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func TestPlacesFollowXDGAndCreateNothing(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", "")
	for _, d := range []string{"桌面", "Documents", ".config"} {
		if err := os.Mkdir(filepath.Join(home, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	// Documents points at the home folder (what xdg-user-dirs writes for a
	// folder the user removed); 下载 is named but missing.
	dirs := "# written by xdg-user-dirs-update\nXDG_DESKTOP_DIR=\"$HOME/桌面\"\nXDG_DOCUMENTS_DIR=\"$HOME/\"\nXDG_DOWNLOAD_DIR=\"$HOME/下载\"\n"
	if err := os.WriteFile(filepath.Join(home, ".config", "user-dirs.dirs"), []byte(dirs), 0o644); err != nil {
		t.Fatal(err)
	}
	want := []place{
		{"桌面", filepath.Join(home, "桌面")},
		{"文档", filepath.Join(home, "Documents")},
		{"主文件夹", home},
		{"计算机", "/"},
	}
	if got := places(); !reflect.DeepEqual(got, want) {
		t.Errorf("places %q, want %q", got, want)
	}
	if _, err := os.Stat(filepath.Join(home, "下载")); !os.IsNotExist(err) {
		t.Errorf("下载 was created: %v", err)
	}
	if got := startDir(""); got != filepath.Join(home, "Documents") {
		t.Errorf("first start dir %q, want 文档", got)
	}
}
