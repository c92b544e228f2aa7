package ui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// zhCalendar is Fyne's calendar with its month line in Chinese
// («2026年12月»): Fyne writes it with time.Format("January 2006"), which no
// translation reaches. The weekday headings come from i18n_zh.json.
type zhCalendar struct {
	widget.BaseWidget
	cal *widget.Calendar
}

func newChineseCalendar(start time.Time, picked func(time.Time)) *zhCalendar {
	z := &zhCalendar{cal: widget.NewCalendar(start, picked)}
	z.ExtendBaseWidget(z)
	return z
}

// CreateRenderer shows the inner calendar's objects as its own, with the
// month label rewritten after each step of the month buttons.
func (z *zhCalendar) CreateRenderer() fyne.WidgetRenderer {
	r := z.cal.CreateRenderer()
	var month *widget.Label
	var steps []*widget.Button // ‹ and ›: the buttons without text
	var find func(o fyne.CanvasObject)
	find = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *fyne.Container:
			for _, c := range x.Objects {
				find(c)
			}
		case *widget.Label:
			if _, err := time.Parse("January 2006", x.Text); err == nil && month == nil {
				month = x
			}
		case *widget.Button:
			if x.Text == "" {
				steps = append(steps, x)
			}
		}
	}
	for _, o := range r.Objects() {
		find(o)
	}
	if month == nil {
		return r
	}
	chinese := func() {
		if t, err := time.Parse("January 2006", month.Text); err == nil {
			month.SetText(fmt.Sprintf("%d年%d月", t.Year(), t.Month()))
		}
	}
	chinese()
	for _, b := range steps {
		step := b.OnTapped
		b.OnTapped = func() {
			step()
			chinese()
		}
	}
	return r
}
