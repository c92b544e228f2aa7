package storage

import (
	"errors"
	"fmt"
	"strings"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Error is a workspace failure the user must see. Msg is one Chinese
// sentence; Backup names the newest good backup to offer, or is empty.
type Error struct {
	Msg    string
	Backup string
	Err    error
}

func (e *Error) Error() string {
	if e.Backup != "" {
		return e.Msg + "可以从最近的完好备份恢复：" + e.Backup
	}
	return e.Msg
}

func (e *Error) Unwrap() error { return e.Err }

// Sentinel errors, matched with errors.Is.
var (
	// ErrExists: a report for the same unit and year is already in the workspace.
	ErrExists = errors.New("report exists")
	// ErrLocked: another process has the workspace open.
	ErrLocked = errors.New("workspace locked")
	// ErrNotFound: no report with that ID or key.
	ErrNotFound = errors.New("not found")
	// ErrNewer: the workspace was written by a newer version.
	ErrNewer = errors.New("workspace from newer version")
	// ErrNotWorkspace: the file is not a workspace (not SQLite, or another application's).
	ErrNotWorkspace = errors.New("not a workspace")
	// ErrCorrupt: the workspace fails its integrity check.
	ErrCorrupt = errors.New("workspace corrupt")
	// ErrReadOnly: the location cannot be written.
	ErrReadOnly = errors.New("workspace read-only")
	// ErrDiskFull: the disk is full.
	ErrDiskFull = errors.New("disk full")
)

// joined wraps a sentinel and the cause so errors.Is finds both.
type joined struct {
	sentinel error
	cause    error
}

func (j *joined) Error() string {
	if j.cause == nil {
		return j.sentinel.Error()
	}
	return j.sentinel.Error() + ": " + j.cause.Error()
}
func (j *joined) Unwrap() []error {
	if j.cause == nil {
		return []error{j.sentinel}
	}
	return []error{j.sentinel, j.cause}
}

func newError(sentinel error, cause error, format string, a ...any) *Error {
	var err error = cause
	if sentinel != nil {
		err = &joined{sentinel, cause}
	}
	return &Error{Msg: fmt.Sprintf(format, a...), Err: err}
}

func sqliteCode(err error) int {
	var se *sqlite.Error
	if errors.As(err, &se) {
		return se.Code() & 0xff
	}
	return 0
}

// fail turns a failure of an operation into an *Error with a Chinese
// sentence. what says what was being done, e.g. "保存单元格".
func fail(what string, err error) error {
	if err == nil {
		return nil
	}
	var se *Error
	if errors.As(err, &se) {
		return err
	}
	// An edit that failed is still on screen; say so where it applies.
	keep := ""
	if strings.HasPrefix(what, "保存") {
		keep = "刚才的修改仍保留在窗口中，"
	}
	switch sqliteCode(err) {
	case sqlite3.SQLITE_FULL:
		return newError(ErrDiskFull, err, "%s失败：磁盘已满，%s请清理磁盘空间后重试。", what, keep)
	case sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_IOERR, sqlite3.SQLITE_AUTH:
		return newError(ErrReadOnly, err, "%s失败：工作区文件无法写入（位置只读、无权限或磁盘故障），%s请检查后重试。", what, keep)
	case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
		return newError(ErrLocked, err, "%s失败：工作区正在被另一个窗口使用，请稍后重试。", what)
	case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB:
		return newError(ErrCorrupt, err, "%s失败：工作区文件已损坏，请从备份恢复。", what)
	}
	if errors.Is(err, ErrNotFound) {
		return newError(nil, err, "%s失败：找不到这份报告，它可能已被删除。", what)
	}
	return newError(nil, err, "%s失败：%v", what, err)
}
