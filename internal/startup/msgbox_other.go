//go:build !windows

package startup

import (
	"os"
	"os/exec"
	"time"
)

// showMessageBox tries the desktop's dialog tools; without a display or
// without them the message stays on stderr and in the log. xmessage is not
// among them: its core X fonts turn Chinese into boxes or mojibake.
func showMessageBox(title, msg string) {
	if os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "" {
		return
	}
	for _, argv := range [][]string{
		// --no-markup: a path with & or < is not Pango markup
		{"zenity", "--error", "--no-wrap", "--no-markup", "--title", title, "--text", msg},
		{"kdialog", "--title", title, "--error", msg},
	} {
		if _, err := exec.LookPath(argv[0]); err != nil {
			continue
		}
		cmd := exec.Command(argv[0], argv[1:]...)
		if err := cmd.Start(); err != nil {
			continue
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case err := <-done:
			if err == nil {
				return
			}
		case <-time.After(10 * time.Minute): // the clerk walked away; exit anyway
			_ = cmd.Process.Kill()
			return
		}
	}
}
