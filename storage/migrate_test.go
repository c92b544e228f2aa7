package storage

import (
	"errors"
	"strings"
	"testing"
)

// withMigration pretends the program has one more migration.
func withMigration(t *testing.T, sql string) {
	saved := migrations
	migrations = append(append([]string{}, saved...), sql)
	t.Cleanup(func() { migrations = saved })
}

func userVersion(t *testing.T, w *Workspace) int {
	var v int
	if err := w.db.QueryRow("PRAGMA user_version").Scan(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

func TestMigrationBacksUpFirst(t *testing.T) {
	path := tempPath(t)
	w, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	w.Close() // an empty workspace: no routine backup
	current := len(migrations)
	withMigration(t, "CREATE TABLE fonts (role TEXT PRIMARY KEY, file TEXT NOT NULL);")
	w, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if v := userVersion(t, w); v != current+1 {
		t.Fatalf("user_version = %d, want %d", v, current+1)
	}
	if _, err := w.db.Exec(`INSERT INTO fonts VALUES ('body', 'x.ttf')`); err != nil {
		t.Fatal(err)
	}
	b, _ := w.Backups()
	if len(b) != 1 {
		t.Fatalf("backups before migration: %v", b)
	}
	if v, err := checkFile(b[0], "integrity_check"); err != nil || v != current {
		t.Fatalf("backup before migration: version %d, %v", v, err)
	}
}

func TestFailedMigrationLeavesVersion(t *testing.T) {
	path := tempPath(t)
	w, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	w.Close()
	current := len(migrations)
	withMigration(t, "CREATE TABLE half (x); CREATE TABLE reports (x);") // fails on the second statement
	_, err = Open(path)
	var e *Error
	if !errors.As(err, &e) || !strings.Contains(e.Msg, "升级工作区结构失败") {
		t.Fatalf("Open with a failing migration: %v", err)
	}
	migrations = migrations[:current]
	w, err = Open(path)
	if err != nil {
		t.Fatalf("Open with the old program after a failed migration: %v", err)
	}
	defer w.Close()
	var n int
	w.db.QueryRow(`SELECT count(*) FROM sqlite_schema WHERE name = 'half'`).Scan(&n)
	if v := userVersion(t, w); v != current || n != 0 {
		t.Fatalf("after a failed migration: user_version %d, half-applied tables %d", v, n)
	}
}
