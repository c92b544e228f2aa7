package app

import "testing"

func TestParseDate(t *testing.T) {
	for in, want := range map[string]string{
		"2025年1月20日":        "2025-01-20",
		"2025-1-20":         "2025-01-20",
		"2025.1.20":         "2025-01-20",
		"2025/01/20":        "2025-01-20",
		"２０２５年１月２０日":        "2025-01-20",
		" 2025 年 1 月 20 日 ": "2025-01-20",
		"2025-01-20":        "2025-01-20",
		"2024年2月29日":        "2024-02-29",
	} {
		if got, ok := ParseDate(in); !ok || got != want {
			t.Errorf("ParseDate(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, bad := range []string{"", "2025年", "2025-13-01", "2023-02-29", "2025-1-20-3", "明天", "20250120x", "2025-1-2日5"} {
		if got, ok := ParseDate(bad); ok {
			t.Errorf("ParseDate(%q) = %q, accepted", bad, got)
		}
	}
}
