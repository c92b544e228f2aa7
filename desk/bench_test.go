package desk

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/app"
	"nianbao/desk/desktest"
)

// benchCorpus writes n app-made PDFs of distinct units (three printed
// reports, the embedded unit renamed) and their roster into dir.
func benchCorpus(b testing.TB, dir string, n int) Roster {
	bases := []string{"../testdata/seeds/zhangwu-2021.nianbao.json", "../app/testdata/xinjiang-2021.nianbao.json", "../app/testdata/lint-clean-2021.nianbao.json"}
	var pdfs [][]byte
	var names []string
	for _, p := range bases {
		r := desktest.LoadReport(b, p)
		pdfs = append(pdfs, desktest.RenderPDF(b, r))
		names = append(names, r.Unit.Name)
	}
	var roster strings.Builder
	for i := 0; i < n; i++ {
		unit := fmt.Sprintf("第%04d镇人民政府", i)
		k := i % len(pdfs)
		pdf, err := desktest.WithUnit(pdfs[k], names[k], unit)
		if err != nil {
			b.Fatal(err)
		}
		desktest.WriteFile(b, filepath.Join(dir, fmt.Sprintf("%03d", i/100), fmt.Sprintf("%04d.pdf", i)), pdf, desktest.FixedNow)
		roster.WriteString(strings.TrimSuffix(unit, "人民政府") + "\n")
	}
	if err := os.WriteFile(filepath.Join(dir, "roster.txt"), []byte(roster.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	ro, err := ParseRoster(2021, roster.String())
	if err != nil {
		b.Fatal(err)
	}
	return ro
}

// collectAll is the whole desk run: list, read, compare, check, sum.
func collectAll(b testing.TB, dir string, ro Roster) *Batch {
	paths, bad := ListInputs([]string{dir})
	files := append(bad, Intake(paths, Options{})...)
	batch := Verify(2021, ro, files, app.CheckOptions{})
	if _, err := Sum(batch, "", "", false); err != nil {
		b.Fatal(err)
	}
	return batch
}

// The corpus itself is checked: every unit reported, read from its
// attachment, with its printed tables compared (none inconsistent).
func TestBenchCorpusIsConsistent(t *testing.T) {
	dir := t.TempDir()
	ro := benchCorpus(t, dir, 30)
	batch := collectAll(t, dir, ro)
	for _, u := range batch.Units {
		if !u.InRoster || u.Current == nil || u.Current.Printed == nil || u.Status == StatusInconsistent || u.Status == StatusMissing {
			t.Fatalf("%s: %s in roster=%v printed=%v %v", u.Unit.Name, u.Status, u.InRoster, u.Current != nil && u.Current.Printed != nil, u.Findings)
		}
	}
	if len(batch.Units) != 30 {
		t.Errorf("%d units", len(batch.Units))
	}
}

// BenchmarkCollect1000 collects 1,000 app-made PDFs of distinct units:
// read, hash, extract, compare with the printed tables, check, sum.
// NIANBAO_BENCH_CORPUS keeps the corpus in that folder for bench/collect.sh.
func BenchmarkCollect1000(b *testing.B) {
	dir := os.Getenv("NIANBAO_BENCH_CORPUS")
	if dir == "" {
		dir = b.TempDir()
	}
	ro := benchCorpus(b, dir, 1000)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		batch := collectAll(b, dir, ro)
		if n := batch.Counts()[StatusMissing]; n != 0 {
			b.Fatalf("%d units missing", n)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/1000, "µs/file") // 1,000 files a run
}
