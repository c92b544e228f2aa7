package storage

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"testing"
	"time"

	"nianbao/app"
)

// clock is a settable time source for the 10-minute and 12-hour rules.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

func TestSnapshotsAndRestore(t *testing.T) {
	w := openTemp(t)
	c := &clock{t: time.Date(2024, 1, 10, 9, 0, 0, 0, time.Local)}
	w.now = c.now
	id, err := w.CreateReport(newReport(t, "丁镇人民政府", 2023))
	if err != nil {
		t.Fatal(err)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(w.SaveCell(id, "t3.new.natural", "1"))
	must(w.Snapshot(id, ReasonEdit)) // first: taken
	must(w.SaveCell(id, "t3.new.natural", "2"))
	c.t = c.t.Add(9 * time.Minute)
	must(w.Snapshot(id, ReasonEdit)) // too soon: skipped
	c.t = c.t.Add(2 * time.Minute)
	must(w.Snapshot(id, ReasonEdit)) // 11 min: taken
	c.t = c.t.Add(11 * time.Minute)
	must(w.Snapshot(id, ReasonEdit)) // unchanged: skipped
	revs, err := w.Revisions(id)
	must(err)
	if len(revs) != 2 || revs[0].Reason != ReasonEdit || revs[0].Frozen {
		t.Fatalf("revisions after edit snapshots: %+v", revs)
	}

	must(w.Snapshot(id, ReasonExport))
	must(w.MarkExported(id, "/tmp/报告.pdf"))
	list, _ := w.Reports()
	if list[0].Status != StatusExported {
		t.Fatalf("status after export = %s", list[0].Status)
	}
	revs, _ = w.Revisions(id)
	if len(revs) != 3 || revs[0].Reason != ReasonExport || !revs[0].Frozen || revs[0].PDFPath != "/tmp/报告.pdf" {
		t.Fatalf("export revision: %+v", revs[0])
	}
	exported := revs[0]
	// The SHA-256 is that of the stored report file bytes.
	var data []byte
	must(w.db.QueryRow(`SELECT json FROM revisions WHERE id = ?`, exported.ID).Scan(&data))
	sum := sha256.Sum256(data)
	if hex.EncodeToString(sum[:]) != exported.SHA256 {
		t.Fatal("stored SHA-256 does not match the JSON")
	}
	if _, err := app.ParseReport(data); err != nil {
		t.Fatalf("snapshot is not a valid report file: %v", err)
	}

	// Editing after export makes it a draft again.
	must(w.SaveCell(id, "t3.new.natural", "不知道"))
	if err := w.SaveField(id, "doc.date", "2024-0"); err == nil { // what the file reader would refuse
		t.Fatal("an unfinished date was stored")
	}
	must(w.SaveField(id, "doc.date", "2025-02-08"))
	list, _ = w.Reports()
	if list[0].Status != StatusDraft {
		t.Fatalf("status after edit = %s", list[0].Status)
	}
	before, _ := w.LoadReport(id)
	must(w.RestoreRevision(id, exported.ID))
	got, _ := w.LoadReport(id)
	if got.Cells["t3.new.natural"] != "2" || got.Doc.Date != "" {
		t.Fatalf("restored report: %v %q", got.Cells, got.Doc.Date)
	}
	revs, _ = w.Revisions(id)
	if len(revs) != 4 || revs[0].Reason != ReasonRestore {
		t.Fatalf("revisions after restore: %+v", revs)
	}
	// The state replaced by the restore is itself restorable.
	kept, err := w.RevisionReport(id, revs[0].ID)
	must(err)
	if kept.Cells["t3.new.natural"] != before.Cells["t3.new.natural"] || kept.Doc.Date != "2025-02-08" {
		t.Fatalf("pre-restore state not kept: %v %q", kept.Cells, kept.Doc.Date)
	}

	// A damaged revision is refused rather than restored.
	must2(t, w, `UPDATE revisions SET json = CAST('{}' AS BLOB) WHERE id = ?`, revs[1].ID)
	if err := w.RestoreRevision(id, revs[1].ID); !errors.Is(err, ErrCorrupt) {
		t.Fatalf("restore of damaged revision: %v", err)
	}
	if err := w.RestoreRevision(id, 9999); !errors.Is(err, ErrNotFound) {
		t.Fatalf("restore of missing revision: %v", err)
	}
	if err := w.Snapshot(id, "whenever"); err == nil {
		t.Fatal("bad reason accepted")
	}
}

func must2(t *testing.T, w *Workspace, q string, args ...any) {
	t.Helper()
	if _, err := w.db.Exec(q, args...); err != nil {
		t.Fatal(err)
	}
}
