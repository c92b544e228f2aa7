package pdfout

import (
	"regexp"
	"strings"

	"nianbao/app"
	"nianbao/docparts"
)

// The markers 三、 and （三） that row-span labels of a table break after.
var (
	reH1 = regexp.MustCompile(`^[一二三四五六七八九十]+、`)
	reH2 = regexp.MustCompile(`^[（(][一二三四五六七八九十]+[）)]`)
)

// levelRole is the font of each heading level (gongwen.md §3).
var levelRole = map[int]role{docparts.H1: roleHT, docparts.H2: roleKT, docparts.H3: roleFS, docparts.H4: roleFS}

// classify turns one line of narrative text into a paragraph, as docparts
// reads it for Word and the web page: a standalone heading, a run-in
// heading set in its level's font, or body text.
func classify(line string) *para {
	dp := docparts.Classify(line)
	p := &para{indent: 2}
	switch {
	case dp.Level == docparts.Body:
		p.spans = []span{{ro: roleFS, text: line}}
	case dp.Rest == "":
		p.spans = []span{{ro: levelRole[dp.Level], text: dp.Head}}
		p.heading = dp.Standalone
	default:
		p.spans = []span{{ro: levelRole[dp.Level], text: dp.Head}, {ro: roleFS, text: dp.Rest}}
	}
	return p
}

// paragraphs splits a narrative field into its non-empty lines.
func paragraphs(text string) []*para {
	var out []*para
	for _, ln := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		ln = strings.TrimSpace(strings.ReplaceAll(ln, "\u3000", " "))
		if ln == "" {
			continue
		}
		out = append(out, classify(ln))
	}
	return out
}

// block is one element of the body flow: a paragraph or a table.
type block struct {
	p *para
	t *tableLayout
}

// bodyBlocks is the body in print order: preface, 一 with text.s1, 二–四
// with their tables, 五, 六 (formats.md §2).
func (l *layout) bodyBlocks(r *app.Report) []block {
	var bs []block
	addText := func(s string) {
		for _, p := range paragraphs(s) {
			bs = append(bs, block{p: p})
		}
	}
	heading := func(h string) {
		bs = append(bs, block{p: &para{indent: 2, heading: true, spans: []span{{ro: roleHT, text: h}}}})
	}
	addText(r.Text.Preface)
	heading(app.SectionHeadings[0])
	addText(r.Text.S1)
	f := r.FormatDef()
	for i, key := range []string{"t2", "t3", "t4"} {
		heading(app.SectionHeadings[i+1])
		if f != nil {
			if t := f.Table(key); t != nil {
				bs = append(bs, block{t: l.measureTable(t, r)})
			}
		}
	}
	heading(app.SectionHeadings[4])
	addText(r.Text.S5)
	heading(app.SectionHeadings[5])
	addText(r.Text.S6)
	return bs
}

// placeBody sets the blocks; a standalone heading is never the last line of
// a page: it moves on with two lines of its text or its table's first rows.
func (l *layout) placeBody(bs []block) {
	for _, b := range bs {
		if b.p != nil {
			l.prepare(b.p)
		}
	}
	for i, b := range bs {
		if b.t != nil {
			l.placeTable(b.t)
			continue
		}
		if b.p.heading && i+1 < len(bs) {
			// a chain of headings moves with what follows the last of them
			need, j := len(b.p.lines), i+1
			for j < len(bs) && bs[j].p != nil && bs[j].p.heading && j+1 < len(bs) {
				need += len(bs[j].p.lines)
				j++
			}
			next := bs[j]
			fits := true
			if next.t != nil {
				fits = l.line+need <= gridLines && lineTop(l.line+need)+next.t.firstNeed() <= typeBottom+1e-6
			} else {
				// as many lines of the text as placePara would set here
				fits = l.line+need < gridLines && splitAt(len(next.p.lines), gridLines-l.line-need) > 0
			}
			if !fits && l.line > 0 {
				l.newPage()
			}
		}
		l.placePara(b.p)
	}
}
