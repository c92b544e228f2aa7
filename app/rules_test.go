package app

import (
	"fmt"
	"strings"
	"testing"
)

// The rule table against formats.md §8.2 and gongwen.md §10, typed from the
// specs: order, severity, tier, scope and the formats a rule is limited to.
func TestRuleTableMatchesSpec(t *testing.T) {
	want := strings.TrimSpace(`
FORMAT-YEAR error core 文档 -
VALUE-NUMBER error core 表内 -
VALUE-EMPTY warning core 表内 -
VALUE-INT error core 表内 -
VALUE-NONNEG error core 表内 -
VALUE-MONEY error core 表内 -
T3-ROWTOTAL error core 表内 -
T3-RESULTTOTAL error core 表内 -
T3-BALANCE error core 表内 -
T4-TOTAL error core 表内 -
T2-RULE-LEVEL warning core 表内 -
T2-STOCK-MIN warning lint 表内 2021
T2-DELTA-NEG warning lint 表内 2019
T2-PROC-PAIR warning lint 表内 2019
X-YEAR error core 文档 -
X-DATE warning core 文档 -
X-CARRY warning core 年度间 -
X-STOCK warning lint 年度间 2021
TXT-EMPTY warning core 文本 -
TXT-S6-FEE warning core 文表 2021
TXT-APPLY-NEW warning lint 文表 -
TXT-APPLY-DONE warning lint 文表 -
TXT-FORWARD warning lint 文表 -
TXT-CARRIED warning lint 文表 -
TXT-REVIEW warning lint 文表 -
TXT-SUIT warning lint 文表 -
TXT-S1-GOV warning lint 文本 -
LINT-YEAR warning lint 文本 -
LINT-UNIT warning lint 文本 -
LINT-PLACEHOLDER warning lint 文本 -
LINT-SPAM error lint 文本 -
LINT-OLDSTRUCT warning lint 文本 -
LINT-NOTICE warning lint 文本 -
LINT-PARTS warning lint 文本 -
LINT-PUNCT warning lint 文本 -
DOC-NUMBER warning core 文档 - gongwen
DOC-SIGNER warning core 文档 - gongwen
DOC-PRINTDATE warning core 文档 - gongwen
DOC-CC warning lint 文档 - gongwen`)
	var got []string
	for _, r := range Rules {
		formats := "-"
		if r.Formats != nil {
			formats = strings.Join(r.Formats, ",")
		}
		line := fmt.Sprintf("%s %s %s %s %s", r.ID, r.Severity, r.Tier, r.Scope, formats)
		if r.Gongwen {
			line += " gongwen"
		}
		if r.Name == "" || r.check == nil {
			t.Errorf("%s has no name or no check", r.ID)
		}
		got = append(got, line)
	}
	if g := strings.Join(got, "\n"); g != want {
		t.Errorf("rule table\n%s\nwant\n%s", g, want)
	}
	if ids := RuleIDs(); len(ids) != len(Rules) || ids[0] != "FORMAT-YEAR" || ids[len(ids)-1] != "DOC-CC" {
		t.Errorf("RuleIDs %v", ids)
	}
	if r, ok := RuleByID("LINT-SPAM"); !ok || r.Severity != Error {
		t.Errorf("RuleByID(LINT-SPAM) = %+v", r)
	}
	if _, ok := RuleByID("LINT-NONE"); ok {
		t.Error("unknown rule found")
	}
}
