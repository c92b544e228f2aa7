package storage

import (
	"bytes"
	"database/sql"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"nianbao/app"
)

// putCell stores the text as typed and, for a number, its canonical value.
func putCell(tx *txn, id int64, cell, raw string) error {
	v := app.ParseValue(raw)
	if v.State == app.Empty {
		_, err := tx.Exec(`DELETE FROM cells WHERE report_id = ? AND cell_id = ?`, id, cell)
		return err
	}
	var value any
	if v.State == app.Number {
		value = v.Text
	}
	_, err := tx.Exec(`INSERT INTO cells(report_id, cell_id, raw, value) VALUES (?, ?, ?, ?)
		ON CONFLICT(report_id, cell_id) DO UPDATE SET raw = excluded.raw, value = excluded.value`, id, cell, raw, value)
	if err != nil {
		return fmt.Errorf("save cell %s: %w", cell, err)
	}
	return nil
}

// touch marks a report edited: a changed report is a draft again.
func (w *Workspace) touch(tx *txn, id int64) error {
	res, err := tx.Exec(`UPDATE reports SET updated = ?, status = ? WHERE id = ?`, w.stamp(), StatusDraft, id)
	if err != nil {
		return fmt.Errorf("touch report %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("report %d: %w", id, ErrNotFound)
	}
	return nil
}

func reportFormat(tx *txn, id int64) (*app.Format, error) {
	var format string
	if err := tx.QueryRow(`SELECT format FROM reports WHERE id = ?`, id).Scan(&format); err != nil {
		return nil, fmt.Errorf("report %d: %w", id, ErrNotFound)
	}
	f := app.FormatByID(format)
	if f == nil {
		return nil, fmt.Errorf("report %d: unknown format %q", id, format)
	}
	return f, nil
}

func badCell(f *app.Format, cell string) error {
	return newError(nil, fmt.Errorf("cell %q not in format %s", cell, f.ID), "单元格“%s”不属于%s。", cell, f.Name)
}

// SaveCell saves one cell as typed ("" empties it) in its own transaction
// and returns after the commit.
func (w *Workspace) SaveCell(id int64, cellID, raw string) error {
	return w.SaveCells(id, map[string]string{cellID: raw})
}

// SaveCells saves several input cells in one transaction (paste, 空白填0)
// together with the totals they change. A computed cell is refused.
func (w *Workspace) SaveCells(id int64, cells map[string]string) error {
	return w.tx("保存单元格", func(tx *txn) error {
		f, err := reportFormat(tx, id)
		if err != nil {
			return err
		}
		for cell, raw := range cells {
			c := f.Cell(cell)
			if c == nil {
				return badCell(f, cell)
			}
			if c.Computed() {
				return newError(nil, fmt.Errorf("cell %q is computed", cell),
					"%s是自动计算的合计，不能手填。", c.Location)
			}
			if err := putCell(tx, id, cell, raw); err != nil {
				return err
			}
		}
		if _, err := storeTotals(tx, id, f); err != nil {
			return err
		}
		return w.touch(tx, id)
	})
}

// SaveField saves one non-cell field declared in app.Fields (text.*, doc.*,
// unit.name, unit.level), validated as its declaration says.
func (w *Workspace) SaveField(id int64, path, value string) error {
	return w.tx("保存“"+path+"”", func(tx *txn) error {
		fd, ok := app.FieldByPath(path)
		if !ok || fd.Section == "" {
			return newError(nil, fmt.Errorf("unknown field %q", path), "未知字段“%s”。", app.Escape(path))
		}
		if err := fd.Check(value); err != nil {
			return &Error{Msg: err.Error() + "，未保存。", Err: err}
		}
		if err := w.touch(tx, id); err != nil {
			return err
		}
		var err error
		switch fd.Section {
		case "text":
			_, err = tx.Exec(`INSERT INTO texts(report_id, section, body) VALUES (?, ?, ?)
				ON CONFLICT(report_id, section) DO UPDATE SET body = excluded.body`, id, fd.Key, value)
		case "doc":
			_, err = tx.Exec(`INSERT INTO doc_fields(report_id, field, value) VALUES (?, ?, ?)
				ON CONFLICT(report_id, field) DO UPDATE SET value = excluded.value`, id, fd.Key, value)
		case "unit":
			err = w.saveUnitField(tx, id, fd.Key, value)
		}
		if err != nil {
			return fmt.Errorf("save %s: %w", path, err)
		}
		return nil
	})
}

// saveUnitField renames the report's unit or changes its level; a rename
// onto another report of the same year is refused.
func (w *Workspace) saveUnitField(tx *txn, id int64, key, value string) error {
	if key == "level" {
		_, err := tx.Exec(`UPDATE reports SET level = ? WHERE id = ?`, value, id)
		return err
	}
	var year int
	if err := tx.QueryRow(`SELECT year FROM reports WHERE id = ?`, id).Scan(&year); err != nil {
		return err
	}
	if other, err := findReport(tx, value, year); err == nil && other != id {
		return existsError(value, year)
	}
	uid, err := unitID(tx, value)
	if err == nil {
		_, err = tx.Exec(`UPDATE reports SET unit_id = ? WHERE id = ?`, uid, id)
	}
	return err
}

// SaveExplanation saves the 出错说明 of a finding key ("RULE:anchor"); an
// empty text removes it.
func (w *Workspace) SaveExplanation(id int64, key, text string) error {
	return w.tx("保存出错说明", func(tx *txn) error {
		if !explanationKey.MatchString(key) {
			return newError(nil, fmt.Errorf("explanation key %q", key), "出错说明的键“%s”格式应为“规则:位置”。", key)
		}
		if err := w.touch(tx, id); err != nil {
			return err
		}
		var err error
		if text == "" {
			_, err = tx.Exec(`DELETE FROM explanations WHERE report_id = ? AND finding_key = ?`, id, key)
		} else {
			_, err = tx.Exec(`INSERT INTO explanations(report_id, finding_key, body) VALUES (?, ?, ?)
				ON CONFLICT(report_id, finding_key) DO UPDATE SET body = excluded.body`, id, key, text)
		}
		if err != nil {
			return fmt.Errorf("save explanation: %w", err)
		}
		return nil
	})
}

// SaveCounts caches the numbers of errors and warnings for the report list.
func (w *Workspace) SaveCounts(id int64, errs, warnings int) error {
	return w.tx("保存校验结果", func(tx *txn) error {
		res, err := tx.Exec(`UPDATE reports SET errors = ?, warnings = ? WHERE id = ?`, errs, warnings, id)
		if err != nil {
			return fmt.Errorf("save counts: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("report %d: %w", id, ErrNotFound)
		}
		return nil
	})
}

// explanationKey is the form of app.Finding.Key that report files accept.
var explanationKey = regexp.MustCompile(`^[A-Z0-9]+(-[A-Z0-9]+)*:[a-z0-9_.]+$`)

var pngMagic = []byte("\x89PNG\r\n\x1a\n")

// SaveSeal stores the seal image of a unit; nil removes it.
func (w *Workspace) SaveSeal(unit string, png []byte) error {
	return w.tx("保存印章", func(tx *txn) error {
		if strings.TrimSpace(unit) == "" {
			return newError(nil, errors.New("empty unit"), "机关名称不能为空。")
		}
		uid, err := unitID(tx, unit)
		if err != nil {
			return err
		}
		if len(png) == 0 {
			_, err = tx.Exec(`DELETE FROM seals WHERE unit_id = ?`, uid)
			return err
		}
		if !bytes.HasPrefix(png, pngMagic) {
			return newError(nil, errors.New("not a PNG"), "印章图片必须是PNG格式。")
		}
		_, err = tx.Exec(`INSERT INTO seals(unit_id, png, updated) VALUES (?, ?, ?)
			ON CONFLICT(unit_id) DO UPDATE SET png = excluded.png, updated = excluded.updated`, uid, png, w.stamp())
		return err
	})
}

// Seal returns the seal PNG of a unit, or nil when there is none.
func (w *Workspace) Seal(unit string) ([]byte, error) {
	if w.db == nil {
		return nil, fail("读取印章", errors.New("workspace closed"))
	}
	var png []byte
	err := w.db.QueryRow(`SELECT s.png FROM seals s JOIN units u ON u.id = s.unit_id WHERE u.name = ?`, unit).Scan(&png)
	if err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, nil
		}
		return nil, fail("读取印章", err)
	}
	return png, nil
}
