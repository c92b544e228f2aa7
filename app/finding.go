package app

// Severity of a check rule (formats.md §8.1).
type Severity string

const (
	// Error (强制性) blocks the final PDF.
	Error Severity = "error"
	// Warning (提示性) needs a written 出错说明.
	Warning Severity = "warning"
)

// Finding is one failed rule instance.
type Finding struct {
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity"`
	Anchor   string   `json:"anchor"`          // a cell ID or a field path such as "text.s1"
	Cells    []string `json:"cells,omitempty"` // every cell involved
	Left     string   `json:"left,omitempty"`  // decimal strings where the rule compares values
	Right    string   `json:"right,omitempty"`
	Diff     string   `json:"diff,omitempty"` // |left − right|
	Message  string   `json:"message"`
}

// Key identifies a finding across re-runs; 出错说明 are stored under it.
func (f Finding) Key() string { return f.Rule + ":" + f.Anchor }

// Skip reasons of a rule instance that was not checked (未检查).
const (
	SkipNoPrevious = "缺少上年报告"
	SkipNotNumber  = "含非数字单元格"
	SkipFormat     = "不适用本格式"
)

// Skipped is a rule instance that was not checked, with its reason.
type Skipped struct {
	Rule   string `json:"rule"`
	Anchor string `json:"anchor"`
	Reason string `json:"reason"`
}
