package ui

import (
	"path/filepath"
	"sort"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"nianbao/desk"
)

// The status table of the desk: one row per unit, then the files no unit
// could be read from; filtered by status and sorted.

// deskRow is one line of the status table: a unit, or a file that could not
// be read at all.
type deskRow struct {
	unit *desk.UnitResult
	file *desk.FileEntry
}

var deskColumns = []string{"单位", "状态", "错误", "警告", "文件", "数据来源", "收到时间"}

// deskFilters are the choices of the status filter, 全部 first.
var deskFilters = []string{"全部", desk.StatusMissing.Label(), desk.StatusOK.Label(), desk.StatusWarnings.Label(),
	desk.StatusErrors.Label(), desk.StatusInconsistent.Label(), desk.StatusUnreadable.Label()}

var deskSorts = []string{"按名单顺序", "按状态", "按单位名称"}

func (v *DeskView) tableSize() (int, int) { return len(v.rows), len(deskColumns) }

func (v *DeskView) newCell() fyne.CanvasObject {
	l := widget.NewLabel("")
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

func (v *DeskView) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	if id.Row < len(v.rows) && id.Col < len(deskColumns) {
		o.(*widget.Label).SetText(v.rows[id.Row].cells()[id.Col])
	}
}

func (r deskRow) cells() []string {
	if r.file != nil {
		return []string{"（" + filepath.Base(r.file.Path) + "）", desk.StatusUnreadable.Label(), "", "", r.file.Reason, "", stamp(r.file.Received.Received)}
	}
	u := r.unit
	name := u.Unit.Name
	if !u.InRoster {
		name += "（名单外）"
	}
	if u.Current == nil {
		return []string{name, u.Status.Label(), "", "", u.Reason, "", ""}
	}
	rc := u.Current
	return []string{name, u.Status.Label(), strconv.Itoa(u.Errors), strconv.Itoa(u.Warnings), filepath.Base(rc.Path), rc.Source.Label(rc.Path), stamp(rc.Received)}
}

func stamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Local().Format("2006-01-02 15:04")
}

// statusRank orders the status sort: what needs the office first.
var statusRank = map[desk.Status]int{desk.StatusInconsistent: 0, desk.StatusErrors: 1, desk.StatusUnreadable: 2,
	desk.StatusMissing: 3, desk.StatusWarnings: 4, desk.StatusOK: 5}

func (v *DeskView) refreshTable() {
	if v.batch == nil || v.table == nil {
		return
	}
	filter := v.filterSel.Selected
	var rows []deskRow
	for _, u := range v.batch.Units {
		if filter == deskFilters[0] || filter == u.Status.Label() {
			rows = append(rows, deskRow{unit: u})
		}
	}
	switch v.sortSel.Selected {
	case deskSorts[1]:
		sort.SliceStable(rows, func(a, b int) bool { return statusRank[rows[a].unit.Status] < statusRank[rows[b].unit.Status] })
	case deskSorts[2]:
		sort.SliceStable(rows, func(a, b int) bool { return rows[a].unit.Unit.Name < rows[b].unit.Unit.Name })
	}
	if filter == deskFilters[0] || filter == desk.StatusUnreadable.Label() {
		for _, f := range v.batch.Files {
			if f.Status == desk.FileUnreadable && f.Unit == "" {
				rows = append(rows, deskRow{file: f})
			}
		}
	}
	v.rows = rows
	v.table.Refresh()
}

// SetFilter shows only the units of one status label, or 全部.
func (v *DeskView) SetFilter(label string) { v.filterSel.SetSelected(label) }

// SetSort orders the table: 按名单顺序, 按状态 or 按单位名称.
func (v *DeskView) SetSort(label string) { v.sortSel.SetSelected(label) }

// StatusLines returns the status table as shown, one tab-separated line a row.
func (v *DeskView) StatusLines() []string {
	var out []string
	for _, r := range v.rows {
		c := r.cells()
		out = append(out, c[0]+"\t"+c[1]+"\t"+c[2]+"\t"+c[3]+"\t"+filepath.Base(c[4])+"\t"+c[5])
	}
	return out
}
