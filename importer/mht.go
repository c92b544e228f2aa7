package importer

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/textproto"
	"strings"
)

// ReadMHT reads a web page saved as one file (.mht/.mhtml, «网页，单个文件»):
// the first text/html part of the MIME archive, decoded, read as HTML.
func ReadMHT(data []byte) (*Doc, error) {
	tp := textproto.NewReader(bufio.NewReader(bytes.NewReader(data)))
	hdr, err := tp.ReadMIMEHeader()
	if err != nil && len(hdr) == 0 {
		return nil, refuse("单文件网页（.mht）无法解析。", err)
	}
	mediaType, params, err := mime.ParseMediaType(hdr.Get("Content-Type"))
	if err != nil {
		return nil, refuse("单文件网页（.mht）无法解析。", err)
	}
	body := data[min(len(data), headerEnd(data)):]
	if !strings.HasPrefix(mediaType, "multipart/") {
		return htmlPart(hdr.Get("Content-Type"), hdr.Get("Content-Transfer-Encoding"), body)
	}
	mr := multipart.NewReader(bytes.NewReader(body), params["boundary"])
	for range MaxZipEntries {
		p, err := mr.NextPart()
		if err != nil {
			break
		}
		ct := p.Header.Get("Content-Type")
		if mt, _, _ := mime.ParseMediaType(ct); mt == "text/html" {
			raw, err := io.ReadAll(io.LimitReader(p, MaxInputSize))
			if err != nil {
				return nil, refuse("单文件网页（.mht）已损坏。", err)
			}
			return htmlPart(ct, p.Header.Get("Content-Transfer-Encoding"), raw)
		}
	}
	return nil, refuse("单文件网页（.mht）中没有网页内容。", nil)
}

// headerEnd is the offset after the blank line ending the top-level headers.
func headerEnd(data []byte) int {
	for _, sep := range []string{"\r\n\r\n", "\n\n"} {
		if i := bytes.Index(data, []byte(sep)); i >= 0 {
			return i + len(sep)
		}
	}
	return len(data)
}

func htmlPart(contentType, encoding string, raw []byte) (*Doc, error) {
	var r io.Reader = bytes.NewReader(raw)
	switch strings.ToLower(strings.TrimSpace(encoding)) {
	case "quoted-printable":
		r = quotedprintable.NewReader(r)
	case "base64":
		r = base64.NewDecoder(base64.StdEncoding, newlineStripper{r})
	}
	html, err := io.ReadAll(io.LimitReader(r, MaxInputSize))
	if err != nil {
		return nil, refuse("单文件网页（.mht）的网页内容无法解码。", err)
	}
	return readHTML(html, contentType)
}

// newlineStripper drops line breaks, which base64 in MIME has every 76 characters.
type newlineStripper struct{ r io.Reader }

func (n newlineStripper) Read(p []byte) (int, error) {
	k, err := n.r.Read(p)
	j := 0
	for _, c := range p[:k] {
		if c != '\r' && c != '\n' {
			p[j] = c
			j++
		}
	}
	return j, err
}
