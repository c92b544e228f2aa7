//go:build !(linux && cgo && !ci)

package startup

import (
	"image"

	"fyne.io/fyne/v2"
)

// grabNative is only implemented for X11; elsewhere the software painter draws the screenshot.
func grabNative(fyne.Window) image.Image { return nil }
