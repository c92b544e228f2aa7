package startup

import (
	"bytes"
	"errors"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// GLFW wants the main thread; the child modes below run on it.
func init() { runtime.LockOSThread() }

func TestMain(m *testing.M) {
	switch os.Getenv("STARTUP_TEST_CHILD") {
	case "probe":
		if err := ProbeOpenGL(); err != nil {
			os.Stderr.WriteString("probe failed: " + err.Error() + "\n")
			os.Exit(3)
		}
		os.Exit(0)
	case "fatal":
		logPath, _, err := OpenLog(os.Getenv("STARTUP_TEST_DIR"))
		if err != nil {
			os.Exit(9)
		}
		Fatal("年报助手无法启动", NoOpenGLMessage(logPath), 3)
	}
	os.Exit(m.Run())
}

func child(t *testing.T, mode string, env ...string) (string, int) {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, "-test.run=^$")
	cmd.Env = append(os.Environ(), append(env, "STARTUP_TEST_CHILD="+mode)...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err = cmd.Run()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return out.String(), ee.ExitCode()
	}
	if err != nil {
		t.Fatal(err)
	}
	return out.String(), 0
}

func TestProbeFailsWithoutDisplay(t *testing.T) {
	if !glBuild {
		t.Skip("built without the OpenGL driver")
	}
	out, code := child(t, "probe", "DISPLAY=:31999", "WAYLAND_DISPLAY=")
	if code != 3 || !strings.Contains(out, "probe failed") {
		t.Fatalf("exit %d, output %q; want a probe error", code, out)
	}
}

func TestProbeSucceedsUnderXvfb(t *testing.T) {
	if !glBuild {
		t.Skip("built without the OpenGL driver")
	}
	xvfb, err := exec.LookPath("xvfb-run")
	if err != nil {
		t.Skip("xvfb-run not installed")
	}
	exe, _ := os.Executable()
	cmd := exec.Command(xvfb, "-a", "-s", "-screen 0 1024x768x24", exe, "-test.run=^$")
	cmd.Env = append(os.Environ(), "STARTUP_TEST_CHILD=probe")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("probe under Xvfb: %v\n%s", err, out)
	}
}

func TestFatalWritesMessageAndLog(t *testing.T) {
	dir := t.TempDir()
	out, code := child(t, "fatal", "STARTUP_TEST_DIR="+dir, "DISPLAY=", "WAYLAND_DISPLAY=")
	if code != 3 {
		t.Fatalf("exit %d, want 3; output %s", code, out)
	}
	for _, want := range []string{"OpenGL 2.1", "显卡驱动", "nianbao-cli", filepath.Join(dir, LogName)} {
		if !strings.Contains(out, want) {
			t.Errorf("stderr lacks %q:\n%s", want, out)
		}
	}
	logged, err := os.ReadFile(filepath.Join(dir, LogName))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(logged), "fatal: 年报助手无法启动") || strings.Contains(string(logged), "goroutine ") {
		t.Errorf("log should hold the message and no panic trace:\n%s", logged)
	}
}

func TestOpenLogRotates(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, LogName)
	if err := os.WriteFile(path, bytes.Repeat([]byte("x"), maxLogSize+1), 0o644); err != nil {
		t.Fatal(err)
	}
	defer log.SetOutput(os.Stderr)
	got, closer, err := OpenLog(dir)
	if err != nil || got != path {
		t.Fatalf("OpenLog: %v %s", err, got)
	}
	log.Print("after rotation")
	closer.Close()
	if st, err := os.Stat(path + ".1"); err != nil || st.Size() != maxLogSize+1 {
		t.Errorf("old log not kept: %v", err)
	}
	if b, _ := os.ReadFile(path); !strings.Contains(string(b), "after rotation") || len(b) > 200 {
		t.Errorf("new log: %q", b)
	}
}
