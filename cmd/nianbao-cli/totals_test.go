package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/app"
	"nianbao/storage"
)

// An edit saved in the workspace leaves with its totals: import the worked
// example, change t3.new.natural 2 → 7 as the window does, export.
func TestDBExportCarriesTheEditedTotals(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "workspace.db")
	if code, _, errs := cli(t, "db", "import", "--db", db, example); code != exitOK {
		t.Fatalf("import: %d %q", code, errs)
	}
	ws, err := storage.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	id, err := ws.FindReport("新绛县人民政府", 2021)
	if err != nil {
		t.Fatal(err)
	}
	if err := ws.SaveCell(id, "t3.new.natural", "7"); err != nil {
		t.Fatal(err)
	}
	ws.Close()
	out := filepath.Join(dir, "out.nianbao.json")
	if code, _, errs := cli(t, "db", "export", "--db", db, "--unit", "新绛县人民政府", "--year", "2021", "-o", out); code != exitOK {
		t.Fatalf("export: %d %q", code, errs)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	r, err := app.ParseReport(data)
	if err != nil {
		t.Fatal(err)
	}
	if r.Cells["t3.new.total"] != "7" {
		t.Fatalf("t3.new.total = %q, want 7", r.Cells["t3.new.total"])
	}
	// The checker sees the balance the edit broke, not a stale total.
	_, stdout, _ := cli(t, "check", "--core", out)
	if strings.Contains(stdout, "T3-ROWTOTAL") || !strings.Contains(stdout, "T3-BALANCE t3.forward.natural") {
		t.Errorf("check of the export:\n%s", stdout)
	}
}

func TestDBImportNamesTheFilesWrongTotals(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile(example)
	if err != nil {
		t.Fatal(err)
	}
	r, err := app.ParseReport(data)
	if err != nil {
		t.Fatal(err)
	}
	r.Cells["t4.review.upheld"] = "351" // total stays 0 in the file
	file := filepath.Join(dir, "published.nianbao.json")
	b, _ := app.MarshalReport(r)
	if err := os.WriteFile(file, b, 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, errs := cli(t, "db", "import", "--db", filepath.Join(dir, "workspace.db"), file)
	if code != exitOK {
		t.Fatalf("import: %d %q", code, errs)
	}
	if !strings.Contains(stdout, "1个合计与各项之和不一致") || !strings.Contains(stdout, "表四 行政复议 总计（t4.review.total）：文件为(0)，计算为(351)") {
		t.Errorf("import output:\n%s", stdout)
	}
}

// The PDF leaves with its lint findings said; injected spam stops it.
func TestPDFSaysLintAndStopsAtSpam(t *testing.T) {
	dir := t.TempDir()
	code, _, errs := cli(t, "pdf", "--fonts", "builtin", "-o", filepath.Join(dir, "spam.pdf"), "../../testdata/seeds/mogu-2023.nianbao.json")
	if code != exitFinding || !strings.Contains(errs, "[LINT-SPAM]") || !strings.Contains(errs, "UedBet") {
		t.Fatalf("spam seed: exit %d, stderr %q", code, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "spam.pdf")); err == nil {
		t.Fatal("a PDF with spam was written")
	}
	code, _, errs = cli(t, "pdf", "--fonts", "builtin", "-o", filepath.Join(dir, "clean.pdf"), "../../testdata/seeds/mogu-2023-clean.nianbao.json")
	if code != exitOK {
		t.Fatalf("clean seed: exit %d, stderr %q", code, errs)
	}
	if !strings.Contains(errs, "WARN LINT-PUNCT text.") || !strings.Contains(errs, "文字检查：") {
		t.Errorf("lint findings not on stderr: %q", errs)
	}
}
