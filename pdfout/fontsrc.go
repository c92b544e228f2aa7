package pdfout

import (
	"sync"

	"nianbao/assets"
)

// role names a typographic role of gongwen.md §2.2.
type role int

const (
	roleFS  role = iota // 仿宋: body
	roleHT              // 黑体: level-1 headings
	roleKT              // 楷体: level-2 headings, 签发人 name
	roleXBS             // 小标宋: title, 发文机关标志
	roleST              // 宋体: page numbers, tables
)

// face is one font file registered with the writer.
type face struct {
	name string
	data []byte
}

// fontSource maps roles and runes to faces; it hides the font package.
type fontSource interface {
	// faceFor returns the face that draws r in role ro (a fallback face when
	// the role's face lacks the glyph).
	faceFor(ro role, r rune) *face
}

var (
	bundledOnce  sync.Once
	bundledFaces [5]*face
)

// bundledSource draws each role with its bundled font.
type bundledSource struct{}

func (bundledSource) faceFor(ro role, _ rune) *face { return bundledFaces[ro] }

func defaultSource() (fontSource, error) {
	bundledOnce.Do(func() {
		bundledFaces = [5]*face{
			{"fs", assets.FontBody}, {"ht", assets.FontHeading}, {"kt", assets.FontKai},
			{"xbs", assets.FontTitle}, {"st", assets.FontSong},
		}
	})
	return bundledSource{}, nil
}
