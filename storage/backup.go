package storage

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
)

const (
	backupKeep     = 10
	backupInterval = 12 * time.Hour
	backupStamp    = "20060102-150405"
)

func backupDir(path string) string { return filepath.Join(filepath.Dir(path), "backups") }

// backupPrefix is "workspace-" for workspace.db.
func backupPrefix(path string) string {
	base := filepath.Base(path)
	return strings.TrimSuffix(base, filepath.Ext(base)) + "-"
}

// listBackups returns the backups of a workspace, newest first.
func listBackups(path string) ([]string, error) {
	entries, err := os.ReadDir(backupDir(path))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("list backups: %w", err)
	}
	prefix := backupPrefix(path)
	var names []string
	for _, e := range entries {
		n := e.Name()
		if e.Type().IsRegular() && strings.HasPrefix(n, prefix) && strings.HasSuffix(n, ".db") {
			if _, ok := backupTime(path, n); ok {
				names = append(names, n)
			}
		}
	}
	// Newest first; «…-150303-2.db» was made after «…-150303.db».
	sort.Slice(names, func(i, j int) bool {
		si, ni := backupOrder(path, names[i])
		sj, nj := backupOrder(path, names[j])
		if si != sj {
			return si > sj
		}
		return ni > nj
	})
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = filepath.Join(backupDir(path), n)
	}
	return out, nil
}

// backupOrder splits a backup name into its time stamp and sequence number.
func backupOrder(path, name string) (string, int) {
	s := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(name), backupPrefix(path)), ".db")
	stamp, seq, _ := strings.Cut(s, "-")
	if rest, n, ok := strings.Cut(seq, "-"); ok {
		k, _ := strconv.Atoi(n)
		return stamp + "-" + rest, k
	}
	return s, 1
}

// backupTime reads the local time stamp out of a backup name
// «workspace-20261123-150303[-2].db».
func backupTime(path, name string) (time.Time, bool) {
	s := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(name), backupPrefix(path)), ".db")
	if len(s) < len(backupStamp) {
		return time.Time{}, false
	}
	t, err := time.ParseInLocation(backupStamp, s[:len(backupStamp)], time.Local)
	return t, err == nil
}

// Backups lists the backup files of the workspace, newest first.
func (w *Workspace) Backups() ([]string, error) {
	b, err := listBackups(w.path)
	if err != nil {
		return nil, fail("读取备份列表", err)
	}
	return b, nil
}

// Backup writes a consistent copy of the workspace with VACUUM INTO to
// backups/, then prunes old copies. It returns the new file's path.
func (w *Workspace) Backup() (string, error) {
	if w.db == nil {
		return "", fail("备份工作区", errors.New("workspace closed"))
	}
	dir := backupDir(w.path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", newError(ErrReadOnly, fmt.Errorf("backup: %w", err), "无法创建备份文件夹“%s”：位置只读或无权限。", dir)
	}
	// Left by a process killed during a backup; we hold the lock, so they are stale.
	if stale, _ := filepath.Glob(filepath.Join(dir, backupPrefix(w.path)+"*.db.tmp")); len(stale) > 0 {
		for _, f := range stale {
			os.Remove(f)
		}
	}
	stamp := w.now().Local().Format(backupStamp)
	stem := filepath.Join(dir, backupPrefix(w.path)+stamp)
	final := stem + ".db"
	// Several backups in one second are numbered after the highest so far,
	// so the order of names stays the order of making even after pruning.
	existing, _ := listBackups(w.path)
	for _, b := range existing {
		if s, n := backupOrder(w.path, b); s == stamp {
			final = fmt.Sprintf("%s-%d.db", stem, n+1)
			break // newest first
		}
	}
	for i := 2; fileExists(final); i++ {
		final = fmt.Sprintf("%s-%d.db", stem, i)
	}
	// Written under a temporary name so a crash never leaves a partial backup.
	tmp := final + ".tmp"
	os.Remove(tmp)
	if _, err := w.db.Exec(`VACUUM INTO ?`, tmp); err != nil {
		os.Remove(tmp)
		return "", fail("备份工作区", fmt.Errorf("vacuum into %s: %w", tmp, err))
	}
	if err := syncFile(tmp); err != nil {
		os.Remove(tmp)
		return "", fail("备份工作区", err)
	}
	if err := os.Rename(tmp, final); err != nil {
		os.Remove(tmp)
		return "", fail("备份工作区", fmt.Errorf("backup: %w", err))
	}
	syncDir(dir)
	adoptAsides(w.path)
	if err := pruneBackups(w.path); err != nil {
		return final, fail("清理旧备份", err)
	}
	return final, nil
}

// pruneBackups keeps the newest backupKeep plus the newest of every year.
func pruneBackups(path string) error {
	all, err := listBackups(path)
	if err != nil {
		return err
	}
	years := map[int]bool{}
	for i, b := range all {
		t, _ := backupTime(path, b)
		keep := i < backupKeep || !years[t.Year()]
		years[t.Year()] = true
		if !keep {
			if err := os.Remove(b); err != nil {
				return fmt.Errorf("prune backup: %w", err)
			}
		}
	}
	return nil
}

// backupIfDue backs up a non-empty workspace whose newest backup is older
// than backupInterval.
func (w *Workspace) backupIfDue() error {
	var n int
	if err := w.db.QueryRow(`SELECT count(*) FROM reports`).Scan(&n); err != nil {
		return fail("打开工作区", err)
	}
	if n == 0 {
		return nil
	}
	all, err := listBackups(w.path)
	if err != nil {
		return fail("打开工作区", err)
	}
	if len(all) > 0 {
		if t, ok := backupTime(w.path, all[0]); ok && w.now().Sub(t) < backupInterval {
			return nil
		}
	}
	_, err = w.Backup()
	return err
}

// newestGoodBackup returns the newest backup that passes quick_check, or "".
func newestGoodBackup(path string) string {
	all, _ := listBackups(path)
	for i, b := range all {
		if i == 5 {
			break
		}
		if _, err := checkFile(b, "quick_check"); err == nil {
			return b
		}
	}
	return ""
}

func fileExists(p string) bool {
	_, err := os.Lstat(p)
	return err == nil
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return fmt.Errorf("copy %s: %w", src, err)
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return fmt.Errorf("copy to %s: %w", dst, err)
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return fmt.Errorf("copy to %s: %w", dst, err)
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return fmt.Errorf("copy to %s: %w", dst, err)
	}
	return out.Close()
}

func syncFile(p string) error {
	f, err := os.OpenFile(p, os.O_RDWR, 0)
	if err != nil {
		return fmt.Errorf("sync %s: %w", p, err)
	}
	defer f.Close()
	if err := f.Sync(); err != nil {
		return fmt.Errorf("sync %s: %w", p, err)
	}
	return nil
}

// syncDir makes a rename durable; not supported on every system, so best effort.
func syncDir(dir string) {
	if f, err := os.Open(dir); err == nil {
		f.Sync()
		f.Close()
	}
}

// ListBackups lists the backups of the workspace at path, newest first,
// without opening it (for a workspace that cannot be opened).
func ListBackups(workspacePath string) ([]string, error) {
	abs, err := filepath.Abs(workspacePath)
	if err != nil {
		return nil, fail("读取备份列表", err)
	}
	b, err := listBackups(abs)
	if err != nil {
		return nil, fail("读取备份列表", err)
	}
	return b, nil
}
