// Package desktest builds the files a superior office receives, for the
// tests of the desk and of the collect command.
package desktest

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

// FixedNow keeps the printed PDFs reproducible.
var FixedNow = time.Date(2022, 1, 20, 9, 0, 0, 0, time.UTC)

// LoadReport reads a report file.
func LoadReport(t testing.TB, path string) *app.Report {
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

// RenderPDF prints r as the app does (a draft when it has errors).
func RenderPDF(t testing.TB, r *app.Report) []byte {
	t.Helper()
	var buf bytes.Buffer
	draft := app.Check(r, app.CheckOptions{}).HasErrors()
	if err := pdfout.Render(&buf, r, pdfout.Options{Draft: draft, Now: FixedNow}); err != nil {
		t.Fatalf("Render %s: %v", r.Unit.Name, err)
	}
	return buf.Bytes()
}

// WriteFile writes data with the given modification time.
func WriteFile(t testing.TB, path string, data []byte, mtime time.Time) string {
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

// ReportJSON is the report file of r.
func ReportJSON(t testing.TB, r *app.Report) []byte {
	t.Helper()
	b, err := app.MarshalReport(r)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func runTool(t testing.TB, name string, args ...string) {
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

// Qpdf runs qpdf with args (exit 3, warnings, is success).
func Qpdf(t testing.TB, args ...string) {
	t.Helper()
	runTool(t, "qpdf", args...)
}

// AlterEmbedded changes the embedded report of a PDF after printing, as a
// forger with qpdf would: QDF mode, edit the JSON, fix-qdf.
func AlterEmbedded(t testing.TB, pdf []byte, old, new string) []byte {
	t.Helper()
	dir := t.TempDir()
	in := WriteFile(t, filepath.Join(dir, "in.pdf"), pdf, FixedNow)
	qdf := filepath.Join(dir, "qdf.pdf")
	runTool(t, "qpdf", "--qdf", "--object-streams=disable", in, qdf)
	b, err := os.ReadFile(qdf)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Count(b, []byte(old)) != 1 {
		t.Fatalf("%q occurs %d times in the QDF file", old, bytes.Count(b, []byte(old)))
	}
	b = bytes.Replace(b, []byte(old), []byte(new), 1)
	edited := WriteFile(t, filepath.Join(dir, "edited.pdf"), b, FixedNow)
	fixed := filepath.Join(dir, "fixed.pdf")
	cmd := exec.Command("fix-qdf", edited)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("fix-qdf: %v", err)
	}
	WriteFile(t, fixed, out, FixedNow)
	return out
}

// AddSecondAttachment appends another report.nianbao.json with qpdf.
func AddSecondAttachment(t testing.TB, pdf, second []byte) []byte {
	t.Helper()
	dir := t.TempDir()
	in := WriteFile(t, filepath.Join(dir, "in.pdf"), pdf, FixedNow)
	js := WriteFile(t, filepath.Join(dir, "report.nianbao.json"), second, FixedNow)
	out := filepath.Join(dir, "out.pdf")
	runTool(t, "qpdf", in, "--add-attachment", js, "--key=zz-report", "--filename="+pdfout.AttachmentName, "--", out)
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// HostilePDF nests arrays far deeper than any reader allows.
func HostilePDF() []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Names << /EmbeddedFiles << /Names [")
	b.WriteString(strings.Repeat("[", 200000))
	b.WriteString(" >> >> >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
	return b.Bytes()
}

// Scenario is a county desk for 2021 with one unit in each state: Dir
// holds the received files (in subfolders too), Roster the list of units.
type Scenario struct {
	Dir    string
	Roster string
}

// RosterText names seven units; 北关镇 sends nothing.
const RosterText = `# 2021年度统计范围
张坞镇	乡镇
新绛县人民政府	县级人民政府
城关镇
东关街道
西关街道
南关镇
北关镇
`

// Renamed is a fixture moved to another unit.
func Renamed(t testing.TB, path, name, level string) *app.Report {
	r := LoadReport(t, path)
	r.Unit = app.Unit{Name: name, Level: level}
	r.Doc.Signature = name
	r.Doc.Title = ""
	return r
}

// NewScenario writes the scenario's files; root is the repository root.
func NewScenario(t testing.TB, root string) Scenario {
	t.Helper()
	return NewScenarioIn(t, root, t.TempDir())
}

// NewScenarioIn writes the scenario into parent, for tests that share it.
func NewScenarioIn(t testing.TB, root, parent string) Scenario {
	t.Helper()
	dir := filepath.Join(parent, "收件")
	early, late := FixedNow.Add(-48*time.Hour), FixedNow

	// 张坞镇: a first report file, then the printed PDF replaces it
	zw := LoadReport(t, root+"/testdata/seeds/zhangwu-2021.nianbao.json")
	first := zw.Clone()
	first.Cells["t2.normdoc.issued"] = "7"
	WriteFile(t, filepath.Join(dir, "张坞镇-初稿.nianbao.json"), ReportJSON(t, first), early)
	WriteFile(t, filepath.Join(dir, "乡镇", "zhangwu.pdf"), RenderPDF(t, zw), late)

	// 新绛县: the printed fixture, and last year's report for the cross-year rules
	xj := LoadReport(t, root+"/app/testdata/xinjiang-2021.nianbao.json")
	WriteFile(t, filepath.Join(dir, "xinjiang.pdf"), RenderPDF(t, xj), late)
	WriteFile(t, filepath.Join(dir, "上年", "xinjiang-2020.nianbao.json"),
		ReportJSON(t, LoadReport(t, root+"/app/testdata/lint-clean-2020.nianbao.json")), late)

	// 城关镇: a report file with errors, its name written with the county
	cg := Renamed(t, root+"/app/testdata/xinjiang-2021-broken.nianbao.json", "某县城关镇人民政府", app.LevelTownship)
	WriteFile(t, filepath.Join(dir, "chengguan.nianbao.json"), ReportJSON(t, cg), late)

	// 东关街道: printed with 5, the embedded file changed to 8 afterwards
	dg := Renamed(t, root+"/app/testdata/xinjiang-2021.nianbao.json", "东关街道办事处", app.LevelTownship)
	dg.Cells["t3.new.natural"], dg.Cells["t3.granted.natural"] = "5", "5"
	app.Recompute(dg)
	WriteFile(t, filepath.Join(dir, "dongguan.pdf"),
		AlterEmbedded(t, RenderPDF(t, dg), `"t3.new.natural": "5"`, `"t3.new.natural": "8"`), late)

	// 西关街道: a second attachment of the same name added with qpdf
	xg := Renamed(t, root+"/app/testdata/xinjiang-2021.nianbao.json", "西关街道", app.LevelTownship)
	other := xg.Clone()
	other.Cells["t3.new.natural"] = "30"
	WriteFile(t, filepath.Join(dir, "xiguan.pdf"), AddSecondAttachment(t, RenderPDF(t, xg), ReportJSON(t, other)), late)

	// 南关镇: a hostile PDF named after the unit
	WriteFile(t, filepath.Join(dir, "南关镇.pdf"), HostilePDF(), late)

	// not a report, and a file the desk does not look at
	WriteFile(t, filepath.Join(dir, "坏文件.nianbao.json"), []byte(`{"kind":`), late)
	WriteFile(t, filepath.Join(dir, "说明.txt"), []byte("请各单位于1月31日前报送"), late)

	return Scenario{Dir: dir, Roster: RosterText}
}
