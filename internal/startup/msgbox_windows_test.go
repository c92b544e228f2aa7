package startup

import (
	"strings"
	"testing"
	"time"
	"unsafe"

	"golang.org/x/sys/windows"
)

// underWine reports whether ntdll is Wine's, which exports wine_get_version.
func underWine() bool {
	return windows.NewLazySystemDLL("ntdll.dll").NewProc("wine_get_version").Find() == nil
}

var (
	user32            = windows.NewLazySystemDLL("user32.dll")
	procFindWindowW   = user32.NewProc("FindWindowW")
	procGetDlgItemTxt = user32.NewProc("GetDlgItemTextW")
	procGetWindowLong = user32.NewProc("GetWindowLongPtrW")
	procPostMessageW  = user32.NewProc("PostMessageW")
)

func TestMessageBoxArgsDropNUL(t *testing.T) {
	tp, mp, err := utf16Args("标题\x00", "显卡\x00驱动 𠀀")
	if err != nil {
		t.Fatalf("a NUL must not stop the box: %v", err)
	}
	if got := windows.UTF16PtrToString(tp); got != "标题" {
		t.Errorf("title %q", got)
	}
	if got := windows.UTF16PtrToString(mp); got != "显卡驱动 𠀀" {
		t.Errorf("message %q", got)
	}
}

// The fatal-error box must really open, in front, with the whole Chinese
// text, and return once it is closed.
func TestMessageBoxShowsTextInFront(t *testing.T) {
	title := "年报助手测试 " + time.Now().Format("150405.000")
	msg := "第一行：显卡驱动不支持 OpenGL 2.1。\n第二行：nianbao-cli 仍可使用；𠀀"
	returned := make(chan struct{})
	go func() { showMessageBox(title, msg); close(returned) }()

	tp, _ := windows.UTF16PtrFromString(title)
	class, _ := windows.UTF16PtrFromString("#32770") // the dialog class
	var hwnd uintptr
	for deadline := time.Now().Add(10 * time.Second); hwnd == 0; time.Sleep(50 * time.Millisecond) {
		select {
		case <-returned:
			t.Skip("MessageBoxW returned at once: no interactive desktop in this session")
		default:
		}
		if time.Now().After(deadline) {
			t.Fatal("no message box appeared within 10 s")
		}
		hwnd, _, _ = procFindWindowW.Call(uintptr(unsafe.Pointer(class)), uintptr(unsafe.Pointer(tp)))
	}

	buf := make([]uint16, 1024)
	const staticText = 0xFFFF // MessageBox's text control
	n, _, _ := procGetDlgItemTxt.Call(hwnd, staticText, uintptr(unsafe.Pointer(&buf[0])), uintptr(len(buf)))
	got := windows.UTF16ToString(buf[:n])
	if strings.ReplaceAll(got, "\r\n", "\n") != msg {
		t.Errorf("box text %q, want %q", got, msg)
	}
	time.Sleep(500 * time.Millisecond)                // the dialog finishes WM_INITDIALOG
	const gwlExStyle, wsExTopmost = ^uintptr(19), 0x8 // GWL_EXSTYLE is -20
	ex, _, _ := procGetWindowLong.Call(hwnd, gwlExStyle)
	if ex&wsExTopmost == 0 && !underWine() { // Wine 8 ignores MB_TOPMOST
		t.Errorf("box is not topmost (exstyle %#x); it can open behind other windows", ex)
	}

	const wmCommand, idOK = 0x0111, 1
	procPostMessageW.Call(hwnd, wmCommand, idOK, 0)
	select {
	case <-returned:
	case <-time.After(10 * time.Second):
		t.Fatal("showMessageBox did not return after OK")
	}
}
