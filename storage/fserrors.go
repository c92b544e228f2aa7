package storage

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
)

// isDiskFull tells a full disk from other failures of the file system.
func isDiskFull(err error) bool {
	var errno syscall.Errno
	if !errors.As(err, &errno) {
		return false
	}
	if runtime.GOOS == "windows" {
		return errno == 112 || errno == 39 // ERROR_DISK_FULL, ERROR_HANDLE_DISK_FULL
	}
	return errno == syscall.ENOSPC || errno == syscall.EDQUOT
}

// fsError is an *Error for a failed file operation: prefix and suffix
// around the reason, which says whether the disk is full.
func fsError(prefix string, err error, suffix string) error {
	switch {
	case isDiskFull(err):
		return newError(ErrDiskFull, err, "%s（磁盘已满，请清理磁盘空间）%s", prefix, suffix)
	case errors.Is(err, os.ErrPermission):
		return newError(ErrReadOnly, err, "%s（位置只读或无权限）%s", prefix, suffix)
	}
	return newError(ErrReadOnly, err, "%s（磁盘故障或文件被其他程序占用）%s", prefix, suffix)
}

// nearlyFull says whether a failed open or I/O beside path may be for want
// of space: SQLite reports a -shm it cannot grow as an I/O error.
func nearlyFull(path string) bool {
	free, ok := freeBytes(filepath.Dir(path))
	return ok && free < 1<<20
}
