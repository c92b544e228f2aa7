package storage

import (
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Replaced in tests to inject a disk that fails at the worst moment.
var (
	rename = os.Rename
	link   = os.Link
)

// asideMark names the copy of a workspace replaced by a restore:
// «workspace.db.before-restore-20261201-203400[-2]».
const asideMark = ".before-restore-"

var walFiles = []string{"-wal", "-shm"}

// RestoreBackup replaces the workspace with a backup; see RestoreBackupAside.
func RestoreBackup(workspacePath, backupPath string) error {
	_, err := RestoreBackupAside(workspacePath, backupPath)
	return err
}

// RestoreBackupAside replaces the workspace with a backup that passes
// PRAGMA integrity_check and returns the copy the replaced workspace was
// kept as ("" when there was none). The workspace must be closed. Whatever
// fails, the old or the new workspace is in place; an aside copy is never
// overwritten and joins the backups at the next successful backup.
func RestoreBackupAside(workspacePath, backupPath string) (string, error) {
	abs, err := filepath.Abs(workspacePath)
	if err != nil {
		return "", newError(nil, err, "工作区路径“%s”无效。", workspacePath)
	}
	src, err := filepath.Abs(backupPath)
	if err != nil {
		return "", newError(nil, err, "备份文件路径“%s”无效。", backupPath)
	}
	if err := usableBackup(src); err != nil {
		return "", err
	}
	lock, err := acquireLock(abs)
	if err != nil {
		return "", err
	}
	defer releaseLock(lock)
	if st, err := os.Stat(abs); err == nil && !st.Mode().IsRegular() {
		return "", newError(ErrNotWorkspace, errors.New("not a regular file"), "恢复备份失败：“%s”是一个文件夹或特殊文件，不是工作区文件，未作任何修改。", abs)
	}
	tmp := abs + ".restore.tmp"
	if err := copyFile(src, tmp); err != nil {
		os.Remove(tmp)
		return "", fsError("恢复备份失败：无法复制备份文件", err, "，原工作区未改动。")
	}
	// The copy itself is checked too: it is what becomes the workspace.
	if _, err := checkFileWith(tmp, "integrity_check", true); err != nil {
		os.Remove(tmp)
		return "", newError(ErrCorrupt, err, "恢复备份失败：复制出的文件未通过完整性检查，原工作区未改动。")
	}
	aside, err := setAside(abs)
	if err != nil {
		os.Remove(tmp)
		return "", err
	}
	// rename replaces the old file in one step: there is no moment without one.
	if err := rename(tmp, abs); err != nil {
		os.Remove(tmp)
		if perr := putBackWAL(abs, aside); perr != nil {
			return aside, fsError("恢复备份失败：无法替换工作区文件", err,
				fmt.Sprintf("，原工作区的完整副本在“%s”。", aside))
		}
		removeAside(aside)
		return "", fsError("恢复备份失败：无法替换工作区文件", err, "，原工作区未改动。")
	}
	syncDir(filepath.Dir(abs))
	markWorkspace(lock)
	return aside, nil
}

// usableBackup refuses a backup that cannot restore anything: missing,
// empty, damaged, or a database without a workspace in it.
func usableBackup(src string) error {
	st, err := os.Stat(src)
	if err != nil {
		return newError(ErrNotFound, err, "找不到备份文件“%s”。", src)
	}
	if !st.Mode().IsRegular() {
		return newError(ErrNotWorkspace, errors.New("not a regular file"), "备份文件不能使用：“%s”是一个文件夹或特殊文件。", src)
	}
	if st.Size() == 0 {
		return newError(ErrNotWorkspace, errors.New("empty file"), "备份文件不能使用：“%s”是空文件（0字节），不是工作区的备份。", src)
	}
	// immutable: only the file is copied, so only the file is checked, and
	// nothing is written beside a backup (it may be on a CD).
	version, err := checkFileWith(src, "integrity_check", true)
	if err != nil {
		var e *Error
		if errors.As(err, &e) {
			e.Msg = "备份文件不能使用：" + e.Msg
		}
		return err
	}
	if version == 0 {
		return newError(ErrNotWorkspace, errors.New("empty database"), "备份文件不能使用：“%s”是一个空数据库，不含工作区的数据。", src)
	}
	return nil
}

// setAside keeps the current workspace under a new name and takes its WAL
// away from beside it, so that it is never applied to the restored file.
// The workspace itself stays in place until the restored copy replaces it.
func setAside(abs string) (string, error) {
	if !fileExists(abs) {
		return "", nil
	}
	checkpoint(abs)
	stamp := time.Now().Format(backupStamp)
	aside := abs + asideMark + stamp
	for i := 2; fileExists(aside) || fileExists(aside+"-wal") || fileExists(aside+"-shm"); i++ {
		aside = fmt.Sprintf("%s%s%s-%d", abs, asideMark, stamp, i)
	}
	for _, sfx := range append([]string{""}, walFiles...) {
		if !fileExists(abs + sfx) {
			continue
		}
		if err := linkOrCopy(abs+sfx, aside+sfx); err != nil {
			removeAside(aside)
			return "", fsError("恢复备份失败：无法另存原工作区", err, "，原工作区未改动。")
		}
	}
	syncDir(filepath.Dir(abs))
	for _, sfx := range walFiles {
		if err := os.Remove(abs + sfx); err != nil && !errors.Is(err, os.ErrNotExist) {
			putBackWAL(abs, aside)
			removeAside(aside)
			return "", fsError("恢复备份失败：无法移开原工作区的日志文件", err, "，原工作区未改动。")
		}
	}
	return aside, nil
}

// checkpoint folds a closed workspace's WAL into its file, so the aside
// copy is one file; a damaged file keeps its WAL, which is set aside too.
func checkpoint(abs string) {
	if st, err := os.Stat(abs + "-wal"); err != nil || st.Size() == 0 {
		return
	}
	db, err := sql.Open("sqlite", dsn(abs, false))
	if err != nil {
		return
	}
	db.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`)
	db.Close()
}

// putBackWAL returns the set-aside WAL of a workspace whose replacement failed.
func putBackWAL(abs, aside string) error {
	if aside == "" {
		return nil
	}
	for _, sfx := range walFiles {
		if fileExists(aside+sfx) && !fileExists(abs+sfx) {
			if err := linkOrCopy(aside+sfx, abs+sfx); err != nil {
				return err
			}
		}
	}
	return nil
}

func removeAside(aside string) {
	if aside == "" {
		return
	}
	for _, sfx := range append([]string{""}, walFiles...) {
		os.Remove(aside + sfx)
	}
}

// linkOrCopy makes dst a second name of src, or a copy where the file
// system has no hard links (FAT32 USB sticks).
func linkOrCopy(src, dst string) error {
	if err := link(src, dst); err == nil {
		return nil
	}
	if err := copyFile(src, dst); err != nil {
		os.Remove(dst)
		return err
	}
	return nil
}

// adoptAsides moves the copies set aside by restores into the backups,
// where they are listed and pruned like every backup; a copy with its own
// WAL (a damaged file) stays where the user was told it is.
func adoptAsides(path string) {
	matches, _ := filepath.Glob(path + asideMark + "*")
	for _, m := range matches {
		if strings.HasSuffix(m, "-wal") || strings.HasSuffix(m, "-shm") || strings.HasSuffix(m, ".lock") || fileExists(m+"-wal") {
			continue
		}
		if _, err := checkFileWith(m, "quick_check", true); err != nil {
			continue
		}
		name := backupPrefix(path) + strings.TrimPrefix(m, path+asideMark) + "-before-restore.db"
		dst := filepath.Join(backupDir(path), name)
		if !fileExists(dst) {
			rename(m, dst)
		}
	}
}
