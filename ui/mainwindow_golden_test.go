package ui

import (
	"fmt"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"

	"nianbao/storage"
)

// TestMainWindowGolden renders the main tabs of a real report (the 新绛县
// 2021 seed, imported as a clerk would) with the bundled font. Masters are in
// testdata/main-*.png; a mismatch is written to testdata/failed/.
func TestMainWindowGolden(t *testing.T) {
	m := newWindow(t, filepath.Join(t.TempDir(), "workspace.db"))
	closeOverlays(m.Window().Canvas())
	if err := m.ImportJSON(filepath.Join("..", "testdata", "seeds", "xinjiang-2021.nianbao.json"), storage.ImportNew); err != nil {
		t.Fatal(err)
	}
	for _, tab := range []struct {
		i    int
		name string
	}{{tabDoc, "doc"}, {tabS1, "s1"}, {tabT3, "t3"}, {tabT4, "t4"}, {tabS6, "s6"}} {
		m.SelectTab(tab.i)
		test.AssertImageMatches(t, fmt.Sprintf("main-%s.png", tab.name), m.Window().Canvas().Capture())
	}
}
