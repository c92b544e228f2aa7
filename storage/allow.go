package storage

import (
	"errors"
	"fmt"
	"strings"
)

// AllowWords lists the words the clerk confirmed legitimate for LINT-SPAM
// in alphabetical order.
func (w *Workspace) AllowWords() ([]string, error) {
	if w.db == nil {
		return nil, fail("读取允许词", errors.New("workspace closed"))
	}
	rows, err := w.db.Query(`SELECT word FROM allow_words ORDER BY word`)
	if err != nil {
		return nil, fail("读取允许词", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, fail("读取允许词", err)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		return nil, fail("读取允许词", err)
	}
	return out, nil
}

// AddAllowWord adds a word to the allow-list; adding it twice is harmless.
func (w *Workspace) AddAllowWord(word string) error {
	word = strings.TrimSpace(word)
	return w.tx("保存允许词", func(tx *txn) error {
		if word == "" || strings.ContainsAny(word, "\r\n\t") {
			return newError(nil, fmt.Errorf("allow word %q", word), "允许词不能为空，也不能含换行。")
		}
		_, err := tx.Exec(`INSERT INTO allow_words(word, added) VALUES (?, ?) ON CONFLICT(word) DO NOTHING`, word, w.stamp())
		return err
	})
}

// RemoveAllowWord takes a word off the allow-list, whatever its case.
func (w *Workspace) RemoveAllowWord(word string) error {
	return w.tx("删除允许词", func(tx *txn) error {
		_, err := tx.Exec(`DELETE FROM allow_words WHERE word = ?`, strings.TrimSpace(word))
		return err
	})
}
