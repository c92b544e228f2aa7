package storage

import (
	"database/sql"
	"errors"
	"time"
)

type txn = sql.Tx

// querier is what reading code needs from a *sql.DB or a *sql.Tx.
type querier interface {
	QueryRow(query string, args ...any) *sql.Row
	Query(query string, args ...any) (*sql.Rows, error)
}

// tx runs fn in one IMMEDIATE transaction and returns after COMMIT.
func (w *Workspace) tx(what string, fn func(tx *txn) error) error {
	if w.db == nil {
		return newError(nil, errors.New("workspace closed"), "%s失败：工作区已关闭。", what)
	}
	tx, err := w.db.Begin()
	if err != nil {
		return fail(what, err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return fail(what, err)
	}
	if err := tx.Commit(); err != nil {
		return fail(what, err)
	}
	return nil
}

const timeLayout = "2006-01-02T15:04:05.000Z07:00"

func (w *Workspace) stamp() string { return w.now().UTC().Format(timeLayout) }

func parseStamp(s string) time.Time {
	t, _ := time.Parse(timeLayout, s)
	return t
}
