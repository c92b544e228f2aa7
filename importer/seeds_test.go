package importer

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"nianbao/app"
)

// The seeds of ../shared/seeds against the report files transcribed by hand
// from them (testdata/seeds, see its README).
var seedFiles = []struct{ src, fixture string }{
	{"000_b33ed5a1ba96d9d9.txt", "zhangwu-2021"},
	{"001_0c686d7f689649a3.txt", "shimen-2020"},
	{"002_5b011f5e8cebd16c.txt", "mogu-2023"},
	{"003_90d56799dfeaff74.txt", "xiyuan-2020"},
	{"004_19ace9a49f2df35a.txt", "xinjiang-2021"},
}

// sharedDir is ../shared of the repository, or $NIANBAO_SHARED.
func sharedDir() string {
	if d := os.Getenv("NIANBAO_SHARED"); d != "" {
		return d
	}
	return filepath.Join("..", "..", "shared")
}

func loadFixture(t testing.TB, name string) *app.Report {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "testdata", "seeds", name+".nianbao.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, err := app.ReadReport(f)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func seedPath(t testing.TB, name string) string {
	p := filepath.Join(sharedDir(), "seeds", name)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("seed %s not available: %v", p, err)
	}
	return p
}

// diffCells lists every cell whose value differs.
func diffCells(want, got map[string]string) []string {
	var out []string
	seen := map[string]bool{}
	for k, w := range want {
		seen[k] = true
		if got[k] != w {
			out = append(out, k+": want "+q(w)+" got "+q(got[k]))
		}
	}
	for k, g := range got {
		if !seen[k] {
			out = append(out, k+": want \"\" got "+q(g))
		}
	}
	sort.Strings(out)
	return out
}

func q(s string) string { return "\"" + s + "\"" }

func TestSeedsCells(t *testing.T) {
	for _, s := range seedFiles {
		t.Run(s.fixture, func(t *testing.T) {
			want := loadFixture(t, s.fixture)
			res, err := ImportFile(context.Background(), seedPath(t, s.src), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if res.Format != want.Format || res.Report.Year != want.Year {
				t.Errorf("format %s year %d, want %s %d", res.Format, res.Report.Year, want.Format, want.Year)
			}
			if res.Report.Unit != want.Unit {
				t.Errorf("unit %+v, want %+v", res.Report.Unit, want.Unit)
			}
			if d := diffCells(want.Cells, res.Published); len(d) > 0 {
				t.Errorf("%d cells differ:\n%s", len(d), strings.Join(d, "\n"))
			}
			got := res.Report
			if s.fixture == "xinjiang-2021" {
				// The seed breaks s5 at a page end right after 「提升。」 with a blank
				// line, as between paragraphs; the transcription joins the two
				// (testdata/seeds/README.md). Plain text cannot tell them apart.
				got.Text.S5 = strings.Replace(got.Text.S5, "提升。\n二是", "提升。二是", 1)
			}
			for _, p := range append(append([]string{}, app.TextFields...), app.DocFields...) {
				var w, g string
				if strings.HasPrefix(p, "text.") {
					w, g = *want.TextField(p), *got.TextField(p)
				} else {
					w, g = *want.DocField(p), *got.DocField(p)
				}
				if w != g {
					t.Errorf("%s:\n got  %q\n want %q", p, g, w)
				}
			}
			var heads []string
			for _, sec := range res.Sections {
				heads = append(heads, sec.Field)
			}
			wantHeads := "text.s1 table.s2 table.s3 table.s4 text.s5 text.s6"
			if want.Text.Preface != "" {
				wantHeads = "text.preface " + wantHeads
			}
			if s.fixture == "xinjiang-2021" || s.fixture == "xiyuan-2020" {
				// Pages with the heading of 三 are lost in both.
				wantHeads = "text.preface text.s1 table.s2 table.s4 text.s5 text.s6"
			}
			if g := strings.Join(heads, " "); g != wantHeads {
				t.Errorf("sections %s, want %s", g, wantHeads)
			}
			for _, w := range res.Warnings {
				t.Log(w)
			}
		})
	}
}
