package ui

import (
	"errors"
	"path/filepath"
	"testing"

	"nianbao/storage"
)

func TestJSONRoundTripAndImportModes(t *testing.T) {
	m := newWindow(t, filepath.Join(t.TempDir(), "workspace.db"))
	importSeed(t, m, "xinjiang-2021.nianbao.json")
	typeInto(t, m, "t3.new.natural", "5") // next to the seed's 2
	typed := m.Report().Cells["t3.new.natural"]
	if typed != "25" && typed != "52" {
		t.Fatalf("typed cell = %q", typed)
	}
	out := filepath.Join(t.TempDir(), "报告.nianbao.json")
	if err := m.ExportJSON(out); err != nil {
		t.Fatal(err)
	}
	err := m.ImportJSON(out, storage.ImportNew)
	if !errors.Is(err, storage.ErrExists) {
		t.Fatalf("importing an existing report: %v, want ErrExists", err)
	}
	if err := m.ImportJSON(out, storage.ImportKeepBoth); err != nil {
		t.Fatal(err)
	}
	if len(m.ReportLines()) != 2 || m.Report().Cells["t3.new.natural"] != typed {
		t.Errorf("keep both: %q, cell %q", m.ReportLines(), m.Report().Cells["t3.new.natural"])
	}
}

func TestRestoreRevisionAndBackup(t *testing.T) {
	path := filepath.Join(t.TempDir(), "workspace.db")
	m := newWindow(t, path)
	importSeed(t, m, "xinjiang-2021.nianbao.json")
	if err := m.Workspace().Snapshot(m.ReportID(), storage.ReasonExport); err != nil {
		t.Fatal(err)
	}
	backup, err := m.Workspace().Backup()
	if err != nil {
		t.Fatal(err)
	}
	typeInto(t, m, "t3.new.natural", "9")
	revs, err := m.Workspace().Revisions(m.ReportID())
	if err != nil || len(revs) == 0 {
		t.Fatalf("revisions %v, %v", revs, err)
	}
	var exported int64
	for _, r := range revs {
		if r.Reason == storage.ReasonExport {
			exported = r.ID
		}
	}
	if err := m.RestoreRevision(exported); err != nil {
		t.Fatal(err)
	}
	if got := m.Report().Cells["t3.new.natural"]; got != "2" {
		t.Errorf("after restoring the revision t3.new.natural = %q, want 2", got)
	}
	typeInto(t, m, "t3.new.natural", "7")
	if err := m.RestoreBackup(backup); err != nil {
		t.Fatal(err)
	}
	if got := m.Report().Cells["t3.new.natural"]; got != "2" {
		t.Errorf("after restoring the backup t3.new.natural = %q, want 2", got)
	}
	typeInto(t, m, "t3.new.natural", "3") // the reopened workspace takes edits
	if m.Pending() != 0 {
		t.Error("edit after restore not saved")
	}
}
