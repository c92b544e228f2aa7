package draft

import (
	"fmt"
	"log"

	"nianbao/app"
	"nianbao/storage"
)

// edit is one change waiting to be committed to the workspace. It is applied
// to the report at once and kept here until storage acknowledged it, so a
// storage failure loses nothing.
type edit struct {
	report int64
	cells  map[string]string // cell edits, or nil
	field  string            // text.*, doc.*, unit.* path
	key    string            // finding key of an 出错说明
	value  string
}

func (e edit) save(s Store) error {
	switch {
	case e.cells != nil:
		return s.SaveCells(e.report, e.cells)
	case e.key != "":
		return s.SaveExplanation(e.report, e.key, e.value)
	default:
		return s.SaveField(e.report, e.field, e.value)
	}
}

// replaces reports whether n makes the queued e unnecessary.
func (e edit) replaces(n edit) bool {
	if e.cells != nil || n.cells != nil {
		return false
	}
	return e.field == n.field && e.key == n.key
}

// persist queues an edit and commits everything queued. A newer value of
// the same cell or field replaces the queued one, so queued edits never
// depend on their order and one that storage refuses cannot hold back, or
// later overwrite, the others.
func (d *Draft) persist(e edit) error {
	if d.store == nil {
		return nil
	}
	kept := d.pending[:0]
	for _, p := range d.pending {
		if p.replaces(e) {
			continue
		}
		if p.cells != nil && e.cells != nil {
			for id := range e.cells {
				delete(p.cells, id)
			}
			if len(p.cells) == 0 {
				continue
			}
		}
		kept = append(kept, p)
	}
	d.pending = append(kept, e)
	return d.Retry()
}

// Retry commits the queued edits; the ones storage refuses stay queued and
// the first failure is returned.
func (d *Draft) Retry() error {
	if d.store == nil {
		return nil
	}
	var failed []edit
	var first error
	for _, e := range d.pending {
		if err := e.save(d.store); err != nil {
			log.Printf("save: %v", err)
			failed = append(failed, e)
			if first == nil {
				first = err
			}
		}
	}
	d.pending = failed
	if first != nil {
		return fmt.Errorf("draft: save report %d: %w", d.id, first)
	}
	if err := d.store.Snapshot(d.id, storage.ReasonEdit); err != nil { // at most every few minutes
		log.Printf("snapshot: %v", err)
	}
	d.saveCounts()
	return nil
}

// Pending is the number of edits not yet committed.
func (d *Draft) Pending() int { return len(d.pending) }

// Counts are the errors and warnings a clerk must act on: the empty cells
// of one table (VALUE-EMPTY) count once, since one 空白填0 or one look at
// the table answers them all.
func Counts(res app.Result) (errors, warnings int) {
	empty := map[string]bool{}
	for _, f := range res.Findings {
		if f.Rule == "VALUE-EMPTY" && len(f.Anchor) > 3 && f.Anchor[2] == '.' {
			if empty[f.Anchor[:2]] {
				continue
			}
			empty[f.Anchor[:2]] = true
		}
		if f.Severity == app.Error {
			errors++
		} else {
			warnings++
		}
	}
	return errors, warnings
}

// saveCounts caches the error and warning counts for the report list when
// they changed.
func (d *Draft) saveCounts() {
	e, w := Counts(d.res)
	c := [2]int{e, w}
	if c == d.counts || d.store == nil {
		return
	}
	if err := d.store.SaveCounts(d.id, c[0], c[1]); err != nil {
		log.Printf("save counts: %v", err)
		return
	}
	d.counts = c
}

// SetStore points the draft at a reopened workspace; queued edits are
// saved there on the next Retry.
func (d *Draft) SetStore(s Store) { d.store = s }
