package pdfout

import (
	"strings"
	"testing"

	"nianbao/app"
)

// TestPageBreakRules shifts the whole body line by line, so every heading
// and the closing block meet the page end somewhere, and checks that no
// heading is the last thing on its page, no line leaves the grid and the
// 署名/成文日期 never stand on a page without body text.
func TestPageBreakRules(t *testing.T) {
	fs := newSetSource(nil)
	for _, name := range []string{"full-2021", "township-2019"} {
		base := loadReport(t, "testdata/"+name+".nianbao.json")
		for _, style := range []string{app.StyleGongwen, app.StylePublic} {
			for n := 0; n < 26; n++ {
				r := base.Clone()
				r.Text.Preface += strings.Repeat("\n本段用于移动版面。", n)
				l := layoutReport(newGofpdfWriter(), fs, r, style, Options{})
				ms := l.marks
				for i, m := range ms {
					if m.line < 0 || m.line >= gridLines {
						t.Fatalf("%s %s +%d: body line on grid line %d", name, style, n, m.line)
					}
					if m.heading && (i+1 == len(ms) || ms[i+1].page != m.page) {
						t.Errorf("%s %s +%d: heading alone at the bottom of page %d", name, style, n, m.page)
					}
				}
				if last := ms[len(ms)-1]; l.closingPage != last.page {
					t.Errorf("%s %s +%d: closing block on page %d, last body line on page %d", name, style, n, l.closingPage, last.page)
				}
			}
		}
	}
}

// TestTablesFitTypeArea: every table of both formats is as wide as the
// type area and its header rows fit in any continuation page.
func TestTablesFitTypeArea(t *testing.T) {
	l := newLayout(newGofpdfWriter(), newSetSource(nil))
	for _, f := range app.Formats() {
		r := &app.Report{Format: f.ID, Cells: map[string]string{}}
		for _, key := range []string{"t2", "t3", "t4"} {
			tl := l.measureTable(f.Table(key), r)
			if d := tl.x[len(tl.x)-1] - tl.x[0]; d < typeWidth-0.01 || d > typeWidth+0.01 {
				t.Errorf("%s %s: width %.2f mm", f.ID, key, d)
			}
			if h := tl.firstNeed(); h > typeHeight/2 {
				t.Errorf("%s %s: header and first rows take %.1f mm", f.ID, key, h)
			}
			for _, c := range tl.cells {
				vertical := len(c.lines) > 3 && len(c.lines[len(c.lines)-1]) == 1 && len(c.lines[1]) == 1
				if len(c.lines) > 3 && c.size > minCellPt && !vertical {
					t.Errorf("%s %s: %q needs %d lines at %.1f pt", f.ID, key, c.text, len(c.lines), c.size)
				}
			}
		}
	}
}

func TestClassify(t *testing.T) {
	cases := []struct {
		in      string
		roles   []role
		heading bool
	}{
		{"（一）主动公开", []role{roleKT}, true},
		{"（一）高度重视、加强组织领导。我乡将政务公开工作列入议事日程。", []role{roleKT, roleFS}, false},
		{"一、总体情况", []role{roleHT}, true},
		{"（二）其他需要通过年度报告予以报告的事项。", []role{roleKT}, true},
		{"(二)依申请公开情况", []role{roleKT}, true},
		{"1.加强平台建设。完成网站迁移。", []role{roleFS, roleFS}, false},
		{"2021年，我县认真贯彻落实《条例》。", []role{roleFS}, false},
	}
	for _, c := range cases {
		p := classify(c.in)
		var got []role
		for _, s := range p.spans {
			got = append(got, s.ro)
		}
		if len(got) != len(c.roles) || p.heading != c.heading {
			t.Errorf("%q: roles %v heading %v, want %v %v", c.in, got, p.heading, c.roles, c.heading)
			continue
		}
		for i := range got {
			if got[i] != c.roles[i] {
				t.Errorf("%q: roles %v, want %v", c.in, got, c.roles)
			}
		}
		if p.spans[0].text == "（一）高度重视、加强组织领导。" || len(p.spans) == 1 {
			continue
		}
	}
	if p := classify("（一）高度重视、加强组织领导。我乡将……"); p.spans[0].text != "（一）高度重视、加强组织领导。" {
		t.Errorf("run-in heading part %q", p.spans[0].text)
	}
}

func TestCnDateNoteCC(t *testing.T) {
	if got := cnDate("2021-01-09"); got != "2021年1月9日" {
		t.Errorf("cnDate = %q", got)
	}
	if got := noteText("此件主动公开"); got != "（此件主动公开）" {
		t.Errorf("noteText = %q", got)
	}
	if got := noteText("（此件主动公开）"); got != "（此件主动公开）" {
		t.Errorf("noteText kept = %q", got)
	}
	if got := ccText("漳平市数字办"); got != "抄送：漳平市数字办。" {
		t.Errorf("ccText = %q", got)
	}
}

func TestTitleLines(t *testing.T) {
	l := newLayout(newGofpdfWriter(), newSetSource(nil))
	text := func(lines [][]glyph) []string {
		var out []string
		for _, ln := range lines {
			var rs []rune
			for _, g := range ln {
				rs = append(rs, g.r)
			}
			out = append(out, string(rs))
		}
		return out
	}
	cases := []struct {
		title, unit string
		want        []string
	}{
		{"新绛县2021年政府信息公开工作年度报告", "新绛县", []string{"新绛县2021年政府信息公开工作年度报告"}},
		{"漳平市西园镇人民政府2020年政府信息公开工作年度报告", "漳平市西园镇人民政府", []string{"漳平市西园镇人民政府", "2020年政府信息公开工作年度报告"}},
		{"内蒙古自治区呼伦贝尔市扎兰屯市蘑菇气镇人民政府2023年政府信息公开工作年度报告", "内蒙古自治区呼伦贝尔市扎兰屯市蘑菇气镇人民政府",
			[]string{"内蒙古自治区呼伦贝尔市", "扎兰屯市蘑菇气镇人民政府", "2023年政府信息公开工作年度报告"}},
	}
	for _, c := range cases {
		got := text(l.titleLines(c.title, c.unit))
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%s: %q, want %q", c.title, got, c.want)
		}
	}
}
