package storage

import (
	"errors"
	"os"
)

// ErrMissing: the workspace file is gone from where a workspace was used
// before (moved, deleted, or its USB stick not plugged in).
var ErrMissing = errors.New("workspace missing")

// The lock file stays beside the workspace; once the workspace has been
// opened it holds this line, so a missing workspace file is noticed
// instead of silently replaced by an empty one.
const markerText = "nianbao workspace\n"

// markWorkspace writes the marker into the held lock file once.
func markWorkspace(lock *os.File) {
	if lock == nil {
		return
	}
	if st, err := lock.Stat(); err == nil && st.Size() == 0 {
		lock.WriteAt([]byte(markerText), 0)
		lock.Sync()
	}
}

// workspaceExisted reports whether a workspace was opened at abs before.
func workspaceExisted(abs string) bool {
	st, err := os.Stat(abs + ".lock")
	return err == nil && st.Size() > 0
}

// missingError refuses to start afresh where a workspace has disappeared.
func missingError(abs string) error {
	e := newError(ErrMissing, os.ErrNotExist,
		"工作区文件“%s”不见了：此前在这里用过工作区（文件可能被移走、删除，或所在的U盘、网络盘没有接上），请找回该文件或从备份恢复；确实要新建空工作区，请删除“%s.lock”。",
		abs, abs)
	e.Backup = newestGoodBackup(abs)
	return e
}
