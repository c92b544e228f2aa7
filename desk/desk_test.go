package desk

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"nianbao/app"
	"nianbao/desk/desktest"
)

var (
	sharedOnce sync.Once
	shared     desktest.Scenario
	sharedDir  string
)

// TestMain removes the scenario the tests share: its files are only read.
func TestMain(m *testing.M) {
	code := m.Run()
	if sharedDir != "" {
		os.RemoveAll(sharedDir)
	}
	os.Exit(code)
}

// collectScenario runs the desk over the scenario folder as the CLI does.
func collectScenario(t *testing.T) (desktest.Scenario, *Batch) {
	t.Helper()
	sharedOnce.Do(func() {
		var err error
		if sharedDir, err = os.MkdirTemp("", "desk-scenario-"); err != nil {
			t.Fatal(err)
		}
		shared = desktest.NewScenarioIn(t, "..", sharedDir)
	})
	sc := shared
	if sc.Dir == "" {
		t.Fatal("the shared scenario could not be built")
	}
	roster, err := ParseRoster(2021, sc.Roster)
	if err != nil {
		t.Fatal(err)
	}
	paths, bad := ListInputs([]string{sc.Dir})
	var mu sync.Mutex
	var calls, lastTotal int
	files := append(bad, Intake(paths, Options{Progress: func(done, total int) {
		mu.Lock()
		calls++
		if done != calls {
			t.Errorf("progress %d after %d calls", done, calls)
		}
		lastTotal = total
		mu.Unlock()
	}})...)
	if calls != len(paths) || lastTotal != len(paths) {
		t.Errorf("progress called %d times with total %d, want %d", calls, lastTotal, len(paths))
	}
	return sc, Verify(2021, roster, files, app.CheckOptions{})
}

func TestEveryUnitGetsItsStatus(t *testing.T) {
	_, b := collectScenario(t)
	want := []struct {
		name   string
		status Status
		file   string
		errors bool
	}{
		{"张坞镇", StatusWarnings, "zhangwu.pdf", false},
		{"新绛县人民政府", StatusWarnings, "xinjiang.pdf", false},
		{"城关镇", StatusErrors, "chengguan.nianbao.json", true},
		{"东关街道", StatusInconsistent, "dongguan.pdf", true},
		{"西关街道", StatusInconsistent, "xiguan.pdf", true},
		{"南关镇", StatusUnreadable, "", false},
		{"北关镇", StatusMissing, "", false},
	}
	if len(b.Units) != len(want) {
		t.Fatalf("%d units, want %d", len(b.Units), len(want))
	}
	for i, w := range want {
		u := b.Units[i]
		file := ""
		if u.Current != nil {
			file = filepath.Base(u.Current.Path)
		}
		if u.Unit.Name != w.name || u.Status != w.status || file != w.file || (u.Errors > 0) != w.errors {
			t.Errorf("row %d: %s %s %s errors=%d, want %s %s %s errors>0=%v",
				i, u.Unit.Name, u.Status, file, u.Errors, w.name, w.status, w.file, w.errors)
		}
	}
	zw, xj, dg, xg, ng := b.Unit("张坞镇"), b.Unit("新绛县"), b.Unit("东关街道"), b.Unit("西关街道"), b.Unit("南关镇")
	if len(zw.History) != 1 || filepath.Base(zw.History[0].Path) != "张坞镇-初稿.nianbao.json" {
		t.Errorf("张坞镇 history %v, want the first report file", zw.History)
	}
	if xj.Prev == nil || xj.Prev.Year != 2020 {
		t.Error("新绛县 has no previous year")
	}
	if !hasSkip(zw.Skipped, app.SkipNoPrevious) || hasSkip(xj.Skipped, app.SkipNoPrevious) {
		t.Error("cross-year rules: want skipped for 张坞镇 only")
	}
	f := findRule(dg.Findings, RuleTextMismatch)
	if len(f) != 1 || f[0].Anchor != "t3.new.natural" || f[0].Left != "5" || f[0].Right != "8" ||
		!strings.Contains(f[0].Message, "附件数据与正文不一致：表三 本年新收行 自然人列") {
		t.Errorf("东关街道 mismatch findings %+v", f)
	}
	if f := findRule(xg.Findings, RuleAttachment); len(f) != 1 || !strings.Contains(f[0].Message, "2个名为 report.nianbao.json") {
		t.Errorf("西关街道 attachment findings %+v", f)
	}
	if len(findRule(xg.Findings, RuleTextMismatch)) != 0 {
		t.Error("西关街道: the first attachment matches the print")
	}
	if !strings.Contains(ng.Reason, "嵌套") {
		t.Errorf("南关镇 reason %q", ng.Reason)
	}
	if u := b.Unit("北关镇人民政府"); u == nil || u.Status.Label() != "未报送" {
		t.Errorf("北关镇 by its long name: %+v", u)
	}
}

func TestEveryFileIsListed(t *testing.T) {
	_, b := collectScenario(t)
	want := map[string]FileStatus{
		"chengguan.nianbao.json":     FileUsed,
		"dongguan.pdf":               FileUsed,
		"xiguan.pdf":                 FileUsed,
		"xinjiang.pdf":               FileUsed,
		"xinjiang-2020.nianbao.json": FilePrevious,
		"zhangwu.pdf":                FileUsed,
		"南关镇.pdf":                    FileUnreadable,
		"坏文件.nianbao.json":           FileUnreadable,
		"张坞镇-初稿.nianbao.json":        FileReplaced,
	}
	if len(b.Files) != len(want) {
		t.Errorf("%d files, want %d (说明.txt is not a report type)", len(b.Files), len(want))
	}
	for _, f := range b.Files {
		base := filepath.Base(f.Path)
		if f.Status != want[base] {
			t.Errorf("%s: %s, want %s", base, f.Status, want[base])
		}
		if f.Status == FileUnreadable && !strings.ContainsAny(f.Reason, "无法超") {
			t.Errorf("%s: reason %q", base, f.Reason)
		}
		if f.Hash == "" || len(f.Hash) != 64 {
			t.Errorf("%s: hash %q", base, f.Hash)
		}
	}
}

func hasSkip(s []app.Skipped, reason string) bool {
	for _, k := range s {
		if k.Reason == reason {
			return true
		}
	}
	return false
}

func findRule(fs []app.Finding, rule string) []app.Finding {
	var out []app.Finding
	for _, f := range fs {
		if f.Rule == rule {
			out = append(out, f)
		}
	}
	return out
}

// The sums below are typed from the fixtures: 张坞镇 (seed, zeros, 予以公开
// row blank), 新绛县 (2 new, 2 granted, 1 direct suit other, 1 pending),
// 城关镇 (broken fixture: 2 new, 1 granted, -1 forward commercial, fee
// 0.00005, pending blank), 东关街道 (5 printed, 8 embedded new; 5 granted),
// 西关街道 (as 新绛县).
func TestSumAllReceived(t *testing.T) {
	_, b := collectScenario(t)
	ag, err := Sum(b, "", "", false)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"t3.new.natural":        "14",
		"t3.new.total":          "14",
		"t3.granted.natural":    "10",
		"t3.granted.commercial": "0",
		"t3.forward.commercial": "-1",
		"t2.fee.amount":         "0.00005",
		"t4.suitdirect.other":   "4",
		"t4.suitdirect.total":   "4",
		"t4.suitafter.pending":  "3",
		"t4.suitafter.total":    "3",
		"t2.rule.issued":        "0",
	}
	for id, v := range want {
		if got := ag.Report.Cells[id]; got != v {
			t.Errorf("%s = %q, want %q", id, got, v)
		}
	}
	if got := strings.Join(ag.Included, "、"); got != "张坞镇、新绛县人民政府、城关镇、东关街道、西关街道" {
		t.Errorf("included %s", got)
	}
	if got := strings.Join(ag.Missing, "、"); got != "南关镇、北关镇" {
		t.Errorf("missing %s", got)
	}
	if ag.Report.Unit.Name != "全县汇总" || ag.Report.Year != 2021 || ag.OnlyPassing {
		t.Errorf("aggregate %s %d only=%v", ag.Report.Unit.Name, ag.Report.Year, ag.OnlyPassing)
	}
	// the sum carries the errors of the reports it adds up
	if !ag.Check.HasErrors() {
		t.Error("the sum of all, with -1 commercial forward, passes the checker")
	}
	if !strings.Contains(ag.Report.Text.S6, "未报送的单位（2个）：南关镇、北关镇") {
		t.Errorf("annex: %s", ag.Report.Text.S6)
	}
}

func TestSumOnlyPassing(t *testing.T) {
	_, b := collectScenario(t)
	ag, err := Sum(b, "某县人民政府", app.LevelCounty, true)
	if err != nil {
		t.Fatal(err)
	}
	for id, v := range map[string]string{
		"t3.new.natural": "2", "t3.new.total": "2", "t3.granted.natural": "2",
		"t4.suitdirect.other": "1", "t4.suitafter.pending": "1", "t2.fee.amount": "0",
	} {
		if got := ag.Report.Cells[id]; got != v {
			t.Errorf("%s = %q, want %q", id, got, v)
		}
	}
	if got := strings.Join(ag.Included, "、"); got != "张坞镇、新绛县人民政府" {
		t.Errorf("included %s", got)
	}
	if got := strings.Join(ag.Excluded, "、"); got != "城关镇（有错误）、东关街道（数据不一致）、西关街道（数据不一致）" {
		t.Errorf("excluded %s", got)
	}
	if ag.Check.HasErrors() {
		t.Errorf("sum of passing reports has errors: %+v", ag.Check.Errors())
	}
	if !ag.OnlyPassing || !strings.Contains(ag.Report.Text.S1, "审核通过的单位") {
		t.Error("the only-passing choice is not recorded")
	}
}
