package storage

import (
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
	sqlite3 "modernc.org/sqlite/lib"
)

// applicationID marks a workspace file in the SQLite header ("nian").
const applicationID = 0x6E69616E

// Workspace is an open workspace file. Its methods are safe for concurrent
// use; they are serialised on one connection.
type Workspace struct {
	path string
	db   *sql.DB
	lock *os.File
	now  func() time.Time

	repaired int // totals corrected by the upgrade on opening
}

// DefaultPath is the workspace in the user's data directory:
// %APPDATA%\nianbao\workspace.db on Windows, else
// $XDG_DATA_HOME/nianbao/workspace.db or ~/.local/share/nianbao/workspace.db.
func DefaultPath() (string, error) {
	if runtime.GOOS == "windows" {
		dir := os.Getenv("APPDATA")
		if dir == "" {
			d, err := os.UserConfigDir()
			if err != nil {
				return "", fmt.Errorf("default workspace path: %w", err)
			}
			dir = d
		}
		return filepath.Join(dir, "nianbao", "workspace.db"), nil
	}
	if x := os.Getenv("XDG_DATA_HOME"); x != "" && filepath.IsAbs(x) {
		return filepath.Join(x, "nianbao", "workspace.db"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("default workspace path: %w", err)
	}
	return filepath.Join(home, ".local", "share", "nianbao", "workspace.db"), nil
}

// dsn names the file as a URI so that any path (spaces, Chinese, '?') is
// safe, and carries the pragmas every connection must run.
func dsn(path string, readOnly bool) string {
	if readOnly {
		return dsnRead(path, false)
	}
	return fileURI(path) + "?_pragma=busy_timeout(5000)&_pragma=foreign_keys(ON)" +
		"&_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)&_txlock=immediate"
}

// dsnRead opens for reading only; immutable also skips locking and the
// -wal/-shm files, so nothing at all is written beside the file. It is
// right only when no WAL holds data and nobody else can write.
func dsnRead(path string, immutable bool) string {
	if immutable {
		return fileURI(path) + "?mode=ro&immutable=1"
	}
	return fileURI(path) + "?mode=ro&_pragma=busy_timeout(5000)"
}

func fileURI(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs // a relative path would be read from «/» below
	}
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // Windows drive letter
	}
	u := url.URL{Scheme: "file", Path: p}
	return u.String()
}

// Open opens the workspace at path, creating the folders and the file when
// missing. Every error is an *Error.
func Open(path string) (*Workspace, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, newError(nil, fmt.Errorf("open workspace: %w", err), "工作区路径“%s”无效。", path)
	}
	if err := checkPlace(abs); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
		return nil, newError(ErrReadOnly, fmt.Errorf("open workspace: %w", err),
			"无法在“%s”创建工作区文件夹：位置只读或无权限，请换一个文件夹。", filepath.Dir(abs))
	}
	lock, err := acquireLock(abs)
	if err != nil {
		return nil, err
	}
	w := &Workspace{path: abs, lock: lock, now: time.Now}
	if err := w.open(); err != nil {
		if w.db != nil {
			w.db.Close()
		}
		releaseLock(lock)
		return nil, err
	}
	markWorkspace(lock)
	return w, nil
}

// checkPlace refuses a folder or a device where the workspace file should
// be, and a missing file where a workspace was used before.
func checkPlace(abs string) error {
	st, err := os.Stat(abs)
	switch {
	case errors.Is(err, os.ErrNotExist):
		if workspaceExisted(abs) {
			return missingError(abs)
		}
		return nil
	case err != nil:
		return newError(ErrReadOnly, fmt.Errorf("stat workspace: %w", err), "无法读取工作区文件“%s”：位置无法访问或无权限。", abs)
	case st.IsDir():
		return newError(ErrNotWorkspace, errors.New("a directory"), "“%s”是一个文件夹，不是工作区文件，未作任何修改。", abs)
	case !st.Mode().IsRegular():
		return newError(ErrNotWorkspace, errors.New("not a regular file"), "“%s”是一个特殊文件（设备或管道），不是工作区文件，未作任何修改。", abs)
	}
	return nil
}

func (w *Workspace) open() error {
	version, err := identify(w.path)
	if err != nil {
		return offerBackup(w.path, err)
	}
	db, err := sql.Open("sqlite", dsn(w.path, false))
	if err != nil {
		return fail("打开工作区", fmt.Errorf("open workspace: %w", err))
	}
	db.SetMaxOpenConns(1)
	w.db = db
	if err := db.Ping(); err != nil {
		return fail("打开工作区", fmt.Errorf("open workspace: %w", err))
	}
	if version < len(migrations) {
		if version > 0 {
			if _, err := w.Backup(); err != nil {
				return err
			}
		}
		if err := w.migrate(version); err != nil {
			return err
		}
	}
	// A failed routine backup (e.g. a full disk) must not keep the drafts
	// from opening; the next open tries again.
	_ = w.backupIfDue()
	return nil
}

// Path returns the absolute path of the workspace file.
func (w *Workspace) Path() string { return w.path }

// Close closes the database, which checkpoints the WAL, and releases the lock.
func (w *Workspace) Close() error {
	var err error
	if w.db != nil {
		err = w.db.Close()
		w.db = nil
	}
	if lerr := releaseLock(w.lock); lerr != nil && err == nil {
		err = lerr
	}
	w.lock = nil
	if err != nil {
		return fail("关闭工作区", err)
	}
	return nil
}

// offerBackup names the newest good backup in a refusal of a bad file; a
// newer file is fine and only needs a newer program.
func offerBackup(path string, err error) error {
	var e *Error
	if errors.As(err, &e) && (errors.Is(err, ErrCorrupt) || errors.Is(err, ErrNotWorkspace)) {
		e.Backup = newestGoodBackup(path)
	}
	return err
}

var sqliteMagic = []byte("SQLite format 3\x00")

// identify checks an existing file without writing to it and returns its
// schema version: 0 for a missing or empty file.
func identify(path string) (int, error) { return identifyWith(path, "quick_check", false) }

// identifyWith is identify with the check to run and how to open the file.
func identifyWith(path, check string, immutable bool) (int, error) {
	if st, err := os.Stat(path); err == nil && !st.Mode().IsRegular() {
		return 0, checkPlace(path)
	}
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, newError(ErrReadOnly, fmt.Errorf("open workspace: %w", err), "无法读取工作区文件“%s”：%v", path, err)
	}
	head := make([]byte, 100)
	n, _ := f.Read(head)
	f.Close()
	if n == 0 {
		if st, err := os.Stat(path + "-wal"); err != nil || st.Size() == 0 {
			return 0, nil
		}
		return checkFileWith(path, check, false) // everything may still be in the WAL
	}
	if n < len(sqliteMagic) || string(head[:len(sqliteMagic)]) != string(sqliteMagic) {
		return 0, newError(ErrNotWorkspace, errors.New("no SQLite header"),
			"文件“%s”不是年报助手的工作区（不是数据库文件或已严重损坏），文件未作任何修改。", path)
	}
	return checkFileWith(path, check, immutable)
}

// checkFile opens a SQLite file read-only and checks that it is a workspace
// this version can use and that it passes the given integrity check.
func checkFile(path, check string) (int, error) { return checkFileWith(path, check, false) }

// checkFileWith is checkFile, opening the file immutable when asked (see
// dsnRead). A full disk or an unreadable file is told apart from damage.
func checkFileWith(path, check string, immutable bool) (int, error) {
	db, err := sql.Open("sqlite", dsnRead(path, immutable))
	if err != nil {
		return 0, fail("检查工作区", err)
	}
	defer db.Close()
	corrupt := func(err error) error {
		switch code := sqliteCode(err); {
		case code == sqlite3.SQLITE_FULL || isDiskFull(err) ||
			(code == sqlite3.SQLITE_IOERR || code == sqlite3.SQLITE_CANTOPEN) && nearlyFull(path):
			return newError(ErrDiskFull, err, "无法检查工作区文件“%s”：磁盘已满（检查需要少量空间），请清理磁盘后重试；文件未作任何修改。", path)
		case code == sqlite3.SQLITE_CANTOPEN || code == sqlite3.SQLITE_IOERR || code == sqlite3.SQLITE_READONLY || code == sqlite3.SQLITE_PERM:
			return newError(ErrReadOnly, err, "无法读取工作区文件“%s”（位置只读、无权限或磁盘故障），文件未作任何修改。", path)
		}
		return newError(ErrCorrupt, err, "工作区文件“%s”已损坏（完整性检查未通过），文件未作任何修改。", path)
	}
	var appID, version, tables int
	row := db.QueryRow(`SELECT (SELECT application_id FROM pragma_application_id),
		(SELECT user_version FROM pragma_user_version), (SELECT count(*) FROM sqlite_schema)`)
	if err := row.Scan(&appID, &version, &tables); err != nil {
		return 0, corrupt(fmt.Errorf("read header: %w", err))
	}
	if appID != applicationID {
		if appID == 0 && tables == 0 && version == 0 {
			return 0, nil // an empty database: ours to initialise
		}
		return 0, newError(ErrNotWorkspace, fmt.Errorf("application_id %#x", appID),
			"文件“%s”是其他程序的数据库，不是年报助手的工作区，文件未作任何修改。", path)
	}
	if version > len(migrations) {
		return 0, newError(ErrNewer, fmt.Errorf("user_version %d > %d", version, len(migrations)),
			"工作区“%s”由更新版本的年报助手创建（结构版本%d，本程序只支持到%d），请升级程序后再打开，文件未作任何修改。",
			path, version, len(migrations))
	}
	rows, err := db.Query("PRAGMA " + check)
	if err != nil {
		return 0, corrupt(fmt.Errorf("%s: %w", check, err))
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return 0, corrupt(fmt.Errorf("%s: %w", check, err))
		}
		if s != "ok" {
			problems = append(problems, s)
		}
	}
	if err := rows.Err(); err != nil {
		return 0, corrupt(fmt.Errorf("%s: %w", check, err))
	}
	if len(problems) > 0 {
		return 0, corrupt(fmt.Errorf("%s: %s", check, strings.Join(problems, "; ")))
	}
	return version, nil
}
