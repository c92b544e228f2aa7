package desk

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"nianbao/app"
	"nianbao/pdfout"
)

// Source says where the figures of a received report come from.
type Source string

const (
	// SourceEmbedded: the data the app embedded in its PDF, or a report file.
	SourceEmbedded Source = "embedded"
	// SourceText: recognised from the text of a document not made by the app.
	SourceText Source = "text"
)

// Label is the Chinese name shown in the status table.
func (s Source) Label(path string) string {
	switch {
	case s == SourceText:
		return "文字识别"
	case s == SourceEmbedded && strings.EqualFold(filepath.Ext(path), ".pdf"):
		return "附件数据"
	case s == SourceEmbedded:
		return "报告文件"
	}
	return ""
}

// Received is one file handed to the desk and what could be read from it.
type Received struct {
	Path     string
	Hash     string // SHA-256, hex
	Size     int64
	ModTime  time.Time
	Received time.Time
	Source   Source
	Report   *app.Report
	// Printed is what the tables of an app-made PDF show (pdfout.PrintedCells);
	// nil when the text layer could not be read, TextErr says why.
	// PrintedPartial: recognised by the importer instead, only some cells.
	Printed        map[string]string
	PrintedPartial bool
	TextErr        error
	// Suspect are the warnings of an ambiguous attachment (pdfout.Extraction).
	Suspect []string
	// Err is why the file could not be read; Report is nil then.
	Err error
}

// Importer turns a document not made by the app (PDF without attachment,
// Word, HTML, Excel) into a report, from its text.
type Importer func(path string, data []byte) (*app.Report, error)

// Options bound an intake.
type Options struct {
	MaxFileSize int64         // bytes; default 64 MiB
	FileTimeout time.Duration // per file; default 60 s
	Workers     int           // default the number of CPUs
	Import      Importer      // nil: only app-made PDFs and report files are read
	// ReadPrinted recognises the printed cells of an app-made PDF whose text
	// layer is not as pdfout writes it; nil leaves such a PDF uncompared.
	ReadPrinted func(path string, data []byte) (map[string]string, error)
	// Progress is called after each file with the files done and the total,
	// from one goroutine at a time.
	Progress func(done, total int)
	Now      func() time.Time
}

const (
	defaultMaxFileSize = 64 << 20
	defaultFileTimeout = 60 * time.Second // the importer's own limit
	maxInputFiles      = 200_000
	maxWalkDepth       = 32
)

// accepted file name endings; other files in a folder are not looked at.
var accepted = []string{".nianbao.json", ".json", ".pdf", ".docx", ".html", ".htm", ".xhtml", ".xlsx",
	".doc", ".wps", ".xls", ".et"} // the old Office formats, to say why they cannot be read

func acceptedName(name string) bool {
	low := strings.ToLower(name)
	for _, ext := range accepted {
		if strings.HasSuffix(low, ext) {
			return true
		}
	}
	return false
}

// ListInputs expands files and folders (recursively) into the files to read,
// in a stable order. A named file is always taken; in folders only the file
// types the desk reads, and no hidden files. Problems (a missing input) come
// back as unreadable entries, so one bad argument never stops the batch.
func ListInputs(inputs []string) (paths []string, bad []*Received) {
	seen := map[string]bool{}
	add := func(p string) {
		if !seen[p] && len(paths) < maxInputFiles {
			seen[p] = true
			paths = append(paths, p)
		}
	}
	for _, in := range inputs {
		st, err := os.Stat(in)
		if err != nil {
			bad = append(bad, &Received{Path: in, Err: fmt.Errorf("找不到文件或文件夹“%s”", in)})
			continue
		}
		if !st.IsDir() {
			add(in)
			continue
		}
		root := filepath.Clean(in)
		var found []string
		err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				bad = append(bad, &Received{Path: p, Err: fmt.Errorf("无法读取文件夹“%s”：%w", p, err)})
				return nil
			}
			name := d.Name()
			if p != root && strings.HasPrefix(name, ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				if rel, _ := filepath.Rel(root, p); strings.Count(rel, string(filepath.Separator)) >= maxWalkDepth {
					return filepath.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() && acceptedName(name) {
				found = append(found, p)
			}
			return nil
		})
		if err != nil {
			bad = append(bad, &Received{Path: in, Err: fmt.Errorf("无法读取文件夹“%s”：%w", in, err)})
		}
		sort.Strings(found)
		for _, p := range found {
			add(p)
		}
	}
	return paths, bad
}

// Intake reads every file in parallel, each within its size and time limit.
// The result has one entry per path, in the order given. All files of one
// intake share its received time, so a later intake replaces an earlier one.
func Intake(paths []string, opt Options) []*Received {
	opt = opt.withDefaults()
	at := opt.Now()
	opt.Now = func() time.Time { return at }
	out := make([]*Received, len(paths))
	jobs := make(chan int)
	done := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < opt.Workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				out[i] = readWithTimeout(paths[i], opt)
				done <- i
			}
		}()
	}
	go func() {
		for i := range paths {
			jobs <- i
		}
		close(jobs)
		wg.Wait()
		close(done)
	}()
	n := 0
	for range done {
		n++
		if opt.Progress != nil {
			opt.Progress(n, len(paths))
		}
	}
	return out
}

func (opt Options) withDefaults() Options {
	if opt.MaxFileSize <= 0 {
		opt.MaxFileSize = defaultMaxFileSize
	}
	if opt.FileTimeout <= 0 {
		opt.FileTimeout = defaultFileTimeout
	}
	if opt.Workers <= 0 {
		opt.Workers = runtime.NumCPU()
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	return opt
}

// readWithTimeout gives up on a file that takes too long; the readers have
// their own budgets, so the abandoned work ends soon after.
func readWithTimeout(path string, opt Options) *Received {
	ch := make(chan *Received, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				ch <- &Received{Path: path, Err: fmt.Errorf("文件“%s”无法读取（内部错误：%v）", filepath.Base(path), p)}
			}
		}()
		ch <- ReadFile(path, opt)
	}()
	t := time.NewTimer(opt.FileTimeout)
	defer t.Stop()
	select {
	case rc := <-ch:
		return rc
	case <-t.C:
		return &Received{Path: path, Received: opt.Now(),
			Err: fmt.Errorf("处理超过%d秒仍未完成，已跳过；文件可能结构异常", int(opt.FileTimeout.Seconds()))}
	}
}

// ReadFile reads, hashes and identifies one received file.
func ReadFile(path string, opt Options) *Received {
	opt = opt.withDefaults()
	rc := &Received{Path: path, Received: opt.Now()}
	data, err := readLimited(path, opt.MaxFileSize, rc)
	if err != nil {
		rc.Err = err
		return rc
	}
	sum := sha256.Sum256(data)
	rc.Hash = hex.EncodeToString(sum[:])
	low := strings.ToLower(path)
	switch {
	case bytes.HasPrefix(data, []byte("%PDF-")):
		readPDF(rc, data, opt)
	case strings.HasSuffix(low, ".json"):
		if len(data) > app.MaxReportFileSize {
			rc.Err = errors.New("报告文件超过 4 MiB，不是年报助手的报告文件")
			return rc
		}
		r, err := app.ParseReport(data)
		if err != nil {
			rc.Err = fmt.Errorf("报告文件无法读取：%w", err)
			return rc
		}
		rc.Report, rc.Source = r, SourceEmbedded
	case strings.HasSuffix(low, ".pdf"):
		rc.Err = errors.New("文件扩展名是 .pdf，但内容不是 PDF 文件")
	default:
		importText(rc, data, opt)
	}
	return rc
}

func readLimited(path string, limit int64, rc *Received) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("无法打开文件：%w", err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("无法读取文件：%w", err)
	}
	if st.IsDir() {
		return nil, errors.New("这是一个文件夹，不是文件")
	}
	rc.Size, rc.ModTime = st.Size(), st.ModTime()
	if st.Size() > limit {
		return nil, fmt.Errorf("文件大小%.1f MB，超过%d MB的上限，不是年报文件", float64(st.Size())/(1<<20), limit>>20)
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("无法读取文件：%w", err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("文件超过%d MB的上限，不是年报文件", limit>>20)
	}
	return data, nil
}

func readPDF(rc *Received, data []byte, opt Options) {
	x, err := pdfout.Extract(data)
	if errors.Is(err, pdfout.ErrNoReport) {
		importText(rc, data, opt)
		return
	}
	if err != nil {
		rc.Err = err
		return
	}
	rc.Report, rc.Source = x.Report, SourceEmbedded
	if x.Suspicious() {
		rc.Suspect = x.Warnings
	}
	rc.Printed, rc.TextErr = pdfout.PrintedCells(data, x.Report.FormatDef())
	if errors.Is(rc.TextErr, pdfout.ErrNoTextLayer) && opt.ReadPrinted != nil {
		if cells, err := opt.ReadPrinted(rc.Path, data); err == nil {
			rc.Printed, rc.PrintedPartial, rc.TextErr = cells, true, nil
		}
	}
}

func importText(rc *Received, data []byte, opt Options) {
	if opt.Import == nil {
		rc.Err = errors.New("不是年报助手生成的文件，本程序无法从中识别年报数据")
		return
	}
	r, err := opt.Import(rc.Path, data)
	if err != nil {
		rc.Err = err
		return
	}
	rc.Report, rc.Source = r, SourceText
}
