package storage

import (
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
)

// rawCount counts the reports of a file without opening it as a workspace
// (which would back it up and leave files beside it).
func rawCount(t *testing.T, path string) int {
	t.Helper()
	db, err := sql.Open("sqlite", dsnRead(path, true))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM reports`).Scan(&n); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return n
}

func reportCount(t *testing.T, path string) int {
	t.Helper()
	w, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	list, err := w.Reports()
	if err != nil {
		t.Fatal(err)
	}
	return len(list)
}

func addReport(t *testing.T, path, unit string) {
	t.Helper()
	w, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if _, err := w.CreateReport(newReport(t, unit, 2023)); err != nil {
		t.Fatal(err)
	}
}

// Two restores in the same second: the second must not overwrite the copy
// the first one set aside, which holds a report imported in between.
func TestRestoreTwiceKeepsBothAsideCopies(t *testing.T) {
	path, backup := goodWorkspace(t) // one report, backed up
	if err := RestoreBackup(path, backup); err != nil {
		t.Fatal(err)
	}
	addReport(t, path, "后来导入的镇") // only in the workspace, not in the backup
	aside, err := RestoreBackupAside(path, backup)
	if err != nil {
		t.Fatal(err)
	}
	asides, _ := filepath.Glob(path + asideMark + "*")
	if len(asides) != 2 {
		t.Fatalf("aside copies: %v", asides)
	}
	if rawCount(t, aside) != 2 {
		t.Fatalf("the copy set aside by the second restore lost the report imported after the backup")
	}
	if reportCount(t, path) != 1 {
		t.Fatal("restore did not restore the backup")
	}

	// The next backup takes the aside copies into the backups.
	w, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if _, err := w.Backup(); err != nil {
		t.Fatal(err)
	}
	if left, _ := filepath.Glob(path + asideMark + "*"); len(left) != 0 {
		t.Errorf("aside copies left beside the workspace after a backup: %v", left)
	}
	list, _ := w.Backups()
	adopted := 0
	for _, b := range list {
		if strings.HasSuffix(b, "-before-restore.db") {
			adopted++
			if n := rawCount(t, b); n != 1 && n != 2 {
				t.Errorf("%s holds %d reports", b, n)
			}
		}
	}
	if adopted != 2 {
		t.Errorf("backups after adopting: %v", list)
	}
}

func TestRestoreRefusesEmptyBackups(t *testing.T) {
	path, _ := goodWorkspace(t)
	before := fileHash(t, path)
	dir := t.TempDir()
	zero := filepath.Join(dir, "zero.db")
	os.WriteFile(zero, nil, 0o644)
	emptyDB := filepath.Join(dir, "empty.db")
	rawExec(t, emptyDB, "CREATE TABLE x(a)", "DROP TABLE x")
	for file, want := range map[string]string{zero: "空文件（0字节）", emptyDB: "空数据库", dir: "文件夹"} {
		err := RestoreBackup(path, file)
		var e *Error
		if !errors.As(err, &e) || !strings.HasPrefix(e.Msg, "备份文件不能使用") || !strings.Contains(e.Msg, want) {
			t.Errorf("%s: %v", filepath.Base(file), err)
		}
	}
	if fileHash(t, path) != before || reportCount(t, path) != 1 {
		t.Fatal("a refused restore changed the workspace")
	}
}

// failRenameTo makes the rename onto target fail as a dying disk would.
func failRenameTo(t *testing.T, target string) {
	t.Helper()
	rename = func(from, to string) error {
		if to == target {
			return &os.LinkError{Op: "rename", Old: from, New: to, Err: syscall.EIO}
		}
		return os.Rename(from, to)
	}
	t.Cleanup(func() { rename = os.Rename })
}

var latin = regexp.MustCompile(`[A-Za-z]{3,}`)

func TestRestoreFinalRenameFailsLeavesOldWorkspace(t *testing.T) {
	path, backup := goodWorkspace(t)
	addReport(t, path, "备份之后的镇")
	before := fileHash(t, path)
	failRenameTo(t, path)
	aside, err := RestoreBackupAside(path, backup)
	var e *Error
	if !errors.As(err, &e) || !strings.Contains(e.Msg, "原工作区未改动") || aside != "" {
		t.Fatalf("restore with a failing rename: %q, %v", aside, err)
	}
	if latin.MatchString(strings.ReplaceAll(e.Msg, path, "")) {
		t.Errorf("message not all Chinese: %s", e.Msg)
	}
	if fileHash(t, path) != before {
		t.Fatal("workspace changed")
	}
	if left, _ := filepath.Glob(path + ".*"); len(left) != 1 || left[0] != path+".lock" {
		t.Errorf("files left beside the workspace: %v", left)
	}
	rename = os.Rename
	if reportCount(t, path) != 2 {
		t.Fatal("the workspace lost a report")
	}
}

// A workspace whose last changes are still in its WAL (the program was
// killed): the WAL is set aside with it and put back when the restore fails.
func TestRestoreWithWAL(t *testing.T) {
	src, backup := goodWorkspace(t)
	w, err := Open(src)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.CreateReport(newReport(t, "只在日志里的镇", 2023)); err != nil {
		t.Fatal(err)
	}
	// copy the files while open: the new report is only in the WAL
	dir := t.TempDir()
	path := filepath.Join(dir, "workspace.db")
	for _, sfx := range []string{"", "-wal"} {
		if err := copyFile(src+sfx, path+sfx); err != nil {
			t.Fatal(err)
		}
	}
	w.Close()
	if st, err := os.Stat(path + "-wal"); err != nil || st.Size() == 0 {
		t.Fatalf("the test needs a WAL with data: %v", err)
	}
	failRenameTo(t, path)
	if err := RestoreBackup(path, backup); err == nil {
		t.Fatal("restore succeeded with a failing rename")
	}
	rename = os.Rename
	if n := reportCount(t, path); n != 2 {
		t.Fatalf("after the failed restore the workspace holds %d reports, want 2", n)
	}

	// once more with the WAL, and the restore succeeding
	w, _ = Open(src)
	if _, err := w.CreateReport(newReport(t, "又一个只在日志里的镇", 2023)); err != nil {
		t.Fatal(err)
	}
	for _, sfx := range []string{"", "-wal"} {
		os.Remove(path + sfx)
		if err := copyFile(src+sfx, path+sfx); err != nil {
			t.Fatal(err)
		}
	}
	w.Close()
	aside, err := RestoreBackupAside(path, backup)
	if err != nil {
		t.Fatal(err)
	}
	if n := reportCount(t, path); n != 1 {
		t.Errorf("restored workspace holds %d reports, want the backup's 1", n)
	}
	if n := rawCount(t, aside); n != 3 {
		t.Errorf("aside copy holds %d reports, want 3", n)
	}
}

func TestMissingWorkspaceIsAnError(t *testing.T) {
	path, backup := goodWorkspace(t)
	os.Remove(path)
	for name, open := range map[string]func() error{
		"Open":         func() error { w, err := Open(path); closeIf(w); return err },
		"OpenReadOnly": func() error { w, err := OpenReadOnly(path); closeIf(w); return err },
		"Verify":       func() error { _, err := Verify(path); return err },
	} {
		err := open()
		var e *Error
		if !errors.Is(err, ErrMissing) || !errors.As(err, &e) || !strings.Contains(e.Msg, "不见了") || e.Backup != backup {
			t.Errorf("%s of a vanished workspace: %v", name, err)
		}
	}
	if fileExists(path) {
		t.Fatal("an empty workspace was created in place of the vanished one")
	}
	// Restoring a backup is the remedy.
	if err := RestoreBackup(path, backup); err != nil {
		t.Fatal(err)
	}
	if reportCount(t, path) != 1 {
		t.Fatal("restored workspace")
	}
	// Removing the lock file, as the message says, starts afresh.
	os.Remove(path)
	os.Remove(path + ".lock")
	if reportCount(t, path) != 0 {
		t.Fatal("fresh workspace")
	}
	// A folder never used starts afresh too.
	if n := reportCount(t, tempPath(t)); n != 0 {
		t.Fatal("new workspace")
	}
}

func closeIf(w *Workspace) {
	if w != nil {
		w.Close()
	}
}

func TestRelativePathsAreResolvedOnce(t *testing.T) {
	path, backup := goodWorkspace(t)
	t.Chdir(filepath.Dir(path))
	if n, err := Verify("workspace.db"); err != nil || n != 1 {
		t.Fatalf("Verify of a healthy workspace by a relative path: %d, %v", n, err)
	}
	rel, err := filepath.Rel(filepath.Dir(path), backup)
	if err != nil {
		t.Fatal(err)
	}
	if err := RestoreBackup("workspace.db", rel); err != nil {
		t.Fatalf("RestoreBackup with relative paths: %v", err)
	}
	os.Truncate(path, 4096+1000)
	if _, err := Verify("workspace.db"); !errors.Is(err, ErrCorrupt) {
		t.Fatalf("Verify of a damaged workspace by a relative path: %v", err)
	}
}

func TestFolderInPlaceOfWorkspace(t *testing.T) {
	path := tempPath(t)
	if err := os.MkdirAll(path, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, open := range map[string]func() error{
		"Open":         func() error { w, err := Open(path); closeIf(w); return err },
		"OpenReadOnly": func() error { w, err := OpenReadOnly(path); closeIf(w); return err },
		"Verify":       func() error { _, err := Verify(path); return err },
	} {
		err := open()
		var e *Error
		if !errors.Is(err, ErrNotWorkspace) || !errors.As(err, &e) || !strings.Contains(e.Msg, "是一个文件夹") {
			t.Errorf("%s of a folder: %v", name, err)
		}
	}
}

func TestOpenReadOnly(t *testing.T) {
	path, _ := goodWorkspace(t)
	w, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	list, err := w.Reports()
	if err != nil || len(list) != 1 {
		t.Fatalf("Reports: %v %v", list, err)
	}
	if err := w.SaveCell(list[0].ID, "t3.new.natural", "6"); err == nil {
		t.Error("a read-only workspace took a write")
	}
	// a second reader at the same time
	w2, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	w2.Close()
	w.Close()
	// while the program has it open for writing
	rw, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer rw.Close()
	id, _ := rw.CreateReport(newReport(t, "写入中的镇", 2023))
	ro, err := OpenReadOnly(path)
	if err != nil {
		t.Fatalf("OpenReadOnly while open for writing: %v", err)
	}
	defer ro.Close()
	if _, err := ro.LoadReport(id); err != nil {
		t.Errorf("a report committed by the writer (still in its WAL) is not read: %v", err)
	}
	// a workspace never used
	if _, err := OpenReadOnly(tempPath(t)); !errors.Is(err, ErrNotFound) {
		t.Errorf("OpenReadOnly of nothing: %v", err)
	}
}
