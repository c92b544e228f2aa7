package assets

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"nianbao/app"
)

// The example is the worked example of the check rules; the copy must not drift.
func TestExampleReportIsTheWorkedExample(t *testing.T) {
	want, err := os.ReadFile(filepath.Join("..", "app", "testdata", "xinjiang-2021.nianbao.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(ExampleReport, want) {
		t.Fatal("assets/example/xinjiang-2021.nianbao.json differs from app/testdata/xinjiang-2021.nianbao.json; copy it again")
	}
	r, err := app.ParseReport(ExampleReport)
	if err != nil {
		t.Fatalf("example does not parse: %v", err)
	}
	if r.Unit.Name != "新绛县人民政府" || r.Year != 2021 || r.Format != "2021" {
		t.Errorf("example is %s %d (format %s)", r.Unit.Name, r.Year, r.Format)
	}
	if got := r.Value("t3.new.total").Text; got != "2" {
		t.Errorf("t3.new.total = %q, want 2", got)
	}
	app.Recompute(r)
	if errs := app.Check(r, app.CheckOptions{}).Errors(); len(errs) != 0 {
		t.Errorf("example has %d core errors: %+v", len(errs), errs)
	}
}
