package pdfout

import (
	"path/filepath"
	"strings"
	"testing"

	"nianbao/app"
)

// reportFiles are every seed and fixture report.
func reportFiles(t *testing.T) []string {
	var files []string
	for _, g := range []string{"../testdata/seeds/*.nianbao.json", "../app/testdata/*.nianbao.json", "testdata/*.nianbao.json"} {
		m, _ := filepath.Glob(g)
		files = append(files, m...)
	}
	if len(files) < 8 {
		t.Fatalf("found only %d report files", len(files))
	}
	return files
}

// checkLines applies the typesetting rules to one layout: a justified line
// adds at most a quarter em per gap; no line inside a paragraph ends short
// of 150 mm from the left margin (a ragged line would); a paragraph broken
// over pages leaves at least two lines on each side.
func checkLines(t *testing.T, name string, l *layout) {
	t.Helper()
	capGap := maxGapEm*mm(bodySize) + 1e-9
	for i, s := range l.stats {
		if s.gap > capGap {
			t.Errorf("%s: gap %.2f mm above the cap %.2f mm: %s", name, s.gap, capGap, s.text)
		}
		if !s.last && s.end-typeLeft < 150 {
			t.Errorf("%s: page %d line %d ends at %.1f mm inside a paragraph: %s", name, s.page, s.line, s.end-typeLeft, s.text)
		}
		if s.end > typeRight+0.01 {
			t.Errorf("%s: line ends at %.2f mm, right of the type area: %s", name, s.end, s.text)
		}
		if s.first {
			// lines of this paragraph per page
			counts := map[int]int{}
			for j := i; j < len(l.stats); j++ {
				counts[l.stats[j].page]++
				if l.stats[j].last {
					break
				}
			}
			if len(counts) > 1 {
				for pg, n := range counts {
					if n < 2 {
						t.Errorf("%s: paragraph %q leaves %d line alone on page %d", name, s.text, n, pg)
					}
				}
			}
		}
	}
}

func TestTypesettingAllReports(t *testing.T) {
	fs := newSetSource(nil)
	for _, f := range reportFiles(t) {
		r := loadReport(t, f)
		for _, style := range []string{app.StyleGongwen, app.StylePublic} {
			l := layoutReport(newGofpdfWriter(), fs, r, style, Options{Seal: []byte{1}})
			checkLines(t, filepath.Base(f)+"/"+style, l)
			checkHeadings(t, filepath.Base(f)+"/"+style, l)
		}
	}
}

// checkHeadings: a standalone heading is never the last body line of a page.
func checkHeadings(t *testing.T, name string, l *layout) {
	t.Helper()
	ms := l.marks
	for i, m := range ms {
		if m.heading && (i+1 == len(ms) || ms[i+1].page != m.page) {
			t.Errorf("%s: heading alone at the bottom of page %d", name, m.page)
		}
	}
}

// The lines the issue names: a URL and a phone number no longer leave a
// short or letter-spaced line, and 「情况。」 keeps its mark close.
func TestURLAndPhoneLines(t *testing.T) {
	fs := newSetSource(nil)
	r := loadReport(t, "../testdata/seeds/mogu-2023.nianbao.json")
	l := layoutReport(newGofpdfWriter(), fs, r, app.StylePublic, Options{})
	found := 0
	for _, s := range l.stats {
		if strings.Contains(s.text, "0470") || strings.Contains(s.text, "http") {
			found++
			if s.gap > 0.25*mm(bodySize) {
				t.Errorf("line %q spread by %.2f mm per gap", s.text, s.gap)
			}
		}
	}
	if found == 0 {
		t.Fatal("mogu-2023 has no line with a URL or the 0470 number")
	}
}
