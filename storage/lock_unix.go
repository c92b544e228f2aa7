//go:build unix

package storage

import (
	"errors"
	"os"
	"syscall"
)

// lockFile takes a non-blocking exclusive flock; errLockHeld when another
// open file (in this or another process) holds it.
func lockFile(f *os.File) error {
	err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
	if errors.Is(err, syscall.EWOULDBLOCK) {
		return errLockHeld
	}
	return err
}

func unlockFile(f *os.File) error {
	return syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
}
