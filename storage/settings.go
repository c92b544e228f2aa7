package storage

import (
	"database/sql"
	"errors"
	"fmt"
)

// Setting keys used by the desktop app.
const (
	SettingLastReport = "last_report"
	SettingLastFolder = "last_folder"
)

// Setting returns a stored setting, or "" when unset.
func (w *Workspace) Setting(key string) (string, error) {
	if w.db == nil {
		return "", fail("读取设置", errors.New("workspace closed"))
	}
	var v string
	err := w.db.QueryRow(`SELECT value FROM settings WHERE key = ?`, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fail("读取设置", fmt.Errorf("setting %q: %w", key, err))
	}
	return v, nil
}

// SetSetting stores a setting (last report, last folder, font choices …).
func (w *Workspace) SetSetting(key, value string) error {
	return w.tx("保存设置", func(tx *txn) error {
		_, err := tx.Exec(`INSERT INTO settings(key, value) VALUES (?, ?)
			ON CONFLICT(key) DO UPDATE SET value = excluded.value`, key, value)
		return err
	})
}
