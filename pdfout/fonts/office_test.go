package fonts

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"nianbao/assets"
)

// officeEnv points discovery at a fresh font folder and cache folder.
func officeEnv(t *testing.T) (fontsDir, cache string) {
	t.Helper()
	fontsDir, cacheHome := t.TempDir(), t.TempDir()
	t.Setenv(FontDirsEnv, fontsDir)
	t.Setenv("XDG_CACHE_HOME", cacheHome)
	t.Setenv("LOCALAPPDATA", cacheHome) // os.UserCacheDir on Windows
	return fontsDir, filepath.Join(cacheHome, "nianbao", "fonts.json")
}

func TestOfficeUsesInstalledFonts(t *testing.T) {
	dir, cache := officeEnv(t)
	// a copy of a bundled font under Windows' file name for 仿宋
	simfang := filepath.Join(dir, "simfang.ttf")
	if err := os.WriteFile(simfang, assets.FontSong, 0o644); err != nil {
		t.Fatal(err)
	}
	// a damaged 黑体 is passed over: the bundled one serves
	if err := os.WriteFile(filepath.Join(dir, "simhei.ttf"), []byte("不是字体"), 0o644); err != nil {
		t.Fatal(err)
	}
	set, choices := Office()
	if len(choices) != 5 {
		t.Fatalf("choices = %v", choices)
	}
	fs := choices[0]
	if fs.Role != FS || fs.Name != "仿宋" || fs.Path != simfang || fs.Builtin() {
		t.Errorf("仿宋 choice = %+v", fs)
	}
	if got := fs.String(); got != "仿宋：仿宋（"+simfang+"）" {
		t.Errorf("String = %q", got)
	}
	if set.Face(FS) == Default().Face(FS) || !set.Face(FS).Has('宋') {
		t.Error("the set does not draw the body with simfang.ttf")
	}
	if set.Fallback() != Default().Face(FS) {
		t.Error("the fallback must stay the wide bundled body font")
	}
	for _, c := range choices[1:] {
		if !c.Builtin() {
			t.Errorf("%s served by %s, want the bundled font", c.Role.Label(), c.Path)
		}
	}
	if choices[1].String() != "黑体：内置 思源黑体 Medium（Noto Sans CJK SC Medium）" {
		t.Errorf("黑体 line = %q", choices[1].String())
	}

	// the verdicts are cached, the damaged file's with its reason
	b, err := os.ReadFile(cache)
	if err != nil {
		t.Fatalf("no cache file: %v", err)
	}
	var m map[string]string
	if err := json.Unmarshal(b, &m); err != nil || len(m) != 2 {
		t.Fatalf("cache %s: %v", b, err)
	}
	for k, why := range m {
		switch {
		case strings.HasPrefix(k, simfang+"#0|"):
			if why != "" {
				t.Errorf("simfang verdict %q", why)
			}
		case strings.Contains(k, "simhei.ttf#0|12|"):
			if !strings.Contains(why, "不是可识别的字体文件") {
				t.Errorf("simhei verdict %q", why)
			}
		default:
			t.Errorf("unexpected cache key %q", k)
		}
	}

	// a cached rejection is not read again; a changed file is
	hei := filepath.Join(dir, "simhei.ttf")
	if err := os.WriteFile(hei, assets.FontHeading, 0o644); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(hei, later, later); err != nil {
		t.Fatal(err)
	}
	_, choices = Office()
	if choices[1].Path != hei {
		t.Errorf("replaced simhei.ttf not used: %+v", choices[1])
	}
	b, _ = os.ReadFile(cache)
	if strings.Contains(string(b), "|12|") {
		t.Errorf("stale verdict kept:\n%s", b)
	}
}

func TestOfficeWithoutFonts(t *testing.T) {
	officeEnv(t)
	set, choices := Office()
	for _, c := range choices {
		if !c.Builtin() || set.Face(c.Role) != Default().Face(c.Role) {
			t.Errorf("%s: %+v", c.Role.Label(), c)
		}
	}
	_, b := Builtin()
	if len(b) != 5 || b[2].String() != "楷体：内置 霞鹜文楷（LXGW WenKai）" {
		t.Errorf("Builtin = %v", b)
	}
}
