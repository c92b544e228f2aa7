package app

import "slices"

// Tier of a rule (formats.md §8.1). Both run everywhere; CheckOptions.Core
// limits a run to the core tier.
type Tier string

const (
	TierCore Tier = "core"
	TierLint Tier = "lint"
)

// Scope groups of formats.md §8.1, shown as filters in the window.
const (
	ScopeTable     = "表内"
	ScopeTextTable = "文表"
	ScopeYears     = "年度间"
	ScopeText      = "文本"
	ScopeDoc       = "文档"
)

// Rule is one check rule of formats.md §8.2 or gongwen.md §10.
type Rule struct {
	ID       string
	Name     string // 名称 of §8.2
	Tier     Tier
	Severity Severity
	Formats  []string // the formats it applies to; nil for every format
	Scope    string
	Gongwen  bool // a 公文版 field rule: runs only when doc.style is gongwen

	cells bool // reads cells, so needs a known format
	check func(*checker)
}

// AppliesTo reports whether the rule is checked on a report of format f.
func (r *Rule) AppliesTo(f *Format) bool {
	return r.Formats == nil || f != nil && slices.Contains(r.Formats, f.ID)
}

var (
	f2019 = []string{"2019"}
	f2021 = []string{"2021"}
)

// Rules is every check rule in the order findings are reported (§8.2, then
// the 公文 rules). The order, the tier filter, the severity of each finding
// and the per-format applicability all come from this table. It is filled
// in init because the check functions refer back to it.
var Rules []Rule

var ruleRank map[string]int

func init() {
	Rules = []Rule{
		{ID: "FORMAT-YEAR", Name: "格式与年度", Tier: TierCore, Severity: Error, Scope: ScopeDoc, check: (*checker).formatYear},
		{ID: "VALUE-NUMBER", Name: "非数字", Tier: TierCore, Severity: Error, Scope: ScopeTable, cells: true, check: (*checker).valueNumber},
		{ID: "VALUE-EMPTY", Name: "空白单元格", Tier: TierCore, Severity: Warning, Scope: ScopeTable, cells: true, check: (*checker).valueEmpty},
		{ID: "VALUE-INT", Name: "整数", Tier: TierCore, Severity: Error, Scope: ScopeTable, cells: true, check: kindRule("VALUE-INT")},
		{ID: "VALUE-NONNEG", Name: "非负", Tier: TierCore, Severity: Error, Scope: ScopeTable, cells: true, check: kindRule("VALUE-NONNEG")},
		{ID: "VALUE-MONEY", Name: "金额", Tier: TierCore, Severity: Error, Scope: ScopeTable, cells: true, check: kindRule("VALUE-MONEY")},
		{ID: "T3-ROWTOTAL", Name: "表三 总计列", Tier: TierCore, Severity: Error, Scope: ScopeTable, cells: true, check: (*checker).t3RowTotals},
		{ID: "T3-RESULTTOTAL", Name: "表三 （七）总计", Tier: TierCore, Severity: Error, Scope: ScopeTable, cells: true, check: (*checker).t3ResultTotals},
		{ID: "T3-BALANCE", Name: "表三 勾稽关系（一+二=三+四）", Tier: TierCore, Severity: Error, Scope: ScopeTable, cells: true, check: (*checker).t3Balance},
		{ID: "T4-TOTAL", Name: "表四 总计", Tier: TierCore, Severity: Error, Scope: ScopeTable, cells: true, check: (*checker).t4Totals},
		{ID: "T2-RULE-LEVEL", Name: "规章与机关层级", Tier: TierCore, Severity: Warning, Scope: ScopeTable, cells: true, check: (*checker).t2RuleLevel},
		{ID: "T2-STOCK-MIN", Name: "现行有效件数下限", Tier: TierLint, Severity: Warning, Formats: f2021, Scope: ScopeTable, cells: true, check: (*checker).t2StockMin},
		{ID: "T2-DELTA-NEG", Name: "项目数量为负", Tier: TierLint, Severity: Warning, Formats: f2019, Scope: ScopeTable, cells: true, check: (*checker).t2DeltaNeg},
		{ID: "T2-PROC-PAIR", Name: "政府集中采购 数量与金额", Tier: TierLint, Severity: Warning, Formats: f2019, Scope: ScopeTable, cells: true, check: (*checker).t2ProcPair},
		{ID: "X-YEAR", Name: "标题、统计期限的年份", Tier: TierCore, Severity: Error, Scope: ScopeDoc, check: (*checker).xYear},
		{ID: "X-DATE", Name: "成文日期", Tier: TierCore, Severity: Warning, Scope: ScopeDoc, check: (*checker).xDate},
		{ID: "X-CARRY", Name: "上年结转衔接", Tier: TierCore, Severity: Warning, Scope: ScopeYears, cells: true, check: (*checker).xCarry},
		{ID: "X-STOCK", Name: "现行有效件数衔接", Tier: TierLint, Severity: Warning, Formats: f2021, Scope: ScopeYears, cells: true, check: (*checker).xStock},
		{ID: "TXT-EMPTY", Name: "五/六/一 内容为空", Tier: TierCore, Severity: Warning, Scope: ScopeText, check: (*checker).txtEmpty},
		{ID: "TXT-S6-FEE", Name: "有收费而第六部分未说明", Tier: TierCore, Severity: Warning, Formats: f2021, Scope: ScopeTextTable, cells: true, check: (*checker).txtS6Fee},
		{ID: "TXT-APPLY-NEW", Name: "正文申请数 vs 表三", Tier: TierLint, Severity: Warning, Scope: ScopeTextTable, cells: true, check: claimCheck("TXT-APPLY-NEW")},
		{ID: "TXT-APPLY-DONE", Name: "正文办结数 vs 表三", Tier: TierLint, Severity: Warning, Scope: ScopeTextTable, cells: true, check: claimCheck("TXT-APPLY-DONE")},
		{ID: "TXT-FORWARD", Name: "正文结转数 vs 表三", Tier: TierLint, Severity: Warning, Scope: ScopeTextTable, cells: true, check: claimCheck("TXT-FORWARD")},
		{ID: "TXT-CARRIED", Name: "正文上年结转数 vs 表三", Tier: TierLint, Severity: Warning, Scope: ScopeTextTable, cells: true, check: claimCheck("TXT-CARRIED")},
		{ID: "TXT-REVIEW", Name: "正文行政复议数 vs 表四", Tier: TierLint, Severity: Warning, Scope: ScopeTextTable, cells: true, check: claimCheck("TXT-REVIEW")},
		{ID: "TXT-SUIT", Name: "正文行政诉讼数 vs 表四", Tier: TierLint, Severity: Warning, Scope: ScopeTextTable, cells: true, check: claimCheck("TXT-SUIT")},
		{ID: "TXT-S1-GOV", Name: "人民政府须报考核、评议、追责情况", Tier: TierLint, Severity: Warning, Scope: ScopeText, check: (*checker).txtS1Gov},
		{ID: "LINT-YEAR", Name: "年份错误 / 沿用上年文字", Tier: TierLint, Severity: Warning, Scope: ScopeText, check: textRule((*checker).lintYear)},
		{ID: "LINT-UNIT", Name: "出现其他单位名称", Tier: TierLint, Severity: Warning, Scope: ScopeText, check: textRule((*checker).lintUnit)},
		{ID: "LINT-PLACEHOLDER", Name: "占位文字", Tier: TierLint, Severity: Warning, Scope: ScopeText, check: textRule((*checker).lintPlaceholder)},
		{ID: "LINT-SPAM", Name: "垃圾 / 异常外文词", Tier: TierLint, Severity: Error, Scope: ScopeText, check: textRule((*checker).lintSpam)},
		{ID: "LINT-OLDSTRUCT", Name: "旧版（2019年前）结构用语", Tier: TierLint, Severity: Warning, Scope: ScopeText, check: textRule((*checker).lintOldStruct)},
		{ID: "LINT-NOTICE", Name: "引用的格式文号与年度不符", Tier: TierLint, Severity: Warning, Scope: ScopeText, check: textRule((*checker).lintNotice)},
		{ID: "LINT-PARTS", Name: "前言所述部分数不是六", Tier: TierLint, Severity: Warning, Scope: ScopeText, check: textRule((*checker).lintParts)},
		{ID: "LINT-PUNCT", Name: "中文中的半角标点", Tier: TierLint, Severity: Warning, Scope: ScopeText, check: textRule((*checker).lintPunct)},
		{ID: "DOC-NUMBER", Name: "发文字号", Tier: TierCore, Severity: Warning, Scope: ScopeDoc, Gongwen: true, check: (*checker).docNumber},
		{ID: "DOC-SIGNER", Name: "签发人", Tier: TierCore, Severity: Warning, Scope: ScopeDoc, Gongwen: true, check: (*checker).docSigner},
		{ID: "DOC-PRINTDATE", Name: "印发日期", Tier: TierCore, Severity: Warning, Scope: ScopeDoc, Gongwen: true, check: (*checker).docPrintDate},
		{ID: "DOC-CC", Name: "抄送机关分隔", Tier: TierLint, Severity: Warning, Scope: ScopeDoc, Gongwen: true, check: (*checker).docCC},
	}
	ruleRank = make(map[string]int, len(Rules))
	for i, r := range Rules {
		ruleRank[r.ID] = i
	}
}

// RuleIDs returns every rule ID in the order findings are reported.
func RuleIDs() []string {
	out := make([]string, len(Rules))
	for i, r := range Rules {
		out[i] = r.ID
	}
	return out
}

// RuleByID returns the rule of an ID.
func RuleByID(id string) (*Rule, bool) {
	i, ok := ruleRank[id]
	if !ok {
		return nil, false
	}
	return &Rules[i], true
}

// textRule runs a narrative rule on the non-empty sections.
func textRule(fn func(*checker, []lintText)) func(*checker) {
	return func(c *checker) { fn(c, c.lintTexts()) }
}

// kindRule reports the problems of one kind rule, found in one pass for all three.
func kindRule(id string) func(*checker) {
	return func(c *checker) {
		for _, k := range c.kindHits() {
			if k.p.Rule == id {
				c.add(Finding{Rule: id, Anchor: k.cell.ID, Cells: []string{k.cell.ID}, Message: k.cell.Location + "：" + k.p.Message})
			}
		}
	}
}

// claimCheck runs one claim rule of check_claims.go.
func claimCheck(id string) func(*checker) {
	for i := range claimRules {
		if claimRules[i].id == id {
			cr := &claimRules[i]
			return func(c *checker) { c.textClaim(cr) }
		}
	}
	panic("no claim rule " + id)
}
