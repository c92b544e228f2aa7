package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"nianbao/app"
)

const xiyuanSeed = "../../../shared/seeds/003_90d56799dfeaff74.txt"

func seedCopy(t *testing.T) (dir, in string) {
	t.Helper()
	data, err := os.ReadFile(xiyuanSeed)
	if err != nil {
		t.Skipf("seed not available: %v", err)
	}
	dir = t.TempDir()
	in = filepath.Join(dir, "西园镇2020.txt")
	if err := os.WriteFile(in, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, in
}

// TestImportSeed imports the 西园镇 公文 (pages lost in the middle) and checks
// the written report against the fixture transcribed from it.
func TestImportSeed(t *testing.T) {
	dir, in := seedCopy(t)
	code, out, errs := cli(t, "import", in)
	if code != exitOK || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	written := filepath.Join(dir, "西园镇2020.nianbao.json")
	got, err := loadReportFile(written)
	if err != nil {
		t.Fatal(err)
	}
	want, err := loadReportFile("../../testdata/seeds/xiyuan-2020.nianbao.json")
	if err != nil {
		t.Fatal(err)
	}
	f := want.FormatDef()
	for _, c := range f.Cells() {
		if !c.Computed() && got.Cells[c.ID] != want.Cells[c.ID] {
			t.Errorf("%s = %q, want %q", c.ID, got.Cells[c.ID], want.Cells[c.ID])
		}
	}
	if got.Doc.DocNumber != "西政〔2021〕1号" || got.Doc.Signer != "陈建奎" || got.Doc.Date != "2021-01-09" || got.Doc.CC != "漳平市数字办" {
		t.Errorf("doc fields %+v", got.Doc)
	}
	for _, line := range []string{
		"已导入“" + written + "”（按原文文字识别）。\n",
		"格式：2019年格式（2020年度报告应使用2019年格式（国办公开办函〔2019〕60号）；表格中有“本年新制作数量”等2019年格式的标签）。\n",
		"机关：漳平市西园镇人民政府（署名）。\n",
		"机关类型：乡镇（街道）（由机关名称推断）。\n",
		"年度：2020（标题）。\n",
		"表格：识别123格，共166格（不含自动计算的合计）。\n",
		"  留空 t2.penalty.prev 表二 行政处罚 上一年项目数量：原文没有此格\n",
		"发文字号：西政〔2021〕1号\n",
		"签发人：陈建奎\n",
		"署名：漳平市西园镇人民政府\n",
		"成文日期：2021-01-09\n",
		"抄送：漳平市数字办\n",
	} {
		if !strings.Contains(out, line) {
			t.Errorf("summary lacks %q:\n%s", line, out)
		}
	}
	// Never overwritten without -f.
	before, _ := os.ReadFile(written)
	os.WriteFile(written, []byte("{}"), 0o644)
	code, _, errs = cli(t, "import", in)
	if code != exitFailure || !strings.Contains(errs, "已存在") {
		t.Errorf("second import: exit %d, stderr %q", code, errs)
	}
	if data, _ := os.ReadFile(written); string(data) != "{}" {
		t.Error("existing file overwritten without -f")
	}
	if code, _, errs = cli(t, "import", "-f", in); code != exitOK {
		t.Errorf("-f: exit %d %s", code, errs)
	}
	if data, _ := os.ReadFile(written); string(data) != string(before) {
		t.Error("-f did not write the same report")
	}
}

func TestImportJSONFields(t *testing.T) {
	dir, in := seedCopy(t)
	out := filepath.Join(dir, "out.nianbao.json")
	code, stdout, errs := cli(t, "import", "--json", "-o", out, "--unit", "西园镇人民政府", in)
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal([]byte(stdout), &m); err != nil {
		t.Fatalf("not one JSON object: %v\n%s", err, stdout)
	}
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	if got := strings.Join(keys, " "); got != "empty format level published_totals recognised sections unit warnings year" {
		t.Errorf("fields %s", got)
	}
	var s struct {
		Format     string
		Year       int
		Unit       string
		Recognised int
		Empty      []struct{ Cell, Reason string }
	}
	json.Unmarshal([]byte(stdout), &s)
	if s.Format != "2019" || s.Year != 2020 || s.Unit != "西园镇人民政府" || s.Recognised != 123 || len(s.Empty) != 43 {
		t.Errorf("summary %+v", s)
	}
	r, err := loadReportFile(out)
	if err != nil || r.Unit.Name != "西园镇人民政府" {
		t.Errorf("--unit not applied: %v %+v", err, r)
	}
}

func TestImportRefusals(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "报告.doc")
	os.WriteFile(doc, append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 504)...), 0o644)
	code, _, errs := cli(t, "import", doc)
	if code != exitFailure || errs != "“"+doc+"”：这是旧版Word/WPS格式的文件，请用WPS或Word另存为.docx后再导入。\n" {
		t.Errorf("doc: exit %d, stderr %q", code, errs)
	}
	note := filepath.Join(dir, "便条.txt")
	os.WriteFile(note, []byte("明天开会。\n"), 0o644)
	code, _, errs = cli(t, "import", note)
	if code != exitFailure || !strings.Contains(errs, "没有找到可识别的年度报告内容") {
		t.Errorf("note: exit %d, stderr %q", code, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "便条.nianbao.json")); err == nil {
		t.Error("a report was written for a note")
	}
	// A fragment without a year: --year supplies it.
	frag := filepath.Join(dir, "片段.txt")
	os.WriteFile(frag, []byte("四、政府信息公开行政复议、行政诉讼情况\n行政复议\t行政诉讼\n0\t0\t0\t0\t0\t0\t0\t1\t0\t1\t0\t0\t0\t0\t0\n"), 0o644)
	code, _, errs = cli(t, "import", frag)
	if code != exitFailure || !strings.Contains(errs, "--year") {
		t.Errorf("fragment: exit %d, stderr %q", code, errs)
	}
	code, out, errs := cli(t, "import", "--year", "2023", "--unit", "某镇人民政府", "--level", "township", frag)
	if code != exitOK {
		t.Fatalf("fragment with --year: exit %d, stderr %q", code, errs)
	}
	r, err := loadReportFile(filepath.Join(dir, "片段.nianbao.json"))
	if err != nil {
		t.Fatal(err)
	}
	if r.Format != "2021" || r.Cells["t4.suitdirect.other"] != "1" || r.Cells["t4.suitdirect.total"] != "1" || r.Cells["t3.new.natural"] != "" {
		t.Errorf("fragment cells %v", r.Cells)
	}
	if !strings.Contains(out, "年度：2023（命令行指定）。") {
		t.Errorf("summary:\n%s", out)
	}
	_ = app.LevelTownship
	// A device is written into, never replaced by the report (as every -o).
	code, _, errs = cli(t, "import", "-o", os.DevNull, "--year", "2023", "--unit", "某镇人民政府", "--level", "township", frag)
	if code != exitOK {
		t.Errorf("-o %s: exit %d, stderr %q", os.DevNull, code, errs)
	}
	if st, err := os.Stat(os.DevNull); err != nil || st.Mode().IsRegular() {
		t.Fatalf("%s is now a regular file", os.DevNull)
	}
}
