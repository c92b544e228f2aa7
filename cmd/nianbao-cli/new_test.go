package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"nianbao/app"
)

func TestNewWritesEmptyReportOfTheYearsFormat(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		year            int
		format, notice  string
		statPeriod      string
		noticeTitlePart string
	}{
		{2021, "2021", "国办公开办函〔2021〕30号", "2021年1月1日至2021年12月31日", "关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知"},
		{2020, "2019", "国办公开办函〔2019〕60号", "2020年1月1日至2020年12月31日", "关于政府信息公开工作年度报告有关事项的通知"},
	} {
		path := filepath.Join(dir, c.format+".nianbao.json")
		code, out, errs := cli(t, "new", "--unit", "张坞镇人民政府", "--level", "township", "--year", strconv.Itoa(c.year), "-o", path)
		if code != exitOK || out != "" {
			t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errs)
		}
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		r, err := app.ReadReport(f)
		f.Close()
		if err != nil {
			t.Fatalf("written file unreadable: %v", err)
		}
		if r.Format != c.format || r.Year != c.year || r.Unit.Name != "张坞镇人民政府" || r.Unit.Level != "township" || len(r.Cells) != 0 {
			t.Errorf("%d: %+v", c.year, r)
		}
		for _, s := range []string{c.notice, c.statPeriod, c.noticeTitlePart, "《中华人民共和国政府信息公开条例》", "六个部分"} {
			if !strings.Contains(r.Text.Preface, s) {
				t.Errorf("%d: preface lacks %q: %s", c.year, s, r.Text.Preface)
			}
		}
		// An empty report checks without errors: blanks are warnings.
		code, out, _ = cli(t, "check", path)
		if code != exitOK || !strings.Contains(out, "WARN VALUE-EMPTY t2.rule.") {
			t.Errorf("check of a new report: exit %d\n%s", code, out)
		}
	}
	// Without -o the report goes to stdout.
	code, out, _ := cli(t, "new", "--unit", "新绛县人民政府", "--level", "county", "--year", "2022")
	if code != exitOK || !strings.HasPrefix(out, "{\n  \"kind\": \"nianbao.report\"") || !strings.Contains(out, "2022年1月1日至2022年12月31日") {
		t.Errorf("stdout: exit %d %q", code, out)
	}
}

func TestNewRefusesBadInput(t *testing.T) {
	dir := t.TempDir()
	existing := filepath.Join(dir, "old.nianbao.json")
	if err := os.WriteFile(existing, []byte("keep"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []string
		msg  string
	}{
		{[]string{"--unit", "张坞镇人民政府", "--level", "village", "--year", "2021"}, "机关类型“village”无效"},
		{[]string{"--unit", "张坞镇人民政府", "--level", "township", "--year", "2018"}, "2018年度报告使用2019年以前的旧格式，本程序不支持。"},
		{[]string{"--unit", "张坞镇人民政府", "--level", "township"}, "请同时给出 --unit、--level 和 --year。"},
		{[]string{"--unit", "张坞镇人民政府", "--level", "township", "--year", "2021", "-o", existing}, "已存在"},
	} {
		code, out, errs := cli(t, append([]string{"new"}, c.args...)...)
		if code != exitFailure || out != "" || !strings.Contains(errs, c.msg) {
			t.Errorf("%v: exit %d, stderr %q, want %q", c.args, code, errs, c.msg)
		}
	}
	if b, _ := os.ReadFile(existing); string(b) != "keep" {
		t.Errorf("existing file overwritten: %q", b)
	}
}
