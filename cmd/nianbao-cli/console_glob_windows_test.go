package main

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestExpandWildcards(t *testing.T) {
	dir := winTempDir(t)
	for _, n := range []string{"乙-2021.nianbao.json", "甲-2020.nianbao.json", "notes.txt", "报告[1].nianbao.json"} {
		if err := os.WriteFile(filepath.Join(dir, n), []byte("{}"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	j := func(n string) string { return filepath.Join(dir, n) }
	got := expandWildcards([]string{"check", "--prev", j("甲-2020.nianbao.json"), j("*-20??.nianbao.json"), j("*.pdf"), j("报告[1].nianbao.json")})
	want := []string{"check", "--prev", j("甲-2020.nianbao.json"),
		j("乙-2021.nianbao.json"), j("甲-2020.nianbao.json"), // sorted matches
		j("*.pdf"),              // no match: kept, so the error names it
		j("报告[1].nianbao.json"), // '[' is a plain character on Windows
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("expandWildcards:\n got %q\nwant %q", got, want)
	}
}

// The whole command, as typed in cmd.exe: every matching file is imported.
func TestImportWithWildcard(t *testing.T) {
	dir := winTempDir(t)
	src, err := os.ReadFile(example)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"a.nianbao.json", "b.nianbao.json"} {
		if err := os.WriteFile(filepath.Join(dir, n), src, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db := filepath.Join(dir, "ws", "workspace.db")
	args := expandWildcards([]string{"db", "import", "--db", db, "--keep-both", filepath.Join(dir, "*.nianbao.json")})
	code, out, errs := cli(t, args...)
	if code != exitOK || strings.Count(out, "已导入") != 2 {
		t.Fatalf("exit %d, stdout %q, stderr %q; want both files imported", code, out, errs)
	}
}
