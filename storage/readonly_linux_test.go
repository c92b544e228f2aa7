package storage

import (
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
)

func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	return names
}

// fill leaves no free space on the file system of dir.
func fill(t *testing.T, dir string) {
	t.Helper()
	f, err := os.Create(filepath.Join(dir, "filler"))
	if err != nil {
		t.Fatal(err)
	}
	block := make([]byte, 4<<10)
	for {
		if _, err := f.Write(block); err != nil {
			break
		}
	}
	f.Close()
}

// On a full disk check, list and export work and write nothing; with
// data still in the WAL, check may need room for -shm and says the disk
// is full, never that the workspace is damaged.
func TestCheckAndReadOnFullDisk(t *testing.T) {
	dir := tmpfs(t, "2m")
	path := filepath.Join(dir, "workspace.db")
	addReport(t, path, "满盘镇")
	before := fileHash(t, path)
	fill(t, dir)
	names := dirNames(t, dir)
	if n, err := Verify(path); err != nil || n != 1 {
		t.Fatalf("Verify on a full disk: %d, %v", n, err)
	}
	w, err := OpenReadOnly(path)
	if err != nil {
		t.Fatalf("OpenReadOnly on a full disk: %v", err)
	}
	if list, err := w.Reports(); err != nil || len(list) != 1 {
		t.Fatalf("Reports on a full disk: %v", err)
	}
	var out strings.Builder
	list, _ := w.Reports()
	if err := w.ExportJSON(list[0].ID, &out); err != nil || !strings.Contains(out.String(), "满盘镇") {
		t.Fatalf("ExportJSON on a full disk: %v", err)
	}
	w.Close()
	if got := dirNames(t, dir); strings.Join(got, " ") != strings.Join(names, " ") || fileHash(t, path) != before {
		t.Errorf("files changed by reading: %v → %v", names, got)
	}

	// Data in the WAL: a writer killed before its checkpoint, copied here.
	os.Remove(filepath.Join(dir, "filler"))
	src, _ := goodWorkspace(t)
	ws, err := Open(src)
	if err != nil {
		t.Fatal(err)
	}
	ws.CreateReport(newReport(t, "日志镇", 2023))
	path2 := filepath.Join(dir, "wal.db")
	for _, sfx := range []string{"", "-wal"} {
		if err := copyFile(src+sfx, path2+sfx); err != nil {
			t.Fatal(err)
		}
	}
	ws.Close()
	fill(t, dir)
	n, err := Verify(path2)
	switch {
	case err == nil && n == 2:
	case errors.Is(err, ErrDiskFull) && strings.Contains(err.Error(), "磁盘已满"):
	default:
		t.Errorf("Verify with a WAL on a full disk: %d, %v", n, err)
	}
	t.Logf("Verify with a WAL on a full disk: %d, %v (%v)", n, err, errors.Unwrap(err))
}

func TestReadOnlyLocationCanBeListed(t *testing.T) {
	dir := tmpfs(t, "4m")
	path := filepath.Join(dir, "workspace.db")
	addReport(t, path, "只读镇")
	os.Remove(path + ".lock") // as copied from a CD or a colleague's share
	if err := syscall.Mount("", dir, "", syscall.MS_REMOUNT|syscall.MS_RDONLY, ""); err != nil {
		t.Skipf("remount read-only: %v", err)
	}
	t.Cleanup(func() { syscall.Mount("", dir, "", syscall.MS_REMOUNT, "") })
	if n, err := Verify(path); err != nil || n != 1 {
		t.Fatalf("Verify on a read-only file system: %d, %v", n, err)
	}
	w, err := OpenReadOnly(path)
	if err != nil {
		t.Fatalf("OpenReadOnly on a read-only file system: %v", err)
	}
	defer w.Close()
	if list, err := w.Reports(); err != nil || len(list) != 1 || list[0].Unit != "只读镇" {
		t.Fatalf("Reports: %v, %v", list, err)
	}
}
