package desk

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"nianbao/app"
)

func TestSameUnit(t *testing.T) {
	for _, c := range []struct {
		a, b string
		same bool
	}{
		{"张坞镇", "张坞镇人民政府", true},
		{"张坞镇", "某县张坞镇人民政府", true},
		{"张坞镇人民政府", "某县张坞镇人民政府", true},
		{"张 坞 镇", "张坞镇", true},
		{"城关街道", "城关街道办事处", true},
		{"某市某区城关街道办事处", "城关街道", true},
		{"县发展和改革局", "某县发展和改革局", false}, // "某" is not a region
		{"发展和改革局", "某县发展和改革局", true},
		{"东张坞镇", "张坞镇", false},
		{"张坞镇", "张坞乡", false},
		{"某县人民政府", "某县人民政府办公室", false},
		{"", "张坞镇", false},
	} {
		if got := SameUnit(c.a, c.b); got != c.same {
			t.Errorf("SameUnit(%q, %q) = %v, want %v", c.a, c.b, got, c.same)
		}
	}
}

func TestRosterMatchPrefersExactAndRefusesAmbiguity(t *testing.T) {
	ro, err := ParseRoster(2021, "城关镇\n甲县城关镇\n乙县城关镇\n张坞镇\t乡镇\t某县人民政府\n")
	if err != nil {
		t.Fatal(err)
	}
	if i := ro.Match("城关镇人民政府"); i != 0 {
		t.Errorf("exact core: %d, want 0", i)
	}
	if i := ro.Match("甲县城关镇人民政府"); i != 1 {
		t.Errorf("甲县: %d, want 1", i)
	}
	if i := ro.Match("某县张坞镇人民政府"); i != 3 {
		t.Errorf("张坞镇: %d, want 3", i)
	}
	if u := ro.Units[3]; u.Level != app.LevelTownship || u.Parent != "某县人民政府" {
		t.Errorf("张坞镇 line read as %+v", u)
	}
	two, _ := ParseRoster(2021, "甲县城关镇\n乙县城关镇\n")
	if i := two.Match("城关镇"); i != -1 {
		t.Errorf("城关镇 matches two units, got %d", i)
	}
}

func TestParseRosterRejects(t *testing.T) {
	for _, text := range []string{"张坞镇\t村委会\n", "张坞镇\n张坞镇人民政府\n"} {
		if _, err := ParseRoster(2021, text); err == nil {
			t.Errorf("%q accepted", text)
		}
	}
	ro, err := ParseRoster(2021, "\ufeff# 名单\n\n张坞镇\r\n城关镇，乡镇\n")
	if err != nil || len(ro.Units) != 2 || ro.Units[1].Level != app.LevelTownship {
		t.Errorf("BOM, comment, CRLF, full-width comma: %+v %v", ro.Units, err)
	}
	next := ro.CarryOver(2022)
	if next.Year != 2022 || len(next.Units) != 2 {
		t.Errorf("carry-over %+v", next)
	}
}

func TestReadRosterFromXLSXColumn(t *testing.T) {
	x := excelize.NewFile()
	for i, row := range [][]string{{"单位名称", "联系人"}, {"张坞镇", "王某"}, {"城关镇", "乡镇"}, {"", ""}, {"县教育局", "部门"}} {
		for j, v := range row {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			_ = x.SetCellStr("Sheet1", cell, v)
		}
	}
	path := filepath.Join(t.TempDir(), "名单.xlsx")
	if err := x.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	ro, err := ReadRosterFile(2021, path)
	if err != nil {
		t.Fatal(err)
	}
	want := []RosterUnit{{Name: "张坞镇"}, {Name: "城关镇", Level: app.LevelTownship}, {Name: "县教育局", Level: app.LevelDepartment}}
	if len(ro.Units) != len(want) {
		t.Fatalf("units %+v", ro.Units)
	}
	for i, w := range want {
		if ro.Units[i] != w {
			t.Errorf("unit %d: %+v, want %+v", i, ro.Units[i], w)
		}
	}
	bad := filepath.Join(t.TempDir(), "gbk.txt")
	_ = os.WriteFile(bad, []byte{0xd5, 0xc5, 0xdb, 0xeb}, 0o644)
	if _, err := ReadRosterFile(2021, bad); err == nil {
		t.Error("GBK text accepted")
	}
}

// FuzzParseRoster: any pasted text gives a roster or an error; every unit
// on it matches itself.
func FuzzParseRoster(f *testing.F) {
	f.Add("张坞镇\t乡镇\t某县人民政府\n城关街道办事处\n")
	f.Add("\ufeff# x\r\n甲县城关镇，乡镇\n乙县城关镇")
	f.Fuzz(func(t *testing.T, text string) {
		ro, err := ParseRoster(2021, text)
		if err != nil {
			return
		}
		for i, u := range ro.Units {
			if got := ro.Match(u.Name); got != i {
				t.Errorf("%q matches %d, want %d", u.Name, got, i)
			}
		}
	})
}
