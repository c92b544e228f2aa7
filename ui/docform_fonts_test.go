package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/assets"
	"nianbao/pdfout/fonts"
)

// By default an installed 仿宋 (here a copy of a bundled font named
// simfang.ttf) prints the body; «只用内置字体» switches to the bundled set.
func TestFontChoicesOfficeAndBuiltin(t *testing.T) {
	dir := t.TempDir()
	t.Setenv(fonts.FontDirsEnv, dir)
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	simfang := filepath.Join(dir, "simfang.ttf")
	if err := os.WriteFile(simfang, assets.FontSong, 0o644); err != nil {
		t.Fatal(err)
	}
	m := newWindow(t, filepath.Join(t.TempDir(), "workspace.db"))
	set, choices := m.fontChoices()
	if choices[0].Path != simfang || set.Face(fonts.FS) == fonts.Default().Face(fonts.FS) {
		t.Errorf("仿宋 not from simfang.ttf: %+v", choices[0])
	}
	if !strings.HasPrefix(choices[1].String(), "黑体：内置 ") {
		t.Errorf("黑体 line %q", choices[1].String())
	}
	if err := m.Workspace().SetSetting(settingBuiltinFonts, "1"); err != nil {
		t.Fatal(err)
	}
	set, choices = m.fontChoices()
	if !choices[0].Builtin() || set.Face(fonts.FS) != fonts.Default().Face(fonts.FS) {
		t.Errorf("只用内置字体 still uses %+v", choices[0])
	}
}
