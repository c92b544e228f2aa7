package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"nianbao/app"
)

// emptyGroup is the VALUE-EMPTY findings of one table: a new report has one
// per input cell, and they ask the clerk for data, not for an 出错说明.
type emptyGroup struct {
	table    string // "t2", "t3", "t4"
	findings []app.Finding
	inputs   int // input cells of the table
}

// splitEmpty separates the VALUE-EMPTY findings, grouped by table in
// table order, from the other warnings; f is the report's format.
func splitEmpty(ws []app.Finding, f *app.Format) (rest []app.Finding, groups []emptyGroup) {
	byTable := map[string]int{}
	for _, f := range ws {
		if f.Rule != "VALUE-EMPTY" || tableKey(f.Anchor) == "" {
			rest = append(rest, f)
			continue
		}
		t := tableKey(f.Anchor)
		i, ok := byTable[t]
		if !ok {
			i = len(groups)
			byTable[t] = i
			groups = append(groups, emptyGroup{table: t})
		}
		groups[i].findings = append(groups[i].findings, f)
	}
	for i := range groups {
		groups[i].inputs = inputCells(f, groups[i].table)
	}
	return rest, groups
}

// inputCells counts the input cells of a table of format f.
func inputCells(f *app.Format, table string) int {
	if f == nil || f.Table(table) == nil {
		return -1
	}
	n := 0
	for _, c := range f.Table(table).Cells {
		if !c.Computed() {
			n++
		}
	}
	return n
}

var tableNames = map[string]string{"t2": "表二", "t3": "表三", "t4": "表四"}

// text is the summary line of a group (formats.md VALUE-EMPTY).
func (g emptyGroup) text() string {
	name := tableNames[g.table]
	if len(g.findings) == g.inputs {
		return name + "整表未填写（空白不等于0；没有发生的事项请填0）"
	}
	return fmt.Sprintf("%s：%d个格子未填写（空白不等于0；没有发生的事项请填0）", name, len(g.findings))
}

// emptySummary is one line per table with its empty cells, with 定位 and
// 空白填0.
type emptySummary struct {
	p     *CheckPanel
	g     emptyGroup
	label *widget.Label
	obj   fyne.CanvasObject
}

func newEmptySummary(p *CheckPanel, table string) *emptySummary {
	s := &emptySummary{p: p, label: widget.NewLabel("")}
	s.label.Wrapping = fyne.TextWrapWord
	locate := widget.NewButton("定位", func() {
		if p.onSelect != nil && len(s.g.findings) > 0 {
			p.onSelect(s.g.findings[0])
		}
	})
	fill := widget.NewButton("空白填0", func() {
		if p.onFill != nil {
			p.onFill(table)
		}
	})
	buttons := container.NewHBox(locate, fill)
	if p.onFill == nil { // a report nobody edits here
		buttons = container.NewHBox(locate)
	}
	s.obj = container.NewVBox(
		container.NewBorder(nil, nil, container.NewCenter(widget.NewIcon(theme.WarningIcon())), nil, s.label),
		buttons)
	return s
}

func (s *emptySummary) set(g emptyGroup) {
	s.g = g
	setLabel(s.label, g.text())
}

// SetFormat names the format of the report whose findings are shown.
func (p *CheckPanel) SetFormat(f *app.Format) { p.format = f }

// EmptySummaries returns the summary lines shown, for tests and the export
// dialog.
func (p *CheckPanel) EmptySummaries() []string {
	_, groups := splitEmpty(p.last.Warnings(), p.format)
	var out []string
	for _, g := range groups {
		out = append(out, g.text())
	}
	return out
}

// summarized lists findings for a dialog: the VALUE-EMPTY ones as one line
// per table, the others one each.
func summarized(fs []app.Finding, f *app.Format, max int) []string {
	rest, groups := splitEmpty(fs, f)
	var lines []string
	for _, g := range groups {
		lines = append(lines, "· "+g.text())
	}
	lines = append(lines, bulleted(rest, max)...)
	return lines
}

// actionable counts the findings per tab a clerk must act on: the empty
// cells of a table count once.
func actionable(fs []app.Finding) [tabCount]int {
	var counts [tabCount]int
	seenEmpty := map[string]bool{}
	for _, f := range fs {
		if f.Rule == "VALUE-EMPTY" && tableKey(f.Anchor) != "" {
			if seenEmpty[tableKey(f.Anchor)] {
				continue
			}
			seenEmpty[tableKey(f.Anchor)] = true
		}
		counts[anchorTab(f.Anchor)]++
	}
	return counts
}
