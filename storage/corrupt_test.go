package storage

import (
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func fileHash(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// goodWorkspace leaves a closed workspace with one report and one backup.
func goodWorkspace(t *testing.T) (path, backup string) {
	t.Helper()
	path = tempPath(t)
	w, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	id, err := w.CreateReport(newReport(t, "丙镇人民政府", 2023))
	if err != nil {
		t.Fatal(err)
	}
	if err := w.SaveCell(id, "t3.new.natural", "5"); err != nil {
		t.Fatal(err)
	}
	backup, err = w.Backup()
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return path, backup
}

// rawExec changes a SQLite file behind the workspace's back.
func rawExec(t *testing.T, path string, stmts ...string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, s := range stmts {
		if _, err := db.Exec(s); err != nil {
			t.Fatal(err)
		}
	}
}

func TestBadFilesAreRefusedUnchanged(t *testing.T) {
	cases := []struct {
		name     string
		spoil    func(t *testing.T, path string)
		sentinel error
		msg      string
		backup   bool
	}{
		{"truncated", func(t *testing.T, path string) {
			if err := os.Truncate(path, 4096+1000); err != nil {
				t.Fatal(err)
			}
		}, ErrCorrupt, "已损坏", true},
		{"random bytes", func(t *testing.T, path string) {
			b := make([]byte, 64<<10)
			rand.Read(b)
			if err := os.WriteFile(path, b, 0o644); err != nil {
				t.Fatal(err)
			}
		}, ErrNotWorkspace, "不是年报助手的工作区", true},
		{"text file", func(t *testing.T, path string) {
			os.WriteFile(path, []byte("hello"), 0o644)
		}, ErrNotWorkspace, "不是年报助手的工作区", true},
		{"another app", func(t *testing.T, path string) {
			os.Remove(path)
			rawExec(t, path, "CREATE TABLE contacts(name TEXT)", "INSERT INTO contacts VALUES ('x')")
		}, ErrNotWorkspace, "其他程序的数据库", true},
		{"another app with id", func(t *testing.T, path string) {
			os.Remove(path)
			rawExec(t, path, "PRAGMA application_id = 1234", "CREATE TABLE t(x)")
		}, ErrNotWorkspace, "其他程序的数据库", true},
		{"newer schema", func(t *testing.T, path string) {
			rawExec(t, path, "PRAGMA user_version = 99", "CREATE TABLE future(x)")
		}, ErrNewer, "更新版本", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path, backup := goodWorkspace(t)
			c.spoil(t, path)
			before := fileHash(t, path)
			w, err := Open(path)
			if err == nil {
				w.Close()
				t.Fatal("Open accepted a bad file")
			}
			var e *Error
			if !errors.As(err, &e) || !errors.Is(err, c.sentinel) || !strings.Contains(e.Msg, c.msg) {
				t.Fatalf("Open: %v (%#v), want %v with %q", err, err, c.sentinel, c.msg)
			}
			if !strings.Contains(e.Msg, "文件未作任何修改") {
				t.Errorf("message does not say the file is untouched: %s", e.Msg)
			}
			if c.backup && e.Backup != backup {
				t.Errorf("offered backup %q, want %q", e.Backup, backup)
			}
			if fileHash(t, path) != before {
				t.Fatal("refused file was modified")
			}
			t.Logf("%s: %v", c.name, err)
			// The offered backup restores a working workspace.
			if c.backup {
				if err := RestoreBackup(path, e.Backup); err != nil {
					t.Fatal(err)
				}
				w, err := Open(path)
				if err != nil {
					t.Fatalf("open restored: %v", err)
				}
				defer w.Close()
				id, err := w.FindReport("丙镇人民政府", 2023)
				if err != nil {
					t.Fatal(err)
				}
				r, err := w.LoadReport(id)
				if err != nil || r.Cells["t3.new.natural"] != "5" {
					t.Fatalf("restored report: %v %v", r, err)
				}
				// The refused file was set aside, not deleted.
				matches, _ := filepath.Glob(path + ".before-restore-*")
				if len(matches) == 0 || fileHash(t, matches[0]) != before {
					t.Fatalf("old file not kept aside: %v", matches)
				}
			}
		})
	}
}

func TestRestoreBackupRefusesBadBackup(t *testing.T) {
	path, backup := goodWorkspace(t)
	os.Truncate(backup, 4096+10)
	before := fileHash(t, path)
	err := RestoreBackup(path, backup)
	var e *Error
	if !errors.As(err, &e) || !strings.HasPrefix(e.Msg, "备份文件不能使用") {
		t.Fatalf("RestoreBackup of a damaged backup: %v", err)
	}
	if fileHash(t, path) != before {
		t.Fatal("workspace changed by a refused restore")
	}
}

func TestRestoreBackupWhileOpenIsLocked(t *testing.T) {
	path, backup := goodWorkspace(t)
	w, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if err := RestoreBackup(path, backup); !errors.Is(err, ErrLocked) {
		t.Fatalf("RestoreBackup on an open workspace: %v", err)
	}
}
