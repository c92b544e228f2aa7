package ui

import (
	"bytes"
	"hash/crc32"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestDateFieldSavesOnlyRealDates(t *testing.T) {
	m, _ := withReport(t)
	m.SelectTab(tabDoc)
	c := m.Window().Canvas()
	e := m.form.entries["doc.date"]
	c.Focus(e)
	test.Type(c.Focused(), "2025-02-30")
	if m.Report().Doc.Date != "" || !m.form.dateMsg["doc.date"].Visible() {
		t.Errorf("invalid date taken: %q", m.Report().Doc.Date)
	}
	e.SetText("2025-02-08")
	if m.Report().Doc.Date != "2025-02-08" || m.form.dateMsg["doc.date"].Visible() {
		t.Errorf("valid date not taken: %q", m.Report().Doc.Date)
	}
	r, _ := m.Workspace().LoadReport(m.ReportID())
	if r.Doc.Date != "2025-02-08" {
		t.Errorf("stored date %q", r.Doc.Date)
	}
	m.form.entries["doc.signer"].SetText("张三")
	test.Tap(m.form.style.buttons["gongwen"])
	r, _ = m.Workspace().LoadReport(m.ReportID())
	if r.Doc.Signer != "张三" || r.Doc.Style != "gongwen" {
		t.Errorf("stored doc %+v", r.Doc)
	}
	// gongwen.md §9.1: the 附注 of a 公文 published on its own.
	if r.Doc.Note != "（此件主动公开）" || m.form.entries["doc.note"].Text != "（此件主动公开）" {
		t.Errorf("附注 %q, shown %q", r.Doc.Note, m.form.entries["doc.note"].Text)
	}
}

func TestSealChooseAndRemove(t *testing.T) {
	m, _ := withReport(t)
	img := image.NewNRGBA(image.Rect(0, 0, 40, 40))
	img.Set(20, 20, color.NRGBA{R: 200, A: 255})
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	m.form.setSeal(buf.Bytes())
	got, err := m.Workspace().Seal(m.Report().Unit.Name)
	if err != nil || !bytes.Equal(got, buf.Bytes()) {
		t.Fatalf("seal not stored: %v", err)
	}
	if m.form.seal.Resource == nil {
		t.Error("no preview")
	}
	m.form.setSeal([]byte("GIF89a not a png"))
	if msg, _ := m.Status(); !strings.Contains(msg, "PNG") {
		t.Errorf("bad image message: %q", msg)
	}
	if got, _ := m.Workspace().Seal(m.Report().Unit.Name); !bytes.Equal(got, buf.Bytes()) {
		t.Error("a bad image replaced the seal")
	}
	m.form.setSeal(nil)
	if got, _ := m.Workspace().Seal(m.Report().Unit.Name); got != nil || m.form.seal.Resource != nil {
		t.Error("seal not removed")
	}
}

func TestRenameToAnExistingReportIsRefused(t *testing.T) {
	m, _ := withReport(t) // 张坞镇人民政府 2024
	if err := m.CreateReport(NewReportRequest{Unit: "城关镇人民政府", Level: "township", Year: 2024}); err != nil {
		t.Fatal(err)
	}
	m.SelectTab(tabDoc)
	m.form.unit.SetText("张坞镇人民政府")
	if m.Pending() != 0 || m.Report().Unit.Name != "城关镇人民政府" {
		t.Errorf("duplicate rename: pending %d, unit %q", m.Pending(), m.Report().Unit.Name)
	}
	if msg, _ := m.Status(); !strings.Contains(msg, "已有") {
		t.Errorf("message %q", msg)
	}
	m.form.unit.SetText("城关镇")
	r, _ := m.Workspace().LoadReport(m.ReportID())
	if r.Unit.Name != "城关镇" {
		t.Errorf("rename not stored: %q", r.Unit.Name)
	}
}

func TestHugeSealRefusedBeforeDecoding(t *testing.T) {
	m, _ := withReport(t)
	m.SelectTab(tabDoc)
	// A PNG header claiming 10000×10000 pixels: refused from the header alone.
	var b bytes.Buffer
	b.Write([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00\x27\x10\x00\x00\x27\x10\x08\x06\x00\x00\x00"))
	crc := crc32.ChecksumIEEE(b.Bytes()[12:29])
	b.Write([]byte{byte(crc >> 24), byte(crc >> 16), byte(crc >> 8), byte(crc)})
	m.form.setSeal(b.Bytes())
	if msg, _ := m.Status(); !strings.Contains(msg, "像素") {
		t.Errorf("message %q", msg)
	}
	if seal, _ := m.Workspace().Seal(m.Report().Unit.Name); seal != nil {
		t.Error("the huge seal was stored")
	}
}
