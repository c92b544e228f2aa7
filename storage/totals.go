package storage

import (
	"fmt"

	"nianbao/app"
)

// storeTotals makes every computed cell of a report the sum of its stored
// terms, so that SQL readers, revisions, exports and backups never see a
// total that disagrees with its inputs. It returns how many stored totals
// were wrong (as app.StaleTotals counts them).
func storeTotals(tx *txn, id int64, f *app.Format) (int, error) {
	r := &app.Report{Format: f.ID, Cells: map[string]string{}}
	err := eachRow(tx, `SELECT cell_id, raw FROM cells WHERE report_id = ?`, id, func(k, v string) {
		if s := app.Canonical(v); s != "" {
			r.Cells[k] = s
		}
	})
	if err != nil {
		return 0, err
	}
	stored := make(map[string]string, len(r.Cells))
	for k, v := range r.Cells {
		stored[k] = v
	}
	app.Recompute(r)
	changed := 0
	for _, c := range f.Cells() {
		if !c.Computed() || stored[c.ID] == r.Cells[c.ID] {
			continue
		}
		if err := putCell(tx, id, c.ID, r.Cells[c.ID]); err != nil {
			return changed, err
		}
		if now := r.Cells[c.ID]; stored[c.ID] != "" || now != "0" && now != "" {
			changed++ // a missing total that is 0 contradicted nothing
		}
	}
	return changed, nil
}

// repairTotals recomputes the totals of every report, for workspaces written
// before totals were stored (schema version 2).
func repairTotals(tx *txn) (int, error) {
	rows, err := tx.Query(`SELECT id, format FROM reports`)
	if err != nil {
		return 0, fmt.Errorf("repair totals: %w", err)
	}
	type rep struct {
		id     int64
		format string
	}
	var reps []rep
	for rows.Next() {
		var r rep
		if err := rows.Scan(&r.id, &r.format); err != nil {
			rows.Close()
			return 0, fmt.Errorf("repair totals: %w", err)
		}
		reps = append(reps, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, fmt.Errorf("repair totals: %w", err)
	}
	total := 0
	for _, r := range reps {
		f := app.FormatByID(r.format)
		if f == nil {
			continue
		}
		n, err := storeTotals(tx, r.id, f)
		if err != nil {
			return total, fmt.Errorf("repair totals of report %d: %w", r.id, err)
		}
		total += n
	}
	return total, nil
}

// RepairedTotals is how many stored totals the last upgrade of this
// workspace corrected on opening; 0 when none was needed.
func (w *Workspace) RepairedTotals() int { return w.repaired }
