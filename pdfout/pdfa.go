package pdfout

import (
	"bytes"
	"crypto/md5"
	"encoding/hex"
	"encoding/xml"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"

	"nianbao/assets/icc"
	"nianbao/pdfout/fonts"
)

// archive is what the PDF/A-3b step adds to gofpdf's output, which has no
// document-level XMP reference, output intent, file identifier or
// associated files.
type archive struct {
	meta metadata
	file attachment
	// fonts are embedded here rather than by gofpdf (fontembed.go)
	fonts []*embeddedFont
	// masks are the alpha channels of images gofpdf got opaque (sealimage.go)
	masks []*sealImage
}

// attachment is the embedded report file.
type attachment struct {
	name, desc string
	data       []byte
}

var (
	reStartXref = regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF\s*$`)
	reRoot      = regexp.MustCompile(`/Root (\d+) 0 R`)
	reInfo      = regexp.MustCompile(`/Info (\d+) 0 R`)
	rePages     = regexp.MustCompile(`/Pages (\d+) 0 R`)
)

// toPDFA rewrites a gofpdf file as PDF/A-3b (ISO 19005-3): gofpdf's own
// objects are kept byte for byte except the catalog, the Info dictionary,
// the resources (which gain the fonts) and the page contents (compressed
// here); the fonts, the XMP packet, the sRGB output intent and the report
// as an associated file are added; a new xref and a trailer with /ID follow.
func toPDFA(raw []byte, a archive) ([]byte, error) {
	objs, root, info, err := splitObjects(raw)
	if err != nil {
		return nil, fmt.Errorf("pdf/a: %w", err)
	}
	pages := rePages.FindSubmatch(objs[root])
	if pages == nil {
		return nil, errors.New("pdf/a: catalog without /Pages")
	}
	n := len(objs) // objects are 1..n-1
	xmpN, iccN, oiN := n, n+1, n+2
	efN, fsN := n+3, n+4 // the report file, when there is one
	maskN := n + 3       // then one object per mask
	if a.file.data != nil {
		maskN += 2
	}
	tuN := maskN + len(a.masks)
	fontN := tuN + 1 // then five objects per font
	size := fontN + 5*len(a.fonts)
	if err := addMasks(objs, a.masks, maskN); err != nil {
		return nil, fmt.Errorf("pdf/a: %w", err)
	}
	if err := addFonts(objs, a.fonts, fontN); err != nil {
		return nil, fmt.Errorf("pdf/a: %w", err)
	}
	z := getDeflater()
	defer putDeflater(z)

	var out bytes.Buffer
	out.Grow(len(raw) + 16<<10)
	// a comment of four bytes above 127 marks the file as binary (6.1.2)
	out.WriteString("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n")
	offsets := make([]int, size)
	put := func(num int, body []byte) {
		offsets[num] = out.Len()
		fmt.Fprintf(&out, "%d 0 obj\n", num)
		out.Write(body)
		out.WriteString("\nendobj\n")
	}
	for num := 1; num < n; num++ {
		switch num {
		case root:
			files := ""
			if a.file.data != nil {
				files = fmt.Sprintf(" /Names << /EmbeddedFiles << /Names [%s %d 0 R] >> >> /AF [%d 0 R]",
					pdfLiteral(a.file.name), fsN, fsN)
			}
			put(num, []byte(fmt.Sprintf("<< /Type /Catalog /Pages %s 0 R /Lang (zh-CN)%s"+
				" /Metadata %d 0 R /OutputIntents [%d 0 R] >>", pages[1], files, xmpN, oiN)))
		case info:
			put(num, infoDict(a.meta))
		default:
			put(num, compressPlain(objs[num], z))
		}
	}
	xmp := xmpPacket(a.meta)
	put(xmpN, append([]byte(fmt.Sprintf("<< /Type /Metadata /Subtype /XML /Length %d >>\nstream\n", len(xmp))),
		append(xmp, "\nendstream"...)...))
	put(iccN, z.stream("/N 3", icc.SRGB))
	put(oiN, []byte(fmt.Sprintf("<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB IEC61966-2.1)"+
		" /Info (sRGB IEC61966-2.1) /RegistryName (http://www.color.org) /DestOutputProfile %d 0 R >>", iccN)))
	if a.file.data != nil {
		sum := md5.Sum(a.file.data)
		put(efN, z.stream(fmt.Sprintf("/Type /EmbeddedFile /Subtype /application#2Fjson /Params << /ModDate %s /Size %d /CheckSum <%s> >>",
			pdfDate(a.meta.date), len(a.file.data), hex.EncodeToString(sum[:])), a.file.data))
		put(fsN, []byte(fmt.Sprintf("<< /Type /Filespec /F %s /UF %s /Desc %s /AFRelationship /Data /EF << /F %d 0 R /UF %d 0 R >> >>",
			pdfLiteral(a.file.name), pdfText(a.file.name), pdfText(a.file.desc), efN, efN)))
	}

	for i, m := range a.masks {
		put(maskN+i, append([]byte(fmt.Sprintf("<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray"+
			" /BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n", m.w, m.h, len(m.alpha))),
			append(append([]byte(nil), m.alpha...), "\nendstream"...)...))
	}
	put(tuN, z.stream("", toUnicode))
	for i, f := range a.fonts {
		objs, err := fontObjects(f, fontN+5*i, tuN)
		if fe := (*FontError)(nil); errors.As(err, &fe) {
			return nil, fe // the user's own sentence, unwrapped
		} else if err != nil {
			return nil, fmt.Errorf("pdf/a: %w", err)
		}
		for k, o := range objs {
			put(fontN+5*i+k, o)
		}
	}

	id := md5.Sum(out.Bytes())
	xref := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", size)
	for _, off := range offsets[1:] {
		fmt.Fprintf(&out, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&out, "trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R /ID [<%x> <%x>] >>\nstartxref\n%d\n%%%%EOF\n",
		size, root, info, id, id, xref)
	return out.Bytes(), nil
}

// splitObjects cuts gofpdf's file into its objects (the text between
// "N 0 obj\n" and "\nendobj"), indexed by number, using its xref table.
func splitObjects(raw []byte) (objs [][]byte, root, info int, err error) {
	m := reStartXref.FindSubmatch(raw)
	if m == nil {
		return nil, 0, 0, errors.New("no startxref")
	}
	xref, _ := strconv.Atoi(string(m[1]))
	if xref <= 0 || xref >= len(raw) || !bytes.HasPrefix(raw[xref:], []byte("xref\n0 ")) {
		return nil, 0, 0, errors.New("no xref table at startxref")
	}
	head := raw[xref+len("xref\n0 "):]
	nl := bytes.IndexByte(head, '\n')
	count, err := strconv.Atoi(string(head[:max(nl, 0)]))
	if err != nil || count < 3 || len(head) < nl+1+20*count {
		return nil, 0, 0, errors.New("bad xref header")
	}
	table := head[nl+1 : nl+1+20*count]
	trailer := head[nl+1+20*count:]
	if rm := reRoot.FindSubmatch(trailer); rm != nil {
		root, _ = strconv.Atoi(string(rm[1]))
	}
	if im := reInfo.FindSubmatch(trailer); im != nil {
		info, _ = strconv.Atoi(string(im[1]))
	}
	if root <= 0 || root >= count || info <= 0 || info >= count {
		return nil, 0, 0, errors.New("trailer without /Root or /Info")
	}
	type span struct{ num, off int }
	spans := make([]span, 0, count)
	for i := 1; i < count; i++ {
		off, err := strconv.Atoi(string(table[20*i : 20*i+10]))
		if err != nil || off <= 0 || off >= xref {
			return nil, 0, 0, fmt.Errorf("bad xref entry %d", i)
		}
		spans = append(spans, span{i, off})
	}
	slices.SortFunc(spans, func(a, b span) int { return a.off - b.off })
	objs = make([][]byte, count)
	for k, s := range spans {
		end := xref
		if k+1 < len(spans) {
			end = spans[k+1].off
		}
		o := raw[s.off:end]
		start := fmt.Sprintf("%d 0 obj\n", s.num)
		stop := bytes.LastIndex(o, []byte("endobj"))
		if !bytes.HasPrefix(o, []byte(start)) || stop < 0 {
			return nil, 0, 0, fmt.Errorf("object %d not where the xref says", s.num)
		}
		objs[s.num] = bytes.TrimRight(o[len(start):stop], "\n")
	}
	return objs, root, info, nil
}

// compressPlain compresses a stream gofpdf wrote without a filter (the
// page contents); other objects are returned as they are.
func compressPlain(obj []byte, z *deflater) []byte {
	const head = "<</Length "
	if !bytes.HasPrefix(obj, []byte(head)) {
		return obj
	}
	rest := obj[len(head):]
	end := bytes.Index(rest, []byte(">>\nstream\n"))
	if end < 0 {
		return obj
	}
	n, err := strconv.Atoi(string(rest[:end]))
	data := rest[end+len(">>\nstream\n"):]
	if err != nil || n < 0 || n > len(data) {
		return obj
	}
	return z.stream("", data[:n])
}

// addFonts lists the fonts in gofpdf's resource dictionary, which it wrote
// with an empty /Font entry: every page shares it.
func addFonts(objs [][]byte, fs []*embeddedFont, first int) error {
	empty := []byte("\n/Font <<\n>>\n")
	var refs bytes.Buffer
	refs.WriteString("\n/Font <<")
	for i, f := range fs {
		fmt.Fprintf(&refs, " /%s %d 0 R", f.res, first+5*i)
	}
	refs.WriteString(" >>\n")
	found := 0
	for num, o := range objs {
		if bytes.Contains(o, empty) && bytes.Contains(o, []byte("/ProcSet")) {
			objs[num] = bytes.Replace(o, empty, refs.Bytes(), 1)
			found++
		}
	}
	if found != 1 {
		return fmt.Errorf("%d resource dictionaries for the fonts, want 1", found)
	}
	return nil
}

func infoDict(m metadata) []byte {
	var b strings.Builder
	b.WriteString("<<")
	for _, kv := range [][2]string{{"Title", m.title}, {"Author", m.author}, {"Subject", m.subject},
		{"Keywords", m.keywords}, {"Creator", m.creator}, {"Producer", m.creator}} {
		if kv[1] != "" {
			fmt.Fprintf(&b, " /%s %s", kv[0], pdfText(kv[1]))
		}
	}
	fmt.Fprintf(&b, " /CreationDate %s /ModDate %s >>", pdfDate(m.date), pdfDate(m.date))
	return []byte(b.String())
}

// pdfDate is a PDF date in UTC, the same instant as xmpDate.
func pdfDate(t time.Time) string { return t.UTC().Format("(D:20060102150405+00'00')") }

func xmpDate(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05+00:00") }

// pdfText is a text string: UTF-16BE with a byte order mark, in hex.
func pdfText(s string) string {
	u := utf16.Encode([]rune(s))
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, c := range u {
		fmt.Fprintf(&b, "%04X", c)
	}
	b.WriteString(">")
	return b.String()
}

// pdfLiteral is an ASCII literal string (file names of the /F key).
func pdfLiteral(s string) string {
	var b strings.Builder
	b.WriteByte('(')
	for _, c := range []byte(s) {
		switch {
		case c == '(' || c == ')' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c < 32 || c > 126:
			b.WriteByte('_')
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte(')')
	return b.String()
}

// xmpPacket is the document metadata as XMP, agreeing with infoDict
// (ISO 19005-3 6.6.2.1), with the PDF/A identification.
func xmpPacket(m metadata) []byte {
	esc := func(s string) string {
		var b bytes.Buffer
		_ = xml.EscapeText(&b, []byte(s))
		return b.String()
	}
	d := xmpDate(m.date)
	var b strings.Builder
	b.WriteString("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
	b.WriteString(`<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about=""
 xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:xmp="http://ns.adobe.com/xap/1.0/"
 xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
<pdfaid:part>3</pdfaid:part>
<pdfaid:conformance>B</pdfaid:conformance>
<dc:format>application/pdf</dc:format>
`)
	if m.title != "" {
		fmt.Fprintf(&b, "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:title>\n", esc(m.title))
	}
	if m.author != "" {
		fmt.Fprintf(&b, "<dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator>\n", esc(m.author))
	}
	if m.subject != "" {
		fmt.Fprintf(&b, "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:description>\n", esc(m.subject))
	}
	if m.keywords != "" {
		fmt.Fprintf(&b, "<pdf:Keywords>%s</pdf:Keywords>\n", esc(m.keywords))
	}
	if m.creator != "" {
		fmt.Fprintf(&b, "<pdf:Producer>%s</pdf:Producer>\n<xmp:CreatorTool>%s</xmp:CreatorTool>\n", esc(m.creator), esc(m.creator))
	}
	fmt.Fprintf(&b, "<xmp:CreateDate>%s</xmp:CreateDate>\n<xmp:ModifyDate>%s</xmp:ModifyDate>\n<xmp:MetadataDate>%s</xmp:MetadataDate>\n", d, d, d)
	b.WriteString("</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>")
	return []byte(b.String())
}

// toUnicode is the ToUnicode CMap every font shares: codes are UTF-16 code
// units, and the private-use codes of squeezed marks (fonts.Squeezed) read
// back as the marks themselves. A bfrange may not cross a change of the
// code's first byte (ISO 32000-1 9.10.3), so the identity is written in
// ranges of 256, at most 100 to a block; surrogates are never shown.
var toUnicode = func() []byte {
	var m strings.Builder
	m.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	// the block of the squeezed marks' codes, which map to the marks
	first, _ := fonts.Squeezed([]rune(fonts.SqueezeMarks)[0])
	squeezeBlock := int(first >> 8)
	var his []int
	for hi := 0; hi <= 0xFF; hi++ {
		if hi >= 0xD8 && hi <= 0xDF || hi == squeezeBlock {
			continue
		}
		his = append(his, hi)
	}
	for len(his) > 0 {
		n := min(100, len(his))
		fmt.Fprintf(&m, "%d beginbfrange\n", n)
		for _, hi := range his[:n] {
			fmt.Fprintf(&m, "<%02X00> <%02XFF> <%02X00>\n", hi, hi, hi)
		}
		m.WriteString("endbfrange\n")
		his = his[n:]
	}
	marks := []rune(fonts.SqueezeMarks)
	fmt.Fprintf(&m, "%d beginbfchar\n", len(marks))
	for _, r := range marks {
		p, _ := fonts.Squeezed(r)
		fmt.Fprintf(&m, "<%04X> <%04X>\n", p, r)
	}
	m.WriteString("endbfchar\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend")
	return []byte(m.String())
}()

// addMasks gives each image gofpdf wrote without its alpha channel an
// /SMask: the first image object of the mask's size that has none.
func addMasks(objs [][]byte, masks []*sealImage, first int) error {
	head := []byte("<</Type /XObject\n/Subtype /Image\n")
	for i, m := range masks {
		dims := []byte(fmt.Sprintf("/Width %d\n/Height %d\n", m.w, m.h))
		done := false
		for num, o := range objs {
			if bytes.HasPrefix(o, head) && bytes.HasPrefix(o[len(head):], dims) && !bytes.Contains(o[:min(len(o), 400)], []byte("/SMask")) {
				ref := fmt.Sprintf("/SMask %d 0 R\n", first+i)
				objs[num] = append(append(append([]byte(nil), head...), ref...), o[len(head):]...)
				done = true
				break
			}
		}
		if !done {
			return fmt.Errorf("no %d×%d image for its mask", m.w, m.h)
		}
	}
	return nil
}
