package importer

import (
	"strings"

	"nianbao/app"
)

// blankMarks are what published tables print in a cell that has no value.
var blankMarks = map[string]bool{"-": true, "/": true, "—": true, "——": true, "－": true, "／": true, "–": true}

// cellState classifies the text of a table cell.
type cellState uint8

const (
	cellLabel  cellState = iota // text that is not a value
	cellBlank                   // empty or a blank mark: stays empty, never 0
	cellNumber                  // a number, possibly with a unit
)

// cleanCell removes the spaces and invisible marks of a cell text.
func cleanCell(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '\u00a0', '\u200b', '\ufeff', '\u3000':
			return ' '
		}
		return r
	}, s)
	return strings.TrimSpace(s)
}

func classify(s string) cellState {
	s = cleanCell(s)
	if s == "" || blankMarks[s] {
		return cellBlank
	}
	if _, ok := numberOf(s); ok {
		return cellNumber
	}
	return cellLabel
}

// isValueText reports whether a laid-out text cell is a value or a blank mark.
func isValueText(s string) bool {
	s = cleanCell(s)
	if s == "" {
		return false
	}
	return blankMarks[s] || classify(s) == cellNumber
}

// numberOf returns the canonical number of a cell text, dropping the spaces a
// laid-out page puts between digits ("1 234") and a trailing 元 as a unit
// marker (the caller converts 元 to 万元).
func numberOf(s string) (string, bool) {
	s = strings.ReplaceAll(cleanCell(s), " ", "")
	s = strings.TrimSuffix(s, "元")
	s = strings.TrimSuffix(s, "万")
	v := app.ParseValue(s)
	if v.State != app.Number {
		return "", false
	}
	return v.Text, true
}

// inYuan reports whether a value is written in 元 rather than 万元.
func inYuan(s string) bool {
	s = strings.ReplaceAll(cleanCell(s), " ", "")
	return strings.HasSuffix(s, "元") && !strings.HasSuffix(s, "万元")
}
