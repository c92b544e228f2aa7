package main

import (
	"fmt"
	"os"
	"path/filepath"
)

// writeFileAtomic replaces path only once the new bytes are safely on disk,
// so an interrupted write never leaves half a file. An existing file keeps
// its permissions. Errors are one Chinese sentence naming the file.
func writeFileAtomic(path string, data []byte) error {
	mode := os.FileMode(0o644)
	if st, err := os.Stat(path); err == nil {
		mode = st.Mode().Perm()
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".nianbao-*.tmp")
	if err != nil {
		return fmt.Errorf("无法在“%s”所在的文件夹中写入文件，请检查文件夹是否存在、是否有写入权限：%w", path, err)
	}
	name := tmp.Name()
	defer os.Remove(name) // no-op after a successful rename
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(name, mode)
	}
	if err != nil {
		return fmt.Errorf("无法写入“%s”，磁盘可能已满：%w", path, err)
	}
	if err := os.Rename(name, path); err != nil {
		// On Windows a PDF or JSON open in a viewer or WPS cannot be replaced.
		return fmt.Errorf("无法替换“%s”：文件可能正被其他程序（如PDF阅读器、WPS）打开，请关闭后重试：%w", path, err)
	}
	return nil
}
