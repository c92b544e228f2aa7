//go:build cgo && !ci

package startup

import (
	"fmt"

	"github.com/go-gl/glfw/v3.3/glfw"
)

// ProbeOpenGL opens and closes a hidden OpenGL 2.1 window, the same kind the
// desktop window needs. GLFW must be called on the main thread, so call it
// from main before the app starts. Fyne initialises GLFW again afterwards.
//
// GLFW reports a missing display only through its error log and then panics
// on the next call, so panics are turned into the error they stand for.
func ProbeOpenGL() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("OpenGL unavailable: %v", r)
		}
	}()
	if err := glfw.Init(); err != nil {
		return fmt.Errorf("initialise GLFW: %w", err)
	}
	defer glfw.Terminate()
	glfw.WindowHint(glfw.Visible, glfw.False)
	glfw.WindowHint(glfw.ContextVersionMajor, 2)
	glfw.WindowHint(glfw.ContextVersionMinor, 1)
	w, err := glfw.CreateWindow(1, 1, "nianbao", nil, nil)
	if err != nil {
		return fmt.Errorf("create an OpenGL 2.1 window: %w", err)
	}
	w.Destroy()
	return nil
}

const glBuild = true
