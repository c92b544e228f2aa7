//go:build linux && cgo && !ci

package startup

/*
#cgo LDFLAGS: -lX11
#include <X11/Xlib.h>
#include <X11/Xutil.h>

// grab copies the window's pixels as the X server shows them into out
// (RGBA, w*h*4 bytes). It returns 0 on success.
static int grab(unsigned long win, int w, int h, unsigned char *out) {
	Display *d = XOpenDisplay(NULL);
	if (!d) return 1;
	// XGetImage fails with BadMatch, and Xlib's default handler exits the
	// process, when any part of the window is off screen or unmapped.
	XWindowAttributes wa, ra;
	Window child;
	int rx, ry;
	if (!XGetWindowAttributes(d, (Window)win, &wa) || wa.map_state != IsViewable ||
	    !XGetWindowAttributes(d, wa.root, &ra) ||
	    !XTranslateCoordinates(d, (Window)win, wa.root, 0, 0, &rx, &ry, &child) ||
	    w > wa.width || h > wa.height || rx < 0 || ry < 0 || rx + w > ra.width || ry + h > ra.height) {
		XCloseDisplay(d);
		return 3;
	}
	XImage *img = XGetImage(d, (Window)win, 0, 0, w, h, AllPlanes, ZPixmap);
	if (!img) { XCloseDisplay(d); return 2; }
	int rs = __builtin_ctzl(img->red_mask), gs = __builtin_ctzl(img->green_mask), bs = __builtin_ctzl(img->blue_mask);
	for (int y = 0; y < h; y++) {
		for (int x = 0; x < w; x++) {
			unsigned long p = XGetPixel(img, x, y);
			unsigned char *o = out + 4 * (y * w + x);
			o[0] = (p & img->red_mask) >> rs;
			o[1] = (p & img->green_mask) >> gs;
			o[2] = (p & img->blue_mask) >> bs;
			o[3] = 255;
		}
	}
	XDestroyImage(img);
	XCloseDisplay(d);
	return 0;
}
*/
import "C"

import (
	"image"
	"unsafe"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
)

// grabNative reads the window from the X server, exactly as painted by
// OpenGL; nil when the window is not an X11 window or the grab fails.
func grabNative(w fyne.Window) image.Image {
	nw, ok := w.(driver.NativeWindow)
	if !ok {
		return nil
	}
	var handle uintptr
	nw.RunNative(func(ctx any) {
		if x, ok := ctx.(driver.X11WindowContext); ok {
			handle = x.WindowHandle
		}
	})
	if handle == 0 {
		return nil
	}
	c := w.Canvas()
	wd, ht := c.PixelCoordinateForPosition(fyne.NewPos(c.Size().Width, c.Size().Height))
	if wd <= 0 || ht <= 0 {
		return nil
	}
	img := image.NewRGBA(image.Rect(0, 0, wd, ht))
	if C.grab(C.ulong(handle), C.int(wd), C.int(ht), (*C.uchar)(unsafe.Pointer(&img.Pix[0]))) != 0 {
		return nil
	}
	return img
}
