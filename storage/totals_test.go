package storage

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"nianbao/app"
)

// formulaHolds fails unless every total of r equals the sum of its terms,
// computed here from the format's declaration, not by app.Recompute.
func formulaHolds(t *testing.T, r *app.Report) {
	t.Helper()
	for _, c := range r.FormatDef().Cells() {
		if !c.Computed() {
			continue
		}
		sum := app.DecimalOf(0)
		for _, term := range c.Sum {
			sum = sum.Add(r.Value(term).Num)
		}
		if got := r.Cells[c.ID]; got != sum.String() {
			t.Errorf("%s = %q, want %s", c.ID, got, sum)
		}
	}
}

func TestSaveCellStoresTotals(t *testing.T) {
	w := openTemp(t)
	id, err := w.CreateReport(newReport(t, "张坞镇人民政府", 2021))
	if err != nil {
		t.Fatal(err)
	}
	for cell, v := range map[string]string{"t3.new.natural": "7", "t3.new.legal": "2", "t3.granted.natural": "5", "t4.review.upheld": "351"} {
		if err := w.SaveCell(id, cell, v); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := w.ExportJSON(id, &buf); err != nil {
		t.Fatal(err)
	}
	r, err := app.ReadReport(&buf)
	if err != nil {
		t.Fatal(err)
	}
	formulaHolds(t, r)
	if r.Cells["t3.new.total"] != "9" || r.Cells["t3.total.natural"] != "5" || r.Cells["t4.review.total"] != "351" {
		t.Fatalf("totals: new %q, result natural %q, review %q", r.Cells["t3.new.total"], r.Cells["t3.total.natural"], r.Cells["t4.review.total"])
	}
	// Plain SQL sees the same total.
	var v string
	if err := w.db.QueryRow(`SELECT value FROM cells WHERE report_id = ? AND cell_id = 't3.new.total'`, id).Scan(&v); err != nil || v != "9" {
		t.Fatalf("SQL total = %q, %v", v, err)
	}
	if err := w.SaveCell(id, "t3.new.total", "3"); err == nil {
		t.Fatal("a typed total was accepted")
	}
}

func TestImportKeepsPublishedTotalsAsEvidence(t *testing.T) {
	w := openTemp(t)
	data, err := os.ReadFile(filepath.Join("..", "app", "testdata", "xinjiang-2021.nianbao.json"))
	if err != nil {
		t.Fatal(err)
	}
	r, err := app.ParseReport(data)
	if err != nil {
		t.Fatal(err)
	}
	r.Cells["t3.new.natural"] = "7" // the file's total stays 2
	r.Cells["t4.review.total"] = "0"
	r.Cells["t4.review.upheld"] = "351"
	file, err := app.MarshalReport(r)
	if err != nil {
		t.Fatal(err)
	}
	res, err := w.ImportReport(bytes.NewReader(file), ImportNew)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]app.TotalMismatch{}
	for _, m := range res.Totals {
		got[m.Cell] = m
	}
	if got["t3.new.total"] != (app.TotalMismatch{Cell: "t3.new.total", Published: "2", Computed: "7"}) ||
		got["t4.review.total"] != (app.TotalMismatch{Cell: "t4.review.total", Published: "0", Computed: "351"}) || len(got) != 2 {
		t.Fatalf("mismatches = %+v", res.Totals)
	}
	stored, err := w.LoadReport(res.ID)
	if err != nil {
		t.Fatal(err)
	}
	formulaHolds(t, stored)
	revs, err := w.Revisions(res.ID)
	if err != nil || len(revs) != 1 || revs[0].Reason != ReasonImport {
		t.Fatalf("revisions = %+v, %v", revs, err)
	}
	var kept []byte
	if err := w.db.QueryRow(`SELECT json FROM revisions WHERE id = ?`, revs[0].ID).Scan(&kept); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(kept, file) {
		t.Fatal("the import revision is not the file as it was")
	}
}

// A workspace written by the previous release stored only typed cells; the
// upgrade recomputes its totals and says how many it corrected.
func TestMigrationRepairsStaleTotals(t *testing.T) {
	path := tempPath(t)
	all := migrations
	migrations = all[:1]
	w, err := Open(path)
	if err != nil {
		migrations = all
		t.Fatal(err)
	}
	id, err := w.CreateReport(newReport(t, "张坞镇人民政府", 2021))
	if err != nil {
		t.Fatal(err)
	}
	// What the old release left: inputs, no totals, one stale total.
	mustExec := func(q string, args ...any) {
		if _, err := w.db.Exec(q, args...); err != nil {
			t.Fatal(err)
		}
	}
	mustExec(`DELETE FROM cells WHERE report_id = ?`, id)
	mustExec(`INSERT INTO cells(report_id, cell_id, raw, value) VALUES (?, 't3.new.natural', '3', '3'), (?, 't3.new.total', '2', '2'), (?, 't4.review.upheld', '1', '1')`, id, id, id)
	w.Close()
	migrations = all
	w, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	r, err := w.LoadReport(id)
	if err != nil {
		t.Fatal(err)
	}
	formulaHolds(t, r)
	// t3.new.total 2→3 and t4.review.total (空)→1; the missing totals that
	// are 0 are written too, but they contradicted nothing.
	if got := w.RepairedTotals(); got != 2 {
		t.Fatalf("RepairedTotals = %d, want 2", got)
	}
	if r.Cells["t3.forward.total"] != "0" {
		t.Fatalf("t3.forward.total = %q, want 0", r.Cells["t3.forward.total"])
	}
	b, _ := w.Backups()
	if len(b) == 0 {
		t.Fatal("no backup before the repair")
	}
	if r.Cells["t3.new.total"] != "3" {
		t.Fatalf("t3.new.total = %q", r.Cells["t3.new.total"])
	}
}
