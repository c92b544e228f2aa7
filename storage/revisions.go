package storage

import (
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"nianbao/app"
)

// EditSnapshotInterval is the least time between two "edit" snapshots.
const EditSnapshotInterval = 10 * time.Minute

// Snapshot reasons.
const (
	ReasonEdit    = "edit"    // periodic, while editing
	ReasonExport  = "export"  // a PDF was exported; frozen
	ReasonRestore = "restore" // the state replaced by RestoreRevision
	ReasonImport  = "import"  // the state replaced by ImportReplace
)

// Revision is a stored snapshot of a report: the report file JSON and its SHA-256.
type Revision struct {
	ID      int64
	Created time.Time
	Reason  string
	Frozen  bool // an exported state, never to be changed
	SHA256  string
	PDFPath string // the exported PDF, for reason "export"
}

func snapshotJSON(r *app.Report) ([]byte, string, error) {
	data, err := app.MarshalReport(r)
	if err != nil {
		return nil, "", err
	}
	sum := sha256.Sum256(data)
	return data, hex.EncodeToString(sum[:]), nil
}

func (w *Workspace) insertRevision(tx *txn, id int64, reason string) error {
	r, err := loadReport(tx, id)
	if err != nil {
		return err
	}
	data, _, err := snapshotJSON(r)
	if err != nil {
		return err
	}
	return w.insertRevisionData(tx, id, reason, data)
}

// insertRevisionData stores report file bytes as a revision, verbatim.
func (w *Workspace) insertRevisionData(tx *txn, id int64, reason string, data []byte) error {
	s := sha256.Sum256(data)
	sum := hex.EncodeToString(s[:])
	frozen := reason == ReasonExport
	_, err := tx.Exec(`INSERT INTO revisions(report_id, created, reason, frozen, sha256, json) VALUES (?, ?, ?, ?, ?, ?)`,
		id, w.stamp(), reason, frozen, sum, data)
	if err != nil {
		return fmt.Errorf("insert revision: %w", err)
	}
	return nil
}

// Snapshot stores the current state as a revision. Reason "edit" is taken
// at most every EditSnapshotInterval and only when the report changed;
// reason "export" is always taken, frozen, and marks the report 已导出.
func (w *Workspace) Snapshot(id int64, reason string) error {
	if reason != ReasonEdit && reason != ReasonExport {
		return newError(nil, fmt.Errorf("snapshot reason %q", reason), "快照原因“%s”无效。", reason)
	}
	return w.tx("保存历史版本", func(tx *txn) error {
		var last string
		if err := tx.QueryRow(`SELECT last_snapshot FROM reports WHERE id = ?`, id).Scan(&last); err != nil {
			return fmt.Errorf("report %d: %w", id, ErrNotFound)
		}
		if reason == ReasonExport {
			if err := w.insertRevision(tx, id, reason); err != nil {
				return err
			}
			_, err := tx.Exec(`UPDATE reports SET status = ?, exported_at = ? WHERE id = ?`, StatusExported, w.stamp(), id)
			return err
		}
		if last != "" && w.now().Sub(parseStamp(last)) < EditSnapshotInterval {
			return nil
		}
		r, err := loadReport(tx, id)
		if err != nil {
			return err
		}
		_, sum, err := snapshotJSON(r)
		if err != nil {
			return err
		}
		var newest string
		err = tx.QueryRow(`SELECT sha256 FROM revisions WHERE report_id = ? ORDER BY id DESC LIMIT 1`, id).Scan(&newest)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if newest != sum {
			if err := w.insertRevision(tx, id, reason); err != nil {
				return err
			}
		}
		_, err = tx.Exec(`UPDATE reports SET last_snapshot = ? WHERE id = ?`, w.stamp(), id)
		return err
	})
}

// MarkExported records the PDF written from the report: status 已导出, and
// the path on the newest export snapshot.
func (w *Workspace) MarkExported(id int64, pdfPath string) error {
	return w.tx("记录导出", func(tx *txn) error {
		now := w.stamp()
		res, err := tx.Exec(`UPDATE reports SET status = ?, exported_pdf = ?, exported_at = ? WHERE id = ?`, StatusExported, pdfPath, now, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("report %d: %w", id, ErrNotFound)
		}
		_, err = tx.Exec(`UPDATE revisions SET pdf_path = ? WHERE id = (SELECT max(id) FROM revisions WHERE report_id = ? AND reason = 'export' AND pdf_path = '')`, pdfPath, id)
		return err
	})
}

// Revisions lists the snapshots of a report, newest first.
func (w *Workspace) Revisions(id int64) ([]Revision, error) {
	if w.db == nil {
		return nil, fail("读取历史版本", errors.New("workspace closed"))
	}
	rows, err := w.db.Query(`SELECT id, created, reason, frozen, sha256, pdf_path FROM revisions WHERE report_id = ? ORDER BY id DESC`, id)
	if err != nil {
		return nil, fail("读取历史版本", err)
	}
	defer rows.Close()
	var out []Revision
	for rows.Next() {
		var rv Revision
		var created string
		if err := rows.Scan(&rv.ID, &created, &rv.Reason, &rv.Frozen, &rv.SHA256, &rv.PDFPath); err != nil {
			return nil, fail("读取历史版本", err)
		}
		rv.Created = parseStamp(created)
		out = append(out, rv)
	}
	if err := rows.Err(); err != nil {
		return nil, fail("读取历史版本", err)
	}
	return out, nil
}

// RevisionReport returns the report as it was in a revision.
func (w *Workspace) RevisionReport(id, revID int64) (*app.Report, error) {
	if w.db == nil {
		return nil, fail("读取历史版本", errors.New("workspace closed"))
	}
	r, err := revisionReport(w.db, id, revID)
	if err != nil {
		return nil, fail("读取历史版本", err)
	}
	return r, nil
}

func revisionReport(q querier, id, revID int64) (*app.Report, error) {
	var data []byte
	var sum string
	err := q.QueryRow(`SELECT json, sha256 FROM revisions WHERE id = ? AND report_id = ?`, revID, id).Scan(&data, &sum)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("revision %d of report %d: %w", revID, id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("revision %d: %w", revID, err)
	}
	got := sha256.Sum256(data)
	if hex.EncodeToString(got[:]) != sum {
		return nil, newError(ErrCorrupt, fmt.Errorf("revision %d: SHA-256 mismatch", revID), "历史版本已损坏（校验值不符），不能恢复。")
	}
	return decodeSnapshot(data)
}

// RestoreRevision makes a revision the current draft; the current state is
// kept as a revision first.
func (w *Workspace) RestoreRevision(id, revID int64) error {
	return w.tx("恢复历史版本", func(tx *txn) error {
		r, err := revisionReport(tx, id, revID)
		if err != nil {
			return err
		}
		if err := w.insertRevision(tx, id, ReasonRestore); err != nil {
			return err
		}
		return w.replaceContent(tx, id, r)
	})
}

// replaceContent makes r the content of report id, as a draft.
func (w *Workspace) replaceContent(tx *txn, id int64, r *app.Report) error {
	uid, err := unitID(tx, r.Unit.Name)
	if err != nil {
		return err
	}
	_, err = tx.Exec(`UPDATE reports SET unit_id = ?, level = ?, year = ?, format = ?, status = ?, updated = ? WHERE id = ?`,
		uid, r.Unit.Level, r.Year, r.Format, StatusDraft, w.stamp(), id)
	if err != nil {
		return fmt.Errorf("replace report %d: %w", id, err)
	}
	return writeContent(tx, id, r)
}

// decodeSnapshot reads snapshot JSON leniently: a draft may hold values the
// strict reader refuses (an unfinished date), and a revision must still restore.
func decodeSnapshot(data []byte) (*app.Report, error) {
	if r, err := app.ParseReport(data); err == nil {
		return r, nil
	}
	r, err := app.ParseDraft(data)
	if err != nil {
		return nil, fmt.Errorf("decode revision: %w", err)
	}
	if err := validate(r); err != nil {
		return nil, err
	}
	return r, nil
}
