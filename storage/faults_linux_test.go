package storage

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// tmpfs mounts a small tmpfs so that a full disk and a read-only location
// are real; it needs CAP_SYS_ADMIN (tests run as root) and skips otherwise.
func tmpfs(t *testing.T, size string) string {
	t.Helper()
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size="+size); err != nil {
		t.Skipf("cannot mount tmpfs (%v): needs root", err)
	}
	t.Cleanup(func() { syscall.Unmount(dir, syscall.MNT_DETACH) })
	return dir
}

func TestDiskFull(t *testing.T) {
	dir := tmpfs(t, "2m")
	path := filepath.Join(dir, "workspace.db")
	w, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	id, err := w.CreateReport(newReport(t, "辛镇人民政府", 2023))
	if err != nil {
		t.Fatal(err)
	}
	if err := w.SaveField(id, "text.s1", "旧的正文"); err != nil {
		t.Fatal(err)
	}
	filler := filepath.Join(dir, "filler")
	f, _ := os.Create(filler)
	block := make([]byte, 64<<10)
	for {
		if _, err := f.Write(block); err != nil {
			break
		}
	}
	f.Close()

	big := strings.Repeat("新的正文很长。", 40000) // ≈ 840 KB
	err = w.SaveField(id, "text.s1", big)
	var e *Error
	if !errors.Is(err, ErrDiskFull) || !errors.As(err, &e) || !strings.Contains(e.Msg, "磁盘已满") {
		t.Fatalf("save on a full disk: %v", err)
	}
	t.Logf("full disk: %v", err)
	if r, err := w.LoadReport(id); err != nil || r.Text.S1 != "旧的正文" {
		t.Fatalf("after the failed save: %v", err)
	}
	// Space freed: the same save is retried and lands.
	os.Remove(filler)
	if err := w.SaveField(id, "text.s1", big); err != nil {
		t.Fatalf("retry after freeing space: %v", err)
	}
	w.Close()
	w, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if r, _ := w.LoadReport(id); r.Text.S1 != big {
		t.Fatal("retried save lost")
	}
}

func TestReadOnlyLocation(t *testing.T) {
	dir := tmpfs(t, "4m")
	path := filepath.Join(dir, "workspace.db")
	w, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.CreateReport(newReport(t, "壬镇人民政府", 2023)); err != nil {
		t.Fatal(err)
	}
	w.Close()
	before := fileHash(t, path)
	if err := syscall.Mount("", dir, "", syscall.MS_REMOUNT|syscall.MS_RDONLY, ""); err != nil {
		t.Skipf("remount read-only: %v", err)
	}
	_, err = Open(path)
	var e *Error
	if !errors.Is(err, ErrReadOnly) || !errors.As(err, &e) || !strings.Contains(e.Msg, "只读") {
		t.Fatalf("Open on a read-only file system: %v", err)
	}
	t.Logf("read-only: %v", err)
	_, err = Open(filepath.Join(dir, "新文件夹", "workspace.db"))
	if !errors.Is(err, ErrReadOnly) {
		t.Fatalf("Open of a new workspace on a read-only file system: %v", err)
	}
	if err := syscall.Mount("", dir, "", syscall.MS_REMOUNT, ""); err != nil {
		t.Fatal(err)
	}
	if fileHash(t, path) != before {
		t.Fatal("workspace changed")
	}
	w, err = Open(path)
	if err != nil {
		t.Fatalf("Open once writable again: %v", err)
	}
	w.Close()
}

// Without any privilege: a location where no folder can be created.
func TestUncreatableLocation(t *testing.T) {
	_, err := Open("/proc/nianbao/workspace.db")
	var e *Error
	if !errors.Is(err, ErrReadOnly) || !errors.As(err, &e) || !strings.Contains(e.Msg, "只读或无权限") {
		t.Fatalf("Open under /proc: %v", err)
	}
}

// As an ordinary user a read-only folder is simply chmod 0555 (root ignores
// that, hence the tmpfs variant above).
func TestReadOnlyFolderChmod(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root ignores directory permissions; TestReadOnlyLocation covers this")
	}
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(dir, 0o755)
	_, err := Open(filepath.Join(dir, "workspace.db"))
	if !errors.Is(err, ErrReadOnly) {
		t.Fatalf("Open in a read-only folder: %v", err)
	}
}
