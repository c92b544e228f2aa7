// Package atomicfile is the one writer of every file the app and the
// command line save: a file is replaced only once its new bytes are on disk.
package atomicfile

import (
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// rename is replaced in tests by a rename that fails, as on Windows
// when a viewer holds the target open.
var rename = os.Rename

// staleTempAge: a temporary file this old was left by a killed write, not
// by another write still running.
const staleTempAge = 10 * time.Minute

// Write replaces path only once the new bytes are safely on disk,
// so an interrupted write never leaves half a file. An existing file keeps
// its permissions; a symbolic link keeps pointing to the file it names,
// which gets the new bytes. Errors are one Chinese sentence naming the file.
func Write(path string, data []byte) error {
	if target, err := filepath.EvalSymlinks(path); err == nil {
		path = target
	} else if st, lerr := os.Lstat(path); lerr == nil && st.Mode()&os.ModeSymlink != 0 {
		return fmt.Errorf("“%s”是一个指向不存在文件的快捷链接，请写出真实的文件名：%w", path, err)
	}
	mode := os.FileMode(0o644)
	if st, err := os.Stat(path); err == nil {
		if st.IsDir() {
			return fmt.Errorf("“%s”是一个文件夹，不是文件：请写出要保存的文件名（文件夹后面加上文件名）", path)
		}
		if !st.Mode().IsRegular() {
			// /dev/null, a pipe: written in place; renaming over it would
			// replace the device with a file.
			return writeInPlace(path, data)
		}
		mode = st.Mode().Perm()
	}
	dir := filepath.Dir(path)
	removeStaleTemps(dir)
	tmp, err := os.CreateTemp(dir, ".nianbao-*.tmp")
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
	if err := rename(name, path); err != nil {
		// On Windows a PDF or JSON open in a viewer or WPS cannot be replaced.
		return fmt.Errorf("无法替换“%s”：文件可能正被其他程序（如PDF阅读器、WPS）打开，请关闭后重试：%w", path, err)
	}
	syncDir(dir)
	return nil
}

func writeInPlace(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return fmt.Errorf("无法写入“%s”：%w", path, err)
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("无法写入“%s”：%w", path, err)
	}
	return nil
}

// removeStaleTemps deletes what a write killed between its write and its
// rename left in dir.
func removeStaleTemps(dir string) {
	old, _ := filepath.Glob(filepath.Join(dir, ".nianbao-*.tmp"))
	for _, f := range old {
		if st, err := os.Lstat(f); err == nil && st.Mode().IsRegular() && time.Since(st.ModTime()) > staleTempAge {
			os.Remove(f)
		}
	}
}

// syncDir makes the rename itself durable (a power cut after it must not
// bring the old file back); folders cannot be synced on Windows.
func syncDir(dir string) {
	if f, err := os.Open(dir); err == nil {
		f.Sync()
		f.Close()
	}
}
