package fonts

import (
	"os"
	"path/filepath"
	"sort"
	"testing"

	"nianbao/assets"
)

// Windows keeps fonts in %WINDIR%\Fonts and, for fonts a clerk without
// administrator rights installs ("为我安装"), in
// %LOCALAPPDATA%\Microsoft\Windows\Fonts. Both must be found, whatever the
// case of the file name.
func TestDiscoverWindowsFontFolders(t *testing.T) {
	root, err := os.MkdirTemp("", "nianbao-fonts-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { removeTree(root) })
	win := filepath.Join(root, "Windows")
	local := filepath.Join(root, "用户", "AppData", "Local")
	t.Setenv("WINDIR", win)
	t.Setenv("LOCALAPPDATA", local)
	sys := filepath.Join(win, "Fonts")
	user := filepath.Join(local, "Microsoft", "Windows", "Fonts")
	for _, d := range []string{sys, user} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write := func(p string, data []byte) {
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(sys, "SIMFANG.TTF"), assets.FontBody)
	write(filepath.Join(sys, "simhei.ttf"), assets.FontBody)
	write(filepath.Join(user, "FZXBSJW.TTF"), assets.FontTitle)

	found := Discover()
	if fs := found[FS]; len(fs) != 1 || fs[0].Name != "仿宋" || fs[0].Path != filepath.Join(sys, "SIMFANG.TTF") {
		t.Errorf("仿宋 candidates = %+v", fs)
	}
	if ht := found[HT]; len(ht) != 1 || ht[0].Name != "黑体" {
		t.Errorf("黑体 candidates = %+v", ht)
	}
	xbs := found[XBS]
	if len(xbs) != 1 || xbs[0].Name != "方正小标宋简体" || xbs[0].Path != filepath.Join(user, "FZXBSJW.TTF") {
		t.Fatalf("per-user 小标宋 not found: %+v", xbs)
	}
	if _, err := xbs[0].Load(); err != nil {
		t.Errorf("load per-user font: %v", err)
	}
}

// removeTree removes with os.Remove, which also works under Wine, where
// os.RemoveAll fails ("unlinkat …: Invalid function").
func removeTree(dir string) {
	var paths []string
	filepath.WalkDir(dir, func(p string, _ os.DirEntry, err error) error {
		if err == nil {
			paths = append(paths, p)
		}
		return nil
	})
	sort.Sort(sort.Reverse(sort.StringSlice(paths)))
	for _, p := range paths {
		os.Remove(p)
	}
}
