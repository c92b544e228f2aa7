package pdfout

import (
	"strconv"
	"strings"
	"testing"

	"nianbao/app"
)

// bigNumbers is the full report with city-sized figures: six digits in
// 表三's 10.29 mm columns, the largest real 表二 figure (许可 3,985,758).
func bigNumbers(t *testing.T) *app.Report {
	r := loadReport(t, "testdata/full-2021.nianbao.json").Clone()
	add := func(id string, n int) {
		v, err := strconv.Atoi(r.Cells[id])
		if err != nil {
			t.Fatalf("%s = %q", id, r.Cells[id])
		}
		r.Cells[id] = strconv.Itoa(v + n)
	}
	// new and granted grow alike, so every balance still holds
	add("t3.new.natural", 123001-28)
	add("t3.granted.natural", 123001-28)
	add("t3.new.commercial", 13001)
	add("t3.granted.commercial", 13001)
	r.Cells["t2.license.decisions"] = "3985758"
	app.Recompute(r)
	// 123001 + (4+13001) + 0 + 1 + 2 + 0
	if r.Cells["t3.new.total"] != "136009" {
		t.Fatalf("t3.new.total = %s", r.Cells["t3.new.total"])
	}
	if res := app.Check(r, app.CheckOptions{}); res.HasErrors() {
		t.Fatalf("test report has errors: %+v", res.Errors())
	}
	return r
}

// A number is never split over lines: each value box prints its whole
// number (read back with PrintedCells, and as one word by poppler).
func TestNumbersNeverSplit(t *testing.T) {
	r := bigNumbers(t)
	for _, style := range []string{app.StyleGongwen, app.StylePublic} {
		path, pdf := renderFile(t, r, Options{Style: style})
		got, err := PrintedCells(pdf, r.FormatDef())
		if err != nil {
			t.Fatal(err)
		}
		for _, id := range []string{"t3.new.natural", "t3.granted.natural", "t3.new.commercial", "t3.new.total", "t3.total.total", "t2.license.decisions"} {
			if got[id] != r.Cells[id] {
				t.Errorf("%s: %s printed %q, want %q", style, id, got[id], r.Cells[id])
			}
		}
		words := map[string]bool{}
		for _, m := range bboxWord.FindAllStringSubmatch(tool(t, "pdftotext", "-bbox", path, "-"), -1) {
			words[m[5]] = true
		}
		for _, n := range []string{"123001", "13005", "136009", "3985758"} {
			if !words[n] {
				t.Errorf("%s: %s is not one word on the page", style, n)
			}
		}
	}
	// six digits fit 表三's columns at a smaller size, no column widened
	l := newLayout(newGofpdfWriter(), newSetSource(nil))
	tl := l.measureTable(r.FormatDef().Table("t3"), r)
	for _, c := range tl.cells {
		if c.it.CellID == "" {
			continue
		}
		if c.size < minNumberPt || len(c.lines) > 1 {
			t.Errorf("%s: %v pt, %d lines", c.it.CellID, c.size, len(c.lines))
		}
		if c.text == "136009" && c.size >= tableSize(tl.t) {
			t.Errorf("%s (%s) not shrunk", c.it.CellID, c.text)
		}
	}
	if w := tl.x[4] - tl.x[3]; w > 72.0/7+1e-9 {
		t.Errorf("自然人 column widened to %.2f mm for six digits", w)
	}
}

// Eight digits do not fit a 表三 column even at 7.5 pt: the value columns
// that need it widen, the label columns give the space, the table keeps
// the type area's width.
func TestNumberColumnsWiden(t *testing.T) {
	r := loadReport(t, "testdata/full-2021.nianbao.json").Clone()
	r.Cells["t3.new.natural"] = "12345678"
	l := newLayout(newGofpdfWriter(), newSetSource(nil))
	tl := l.measureTable(r.FormatDef().Table("t3"), r)
	for _, c := range tl.cells {
		if c.it.CellID == "t3.new.natural" && (c.size != minNumberPt || len(c.lines) != 1) {
			t.Errorf("12345678: %v pt, %d lines", c.size, len(c.lines))
		}
	}
	natural, label := tl.x[4]-tl.x[3], tl.x[3]-tl.x[0]
	if natural <= 72.0/7+0.5 || label >= 84-0.5 {
		t.Errorf("自然人 column %.2f mm, label columns %.2f mm", natural, label)
	}
	if other := tl.x[5] - tl.x[4]; other < 72.0/7-1e-6 || other > 72.0/7+1e-6 {
		t.Errorf("商业企业 column changed to %.2f mm", other)
	}
	if last := tl.x[len(tl.x)-1]; last < typeRight-1e-6 || last > typeRight+1e-6 {
		t.Errorf("table ends at %.2f mm", last)
	}
}

// Row-spanning labels are set at word boundaries or vertically: 「三、」
// and then one character per line, 「（三）」 above 「不予公开」.
func TestRowSpanLabels(t *testing.T) {
	r := loadReport(t, "testdata/full-2021.nianbao.json")
	l := newLayout(newGofpdfWriter(), newSetSource(nil))
	tl := l.measureTable(r.FormatDef().Table("t3"), r)
	want := map[string]string{
		"三、本年度办理结果": "三、|本|年|度|办|理|结|果",
		"（三）不予公开":   "（三）|不予公开",
		"（四）无法提供":   "（四）|无法提供",
	}
	for _, c := range tl.cells {
		w, ok := want[c.text]
		if !ok {
			continue
		}
		var got []string
		for _, ln := range c.lines {
			got = append(got, string(runesOf(ln)))
		}
		if strings.Join(got, "|") != w {
			t.Errorf("%q set as %q, want %q", c.text, got, w)
		}
		delete(want, c.text)
	}
	if len(want) > 0 {
		t.Errorf("labels not found: %v", want)
	}
}

// The value boxes of a column widened for an eight-digit number are read
// back from the drawn edges, not the format's default widths.
func TestPrintedCellsReadsWidenedColumns(t *testing.T) {
	r := loadReport(t, "testdata/full-2021.nianbao.json").Clone()
	n, _ := strconv.Atoi(r.Cells["t3.new.natural"])
	g, _ := strconv.Atoi(r.Cells["t3.granted.natural"])
	r.Cells["t3.new.natural"] = strconv.Itoa(n + 12345678)
	r.Cells["t3.granted.natural"] = strconv.Itoa(g + 12345678)
	app.Recompute(r)
	if res := app.Check(r, app.CheckOptions{}); res.HasErrors() {
		t.Fatalf("test report has errors: %+v", res.Errors())
	}
	for _, style := range []string{app.StyleGongwen, app.StylePublic} {
		_, pdf := renderFile(t, r, Options{Style: style})
		got, err := PrintedCells(pdf, r.FormatDef())
		if err != nil {
			t.Fatalf("%s: %v", style, err)
		}
		for _, c := range r.FormatDef().Cells() {
			if got[c.ID] != r.Cells[c.ID] {
				t.Errorf("%s: %s printed %q, want %q", style, c.ID, got[c.ID], r.Cells[c.ID])
			}
		}
	}
}
