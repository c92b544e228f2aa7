package desk

import (
	"encoding/json"
	"errors"

	"nianbao/app"
	"nianbao/storage"
)

// SaveRoster stores the roster of its year in the workspace.
func SaveRoster(w *storage.Workspace, ro Roster) error {
	units := make([]storage.DeskUnit, len(ro.Units))
	for i, u := range ro.Units {
		units[i] = storage.DeskUnit{Name: u.Name, Level: u.Level, Parent: u.Parent}
	}
	return w.SaveDeskRoster(ro.Year, units)
}

// LoadRoster reads a year's roster from the workspace.
func LoadRoster(w *storage.Workspace, year int) (Roster, error) {
	units, err := w.DeskRoster(year)
	if err != nil {
		return Roster{}, err
	}
	ro := Roster{Year: year}
	for _, u := range units {
		ro.Units = append(ro.Units, RosterUnit{Name: u.Name, Level: u.Level, Parent: u.Parent})
	}
	return ro, nil
}

// storedPrinted is the printed cells as kept in the workspace.
type storedPrinted struct {
	Partial bool              `json:"partial"` // recognised by the importer, only some cells
	Cells   map[string]string `json:"cells"`
}

// SaveReceived keeps received files in the workspace under the desk year,
// with the report read from each, so the desk reopens without the files.
func SaveReceived(w *storage.Workspace, year int, files []*Received) error {
	rows := make([]*storage.DeskFile, 0, len(files))
	for _, rc := range files {
		row := &storage.DeskFile{Year: year, Path: rc.Path, SHA256: rc.Hash, Size: rc.Size,
			Modified: rc.ModTime, Received: rc.Received, Source: string(rc.Source), Suspect: rc.Suspect}
		if rc.Report != nil {
			b, err := app.MarshalReport(rc.Report)
			if err != nil {
				return err
			}
			row.Report = b
		}
		if rc.Printed != nil {
			b, err := json.Marshal(storedPrinted{Partial: rc.PrintedPartial, Cells: rc.Printed})
			if err != nil {
				return err
			}
			row.Printed = b
		}
		if rc.TextErr != nil {
			row.TextErr = rc.TextErr.Error()
		}
		if rc.Err != nil {
			row.Error = rc.Err.Error()
		}
		rows = append(rows, row)
	}
	return w.AddDeskFiles(rows)
}

// LoadReceived reads back the files received for a year.
func LoadReceived(w *storage.Workspace, year int) ([]*Received, error) {
	rows, err := w.DeskFiles(year)
	if err != nil {
		return nil, err
	}
	out := make([]*Received, 0, len(rows))
	for _, row := range rows {
		rc := &Received{Path: row.Path, Hash: row.SHA256, Size: row.Size, ModTime: row.Modified,
			Received: row.Received, Source: Source(row.Source), Suspect: row.Suspect}
		if row.Report != nil {
			if rc.Report, err = app.ParseReport(row.Report); err != nil {
				rc.Err = errors.New("工作区中保存的报告无法读取：" + err.Error())
			}
		}
		if row.Printed != nil {
			var sp storedPrinted
			if err := json.Unmarshal(row.Printed, &sp); err != nil || sp.Cells == nil {
				rc.TextErr = errors.New("工作区中保存的正文数据无法读取")
			} else {
				rc.Printed, rc.PrintedPartial = sp.Cells, sp.Partial
			}
		}
		if row.TextErr != "" {
			rc.TextErr = errors.New(row.TextErr)
		}
		if row.Error != "" {
			rc.Err = errors.New(row.Error)
		}
		out = append(out, rc)
	}
	return out, nil
}

// UsePrevious gives units without last year's report the one found by
// lookup (the workspace's own reports, or last year's desk) and checks them
// again with the cross-year rules.
func (b *Batch) UsePrevious(lookup func(unit string, year int) *app.Report, check app.CheckOptions) {
	for _, u := range b.Units {
		if u.Prev != nil || u.Current == nil {
			continue
		}
		if p := lookup(u.Unit.Name, b.Year-1); p != nil {
			u.Prev = p
			u.verify(check)
		}
	}
}

// WorkspacePrevious looks up last year's report of a unit among the
// workspace's own reports and the files its desk received that year.
func WorkspacePrevious(w *storage.Workspace) func(unit string, year int) *app.Report {
	var lastDesk map[int][]*Received
	own, _ := w.Reports()
	return func(unit string, year int) *app.Report {
		for _, info := range own {
			if info.Year == year && SameUnit(info.Unit, unit) {
				if r, err := w.LoadReport(info.ID); err == nil {
					return r
				}
			}
		}
		if lastDesk == nil {
			lastDesk = map[int][]*Received{}
		}
		files, ok := lastDesk[year]
		if !ok {
			files, _ = LoadReceived(w, year)
			lastDesk[year] = files
		}
		var found *app.Report
		for _, rc := range files {
			if rc.Report != nil && rc.Report.Year == year && SameUnit(rc.Report.Unit.Name, unit) {
				found = rc.Report // the latest received wins
			}
		}
		return found
	}
}
