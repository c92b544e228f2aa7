package desk

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"nianbao/app"
	"nianbao/pdfout"
)

var fixedNow = time.Date(2022, 1, 20, 9, 0, 0, 0, time.UTC)

func loadReport(t testing.TB, path string) *app.Report {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	r, err := app.ParseReport(b)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return r
}

// renderPDF prints r as the app does (a draft when it has errors).
func renderPDF(t testing.TB, r *app.Report) []byte {
	t.Helper()
	var buf bytes.Buffer
	draft := app.Check(r, app.CheckOptions{}).HasErrors()
	if err := pdfout.Render(&buf, r, pdfout.Options{Draft: draft, Now: fixedNow}); err != nil {
		t.Fatalf("Render %s: %v", r.Unit.Name, err)
	}
	return buf.Bytes()
}

func writeFile(t testing.TB, path string, data []byte, mtime time.Time) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(path, mtime, mtime); err != nil {
		t.Fatal(err)
	}
	return path
}

func reportJSON(t testing.TB, r *app.Report) []byte {
	t.Helper()
	b, err := app.MarshalReport(r)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func run(t testing.TB, name string, args ...string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Skipf("%s not installed (make setup)", name)
	}
	out, err := exec.Command(name, args...).CombinedOutput()
	// qpdf exits 3 for warnings, which fix-qdf'd files may give
	if err != nil {
		if ee, ok := err.(*exec.ExitError); !ok || name != "qpdf" || ee.ExitCode() != 3 {
			t.Fatalf("%s %v: %v\n%s", name, args, err, out)
		}
	}
}

// alterEmbedded changes the embedded report of a PDF after printing, as a
// forger with qpdf would: QDF mode, edit the JSON, fix-qdf.
func alterEmbedded(t testing.TB, pdf []byte, old, new string) []byte {
	t.Helper()
	dir := t.TempDir()
	in := writeFile(t, filepath.Join(dir, "in.pdf"), pdf, fixedNow)
	qdf := filepath.Join(dir, "qdf.pdf")
	run(t, "qpdf", "--qdf", "--object-streams=disable", in, qdf)
	b, err := os.ReadFile(qdf)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Count(b, []byte(old)) != 1 {
		t.Fatalf("%q occurs %d times in the QDF file", old, bytes.Count(b, []byte(old)))
	}
	b = bytes.Replace(b, []byte(old), []byte(new), 1)
	edited := writeFile(t, filepath.Join(dir, "edited.pdf"), b, fixedNow)
	fixed := filepath.Join(dir, "fixed.pdf")
	cmd := exec.Command("fix-qdf", edited)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("fix-qdf: %v", err)
	}
	writeFile(t, fixed, out, fixedNow)
	return out
}

// addSecondAttachment appends another report.nianbao.json with qpdf.
func addSecondAttachment(t testing.TB, pdf, second []byte) []byte {
	t.Helper()
	dir := t.TempDir()
	in := writeFile(t, filepath.Join(dir, "in.pdf"), pdf, fixedNow)
	js := writeFile(t, filepath.Join(dir, "report.nianbao.json"), second, fixedNow)
	out := filepath.Join(dir, "out.pdf")
	run(t, "qpdf", in, "--add-attachment", js, "--key=zz-report", "--filename="+pdfout.AttachmentName, "--", out)
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// hostilePDF nests arrays far deeper than any reader allows.
func hostilePDF() []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Names << /EmbeddedFiles << /Names [")
	b.WriteString(strings.Repeat("[", 200000))
	b.WriteString(" >> >> >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
	return b.Bytes()
}

// scenario is a county desk for 2021 with one unit in each state.
type scenario struct {
	dir    string
	roster Roster
}

const scenarioRoster = `# 2021年度统计范围
张坞镇	乡镇
新绛县人民政府	县级人民政府
城关镇
东关街道
西关街道
南关镇
北关镇
`

func renamed(t testing.TB, path, name, level string) *app.Report {
	r := loadReport(t, path)
	r.Unit = app.Unit{Name: name, Level: level}
	r.Doc.Signature = name
	r.Doc.Title = ""
	return r
}

func newScenario(t testing.TB) scenario {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "收件")
	early, late := fixedNow.Add(-48*time.Hour), fixedNow

	// 张坞镇: a first report file, then the printed PDF replaces it
	zw := loadReport(t, "../testdata/seeds/zhangwu-2021.nianbao.json")
	first := zw.Clone()
	first.Cells["t2.normdoc.issued"] = "7"
	writeFile(t, filepath.Join(dir, "张坞镇-初稿.nianbao.json"), reportJSON(t, first), early)
	writeFile(t, filepath.Join(dir, "乡镇", "zhangwu.pdf"), renderPDF(t, zw), late)

	// 新绛县: the printed fixture, and last year's report for the cross-year rules
	xj := loadReport(t, "../app/testdata/xinjiang-2021.nianbao.json")
	writeFile(t, filepath.Join(dir, "xinjiang.pdf"), renderPDF(t, xj), late)
	writeFile(t, filepath.Join(dir, "上年", "xinjiang-2020.nianbao.json"),
		reportJSON(t, loadReport(t, "../app/testdata/lint-clean-2020.nianbao.json")), late)

	// 城关镇: a report file with errors, its name written with the county
	cg := renamed(t, "../app/testdata/xinjiang-2021-broken.nianbao.json", "某县城关镇人民政府", app.LevelTownship)
	writeFile(t, filepath.Join(dir, "chengguan.nianbao.json"), reportJSON(t, cg), late)

	// 东关街道: printed with 5, the embedded file changed to 8 afterwards
	dg := renamed(t, "../app/testdata/xinjiang-2021.nianbao.json", "东关街道办事处", app.LevelTownship)
	dg.Cells["t3.new.natural"], dg.Cells["t3.granted.natural"] = "5", "5"
	app.Recompute(dg)
	writeFile(t, filepath.Join(dir, "dongguan.pdf"),
		alterEmbedded(t, renderPDF(t, dg), `"t3.new.natural": "5"`, `"t3.new.natural": "8"`), late)

	// 西关街道: a second attachment of the same name added with qpdf
	xg := renamed(t, "../app/testdata/xinjiang-2021.nianbao.json", "西关街道", app.LevelTownship)
	other := xg.Clone()
	other.Cells["t3.new.natural"] = "30"
	writeFile(t, filepath.Join(dir, "xiguan.pdf"), addSecondAttachment(t, renderPDF(t, xg), reportJSON(t, other)), late)

	// 南关镇: a hostile PDF named after the unit
	writeFile(t, filepath.Join(dir, "南关镇.pdf"), hostilePDF(), late)

	// not a report, and a file the desk does not look at
	writeFile(t, filepath.Join(dir, "坏文件.nianbao.json"), []byte(`{"kind":`), late)
	writeFile(t, filepath.Join(dir, "说明.txt"), []byte("请各单位于1月31日前报送"), late)

	ro, err := ParseRoster(2021, scenarioRoster)
	if err != nil {
		t.Fatal(err)
	}
	return scenario{dir: dir, roster: ro}
}
