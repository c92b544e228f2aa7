package importer

import (
	"fmt"
	"strings"
)

// Column headers: a table that prints only some columns, or prints them in
// another order, is mapped by the text of its header row. The header names
// come from the declaration (the Header items of each table).

// headerKeys maps a normalised header text to the column key it heads, per
// table; a text heading different columns of one table is left out.
func (ix *rowIndex) headerKeys() map[string]map[string]string {
	out := map[string]map[string]string{}
	for _, t := range ix.format.Tables {
		if t.Key == "t4" {
			continue // its headers repeat for each of the three groups
		}
		keys := map[string]string{}
		bad := map[string]bool{}
		add := func(text, col string) {
			k := normLabel(text)
			if k == "" {
				return
			}
			if prev, ok := keys[k]; ok && prev != col {
				bad[k] = true
			}
			keys[k] = col
		}
		for _, c := range t.Cells {
			add(c.ColName, c.Col)
			if c.Table == "t2" {
				add(strings.TrimSpace(strings.Split(c.ColPath, "（")[0]), c.Col)
			}
		}
		for k := range bad {
			delete(keys, k)
		}
		out[t.Key] = keys
	}
	return out
}

// columnMap reads a header row: the grid position of each recognised column
// header. It returns the table, the positions and whether the columns are
// the declared ones in the declared order (then the row logic needs no map).
func (rc *recogniser) columnMap(row []GridCell) (string, map[int]string, bool) {
	best, bestN := "", 0
	var bestMap map[int]string
	for table, keys := range rc.headers {
		m := map[int]string{}
		for i, c := range row {
			if c.Covered && !c.FromAbove {
				continue
			}
			if k, ok := keys[normLabel(c.Text)]; ok {
				m[i] = k
			}
		}
		if len(m) > bestN {
			best, bestN, bestMap = table, len(m), m
		}
	}
	if bestN < 2 {
		return "", nil, false
	}
	// The declared order of the columns seen.
	var order []string
	seen := map[string]bool{}
	for _, c := range rc.ix.format.Table(best).Cells {
		if !seen[c.Col] {
			seen[c.Col] = true
			order = append(order, c.Col)
		}
	}
	var got []string
	for i := 0; i < len(row); i++ {
		if k, ok := bestMap[i]; ok && (len(got) == 0 || got[len(got)-1] != k) {
			got = append(got, k)
		}
	}
	standard := best == "t2" || strings.Join(got, " ") == strings.Join(order, " ")
	return best, bestMap, standard
}

// assignByHeader puts the values of a row under the columns its table's
// header names; the columns the source does not print stay empty.
func (rc *recogniser) assignByHeader(rs *rowSpec, row []GridCell) {
	have := map[string]bool{}
	for _, id := range rs.cells {
		have[id] = true
	}
	set := map[string]bool{}
	var cols []string
	for i, c := range row {
		key, ok := rc.colAt[i]
		if !ok || c.Covered {
			continue
		}
		id := "t3." + rs.key + "." + key
		if rs.table != "t3" {
			id = rs.table + "." + rs.key + "." + key
		}
		if !have[id] || set[id] {
			continue
		}
		set[id] = true
		cols = append(cols, rc.ix.format.Cell(id).ColName)
		if classify(c.Text) == cellBlank {
			rc.reason[id] = ReasonBlank
			continue
		}
		rc.set(id, c.Text)
	}
	if len(set) < len(rs.cells) && !rc.partialNoted {
		rc.partialNoted = true
		rc.warn(fmt.Sprintf("原文表格只印了部分列（%s），已按表头对应，其余各列留空。", strings.Join(cols, "、")))
	}
}
