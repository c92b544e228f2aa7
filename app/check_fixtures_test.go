package app

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestBrokenFixtures runs every testdata/broken/<RULE>.nianbao.json and
// compares all findings, field by field, with <RULE>.expected.json, which
// was written from the spec. A core fixture runs the core tier only; a lint
// fixture adds the lint tier. <RULE>.prev.nianbao.json is the previous year.
// Every rule of Rules has a failing fixture (its own) and a passing one:
// another fixture on which it ran, was not skipped, and found nothing.
func TestBrokenFixtures(t *testing.T) {
	files, err := filepath.Glob("../testdata/broken/*.expected.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	covered, passed := map[string]bool{}, map[string]bool{}
	for _, exp := range files {
		rule := strings.TrimSuffix(filepath.Base(exp), ".expected.json")
		t.Run(rule, func(t *testing.T) {
			dir := filepath.Dir(exp)
			r := loadReport(t, filepath.Join(dir, rule+".nianbao.json"))
			def, ok := RuleByID(rule)
			if !ok {
				t.Fatalf("fixture for unknown rule %s", rule)
			}
			opt := CheckOptions{Core: def.Tier == TierCore}
			if _, err := os.Stat(filepath.Join(dir, rule+".prev.nianbao.json")); err == nil {
				opt.Prev = loadReport(t, filepath.Join(dir, rule+".prev.nianbao.json"))
			}
			data, err := os.ReadFile(exp)
			if err != nil {
				t.Fatal(err)
			}
			var want []Finding
			dec := json.NewDecoder(strings.NewReader(string(data)))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&want); err != nil {
				t.Fatalf("%s: %v", exp, err)
			}
			res := Check(r, opt)
			got := res.Findings
			for _, other := range Rules {
				ran := !(opt.Core && other.Tier == TierLint) && other.AppliesTo(r.FormatDef()) && (!other.Gongwen || r.Doc.Style == StyleGongwen)
				if ran && !slices.ContainsFunc(got, func(f Finding) bool { return f.Rule == other.ID }) &&
					!slices.ContainsFunc(res.Skipped, func(s Skipped) bool { return s.Rule == other.ID }) {
					passed[other.ID] = true
				}
			}
			if !reflect.DeepEqual(got, want) {
				g, _ := json.MarshalIndent(got, "", "  ")
				t.Errorf("findings differ from %s\ngot:\n%s", exp, g)
			}
			found := false
			for _, f := range want {
				found = found || f.Rule == rule
			}
			if !found {
				t.Errorf("fixture %s expects no finding of its own rule", rule)
			}
			covered[rule] = true
		})
	}
	passing, _ := filepath.Glob("../testdata/passing/*.nianbao.json")
	for _, path := range passing {
		if strings.HasSuffix(path, ".prev.nianbao.json") {
			continue
		}
		r := loadReport(t, path)
		opt := CheckOptions{}
		if prev := strings.TrimSuffix(path, ".nianbao.json") + ".prev.nianbao.json"; fileExists(prev) {
			opt.Prev = loadReport(t, prev)
		}
		res := Check(r, opt)
		if len(res.Findings) != 0 {
			t.Errorf("%s: %v", path, rulesOf(res.Findings))
		}
		for _, other := range Rules {
			if other.AppliesTo(r.FormatDef()) && (!other.Gongwen || r.Doc.Style == StyleGongwen) &&
				!slices.ContainsFunc(res.Skipped, func(s Skipped) bool { return s.Rule == other.ID }) {
				passed[other.ID] = true
			}
		}
	}
	for _, rule := range Rules {
		if !covered[rule.ID] {
			t.Errorf("rule %s has no broken fixture", rule.ID)
		}
		if !passed[rule.ID] {
			t.Errorf("rule %s passes on no fixture", rule.ID)
		}
	}
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
