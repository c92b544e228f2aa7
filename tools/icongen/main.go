// Command icongen draws the application icon: a report page with a red
// 版头 and a table, and a green check mark, on a red rounded square.
// Run: go run ./tools/icongen -o assets/icon.png
package main

import (
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
)

type rgba struct{ r, g, b, a float64 }

var (
	clear     = rgba{}
	redTop    = rgba{0.82, 0.10, 0.16, 1}
	redBottom = rgba{0.62, 0.05, 0.11, 1}
	paper     = rgba{1, 1, 1, 1}
	shadow    = rgba{0.25, 0, 0.02, 0.35}
	ink       = rgba{0.80, 0.07, 0.12, 1}
	grid      = rgba{0.55, 0.58, 0.62, 1}
	green     = rgba{0.13, 0.60, 0.33, 1}
)

// over composites c on top of base.
func over(base, c rgba) rgba {
	a := c.a + base.a*(1-c.a)
	if a == 0 {
		return clear
	}
	mix := func(x, y float64) float64 { return (x*c.a + y*base.a*(1-c.a)) / a }
	return rgba{mix(c.r, base.r), mix(c.g, base.g), mix(c.b, base.b), a}
}

// inRoundRect reports whether (x, y) lies in the rectangle with rounded corners.
func inRoundRect(x, y, x0, y0, x1, y1, rad float64) bool {
	if x < x0 || x > x1 || y < y0 || y > y1 {
		return false
	}
	cx := math.Max(x0+rad, math.Min(x, x1-rad))
	cy := math.Max(y0+rad, math.Min(y, y1-rad))
	return (x-cx)*(x-cx)+(y-cy)*(y-cy) <= rad*rad
}

// nearSegment reports whether (x, y) is within w/2 of the segment a–b.
func nearSegment(x, y, ax, ay, bx, by, w float64) bool {
	dx, dy := bx-ax, by-ay
	t := math.Max(0, math.Min(1, ((x-ax)*dx+(y-ay)*dy)/(dx*dx+dy*dy)))
	px, py := ax+t*dx, ay+t*dy
	return (x-px)*(x-px)+(y-py)*(y-py) <= w*w/4
}

// sample is the icon at one point of a 512×512 canvas.
func sample(x, y float64) rgba {
	c := clear
	if inRoundRect(x, y, 16, 16, 496, 496, 100) {
		t := (y - 16) / 480
		c = rgba{redTop.r + (redBottom.r-redTop.r)*t, redTop.g + (redBottom.g-redTop.g)*t, redTop.b + (redBottom.b-redTop.b)*t, 1}
	}
	if inRoundRect(x, y, 122, 92, 402, 448, 18) {
		c = over(c, shadow)
	}
	if inRoundRect(x, y, 112, 78, 392, 434, 18) {
		c = over(c, paper)
		switch {
		case inRoundRect(x, y, 172, 114, 332, 140, 6): // 发文机关标志
			c = over(c, ink)
		case y >= 160 && y <= 168 && x >= 140 && x <= 364: // red rule
			c = over(c, ink)
		case x >= 140 && x <= 364 && y >= 196 && y <= 380: // table
			onRow := math.Mod(y-196, 46) < 4 || y >= 376
			onCol := x <= 144 || x >= 360 || math.Abs(x-214) < 2 || math.Abs(x-288) < 2
			if onRow || onCol {
				c = over(c, grid)
			}
		}
	}
	const cx, cy, r = 372.0, 384.0, 82.0
	if d := math.Hypot(x-cx, y-cy); d <= r+10 {
		if d <= r+10 && d > r {
			c = over(c, paper)
		} else {
			c = over(c, green)
			if nearSegment(x, y, 330, 386, 360, 416, 22) || nearSegment(x, y, 360, 416, 414, 354, 22) {
				c = over(c, paper)
			}
		}
	}
	return c
}

func draw(size int) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	const ss = 4 // supersampling per axis, for smooth edges
	scale := 512 / float64(size)
	for py := 0; py < size; py++ {
		for px := 0; px < size; px++ {
			var acc rgba
			for sy := 0; sy < ss; sy++ {
				for sx := 0; sx < ss; sx++ {
					s := sample((float64(px)+(float64(sx)+0.5)/ss)*scale, (float64(py)+(float64(sy)+0.5)/ss)*scale)
					acc.r += s.r * s.a
					acc.g += s.g * s.a
					acc.b += s.b * s.a
					acc.a += s.a
				}
			}
			n := float64(ss * ss)
			a := acc.a / n
			if a == 0 {
				continue
			}
			to8 := func(v float64) uint8 { return uint8(math.Round(math.Max(0, math.Min(1, v)) * 255)) }
			img.SetNRGBA(px, py, color.NRGBA{to8(acc.r / acc.a), to8(acc.g / acc.a), to8(acc.b / acc.a), to8(a)})
		}
	}
	return img
}

func main() {
	out := flag.String("o", "icon.png", "output PNG")
	size := flag.Int("size", 512, "edge length in pixels")
	flag.Parse()
	f, err := os.Create(*out)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := png.Encode(f, draw(*size)); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := f.Close(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
