package app

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// lintTier lists the rules marked lint in formats.md §8.2 and gongwen.md §10.
var lintTier = map[string]bool{
	"T2-STOCK-MIN": true, "T2-DELTA-NEG": true, "T2-PROC-PAIR": true, "X-STOCK": true,
	"TXT-APPLY-NEW": true, "TXT-APPLY-DONE": true, "TXT-FORWARD": true, "TXT-REVIEW": true, "TXT-SUIT": true,
	"TXT-S1-GOV": true, "LINT-YEAR": true, "LINT-UNIT": true, "LINT-PLACEHOLDER": true, "LINT-SPAM": true,
	"LINT-OLDSTRUCT": true, "LINT-NOTICE": true, "LINT-PARTS": true, "LINT-PUNCT": true, "TXT-CARRIED": true, "DOC-CC": true,
}

// TestBrokenFixtures runs every testdata/broken/<RULE>.nianbao.json and
// compares all findings, field by field, with <RULE>.expected.json, which
// was written from the spec. A core fixture runs the core tier only; a lint
// fixture adds the lint tier. <RULE>.prev.nianbao.json is the previous year.
func TestBrokenFixtures(t *testing.T) {
	files, err := filepath.Glob("../testdata/broken/*.expected.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	covered := map[string]bool{}
	for _, exp := range files {
		rule := strings.TrimSuffix(filepath.Base(exp), ".expected.json")
		t.Run(rule, func(t *testing.T) {
			dir := filepath.Dir(exp)
			r := loadReport(t, filepath.Join(dir, rule+".nianbao.json"))
			opt := CheckOptions{Core: !lintTier[rule]}
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
			got := Check(r, opt).Findings
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
	// Every core rule has a failing fixture (formats.md §8.2, gongwen.md §10).
	for _, rule := range ruleOrder {
		if !lintTier[rule] && !covered[rule] {
			t.Errorf("core rule %s has no broken fixture", rule)
		}
	}
}
