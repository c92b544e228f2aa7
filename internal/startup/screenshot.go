package startup

import (
	"fmt"
	"image"
	"image/png"
	"log"
	"os"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/software"
)

// settle is how long the window may keep laying out after its first frame
// before it is captured.
const settle = 500 * time.Millisecond

// Screenshot captures the window to a PNG file once it has painted its first
// frame, runs done (to close what main opened) and exits the process. It prints the first frame's wall-clock time
// (first-frame-unix-ns=…) and the peak RSS so bench/startup.sh can measure
// start-up from outside. Without a frame within 30 s it exits with code 5.
//
// It exits instead of quitting the app: closing the window while a pointer
// event is queued makes Fyne 2.7.1 dereference the destroyed GLFW window.
func Screenshot(w fyne.Window, path string, done func()) {
	first := make(chan time.Time, 1)
	var once sync.Once
	// The GL painter calls a raster's generator while drawing a frame, so the
	// first call marks the first frame. It sits behind the content, invisible.
	probe := canvas.NewRaster(func(int, int) image.Image {
		once.Do(func() { first <- time.Now() })
		return image.NewNRGBA(image.Rect(0, 0, 1, 1))
	})
	w.SetContent(container.NewStack(probe, w.Content()))
	go func() {
		var at time.Time
		select {
		case at = <-first:
		case <-time.After(30 * time.Second):
			fmt.Fprintln(os.Stderr, "screenshot: no frame was painted within 30 s")
			os.Exit(5)
		}
		fmt.Printf("first-frame-unix-ns=%d\n", at.UnixNano())
		time.Sleep(settle)
		fmt.Printf("peak-rss-kb=%d\n", peakRSS()) // before the capture's own buffers
		fyne.Do(func() {
			img := grabNative(w)
			if img == nil {
				img = capture(w.Canvas())
			}
			if err := writePNG(path, img); err != nil {
				log.Printf("screenshot: %v", err)
				fmt.Fprintf(os.Stderr, "截图失败：%v\n", err)
				os.Exit(5)
			}
			done()
			os.Exit(0)
		})
	}()
}

// capture draws what the window shows with Fyne's software painter, where
// the X server cannot be asked (grabNative). The GL
// canvas' own Capture reads the front buffer, which is black under Xvfb with
// Mesa llvmpipe although the window is painted. The objects move to the
// offscreen canvas, so the window is useless afterwards; the caller exits.
func capture(c fyne.Canvas) image.Image {
	size, overlays := c.Size(), c.Overlays().List()
	off := software.NewCanvas()
	off.SetScale(c.Scale())
	content := c.Content()
	off.SetContent(content)
	off.Resize(size)
	for _, o := range overlays {
		off.Overlays().Add(o)
	}
	return off.Capture()
}

func writePNG(path string, img image.Image) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("create %s: %w", path, err)
	}
	if err := png.Encode(f, img); err != nil {
		f.Close()
		return fmt.Errorf("encode %s: %w", path, err)
	}
	return f.Close()
}

// peakRSS reads VmHWM (kB) on Linux; 0 elsewhere.
func peakRSS() int {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "VmHWM:") {
			var kb int
			fmt.Sscanf(strings.TrimSpace(strings.TrimPrefix(line, "VmHWM:")), "%d", &kb)
			return kb
		}
	}
	return 0
}
