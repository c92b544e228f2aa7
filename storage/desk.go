package storage

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// DeskUnit is one roster entry of the superior office's desk.
type DeskUnit struct {
	Name, Level, Parent string
}

// DeskFile is one file received at the desk, as stored.
type DeskFile struct {
	ID       int64
	Year     int
	Path     string
	SHA256   string
	Size     int64
	Modified time.Time
	Received time.Time
	Source   string // "embedded", "text", or "" when unreadable
	Report   []byte // report file JSON; nil when unreadable
	Printed  []byte // JSON object of the printed table cells; nil when not compared
	TextErr  string
	Suspect  []string
	Error    string
}

// DeskRoster returns the roster of a year in its order.
func (w *Workspace) DeskRoster(year int) ([]DeskUnit, error) {
	if w.db == nil {
		return nil, fail("读取单位名单", errors.New("workspace closed"))
	}
	rows, err := w.db.Query(`SELECT name, level, parent FROM desk_roster WHERE year = ? ORDER BY pos`, year)
	if err != nil {
		return nil, fail("读取单位名单", fmt.Errorf("desk roster %d: %w", year, err))
	}
	defer rows.Close()
	var out []DeskUnit
	for rows.Next() {
		var u DeskUnit
		if err := rows.Scan(&u.Name, &u.Level, &u.Parent); err != nil {
			return nil, fail("读取单位名单", err)
		}
		out = append(out, u)
	}
	if err := rows.Err(); err != nil {
		return nil, fail("读取单位名单", err)
	}
	return out, nil
}

// SaveDeskRoster replaces the roster of a year in one transaction.
func (w *Workspace) SaveDeskRoster(year int, units []DeskUnit) error {
	return w.tx("保存单位名单", func(tx *txn) error {
		if _, err := tx.Exec(`DELETE FROM desk_roster WHERE year = ?`, year); err != nil {
			return fmt.Errorf("desk roster %d: %w", year, err)
		}
		seen := map[string]bool{}
		for i, u := range units {
			name := strings.TrimSpace(u.Name)
			if name == "" || seen[name] {
				return newError(nil, fmt.Errorf("desk roster %d: name %q", year, name), "单位名单第%d行的名称为空或重复。", i+1)
			}
			seen[name] = true
			if _, err := tx.Exec(`INSERT INTO desk_roster(year, pos, name, level, parent) VALUES (?, ?, ?, ?, ?)`,
				year, i, name, u.Level, u.Parent); err != nil {
				return fmt.Errorf("desk roster %d: %w", year, err)
			}
		}
		return nil
	})
}

// AddDeskFiles stores received files in one transaction and sets their IDs.
func (w *Workspace) AddDeskFiles(files []*DeskFile) error {
	return w.tx("保存收到的文件", func(tx *txn) error {
		for _, f := range files {
			res, err := tx.Exec(`INSERT INTO desk_files(year, path, sha256, size, modified, received, source, report, printed, text_error, suspect, error)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				f.Year, f.Path, f.SHA256, f.Size, f.Modified.UTC().Format(timeLayout), f.Received.UTC().Format(timeLayout),
				f.Source, nullBlob(f.Report), nullBlob(f.Printed), f.TextErr, strings.Join(f.Suspect, "\n"), f.Error)
			if err != nil {
				return fmt.Errorf("desk file %s: %w", f.Path, err)
			}
			if f.ID, err = res.LastInsertId(); err != nil {
				return fmt.Errorf("desk file %s: %w", f.Path, err)
			}
		}
		return nil
	})
}

func nullBlob(b []byte) any {
	if b == nil {
		return nil
	}
	return b
}

// DeskFiles returns the files received for a year, in the order received.
func (w *Workspace) DeskFiles(year int) ([]*DeskFile, error) {
	if w.db == nil {
		return nil, fail("读取收到的文件", errors.New("workspace closed"))
	}
	rows, err := w.db.Query(`SELECT id, year, path, sha256, size, modified, received, source, report, printed, text_error, suspect, error
		FROM desk_files WHERE year = ? ORDER BY id`, year)
	if err != nil {
		return nil, fail("读取收到的文件", fmt.Errorf("desk files %d: %w", year, err))
	}
	defer rows.Close()
	var out []*DeskFile
	for rows.Next() {
		var f DeskFile
		var modified, received, suspect string
		var report, printed sql.RawBytes
		if err := rows.Scan(&f.ID, &f.Year, &f.Path, &f.SHA256, &f.Size, &modified, &received, &f.Source,
			&report, &printed, &f.TextErr, &suspect, &f.Error); err != nil {
			return nil, fail("读取收到的文件", err)
		}
		f.Modified, f.Received = parseStamp(modified), parseStamp(received)
		if report != nil {
			f.Report = append([]byte(nil), report...)
		}
		if printed != nil {
			f.Printed = append([]byte(nil), printed...)
		}
		if suspect != "" {
			f.Suspect = strings.Split(suspect, "\n")
		}
		out = append(out, &f)
	}
	if err := rows.Err(); err != nil {
		return nil, fail("读取收到的文件", err)
	}
	return out, nil
}

// DeleteDeskFile removes one received file (a file given by mistake).
func (w *Workspace) DeleteDeskFile(id int64) error {
	return w.tx("删除收到的文件", func(tx *txn) error {
		_, err := tx.Exec(`DELETE FROM desk_files WHERE id = ?`, id)
		return err
	})
}
