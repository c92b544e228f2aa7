package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// reportTabs are the seven pages of an open report under a strip of
// buttons. Fyne's AppTabs hides tabs behind «…» when the titles do not fit
// and repaints every page when a title changes; the counts in these titles
// change on almost every keystroke, so a title here repaints only its button.
type reportTabs struct {
	items    []*container.TabItem
	buttons  []*widget.Button
	strip    *fyne.Container
	stack    *fyne.Container
	selected int

	OnSelected func(i int)
}

func newReportTabs(items []*container.TabItem) *reportTabs {
	t := &reportTabs{items: items, stack: container.NewStack(), selected: -1}
	strip := []fyne.CanvasObject{}
	for i, it := range items {
		b := widget.NewButton(it.Text, func() { t.SelectIndex(i) })
		t.buttons = append(t.buttons, b)
		strip = append(strip, b)
		it.Content.Hide()
		t.stack.Add(it.Content)
	}
	t.strip = container.New(layout.NewHBoxLayout(), strip...)
	t.SelectIndex(0)
	return t
}

// SelectIndex shows page i.
func (t *reportTabs) SelectIndex(i int) {
	if i < 0 || i >= len(t.items) || i == t.selected {
		return
	}
	if t.selected >= 0 {
		t.items[t.selected].Content.Hide()
		t.buttons[t.selected].Importance = widget.MediumImportance
		t.buttons[t.selected].Refresh()
	}
	t.selected = i
	t.items[i].Content.Show()
	t.buttons[i].Importance = widget.HighImportance
	t.buttons[i].Refresh()
	t.stack.Refresh()
	if t.OnSelected != nil {
		t.OnSelected(i)
	}
}

// SelectedIndex is the page shown.
func (t *reportTabs) SelectedIndex() int { return t.selected }

// Selected is the item shown.
func (t *reportTabs) Selected() *container.TabItem { return t.items[t.selected] }

// SetTitle changes the title of page i, repainting only its button.
func (t *reportTabs) SetTitle(i int, title string) {
	if t.items[i].Text == title {
		return
	}
	t.items[i].Text = title
	t.buttons[i].SetText(title)
	t.strip.Refresh() // the button's width changed
}

// bar is the strip of buttons; pages is where the selected page shows.
func (t *reportTabs) bar() fyne.CanvasObject   { return t.strip }
func (t *reportTabs) pages() fyne.CanvasObject { return t.stack }
