package main

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// buildBinary builds the real desktop binary once per test run.
func buildBinary(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("xvfb-run"); err != nil {
		t.Skip("xvfb-run is not installed (apt-get install xvfb xauth)")
	}
	bin := filepath.Join(t.TempDir(), "nianbao")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

func runXvfb(bin string, args ...string) (stdout, stderr string, code int) {
	cmd := exec.Command("xvfb-run", append([]string{"-a", "-s", "-screen 0 1280x800x24", bin}, args...)...)
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	code = 0
	if x, ok := err.(*exec.ExitError); ok {
		code = x.ExitCode()
	} else if err != nil {
		code = -1
	}
	return o.String(), e.String(), code
}

func TestScreenshotUnderXvfb(t *testing.T) {
	bin := buildBinary(t)
	dir := t.TempDir()
	shot := filepath.Join(dir, "shot.png")
	ws := filepath.Join(dir, "data", "workspace.db")
	stdout, stderr, code := runXvfb(bin, "--workspace", ws, "--screenshot", shot)
	if code != 0 {
		t.Fatalf("exit %d\n%s\n%s", code, stdout, stderr)
	}
	if !strings.Contains(stdout, "first-frame-unix-ns=") {
		t.Errorf("no first frame reported: %q", stdout)
	}
	if _, err := os.Stat(ws); err != nil {
		t.Errorf("first start did not create the workspace: %v", err)
	}
	f, err := os.Open(shot)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("screenshot is not a PNG: %v", err)
	}
	if b := img.Bounds(); b.Dx() < 800 || b.Dy() < 500 {
		t.Errorf("screenshot is %v", b)
	}
	if n := colours(img); n < 16 {
		t.Errorf("screenshot looks blank: %d colours", n)
	}
}

// colours counts the distinct colours of an image (up to 1000).
func colours(img image.Image) int {
	seen := map[[4]uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			r, g, bl, a := img.At(x, y).RGBA()
			seen[[4]uint32{r, g, bl, a}] = true
			if len(seen) >= 1000 {
				return len(seen)
			}
		}
	}
	return len(seen)
}
