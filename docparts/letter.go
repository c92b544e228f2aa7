package docparts

// Letter is a short document of the superior office — a 审核意见 sent back
// to a unit — that the PDF and Word writers set like a report: 版头 (公文
// style), title, 主送机关 flush left, indented paragraphs, 署名 and 成文日期.
type Letter struct {
	Gongwen    bool
	IssuerMark string // 发文机关标志; "" is Issuer + 「文件」
	DocNumber  string // 发文字号
	Title      string
	TitleParts []string // where a long title breaks: its meaningful parts, joined = Title
	To         string   // 主送机关, with its colon
	Paragraphs []string // body text, each indented two characters
	Issuer     string   // 发文机关署名
	Date       string   // 成文日期 in Chinese
}

// Mark is the 发文机关标志 printed.
func (l Letter) Mark() string {
	if l.IssuerMark != "" {
		return l.IssuerMark
	}
	return l.Issuer + "文件"
}

// Lines is the title in its printed lines: one when it fits, else broken
// between its parts.
func (l Letter) Lines() []string {
	if len(l.TitleParts) > 0 {
		return PartLines(l.TitleParts)
	}
	return TitleLines(l.Title, "")
}
