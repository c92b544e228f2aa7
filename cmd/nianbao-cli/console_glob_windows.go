package main

import (
	"os"
	"path/filepath"
	"strings"
)

// cmd.exe and PowerShell hand wildcards to the program unexpanded, so
// «nianbao-cli check *.nianbao.json» would look for a file named "*.nianbao.json".
// Expand them here as a Unix shell would, before main reads os.Args.
func init() {
	os.Args = append(os.Args[:1:1], expandWildcards(os.Args[1:])...)
}

// expandWildcards replaces each argument holding '*' or '?' (neither can be
// part of a Windows file name) by the matching paths, sorted. A pattern that
// matches nothing stays as typed, so the error names it. '[' is left alone:
// it is an ordinary file-name character on Windows.
func expandWildcards(args []string) []string {
	out := make([]string, 0, len(args))
	for _, a := range args {
		if !strings.ContainsAny(a, "*?") || strings.ContainsAny(a, "[") {
			out = append(out, a)
			continue
		}
		matches, err := filepath.Glob(a)
		if err != nil || len(matches) == 0 {
			out = append(out, a)
			continue
		}
		out = append(out, matches...)
	}
	return out
}
