package storage

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// winTempDir is t.TempDir that also cleans up under Wine, where Go's
// os.RemoveAll fails ("unlinkat …: Invalid function") but os.Remove works.
func winTempDir(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "nianbao-win-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		var paths []string
		filepath.WalkDir(dir, func(p string, _ os.DirEntry, err error) error {
			if err == nil {
				paths = append(paths, p)
			}
			return nil
		})
		sort.Sort(sort.Reverse(sort.StringSlice(paths))) // children before parents
		for _, p := range paths {
			os.Remove(p)
		}
	})
	return dir
}

func TestDefaultPathIsInAppData(t *testing.T) {
	appData := `D:\Users\张三\AppData\Roaming`
	t.Setenv("APPDATA", appData)
	t.Setenv("XDG_DATA_HOME", `C:\xdg`) // must not matter on Windows
	p, err := DefaultPath()
	if want := appData + `\nianbao\workspace.db`; err != nil || p != want {
		t.Fatalf("DefaultPath = %q, %v; want %q", p, err, want)
	}
	t.Setenv("APPDATA", "")
	if p, err := DefaultPath(); err == nil {
		t.Errorf("without %%APPDATA%% DefaultPath = %q, want an error", p)
	}
}

// A drive-letter path with characters that mean something in a file: URI
// ('#', '%', '?' is not allowed on Windows) and Chinese must name exactly
// that file, and the workspace must work there.
func TestOpenDriveLetterPathWithURICharacters(t *testing.T) {
	dir := winTempDir(t)
	if filepath.VolumeName(dir) == "" {
		t.Fatalf("temp dir %q has no drive letter", dir)
	}
	path := filepath.Join(dir, "年报 #1 50% 张坞镇", "workspace.db")
	w, err := Open(path)
	if err != nil {
		t.Fatalf("Open(%q): %v", path, err)
	}
	r := newReport(t, "张坞镇人民政府", 2021)
	id, err := w.CreateReport(r)
	if err != nil {
		w.Close()
		t.Fatalf("create: %v", err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("workspace not at the given path: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("stray files beside the folder: %s", strings.Join(names, ", "))
	}
	w, err = Open(path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer w.Close()
	got, err := w.LoadReport(id)
	if err != nil || got.Unit.Name != "张坞镇人民政府" {
		t.Fatalf("reload: %v %+v", err, got)
	}
}
