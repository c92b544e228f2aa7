package pdfout

import (
	"bytes"
	"compress/flate"
	"compress/zlib"
	"errors"
	"fmt"
	"hash/adler32"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// assemble builds a PDF whose object i+1 is objs[i], with a correct
// classic cross-reference table and a trailer naming object 1 as /Root.
func assemble(objs ...string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

// deflateZeros compresses n zero bytes without holding them in memory.
func deflateZeros(n int) []byte {
	var out bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&out, zlib.BestSpeed)
	chunk := make([]byte, 1<<20)
	for ; n > 0; n -= len(chunk) {
		zw.Write(chunk[:min(n, len(chunk))])
	}
	zw.Close()
	return out.Bytes()
}

const catalogWithTree = "<< /Type /Catalog /Names << /EmbeddedFiles 2 0 R >> >>"

// hostilePDF is one attack of issue 15 and the error it must give.
type hostilePDF struct {
	name    string
	build   func(scale int) []byte // scale 1 is the attack; small scales seed the fuzzer
	wantErr string                 // part of the Chinese message, or "" for ErrNoReport
}

var hostilePDFs = []hostilePDF{
	{"name tree whose /Kids refer to itself thrice", func(int) []byte {
		return assemble(catalogWithTree, "<< /Kids [2 0 R 2 0 R 2 0 R] >>")
	}, ""},
	{"name tree of 40 levels, each node three times a kid of the one above", func(scale int) []byte {
		levels := 40 / scale
		objs := []string{catalogWithTree}
		for i := 0; i < levels; i++ {
			n := i + 3
			objs = append(objs, fmt.Sprintf("<< /Kids [%d 0 R %d 0 R %d 0 R] >>", n, n, n))
		}
		return assemble(append(objs, "<< /Names [] >>")...)
	}, ""},
	{"40,000 unterminated literal strings", func(scale int) []byte {
		var b bytes.Buffer
		b.WriteString("%PDF-1.7\n")
		for i := 1; i <= 40000/scale; i++ {
			fmt.Fprintf(&b, "%d 0 obj (\n", i)
		}
		return b.Bytes()
	}, "缺少 trailer"},
	{"name tree whose kids are 40,000 unterminated strings", func(scale int) []byte {
		var b bytes.Buffer
		n := 40000 / scale
		b.WriteString("%PDF-1.7\n1 0 obj << /Type /Catalog /Names << /EmbeddedFiles << /Kids [")
		for i := 3; i < n; i++ {
			fmt.Fprintf(&b, "%d 0 R ", i)
		}
		b.WriteString("] >> >> >> endobj\ntrailer << /Root 1 0 R >>\n")
		for i := 3; i < n; i++ {
			fmt.Fprintf(&b, "%d 0 obj (\n", i)
		}
		return b.Bytes()
	}, "异常复杂"},
	{"5,000,000 nested arrays", func(scale int) []byte {
		n := 5_000_000 / scale
		return assemble("<< /Type /Catalog /Names 2 0 R >>", strings.Repeat("[", n)+strings.Repeat("]", n))
	}, "嵌套超过64层"},
	{"400 object streams each inflating to 4 MiB, all referenced", func(scale int) []byte {
		return objStmBomb(400/scale, 4<<20/scale, true)
	}, "解压后超过64 MB"},
	{"400 object streams each inflating to 4 MiB, none referenced", func(scale int) []byte {
		return objStmBomb(400/scale, 4<<20/scale, false)
	}, ""},
	{"attachment inflating to 64 MiB", func(scale int) []byte {
		bomb := deflateZeros(64 << 20 / scale)
		return assemble(catalogWithTree,
			"<< /Names [(report.nianbao.json) 3 0 R] >>",
			"<< /Type /Filespec /F (report.nianbao.json) /EF << /F 4 0 R >> >>",
			fmt.Sprintf("<< /Type /EmbeddedFile /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream", len(bomb), bomb))
	}, "超过"},
	{"600,000 objects", func(scale int) []byte {
		return append([]byte("%PDF-1.7\n"), bytes.Repeat([]byte("1 0 obj null endobj\n"), 600_000/scale)...)
	}, "对象超过50万个"},
	{"an array of 5,000,000 numbers", func(scale int) []byte {
		return assemble("<< /Type /Catalog /Names 2 0 R >>", "["+strings.Repeat("0 ", 5_000_000/scale)+"]")
	}, "异常复杂"},
	{"a /Prev chain that loops", func(int) []byte {
		b := assemble(catalogWithTree, "<< /Kids [] >>")
		x := bytes.LastIndex(b, []byte("startxref\n"))
		var off int
		fmt.Sscanf(string(b[x+len("startxref\n"):]), "%d", &off)
		return bytes.Replace(b, []byte("/Root 1 0 R >>"), []byte(fmt.Sprintf("/Root 1 0 R /Prev %d >>", off)), 1)
	}, ""},
	{"a stream whose /Length refers to itself", func(int) []byte {
		return assemble(catalogWithTree,
			"<< /Names [(report.nianbao.json) 3 0 R] >>",
			"<< /Type /Filespec /F (report.nianbao.json) /EF << /F 4 0 R >> >>",
			"<< /Type /EmbeddedFile /Length 4 0 R >>\nstream\n{}\nendstream")
	}, "年报数据无法读取"},
	{"references that loop", func(int) []byte {
		return assemble("<< /Type /Catalog /Names 2 0 R >>", "3 0 R", "2 0 R")
	}, ""},
}

// objStmBomb builds a file without cross-reference table whose object
// streams each inflate to size bytes: one object and padding. The
// padding is compressed once and shared, so the 1.7 MB file builds fast.
func objStmBomb(streams, size int, referenced bool) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n1 0 obj << /Type /Catalog /Names << /EmbeddedFiles << /Kids [")
	if referenced {
		for i := 0; i < streams; i++ {
			fmt.Fprintf(&b, "%d 0 R ", 10000+i)
		}
	}
	b.WriteString("] >> >> >> endobj\n")
	// each stream inflates to exactly size bytes: "10000 0 " is 8 bytes
	padding := append([]byte("<< /Names [] >>"), bytes.Repeat([]byte(" "), size-8-len("<< /Names [] >>"))...)
	var packedPadding bytes.Buffer
	fw, _ := flate.NewWriter(&packedPadding, flate.BestSpeed)
	fw.Write(padding)
	fw.Close()
	padSum := adler32.Checksum(padding)
	for i := 0; i < streams; i++ {
		head := fmt.Sprintf("%d 0 ", 10000+i)
		var z bytes.Buffer
		z.Write([]byte{0x78, 0x01}) // zlib header, no dictionary
		hw, _ := flate.NewWriter(&z, flate.NoCompression)
		hw.Write([]byte(head))
		hw.Flush() // a stored block ending on a byte boundary
		z.Write(packedPadding.Bytes())
		sum := adler32Combine(adler32.Checksum([]byte(head)), padSum, len(padding))
		z.Write([]byte{byte(sum >> 24), byte(sum >> 16), byte(sum >> 8), byte(sum)})
		fmt.Fprintf(&b, "%d 0 obj << /Type /ObjStm /N 1 /First %d /Filter /FlateDecode /Length %d >>\nstream\n", 2+i, len(head), z.Len())
		b.Write(z.Bytes())
		b.WriteString("\nendstream\nendobj\n")
	}
	b.WriteString("trailer << /Root 1 0 R >>\n%%EOF\n")
	return b.Bytes()
}

// adler32Combine is zlib's adler32_combine: the checksum of a+b from those
// of a and b and the length of b.
func adler32Combine(a1, a2 uint32, len2 int) uint32 {
	const base = 65521
	rem := uint32(len2 % base)
	sum1 := a1 & 0xffff
	sum2 := rem * sum1 % base
	sum1 += (a2 & 0xffff) + base - 1
	sum2 += (a1 >> 16) + (a2 >> 16) + base - rem
	for sum1 >= base {
		sum1 -= base
	}
	for sum2 >= base {
		sum2 -= base
	}
	return sum1 | sum2<<16
}

// measure runs fn and returns its wall time and the peak of live heap
// above what was live before, sampled every millisecond.
func measure(fn func()) (time.Duration, uint64) {
	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() uint64 { metrics.Read(sample); return sample[0].Value.Uint64() }
	base := read()
	var peak atomic.Uint64
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		for {
			if v := read(); v > peak.Load() {
				peak.Store(v)
			}
			select {
			case <-done:
				return
			case <-time.After(time.Millisecond):
			}
		}
	}()
	start := time.Now()
	fn()
	elapsed := time.Since(start)
	close(done)
	<-stopped
	if v := read(); v > peak.Load() {
		peak.Store(v)
	}
	if peak.Load() < base {
		return elapsed, 0
	}
	return elapsed, peak.Load() - base
}

// TestHostilePDFs: every attack of issue 15 ends within 2 s and 200 MB
// with its Chinese message. With NIANBAO_HOSTILE_DIR set the inputs are
// also written there, for bench/hostile.sh to measure the real process.
func TestHostilePDFs(t *testing.T) {
	outDir := os.Getenv("NIANBAO_HOSTILE_DIR")
	for i, h := range hostilePDFs {
		t.Run(h.name, func(t *testing.T) {
			pdf := h.build(1)
			if outDir != "" && len(pdf) < 10<<10 {
				keep(t, fmt.Sprintf("loop-%02d.pdf", i+1), pdf)
			}
			if outDir != "" {
				name := fmt.Sprintf("hostile-%02d.pdf", i+1)
				if err := os.WriteFile(filepath.Join(outDir, name), pdf, 0o644); err != nil {
					t.Fatal(err)
				}
				index, err := os.OpenFile(filepath.Join(outDir, "index.txt"), os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
				if err != nil {
					t.Fatal(err)
				}
				fmt.Fprintf(index, "%s\t%s\n", name, h.name)
				index.Close()
			}
			var err error
			elapsed, peak := measure(func() { _, err = Extract(pdf) })
			t.Logf("%d bytes: %v, peak heap %.1f MB: %v", len(pdf), elapsed.Round(time.Millisecond), float64(peak)/1e6, err)
			switch {
			case h.wantErr == "" && !errors.Is(err, ErrNoReport):
				t.Errorf("want ErrNoReport, got %v", err)
			case h.wantErr != "" && (err == nil || !strings.Contains(err.Error(), h.wantErr)):
				t.Errorf("want an error containing %q, got %v", h.wantErr, err)
			}
			if elapsed > 2*time.Second {
				t.Errorf("took %v, more than 2 s", elapsed)
			}
			if peak > 200<<20 {
				t.Errorf("peak heap %d MB, more than 200 MB", peak>>20)
			}
		})
	}
}

// TestHostileTooLarge: a PDF header followed by 1 GiB of zeros is refused
// by its size, before it is read into memory.
func TestHostileTooLarge(t *testing.T) {
	path := filepath.Join(t.TempDir(), "zeros.pdf")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("%PDF-1.7\n")
	if err := f.Truncate(1 << 30); err != nil { // sparse: no disk space used
		t.Fatal(err)
	}
	f.Close()
	var data []byte
	elapsed, peak := measure(func() { data, err = ReadPDFFile(path) })
	t.Logf("1 GiB file: %v, peak heap %.1f MB: %v", elapsed.Round(time.Millisecond), float64(peak)/1e6, err)
	if err == nil || !strings.Contains(err.Error(), "超过64 MB") || data != nil {
		t.Errorf("1 GiB file: %v", err)
	}
	if peak > 1<<20 {
		t.Errorf("peak heap %d KB reading a file that is refused by its size", peak>>10)
	}
	// The in-memory entry point has the same bound.
	big := make([]byte, MaxPDFSize+1)
	copy(big, "%PDF-1.7\n")
	if _, err := Extract(big); err == nil || !strings.Contains(err.Error(), "超过64 MB") {
		t.Errorf("64 MB + 1 byte in memory: %v", err)
	}
	if _, err := ReadPDFFile(t.TempDir()); err == nil || !strings.Contains(err.Error(), "文件夹") {
		t.Errorf("a folder: %v", err)
	}
}

// TestExtractTimeout: the deadline stops a read that the step budget
// would still allow.
func TestExtractTimeout(t *testing.T) {
	lim := defaultLimits
	lim.timeout = time.Nanosecond
	pdf := assemble("<< /Type /Catalog /Names 2 0 R >>", "["+strings.Repeat("0 ", 100_000)+"]")
	if _, err := Extract(pdf); !errors.Is(err, ErrNoReport) {
		t.Fatalf("without a deadline: %v", err)
	}
	if _, err := extract(pdf, lim); err == nil || !strings.Contains(err.Error(), "超过5秒") {
		t.Errorf("want the timeout, got %v", err)
	}
}

// TestHostileFiles: the files kept in testdata/hostile (for the reader of
// the superior office too): loops end with an error, forged attachments
// are flagged, the linearized file reads clean.
func TestHostileFiles(t *testing.T) {
	files, _ := filepath.Glob("testdata/hostile/*.pdf")
	if len(files) < 6 {
		t.Fatalf("testdata/hostile holds %d PDFs", len(files))
	}
	for _, f := range files {
		b, err := ReadPDFFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var x *Extraction
		elapsed, _ := measure(func() { x, err = Extract(b) })
		name := filepath.Base(f)
		switch {
		case elapsed > 2*time.Second:
			t.Errorf("%s took %v", name, elapsed)
		case strings.HasPrefix(name, "loop-") && err == nil:
			t.Errorf("%s: no error", name)
		case strings.HasPrefix(name, "forged-") && (err != nil || !x.Suspicious()):
			t.Errorf("%s: not flagged: %v", name, err)
		case name == "linearized.pdf" && (err != nil || x.Suspicious()):
			t.Errorf("%s: %v", name, err)
		}
	}
}
