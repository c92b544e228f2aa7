package storage

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"nianbao/app"
)

func tempPath(t testing.TB) string {
	t.Helper()
	return filepath.Join(t.TempDir(), "子目录 with space", "workspace.db")
}

func openTemp(t testing.TB) *Workspace {
	t.Helper()
	w, err := Open(tempPath(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return w
}

func newReport(t testing.TB, unit string, year int) *app.Report {
	t.Helper()
	r, err := app.NewReport(unit, app.LevelTownship, year)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestDefaultPath(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("XDG paths; Windows has open_windows_test.go")
	}
	t.Setenv("XDG_DATA_HOME", "/xdg/data")
	p, err := DefaultPath()
	if err != nil || p != "/xdg/data/nianbao/workspace.db" {
		t.Fatalf("DefaultPath = %q, %v", p, err)
	}
	t.Setenv("XDG_DATA_HOME", "")
	t.Setenv("HOME", "/home/clerk")
	p, err = DefaultPath()
	if err != nil || p != "/home/clerk/.local/share/nianbao/workspace.db" {
		t.Fatalf("DefaultPath = %q, %v", p, err)
	}
}

func TestOpenCreatesFileWithPragmas(t *testing.T) {
	path := tempPath(t)
	w, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if _, err := os.Stat(path); err != nil {
		t.Fatal(err)
	}
	for pragma, want := range map[string]string{
		"journal_mode": "wal", "synchronous": "2", "foreign_keys": "1", "busy_timeout": "5000",
		"application_id": "1852399982", "user_version": strconv.Itoa(len(migrations)),
	} {
		var got string
		if err := w.db.QueryRow("PRAGMA " + pragma).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("PRAGMA %s = %s, want %s", pragma, got, want)
		}
	}
}

func TestCreateLoadRoundTrip(t *testing.T) {
	w := openTemp(t)
	r := newReport(t, "张坞镇人民政府", 2023)
	r.SetCell("t3.new.natural", "１２件")
	r.SetCell("t3.new.commercial", "约3件")
	r.Text.S1 = "第一段\n（一）主动公开\n含非BMP字符𠀀"
	r.Doc.Signer = "李四"
	r.Explanations["X-CARRY:t3.carried.natural"] = "上年数据有误"
	id, err := w.CreateReport(r)
	if err != nil {
		t.Fatal(err)
	}
	got, err := w.LoadReport(id)
	if err != nil {
		t.Fatal(err)
	}
	app.Recompute(r) // the workspace stores totals as computed
	if !reflect.DeepEqual(got, r) {
		t.Fatalf("loaded report differs:\n got %+v\nwant %+v", got, r)
	}
	if got.Cells["t3.new.commercial"] != "约3件" || got.Cells["t3.new.natural"] != "12" {
		t.Fatalf("cells = %v", got.Cells)
	}
	if _, err := w.CreateReport(r); !errors.Is(err, ErrExists) {
		t.Fatalf("second CreateReport: %v, want ErrExists", err)
	}
	var e *Error
	if _, err := w.CreateReport(r); !errors.As(err, &e) || !strings.Contains(e.Msg, "已有") {
		t.Fatalf("want *Error with Chinese message, got %v", err)
	}
	if fid, err := w.FindReport("张坞镇人民政府", 2023); err != nil || fid != id {
		t.Fatalf("FindReport = %d, %v", fid, err)
	}
	if _, err := w.FindReport("张坞镇人民政府", 2022); !errors.Is(err, ErrNotFound) {
		t.Fatalf("FindReport missing: %v", err)
	}
}

func TestSaveEditsSurviveReopen(t *testing.T) {
	path := tempPath(t)
	w, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	r := newReport(t, "城关镇人民政府", 2021)
	id, err := w.CreateReport(r)
	if err != nil {
		t.Fatal(err)
	}
	edits := []struct{ path, value string }{
		{"text.preface", "前言"}, {"text.s1", "一"}, {"text.s5", "五"}, {"text.s6", "无。"},
		{"unit.level", app.LevelCounty}, {"unit.name", "城关镇人民政府（新）"},
	}
	for _, path := range app.DocFields[1:] { // [0] is style
		edits = append(edits, struct{ path, value string }{path, docValue(path)})
	}
	edits = append(edits, struct{ path, value string }{"doc.style", app.StyleGongwen})
	for _, e := range edits {
		if err := w.SaveField(id, e.path, e.value); err != nil {
			t.Fatalf("SaveField %s: %v", e.path, err)
		}
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(w.SaveCell(id, "t3.new.natural", "７"))
	must(w.SaveCell(id, "t3.new.research", "不详"))
	must(w.SaveCells(id, map[string]string{"t3.new.social": "0", "t3.new.legal": "0", "t3.new.natural": ""}))
	must(w.SaveExplanation(id, "X-CARRY:t3.carried.natural", "说明"))
	must(w.SaveCounts(id, 3, 4))
	must(w.SetSetting(SettingLastReport, "1"))
	seal := append([]byte("\x89PNG\r\n\x1a\n"), 1, 2, 3)
	must(w.SaveSeal("城关镇人民政府（新）", seal))
	must(w.Close())

	w, err = Open(path)
	must(err)
	defer w.Close()
	got, err := w.LoadReport(id)
	must(err)
	want := r.Clone()
	want.Unit = app.Unit{Name: "城关镇人民政府（新）", Level: app.LevelCounty}
	want.Text = app.Text{Preface: "前言", S1: "一", S5: "五", S6: "无。"}
	for _, path := range app.DocFields[1:] {
		*want.DocField(path) = docValue(path)
	}
	want.Doc.Style = app.StyleGongwen
	want.SetCell("t3.new.research", "不详")
	want.SetCell("t3.new.social", "0")
	want.SetCell("t3.new.legal", "0")
	want.Explanations["X-CARRY:t3.carried.natural"] = "说明"
	app.Recompute(want)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("after reopen:\n got %+v\nwant %+v", got, want)
	}
	var raw string
	must(w.db.QueryRow(`SELECT raw FROM cells WHERE report_id = ? AND cell_id = 't3.new.research'`, id).Scan(&raw))
	if raw != "不详" {
		t.Fatalf("raw = %q", raw)
	}
	list, err := w.Reports()
	must(err)
	if len(list) != 1 || list[0].Errors != 3 || list[0].Warnings != 4 || list[0].Unit != "城关镇人民政府（新）" ||
		list[0].Status != StatusDraft || list[0].Updated.IsZero() {
		t.Fatalf("Reports = %+v", list)
	}
	if v, err := w.Setting(SettingLastReport); err != nil || v != "1" {
		t.Fatalf("Setting = %q, %v", v, err)
	}
	if v, err := w.Setting("none"); err != nil || v != "" {
		t.Fatalf("unset Setting = %q, %v", v, err)
	}
	if got, err := w.Seal("城关镇人民政府（新）"); err != nil || string(got) != string(seal) {
		t.Fatalf("Seal = %v, %v", got, err)
	}
	if got, err := w.Seal("别的单位"); err != nil || got != nil {
		t.Fatalf("missing Seal = %v, %v", got, err)
	}
}

func TestSaveRejectsBadInput(t *testing.T) {
	w := openTemp(t)
	id, err := w.CreateReport(newReport(t, "甲镇人民政府", 2021))
	if err != nil {
		t.Fatal(err)
	}
	for name, err := range map[string]error{
		"unknown cell":  w.SaveCell(id, "t9.nothing", "1"),
		"unknown field": w.SaveField(id, "doc.colour", "红"),
		"bad level":     w.SaveField(id, "unit.level", "village"),
		"empty unit":    w.SaveField(id, "unit.name", " "),
		"bad style":     w.SaveField(id, "doc.style", "fancy"),
		"not png":       w.SaveSeal("甲镇人民政府", []byte("GIF89a")),
		"bad key":       w.SaveExplanation(id, "随便", "说明"),
	} {
		var e *Error
		if !errors.As(err, &e) || e.Msg == "" {
			t.Errorf("%s: got %v, want *Error", name, err)
		}
	}
	if _, err := w.CreateReport(newReport(t, "乙镇人民政府", 2021)); err != nil {
		t.Fatal(err)
	}
	if err := w.SaveField(id, "unit.name", "乙镇人民政府"); !errors.Is(err, ErrExists) {
		t.Errorf("rename onto another report of the same year: %v", err)
	}
	if err := w.SaveCell(id+100, "t3.new.natural", "1"); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing report: %v", err)
	}
	got, err := w.LoadReport(id)
	if err != nil {
		t.Fatal(err)
	}
	inputs := 0
	for id := range got.Cells {
		if !got.FormatDef().Cell(id).Computed() {
			inputs++
		}
	}
	if inputs != 0 || got.Unit.Level != app.LevelTownship || got.Doc.Style != app.StylePublic {
		t.Fatalf("a refused edit changed the report: %+v", got)
	}
}

func TestDeleteReport(t *testing.T) {
	w := openTemp(t)
	id, err := w.CreateReport(newReport(t, "乙镇人民政府", 2022))
	if err != nil {
		t.Fatal(err)
	}
	if err := w.SaveCell(id, "t3.new.natural", "1"); err != nil {
		t.Fatal(err)
	}
	if err := w.DeleteReport(id); err != nil {
		t.Fatal(err)
	}
	if _, err := w.LoadReport(id); !errors.Is(err, ErrNotFound) {
		t.Fatalf("LoadReport after delete: %v", err)
	}
	var n int
	w.db.QueryRow(`SELECT (SELECT count(*) FROM cells) + (SELECT count(*) FROM texts) + (SELECT count(*) FROM units)`).Scan(&n)
	if n != 0 {
		t.Fatalf("%d rows left after delete", n)
	}
	if err := w.DeleteReport(id); !errors.Is(err, ErrNotFound) {
		t.Fatalf("second delete: %v", err)
	}
}

func TestSecondOpenIsLocked(t *testing.T) {
	path := tempPath(t)
	w, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Open(path)
	var e *Error
	if !errors.Is(err, ErrLocked) || !errors.As(err, &e) || !strings.Contains(e.Msg, "正在被另一个窗口使用") {
		t.Fatalf("second Open: %v", err)
	}
	w.Close()
	w, err = Open(path)
	if err != nil {
		t.Fatalf("Open after Close: %v", err)
	}
	w.Close()
}

func TestConcurrentSaves(t *testing.T) {
	w := openTemp(t)
	id, err := w.CreateReport(newReport(t, "癸镇人民政府", 2023))
	if err != nil {
		t.Fatal(err)
	}
	cells := crashCells()[:8]
	errc := make(chan error, len(cells))
	for g, cell := range cells {
		go func() {
			var err error
			for i := 0; i < 20 && err == nil; i++ {
				err = w.SaveCell(id, cell, strconv.Itoa(g*100+i))
			}
			errc <- err
		}()
	}
	for range cells {
		if err := <-errc; err != nil {
			t.Fatal(err)
		}
	}
	r, _ := w.LoadReport(id)
	for g, cell := range cells {
		if r.Cells[cell] != strconv.Itoa(g*100+19) {
			t.Errorf("%s = %q", cell, r.Cells[cell])
		}
	}
}

// docValue is a value of a document field as a clerk might save it.
func docValue(path string) string {
	if f, _ := app.FieldByPath(path); f.Kind == app.DateField {
		return "2025-02-08"
	}
	return "值" + path[len("doc."):]
}
