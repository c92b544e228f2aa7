package storage

import (
	"io"
	"strconv"
	"strings"
	"testing"

	"nianbao/app"
)

// fullReport has every input cell of the 2021 format filled and long texts.
func fullReport(b *testing.B, w *Workspace) int64 {
	r := newReport(b, "满格镇人民政府", 2023)
	for i, c := range r.FormatDef().Cells() {
		if !c.Computed() {
			r.SetCell(c.ID, strconv.Itoa(i))
		}
	}
	app.Recompute(r)
	r.Text.S1 = strings.Repeat("全面梳理政府网站栏目，及时发布政策文件。\n", 200)
	r.Text.S5 = strings.Repeat("存在的问题和改进措施。\n", 50)
	id, err := w.CreateReport(r)
	if err != nil {
		b.Fatal(err)
	}
	return id
}

func BenchmarkSaveCell(b *testing.B) {
	w := openTemp(b)
	id := fullReport(b, w)
	for i := 0; b.Loop(); i++ {
		if err := w.SaveCell(id, "t3.new.natural", strconv.Itoa(i)); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLoadReport(b *testing.B) {
	w := openTemp(b)
	id := fullReport(b, w)
	for b.Loop() {
		if _, err := w.LoadReport(id); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkExportJSON(b *testing.B) {
	w := openTemp(b)
	id := fullReport(b, w)
	for b.Loop() {
		if err := w.ExportJSON(id, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}
