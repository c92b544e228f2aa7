package draft

import (
	"errors"
	"fmt"

	"nianbao/app"
	"nianbao/storage"
)

// Open loads report id from the workspace with the unit's previous-year
// report and the workspace's allow-list, and makes a draft of it.
func Open(ws *storage.Workspace, id int64, opt app.CheckOptions) (*Draft, error) {
	r, err := ws.LoadReport(id)
	if err != nil {
		return nil, err
	}
	prev, err := Previous(ws, r)
	if err != nil {
		return nil, err
	}
	if opt.Allow, err = ws.AllowWords(); err != nil {
		return nil, err
	}
	return New(ws, id, r, prev, opt), nil
}

// Previous loads the unit's report of the year before r, or nil.
func Previous(ws *storage.Workspace, r *app.Report) (*app.Report, error) {
	pid, err := ws.FindReport(r.Unit.Name, r.Year-1)
	if errors.Is(err, storage.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("find previous report: %w", err)
	}
	return ws.LoadReport(pid)
}

// AllowWord adds a word to the workspace's LINT-SPAM allow-list and
// re-checks; the word stops being flagged in every report.
func (d *Draft) AllowWord(ws *storage.Workspace, word string) (Change, error) {
	if err := ws.AddAllowWord(word); err != nil {
		return Change{Result: d.res}, err
	}
	words, err := ws.AllowWords()
	if err != nil {
		return Change{Result: d.res}, err
	}
	return d.SetAllow(words), nil
}
