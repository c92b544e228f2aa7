package storage

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"

	"nianbao/app"
)

func TestExportImport(t *testing.T) {
	w := openTemp(t)
	r := newReport(t, "己镇人民政府", 2022)
	r.SetCell("t3.new.natural", "3")
	r.SetCell("t2.fee.amount", "０．０３５０")
	r.SetCell("t3.new.legal", "未统计")
	r.Text.S6 = "无。"
	id, err := w.CreateReport(r)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := w.ExportJSON(id, &buf); err != nil {
		t.Fatal(err)
	}
	app.Recompute(r) // exports carry the computed totals
	want, _ := app.MarshalReport(r)
	if !bytes.Equal(buf.Bytes(), want) {
		t.Fatalf("export differs from the report file of the same report:\n%s\nwant\n%s", buf.Bytes(), want)
	}
	file := buf.Bytes()

	// Same unit and year: refused, replaced or kept beside.
	if _, err := w.ImportJSON(bytes.NewReader(file), ImportNew); !errors.Is(err, ErrExists) {
		t.Fatalf("ImportNew clash: %v", err)
	}
	if err := w.SaveCell(id, "t3.new.natural", "99"); err != nil {
		t.Fatal(err)
	}
	rid, err := w.ImportJSON(bytes.NewReader(file), ImportReplace)
	if err != nil || rid != id {
		t.Fatalf("ImportReplace = %d, %v", rid, err)
	}
	got, _ := w.LoadReport(id)
	if !reflect.DeepEqual(got, r) {
		t.Fatalf("replaced report:\n%+v\nwant\n%+v", got, r)
	}
	revs, _ := w.Revisions(id)
	if len(revs) != 1 || revs[0].Reason != ReasonImport {
		t.Fatalf("replaced state not kept: %+v", revs)
	}
	if old, _ := w.RevisionReport(id, revs[0].ID); old.Cells["t3.new.natural"] != "99" {
		t.Fatalf("kept state: %v", old.Cells)
	}
	both, err := w.ImportJSON(bytes.NewReader(file), ImportKeepBoth)
	if err != nil || both == id {
		t.Fatalf("ImportKeepBoth = %d, %v", both, err)
	}
	if list, _ := w.Reports(); len(list) != 2 {
		t.Fatalf("reports after keep-both: %+v", list)
	}

	// A new unit imports with ImportNew.
	other := strings.Replace(string(file), "己镇人民政府", "庚镇人民政府", -1)
	nid, err := w.ImportJSON(strings.NewReader(other), ImportNew)
	if err != nil {
		t.Fatal(err)
	}
	if g, _ := w.LoadReport(nid); g.Unit.Name != "庚镇人民政府" || g.Cells["t3.new.legal"] != "未统计" {
		t.Fatalf("imported: %+v", g)
	}
}

func TestImportRefusesBadFile(t *testing.T) {
	w := openTemp(t)
	for name, text := range map[string]string{
		"not json":     "hello",
		"unknown cell": `{"kind":"nianbao.report","version":1,"format":"2021","year":2021,"unit":{"name":"某镇","level":"township"},"cells":{"t9.x":"1"}}`,
		"wrong kind":   `{"kind":"other","version":1,"format":"2021","year":2021,"unit":{"name":"某镇","level":"township"}}`,
	} {
		_, err := w.ImportJSON(strings.NewReader(text), ImportNew)
		var e *Error
		var fe *app.FileError
		if !errors.As(err, &e) || !errors.As(err, &fe) || !strings.HasPrefix(e.Msg, "导入失败：") {
			t.Errorf("%s: %v", name, err)
		}
	}
	if list, _ := w.Reports(); len(list) != 0 {
		t.Fatalf("a refused import left %d reports", len(list))
	}
}
