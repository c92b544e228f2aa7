package desk

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"nianbao/app"
	"nianbao/desk/desktest"
)

// The forged files of the hostile-PDF set: an attachment redefined by an
// incremental update is «数据不一致»; a linearized report is compared too.
func TestForgedAndLinearizedPDFs(t *testing.T) {
	dir := "../pdfout/testdata/hostile/"
	for _, c := range []struct {
		file   string
		status Status
	}{
		{"forged-replaced-by-update.pdf", StatusInconsistent},
		{"forged-two-attachments.pdf", StatusInconsistent},
	} {
		rc := ReadFile(filepath.Join(dir, c.file), Options{})
		if rc.Err != nil {
			t.Fatalf("%s: %v", c.file, rc.Err)
		}
		b := Verify(rc.Report.Year, Roster{}, []*Received{rc}, app.CheckOptions{})
		u := b.Units[0]
		if u.Status != c.status || len(findRule(u.Findings, RuleAttachment)) != 1 {
			t.Errorf("%s: %s, findings %v", c.file, u.Status, u.Findings)
		}
	}
	rc := ReadFile(filepath.Join(dir, "linearized.pdf"), Options{})
	if rc.Err != nil || len(rc.Suspect) != 0 {
		t.Fatalf("linearized: %v %v", rc.Err, rc.Suspect)
	}
	if rc.TextErr != nil || len(rc.Printed) != len(rc.Report.FormatDef().Cells()) {
		t.Errorf("linearized: printed %d cells, %v", len(rc.Printed), rc.TextErr)
	}
	if f := Consistency(rc); len(f) != 0 {
		t.Errorf("linearized: %v", f)
	}
}

func TestIntakeLimits(t *testing.T) {
	dir := t.TempDir()
	r := desktest.LoadReport(t, "../app/testdata/xinjiang-2021.nianbao.json")
	big := desktest.WriteFile(t, filepath.Join(dir, "big.nianbao.json"), desktest.ReportJSON(t, r), desktest.FixedNow)
	slow := desktest.WriteFile(t, filepath.Join(dir, "slow.docx"), []byte("PK"), desktest.FixedNow)
	files := Intake([]string{big, slow, filepath.Join(dir, "gone.pdf")}, Options{
		MaxFileSize: 1000,
		FileTimeout: 200 * time.Millisecond,
		Import: func(string, []byte) (*app.Report, error) {
			time.Sleep(3 * time.Second)
			return nil, errors.New("late")
		},
	})
	for i, want := range []string{"超过", "处理超过", "无法打开"} {
		if files[i].Err == nil || !strings.Contains(files[i].Err.Error(), want) {
			t.Errorf("file %d: %v, want %q", i, files[i].Err, want)
		}
	}
}

// A third-party PDF goes through the importer and is marked 文字识别.
func TestThirdPartyPDFThroughTheImporter(t *testing.T) {
	path := "../../shared/samples/hongze-2024.pdf"
	if _, err := os.Stat(path); err != nil {
		t.Skip(err)
	}
	rc := ReadFile(path, Options{Import: TextImporter(60 * time.Second)})
	if rc.Err != nil {
		t.Fatal(rc.Err)
	}
	if rc.Source != SourceText || rc.Source.Label(path) != "文字识别" || rc.Printed != nil {
		t.Errorf("source %s, printed %v", rc.Source, rc.Printed != nil)
	}
	ro, _ := ParseRoster(2024, "洪泽区\n")
	b := Verify(2024, ro, []*Received{rc}, app.CheckOptions{})
	u := b.Units[0]
	if len(b.Units) != 1 || u.Current != rc || u.Status == StatusMissing {
		t.Errorf("洪泽区: %s, %d units", u.Status, len(b.Units))
	}
	if rc.Report.Unit.Name != "淮安市洪泽区人民政府" || rc.Report.Year != 2024 {
		t.Errorf("read as %s %d", rc.Report.Unit.Name, rc.Report.Year)
	}
}

// The same bytes twice are one submission; a report of another year is set
// aside; a unit not on the roster gets a row of its own.
func TestDuplicateOtherYearAndOutsideRoster(t *testing.T) {
	dir := t.TempDir()
	xj := desktest.ReportJSON(t, desktest.LoadReport(t, "../app/testdata/xinjiang-2021.nianbao.json"))
	a := desktest.WriteFile(t, filepath.Join(dir, "a.nianbao.json"), xj, desktest.FixedNow)
	b := desktest.WriteFile(t, filepath.Join(dir, "b.nianbao.json"), xj, desktest.FixedNow.Add(time.Hour))
	old := desktest.LoadReport(t, "../testdata/seeds/xiyuan-2020.nianbao.json")
	old.Year = 2019
	c := desktest.WriteFile(t, filepath.Join(dir, "c.nianbao.json"), desktest.ReportJSON(t, old), desktest.FixedNow)
	ro, _ := ParseRoster(2021, "张坞镇\n")
	batch := Verify(2021, ro, Intake([]string{a, b, c}, Options{}), app.CheckOptions{})
	if got := []FileStatus{batch.Files[0].Status, batch.Files[1].Status, batch.Files[2].Status}; got[0] != FileUsed || got[1] != FileDuplicate || got[2] != FileOtherYear {
		t.Errorf("file statuses %v", got)
	}
	if len(batch.Units) != 2 || batch.Units[1].InRoster || batch.Units[1].Unit.Name != "新绛县人民政府" || len(batch.Units[1].History) != 0 {
		t.Errorf("units %+v", batch.Units)
	}
	if batch.Units[0].Status != StatusMissing {
		t.Errorf("张坞镇 %s", batch.Units[0].Status)
	}
	ag, _ := Sum(batch, "", "", false)
	if len(ag.Included) != 1 || ag.Included[0] != "新绛县人民政府" || len(ag.Missing) != 1 {
		t.Errorf("included %v missing %v", ag.Included, ag.Missing)
	}
}

// A file received in a later intake replaces the earlier one even when its
// modification time is older (a corrected report copied with its old date).
func TestLaterIntakeReplaces(t *testing.T) {
	dir := t.TempDir()
	r := desktest.LoadReport(t, "../app/testdata/xinjiang-2021.nianbao.json")
	first := desktest.WriteFile(t, filepath.Join(dir, "first.nianbao.json"), desktest.ReportJSON(t, r), desktest.FixedNow)
	r.Cells["t2.rule.issued"] = "1"
	second := desktest.WriteFile(t, filepath.Join(dir, "second.nianbao.json"), desktest.ReportJSON(t, r), desktest.FixedNow.Add(-time.Hour))
	day := desktest.FixedNow
	one := Intake([]string{first}, Options{Now: func() time.Time { return day }})
	two := Intake([]string{second}, Options{Now: func() time.Time { return day.Add(time.Minute) }})
	b := Verify(2021, Roster{}, append(one, two...), app.CheckOptions{})
	u := b.Units[0]
	if filepath.Base(u.Current.Path) != "second.nianbao.json" || len(u.History) != 1 || b.Files[0].Status != FileReplaced {
		t.Errorf("current %s, history %d, first file %s", u.Current.Path, len(u.History), b.Files[0].Status)
	}
}

// A printed report re-saved with object streams (as other programs save)
// is compared through the importer's recognition of its printed tables.
func TestResavedPDFComparedThroughTheImporter(t *testing.T) {
	for _, seed := range []string{"../app/testdata/xinjiang-2021.nianbao.json", "../testdata/seeds/xiyuan-2020.nianbao.json", "../testdata/seeds/zhangwu-2021.nianbao.json"} {
		r := desktest.LoadReport(t, seed)
		dir := t.TempDir()
		in := desktest.WriteFile(t, filepath.Join(dir, "in.pdf"), desktest.RenderPDF(t, r), desktest.FixedNow)
		out := filepath.Join(dir, "resaved.pdf")
		desktest.Qpdf(t, "--object-streams=generate", in, out)
		opt := Options{ReadPrinted: PrintedReader(60 * time.Second)}
		rc := ReadFile(out, opt)
		if rc.Err != nil || !rc.PrintedPartial || len(rc.Printed) == 0 {
			t.Fatalf("%s: err %v, partial %v, %d cells, text %v", seed, rc.Err, rc.PrintedPartial, len(rc.Printed), rc.TextErr)
		}
		if f := Consistency(rc); len(f) != 0 {
			t.Errorf("%s: %d of %d printed cells disagree: %v", seed, len(f), len(rc.Printed), f)
		}
		if n := len(r.Cells); len(rc.Printed) < n*9/10 {
			t.Errorf("%s: %d of %d filled cells recognised", seed, len(rc.Printed), n)
		}
	}
	// printed with 5, the embedded file changed to 8, then re-saved
	r := desktest.LoadReport(t, "../app/testdata/xinjiang-2021.nianbao.json")
	r.Cells["t3.new.natural"], r.Cells["t3.granted.natural"] = "5", "5"
	app.Recompute(r)
	dir := t.TempDir()
	in := desktest.WriteFile(t, filepath.Join(dir, "in.pdf"),
		desktest.AlterEmbedded(t, desktest.RenderPDF(t, r), `"t3.new.natural": "5"`, `"t3.new.natural": "8"`), desktest.FixedNow)
	out := filepath.Join(dir, "resaved.pdf")
	desktest.Qpdf(t, "--object-streams=generate", in, out)
	rc := ReadFile(out, Options{ReadPrinted: PrintedReader(60 * time.Second)})
	f := findRule(Consistency(rc), RuleTextMismatch)
	if len(f) != 1 || f[0].Anchor != "t3.new.natural" || f[0].Left != "5" || f[0].Right != "8" || !strings.Contains(f[0].Message, "正文经文字识别") {
		t.Errorf("re-saved forgery: %+v", f)
	}
}

// An old Word file in a folder is listed with the importer's reason.
func TestOldWordFileIsListed(t *testing.T) {
	dir := t.TempDir()
	desktest.WriteFile(t, filepath.Join(dir, "张坞镇.doc"), []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0}, desktest.FixedNow)
	paths, _ := ListInputs([]string{dir})
	files := Intake(paths, Options{Import: TextImporter(10 * time.Second)})
	if len(files) != 1 || files[0].Err == nil || !strings.Contains(files[0].Err.Error(), "另存为.docx") {
		t.Fatalf("files %v", files)
	}
	ro, _ := ParseRoster(2021, "张坞镇\n")
	if u := Verify(2021, ro, files, app.CheckOptions{}).Units[0]; u.Status != StatusUnreadable {
		t.Errorf("张坞镇 %s", u.Status)
	}
}
