package main

import (
	"bytes"
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
	dir, err := os.MkdirTemp("", "nianbao-cli-win-")
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

// Without --db every db command uses %APPDATA%\nianbao\workspace.db, the
// file the desktop app opens.
func TestDBDefaultWorkspaceIsInAppData(t *testing.T) {
	appData := filepath.Join(winTempDir(t), "用户", "AppData", "Roaming")
	t.Setenv("APPDATA", appData)
	ws := filepath.Join(appData, "nianbao", "workspace.db")

	if code, out, errs := cli(t, "db", "import", example); code != exitOK || !strings.Contains(out, "已导入") {
		t.Fatalf("import: %d %q %q", code, out, errs)
	}
	if _, err := os.Stat(ws); err != nil {
		t.Fatalf("workspace not in %%APPDATA%%: %v", err)
	}
	if code, out, _ := cli(t, "db", "list"); code != exitOK || !strings.Contains(out, "新绛县人民政府") {
		t.Fatalf("list: %d %q", code, out)
	}
	code, out, errs := cli(t, "db", "backup")
	if code != exitOK || !strings.Contains(out+errs, filepath.Join(appData, "nianbao", "backups")) {
		t.Fatalf("backup not beside the workspace: %d %q %q", code, out, errs)
	}
}

// A PDF reader keeps the open file without FILE_SHARE_DELETE, so Windows
// refuses to replace it. The clerk must get exit 2 and the message naming
// the file; the old PDF stays as it was and no temporary file is left.
func TestPDFOverFileOpenInViewer(t *testing.T) {
	dir := winTempDir(t)
	out := filepath.Join(dir, "年报.pdf")
	old := []byte("%PDF-1.4 old copy being read\n")
	if err := os.WriteFile(out, old, 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(out) // the same share mode a viewer uses
	if err != nil {
		t.Fatal(err)
	}
	code, _, errs := cli(t, "pdf", "-o", out, example)
	f.Close()
	if code != exitFailure || !strings.Contains(errs, out) {
		t.Fatalf("exit %d, stderr %q; want %d naming %s", code, errs, exitFailure, out)
	}
	if got, _ := os.ReadFile(out); !bytes.Equal(got, old) {
		t.Error("the PDF open in the viewer was changed")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("left behind: %s", strings.Join(names, ", "))
	}
	// Once the viewer is closed the same command succeeds.
	if code, _, errs := cli(t, "pdf", "-o", out, example); code != exitOK {
		t.Fatalf("after closing the viewer: exit %d %q", code, errs)
	}
}
