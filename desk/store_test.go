package desk

import (
	"path/filepath"
	"testing"

	"nianbao/app"
	"nianbao/desk/desktest"
	"nianbao/storage"
)

// The desk reopens from the workspace with the same statuses, without the files.
func TestBatchSurvivesTheWorkspace(t *testing.T) {
	sc, b := collectScenario(t)
	roster, _ := ParseRoster(2021, sc.Roster)
	path := filepath.Join(t.TempDir(), "workspace.db")
	w, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := SaveRoster(w, roster); err != nil {
		t.Fatal(err)
	}
	var files []*Received
	for _, f := range b.Files {
		files = append(files, f.Received)
	}
	if err := SaveReceived(w, 2021, files); err != nil {
		t.Fatal(err)
	}
	w.Close()
	if w, err = storage.Open(path); err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	ro, err := LoadRoster(w, 2021)
	if err != nil || len(ro.Units) != 7 {
		t.Fatalf("roster %+v %v", ro, err)
	}
	back, err := LoadReceived(w, 2021)
	if err != nil {
		t.Fatal(err)
	}
	for i, rc := range back {
		if was := files[i]; len(rc.Printed) != len(was.Printed) || rc.PrintedPartial != was.PrintedPartial || (rc.TextErr == nil) != (was.TextErr == nil) {
			t.Errorf("%s: printed %d partial %v, was %d %v", rc.Path, len(rc.Printed), rc.PrintedPartial, len(was.Printed), was.PrintedPartial)
		}
	}
	again := Verify(2021, ro, back, app.CheckOptions{})
	for i, u := range again.Units {
		was := b.Units[i]
		if u.Unit.Name != was.Unit.Name || u.Status != was.Status || u.Errors != was.Errors || u.Warnings != was.Warnings || len(u.History) != len(was.History) {
			t.Errorf("%s: %s e%d w%d h%d, was %s e%d w%d h%d", u.Unit.Name, u.Status, u.Errors, u.Warnings, len(u.History),
				was.Status, was.Errors, was.Warnings, len(was.History))
		}
	}
}

// Last year's report in the workspace brings in the cross-year rules.
func TestPreviousYearFromTheWorkspace(t *testing.T) {
	_, b := collectScenario(t)
	zw := b.Unit("张坞镇")
	if !hasSkip(zw.Skipped, app.SkipNoPrevious) {
		t.Fatal("张坞镇 has a previous year already")
	}
	w, err := storage.Open(filepath.Join(t.TempDir(), "workspace.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	prev := desktest.Renamed(t, "../app/testdata/lint-clean-2020.nianbao.json", "张坞镇人民政府", app.LevelTownship)
	if _, err := w.CreateReport(prev); err != nil {
		t.Fatal(err)
	}
	b.UsePrevious(WorkspacePrevious(w), app.CheckOptions{})
	if zw.Prev == nil || zw.Prev.Year != 2020 || hasSkip(zw.Skipped, app.SkipNoPrevious) {
		t.Errorf("张坞镇 prev %v, skipped %v", zw.Prev != nil, zw.Skipped)
	}
	// 2020 carried 0 forward; 张坞镇 2021 carries 0 over: X-CARRY passes, but 张坞镇 is checked against it
	if len(findRule(zw.Findings, "X-CARRY")) != 0 {
		t.Errorf("X-CARRY %+v", findRule(zw.Findings, "X-CARRY"))
	}
}

// Cells recognised by the importer stay partial after the workspace: no
// cell it did not recognise turns into a mismatch on reopening.
func TestPartialPrintedSurvivesTheWorkspace(t *testing.T) {
	r := desktest.LoadReport(t, "../app/testdata/xinjiang-2021.nianbao.json")
	rc := &Received{Path: "/收件/a.pdf", Hash: "x", Source: SourceEmbedded, Report: r,
		Printed: map[string]string{"t3.new.natural": "2"}, PrintedPartial: true}
	w, err := storage.Open(filepath.Join(t.TempDir(), "workspace.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if err := SaveReceived(w, 2021, []*Received{rc}); err != nil {
		t.Fatal(err)
	}
	back, err := LoadReceived(w, 2021)
	if err != nil || len(back) != 1 {
		t.Fatal(err)
	}
	if !back[0].PrintedPartial || len(Consistency(back[0])) != 0 {
		t.Errorf("partial %v, findings %v", back[0].PrintedPartial, Consistency(back[0]))
	}
}
