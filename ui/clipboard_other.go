//go:build !windows

package ui

import (
	"errors"
	"os"
	"os/exec"
	"strings"
)

// copyHTML puts the fragment on the clipboard as text/html with the tool
// the desktop has (wl-copy under Wayland, xclip under X11).
func copyHTML(fragment string) error {
	var cmd *exec.Cmd
	if p, err := exec.LookPath("wl-copy"); err == nil && os.Getenv("WAYLAND_DISPLAY") != "" {
		cmd = exec.Command(p, "--type", "text/html")
	} else if p, err := exec.LookPath("xclip"); err == nil && os.Getenv("DISPLAY") != "" {
		cmd = exec.Command(p, "-selection", "clipboard", "-t", "text/html")
	} else {
		return errors.New("no clipboard tool for HTML")
	}
	cmd.Stdin = strings.NewReader(fragment)
	return cmd.Run()
}
