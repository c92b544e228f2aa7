package storage

import (
	"database/sql"
	"errors"
	"fmt"
	"time"

	"nianbao/app"
)

// ReportInfo is one line of the report list.
type ReportInfo struct {
	ID               int64
	Unit, Level      string
	Year             int
	Format, Status   string // Status is 草稿 or 已导出
	Updated          time.Time
	Errors, Warnings int // cached by SaveCounts
}

// Status values of a report.
const (
	StatusDraft    = "草稿"
	StatusExported = "已导出"
)

// Reports lists every report, newest year first.
func (w *Workspace) Reports() ([]ReportInfo, error) {
	if w.db == nil {
		return nil, fail("读取报告列表", errors.New("workspace closed"))
	}
	rows, err := w.db.Query(`SELECT r.id, u.name, r.level, r.year, r.format, r.status, r.updated, r.errors, r.warnings
		FROM reports r JOIN units u ON u.id = r.unit_id ORDER BY r.year DESC, u.name, r.id`)
	if err != nil {
		return nil, fail("读取报告列表", err)
	}
	defer rows.Close()
	var out []ReportInfo
	for rows.Next() {
		var ri ReportInfo
		var updated string
		if err := rows.Scan(&ri.ID, &ri.Unit, &ri.Level, &ri.Year, &ri.Format, &ri.Status, &updated, &ri.Errors, &ri.Warnings); err != nil {
			return nil, fail("读取报告列表", err)
		}
		ri.Updated = parseStamp(updated)
		out = append(out, ri)
	}
	if err := rows.Err(); err != nil {
		return nil, fail("读取报告列表", err)
	}
	return out, nil
}

// validate checks what the workspace relies on: a known format and level,
// a unit name and cells of the format.
func validate(r *app.Report) error {
	if r == nil {
		return newError(nil, errors.New("nil report"), "报告为空。")
	}
	f := r.FormatDef()
	switch {
	case f == nil:
		return newError(nil, fmt.Errorf("format %q", r.Format), "报告格式“%s”无效，应为“2019”或“2021”。", r.Format)
	case r.Unit.Name == "":
		return newError(nil, errors.New("empty unit"), "机关名称不能为空。")
	case app.LevelName(r.Unit.Level) == "":
		return newError(nil, fmt.Errorf("level %q", r.Unit.Level), "机关类型“%s”无效。", r.Unit.Level)
	case r.Year < 2000 || r.Year > 2100:
		return newError(nil, fmt.Errorf("year %d", r.Year), "报告年度%d无效。", r.Year)
	}
	for id := range r.Cells {
		if f.Cell(id) == nil {
			return newError(nil, fmt.Errorf("cell %q", id), "单元格“%s”不属于%s。", id, f.Name)
		}
	}
	return nil
}

func unitID(tx *txn, name string) (int64, error) {
	if _, err := tx.Exec(`INSERT INTO units(name) VALUES (?) ON CONFLICT(name) DO NOTHING`, name); err != nil {
		return 0, fmt.Errorf("unit %q: %w", name, err)
	}
	var id int64
	if err := tx.QueryRow(`SELECT id FROM units WHERE name = ?`, name).Scan(&id); err != nil {
		return 0, fmt.Errorf("unit %q: %w", name, err)
	}
	return id, nil
}

func findReport(q querier, unit string, year int) (int64, error) {
	var id int64
	err := q.QueryRow(`SELECT max(r.id) FROM reports r JOIN units u ON u.id = r.unit_id
		WHERE u.name = ? AND r.year = ? HAVING max(r.id) IS NOT NULL`, unit, year).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, ErrNotFound
	}
	return id, err
}

func existsError(unit string, year int) error {
	return newError(ErrExists, nil, "工作区中已有“%s”%d年的报告。", unit, year)
}

// CreateReport stores a new report. It fails with ErrExists when the
// workspace already holds a report of the same unit and year.
func (w *Workspace) CreateReport(r *app.Report) (int64, error) {
	if err := validate(r); err != nil {
		return 0, err
	}
	var id int64
	err := w.tx("新建报告", func(tx *txn) error {
		if _, err := findReport(tx, r.Unit.Name, r.Year); err == nil {
			return existsError(r.Unit.Name, r.Year)
		} else if !errors.Is(err, ErrNotFound) {
			return err
		}
		var err error
		id, err = w.insertReport(tx, r)
		return err
	})
	return id, err
}

func (w *Workspace) insertReport(tx *txn, r *app.Report) (int64, error) {
	uid, err := unitID(tx, r.Unit.Name)
	if err != nil {
		return 0, err
	}
	now := w.stamp()
	res, err := tx.Exec(`INSERT INTO reports(unit_id, level, year, format, created, updated) VALUES (?, ?, ?, ?, ?, ?)`,
		uid, r.Unit.Level, r.Year, r.Format, now, now)
	if err != nil {
		return 0, fmt.Errorf("insert report: %w", err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, fmt.Errorf("insert report: %w", err)
	}
	return id, writeContent(tx, id, r)
}

// writeContent replaces cells, texts, document fields and explanations;
// totals are stored as computed from the input cells, whatever r holds.
func writeContent(tx *txn, id int64, r *app.Report) error {
	for _, t := range []string{"cells", "texts", "doc_fields", "explanations"} {
		if _, err := tx.Exec(`DELETE FROM `+t+` WHERE report_id = ?`, id); err != nil {
			return fmt.Errorf("clear %s: %w", t, err)
		}
	}
	f := r.FormatDef()
	for cell, raw := range r.Cells {
		if c := f.Cell(cell); c != nil && c.Computed() {
			continue // stored below from the inputs
		}
		if err := putCell(tx, id, cell, raw); err != nil {
			return err
		}
	}
	if _, err := storeTotals(tx, id, f); err != nil {
		return err
	}
	for _, path := range app.TextFields {
		if _, err := tx.Exec(`INSERT INTO texts(report_id, section, body) VALUES (?, ?, ?)`, id, path[len("text."):], *r.TextField(path)); err != nil {
			return fmt.Errorf("insert text: %w", err)
		}
	}
	for _, path := range app.DocFields {
		if _, err := tx.Exec(`INSERT INTO doc_fields(report_id, field, value) VALUES (?, ?, ?)`, id, path[len("doc."):], *r.DocField(path)); err != nil {
			return fmt.Errorf("insert doc field: %w", err)
		}
	}
	for k, v := range r.Explanations {
		if _, err := tx.Exec(`INSERT INTO explanations(report_id, finding_key, body) VALUES (?, ?, ?)`, id, k, v); err != nil {
			return fmt.Errorf("insert explanation: %w", err)
		}
	}
	return nil
}

// FindReport returns the ID of the report of a unit and year (the newest
// one when an import kept both), or an error wrapping ErrNotFound.
func (w *Workspace) FindReport(unit string, year int) (int64, error) {
	if w.db == nil {
		return 0, fail("查找报告", errors.New("workspace closed"))
	}
	id, err := findReport(w.db, unit, year)
	if err != nil {
		return 0, fail("查找报告", err)
	}
	return id, nil
}

// LoadReport returns the report as saved. A cell holds what app.Report.SetCell
// makes of the typed text: the canonical number, or the text itself when it
// is not a number — never 0 in its place.
func (w *Workspace) LoadReport(id int64) (*app.Report, error) {
	if w.db == nil {
		return nil, fail("读取报告", errors.New("workspace closed"))
	}
	r, err := loadReport(w.db, id)
	if err != nil {
		return nil, fail("读取报告", err)
	}
	return r, nil
}

func loadReport(q querier, id int64) (*app.Report, error) {
	r := &app.Report{Cells: map[string]string{}, Explanations: map[string]string{}}
	err := q.QueryRow(`SELECT u.name, r.level, r.year, r.format FROM reports r JOIN units u ON u.id = r.unit_id WHERE r.id = ?`, id).
		Scan(&r.Unit.Name, &r.Unit.Level, &r.Year, &r.Format)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("report %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("load report %d: %w", id, err)
	}
	err = eachRow(q, `SELECT cell_id, raw FROM cells WHERE report_id = ?`, id, func(k, v string) {
		if s := app.Canonical(v); s != "" {
			r.Cells[k] = s
		}
	})
	if err != nil {
		return nil, err
	}
	err = eachRow(q, `SELECT section, body FROM texts WHERE report_id = ?`, id, func(k, v string) {
		if p := r.TextField("text." + k); p != nil {
			*p = v
		}
	})
	if err != nil {
		return nil, err
	}
	err = eachRow(q, `SELECT field, value FROM doc_fields WHERE report_id = ?`, id, func(k, v string) {
		if p := r.DocField("doc." + k); p != nil {
			*p = v
		}
	})
	if err != nil {
		return nil, err
	}
	err = eachRow(q, `SELECT finding_key, body FROM explanations WHERE report_id = ?`, id, func(k, v string) {
		r.Explanations[k] = v
	})
	return r, err
}

func eachRow(q querier, query string, id int64, fn func(k, v string)) error {
	rows, err := q.Query(query, id)
	if err != nil {
		return fmt.Errorf("load report %d: %w", id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return fmt.Errorf("load report %d: %w", id, err)
		}
		fn(k, v)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("load report %d: %w", id, err)
	}
	return nil
}

// DeleteReport removes a report with its cells, texts and revisions.
func (w *Workspace) DeleteReport(id int64) error {
	return w.tx("删除报告", func(tx *txn) error {
		res, err := tx.Exec(`DELETE FROM reports WHERE id = ?`, id)
		if err != nil {
			return fmt.Errorf("delete report %d: %w", id, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("report %d: %w", id, ErrNotFound)
		}
		_, err = tx.Exec(`DELETE FROM units WHERE id NOT IN (SELECT unit_id FROM reports) AND id NOT IN (SELECT unit_id FROM seals)`)
		return err
	})
}
