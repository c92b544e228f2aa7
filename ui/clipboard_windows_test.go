package ui

import (
	"bytes"
	"syscall"
	"testing"
	"unsafe"
)

var (
	procGetClipboardData = user32.NewProc("GetClipboardData")
	procGlobalSize       = kernel32.NewProc("GlobalSize")
)

// TestCopyHTMLReadsBack puts a fragment on the real clipboard and reads
// the «HTML Format» data back.
func TestCopyHTMLReadsBack(t *testing.T) {
	frag := `<p style="text-indent:2em;">新绛县 2021</p>`
	if err := copyHTML(frag); err != nil {
		t.Fatalf("copyHTML: %v", err)
	}
	name, _ := syscall.UTF16PtrFromString("HTML Format")
	format, _, _ := procRegisterClipboardFmt.Call(uintptr(unsafe.Pointer(name)))
	if r, _, _ := procOpenClipboard.Call(0); r == 0 {
		t.Fatal("OpenClipboard failed")
	}
	defer procCloseClipboard.Call()
	h, _, _ := procGetClipboardData.Call(format)
	if h == 0 {
		t.Fatal("no HTML Format on the clipboard")
	}
	size, _, _ := procGlobalSize.Call(h)
	p, _, _ := procGlobalLock.Call(h)
	defer procGlobalUnlock.Call(h)
	got := make([]byte, size)
	procRtlMoveMemory.Call(uintptr(unsafe.Pointer(&got[0])), p, size)
	got = bytes.TrimRight(got, "\x00")
	if want := cfHTML(frag); !bytes.Equal(got, want) {
		t.Errorf("clipboard holds %q, want %q", got, want)
	}
}
