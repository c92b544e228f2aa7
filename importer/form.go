package importer

// The intermediate form every reader produces: the document as a sequence of
// text lines and tables. Readers know nothing of the report's rows; the
// recogniser maps this form onto a format declaration of app.

// Doc is one input document read into lines and tables, in reading order.
type Doc struct {
	Blocks []Block
	// Wraps is set by readers of laid-out pages (PDF): a line ends where the
	// page ended, and Line.Wrapped says whether the paragraph goes on.
	Wraps bool
}

// Block is a text line (Table == nil) or a table.
type Block struct {
	Text    string
	Wrapped bool // the paragraph continues on the next line (only when Doc.Wraps)
	Table   *Table
}

// Table is a grid of cells with spans resolved: a cell covered by a span
// repeats the text of the cell it belongs to and is marked Covered.
type Table struct {
	Rows [][]GridCell
	// Grid: positions are the table's real columns (HTML, Word, Excel), so a
	// header row tells the column of each position. Text and PDF rows are not.
	Grid bool
}

// GridCell is one grid position of a table.
type GridCell struct {
	Text string
	// Covered: this position belongs to a span whose text is in the cell to
	// the left (colspan) or above (rowspan).
	Covered bool
	// FromAbove: covered by a rowspan, so the text is a label that applies
	// to this row too.
	FromAbove bool
}

// addLine appends a text line.
func (d *Doc) addLine(s string) { d.Blocks = append(d.Blocks, Block{Text: s}) }

// addTable appends a table when it has rows.
func (d *Doc) addTable(t *Table) {
	if t != nil && len(t.Rows) > 0 {
		d.Blocks = append(d.Blocks, Block{Table: t})
	}
}

// rowOf makes a grid row of plain cells.
func rowOf(cells ...string) []GridCell {
	r := make([]GridCell, len(cells))
	for i, c := range cells {
		r[i] = GridCell{Text: c}
	}
	return r
}
