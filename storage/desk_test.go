package storage

import (
	"strings"
	"testing"
	"time"
)

func TestDeskRosterAndFilesSurviveReopen(t *testing.T) {
	path := tempPath(t)
	w, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	roster := []DeskUnit{{Name: "张坞镇", Level: "township"}, {Name: "县教育局", Level: "department", Parent: "某县人民政府"}}
	if err := w.SaveDeskRoster(2021, roster); err != nil {
		t.Fatal(err)
	}
	if err := w.SaveDeskRoster(2021, []DeskUnit{{Name: "甲"}, {Name: " 甲 "}}); err == nil || !strings.Contains(err.Error(), "重复") {
		t.Errorf("duplicate names: %v", err)
	}
	mod := time.Date(2022, 1, 20, 8, 30, 0, 123e6, time.UTC)
	files := []*DeskFile{
		{Year: 2021, Path: "/收件/张坞镇.pdf", SHA256: strings.Repeat("a", 64), Size: 1234, Modified: mod, Received: mod.Add(time.Hour),
			Source: "embedded", Report: []byte(`{"kind":"nianbao.report"}`), Printed: []byte(`{"t3.new.natural":"5"}`), Suspect: []string{"一", "二"}},
		{Year: 2021, Path: "/收件/坏.pdf", SHA256: strings.Repeat("b", 64), Modified: mod, Received: mod, Error: "文件不是 PDF 文件"},
		{Year: 2020, Path: "/上年.json", SHA256: strings.Repeat("c", 64), Modified: mod, Received: mod, Source: "embedded", Report: []byte("{}")},
	}
	if err := w.AddDeskFiles(files); err != nil {
		t.Fatal(err)
	}
	if files[0].ID == 0 || files[1].ID <= files[0].ID {
		t.Errorf("IDs %d %d", files[0].ID, files[1].ID)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	w, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	got, err := w.DeskRoster(2021)
	if err != nil || len(got) != 2 || got[1] != roster[1] {
		t.Errorf("roster %+v %v", got, err)
	}
	if none, _ := w.DeskRoster(2022); len(none) != 0 {
		t.Errorf("2022 roster %+v", none)
	}
	fs, err := w.DeskFiles(2021)
	if err != nil || len(fs) != 2 {
		t.Fatalf("files %d %v", len(fs), err)
	}
	a, b := fs[0], fs[1]
	if a.Path != "/收件/张坞镇.pdf" || !a.Modified.Equal(mod) || string(a.Printed) != `{"t3.new.natural":"5"}` ||
		strings.Join(a.Suspect, "|") != "一|二" || a.Size != 1234 || a.Source != "embedded" {
		t.Errorf("first file %+v", a)
	}
	if b.Report != nil || b.Printed != nil || b.Error != "文件不是 PDF 文件" || b.Source != "" {
		t.Errorf("unreadable file %+v", b)
	}
	if err := w.DeleteDeskFile(b.ID); err != nil {
		t.Fatal(err)
	}
	if fs, _ := w.DeskFiles(2021); len(fs) != 1 {
		t.Errorf("%d files after delete", len(fs))
	}
}
