package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// numEntry is the input box of one value cell. It accepts any text, so a
// mistyped value stays visible and flagged instead of silently becoming 0;
// full-width digits from Chinese input methods are turned into ASCII as typed.
type numEntry struct {
	widget.Entry
	ed   *TableEditor
	cell string
	pos  int // index in the editor's reading order
}

func newNumEntry(ed *TableEditor, cellID string, pos int) *numEntry {
	e := &numEntry{ed: ed, cell: cellID, pos: pos}
	e.ExtendBaseWidget(e)
	e.Wrapping = fyne.TextWrapOff
	e.OnChanged = func(s string) { ed.typed(e, s) }
	return e
}

// halfWidth maps the full-width forms an IME produces in Chinese mode.
func halfWidth(r rune) rune {
	switch {
	case r >= '０' && r <= '９':
		return '0' + (r - '０')
	case r == '．' || r == '。':
		return '.'
	case r == '－' || r == '\u2212':
		return '-'
	case r == '，':
		return ','
	case r == '＋':
		return '+'
	}
	return r
}

func (e *numEntry) TypedRune(r rune) {
	if r > 0xFFFF {
		e.ed.message("单元格中不能输入该字符，请输入数字。")
		return
	}
	e.Entry.TypedRune(halfWidth(r))
}

func (e *numEntry) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		e.ed.moveDown(e, 1)
	case fyne.KeyDown:
		e.ed.moveDown(e, 1)
	case fyne.KeyUp:
		e.ed.moveDown(e, -1)
	case fyne.KeyLeft:
		if e.CursorColumn == 0 && e.CursorRow == 0 {
			e.ed.moveBy(e, -1)
			return
		}
		e.Entry.TypedKey(k)
	case fyne.KeyRight:
		if e.CursorColumn >= len([]rune(e.Text)) {
			e.ed.moveBy(e, 1)
			return
		}
		e.Entry.TypedKey(k)
	default:
		e.Entry.TypedKey(k)
	}
}

// TypedShortcut turns a paste into a block paste from this cell and routes
// undo to the editor, whose history spans cells.
func (e *numEntry) TypedShortcut(s fyne.Shortcut) {
	switch sc := s.(type) {
	case *fyne.ShortcutPaste:
		if sc.Clipboard != nil {
			e.ed.pasteFrom(e, sc.Clipboard.Content())
		}
		return
	case *fyne.ShortcutUndo:
		e.ed.Undo()
		return
	case *fyne.ShortcutRedo:
		e.ed.Redo()
		return
	}
	e.Entry.TypedShortcut(s)
}

func (e *numEntry) FocusGained() {
	e.Entry.FocusGained()
	e.ed.focusGained(e)
}

func (e *numEntry) FocusLost() {
	e.Entry.FocusLost()
	e.ed.focusLost(e)
}

// MouseIn shows the cell's explanation in the editor's status line.
func (e *numEntry) MouseIn(*desktop.MouseEvent)    { e.ed.hover(e.cell) }
func (e *numEntry) MouseMoved(*desktop.MouseEvent) {}
func (e *numEntry) MouseOut()                      { e.ed.hover("") }
