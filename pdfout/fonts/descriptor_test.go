package fonts

import "testing"

// The expected values are what gofpdf's own TrueType reader wrote into the
// font descriptors and /W arrays of earlier PDFs of the same fonts.
func TestDescriptor(t *testing.T) {
	set := Default()
	cases := []struct {
		role Role
		want Descriptor
	}{
		{XBS, Descriptor{Ascent: 1151, Descent: -286, CapHeight: 729, BBox: [4]int{-1019, -562, 1191, 1331}, StemV: 241, Bold: true}},
		{FS, Descriptor{Ascent: 1151, Descent: -286, CapHeight: 729, BBox: [4]int{-994, -542, 1097, 1329}, StemV: 71}},
		{KT, Descriptor{Ascent: 928, Descent: -256, CapHeight: 695, BBox: [4]int{-74, -214, 1018, 909}, StemV: 87}},
		{HT, Descriptor{Ascent: 1160, Descent: -288, CapHeight: 733, BBox: [4]int{-1007, -550, 1014, 1327}, StemV: 109}},
	}
	for _, c := range cases {
		if got := set.Face(c.role).Descriptor(); got != c.want {
			t.Errorf("%s: descriptor %+v, want %+v", c.role, got, c.want)
		}
	}
}

func TestWidthAndGlyph(t *testing.T) {
	f := Default().Face(XBS)
	for r, want := range map[rune]int{' ': 247, '0': 612, '1': 463, '2': 613, '中': 1000} {
		if got := f.Width(r); got != want {
			t.Errorf("Width(%q) = %d, want %d", r, got, want)
		}
		if f.Glyph(r) == 0 {
			t.Errorf("Glyph(%q) = 0", r)
		}
	}
	if g := f.Glyph(0x10000); g != 0 {
		t.Errorf("a rune outside the BMP has glyph %d", g)
	}
	sub, err := f.Subset([]rune("中1"))
	if err != nil {
		t.Fatal(err)
	}
	if sub.Glyph('中') == 0 || sub.Glyph('2') != 0 || sub.Width('1') != 463 {
		t.Errorf("subset: glyph 中 %d, glyph 2 %d, width 1 %d", sub.Glyph('中'), sub.Glyph('2'), sub.Width('1'))
	}
	if sub.Descriptor() != f.Descriptor() {
		t.Errorf("subset descriptor %+v differs from the face's %+v", sub.Descriptor(), f.Descriptor())
	}
}
