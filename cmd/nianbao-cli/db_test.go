package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/app"
)

func TestDBCommands(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "ws", "workspace.db")
	code, out, errs := cli(t, "db", "import", "--db", db, example)
	if code != exitOK || !strings.Contains(out, "已导入") {
		t.Fatalf("import: %d %q %q", code, out, errs)
	}
	code, out, _ = cli(t, "db", "list", "--db", db)
	if code != exitOK || !strings.Contains(out, "\t2021\t新绛县人民政府\tcounty\t2021\t草稿\t") || !strings.Contains(out, "共1份报告。") {
		t.Fatalf("list: %d %q", code, out)
	}
	code, _, errs = cli(t, "db", "import", "--db", db, example)
	if code != exitFailure || !strings.Contains(errs, "已有") || !strings.Contains(errs, "--replace") {
		t.Fatalf("second import: %d %q", code, errs)
	}
	code, _, errs = cli(t, "db", "import", example, "--db", db, "--replace")
	if code != exitOK {
		t.Fatalf("import --replace: %d %q", code, errs)
	}

	exported := filepath.Join(dir, "out.nianbao.json")
	code, _, errs = cli(t, "db", "export", "--db", db, "--unit", "新绛县人民政府", "--year", "2021", "-o", exported)
	if code != exitOK {
		t.Fatalf("export: %d %q", code, errs)
	}
	src, _ := os.ReadFile(example)
	r, err := app.ParseReport(src)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := app.MarshalReport(r)
	if got, _ := os.ReadFile(exported); !bytes.Equal(got, want) {
		t.Fatalf("exported file differs from the imported report:\n%s", got)
	}
	code, out, _ = cli(t, "db", "export", "--db", db, "--id", "1")
	if code != exitOK || out != string(want) {
		t.Fatalf("export to stdout: %d", code)
	}
	if code, _, _ = cli(t, "db", "export", "--db", db, "--unit", "无此单位", "--year", "2021"); code != exitFailure {
		t.Fatalf("export of a missing report: %d", code)
	}

	code, out, _ = cli(t, "db", "backup", "--db", db)
	if code != exitOK || !strings.Contains(out, "已备份到") {
		t.Fatalf("backup: %d %q", code, out)
	}
	code, out, _ = cli(t, "db", "check", "--db", db)
	if code != exitOK || !strings.Contains(out, "共1份报告") {
		t.Fatalf("check: %d %q", code, out)
	}
	code, out, _ = cli(t, "db", "restore", "--db", db, "--list")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != exitOK || len(lines) < 2 {
		t.Fatalf("restore --list: %d %q", code, out)
	}
	backup := lines[0]

	// Damage the workspace: check says so, restore brings it back.
	if err := os.WriteFile(db, []byte("not a database"), 0o644); err != nil {
		t.Fatal(err)
	}
	os.Remove(db + "-wal")
	os.Remove(db + "-shm")
	code, out, _ = cli(t, "db", "check", "--db", db)
	if code != exitFinding || !strings.Contains(out, "不是年报助手的工作区") || !strings.Contains(out, backup) {
		t.Fatalf("check of a damaged workspace: %d %q", code, out)
	}
	if code, _, errs = cli(t, "db", "list", "--db", db); code != exitFailure || errs == "" {
		t.Fatalf("list of a damaged workspace: %d", code)
	}
	code, _, errs = cli(t, "db", "restore", "--db", db, backup)
	if code != exitOK {
		t.Fatalf("restore: %d %q", code, errs)
	}
	code, out, _ = cli(t, "db", "list", "--db", db)
	if code != exitOK || !strings.Contains(out, "新绛县人民政府") {
		t.Fatalf("list after restore: %d %q", code, out)
	}
}

func TestDBUsage(t *testing.T) {
	code, _, errs := cli(t, "db")
	if code != exitFailure || !strings.Contains(errs, "nianbao-cli db export") {
		t.Fatalf("db without subcommand: %d %q", code, errs)
	}
	if code, _, _ = cli(t, "db", "frobnicate"); code != exitFailure {
		t.Fatalf("unknown subcommand: %d", code)
	}
	if code, _, _ = cli(t, "db", "export", "--db", filepath.Join(t.TempDir(), "w.db")); code != exitFailure {
		t.Fatalf("export without a report: %d", code)
	}
	if code, _, _ = cli(t, "db", "check", "--db", filepath.Join(t.TempDir(), "none.db")); code != exitFailure {
		t.Fatalf("check of a missing file: %d", code)
	}
}
