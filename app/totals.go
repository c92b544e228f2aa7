package app

// TotalMismatch is a stored total that differs from the sum of its terms,
// as an imported or published report may hold (E1 of formats.md §9).
type TotalMismatch struct {
	Cell      string `json:"cell"`
	Published string `json:"published"` // "" when the file left it empty
	Computed  string `json:"computed"`  // "" when a term is not a number
}

// StaleTotals lists the computed cells of r whose stored value differs from
// what Recompute would store. A total left empty where the sum is 0 is not
// listed: that is an omission, not a contradiction.
func StaleTotals(r *Report) []TotalMismatch {
	f := r.FormatDef()
	if f == nil {
		return nil
	}
	calc := &Report{Format: r.Format, Cells: make(map[string]string, len(r.Cells))}
	for k, v := range r.Cells {
		calc.Cells[k] = v
	}
	Recompute(calc)
	var out []TotalMismatch
	for _, c := range f.Cells() {
		if !c.Computed() {
			continue
		}
		pub, got := Canonical(r.Cells[c.ID]), calc.Cells[c.ID]
		if pub == got || pub == "" && (got == "0" || got == "") {
			continue
		}
		out = append(out, TotalMismatch{Cell: c.ID, Published: pub, Computed: got})
	}
	return out
}
