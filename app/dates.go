package app

import (
	"fmt"
	"strings"
)

// ParseDate reads a date as clerks type it — 2025年1月20日, 2025-1-20,
// 2025.1.20, 2025/01/20, with full-width digits or spaces — and returns it
// as YYYY-MM-DD. ok is false when it is not a real date.
func ParseDate(s string) (date string, ok bool) {
	s = strings.ReplaceAll(strings.TrimSpace(Normalize(s)), " ", "")
	s = strings.TrimSuffix(strings.TrimSuffix(s, "日"), "号")
	s = strings.NewReplacer("年", "-", "月", "-", ".", "-", "/", "-", "．", "-", "／", "-").Replace(s)
	var y, m, d int
	var rest string
	if n, _ := fmt.Sscanf(s+"\n", "%d-%d-%d%s", &y, &m, &d, &rest); n != 3 || rest != "" {
		return "", false
	}
	date = fmt.Sprintf("%04d-%02d-%02d", y, m, d)
	if !ValidDate(date) {
		return "", false
	}
	return date, true
}
