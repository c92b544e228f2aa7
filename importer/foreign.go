package importer

import (
	"fmt"

	"nianbao/app"
)

// A report of one format sometimes prints a row the way the other format
// does: a 2019-year report with the three 2021 （六）其他处理 rows. Such a
// row is matched against the other format's label and added into the row
// of this format that is its group (counts add exactly).

// addForeign adds, for every leaf of the other formats whose group is a
// leaf of f, a candidate that reads into that leaf.
func (ix *rowIndex) addForeign() {
	own := map[string]*rowSpec{}
	for _, rs := range ix.rows {
		if rs.children == nil && rs.leaf != "" {
			own[normLabel(rs.leaf)] = rs
		}
	}
	for _, other := range app.Formats() {
		if other.ID == ix.format.ID {
			continue
		}
		for _, rs := range indexFormat(other).rows {
			if rs.children != nil || rs.leaf == "" || len(rs.groups) == 0 || own[normLabel(rs.leaf)] != nil {
				continue
			}
			target := own[normLabel(rs.groups[len(rs.groups)-1])]
			if target == nil || len(target.cells) != len(rs.cells) {
				continue
			}
			ix.rows = append(ix.rows, &rowSpec{
				table: target.table, key: rs.key, leaf: rs.leaf, groups: rs.groups, cells: target.cells,
				order: -1, into: target, grams: rs.grams, ordinal: rs.ordinal,
			})
		}
	}
}

// foreignRow adds the values of a sub-row of the other format into its target.
func (rc *recogniser) foreignRow(rs *rowSpec, sr srcRow) {
	t := rs.into
	if rc.sums == nil {
		rc.sums = map[string]app.Decimal{}
		rc.sumBad = map[string]bool{}
		rc.subRows = map[*rowSpec]int{}
	}
	rc.subRows[t]++
	vals := nonEmpty(sr.slots)
	for i, id := range t.cells {
		if len(vals) != len(t.cells) {
			rc.sumBad[id] = true
			continue
		}
		v := app.ParseValue(vals[i])
		if v.State != app.Number {
			rc.sumBad[id] = true
			continue
		}
		rc.sums[id] = rc.sums[id].Add(v.Num)
	}
}

// finishForeign stores the sums, unless the source also printed the row itself.
func (rc *recogniser) finishForeign() {
	for t, n := range rc.subRows {
		if rc.matched[t.order] {
			rc.warn(fmt.Sprintf("原文既有“%s”一行，又有旧格式的分行，只取前者。", shorten(t.leaf, 20)))
			continue
		}
		rc.matched[t.order] = true
		for _, id := range t.cells {
			if rc.sumBad[id] {
				rc.reason[id] = ReasonAmbiguous
				continue
			}
			rc.res.Published[id] = rc.sums[id].String()
		}
		rc.warn(fmt.Sprintf("原文“%s”分为%d行（另一种格式的写法），本格式只有一行，已把各行相加。", shorten(t.leaf, 20), n))
	}
}
