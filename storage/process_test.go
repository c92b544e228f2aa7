package storage

import (
	"bufio"
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// A second process on the same workspace is turned away, and the lock goes
// away with the process even when it is killed.
func TestSecondProcessIsTurnedAway(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	path := tempPath(t)
	cmd := exec.Command(exe, "-test.run=^$")
	cmd.Env = append(os.Environ(), "NIANBAO_STORAGE_CHILD=hold", "NIANBAO_STORAGE_DB="+path)
	out, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	line, _ := bufio.NewReader(out).ReadString('\n')
	if strings.TrimSpace(line) != "ready" {
		t.Fatalf("child: %q", line)
	}
	_, err = Open(path)
	var e *Error
	if !errors.Is(err, ErrLocked) || !errors.As(err, &e) || !strings.Contains(e.Msg, "正在被另一个窗口使用") {
		t.Fatalf("Open while another process holds it: %v", err)
	}
	cmd.Process.Kill()
	cmd.Wait()
	w, err := Open(path)
	if err != nil {
		t.Fatalf("Open after the other process died: %v", err)
	}
	w.Close()
}
