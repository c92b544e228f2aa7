//go:build linux

package main

import (
	"bytes"
	"errors"
	"fmt"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"nianbao/storage"
)

// reportsIn lists «机关 年度» of the reports in a workspace no window holds.
func reportsIn(t *testing.T, ws string) []string {
	t.Helper()
	w, err := storage.Open(ws)
	for tries := 0; errors.Is(err, storage.ErrLocked) && tries < 50; tries++ {
		time.Sleep(100 * time.Millisecond) // the window is still exiting
		w, err = storage.Open(ws)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	infos, err := w.Reports()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, in := range infos {
		out = append(out, fmt.Sprintf("%s %d", in.Unit, in.Year))
	}
	return out
}

// shortDir is a temporary folder whose socket path fits in 107 bytes.
func shortDir(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "nb")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	return dir
}

func TestFileArgumentsWithTheRealBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and starts the desktop binary")
	}
	bin := buildBinary(t)
	seed, err := filepath.Abs(filepath.Join("..", "..", "testdata", "seeds", "xinjiang-2021.nianbao.json"))
	if err != nil {
		t.Fatal(err)
	}

	t.Run("screenshot of a file on a fresh workspace", func(t *testing.T) {
		dir := t.TempDir()
		ws := filepath.Join(dir, "data", "workspace.db")
		shot := filepath.Join(dir, "shot.png")
		stdout, stderr, code := runXvfb(bin, "--workspace", ws, "--screenshot", shot, seed)
		if code != 0 {
			t.Fatalf("exit %d\n%s\n%s", code, stdout, stderr)
		}
		if got := reportsIn(t, ws); len(got) != 1 || got[0] != "新绛县人民政府 2021" {
			t.Errorf("workspace after opening the file: %q", got)
		}
		data, err := os.ReadFile(shot)
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("screenshot is not a PNG: %v", err)
		}
		if n := colours(img); n < 16 {
			t.Errorf("screenshot looks blank: %d colours", n)
		}
	})

	t.Run("a second start hands its file to the running window", func(t *testing.T) {
		dir := shortDir(t)
		ws := filepath.Join(dir, "workspace.db")
		first := exec.Command("xvfb-run", "-a", "-s", "-screen 0 1280x800x24", bin, "--workspace", ws)
		first.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
		var firstOut bytes.Buffer
		first.Stdout, first.Stderr = &firstOut, &firstOut
		if err := first.Start(); err != nil {
			t.Fatal(err)
		}
		stopped := false
		stop := func() {
			if !stopped {
				stopped = true
				_ = syscall.Kill(-first.Process.Pid, syscall.SIGTERM)
				_ = first.Wait()
			}
		}
		defer stop()
		sock := ws + ".sock"
		for deadline := time.Now().Add(60 * time.Second); ; time.Sleep(100 * time.Millisecond) {
			if st, err := os.Stat(sock); err == nil && st.Mode()&os.ModeSocket != 0 {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("the first window opened no hand-over socket\n%s", firstOut.String())
			}
		}
		start := time.Now()
		second := exec.Command(bin, "--workspace", ws, seed)
		second.Env = append(os.Environ(), "DISPLAY=") // it must not need a display to hand over
		out, err := second.CombinedOutput()
		if err != nil {
			t.Fatalf("second start: %v\n%s", err, out)
		}
		if took := time.Since(start); took > 3*time.Second {
			t.Errorf("the hand-over took %v", took)
		}
		time.Sleep(time.Second) // the window imports on its own thread
		stop()
		if got := reportsIn(t, ws); len(got) != 1 || got[0] != "新绛县人民政府 2021" {
			t.Errorf("workspace after the hand-over: %q\n%s", got, firstOut.String())
		}
	})

	t.Run("nobody answering: the locked message, in Chinese on stderr", func(t *testing.T) {
		dir := shortDir(t)
		ws := filepath.Join(dir, "workspace.db")
		held, err := storage.Open(ws) // holds the lock and serves no socket
		if err != nil {
			t.Fatal(err)
		}
		defer held.Close()
		cmd := exec.Command(bin, "--workspace", ws, seed)
		cmd.Env = append(os.Environ(), "DISPLAY=", "WAYLAND_DISPLAY=")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		err = cmd.Run()
		x, ok := err.(*exec.ExitError)
		if !ok || x.ExitCode() != 4 {
			t.Fatalf("exit %v, want 4\n%s", err, stderr.String())
		}
		if !strings.Contains(stderr.String(), "正在被另一个窗口使用") {
			t.Errorf("stderr %q", stderr.String())
		}
	})
}
