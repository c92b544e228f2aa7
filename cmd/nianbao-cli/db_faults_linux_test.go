package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// smallDisk mounts a tmpfs of size (needs root; skips otherwise).
func smallDisk(t *testing.T, size string) string {
	t.Helper()
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size="+size); err != nil {
		t.Skipf("cannot mount tmpfs (%v): needs root", err)
	}
	t.Cleanup(func() { syscall.Unmount(dir, syscall.MNT_DETACH) })
	return dir
}

func TestDBCheckAndListOnFullDisk(t *testing.T) {
	dir := smallDisk(t, "2m")
	db := filepath.Join(dir, "workspace.db")
	if code, _, errs := cli(t, "db", "import", "--db", db, example); code != exitOK {
		t.Fatalf("import: %d %q", code, errs)
	}
	f, _ := os.Create(filepath.Join(dir, "filler"))
	block := make([]byte, 4<<10)
	for {
		if _, err := f.Write(block); err != nil {
			break
		}
	}
	f.Close()
	code, out, errs := cli(t, "db", "check", "--db", db)
	if code != exitOK || !strings.Contains(out, "工作区完好") {
		t.Errorf("check on a full disk: %d %q %q", code, out, errs)
	}
	if code, out, errs := cli(t, "db", "list", "--db", db); code != exitOK || !strings.Contains(out, "共1份报告") {
		t.Errorf("list on a full disk: %d %q %q", code, out, errs)
	}
	if code, out, errs := cli(t, "db", "export", "--db", db, "--id", "1"); code != exitOK || !strings.Contains(out, "新绛县人民政府") {
		t.Errorf("export on a full disk: %d %q", code, errs)
	}
}

func TestDBListOnReadOnlyDisk(t *testing.T) {
	dir := smallDisk(t, "4m")
	db := filepath.Join(dir, "workspace.db")
	if code, _, errs := cli(t, "db", "import", "--db", db, example); code != exitOK {
		t.Fatalf("import: %d %q", code, errs)
	}
	if err := syscall.Mount("", dir, "", syscall.MS_REMOUNT|syscall.MS_RDONLY, ""); err != nil {
		t.Skipf("remount read-only: %v", err)
	}
	t.Cleanup(func() { syscall.Mount("", dir, "", syscall.MS_REMOUNT, "") })
	if code, out, errs := cli(t, "db", "list", "--db", db); code != exitOK || !strings.Contains(out, "共1份报告") {
		t.Errorf("list on a read-only disk: %d %q %q", code, out, errs)
	}
	out := filepath.Join(t.TempDir(), "out.nianbao.json")
	if code, _, errs := cli(t, "db", "export", "--db", db, "--id", "1", "-o", out); code != exitOK {
		t.Errorf("export on a read-only disk: %d %q", code, errs)
	}
	if code, out, errs := cli(t, "db", "check", "--db", db); code != exitOK || !strings.Contains(out, "工作区完好") {
		t.Errorf("check on a read-only disk: %d %q %q", code, out, errs)
	}
}
