package main

import (
	"bytes"
	"fmt"
	"path"
	"strconv"
	"strings"

	"nianbao/app"
)

// source is one transcription: header fields, table rows as published
// ("_" for a cell the published copy does not have), explanations keyed by
// a cell pattern, and the text sections one paragraph per line.
type source struct {
	header map[string]string
	rows   map[string]map[string][]string // table → row key → values
	expl   [][2]string                    // "RULE:cell-pattern", text
	text   map[string][]string            // preface, s1, s5, s6 → paragraphs
}

var headerKeys = map[string]bool{
	"source": true, "format": true, "year": true, "unit": true, "level": true,
	"doc.style": true, "doc.title": true, "doc.issuer_mark": true, "doc.doc_number": true,
	"doc.signer": true, "doc.signature": true, "doc.date": true, "doc.note": true,
	"doc.cc": true, "doc.printed_by": true, "doc.printed_date": true,
}

func parseSource(data []byte) (*source, error) {
	s := &source{header: map[string]string{}, rows: map[string]map[string][]string{}, text: map[string][]string{}}
	section := ""
	for i, line := range strings.Split(string(data), "\n") {
		n := i + 1
		if name, ok := strings.CutPrefix(line, "== "); ok {
			section = name
			continue
		}
		switch section {
		case "":
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			k, v, ok := strings.Cut(line, ": ")
			if !ok || !headerKeys[k] {
				return nil, fmt.Errorf("line %d: unknown header %q", n, line)
			}
			s.header[k] = v
		case "t2", "t3", "t4":
			if line == "" {
				continue
			}
			f := strings.Fields(line)
			if s.rows[section] == nil {
				s.rows[section] = map[string][]string{}
			}
			if _, dup := s.rows[section][f[0]]; dup {
				return nil, fmt.Errorf("line %d: row %s given twice", n, f[0])
			}
			s.rows[section][f[0]] = f[1:]
		case "explanations":
			if line == "" {
				continue
			}
			k, v, ok := strings.Cut(line, " ")
			if !ok {
				return nil, fmt.Errorf("line %d: explanation without text", n)
			}
			s.expl = append(s.expl, [2]string{k, v})
		case "preface", "s1", "s5", "s6":
			if strings.TrimSpace(line) != "" {
				s.text[section] = append(s.text[section], line)
			}
		default:
			return nil, fmt.Errorf("line %d: unknown section %q", n, section)
		}
	}
	return s, nil
}

// report builds the report. Every row of every table must be transcribed,
// with exactly as many values as the format has cells in that row, and every
// value must already be canonical: the fixture stores the published digits.
func (s *source) report() (*app.Report, error) {
	year, err := strconv.Atoi(s.header["year"])
	if err != nil {
		return nil, fmt.Errorf("year: %w", err)
	}
	f := app.FormatByID(s.header["format"])
	if f == nil {
		return nil, fmt.Errorf("unknown format %q", s.header["format"])
	}
	r := &app.Report{
		Format: f.ID, Year: year,
		Unit:         app.Unit{Name: s.header["unit"], Level: s.header["level"]},
		Cells:        map[string]string{},
		Explanations: map[string]string{},
		Text: app.Text{
			Preface: strings.Join(s.text["preface"], "\n"),
			S1:      strings.Join(s.text["s1"], "\n"),
			S5:      strings.Join(s.text["s5"], "\n"),
			S6:      strings.Join(s.text["s6"], "\n"),
		},
		Doc: app.Doc{
			Style: s.header["doc.style"], Title: s.header["doc.title"], IssuerMark: s.header["doc.issuer_mark"],
			DocNumber: s.header["doc.doc_number"], Signer: s.header["doc.signer"], Signature: s.header["doc.signature"],
			Date: s.header["doc.date"], Note: s.header["doc.note"], CC: s.header["doc.cc"],
			PrintedBy: s.header["doc.printed_by"], PrintedDate: s.header["doc.printed_date"],
		},
	}
	for _, t := range f.Tables {
		given := s.rows[t.Key]
		seen := map[string]bool{}
		var rowCells []*app.Cell
		flush := func() error {
			if len(rowCells) == 0 {
				return nil
			}
			key := rowCells[0].Row
			vals, ok := given[key]
			if !ok {
				return fmt.Errorf("%s: row %s not transcribed", t.Key, key)
			}
			if len(vals) != len(rowCells) {
				return fmt.Errorf("%s: row %s has %d values, the format has %d cells", t.Key, key, len(vals), len(rowCells))
			}
			for i, c := range rowCells {
				v := vals[i]
				if v == "_" {
					continue
				}
				if app.Canonical(v) != v {
					return fmt.Errorf("%s: %q is not a canonical value", c.ID, v)
				}
				r.Cells[c.ID] = v
			}
			seen[key] = true
			rowCells = rowCells[:0]
			return nil
		}
		for _, c := range t.Cells {
			if len(rowCells) > 0 && rowCells[0].Row != c.Row {
				if err := flush(); err != nil {
					return nil, err
				}
			}
			rowCells = append(rowCells, c)
		}
		if err := flush(); err != nil {
			return nil, err
		}
		for key := range given {
			if !seen[key] {
				return nil, fmt.Errorf("%s: row %s is not part of format %s", t.Key, key, f.ID)
			}
		}
	}
	for _, e := range s.expl {
		rule, pattern, ok := strings.Cut(e[0], ":")
		if !ok {
			return nil, fmt.Errorf("explanation key %q is not RULE:cell", e[0])
		}
		matched := 0
		for _, c := range f.Cells() {
			if ok, _ := path.Match(pattern, c.ID); !ok || c.Computed() || r.Cells[c.ID] != "" {
				continue
			}
			r.Explanations[rule+":"+c.ID] = e[1]
			matched++
		}
		if matched == 0 {
			return nil, fmt.Errorf("explanation %q matches no empty input cell", e[0])
		}
	}
	return r, nil
}

// emit writes the report with app.WriteReport and proves the bytes read back
// strictly and write again identically.
func (s *source) emit(name string, files map[string][]byte) error {
	r, err := s.report()
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if err := app.WriteReport(&b, r); err != nil {
		return err
	}
	back, err := app.ReadReport(bytes.NewReader(b.Bytes()))
	if err != nil {
		return fmt.Errorf("read back: %w", err)
	}
	again, err := app.MarshalReport(back)
	if err != nil {
		return err
	}
	if !bytes.Equal(again, b.Bytes()) {
		return fmt.Errorf("%s does not round-trip", name)
	}
	files[name+".nianbao.json"] = b.Bytes()
	return nil
}
