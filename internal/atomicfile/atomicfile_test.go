package atomicfile

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestWriteFileAtomicReplacesAndKeepsMode(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "报告.nianbao.json")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := Write(path, []byte("new")); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	st, _ := os.Stat(path)
	if string(got) != "new" || st.Mode().Perm() != 0o600 {
		t.Errorf("got %q mode %v, want \"new\" 0600", got, st.Mode().Perm())
	}
	assertNoTempLeft(t, dir)
}

// A target that cannot be replaced (on Windows a PDF open in a viewer)
// gives a Chinese sentence and leaves no temporary file.
func TestWriteFileAtomicUnreplaceableTarget(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.pdf")
	os.WriteFile(path, []byte("old"), 0o644)
	rename = func(from, to string) error {
		return &os.LinkError{Op: "rename", Old: from, New: to, Err: syscall.EACCES}
	}
	defer func() { rename = os.Rename }()
	err := Write(path, []byte("%PDF-1.7"))
	if err == nil || !strings.Contains(err.Error(), "无法替换“"+path+"”") || !strings.Contains(err.Error(), "请关闭后重试") {
		t.Fatalf("error = %v, want the Chinese replace message", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "old" {
		t.Errorf("target changed: %q", got)
	}
	assertNoTempLeft(t, dir)
}

// -o naming a folder is told as such, not as a file held open by a viewer.
func TestWriteFileAtomicFolderTarget(t *testing.T) {
	dir := t.TempDir()
	for _, path := range []string{dir, filepath.Join(dir, "sub")} {
		os.MkdirAll(filepath.Join(path, "inside"), 0o755)
		err := Write(path, []byte("x"))
		if err == nil || !strings.Contains(err.Error(), "是一个文件夹") || strings.Contains(err.Error(), "PDF阅读器") {
			t.Errorf("%s: %v", path, err)
		}
	}
	assertNoTempLeft(t, dir)
}

// A temporary file left by a write killed at the rename is removed by the
// next write in the folder; a fresh one (another write running) is kept.
func TestWriteFileAtomicCleansStaleTemp(t *testing.T) {
	dir := t.TempDir()
	stale := filepath.Join(dir, ".nianbao-123.tmp")
	fresh := filepath.Join(dir, ".nianbao-456.tmp")
	os.WriteFile(stale, []byte("half"), 0o644)
	os.WriteFile(fresh, []byte("running"), 0o644)
	old := time.Now().Add(-time.Hour)
	os.Chtimes(stale, old, old)
	if err := Write(filepath.Join(dir, "out.json"), []byte("{}")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("stale temporary file kept: %v", err)
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Errorf("a running write's temporary file was removed: %v", err)
	}
}

// Writing through a symbolic link replaces the file it points to and keeps
// the link (recompute on a linked report file).
func TestWriteFileAtomicThroughSymlink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "real", "报告.nianbao.json")
	os.MkdirAll(filepath.Dir(target), 0o755)
	os.WriteFile(target, []byte("old"), 0o600)
	link := filepath.Join(dir, "link.json")
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("no symbolic links: %v", err)
	}
	if err := Write(link, []byte("new")); err != nil {
		t.Fatal(err)
	}
	st, err := os.Lstat(link)
	if err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link was replaced by a file: %v", err)
	}
	if got, _ := os.ReadFile(target); string(got) != "new" {
		t.Errorf("target holds %q", got)
	}
	if tst, _ := os.Stat(target); tst.Mode().Perm() != 0o600 {
		t.Errorf("target mode %v", tst.Mode().Perm())
	}
	dangling := filepath.Join(dir, "dangling.json")
	os.Symlink(filepath.Join(dir, "nowhere", "x.json"), dangling)
	if err := Write(dangling, []byte("x")); err == nil || !strings.Contains(err.Error(), "不存在") {
		t.Errorf("dangling link: %v", err)
	}
	assertNoTempLeft(t, dir)
	assertNoTempLeft(t, filepath.Dir(target))
}

func TestWriteFileAtomicMissingFolder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "没有的文件夹", "out.pdf")
	err := Write(path, []byte("x"))
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
