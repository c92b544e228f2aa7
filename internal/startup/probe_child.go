package startup

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
)

// probeArg makes the binary run only ProbeOpenGL and exit.
const probeArg = "--probe-opengl"

// RunProbeIfAsked serves the child side of StartProbe: when the process was
// started with --probe-opengl it probes and exits (0 = OpenGL works).
func RunProbeIfAsked() {
	if len(os.Args) != 2 || os.Args[1] != probeArg {
		return
	}
	if err := ProbeOpenGL(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Exit(0)
}

// StartProbe runs ProbeOpenGL in a child process while the caller builds its
// window, and returns a function that waits for the verdict. Probing in the
// process itself leaves Mesa's GLX state behind after glfw.Terminate, and the
// window Fyne opens afterwards stays black (seen under Xvfb with llvmpipe).
// A driver that crashes while probing also takes down only the child.
func StartProbe() (wait func() error) {
	exe, err := os.Executable()
	if err != nil {
		return func() error { return fmt.Errorf("find own executable: %w", err) }
	}
	var stderr bytes.Buffer
	cmd := exec.Command(exe, probeArg)
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		return func() error { return fmt.Errorf("start OpenGL probe: %w", err) }
	}
	return func() error {
		if err := cmd.Wait(); err != nil {
			msg := strings.TrimSpace(stderr.String())
			if msg == "" {
				msg = err.Error()
			}
			return errors.New(msg)
		}
		return nil
	}
}
