package startup

import (
	"strings"
	"unsafe"

	"golang.org/x/sys/windows"
)

// Message box styles (winuser.h).
const (
	mbOK            = 0x00000000
	mbIconError     = 0x00000010
	mbTopmost       = 0x00040000
	mbSetForeground = 0x00010000
)

// msgBoxStyle keeps the box in front: the app has no window of its own yet,
// and during the OpenGL probe the clerk may have clicked another window, so
// an ownerless box would otherwise open behind it, seen only as a taskbar
// button while the app seems not to start.
const msgBoxStyle = mbOK | mbIconError | mbTopmost | mbSetForeground

var procMessageBoxW = windows.NewLazySystemDLL("user32.dll").NewProc("MessageBoxW")

// showMessageBox uses user32's MessageBoxW, which needs no OpenGL. It blocks
// until the clerk closes the box.
func showMessageBox(title, msg string) {
	t, m, err := utf16Args(title, msg)
	if err != nil || procMessageBoxW.Find() != nil {
		return
	}
	_, _, _ = procMessageBoxW.Call(0, uintptr(unsafe.Pointer(m)), uintptr(unsafe.Pointer(t)), msgBoxStyle)
}

// utf16Args drops NULs (say, from an OS error text), which would otherwise
// make the conversion fail and the box never show.
func utf16Args(title, msg string) (*uint16, *uint16, error) {
	t, err := windows.UTF16PtrFromString(strings.ReplaceAll(title, "\x00", ""))
	if err != nil {
		return nil, nil, err
	}
	m, err := windows.UTF16PtrFromString(strings.ReplaceAll(msg, "\x00", ""))
	return t, m, err
}
