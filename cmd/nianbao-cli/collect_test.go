package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/desk/desktest"
)

func collectScenario(t *testing.T) (desktest.Scenario, string) {
	t.Helper()
	sc := desktest.NewScenario(t, "../..")
	roster := filepath.Join(t.TempDir(), "名单.txt")
	if err := os.WriteFile(roster, []byte(sc.Roster), 0o644); err != nil {
		t.Fatal(err)
	}
	return sc, roster
}

func TestCollectPrintsOneLinePerUnit(t *testing.T) {
	sc, roster := collectScenario(t)
	code, out, errs := cli(t, "collect", "--year", "2021", "--roster", roster, sc.Dir)
	if code != exitFinding {
		t.Errorf("exit %d, want 1 (missing unit, errors); stderr %q", code, errs)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	wantPrefix := []string{
		"有警告\t张坞镇\t0个错误，9个警告\t" + filepath.Join(sc.Dir, "乡镇", "zhangwu.pdf") + "（附件数据）",
		"有警告\t新绛县人民政府\t0个错误，",
		"有错误\t城关镇\t7个错误，",
		"数据不一致\t东关街道\t3个错误，4个警告\t" + filepath.Join(sc.Dir, "dongguan.pdf") + "（附件数据）\t附件数据与正文不一致：表三 本年新收行 自然人列：正文印的是“5”，附件数据是“8”",
		"数据不一致\t西关街道\t",
		"无法识别\t南关镇\tPDF 文件中的对象嵌套超过64层",
		"未报送\t北关镇",
		"无法识别\t" + filepath.Join(sc.Dir, "南关镇.pdf") + "\t",
		"无法识别\t" + filepath.Join(sc.Dir, "坏文件.nianbao.json") + "\t报告文件无法读取",
		"共7个单位：通过0，有警告2，有错误1，数据不一致2，无法识别1，未报送1；收到文件9个，其中无法识别2个；汇总5个单位（汇总全部已报送的报告）。",
	}
	if len(lines) != len(wantPrefix) {
		t.Fatalf("%d lines, want %d:\n%s", len(lines), len(wantPrefix), out)
	}
	for i, w := range wantPrefix {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("line %d\n got %q\nwant %q…", i+1, lines[i], w)
		}
	}
}

func TestCollectJSON(t *testing.T) {
	sc, roster := collectScenario(t)
	code, out, _ := cli(t, "collect", "--json", "--only-passing", "--year", "2021", "--roster", roster, sc.Dir)
	if code != exitFinding {
		t.Errorf("exit %d", code)
	}
	var got struct {
		Year  int `json:"year"`
		Units []struct {
			Unit, Status, File, Source string
			Errors, Warnings           int
			Findings                   []jsonFinding
		} `json:"units"`
		Files     []struct{ File, Status, Reason string } `json:"files"`
		Aggregate struct {
			Included, Missing []string
			Cells             map[string]string
		} `json:"aggregate"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	statuses := []string{}
	for _, u := range got.Units {
		statuses = append(statuses, u.Unit+":"+u.Status+":"+u.Source)
	}
	if s := strings.Join(statuses, " "); s != "张坞镇:warnings:embedded 新绛县人民政府:warnings:embedded 城关镇:errors:embedded "+
		"东关街道:inconsistent:embedded 西关街道:inconsistent:embedded 南关镇:unreadable: 北关镇:missing:" {
		t.Errorf("units %s", s)
	}
	dg := got.Units[3]
	if len(dg.Findings) == 0 || dg.Findings[0].Rule != "DESK-TEXT" || dg.Findings[0].Anchor != "t3.new.natural" {
		t.Errorf("东关街道 findings %+v", dg.Findings)
	}
	unreadable := 0
	for _, f := range got.Files {
		if f.Status == "unreadable" {
			unreadable++
			if f.Reason == "" {
				t.Errorf("%s: no reason", f.File)
			}
		}
	}
	if len(got.Files) != 9 || unreadable != 2 {
		t.Errorf("%d files, %d unreadable", len(got.Files), unreadable)
	}
	// only 张坞镇 and 新绛县 pass: 0+2 new requests, 2 granted
	if c := got.Aggregate.Cells; c["t3.new.natural"] != "2" || c["t3.granted.natural"] != "2" || c["t4.suitdirect.total"] != "1" {
		t.Errorf("cells %v", c)
	}
	if strings.Join(got.Aggregate.Included, ",") != "张坞镇,新绛县人民政府" || strings.Join(got.Aggregate.Missing, ",") != "南关镇,北关镇" {
		t.Errorf("included %v missing %v", got.Aggregate.Included, got.Aggregate.Missing)
	}
}

func TestCollectExitCodes(t *testing.T) {
	dir := t.TempDir()
	r := desktest.LoadReport(t, "../../app/testdata/lint-clean-2021.nianbao.json")
	ok := desktest.WriteFile(t, filepath.Join(dir, "ok.nianbao.json"), desktest.ReportJSON(t, r), desktest.FixedNow)
	roster := desktest.WriteFile(t, filepath.Join(dir, "roster.txt"), []byte("新绛县\n"), desktest.FixedNow)
	if code, out, errs := cli(t, "collect", "--year", "2021", "--roster", roster, ok); code != exitOK {
		t.Errorf("all reported, no errors: exit %d\n%s%s", code, out, errs)
	}
	bad := desktest.WriteFile(t, filepath.Join(dir, "bad.pdf"), []byte("%PDF-1.7 nothing"), desktest.FixedNow)
	if code, _, errs := cli(t, "collect", "--year", "2021", bad, filepath.Join(dir, "none.pdf")); code != exitFailure || !strings.Contains(errs, "没有可读取的报告") {
		t.Errorf("nothing readable: exit %d, stderr %q", code, errs)
	}
	if code, _, _ := cli(t, "collect", ok); code != exitFailure {
		t.Errorf("no --year: exit %d", code)
	}
}

func TestCollectWritesOutputs(t *testing.T) {
	sc, roster := collectScenario(t)
	out := t.TempDir()
	sum, pdf, xlsx := filepath.Join(out, "sum.nianbao.json"), filepath.Join(out, "sum.pdf"), filepath.Join(out, "sum.xlsx")
	code, stdout, errs := cli(t, "collect", "--year", "2021", "--roster", roster, "-o", sum, "--pdf", pdf, "--xlsx", xlsx, sc.Dir)
	if code != exitFinding || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	for _, p := range []string{sum, pdf, xlsx} {
		if !strings.Contains(stdout, p) {
			t.Errorf("stdout does not name %s", p)
		}
	}
	r, err := loadReportFile(sum)
	if err != nil {
		t.Fatal(err)
	}
	if r.Cells["t3.new.natural"] != "14" || r.Unit.Name != "全县汇总" {
		t.Errorf("sum report: %s t3.new.natural=%q", r.Unit.Name, r.Cells["t3.new.natural"])
	}
}

func TestCollectWritesLetters(t *testing.T) {
	sc, roster := collectScenario(t)
	dir := filepath.Join(t.TempDir(), "意见")
	if code, _, errs := cli(t, "collect", "--year", "2021", "--roster", roster, "--letters", dir, "--issuer", "某县人民政府办公室", sc.Dir); code != exitFinding || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	names, _ := filepath.Glob(filepath.Join(dir, "*"))
	var got []string
	for _, n := range names {
		got = append(got, filepath.Base(n))
	}
	// every unit with a report has findings here: five letters in two formats
	want := "审核意见-东关街道-2021.docx 审核意见-东关街道-2021.pdf 审核意见-城关镇-2021.docx 审核意见-城关镇-2021.pdf " +
		"审核意见-张坞镇-2021.docx 审核意见-张坞镇-2021.pdf 审核意见-新绛县人民政府-2021.docx 审核意见-新绛县人民政府-2021.pdf " +
		"审核意见-西关街道-2021.docx 审核意见-西关街道-2021.pdf"
	if strings.Join(got, " ") != want {
		t.Errorf("letters %v", got)
	}
	pdf, err := os.ReadFile(filepath.Join(dir, "审核意见-东关街道-2021.pdf"))
	if err != nil || !strings.HasPrefix(string(pdf), "%PDF-") {
		t.Errorf("letter PDF: %v", err)
	}
}
