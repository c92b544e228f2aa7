package startup

import (
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
)

// LogName is the log file kept in the data directory.
const LogName = "nianbao.log"

const maxLogSize = 1 << 20

// OpenLog sends the standard logger (which Fyne also uses) to dir/nianbao.log
// as well as to stderr. A log larger than 1 MiB is kept once as nianbao.log.1.
// It returns the log path; on failure logging stays on stderr.
func OpenLog(dir string) (string, io.Closer, error) {
	path := filepath.Join(dir, LogName)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return path, io.NopCloser(nil), fmt.Errorf("create log folder: %w", err)
	}
	if st, err := os.Stat(path); err == nil && st.Size() > maxLogSize {
		_ = os.Rename(path, path+".1") // losing the old log is better than no log
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return path, io.NopCloser(nil), fmt.Errorf("open log: %w", err)
	}
	log.SetOutput(io.MultiWriter(os.Stderr, f))
	log.SetFlags(log.LstdFlags)
	return path, f, nil
}
