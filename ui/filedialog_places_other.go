//go:build !windows

package ui

import (
	"io"
	"os"
	"path/filepath"
	"strings"
)

// places are 桌面, 文档 and 下载 where they exist, the home folder and the
// root. Chinese desktops name the folders in Chinese (~/桌面); the XDG
// user-dirs file says which.
func places() []place {
	home, err := os.UserHomeDir()
	if err != nil {
		return []place{{"计算机", "/"}}
	}
	named := xdgUserDirs(home)
	var out []place
	for _, f := range []struct{ name, key, en string }{
		{"桌面", "XDG_DESKTOP_DIR", "Desktop"},
		{"文档", "XDG_DOCUMENTS_DIR", "Documents"},
		{"下载", "XDG_DOWNLOAD_DIR", "Downloads"},
	} {
		for _, p := range []string{named[f.key], filepath.Join(home, f.name), filepath.Join(home, f.en)} {
			// XDG points a folder the user never had at the home folder itself.
			if p != "" && p != home && isDir(p) {
				out = append(out, place{f.name, p})
				break
			}
		}
	}
	return append(out, place{"主文件夹", home}, place{"计算机", "/"})
}

// xdgUserDirs reads lines like XDG_DESKTOP_DIR="$HOME/桌面".
func xdgUserDirs(home string) map[string]string {
	cfg := os.Getenv("XDG_CONFIG_HOME")
	if cfg == "" {
		cfg = filepath.Join(home, ".config")
	}
	f, err := os.Open(filepath.Join(cfg, "user-dirs.dirs"))
	if err != nil {
		return nil
	}
	defer f.Close()
	data, _ := io.ReadAll(io.LimitReader(f, 64<<10))
	dirs := map[string]string{}
	for _, line := range strings.Split(string(data), "\n") {
		key, val, ok := strings.Cut(strings.TrimSpace(line), "=")
		if !ok || strings.HasPrefix(key, "#") {
			continue
		}
		val = strings.Trim(val, `"`)
		if rest, ok := strings.CutPrefix(val, "$HOME"); ok {
			val = home + rest
		}
		if filepath.IsAbs(val) {
			dirs[key] = filepath.Clean(val)
		}
	}
	return dirs
}
