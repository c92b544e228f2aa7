package ui

import "fyne.io/fyne/v2/widget"

// newSelect is widget.NewSelect with a Chinese placeholder: Fyne's own,
// «(Select one)», is a constant no translation reaches.
func newSelect(options []string, changed func(string)) *widget.Select {
	s := widget.NewSelect(options, changed)
	s.PlaceHolder = "（请选择）"
	return s
}
