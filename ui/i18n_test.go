package ui

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"
)

// fyneTranslations reads the translation files of the Fyne module in use.
func fyneTranslations(t *testing.T) map[string]map[string]any {
	t.Helper()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "fyne.io/fyne/v2").Output()
	if err != nil {
		t.Skipf("go list fyne: %v", err)
	}
	files, err := filepath.Glob(filepath.Join(strings.TrimSpace(string(out)), "lang", "translations", "base.*.json"))
	if err != nil || len(files) < 10 {
		t.Fatalf("Fyne translations: %v %v", files, err)
	}
	all := map[string]map[string]any{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var msgs map[string]any
		if err := json.Unmarshal(data, &msgs); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		all[strings.TrimSuffix(strings.TrimPrefix(filepath.Base(f), "base."), ".json")] = msgs
	}
	return all
}

func TestFyneTextsAreChineseWhateverTheLocale(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the system locale comes from the environment on Unix only")
	}
	var ours map[string]any
	if err := json.Unmarshal(zhMessages, &ours); err != nil {
		t.Fatal(err)
	}
	fyneLangs := fyneTranslations(t)
	locales := []string{"C.UTF-8", "C", "POSIX", "ja_JP.UTF-8", "en_US.UTF-8"}
	for code, msgs := range fyneLangs {
		locales = append(locales, code+".UTF-8")
		for key := range msgs {
			if _, ok := ours[key]; !ok {
				t.Errorf("Fyne's %s has %q, which has no Chinese text in i18n_zh.json", code, key)
			}
		}
	}
	for _, loc := range locales {
		t.Setenv("LC_ALL", "")
		t.Setenv("LC_MESSAGES", "")
		t.Setenv("LANG", loc)
		t.Setenv("LANGUAGE", strings.TrimSuffix(loc, ".UTF-8"))
		useChinese()
		for key, want := range map[string]string{"Cancel": "取消", "OK": "确定", "Yes": "是", "No": "否", "Save": "保存", "Paste": "粘贴", "monday": "星期一"} {
			if got := lang.L(key); got != want {
				t.Errorf("locale %s: %q is %q, want %q", loc, key, got, want)
			}
		}
		if got := lang.X("file.parent", "Parent"); got != "上一级" {
			t.Errorf("locale %s: file.parent is %q", loc, got)
		}
	}
}
