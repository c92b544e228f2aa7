package draft

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"nianbao/app"
	"nianbao/storage"
)

func openWorkspace(t testing.TB) (*storage.Workspace, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "workspace.db")
	ws, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ws.Close() })
	return ws, path
}

func newDraft(t testing.TB, ws *storage.Workspace) *Draft {
	t.Helper()
	r, err := app.NewReport("张坞镇人民政府", app.LevelTownship, 2021)
	if err != nil {
		t.Fatal(err)
	}
	id, err := ws.CreateReport(r)
	if err != nil {
		t.Fatal(err)
	}
	d, err := Open(ws, id, app.CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func findings(res app.Result, rule string) []app.Finding {
	var out []app.Finding
	for _, f := range res.Findings {
		if f.Rule == rule {
			out = append(out, f)
		}
	}
	return out
}

func TestTypingRecomputesChecksAndSaves(t *testing.T) {
	ws, path := openWorkspace(t)
	d := newDraft(t, ws)
	ch, err := d.SetCell("t3.new.natural", "１２")
	if err != nil || ch.Err != nil {
		t.Fatal(err, ch.Err)
	}
	if got := d.Report().Cells["t3.new.total"]; got != "12" {
		t.Fatalf("t3.new.total = %q, want 12", got)
	}
	if !reflect.DeepEqual(ch.Cells, []string{"t3.new.natural", "t3.new.total"}) {
		t.Fatalf("changed cells = %v", ch.Cells)
	}
	// 12 new, nothing handled or carried forward: T3-BALANCE for 自然人 and 总计.
	if fs := findings(ch.Result, "T3-BALANCE"); len(fs) != 2 || fs[0].Anchor != "t3.forward.natural" {
		t.Fatalf("T3-BALANCE = %+v", fs)
	}
	// Durable: another process opening the file sees the value and the total.
	ws.Close()
	ws2, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer ws2.Close()
	r, err := ws2.LoadReport(d.ID())
	if err != nil {
		t.Fatal(err)
	}
	if r.Cells["t3.new.natural"] != "12" || r.Cells["t3.new.total"] != "12" {
		t.Fatalf("stored %q / %q", r.Cells["t3.new.natural"], r.Cells["t3.new.total"])
	}
}

func TestComputedCellRefused(t *testing.T) {
	ws, _ := openWorkspace(t)
	d := newDraft(t, ws)
	_, err := d.SetCell("t3.new.total", "5")
	var ce *CellError
	if !errors.As(err, &ce) || !errors.Is(err, ErrComputed) || !strings.Contains(ce.Msg, "自动计算") {
		t.Fatalf("typed total: %v", err)
	}
	if d.Report().Cells["t3.new.total"] != "0" {
		t.Fatalf("total changed to %q", d.Report().Cells["t3.new.total"])
	}
}

func TestUndoRedoSteps(t *testing.T) {
	ws, _ := openWorkspace(t)
	d := newDraft(t, ws)
	// A typing run in one cell is one step.
	for _, s := range []string{"1", "12", "123"} {
		if _, err := d.SetCell("t3.new.natural", s); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := d.SetCells(map[string]string{"t3.new.legal": "4", "t3.new.social": "5"}, OpPaste); err != nil {
		t.Fatal(err)
	}
	if _, err := d.FillEmpty("t4"); err != nil {
		t.Fatal(err)
	}
	if v := d.Report().Cells["t4.review.upheld"]; v != "0" {
		t.Fatalf("空白填0: t4.review.upheld = %q", v)
	}
	if _, ok := d.Undo(); !ok || d.Report().Cells["t4.review.upheld"] != "" {
		t.Fatal("undo of 空白填0")
	}
	if _, ok := d.Undo(); !ok || d.Report().Cells["t3.new.legal"] != "" || d.Report().Cells["t3.new.total"] != "123" {
		t.Fatalf("undo of the paste: total %q", d.Report().Cells["t3.new.total"])
	}
	ch, ok := d.Undo()
	if !ok || d.Report().Cells["t3.new.natural"] != "" || d.Report().Cells["t3.new.total"] != "0" {
		t.Fatalf("undo of the typing run: %q", d.Report().Cells["t3.new.natural"])
	}
	if len(findings(ch.Result, "T3-BALANCE")) != 0 {
		t.Fatal("findings not re-checked after undo")
	}
	if _, ok := d.Undo(); ok {
		t.Fatal("undo past the first step")
	}
	if _, ok := d.Redo(); !ok || d.Report().Cells["t3.new.natural"] != "123" {
		t.Fatal("redo")
	}
	// Undo and redo are saved like any edit.
	r, _ := ws.LoadReport(d.ID())
	if r.Cells["t3.new.natural"] != "123" || r.Cells["t3.new.total"] != "123" {
		t.Fatalf("stored after redo: %q", r.Cells["t3.new.natural"])
	}
}

func TestFillEmptyKeepsFilledCells(t *testing.T) {
	ws, _ := openWorkspace(t)
	d := newDraft(t, ws)
	d.SetCell("t3.new.natural", "约3件")
	if _, err := d.FillEmpty("t3"); err != nil {
		t.Fatal(err)
	}
	if v := d.Report().Cells["t3.new.natural"]; v != "约3件" {
		t.Fatalf("空白填0 overwrote text: %q", v)
	}
	if n := len(d.EmptyCells("t3")); n != 0 {
		t.Fatalf("%d cells still empty", n)
	}
	if n := len(d.EmptyCells("t2")); n != 10 {
		t.Fatalf("表二 (2021) empty cells = %d, want 10", n)
	}
}

// failingStore refuses every save until ok is set.
type failingStore struct {
	*storage.Workspace
	ok bool
}

func (s *failingStore) SaveCells(id int64, cells map[string]string) error {
	if !s.ok {
		return errors.New("disk full")
	}
	return s.Workspace.SaveCells(id, cells)
}

func TestStorageFailureKeepsEditsForRetry(t *testing.T) {
	ws, _ := openWorkspace(t)
	base := newDraft(t, ws)
	fs := &failingStore{Workspace: ws}
	d := New(fs, base.ID(), base.Report(), nil, app.CheckOptions{})
	ch, err := d.SetCell("t3.new.natural", "3")
	if err != nil || ch.Err == nil || d.Pending() != 1 {
		t.Fatalf("failed save: err %v, change err %v, pending %d", err, ch.Err, d.Pending())
	}
	d.SetCell("t3.new.natural", "4") // replaces the queued value
	if d.Pending() != 1 || d.Report().Cells["t3.new.natural"] != "4" {
		t.Fatalf("pending %d, value %q", d.Pending(), d.Report().Cells["t3.new.natural"])
	}
	fs.ok = true
	if err := d.Retry(); err != nil || d.Pending() != 0 {
		t.Fatalf("retry: %v, pending %d", err, d.Pending())
	}
	r, _ := ws.LoadReport(d.ID())
	if r.Cells["t3.new.natural"] != "4" || r.Cells["t3.new.total"] != "4" {
		t.Fatalf("stored after retry: %q / %q", r.Cells["t3.new.natural"], r.Cells["t3.new.total"])
	}
}

func seedNarrative(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "testdata", "seeds", "mogu-2023.nianbao.json"))
	if err != nil {
		t.Fatal(err)
	}
	r, err := app.ParseReport(data)
	if err != nil {
		t.Fatal(err)
	}
	return r.Text.S1
}

func TestLintLiveAndAllowList(t *testing.T) {
	ws, _ := openWorkspace(t)
	d := newDraft(t, ws)
	ch, err := d.SetField("text.s1", seedNarrative(t))
	if err != nil {
		t.Fatal(err)
	}
	spam := findings(ch.Result, "LINT-SPAM")
	if len(spam) != 1 || spam[0].Severity != app.Error || !strings.Contains(spam[0].Message, "UedBet") {
		t.Fatalf("LINT-SPAM = %+v", spam)
	}
	ch, err = d.AllowWord(ws, "uedbet")
	if err != nil {
		t.Fatal(err)
	}
	if len(findings(ch.Result, "LINT-SPAM")) != 0 {
		t.Fatalf("allow-listed word still flagged: %+v", findings(ch.Result, "LINT-SPAM"))
	}
	// The allow-list is the workspace's: another draft opened later has it.
	d2, err := Open(ws, d.ID(), app.CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(findings(d2.Result(), "LINT-SPAM")) != 0 {
		t.Fatal("allow-list not loaded with the draft")
	}
}

func TestFixPunctIsOneUndoStep(t *testing.T) {
	ws, _ := openWorkspace(t)
	d := newDraft(t, ws)
	text := "改进措施:一是抓手,二是落实(试行)。"
	d.SetField("text.s5", text)
	if len(findings(d.Result(), "LINT-PUNCT")) != 1 {
		t.Fatalf("LINT-PUNCT = %+v", findings(d.Result(), "LINT-PUNCT"))
	}
	ch, err := d.FixPunct("text.s5")
	if err != nil {
		t.Fatal(err)
	}
	if got := d.Report().Text.S5; got != "改进措施：一是抓手，二是落实（试行）。" {
		t.Fatalf("规范标点 = %q", got)
	}
	if len(findings(ch.Result, "LINT-PUNCT")) != 0 {
		t.Fatal("LINT-PUNCT after 规范标点")
	}
	if _, ok := d.Undo(); !ok || d.Report().Text.S5 != text {
		t.Fatalf("undo of 规范标点: %q", d.Report().Text.S5)
	}
}

func TestLastEdited(t *testing.T) {
	ws, _ := openWorkspace(t)
	d := newDraft(t, ws)
	d.SetCell("t3.forward.natural", "1")
	d.SetCell("t3.new.natural", "2")
	cells := []string{"t3.new.natural", "t3.carried.natural", "t3.total.natural", "t3.forward.natural"}
	if got := d.LastEdited(cells); got != "t3.new.natural" {
		t.Fatalf("LastEdited = %q", got)
	}
	if got := d.LastEdited([]string{"t3.carried.natural"}); got != "" {
		t.Fatalf("LastEdited of unedited cells = %q", got)
	}
}

// What leaves the workspace is what the draft showed: export, read back
// with the strict reader, check — the same findings.
func TestExportPassesCheckerWithSameFindings(t *testing.T) {
	ws, _ := openWorkspace(t)
	d := newDraft(t, ws)
	d.SetCells(map[string]string{"t3.new.natural": "3119", "t3.granted.natural": "3000", "t3.forward.natural": "119"}, OpPaste)
	d.SetField("text.s1", "2018年，本机关共收到政府信息公开申请3119件。")
	var buf bytes.Buffer
	if err := ws.ExportJSON(d.ID(), &buf); err != nil {
		t.Fatal(err)
	}
	r, err := app.ReadReport(&buf)
	if err != nil {
		t.Fatal(err)
	}
	got := app.Check(r, d.Options())
	if !reflect.DeepEqual(got.Findings, d.Result().Findings) {
		t.Fatalf("exported file findings differ:\n%+v\nwant\n%+v", got.Findings, d.Result().Findings)
	}
	if len(findings(got, "T3-ROWTOTAL")) != 0 || len(findings(got, "LINT-YEAR")) != 1 {
		t.Fatalf("T3-ROWTOTAL %d, LINT-YEAR %d", len(findings(got, "T3-ROWTOTAL")), len(findings(got, "LINT-YEAR")))
	}
}
