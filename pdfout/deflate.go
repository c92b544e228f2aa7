package pdfout

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"sync"
)

// deflater compresses the streams of one file with one zlib writer: a new
// writer costs about a megabyte of tables, which for the dozen streams of
// a report was most of the memory a whole print touched.
type deflater struct {
	z   *zlib.Writer
	buf bytes.Buffer
}

var deflaters = sync.Pool{New: func() any {
	d := &deflater{}
	d.z, _ = zlib.NewWriterLevel(&d.buf, zlib.BestSpeed)
	return d
}}

func getDeflater() *deflater  { return deflaters.Get().(*deflater) }
func putDeflater(d *deflater) { deflaters.Put(d) }

// deflate returns data compressed (zlib, as FlateDecode wants).
func (d *deflater) deflate(data []byte) []byte {
	d.buf.Reset()
	d.z.Reset(&d.buf)
	d.z.Write(data)
	d.z.Close()
	return bytes.Clone(d.buf.Bytes())
}

// stream is a complete compressed stream object: the dictionary with dict
// as its extra entries, then the data.
func (d *deflater) stream(dict string, data []byte) []byte {
	d.buf.Reset()
	d.z.Reset(&d.buf)
	d.z.Write(data)
	d.z.Close()
	if dict != "" {
		dict += " "
	}
	out := make([]byte, 0, d.buf.Len()+len(dict)+64)
	out = fmt.Appendf(out, "<< %s/Filter /FlateDecode /Length %d >>\nstream\n", dict, d.buf.Len())
	out = append(out, d.buf.Bytes()...)
	return append(out, "\nendstream"...)
}
