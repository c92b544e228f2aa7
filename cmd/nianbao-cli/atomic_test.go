package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteFileAtomicReplacesAndKeepsMode(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "报告.nianbao.json")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := writeFileAtomic(path, []byte("new")); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	st, _ := os.Stat(path)
	if string(got) != "new" || st.Mode().Perm() != 0o600 {
		t.Errorf("got %q mode %v, want \"new\" 0600", got, st.Mode().Perm())
	}
	assertNoTempLeft(t, dir)
}

// A target that cannot be replaced (here a non-empty folder; on Windows a PDF
// open in a viewer) gives a Chinese sentence and leaves no temporary file.
func TestWriteFileAtomicUnreplaceableTarget(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.pdf")
	if err := os.MkdirAll(filepath.Join(path, "inside"), 0o755); err != nil {
		t.Fatal(err)
	}
	err := writeFileAtomic(path, []byte("%PDF-1.7"))
	if err == nil || !strings.Contains(err.Error(), "无法替换“"+path+"”") || !strings.Contains(err.Error(), "请关闭后重试") {
		t.Fatalf("error = %v, want the Chinese replace message", err)
	}
	assertNoTempLeft(t, dir)
}

func TestWriteFileAtomicMissingFolder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "没有的文件夹", "out.pdf")
	err := writeFileAtomic(path, []byte("x"))
	if err == nil || !strings.Contains(err.Error(), "请检查文件夹是否存在") {
		t.Fatalf("error = %v, want the folder message", err)
	}
}

func assertNoTempLeft(t *testing.T, dir string) {
	t.Helper()
	matches, _ := filepath.Glob(filepath.Join(dir, ".nianbao-*.tmp"))
	if len(matches) != 0 {
		t.Errorf("temporary files left behind: %v", matches)
	}
}
