package instance

import (
	"net"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// socketIn returns a socket path short enough for sun_path (108 bytes).
func socketIn(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "nb")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	return SocketPath(filepath.Join(dir, "workspace.db"))
}

type received struct {
	mu   sync.Mutex
	msgs [][]string
}

func (r *received) handle(files []string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.msgs = append(r.msgs, files)
}

func (r *received) all() [][]string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([][]string(nil), r.msgs...)
}

func TestSendHandsFilesToTheServer(t *testing.T) {
	path := socketIn(t)
	if !strings.HasSuffix(path, "workspace.db.sock") {
		t.Fatalf("socket path %s", path)
	}
	var got received
	s, err := Listen(path, got.handle)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	abs := filepath.Join(string(filepath.Separator)+"报告", "淮安市人民政府2024年.nianbao.json")
	if err := Send(path, []string{abs}); err != nil {
		t.Fatal(err)
	}
	if err := Send(path, nil); err != nil { // a second start without a file
		t.Fatal(err)
	}
	want := [][]string{{abs}, nil}
	if !reflect.DeepEqual(got.all(), want) {
		t.Errorf("received %q, want %q", got.all(), want)
	}
	if runtime.GOOS != "windows" { // Windows has no mode bits: the folder's ACL guards it
		if st, err := os.Stat(path); err != nil || st.Mode().Perm()&0o077 != 0 {
			t.Errorf("socket mode %v, %v", st.Mode(), err)
		}
	}
}

func TestSendWithoutServerFails(t *testing.T) {
	path := socketIn(t)
	if err := Send(path, nil); err == nil {
		t.Fatal("Send succeeded with nobody listening")
	}
	// A socket left by a window that crashed: nobody answers it either.
	ln, err := net.Listen("unix", path)
	if err != nil {
		t.Fatal(err)
	}
	if ul, ok := ln.(*net.UnixListener); ok {
		ul.SetUnlinkOnClose(false)
	}
	ln.Close()
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("stale socket not left behind: %v", err)
	}
	if err := Send(path, nil); err == nil {
		t.Fatal("Send succeeded on a stale socket")
	}
	var got received
	s, err := Listen(path, got.handle) // the next window takes over the stale socket
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := Send(path, nil); err != nil {
		t.Fatal(err)
	}
}

func TestServerDropsBadPeersAndKeepsServing(t *testing.T) {
	path := socketIn(t)
	var got received
	s, err := Listen(path, got.handle)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	silent, err := net.Dial("unix", path) // connects and says nothing
	if err != nil {
		t.Fatal(err)
	}
	defer silent.Close()
	for _, bad := range []string{
		"not json\n",
		`{"files":["relative/path.json"]}` + "\n",
		`{"files":[""]}` + "\n",
		strings.Repeat("x", 70<<10),
		`{"files":["` + strings.Repeat("/a", 40) + `"]` + strings.Repeat(" ", 1000), // never ends its line
	} {
		c, err := net.Dial("unix", path)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = c.Write([]byte(bad))
		_ = c.(*net.UnixConn).CloseWrite()
		_ = c.SetReadDeadline(time.Now().Add(2 * time.Second))
		reply := make([]byte, 8)
		n, _ := c.Read(reply)
		c.Close()
		if n != 0 {
			t.Errorf("%.30q answered %q", bad, reply[:n])
		}
	}
	if err := Send(path, []string{filepath.Join(string(filepath.Separator), "a.pdf")}); err != nil {
		t.Fatalf("server stopped serving after bad peers: %v", err)
	}
	if n := len(got.all()); n != 1 {
		t.Errorf("%d messages handed on, want 1", n)
	}
}

func TestReadMessageLimits(t *testing.T) {
	many := `{"files":[` + strings.Repeat(`"/a",`, maxFiles) + `"/a"]}` + "\n"
	if _, err := readMessage(strings.NewReader(many)); err == nil {
		t.Error("more than maxFiles accepted")
	}
	long := `{"files":["/` + strings.Repeat("a", maxPath) + `"]}` + "\n"
	if _, err := readMessage(strings.NewReader(long)); err == nil {
		t.Error("a path longer than maxPath accepted")
	}
	bad := "{\"files\":[\"/\xff\"]}\n"
	if _, err := readMessage(strings.NewReader(bad)); err == nil {
		t.Error("invalid UTF-8 accepted")
	}
}

func FuzzReadMessage(f *testing.F) {
	f.Add([]byte(`{"files":["/home/a/报告.nianbao.json"]}` + "\n"))
	f.Add([]byte(`{"files":null}` + "\n"))
	f.Add([]byte("{\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		files, err := readMessage(strings.NewReader(string(data)))
		if err != nil {
			return
		}
		if len(files) > maxFiles {
			t.Fatalf("%d files", len(files))
		}
		for _, p := range files {
			if !filepath.IsAbs(p) || len(p) > maxPath {
				t.Fatalf("accepted %q", p)
			}
		}
	})
}
