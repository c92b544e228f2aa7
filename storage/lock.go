package storage

import (
	"errors"
	"fmt"
	"os"
)

var errLockHeld = errors.New("lock held by another process")

// acquireLock opens and locks «path.lock». The returned file must stay open
// for as long as the workspace is in use.
func acquireLock(path string) (*os.File, error) {
	f, err := os.OpenFile(path+".lock", os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, newError(ErrReadOnly, fmt.Errorf("open lock file: %w", err),
			"无法打开工作区“%s”：所在位置不可写（只读或无权限），请换一个文件夹或检查权限。", path)
	}
	if err := lockFile(f); err != nil {
		f.Close()
		if errors.Is(err, errLockHeld) {
			return nil, newError(ErrLocked, err, "工作区“%s”正在被另一个窗口使用，请先关闭另一个年报助手窗口。", path)
		}
		return nil, newError(nil, fmt.Errorf("lock workspace: %w", err), "无法锁定工作区“%s”：%v", path, err)
	}
	return f, nil
}

func releaseLock(f *os.File) error {
	if f == nil {
		return nil
	}
	uerr := unlockFile(f)
	cerr := f.Close()
	return errors.Join(uerr, cerr)
}
