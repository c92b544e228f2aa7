package ui

import (
	"fmt"
	"strings"
)

// cfHTML wraps an HTML fragment in the Windows clipboard's «HTML Format»:
// a header of byte offsets, then the document with the fragment marked.
func cfHTML(fragment string) []byte {
	const header = "Version:0.9\r\nStartHTML:%010d\r\nEndHTML:%010d\r\nStartFragment:%010d\r\nEndFragment:%010d\r\n"
	pre := "<html><head><meta charset=\"utf-8\"></head><body>\r\n<!--StartFragment-->"
	post := "<!--EndFragment-->\r\n</body></html>"
	n := len(fmt.Sprintf(header, 0, 0, 0, 0))
	startFrag := n + len(pre)
	endFrag := startFrag + len(fragment)
	end := endFrag + len(post)
	var b strings.Builder
	fmt.Fprintf(&b, header, n, end, startFrag, endFrag)
	b.WriteString(pre)
	b.WriteString(fragment)
	b.WriteString(post)
	return []byte(b.String())
}
