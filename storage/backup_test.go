package storage

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestBackupOnOpenAndRetention(t *testing.T) {
	path := tempPath(t)
	w, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := w.Backups(); len(b) != 0 {
		t.Fatalf("empty workspace backed up: %v", b)
	}
	if _, err := w.CreateReport(newReport(t, "戊镇人民政府", 2023)); err != nil {
		t.Fatal(err)
	}
	w.Close()

	// Open with reports and no backup: one is made.
	w, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := w.Backups()
	if len(b) != 1 {
		t.Fatalf("backups after open: %v", b)
	}
	if _, err := checkFile(b[0], "integrity_check"); err != nil {
		t.Fatalf("backup not a good workspace: %v", err)
	}
	w.Close()
	// Reopened at once: no new backup.
	w, _ = Open(path)
	if b, _ := w.Backups(); len(b) != 1 {
		t.Fatalf("backup repeated within 12 h: %v", b)
	}
	w.Close()

	// Pretend the backup is 13 hours old.
	old := filepath.Join(backupDir(path), backupPrefix(path)+time.Now().Add(-13*time.Hour).Format(backupStamp)+".db")
	os.Rename(b[0], old)
	w, _ = Open(path)
	if b, _ := w.Backups(); len(b) != 2 {
		t.Fatalf("no backup after 12 h: %v", b)
	}

	// Retention: newest 10, plus the newest of every earlier year.
	c := &clock{t: time.Date(2020, 12, 31, 18, 0, 0, 0, time.Local)}
	w.now = c.now
	var made []string
	for i := 0; i < 25; i++ {
		p, err := w.Backup()
		if err != nil {
			t.Fatal(err)
		}
		made = append(made, p)
		c.t = c.t.Add(3 * time.Hour) // crosses into 2021 on the third
	}
	w.Close()
	got, _ := listBackups(path)
	if len(got) != 11 || got[10] != made[1] {
		t.Fatalf("kept %d backups, want the 10 newest plus %s (last of 2020):\n%v", len(got), filepath.Base(made[1]), got)
	}
	// got[0], got[1]: the two real backups of today; then the fake ones, newest first.
	if got[2] != made[24] || got[9] != made[17] {
		t.Fatalf("wrong backups kept: %v", got)
	}
}

func TestBackupSameSecondGetsNewName(t *testing.T) {
	w := openTemp(t)
	c := &clock{t: time.Date(2024, 5, 1, 8, 0, 0, 0, time.Local)}
	w.now = c.now
	a, err := w.Backup()
	if err != nil {
		t.Fatal(err)
	}
	b, err := w.Backup()
	if err != nil {
		t.Fatal(err)
	}
	if a == b {
		t.Fatal("second backup overwrote the first")
	}
	if fs, _ := filepath.Glob(filepath.Join(backupDir(w.Path()), "*.tmp")); len(fs) != 0 {
		t.Fatalf("temporary files left: %v", fs)
	}
}

func TestBackupsSameSecondOrder(t *testing.T) {
	w := openTemp(t)
	c := &clock{t: time.Date(2024, 5, 1, 8, 0, 0, 0, time.Local)}
	w.now = c.now
	var made []string
	for i := 0; i < 12; i++ {
		p, err := w.Backup()
		if err != nil {
			t.Fatal(err)
		}
		made = append(made, p)
	}
	got, _ := w.Backups()
	if len(got) != 10 {
		t.Fatalf("kept %d", len(got))
	}
	for i := range got {
		if got[i] != made[11-i] {
			t.Fatalf("backup %d is %s, want %s", i, filepath.Base(got[i]), filepath.Base(made[11-i]))
		}
	}
}
