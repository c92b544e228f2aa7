package desk

import (
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"

	"nianbao/app"
)

// Status of a roster unit in the status table.
type Status string

const (
	StatusMissing      Status = "missing"      // 未报送
	StatusOK           Status = "ok"           // 通过
	StatusWarnings     Status = "warnings"     // 有警告
	StatusErrors       Status = "errors"       // 有错误
	StatusInconsistent Status = "inconsistent" // 数据不一致
	StatusUnreadable   Status = "unreadable"   // 无法识别
)

// Label is the Chinese name of a status.
func (s Status) Label() string {
	switch s {
	case StatusMissing:
		return "未报送"
	case StatusOK:
		return "通过"
	case StatusWarnings:
		return "有警告"
	case StatusErrors:
		return "有错误"
	case StatusInconsistent:
		return "数据不一致"
	case StatusUnreadable:
		return "无法识别"
	}
	return string(s)
}

// Passing reports whether a unit's figures may go into an only-passing 汇总.
func (s Status) Passing() bool { return s == StatusOK || s == StatusWarnings }

// FileStatus says what the desk did with one file.
type FileStatus string

const (
	FileUsed       FileStatus = "used"          // the unit's current report
	FileReplaced   FileStatus = "replaced"      // superseded by a later file of the same unit
	FileDuplicate  FileStatus = "duplicate"     // the same bytes as another file
	FilePrevious   FileStatus = "previous-year" // last year's report, used for the cross-year rules
	FileOtherYear  FileStatus = "other-year"
	FileUnreadable FileStatus = "unreadable"
)

// Label is the Chinese name of a file status.
func (s FileStatus) Label() string {
	switch s {
	case FileUsed:
		return "已采用"
	case FileReplaced:
		return "已被新文件替换"
	case FileDuplicate:
		return "重复文件"
	case FilePrevious:
		return "上年报告（用于年度间核对）"
	case FileOtherYear:
		return "年度不符"
	case FileUnreadable:
		return "无法识别"
	}
	return string(s)
}

// FileEntry is one file of a batch with what became of it.
type FileEntry struct {
	*Received
	Status FileStatus
	Reason string // Chinese, for every status but used
	Unit   string // the unit it was filed under, if any
}

// UnitResult is one row of the status table.
type UnitResult struct {
	Unit     RosterUnit
	InRoster bool // false: a report from a unit not on the roster
	Status   Status
	Current  *Received
	History  []*Received // earlier files of this unit, oldest first
	Prev     *app.Report // last year's report, when one was received
	Findings []app.Finding
	Skipped  []app.Skipped
	Errors   int
	Warnings int
	Reason   string // why the unit's file could not be read (无法识别)
}

// Batch is the desk's state for one year: the roster, every file, every unit.
type Batch struct {
	Year   int
	Roster Roster
	Units  []*UnitResult // roster order, then units outside the roster by name
	Files  []*FileEntry  // in the order received
}

// Verify files every received file under its unit and checks each unit's
// current report. With an empty roster, every unit that reported forms it.
func Verify(year int, roster Roster, files []*Received, check app.CheckOptions) *Batch {
	b := &Batch{Year: year, Roster: roster}
	units := make([]*UnitResult, len(roster.Units))
	for i, u := range roster.Units {
		units[i] = &UnitResult{Unit: u, InRoster: true}
	}
	find := func(name string, level string) *UnitResult {
		if i := roster.Match(name); i >= 0 {
			return units[i]
		}
		for _, u := range units[len(roster.Units):] {
			if SameUnit(u.Unit.Name, name) {
				return u
			}
		}
		u := &UnitResult{Unit: RosterUnit{Name: name, Level: level}, InRoster: len(roster.Units) == 0}
		units = append(units, u)
		return u
	}
	// later files replace earlier ones: a later intake, then within one
	// intake the later modification time, then the name
	order := make([]int, len(files))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, c int) bool {
		fa, fc := files[order[a]], files[order[c]]
		if !fa.Received.Equal(fc.Received) {
			return fa.Received.Before(fc.Received)
		}
		if !fa.ModTime.Equal(fc.ModTime) {
			return fa.ModTime.Before(fc.ModTime)
		}
		return fa.Path < fc.Path
	})
	entries := make([]*FileEntry, len(files))
	byHash := map[string]*FileEntry{}
	var prevs []*FileEntry
	for _, i := range order {
		rc := files[i]
		e := &FileEntry{Received: rc}
		entries[i] = e
		if rc.Hash != "" && byHash[rc.Hash] != nil {
			first := byHash[rc.Hash]
			e.Status, e.Reason, e.Unit = FileDuplicate, "与“"+first.Path+"”内容相同", first.Unit
			continue
		}
		if rc.Hash != "" {
			byHash[rc.Hash] = e
		}
		if rc.Report == nil {
			e.Status, e.Reason = FileUnreadable, errText(rc.Err)
			// a file named after a roster unit tells whose it was
			if i := roster.Match(stem(rc.Path)); i >= 0 && units[i].Current == nil {
				e.Unit = units[i].Unit.Name
				if units[i].Reason == "" {
					units[i].Reason = e.Reason
				}
			}
			continue
		}
		r := rc.Report
		switch {
		case r.Year == year-1:
			prevs = append(prevs, e)
			continue
		case r.Year != year:
			e.Status, e.Unit = FileOtherYear, r.Unit.Name
			e.Reason = r.Unit.Name + strconv.Itoa(r.Year) + "年度报告，不是" + strconv.Itoa(year) + "年度"
			continue
		}
		u := find(r.Unit.Name, r.Unit.Level)
		e.Unit = u.Unit.Name
		if u.Current != nil {
			u.History = append(u.History, u.Current)
			for _, old := range entries {
				if old != nil && old.Received == u.Current {
					old.Status, old.Reason = FileReplaced, "已被“"+rc.Path+"”替换"
				}
			}
		}
		u.Current, e.Status = rc, FileUsed
	}
	for _, e := range prevs {
		e.Status, e.Reason = FilePrevious, FilePrevious.Label()
		name := e.Report.Unit.Name
		for _, u := range units {
			if SameUnit(u.Unit.Name, name) && (u.Prev == nil || u.Prev.Year < e.Report.Year) {
				u.Prev, e.Unit = e.Report, u.Unit.Name
				break
			}
		}
		if e.Unit == "" {
			e.Reason = "上年报告，但本年没有收到该单位的报告"
		}
	}
	verifyAll(units, check)
	sort.SliceStable(units[len(roster.Units):], func(a, c int) bool {
		return units[len(roster.Units)+a].Unit.Name < units[len(roster.Units)+c].Unit.Name
	})
	b.Units, b.Files = units, entries
	return b
}

func stem(path string) string {
	base := filepath.Base(path)
	low := strings.ToLower(base)
	for _, ext := range accepted {
		if strings.HasSuffix(low, ext) {
			return base[:len(base)-len(ext)]
		}
	}
	return strings.TrimSuffix(base, filepath.Ext(base))
}

func errText(err error) string {
	if err == nil {
		return "无法识别"
	}
	return err.Error()
}

// verifyAll checks the units on every core; Check is safe for concurrent use.
func verifyAll(units []*UnitResult, check app.CheckOptions) {
	next := make(chan *UnitResult)
	var wg sync.WaitGroup
	for w := 0; w < runtime.NumCPU(); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for u := range next {
				u.verify(check)
			}
		}()
	}
	for _, u := range units {
		next <- u
	}
	close(next)
	wg.Wait()
}

// verify checks the unit's current report and sets its status.
func (u *UnitResult) verify(check app.CheckOptions) {
	u.Findings, u.Skipped, u.Errors, u.Warnings = nil, nil, 0, 0
	if u.Current == nil {
		u.Status = StatusMissing
		if u.Reason != "" {
			u.Status = StatusUnreadable
		}
		return
	}
	rc := u.Current
	opt := check
	if u.Prev != nil && opt.Prev == nil {
		opt.Prev = u.Prev
	}
	mismatch := Consistency(rc)
	res := app.Check(rc.Report, opt)
	u.Findings = append(mismatch, res.Findings...)
	u.Skipped = res.Skipped
	inconsistent := false
	for _, f := range u.Findings {
		if f.Severity == app.Error {
			u.Errors++
		} else {
			u.Warnings++
		}
		if f.Rule == RuleTextMismatch || f.Rule == RuleAttachment {
			inconsistent = true
		}
	}
	switch {
	case inconsistent:
		u.Status = StatusInconsistent
	case u.Errors > 0:
		u.Status = StatusErrors
	case u.Warnings > 0:
		u.Status = StatusWarnings
	default:
		u.Status = StatusOK
	}
}

// Unit returns the row of a unit by (tolerant) name, or nil.
func (b *Batch) Unit(name string) *UnitResult {
	for _, u := range b.Units {
		if nameCore(u.Unit.Name) == nameCore(name) {
			return u
		}
	}
	for _, u := range b.Units {
		if SameUnit(u.Unit.Name, name) {
			return u
		}
	}
	return nil
}

// Counts returns how many units have each status.
func (b *Batch) Counts() map[Status]int {
	n := map[Status]int{}
	for _, u := range b.Units {
		n[u.Status]++
	}
	return n
}
