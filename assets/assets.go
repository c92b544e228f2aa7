// Package assets holds the files compiled into the program: the default
// fonts for the PDF and the user interface (see fonts/README.md for their
// sources, licences and how to rebuild them).
package assets

import _ "embed"

// Each font is one TrueType (glyf) face, never a collection or CFF font:
// gofpdf reads nothing else and Fyne crashes on a collection.
var (
	// FontBody stands in for 仿宋 in the body text (Noto Serif CJK SC Light).
	// It covers GB2312 and all of U+4E00–U+9FFF so rare names print, and is
	// the fallback for characters another role's font lacks.
	//go:embed fonts/fs-body.ttf
	FontBody []byte

	// FontTitle is the heavy Song for the title and 发文机关标志
	// (Noto Serif CJK SC Black), standing in for 方正小标宋.
	//go:embed fonts/xbs-title.ttf
	FontTitle []byte

	// FontHeading is the 黑体 for level-1 headings (Noto Sans CJK SC Medium).
	//go:embed fonts/ht-heading.ttf
	FontHeading []byte

	// FontKai is the 楷体 for level-2 headings and the 签发人 name
	// (LXGW WenKai, renamed NB-KT-Kai as its licence asks).
	//go:embed fonts/kt-kai.ttf
	FontKai []byte

	// FontSong is the 宋体 for tables and 版记 (Noto Serif CJK SC Regular).
	//go:embed fonts/st-song.ttf
	FontSong []byte

	// FontUI is the interface font (WenQuanYi Micro Hei, GB2312 + U+4E00–U+9FFF).
	//go:embed fonts/ui.ttf
	FontUI []byte
)
