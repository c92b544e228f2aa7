package storage

import (
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// ErrOldSchema: the workspace needs the upgrade that a writable Open does.
var ErrOldSchema = errors.New("workspace schema needs upgrade")

// OpenReadOnly opens an existing workspace for reading (list, export):
// nothing is created, upgraded or backed up, and when no other process
// has it open nothing is written beside it either, so it works on a
// read-only folder and on a full disk. Writes through it fail.
func OpenReadOnly(path string) (*Workspace, error) {
	abs, err := existingWorkspace(path)
	if err != nil {
		return nil, err
	}
	lock, immutable := readLock(abs)
	w, err := openRead(abs, immutable)
	if err != nil {
		releaseLock(lock)
		return nil, err
	}
	w.lock = lock
	return w, nil
}

func openRead(abs string, immutable bool) (*Workspace, error) {
	version, err := identifyWith(abs, "quick_check", immutable)
	if err != nil {
		return nil, offerBackup(abs, err)
	}
	if version == 0 {
		return nil, newError(ErrNotFound, errors.New("empty workspace"), "工作区“%s”还是空的，没有报告。", abs)
	}
	if version < len(migrations) {
		return nil, newError(ErrOldSchema, fmt.Errorf("user_version %d", version),
			"工作区“%s”是旧版本的结构，需要先用年报助手打开一次（自动升级）。", abs)
	}
	db, err := sql.Open("sqlite", dsnRead(abs, immutable))
	if err != nil {
		return nil, fail("打开工作区", fmt.Errorf("open workspace read-only: %w", err))
	}
	db.SetMaxOpenConns(1)
	if err := db.Ping(); err != nil {
		db.Close()
		return nil, fail("打开工作区", fmt.Errorf("open workspace read-only: %w", err))
	}
	return &Workspace{path: abs, db: db, now: time.Now}, nil
}

// Verify runs the full PRAGMA integrity_check on a workspace file without
// writing to it, and returns the number of reports it holds.
func Verify(workspacePath string) (reports int, err error) {
	abs, err := existingWorkspace(workspacePath)
	if err != nil {
		return 0, err
	}
	lock, immutable := readLock(abs)
	defer releaseLock(lock)
	version, err := identifyWith(abs, "integrity_check", immutable)
	if err != nil {
		return 0, offerBackup(abs, err)
	}
	if version == 0 {
		return 0, nil
	}
	db, err := sql.Open("sqlite", dsnRead(abs, immutable))
	if err != nil {
		return 0, fail("检查工作区", err)
	}
	defer db.Close()
	if err := db.QueryRow(`SELECT count(*) FROM reports`).Scan(&reports); err != nil {
		return 0, fail("检查工作区", err)
	}
	return reports, nil
}

// existingWorkspace resolves path once and refuses what cannot be read as
// a workspace: missing, a folder, a device.
func existingWorkspace(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", newError(nil, err, "工作区路径“%s”无效。", path)
	}
	if err := checkPlace(abs); err != nil {
		return "", err
	}
	if _, err := os.Stat(abs); err != nil {
		return "", newError(ErrNotFound, err, "找不到工作区文件“%s”。", abs)
	}
	return abs, nil
}

// readLock takes the workspace lock when it can, so that nobody writes
// while the file is read. immutable says the file may be opened without
// locking or -wal/-shm files: nobody else has it open and no WAL holds
// data. A lock that cannot be created (a read-only folder) means nobody
// can have the workspace open for writing there.
func readLock(abs string) (lock *os.File, immutable bool) {
	f, err := os.OpenFile(abs+".lock", os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		if f, err = os.Open(abs + ".lock"); err != nil {
			return nil, !walHasData(abs) && errors.Is(err, os.ErrNotExist)
		}
	}
	if err := lockFile(f); err != nil {
		f.Close()
		return nil, false
	}
	return f, !walHasData(abs)
}

func walHasData(abs string) bool {
	st, err := os.Stat(abs + "-wal")
	return err == nil && st.Size() > 0
}
