package ui

import (
	"os"

	"golang.org/x/sys/windows"
)

// places are 桌面, 文档 and 下载 as Windows knows them (they may have been
// moved, to OneDrive or another drive), the home folder and the drives.
func places() []place {
	var out []place
	for _, f := range []struct {
		name string
		id   *windows.KNOWNFOLDERID
	}{
		{"桌面", windows.FOLDERID_Desktop},
		{"文档", windows.FOLDERID_Documents},
		{"下载", windows.FOLDERID_Downloads},
	} {
		if p, err := windows.KnownFolderPath(f.id, windows.KF_FLAG_DEFAULT); err == nil && isDir(p) {
			out = append(out, place{f.name, p})
		}
	}
	if home, err := os.UserHomeDir(); err == nil {
		out = append(out, place{"主文件夹", home})
	}
	drives, _ := windows.GetLogicalDrives()
	for i := 0; i < 26; i++ {
		if drives&(1<<i) != 0 {
			d := string(rune('A'+i)) + `:\`
			out = append(out, place{d[:1] + "盘", d})
		}
	}
	return out
}
