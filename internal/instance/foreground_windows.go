package instance

import "golang.org/x/sys/windows"

var allowSetForegroundWindow = windows.NewLazySystemDLL("user32.dll").NewProc("AllowSetForegroundWindow")

// allowForeground lets the window that takes the hand-over come to the
// front: Windows lets only the process the clerk just started do that, and
// passes the right on when that process allows it (ASFW_ANY).
func allowForeground() {
	if allowSetForegroundWindow.Find() == nil {
		_, _, _ = allowSetForegroundWindow.Call(uintptr(0xFFFFFFFF))
	}
}
