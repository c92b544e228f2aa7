package main

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"nianbao/app"
)

// TestRecomputeBrokenExample runs formats.md §10.3 (b) through the CLI.
func TestRecomputeBrokenExample(t *testing.T) {
	data, err := os.ReadFile(example)
	if err != nil {
		t.Fatal(err)
	}
	r, err := app.ParseReport(data)
	if err != nil {
		t.Fatal(err)
	}
	r.Cells["t3.granted.natural"] = "1"
	r.Cells["t3.forward.commercial"] = "-1"
	delete(r.Cells, "t4.suitafter.pending")
	r.Cells["t2.fee.amount"] = "0.00005"
	path := filepath.Join(t.TempDir(), "broken.nianbao.json")
	data, _ = app.MarshalReport(r)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errs := cli(t, "recompute", path)
	if code != exitOK || errs != "" || out != "已重新计算合计：5个单元格有变化，已写回“"+path+"”。\n" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
	after, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	back, err := app.ParseReport(after)
	if err != nil {
		t.Fatal(err)
	}
	for id, v := range map[string]string{"t3.granted.total": "1", "t3.total.natural": "1", "t3.total.total": "1", "t3.forward.total": "-1", "t4.suitafter.total": "0"} {
		if back.Cells[id] != v {
			t.Errorf("%s = %q, want %s", id, back.Cells[id], v)
		}
	}
	if st, _ := os.Stat(path); runtime.GOOS != "windows" && st.Mode().Perm() != 0o600 {
		t.Errorf("file mode changed to %v", st.Mode().Perm())
	}
	if m, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".nianbao-*")); len(m) != 0 {
		t.Errorf("temp files left: %v", m)
	}
	code, out, _ = cli(t, "check", "--core", path)
	want := "WARN VALUE-EMPTY t4.suitafter.pending 表四 复议后起诉 尚未审结：未填写（空白不等于0；没有数据请填0）\n" +
		"ERROR VALUE-NONNEG t3.forward.commercial 表三 结转下年度行 商业企业列：数值(-1)不能为负数\n" +
		"ERROR VALUE-MONEY t2.fee.amount 表二 行政事业性收费 本年收费金额：金额(0.00005)超过4位小数（单位万元，最小为0.0001万元即1元）\n" +
		"ERROR T3-BALANCE t3.forward.natural 表三 自然人列：本年新收(2)+上年结转(0)=2，办理结果总计(1)+结转下年度(0)=1，相差1\n" +
		"ERROR T3-BALANCE t3.forward.commercial 表三 商业企业列：本年新收(0)+上年结转(0)=0，办理结果总计(0)+结转下年度(-1)=-1，相差1\n" +
		"ERROR T3-BALANCE t3.forward.total 表三 总计列：本年新收(2)+上年结转(0)=2，办理结果总计(1)+结转下年度(-1)=0，相差2\n" +
		"WARN TXT-S6-FEE text.s6 表二 行政事业性收费 本年收费金额(0.00005)大于0，但“六、其他需要报告的事项”未说明收费情况；请写明本年度是否收取信息处理费及金额\n" +
		"检查结果：5个错误，2个警告，7项未检查（缺少上年报告）。\n"
	if code != exitFinding || out != want {
		t.Errorf("check after recompute: exit %d\n got %s\nwant %s", code, out, want)
	}
	// A second run changes nothing and leaves the bytes alone.
	code, out, _ = cli(t, "recompute", path)
	again, _ := os.ReadFile(path)
	if code != exitOK || !strings.HasPrefix(out, "已重新计算合计：0个单元格有变化") || string(again) != string(after) {
		t.Errorf("second recompute: exit %d %q", code, out)
	}
}

func TestRecomputeUnreadable(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.nianbao.json")
	if err := os.WriteFile(path, []byte("not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errs := cli(t, "recompute", path)
	if code != exitFailure || !strings.HasPrefix(errs, "无法读取报告文件“"+path+"”：") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
	if b, _ := os.ReadFile(path); string(b) != "not json" {
		t.Errorf("unreadable file was changed: %q", b)
	}
}
