package pdfout

import (
	"errors"
	"fmt"
	"io"
	"time"

	"nianbao/docparts"
	"nianbao/pdfout/fonts"
)

// RenderLetter writes the letter as a PDF/A-3b file in the fonts of set
// (nil: the bundled ones), its metadata dated at (zero: SOURCE_DATE_EPOCH
// or the clock). A character no font has prints as 「□」: a letter is never refused.
func RenderLetter(wr io.Writer, lt docparts.Letter, set *fonts.Set, at time.Time) error {
	if lt.Title == "" {
		return errors.New("审核意见没有标题，无法生成")
	}
	fs := newSetSource(set)
	d := document{
		gongwen: lt.Gongwen, mark: lt.Mark(), number: lt.DocNumber,
		title: lt.Title, titleParts: lt.TitleParts,
		closing: closing{sign: lt.Issuer, date: lt.Date},
	}
	d.blocks = func(*layout) []block {
		bs := []block{{p: &para{spans: []span{{ro: roleFS, text: lt.To}}}}}
		for _, t := range lt.Paragraphs {
			bs = append(bs, block{p: &para{indent: 2, spans: []span{{ro: roleFS, text: t}}}})
		}
		return bs
	}
	w := newGofpdfWriter()
	l := layoutDocument(w, fs, d)
	out, err := printPages(w, l, fs, metadata{title: lt.Title, author: lt.Issuer, subject: "审核意见",
		creator: "年报助手 nianbao", date: now(at)}, false)
	if err != nil {
		return err
	}
	if _, err := wr.Write(out); err != nil {
		return fmt.Errorf("write pdf: %w", err)
	}
	return nil
}
