package app

import "sync"

// fmtIndex resolves, once per format, the cells each rule reads, so that a
// check run looks nothing up by string and builds no cell ID.
type fmtIndex struct {
	terms     [][]*Cell  // by Cell.Index: the terms of a computed cell
	t3Totals  []*Cell    // the 总计 cell of every 表三 row
	t4Totals  []*Cell    // the 总计 cell of every 表四 group
	results   [7][]*Cell // per 表三 column: the result rows （一）…（六）
	resTotal  [7]*Cell   // per 表三 column: （七）总计
	balance   [7][4]*Cell
	carried   [7]*Cell
	ruleCells []*Cell // 表二 规章 cells
}

var indexes sync.Map // *Format → *fmtIndex

func indexOf(f *Format) *fmtIndex {
	if x, ok := indexes.Load(f); ok {
		return x.(*fmtIndex)
	}
	x := &fmtIndex{terms: make([][]*Cell, len(f.cells))}
	for _, c := range f.cells {
		for _, id := range c.Sum {
			x.terms[c.Index] = append(x.terms[c.Index], f.Cell(id))
		}
		switch {
		case c.Table == "t3" && c.Col == "total":
			x.t3Totals = append(x.t3Totals, c)
		case c.Table == "t4" && c.Col == "total":
			x.t4Totals = append(x.t4Totals, c)
		case c.Table == "t2" && c.Row == "rule":
			x.ruleCells = append(x.ruleCells, c)
		}
	}
	for i, col := range T3Columns {
		for _, row := range f.results {
			x.results[i] = append(x.results[i], f.Cell("t3."+row+"."+col))
		}
		x.resTotal[i] = f.Cell("t3.total." + col)
		x.balance[i] = [4]*Cell{f.Cell("t3.new." + col), f.Cell("t3.carried." + col), x.resTotal[i], f.Cell("t3.forward." + col)}
		x.carried[i] = f.Cell("t3.carried." + col)
	}
	actual, _ := indexes.LoadOrStore(f, x)
	return actual.(*fmtIndex)
}

// ids returns the IDs of cells, for a finding.
func ids(cells ...*Cell) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = c.ID
	}
	return out
}
