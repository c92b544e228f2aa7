package storage

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"nianbao/app"
)

const (
	crashUnit = "崩溃测试镇人民政府"
	crashYear = 2023
)

// crashCells are the input cells the edit stream cycles through.
func crashCells() []string {
	var ids []string
	for _, c := range app.FormatByID("2021").Cells() {
		if !c.Computed() && c.Kind == app.Int0 {
			ids = append(ids, c.ID)
		}
	}
	return ids
}

// crashWrites is edit number i of the stream: field → value. Every 7th edit
// is a narrative text, every 5th a two-cell paste in one transaction.
func crashWrites(i int, cells []string) map[string]string {
	v := strconv.Itoa(i)
	switch {
	case i%7 == 0:
		return map[string]string{"text.s6": "第" + v + "次修改𠀀"}
	case i%5 == 0:
		return map[string]string{cells[i%len(cells)]: v, cells[(i+1)%len(cells)]: v}
	}
	return map[string]string{cells[i%len(cells)]: v}
}

// editChild applies edits start, start+1, … and prints the number of each
// one after its save returned.
func editChild(path string, start int) int {
	w, err := Open(path)
	if err != nil {
		fmt.Println("error", err)
		return 3
	}
	id, err := w.FindReport(crashUnit, crashYear)
	if err != nil {
		r, _ := app.NewReport(crashUnit, app.LevelTownship, crashYear)
		if id, err = w.CreateReport(r); err != nil {
			fmt.Println("error", err)
			return 3
		}
	}
	cells := crashCells()
	out := bufio.NewWriterSize(os.Stdout, 64)
	for i := start; ; i++ {
		if i%50 == 0 { // kills also land inside VACUUM INTO
			if _, err := w.Backup(); err != nil {
				fmt.Println("error", err)
				return 3
			}
		}
		ws := crashWrites(i, cells)
		if s, ok := ws["text.s6"]; ok {
			err = w.SaveField(id, "text.s6", s)
		} else {
			err = w.SaveCells(id, ws)
		}
		if err != nil {
			fmt.Println("error", err)
			return 3
		}
		fmt.Fprintf(out, "%d\n", i)
		out.Flush()
	}
}

func TestCrashKeepsAcknowledgedEdits(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	path := tempPath(t)
	cells := crashCells()
	state := map[string]string{} // verified content after the last kill
	next := 1
	kills, acked, inFlightLanded := 0, 0, 0
	deadline := time.Now().Add(50 * time.Second)
	for kills < 120 && (kills < 100 || time.Now().Before(deadline)) {
		if time.Now().After(deadline.Add(50 * time.Second)) { // a very loaded machine
			t.Fatalf("only %d kills in time", kills)
		}
		cmd := exec.Command(exe, "-test.run=^$")
		cmd.Env = append(os.Environ(), "NIANBAO_STORAGE_CHILD=edit", "NIANBAO_STORAGE_DB="+path,
			"NIANBAO_STORAGE_START="+strconv.Itoa(next))
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		var last atomic.Int64
		last.Store(int64(next - 1))
		done := make(chan string)
		go func() {
			var bad string
			sc := bufio.NewScanner(stdout)
			for sc.Scan() {
				n, err := strconv.Atoi(sc.Text())
				if err != nil {
					bad = sc.Text()
					continue
				}
				last.Store(int64(n))
			}
			done <- bad
		}()
		time.Sleep(time.Duration(rand.IntN(250)) * time.Millisecond)
		cmd.Process.Kill() // SIGKILL
		bad := <-done
		cmd.Wait()
		kills++
		if bad != "" {
			t.Fatalf("child failed: %s", bad)
		}
		lastAck := int(last.Load())
		// Every acknowledged edit must be there; the one in flight may be.
		want := copyMap(state)
		for i := next; i <= lastAck; i++ {
			for k, v := range crashWrites(i, cells) {
				want[k] = v
			}
		}
		alt := copyMap(want)
		for k, v := range crashWrites(lastAck+1, cells) {
			alt[k] = v
		}
		got := crashState(t, path, cells)
		switch {
		case equalMaps(got, want):
		case equalMaps(got, alt):
			inFlightLanded++
		default:
			t.Fatalf("kill %d: after edit %d acknowledged the workspace holds\n%v\nwant\n%v", kills, lastAck, got, want)
		}
		acked += lastAck - next + 1
		state = got
		next = lastAck + 2
	}
	backups, _ := ListBackups(path)
	if stale, _ := filepath.Glob(filepath.Join(backupDir(path), "*.tmp")); len(stale) > 1 {
		t.Errorf("stale partial backups pile up: %v", stale)
	}
	t.Logf("crash test: %d SIGKILLs, %d acknowledged edits all present, %d unacknowledged in-flight edits also landed, integrity_check ok every time, %d backups kept all good",
		kills, acked, inFlightLanded, len(backups))
	if acked < kills {
		t.Errorf("only %d edits acknowledged in %d runs: the kills came too early to test much", acked, kills)
	}
}

// crashState opens the workspace as the app would, checks its integrity and
// returns the fields the edit stream writes.
func crashState(t *testing.T, path string, cells []string) map[string]string {
	t.Helper()
	w, err := Open(path)
	if err != nil {
		t.Fatalf("reopen after kill: %v", err)
	}
	defer w.Close()
	var res string
	if err := w.db.QueryRow("PRAGMA integrity_check").Scan(&res); err != nil || res != "ok" {
		t.Fatalf("integrity_check = %q, %v", res, err)
	}
	// A kill during a backup leaves no partial file among the backups.
	backups, err := w.Backups()
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range backups {
		if _, err := checkFile(b, "quick_check"); err != nil {
			t.Fatalf("backup %s: %v", b, err)
		}
	}
	got := map[string]string{}
	id, err := w.FindReport(crashUnit, crashYear)
	if err != nil {
		return got // killed before the report was created
	}
	r, err := w.LoadReport(id)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cells {
		if v, ok := r.Cells[c]; ok {
			got[c] = v
		}
	}
	if r.Text.S6 != "" && strings.HasPrefix(r.Text.S6, "第") {
		got["text.s6"] = r.Text.S6
	}
	return got
}

func copyMap(m map[string]string) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

func equalMaps(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if bv, ok := b[k]; !ok || bv != v {
			return false
		}
	}
	return true
}
