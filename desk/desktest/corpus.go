package desktest

import (
	"bytes"
	"compress/zlib"
	"crypto/md5"
	"encoding/hex"
	"fmt"
	"io"
	"regexp"
	"strconv"
)

var (
	embeddedDict = regexp.MustCompile(`<< /Type /EmbeddedFile [^\n]*?/Size (\d+) /CheckSum <([0-9a-f]+)> >> /Filter /FlateDecode /Length (\d+) >>\nstream\n`)
	objStart     = regexp.MustCompile(`(?m)^(\d+) 0 obj\b`)
	xrefAt       = regexp.MustCompile(`\nxref\n0 (\d+)\n`)
)

// WithUnit returns a copy of a PDF printed by the app whose embedded report
// names another unit, with a correct /Size, /CheckSum, /Length and
// cross-reference table: a thousand distinct units from a few renders. The
// printed pages are unchanged (their tables still match the data).
func WithUnit(pdf []byte, oldName, newName string) ([]byte, error) {
	m := embeddedDict.FindSubmatchIndex(pdf)
	if m == nil {
		return nil, fmt.Errorf("no embedded report stream")
	}
	length, _ := strconv.Atoi(string(pdf[m[6]:m[7]]))
	start := m[1]
	zr, err := zlib.NewReader(bytes.NewReader(pdf[start : start+length]))
	if err != nil {
		return nil, err
	}
	js, err := io.ReadAll(zr)
	if err != nil {
		return nil, err
	}
	js = bytes.ReplaceAll(js, []byte(`"`+oldName+`"`), []byte(`"`+newName+`"`))
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write(js)
	zw.Close()
	sum := md5.Sum(js)
	dict := string(pdf[m[0]:m[2]]) + strconv.Itoa(len(js)) + " /CheckSum <" + hex.EncodeToString(sum[:]) +
		"> >> /Filter /FlateDecode /Length " + strconv.Itoa(z.Len()) + " >>\nstream\n"
	var out bytes.Buffer
	out.Write(pdf[:m[0]])
	out.WriteString(dict)
	out.Write(z.Bytes())
	rest := pdf[start+length:]
	x := xrefAt.FindIndex(rest)
	if x == nil {
		return nil, fmt.Errorf("no cross-reference table")
	}
	out.Write(rest[:x[0]])
	body := out.Bytes()
	offs := map[int]int{}
	for _, o := range objStart.FindAllSubmatchIndex(body, -1) {
		n, _ := strconv.Atoi(string(body[o[2]:o[3]]))
		offs[n] = o[0]
	}
	count, _ := strconv.Atoi(string(xrefAt.FindSubmatch(rest)[1]))
	xrefOff := out.Len() + 1
	fmt.Fprintf(&out, "\nxref\n0 %d\n0000000000 65535 f \n", count)
	for n := 1; n < count; n++ {
		fmt.Fprintf(&out, "%010d 00000 n \n", offs[n])
	}
	tail := rest[x[1]+20*count:]
	i := bytes.Index(tail, []byte("startxref"))
	if i < 0 {
		return nil, fmt.Errorf("no startxref")
	}
	out.Write(tail[:i])
	fmt.Fprintf(&out, "startxref\n%d\n%%%%EOF\n", xrefOff)
	return out.Bytes(), nil
}
