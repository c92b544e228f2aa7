package fonts

import (
	"encoding/binary"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/jung-kurt/gofpdf"
	"golang.org/x/text/encoding/simplifiedchinese"

	"nianbao/assets"
)

// gb2312Hanzi decodes rows 0xB0–0xF7 with x/text's GBK codec, independently
// of how the fonts were built: 3,755 level-1 and 3,008 level-2 hanzi.
func gb2312Hanzi(t *testing.T) []rune {
	t.Helper()
	dec := simplifiedchinese.GBK.NewDecoder()
	var out []rune
	for hi := 0xB0; hi <= 0xF7; hi++ {
		for lo := 0xA1; lo <= 0xFE; lo++ {
			if hi == 0xD7 && lo > 0xF9 { // D7FA–D7FE are unassigned in GB2312
				continue
			}
			s, err := dec.Bytes([]byte{byte(hi), byte(lo)})
			if err != nil {
				t.Fatalf("decode %X%X: %v", hi, lo, err)
			}
			out = append(out, []rune(string(s))...)
		}
	}
	if len(out) != 6763 {
		t.Fatalf("decoded %d GB2312 hanzi, want 6763", len(out))
	}
	return out
}

func TestDefaultCoverage(t *testing.T) {
	s := Default()
	hanzi := gb2312Hanzi(t)
	punct := "，。、；：？！“”‘’（）《》〔〕【】—…·％０１２３ＡＢ　〇"
	for _, r := range Roles() {
		f := s.Face(r)
		var miss []rune
		for _, c := range append(hanzi, []rune("0123456789ABCxyz%.-")...) {
			if !f.Has(c) {
				miss = append(miss, c)
			}
		}
		if len(miss) > 0 {
			t.Errorf("%s (%s) lacks %d GB2312/ASCII characters: %q", r.Label(), f.Name, len(miss), string(miss[:min(20, len(miss))]))
		}
		for _, c := range punct {
			if !f.Has(c) && !s.Fallback().Has(c) {
				t.Errorf("%s: %q drawn by no face", r.Label(), c)
			}
		}
	}
	body := s.Face(FS)
	if s.Fallback() != body {
		t.Errorf("fallback is %s, want the body font", s.Fallback().Name)
	}
	for _, c := range "堃喆赟昇珺玥旻琍甯犇鑫淼龘" {
		if !body.Has(c) {
			t.Errorf("body font lacks rare name character %q", c)
		}
	}
	uro := 0
	for c := rune(0x4E00); c <= 0x9FFF; c++ {
		if body.Has(c) {
			uro++
		}
	}
	// Noto Serif CJK 2.001 maps 20,971 of the block; allow newer builds more.
	if uro < 20971 {
		t.Errorf("body font covers %d of U+4E00–U+9FFF, want ≥ 20971", uro)
	}
	if body.Has(0x20000) || body.Has(-1) {
		t.Error("Has must be false outside the BMP")
	}
}

// Advance must agree with gofpdf's own width tables, which are read by a
// different parser; ascent/descent are fontTools' hhea values.
func TestMetrics(t *testing.T) {
	s := Default()
	for _, f := range s.Faces() {
		pdf := gofpdf.New("P", "pt", "A4", "")
		pdf.AddUTF8FontFromBytes(f.Name, "", f.Data)
		pdf.SetFont(f.Name, "", 10)
		for _, r := range "中i1，W年报" {
			got := f.Advance(r) * 10
			want := pdf.GetStringWidth(string(r))
			if d := got - want; d > 0.011 || d < -0.011 {
				t.Errorf("%s %q: Advance×10 = %.3f pt, gofpdf %.3f pt", f.Name, r, got, want)
			}
		}
		if err := pdf.Error(); err != nil {
			t.Fatal(err)
		}
	}
	cases := []struct {
		f                         *Face
		asc, desc, zhong, i, wide float64
	}{
		{s.Face(FS), 1.151, -0.286, 1, 0.328, 1.045},
		// LXGW WenKai 1.250: hhea 928/−256, advances 1000, 263, 880 of 1000
		{s.Face(KT), 0.928, -0.256, 1, 0.263, 0.88},
	}
	for _, c := range cases {
		if c.f.Ascent() != c.asc || c.f.Descent() != c.desc {
			t.Errorf("%s: ascent/descent %v/%v, want %v/%v", c.f.Name, c.f.Ascent(), c.f.Descent(), c.asc, c.desc)
		}
		if c.f.Advance('中') != c.zhong || c.f.Advance('i') != c.i || c.f.Advance('W') != c.wide {
			t.Errorf("%s: advances 中 %v i %v W %v", c.f.Name, c.f.Advance('中'), c.f.Advance('i'), c.f.Advance('W'))
		}
	}
}

func TestResolveFallsBack(t *testing.T) {
	s := Default()
	kai := s.Face(KT)
	for _, c := range "堃喆" {
		if kai.Has(c) {
			t.Fatalf("test premise: kai font has %q", c)
		}
	}
	text := "签发人：王堃\n李喆二五年"
	runs := s.Resolve(KT, text)
	want := []Run{
		{kai, "签发人：王"}, {s.Fallback(), "堃\n"}, {kai, "李"}, {s.Fallback(), "喆"}, {kai, "二五年"},
	}
	if len(runs) != len(want) {
		t.Fatalf("runs = %v", names(runs))
	}
	for i := range want {
		if runs[i].Face != want[i].Face || runs[i].Text != want[i].Text {
			t.Errorf("run %d = %s %q, want %s %q", i, runs[i].Face.Name, runs[i].Text, want[i].Face.Name, want[i].Text)
		}
	}
	if m := s.Missing(KT, text); len(m) != 0 {
		t.Errorf("Missing = %q, want none", m)
	}
}

func names(runs []Run) []string {
	var out []string
	for _, r := range runs {
		out = append(out, r.Face.Name+":"+r.Text)
	}
	return out
}

// Characters no face has, and non-BMP ones, come out as the visible
// placeholder and are reported by Missing.
func TestResolveUndrawable(t *testing.T) {
	s := Default()
	text := "张䶮（𠀀）😀"
	runs := s.Resolve(HT, text)
	var got strings.Builder
	for _, r := range runs {
		for _, c := range r.Text {
			if c > 0xFFFF {
				t.Fatalf("non-BMP %q reached a run", c)
			}
			if !r.Face.Has(c) {
				t.Errorf("run face %s lacks %q", r.Face.Name, c)
			}
		}
		got.WriteString(r.Text)
	}
	if got.String() != "张□（□）□" {
		t.Errorf("resolved text %q", got.String())
	}
	if m := s.Missing(HT, text); string(m) != "䶮𠀀😀" {
		t.Errorf("Missing = %q", string(m))
	}
}

func TestSanitizeBMP(t *testing.T) {
	out, repl := SanitizeBMP("𠀀村😀张𠀀三")
	if out != "□村□张□三" || string(repl) != "𠀀😀" {
		t.Errorf("SanitizeBMP = %q, %q", out, string(repl))
	}
	if out, repl := SanitizeBMP("王堃（一）"); out != "王堃（一）" || repl != nil {
		t.Errorf("BMP text changed: %q %q", out, string(repl))
	}
	// The point of it: gofpdf panics on the original, not on the result.
	pdf := gofpdf.New("P", "mm", "A4", "")
	f := Default().Fallback()
	pdf.AddUTF8FontFromBytes(f.Name, "", f.Data)
	pdf.AddPage()
	pdf.SetFont(f.Name, "", 12)
	clean, _ := SanitizeBMP("姓名：𠀀😀")
	pdf.Text(20, 20, clean)
	if err := pdf.Output(new(strings.Builder)); err != nil {
		t.Fatal(err)
	}
}

func requireTools(t *testing.T, tools ...string) {
	t.Helper()
	for _, c := range tools {
		if _, err := exec.LookPath(c); err != nil {
			t.Skipf("%s not installed (poppler-utils)", c)
		}
	}
}

// renderCheck draws text with f through gofpdf and checks with poppler that
// the font is embedded and the text comes back.
func renderCheck(t *testing.T, f *Face, text string) {
	t.Helper()
	requireTools(t, "pdffonts", "pdftotext")
	pdf := gofpdf.New("P", "mm", "A4", "")
	pdf.AddUTF8FontFromBytes(f.Name, "", f.Data)
	pdf.AddPage()
	pdf.SetFont(f.Name, "", 16)
	pdf.Text(20, 30, text)
	out := filepath.Join(t.TempDir(), "t.pdf")
	if err := pdf.OutputFileAndClose(out); err != nil {
		t.Fatalf("gofpdf: %v", err)
	}
	fonts, err := exec.Command("pdffonts", out).CombinedOutput()
	if err != nil {
		t.Fatalf("pdffonts: %v\n%s", err, fonts)
	}
	lines := strings.Split(strings.TrimSpace(string(fonts)), "\n")
	if len(lines) != 3 || !strings.Contains(lines[2], "CID TrueType") {
		t.Fatalf("pdffonts:\n%s", fonts)
	}
	if cols := strings.Fields(lines[2]); cols[len(cols)-5] != "yes" {
		t.Errorf("font not embedded:\n%s", fonts)
	}
	txt, err := exec.Command("pdftotext", out, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	if got := strings.TrimSpace(string(txt)); got != text {
		t.Errorf("pdftotext = %q, want %q", got, text)
	}
}

const wqy = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"

func TestLoadFileTTC(t *testing.T) {
	if _, err := os.Stat(wqy); err != nil {
		t.Skip("fonts-wqy-microhei not installed")
	}
	f, err := LoadFile(wqy, 0)
	if err != nil {
		t.Fatal(err)
	}
	if !f.Has('堃') || !f.Has('A') || f.Advance('中') != 1 {
		t.Errorf("extracted face: has 堃 %v, A %v, advance 中 %v", f.Has('堃'), f.Has('A'), f.Advance('中'))
	}
	renderCheck(t, f, "宋体替代：西园镇人民政府 2024")

	mono, err := LoadFile(wqy, 1)
	if err != nil {
		t.Fatal(err)
	}
	if mono.Name == f.Name {
		t.Errorf("faces 0 and 1 share the name %s", f.Name)
	}
	if _, err := LoadFile(wqy, 2); !errors.Is(err, ErrNoFace) {
		t.Errorf("face 2 of a 2-face collection: %v", err)
	}
}

func TestLoadFileRejectsCFF(t *testing.T) {
	// A minimal OpenType CFF header: gofpdf cannot embed these.
	otf := make([]byte, 12+16)
	binary.BigEndian.PutUint32(otf, tagOTTO)
	binary.BigEndian.PutUint16(otf[4:], 1)
	copy(otf[12:], "CFF ")
	p := filepath.Join(t.TempDir(), "方正小标宋.otf")
	if err := os.WriteFile(p, otf, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := LoadFile(p, 0)
	if !errors.Is(err, ErrCFF) {
		t.Fatalf("err = %v, want ErrCFF", err)
	}
	if !strings.Contains(err.Error(), "方正小标宋.otf") || !strings.Contains(err.Error(), "TrueType") {
		t.Errorf("message does not name the file and the fix: %v", err)
	}

	// A real one: face 2 (SC) of a Noto CJK collection is CFF.
	noto := "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
	if _, err := os.Stat(noto); err == nil {
		if _, err := LoadFile(noto, 2); !errors.Is(err, ErrCFF) {
			t.Errorf("Noto Sans CJK SC: err = %v, want ErrCFF", err)
		}
	}
}

// withFsType returns a copy of a TrueType font with OS/2 fsType replaced.
func withFsType(t *testing.T, data []byte, fsType uint16) []byte {
	t.Helper()
	_, dir, err := tables(data, 0)
	if err != nil {
		t.Fatal(err)
	}
	out := append([]byte(nil), data...)
	binary.BigEndian.PutUint16(out[dir["OS/2"].off+8:], fsType)
	return out
}

func TestLoadFileEmbeddingPermission(t *testing.T) {
	cases := []struct {
		fsType uint16
		want   error
	}{
		{0x0000, nil},           // installable
		{0x0002, ErrRestricted}, // restricted licence
		{0x0004, nil},           // print and preview
		{0x0006, nil},           // least restrictive bit wins
		{0x0008, nil},           // editable
		{0x0104, ErrNoSubset},   // no subsetting
		{0x0208, ErrNoSubset},   // bitmap only
	}
	dir := t.TempDir()
	for _, c := range cases {
		p := filepath.Join(dir, "simkai.ttf")
		if err := os.WriteFile(p, withFsType(t, assets.FontKai, c.fsType), 0o644); err != nil {
			t.Fatal(err)
		}
		f, err := LoadFile(p, 0)
		if !errors.Is(err, c.want) {
			t.Errorf("fsType %#04x: err = %v, want %v", c.fsType, err, c.want)
			continue
		}
		if err == nil && !f.Has('楷') {
			t.Errorf("fsType %#04x: loaded face lacks 楷", c.fsType)
		}
		if err != nil && !strings.Contains(err.Error(), "simkai.ttf") {
			t.Errorf("message does not name the file: %v", err)
		}
	}
}

func TestLoadFileBadInput(t *testing.T) {
	dir := t.TempDir()
	junk := filepath.Join(dir, "readme.ttf")
	os.WriteFile(junk, []byte("这不是字体文件，只是一段文字而已。"), 0o644)
	if _, err := LoadFile(junk, 0); !errors.Is(err, ErrNotFont) {
		t.Errorf("text file: %v", err)
	}
	// Truncated after the table directory: must be an error, not a panic.
	cut := filepath.Join(dir, "cut.ttf")
	os.WriteFile(cut, assets.FontKai[:4096], 0o644)
	if _, err := LoadFile(cut, 0); !errors.Is(err, ErrNotFont) {
		t.Errorf("truncated font: %v", err)
	}
	if _, err := LoadFile(filepath.Join(dir, "none.ttf"), 0); err == nil || !strings.Contains(err.Error(), "读取字体文件") {
		t.Errorf("missing file: %v", err)
	}
}

func TestDiscoverHomeFonts(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Linux font folders; Windows has discover_windows_test.go")
	}
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_DATA_HOME", "")
	fontsDir := filepath.Join(home, ".fonts")
	local := filepath.Join(home, ".local", "share", "fonts", "office")
	for _, d := range []string{fontsDir, local} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write := func(p string, data []byte) {
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(fontsDir, "SIMFANG.TTF"), assets.FontBody)
	write(filepath.Join(fontsDir, "FangSong_GB2312.ttf"), assets.FontBody)
	write(filepath.Join(local, "simkai.ttf"), assets.FontKai)
	write(filepath.Join(fontsDir, "notes.txt"), []byte("x"))
	cesi := filepath.Join(home, ".local", "share", "fonts", "fonts-cesi")
	if err := os.MkdirAll(cesi, 0o755); err != nil {
		t.Fatal(err)
	}
	write(filepath.Join(cesi, "CESI_XBS_GB2312.TTF"), assets.FontTitle)
	if ttc, err := os.ReadFile(wqy); err == nil {
		write(filepath.Join(fontsDir, "simsun.ttc"), ttc)
	}

	found := Discover()
	fs := found[FS]
	var mine []Candidate
	for _, c := range fs {
		if strings.HasPrefix(c.Path, home) {
			mine = append(mine, c)
		}
	}
	if len(mine) != 2 || mine[0].Name != "仿宋_GB2312" || mine[1].Name != "仿宋" {
		t.Fatalf("仿宋 candidates = %+v", fs)
	}
	kt := found[KT]
	if len(kt) == 0 || kt[0].Path != filepath.Join(local, "simkai.ttf") {
		t.Fatalf("楷体 candidates = %+v", kt)
	}
	f, err := kt[0].Load()
	if err != nil {
		t.Fatal(err)
	}
	s := Default()
	s.Use(KT, f)
	if fc := s.Faces(); s.Face(KT) != f || len(fc) != 5 || fc[2] != f {
		t.Errorf("after Use: face %s, faces %d", s.Face(KT).Name, len(fc))
	}
	if Default().Face(KT) == f {
		t.Error("Use changed another Set")
	}
	s.Use(KT, nil)
	if s.Face(KT).Name != "kt-kai" {
		t.Errorf("Use(nil) left %s", s.Face(KT).Name)
	}
	var xbs []Candidate
	for _, c := range found[XBS] {
		if strings.HasPrefix(c.Path, home) {
			xbs = append(xbs, c)
		}
	}
	if len(xbs) != 1 || xbs[0].Name != "CESI小标宋-GB2312" {
		t.Errorf("小标宋 candidates = %+v", found[XBS])
	}
	if _, err := os.Stat(wqy); err == nil {
		st := found[ST]
		if len(st) == 0 || st[0].Index != 0 || !strings.HasSuffix(st[0].Path, "simsun.ttc") {
			t.Fatalf("宋体 candidates = %+v", st)
		}
		if _, err := st[0].Load(); err != nil {
			t.Errorf("load simsun.ttc face 0: %v", err)
		}
	}
}

func TestFacesOrder(t *testing.T) {
	var got []string
	for _, f := range Default().Faces() {
		got = append(got, f.Name)
	}
	if strings.Join(got, " ") != "fs-body ht-heading kt-kai xbs-title st-song" {
		t.Errorf("Faces = %v", got)
	}
}

func TestDefaultFacesRender(t *testing.T) {
	for _, f := range Default().Faces() {
		t.Run(f.Name, func(t *testing.T) { renderCheck(t, f, "政府信息公开工作年度报告（2024年）") })
	}
}

func BenchmarkResolve(b *testing.B) {
	s := Default()
	text := strings.Repeat("（一）主动公开情况。2024年，本机关主动公开政府信息123条，王堃、李〇负责。", 20)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		s.Resolve(KT, text)
	}
}

func BenchmarkLoadFileTTC(b *testing.B) {
	if _, err := os.Stat(wqy); err != nil {
		b.Skip("fonts-wqy-microhei not installed")
	}
	for b.Loop() {
		if _, err := LoadFile(wqy, 0); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseBody(b *testing.B) {
	for b.Loop() {
		if _, err := Parse("fs-body", assets.FontBody); err != nil {
			b.Fatal(err)
		}
	}
}
