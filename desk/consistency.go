package desk

import (
	"nianbao/app"
)

// Rules of the desk, reported like the checker's findings.
const (
	// RuleTextMismatch: a table cell printed in the PDF differs from the
	// embedded data (the attachment was changed after printing).
	RuleTextMismatch = "DESK-TEXT"
	// RuleAttachment: a second attachment of the same name, or one added or
	// changed by an incremental update.
	RuleAttachment = "DESK-ATTACH"
	// RuleTextUnread: the PDF's text layer could not be compared.
	RuleTextUnread = "DESK-TEXT-UNREAD"
)

// MismatchPrefix starts every inconsistency message.
const MismatchPrefix = "附件数据与正文不一致："

// Consistency compares an app-made PDF's embedded data with its printed
// tables and reports an ambiguous attachment. Numbers are compared as
// numbers (0 and 0.0 agree); text is compared as printed.
func Consistency(rc *Received) []app.Finding {
	if rc == nil || rc.Report == nil {
		return nil
	}
	var out []app.Finding
	for _, w := range rc.Suspect {
		out = append(out, app.Finding{Rule: RuleAttachment, Severity: app.Error, Anchor: "format", Message: MismatchPrefix + w})
	}
	if rc.Source != SourceEmbedded || rc.Printed == nil && rc.TextErr == nil {
		return out
	}
	if rc.TextErr != nil {
		return append(out, app.Finding{Rule: RuleTextUnread, Severity: app.Warning, Anchor: "format",
			Message: "未能核对附件数据与正文：" + rc.TextErr.Error()})
	}
	f := rc.Report.FormatDef()
	if f == nil {
		return out
	}
	how := ""
	if rc.PrintedPartial {
		how = "（正文经文字识别）"
	}
	for _, c := range f.Cells() {
		printed, seen := rc.Printed[c.ID]
		stored := rc.Report.Cells[c.ID]
		if !seen && rc.PrintedPartial || sameValue(printed, stored) {
			continue
		}
		out = append(out, app.Finding{
			Rule: RuleTextMismatch, Severity: app.Error, Anchor: c.ID, Cells: []string{c.ID},
			Left: printed, Right: stored,
			Message: MismatchPrefix + c.Location + "：正文印的是" + shown(printed) + "，附件数据是" + shown(stored) + how,
		})
	}
	return out
}

func sameValue(a, b string) bool {
	if a == b {
		return true
	}
	va, vb := app.ParseValue(a), app.ParseValue(b)
	return va.State == app.Number && vb.State == app.Number && va.Num.Cmp(vb.Num) == 0
}

func shown(s string) string {
	if s == "" {
		return "（空白）"
	}
	return "“" + s + "”"
}
