package storage

import (
	"fmt"
	"os"
	"strconv"
	"testing"
	"time"
)

// The test binary doubles as the child process of the crash and locking
// tests: with NIANBAO_STORAGE_CHILD set it runs that role instead of tests.
func TestMain(m *testing.M) {
	switch os.Getenv("NIANBAO_STORAGE_CHILD") {
	case "":
		os.Exit(m.Run())
	case "edit":
		start, _ := strconv.Atoi(os.Getenv("NIANBAO_STORAGE_START"))
		os.Exit(editChild(os.Getenv("NIANBAO_STORAGE_DB"), start))
	case "hold":
		os.Exit(holdChild(os.Getenv("NIANBAO_STORAGE_DB")))
	}
}

// holdChild keeps the workspace open until killed.
func holdChild(path string) int {
	w, err := Open(path)
	if err != nil {
		fmt.Println("error", err)
		return 3
	}
	defer w.Close()
	fmt.Println("ready")
	time.Sleep(time.Minute)
	return 0
}
