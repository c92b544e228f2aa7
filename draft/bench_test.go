package draft

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"nianbao/app"
)

// BenchmarkKeystroke is one keystroke in a 表三 cell of a full report:
// recompute, every tier of checks with the previous year, durable save.
func BenchmarkKeystroke(b *testing.B) {
	ws, _ := openWorkspace(b)
	data, err := os.ReadFile(filepath.Join("..", "app", "testdata", "xinjiang-2021.nianbao.json"))
	if err != nil {
		b.Fatal(err)
	}
	r, err := app.ParseReport(data)
	if err != nil {
		b.Fatal(err)
	}
	id, err := ws.CreateReport(r)
	if err != nil {
		b.Fatal(err)
	}
	d, err := Open(ws, id, app.CheckOptions{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		if ch, err := d.SetCell("t3.new.natural", strconv.Itoa(i%50)); err != nil || ch.Err != nil {
			b.Fatal(err, ch.Err)
		}
	}
}
