package fonts

import (
	"os"
	"regexp"
	"testing"
)

func TestPostScriptName(t *testing.T) {
	s := Default()
	want := map[Role]string{FS: "NotoSerifCJKsc-Light", HT: "NotoSansCJKsc-Medium", ST: "NotoSerifCJKsc-Regular"}
	for ro, n := range want {
		if got := s.Face(ro).PostScriptName(); got != n {
			t.Errorf("%s: PostScriptName = %q, want %q", ro.Label(), got, n)
		}
		sub, err := s.Face(ro).Subset([]rune("公开"))
		if err != nil {
			t.Fatal(err)
		}
		if sub.PostScriptName() != n {
			t.Errorf("%s subset: PostScriptName = %q", ro.Label(), sub.PostScriptName())
		}
	}
	// an installed font is named by its own name table (name ID 6)
	if _, err := os.Stat(wqy); err == nil {
		f, err := LoadFile(wqy, 0)
		if err != nil {
			t.Fatal(err)
		}
		if got := f.PostScriptName(); got != "WenQuanYiMicroHei" {
			t.Errorf("wqy-microhei face 0: PostScriptName = %q", got)
		}
	}
	if got := pdfNameChars("仿宋_GB2312 (x)"); got != "_GB2312x" {
		t.Errorf("pdfNameChars = %q", got)
	}
}

func TestSubsetTag(t *testing.T) {
	a := SubsetTag("NotoSerifCJKsc-Light", []rune("年度报告"))
	if !regexp.MustCompile(`^[A-Z]{6}$`).MatchString(a) {
		t.Fatalf("tag %q is not six capital letters", a)
	}
	if SubsetTag("NotoSerifCJKsc-Light", []rune("年度报告")) != a {
		t.Error("same subset, different tag")
	}
	if SubsetTag("NotoSerifCJKsc-Light", []rune("年度报表")) == a || SubsetTag("NotoSansCJKsc-Medium", []rune("年度报告")) == a {
		t.Error("different subsets share a tag")
	}
}

// Values from fontTools (glyf xMin/xMax of Noto Serif CJK SC Light, 1000 units).
func TestInkX(t *testing.T) {
	body := Default().Face(FS)
	for _, c := range []struct {
		r        rune
		min, max float64
	}{{'，', 0.08, 0.23}, {'“', 0.58, 0.93}} {
		lo, hi, ok := body.InkX(c.r)
		if !ok || lo < c.min-0.01 || lo > c.min+0.01 || hi < c.max-0.01 || hi > c.max+0.01 {
			t.Errorf("InkX(%q) = %.3f %.3f %v, want about %.2f %.2f", c.r, lo, hi, ok, c.min, c.max)
		}
	}
	if _, _, ok := body.InkX(' '); ok {
		t.Error("the space has no outline")
	}
}
