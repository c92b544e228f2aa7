package ui

import (
	"errors"
	"fmt"
	"syscall"
	"unicode/utf16"
	"unsafe"
)

var (
	user32                           = syscall.NewLazyDLL("user32.dll")
	kernel32                         = syscall.NewLazyDLL("kernel32.dll")
	procOpenClipboard                = user32.NewProc("OpenClipboard")
	procCloseClipboard               = user32.NewProc("CloseClipboard")
	procEmptyClipboard               = user32.NewProc("EmptyClipboard")
	procSetClipboardData             = user32.NewProc("SetClipboardData")
	procRegisterClipboardFmt         = user32.NewProc("RegisterClipboardFormatW")
	procGlobalAlloc                  = kernel32.NewProc("GlobalAlloc")
	procGlobalLock                   = kernel32.NewProc("GlobalLock")
	procGlobalUnlock                 = kernel32.NewProc("GlobalUnlock")
	procGlobalFree                   = kernel32.NewProc("GlobalFree")
	procRtlMoveMemory                = kernel32.NewProc("RtlMoveMemory")
	errClipboard                     = errors.New("clipboard unavailable")
	cfUnicodeText            uintptr = 13
)

const gmemMoveable = 0x0002

// copyHTML puts the fragment on the clipboard as «HTML Format», which
// browsers hand to web editors as text/html, and its source as plain text.
func copyHTML(fragment string) error {
	name, _ := syscall.UTF16PtrFromString("HTML Format")
	format, _, _ := procRegisterClipboardFmt.Call(uintptr(unsafe.Pointer(name)))
	if format == 0 {
		return errClipboard
	}
	if r, _, _ := procOpenClipboard.Call(0); r == 0 {
		return errClipboard
	}
	defer procCloseClipboard.Call()
	procEmptyClipboard.Call()
	if err := setClipboard(format, append(cfHTML(fragment), 0)); err != nil {
		return err
	}
	u := utf16.Encode([]rune(fragment + "\x00"))
	return setClipboard(cfUnicodeText, unsafe.Slice((*byte)(unsafe.Pointer(&u[0])), len(u)*2))
}

// setClipboard hands a global memory block to the clipboard, which owns it
// afterwards; it is freed here only when the clipboard refused it.
func setClipboard(format uintptr, data []byte) error {
	h, _, _ := procGlobalAlloc.Call(gmemMoveable, uintptr(len(data)))
	if h == 0 {
		return fmt.Errorf("GlobalAlloc: %w", errClipboard)
	}
	p, _, _ := procGlobalLock.Call(h)
	if p == 0 {
		procGlobalFree.Call(h)
		return fmt.Errorf("GlobalLock: %w", errClipboard)
	}
	// the block is an address the Go heap does not own: copy with the API
	procRtlMoveMemory.Call(p, uintptr(unsafe.Pointer(&data[0])), uintptr(len(data)))
	procGlobalUnlock.Call(h)
	if r, _, _ := procSetClipboardData.Call(format, h); r == 0 {
		procGlobalFree.Call(h)
		return fmt.Errorf("SetClipboardData: %w", errClipboard)
	}
	return nil
}
