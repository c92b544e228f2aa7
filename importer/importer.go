// Package importer reads a published annual report — plain text, a saved web
// page, a Word or Excel file, a PDF, or a report file — into a draft report.
// Each reader turns its format into the intermediate form of form.go; one
// recogniser maps that form onto the format declared in app, cell by cell,
// never inventing a value.
package importer

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"nianbao/app"
	"nianbao/pdfout"
)

// Limits on one input file: a hostile file is refused, not followed.
const (
	MaxInputSize   = 50 << 20         // bytes of the file itself
	MaxUnpacked    = 200 << 20        // bytes unpacked from a .docx/.xlsx
	MaxZipEntries  = 5000             // entries of a .docx/.xlsx
	MaxXMLDepth    = 200              // element nesting of XML and HTML
	MaxCells       = 200000           // grid cells of all tables together
	DefaultTimeout = 60 * time.Second // per file, unless the context is shorter
)

// Options override what the recogniser finds; zero values mean "detect".
type Options struct {
	Year  int
	Unit  string
	Level string
	// PrintedText also recognises the printed text of a PDF made by this app,
	// whose report is otherwise read from the embedded file (Result.Printed).
	PrintedText bool
}

// Source says where the cells of a result come from.
const (
	SourceEmbedded = "embedded" // the report file inside a PDF of this app, or a .nianbao.json
	SourceText     = "text"     // recognised from the printed or published text
)

// Empty-cell reasons.
const (
	ReasonNotInSource = "not-in-source" // the row or the table is not in the source
	ReasonBlank       = "blank"         // the source prints the cell blank (空白、-、/、—)
	ReasonAmbiguous   = "ambiguous"     // the source has a value but its column cannot be told
	ReasonUnreadable  = "unreadable"    // the row was found but its value cannot be read
)

// EmptyCell is an input cell the import left empty.
type EmptyCell struct {
	Cell   string `json:"cell"`
	Reason string `json:"reason"`
}

// TotalMismatch is a published total that differs from the sum of its terms.
type TotalMismatch struct {
	Cell      string `json:"cell"`
	Published string `json:"published"`
	Computed  string `json:"computed"`
}

// Section is a narrative section found by its heading.
type Section struct {
	Field   string `json:"field"`   // "text.s1"
	Heading string `json:"heading"` // as published
}

// Found is a detected value and where it was found.
type Found struct {
	Value string `json:"value"`
	Where string `json:"where"`
}

// Result is what an import produced.
type Result struct {
	Report    *app.Report       // the draft, totals recomputed
	Published map[string]string // cells as the source prints them, before totals were recomputed
	Kind      string            // input kind: txt, html, mht, docx, xlsx, pdf, json
	Source    string            // SourceEmbedded or SourceText

	Format       string // "2019" or "2021"
	FormatReason string // why, in Chinese
	Year, Unit   Found
	Level        Found
	Recognised   int // input cells recognised
	Inputs       int // input cells of the format
	Empty        []EmptyCell
	Totals       []TotalMismatch
	Sections     []Section
	DocFields    map[string]string // doc.* fields found (发文字号, 签发人, 署名, 成文日期 …)
	Warnings     []string

	// Matched maps a line of Lines() to the table row it was read into.
	Matched map[int]string

	// Printed is the recognition of the printed text of a PDF made by this
	// app, when Options.PrintedText asked for it.
	Printed *Result

	doc *Doc // the intermediate form, for the review screen
}

// Lines returns the source as plain text lines, tables as tab-separated rows.
func (r *Result) Lines() []string {
	if r.doc == nil {
		return nil
	}
	return r.doc.lines()
}

// Error is an input refused or unreadable; Error() is one Chinese sentence.
type Error struct {
	Msg string
	Err error
}

func (e *Error) Error() string { return e.Msg }
func (e *Error) Unwrap() error { return e.Err }

func refuse(msg string, err error) error { return &Error{Msg: msg, Err: err} }

// ErrNothing is returned when no table cell and no section was recognised.
var ErrNothing = refuse("文件中没有找到可识别的年度报告内容（表格和六个部分的标题都没有找到）。", nil)

// ImportFile reads and recognises one file.
func ImportFile(ctx context.Context, path string, opt Options) (*Result, error) {
	f, err := os.Open(path)
	if err != nil {
		msg := fmt.Sprintf("无法打开“%s”。", filepath.Base(path))
		switch {
		case errors.Is(err, fs.ErrNotExist):
			msg = fmt.Sprintf("找不到文件“%s”。", filepath.Base(path))
		case errors.Is(err, fs.ErrPermission):
			msg = fmt.Sprintf("没有权限读取“%s”。", filepath.Base(path))
		}
		return nil, refuse(msg, fmt.Errorf("open %s: %w", path, err))
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil {
		if st.IsDir() {
			return nil, refuse(fmt.Sprintf("“%s”是文件夹，不是报告文件。", filepath.Base(path)), nil)
		}
		if st.Size() > MaxInputSize {
			return nil, tooBig()
		}
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxInputSize+1))
	if err != nil {
		return nil, refuse(fmt.Sprintf("无法读取“%s”。", filepath.Base(path)), fmt.Errorf("read %s: %w", path, err))
	}
	return Import(ctx, filepath.Base(path), data, opt)
}

func tooBig() error {
	return refuse(fmt.Sprintf("文件超过%d MB，不像是一份年度报告，未导入。", MaxInputSize>>20), nil)
}

// Import recognises one input given its file name (for the kind) and bytes.
func Import(ctx context.Context, name string, data []byte, opt Options) (*Result, error) {
	if len(data) > MaxInputSize {
		return nil, tooBig()
	}
	if _, ok := ctx.Deadline(); !ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, DefaultTimeout)
		defer cancel()
	}
	kind, err := kindOf(name, data)
	if err != nil {
		return nil, err
	}
	if kind == "json" || kind == "pdf" {
		if res, err := importEmbedded(ctx, kind, data, opt); res != nil || err != nil {
			return res, err
		}
	}
	doc, err := readKind(ctx, kind, data)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, timeout(err)
	}
	res, err := Recognise(doc, opt)
	if err != nil {
		return nil, err
	}
	res.Kind = kind
	return res, nil
}

func timeout(err error) error {
	return refuse("文件处理超时，未导入；文件可能过大或已损坏。", err)
}

func readKind(ctx context.Context, kind string, data []byte) (*Doc, error) {
	switch kind {
	case "txt":
		return ReadText(data)
	case "html":
		return ReadHTML(data)
	case "mht":
		return ReadMHT(data)
	case "docx":
		return ReadDOCX(data)
	case "xlsx":
		return ReadXLSX(data)
	case "pdf":
		return ReadPDF(ctx, data)
	}
	return nil, refuse("不支持这种文件。", nil)
}

// importEmbedded reads a report file, or the report embedded in a PDF made by
// this app. It returns nil, nil for a PDF without one.
func importEmbedded(ctx context.Context, kind string, data []byte, opt Options) (*Result, error) {
	var rep *app.Report
	var warnings []string
	if kind == "json" {
		r, err := app.ParseDraft(data)
		if err != nil {
			return nil, refuse("报告文件无法读取："+strings.TrimSuffix(err.Error(), "。")+"。", err)
		}
		rep = r
	} else {
		// No attachment, or one that cannot be read: the printed text is used.
		x, err := pdfout.Extract(data)
		if err != nil || x.Report == nil {
			return nil, nil
		}
		rep = x.Report
		warnings = x.Warnings
	}
	res := fromReport(rep, kind)
	res.Warnings = append(res.Warnings, warnings...)
	if kind == "pdf" && opt.PrintedText {
		doc, err := ReadPDF(ctx, data)
		if err == nil {
			if pr, err := Recognise(doc, opt); err == nil {
				pr.Kind = kind
				res.Printed = pr
			}
		}
	}
	return res, nil
}

// fromReport describes a report read from a report file.
func fromReport(rep *app.Report, kind string) *Result {
	res := &Result{Report: rep, Kind: kind, Source: SourceEmbedded, Published: map[string]string{}}
	for k, v := range rep.Cells {
		res.Published[k] = v
	}
	res.Format = rep.Format
	res.FormatReason = "报告文件中写明的格式"
	res.Year = Found{Value: fmt.Sprint(rep.Year), Where: "报告文件"}
	res.Unit = Found{Value: rep.Unit.Name, Where: "报告文件"}
	res.Level = Found{Value: rep.Unit.Level, Where: "报告文件"}
	if f := rep.FormatDef(); f != nil {
		res.Inputs = f.Inputs()
		for _, c := range f.Cells() {
			if c.Computed() {
				continue
			}
			if rep.Cells[c.ID] != "" {
				res.Recognised++
			} else {
				res.Empty = append(res.Empty, EmptyCell{Cell: c.ID, Reason: ReasonNotInSource})
			}
		}
	}
	for _, p := range app.TextFields {
		if *rep.TextField(p) != "" {
			res.Sections = append(res.Sections, Section{Field: p, Heading: sectionTitle(p)})
		}
	}
	res.DocFields = map[string]string{}
	for _, p := range app.DocFields {
		if v := *rep.DocField(p); v != "" && p != "doc.style" {
			res.DocFields[p] = v
		}
	}
	return res
}

// kindOf tells the input kind from the name and the first bytes; old binary
// Word and WPS files and encrypted Office files are refused here.
func kindOf(name string, data []byte) (string, error) {
	ext := strings.ToLower(filepath.Ext(name))
	if strings.HasSuffix(strings.ToLower(name), ".nianbao.json") {
		ext = ".json"
	}
	ole := bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1})
	switch {
	case ext == ".doc" || ext == ".wps" || ext == ".et" || ext == ".xls":
		return "", refuse("这是旧版Word/WPS格式的文件，请用WPS或Word另存为.docx后再导入。", nil)
	case ole && (ext == ".docx" || ext == ".xlsx"):
		return "", refuse("文件已加密（设置了打开密码），请在WPS或Word中取消密码后另存再导入。", nil)
	case ole:
		return "", refuse("这是旧版Word/WPS格式的文件，请用WPS或Word另存为.docx后再导入。", nil)
	case bytes.HasPrefix(data, []byte("%PDF-")) || ext == ".pdf":
		return "pdf", nil
	case ext == ".docx":
		return "docx", nil
	case ext == ".xlsx":
		return "xlsx", nil
	case ext == ".json":
		return "json", nil
	case ext == ".html" || ext == ".htm" || ext == ".xhtml":
		return "html", nil
	case ext == ".mht" || ext == ".mhtml":
		return "mht", nil
	case ext == ".txt" || ext == "":
		if looksHTML(data) {
			return "html", nil
		}
		return "txt", nil
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return "", refuse("无法识别这个压缩文件；请导入.docx、.xlsx、.pdf、.html或.txt文件。", nil)
	}
	if looksHTML(data) {
		return "html", nil
	}
	return "", refuse(fmt.Sprintf("不支持“%s”类型的文件；请导入.txt、.html、.mht、.docx、.xlsx、.pdf或.nianbao.json文件。", ext), nil)
}

func looksHTML(data []byte) bool {
	head := bytes.ToLower(data[:min(len(data), 1024)])
	return bytes.Contains(head, []byte("<html")) || bytes.Contains(head, []byte("<!doctype html")) || bytes.Contains(head, []byte("<table"))
}

// Again recognises the same source with other overrides, as when the clerk
// corrects the year on the review screen. A report read from a report file
// keeps its cells; only unit, level and year are replaced.
func (r *Result) Again(opt Options) (*Result, error) {
	if r.doc == nil {
		c := *r
		c.Report = r.Report.Clone()
		if opt.Unit != "" {
			c.Report.Unit.Name = opt.Unit
		}
		if opt.Level != "" {
			c.Report.Unit.Level = opt.Level
		}
		if opt.Year != 0 && opt.Year != r.Report.Year {
			f, err := app.FormatForYear(opt.Year)
			if err != nil {
				return nil, refuse(strings.TrimSuffix(err.Error(), "。")+"。", err)
			}
			if f.ID != r.Report.Format {
				return nil, refuse(fmt.Sprintf("报告文件是%s格式，不能改为%d年度（%s）。", r.Report.Format, opt.Year, f.Name), nil)
			}
			c.Report.Year = opt.Year
		}
		return &c, nil
	}
	res, err := Recognise(r.doc, opt)
	if err != nil {
		return nil, err
	}
	res.Kind = r.Kind
	return res, nil
}
