package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestCalendarSpeaksChinese(t *testing.T) {
	test.NewTempApp(t)
	var picked time.Time
	cal := newChineseCalendar(time.Date(2026, 12, 1, 0, 0, 0, 0, time.Local), func(d time.Time) { picked = d })
	w := test.NewWindow(cal)
	defer w.Close()
	w.Resize(fyne.NewSize(400, 400))
	if findLabel(cal, "2026年12月") == nil {
		t.Fatal("no month line «2026年12月»")
	}
	for _, day := range []string{"一", "三", "日"} {
		if findLabel(cal, day) == nil {
			t.Errorf("no weekday heading %q", day)
		}
	}
	var steps []*widget.Button
	walk(cal, func(o fyne.CanvasObject) bool {
		if b, ok := o.(*widget.Button); ok && b.Text == "" {
			steps = append(steps, b)
		}
		return false
	})
	if len(steps) != 2 {
		t.Fatalf("%d month buttons", len(steps))
	}
	test.Tap(steps[0])
	if findLabel(cal, "2026年11月") == nil {
		t.Error("after ‹ the month line is not «2026年11月»")
	}
	test.Tap(steps[1])
	test.Tap(steps[1])
	if findLabel(cal, "2027年1月") == nil {
		t.Error("after › › the month line is not «2027年1月»")
	}
	test.Tap(findButton(cal, "20"))
	if picked.Format("2006-01-02") != "2027-01-20" {
		t.Errorf("picked %v", picked)
	}
}
