package ui

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"nianbao/storage"
)

// BenchmarkOpenWindow measures building the main window on a workspace with
// one real report, as at start-up: load, checks, all tabs, first layout.
func BenchmarkOpenWindow(b *testing.B) {
	test.NewTempApp(b)
	fyne.CurrentApp().Settings().SetTheme(NewTheme())
	path := filepath.Join(b.TempDir(), "workspace.db")
	ws, err := storage.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	f, err := os.Open(filepath.Join("..", "testdata", "seeds", "xinjiang-2021.nianbao.json"))
	if err != nil {
		b.Fatal(err)
	}
	if _, err := ws.ImportJSON(f, storage.ImportNew); err != nil {
		b.Fatal(err)
	}
	f.Close()
	defer ws.Close()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m := NewMainWindow(fyne.CurrentApp(), ws)
		m.Window().Resize(fyne.NewSize(1280, 800))
		m.Window().Canvas().Capture()
		m.Window().Close()
	}
}
