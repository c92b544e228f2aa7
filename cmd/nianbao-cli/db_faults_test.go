package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// importedWorkspace makes a workspace with the worked example and a backup.
func importedWorkspace(t *testing.T) (db, backup string) {
	t.Helper()
	db = filepath.Join(t.TempDir(), "ws", "workspace.db")
	if code, _, errs := cli(t, "db", "import", "--db", db, example); code != exitOK {
		t.Fatalf("import: %d %q", code, errs)
	}
	code, out, errs := cli(t, "db", "backup", "--db", db)
	if code != exitOK {
		t.Fatalf("backup: %d %q", code, errs)
	}
	backup = strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(out), "已备份到“"), "”。")
	return db, backup
}

func TestDBCheckRelativePath(t *testing.T) {
	db, backup := importedWorkspace(t)
	t.Chdir(filepath.Dir(db))
	code, out, errs := cli(t, "db", "check", "--db", "workspace.db")
	if code != exitOK || !strings.Contains(out, "工作区完好") || !strings.Contains(out, "共1份报告") {
		t.Fatalf("check of a healthy workspace by a relative path: %d %q %q", code, out, errs)
	}
	rel, _ := filepath.Rel(filepath.Dir(db), backup)
	if code, out, errs := cli(t, "db", "restore", "--db", "workspace.db", rel); code != exitOK {
		t.Fatalf("restore by relative paths: %d %q %q", code, out, errs)
	}
	os.Truncate(db, 4096+100)
	code, out, _ = cli(t, "db", "check", "--db", "workspace.db")
	if code != exitFinding || !strings.Contains(out, "已损坏") {
		t.Fatalf("check of a damaged workspace by a relative path: %d %q", code, out)
	}
}

func TestDBRestoreNamesTheAsideCopy(t *testing.T) {
	db, backup := importedWorkspace(t)
	var asides []string
	for i := 0; i < 2; i++ {
		code, out, errs := cli(t, "db", "restore", "--db", db, backup)
		if code != exitOK || !strings.Contains(out, "原工作区另存为“") {
			t.Fatalf("restore %d: %d %q %q", i, code, out, errs)
		}
		aside := out[strings.Index(out, "另存为“")+len("另存为“"):]
		aside = aside[:strings.Index(aside, "”")]
		if _, err := os.Stat(aside); err != nil {
			t.Fatalf("the named aside copy does not exist: %v", err)
		}
		asides = append(asides, aside)
	}
	if asides[0] == asides[1] {
		t.Fatalf("both restores named the same aside copy %s", asides[0])
	}
	empty := filepath.Join(t.TempDir(), "empty.db")
	os.WriteFile(empty, nil, 0o644)
	if code, _, errs := cli(t, "db", "restore", "--db", db, empty); code != exitFailure || !strings.Contains(errs, "空文件") {
		t.Fatalf("restore of a 0-byte file: %d %q", code, errs)
	}
}

func TestDBVanishedWorkspace(t *testing.T) {
	db, _ := importedWorkspace(t)
	os.Remove(db)
	for _, sub := range []string{"list", "check", "backup"} {
		code, out, errs := cli(t, "db", sub, "--db", db)
		if code != exitFailure || !strings.Contains(errs, "不见了") || strings.Contains(out, "共0份报告") {
			t.Errorf("db %s of a vanished workspace: %d %q %q", sub, code, out, errs)
		}
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Fatal("an empty workspace was created in place of the vanished one")
	}
	// A workspace never used lists as empty and is not created by listing.
	fresh := filepath.Join(t.TempDir(), "workspace.db")
	if code, out, _ := cli(t, "db", "list", "--db", fresh); code != exitOK || !strings.Contains(out, "共0份报告。") {
		t.Errorf("list of a new workspace: %d %q", code, out)
	}
	if _, err := os.Stat(fresh); !os.IsNotExist(err) {
		t.Error("list created a workspace")
	}
}

func TestDBFolderInPlaceOfWorkspace(t *testing.T) {
	db := filepath.Join(t.TempDir(), "workspace.db")
	os.MkdirAll(db, 0o755)
	code, out, errs := cli(t, "db", "check", "--db", db)
	if code == exitOK || strings.Contains(out, "完好") || !strings.Contains(out+errs, "是一个文件夹") {
		t.Fatalf("check of a folder: %d %q %q", code, out, errs)
	}
	if code, _, errs := cli(t, "db", "list", "--db", db); code != exitFailure || !strings.Contains(errs, "是一个文件夹") {
		t.Fatalf("list of a folder: %d %q", code, errs)
	}
}
