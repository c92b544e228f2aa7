// Package instance lets a second start of the app hand its file arguments
// to the window already running on the same workspace, over a local socket
// next to the workspace's lock file. Windows 10 and later have AF_UNIX
// sockets too, so one implementation serves both and needs no network.
package instance

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"os"
	"path/filepath"
	"time"
	"unicode/utf8"
)

// Limits of one hand-over message: a few paths, each a file system path.
const (
	maxMessage = 64 << 10
	maxFiles   = 64
	maxPath    = 4096
	ioTimeout  = 5 * time.Second
)

// SocketPath is the socket of the window that holds workspace open.
func SocketPath(workspace string) string { return workspace + ".sock" }

type message struct {
	Files []string `json:"files"`
}

// Server receives hand-overs until closed.
type Server struct {
	ln     net.Listener
	handle func(files []string)
}

// Listen serves hand-overs on path. Call it only while holding the
// workspace lock: a socket left by a window that crashed is removed first.
// handle gets absolute paths (maybe none: then the window only comes to the
// front); it runs on the server's goroutine and must not block.
func Listen(path string, handle func(files []string)) (*Server, error) {
	if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("remove old socket %s: %w", path, err)
	}
	ln, err := net.Listen("unix", path)
	if err != nil {
		return nil, fmt.Errorf("listen on %s: %w", path, err)
	}
	if err := os.Chmod(path, 0o600); err != nil {
		log.Printf("hand-over socket %s: %v", path, err)
	}
	s := &Server{ln: ln, handle: handle}
	go s.serve()
	return s, nil
}

// Close stops serving and removes the socket.
func (s *Server) Close() error { return s.ln.Close() }

func (s *Server) serve() {
	for {
		conn, err := s.ln.Accept()
		if err != nil {
			if !errors.Is(err, net.ErrClosed) {
				log.Printf("hand-over: accept: %v", err)
			}
			return
		}
		go s.answer(conn)
	}
}

// answer reads one message, hands it on and says ok; a bad or slow peer is
// dropped without a reply.
func (s *Server) answer(conn net.Conn) {
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(ioTimeout))
	files, err := readMessage(conn)
	if err != nil {
		log.Printf("hand-over: %v", err)
		return
	}
	s.handle(files)
	_, _ = io.WriteString(conn, "ok\n")
}

// readMessage reads and checks one hand-over message: a line of JSON.
func readMessage(r io.Reader) ([]string, error) {
	data, err := bufio.NewReader(io.LimitReader(r, maxMessage)).ReadBytes('\n')
	if err != nil {
		return nil, fmt.Errorf("read message (at most 64 KiB, one line): %w", err)
	}
	if !utf8.Valid(data) {
		return nil, errors.New("message is not UTF-8")
	}
	var m message
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("decode message: %w", err)
	}
	if len(m.Files) > maxFiles {
		return nil, fmt.Errorf("%d files in one message, at most %d", len(m.Files), maxFiles)
	}
	for _, f := range m.Files {
		if f == "" || len(f) > maxPath || !filepath.IsAbs(f) {
			return nil, fmt.Errorf("not an absolute path: %q", truncate(f))
		}
	}
	return m.Files, nil
}

func truncate(s string) string {
	if len(s) > 80 {
		return s[:80] + "…"
	}
	return s
}

// Send hands files (absolute paths) to the window serving path and returns
// once it has taken them. An error means nobody took them.
func Send(path string, files []string) error {
	data, err := json.Marshal(message{Files: files})
	if err != nil {
		return fmt.Errorf("encode message: %w", err)
	}
	conn, err := net.DialTimeout("unix", path, ioTimeout)
	if err != nil {
		return fmt.Errorf("connect to %s: %w", path, err)
	}
	defer conn.Close()
	allowForeground()
	_ = conn.SetDeadline(time.Now().Add(ioTimeout))
	if _, err := conn.Write(append(data, '\n')); err != nil {
		return fmt.Errorf("send to %s: %w", path, err)
	}
	reply := make([]byte, 3)
	if _, err := io.ReadFull(conn, reply); err != nil || string(reply) != "ok\n" {
		return fmt.Errorf("no answer from %s: %v", path, err)
	}
	return nil
}

// SendPatiently retries Send for about two seconds while the other window
// may still be starting (two files double-clicked at once); false means it
// does not answer.
func SendPatiently(path string, files []string) bool {
	for i := 0; i < 10; i++ {
		err := Send(path, files)
		if err == nil {
			return true
		}
		if i == 9 {
			log.Printf("hand-over: %v", err)
		}
		time.Sleep(200 * time.Millisecond)
	}
	return false
}

// AbsPaths makes file arguments absolute: the running window that receives
// them has another working folder.
func AbsPaths(args []string) []string {
	var out []string
	for _, a := range args {
		if p, err := filepath.Abs(a); err == nil {
			out = append(out, p)
		}
	}
	return out
}
