package pdfout

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"

	"nianbao/app"
)

// ErrNoReport is returned when a PDF carries no report file.
var ErrNoReport = errors.New("PDF 中没有找到内嵌的年报数据（report.nianbao.json），该文件可能不是由年报助手生成的")

// ErrSuspectAttachment is returned by ExtractReport when the attachment is
// ambiguous (see Extraction.Suspicious); Extract gives the details.
var ErrSuspectAttachment = errors.New("PDF 内嵌的年报数据可能被篡改")

// Extraction is what Extract found in a PDF.
type Extraction struct {
	Report *app.Report
	JSON   []byte // the attachment bytes as stored
	// Attachments counts the files named report.nianbao.json (name tree,
	// catalog /AF, file attachment annotations); the app writes one, so
	// more mean files were added to the PDF. The first in the name tree is
	// the one returned.
	Attachments int
	// Replaced is set when an incremental update (a save appended to the
	// file after it was printed) added or changed the attachment; Original
	// is the attachment as first saved, nil when there was none.
	Replaced bool
	Original []byte
	// Warnings are Chinese sentences for the user, one per finding above.
	Warnings []string
}

// Suspicious reports whether the attachment may not be the one printed
// with the pages: the superior office shows it as «附件数据与正文不一致».
func (x *Extraction) Suspicious() bool { return x.Attachments > 1 || x.Replaced }

// ExtractReport reads the report.nianbao.json attachment of a PDF from the
// document-level /EmbeddedFiles name tree. It returns the parsed report and
// the attachment bytes as stored; an ambiguous attachment is an error
// wrapping ErrSuspectAttachment.
func ExtractReport(pdf []byte) (*app.Report, []byte, error) {
	x, err := Extract(pdf)
	if err != nil {
		return nil, nil, err
	}
	if x.Suspicious() {
		return nil, nil, fmt.Errorf("%w：%s", ErrSuspectAttachment, x.Warnings[0])
	}
	return x.Report, x.JSON, nil
}

// Extract reads the report attachment of a PDF and says whether it is
// ambiguous. The read is bounded in size, memory, nesting and time, so a
// hostile file gives a Chinese error within seconds.
func Extract(pdf []byte) (*Extraction, error) { return extract(pdf, defaultLimits) }

// ReadPDFFile reads a PDF of at most MaxPDFSize bytes; a folder or a
// device in its place is refused before it is opened.
func ReadPDFFile(path string) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("无法打开“%s”：%w", path, err)
	}
	switch {
	case st.IsDir():
		return nil, fmt.Errorf("“%s”是一个文件夹，不是 PDF 文件", path)
	case !st.Mode().IsRegular():
		return nil, fmt.Errorf("“%s”不是普通文件，不是 PDF 文件", path)
	case st.Size() > MaxPDFSize:
		return nil, errTooLarge
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("无法打开“%s”：%w", path, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxPDFSize+1))
	if err != nil {
		return nil, fmt.Errorf("无法读取“%s”：%w", path, err)
	}
	if len(data) > MaxPDFSize { // grew since Stat
		return nil, errTooLarge
	}
	return data, nil
}

func extract(pdf []byte, lim limits) (*Extraction, error) {
	if len(pdf) > MaxPDFSize {
		return nil, errTooLarge
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		return nil, errors.New("文件不是 PDF 文件")
	}
	r := newReader(pdf, lim)
	if err := r.load(); err != nil {
		return nil, err
	}
	if r.newest.trailer["Encrypt"] != nil || r.oldest.trailer["Encrypt"] != nil {
		return nil, errors.New("PDF 文件已加密，无法读取内嵌的年报数据")
	}
	specs, err := r.newest.reports()
	if err != nil {
		return nil, err
	}
	if len(specs) == 0 {
		return nil, ErrNoReport
	}
	data, err := r.newest.fileData(specs[0])
	if err != nil {
		return nil, err
	}
	x := &Extraction{JSON: data, Attachments: len(specs)}
	if x.Attachments > 1 {
		x.Warnings = append(x.Warnings, fmt.Sprintf(
			"PDF 中有%d个名为 report.nianbao.json 的内嵌文件（年报助手只写一个），已取第一个，请核对附件数据与正文是否一致。", x.Attachments))
	}
	if r.revisions > 1 {
		if err := r.compareOriginal(x); err != nil {
			return nil, err
		}
	}
	if x.Report, err = app.ParseReport(data); err != nil {
		return nil, fmt.Errorf("PDF 内嵌的年报数据无法读取：%w", err)
	}
	return x, nil
}

// compareOriginal reads the attachment as the file was first saved and
// flags an incremental update that changed it.
func (r *reader) compareOriginal(x *Extraction) error {
	var old []byte
	specs, _ := r.oldest.reports()
	if len(specs) > 0 {
		old, _ = r.oldest.fileData(specs[0])
	}
	if r.fatal != nil {
		return r.fatal
	}
	if bytes.Equal(old, x.JSON) {
		return nil
	}
	x.Replaced, x.Original = true, old
	msg := "PDF 在打印后被追加修改过，内嵌的年报数据与最初保存的不同，可能被替换，请核对附件数据与正文是否一致。"
	if old == nil {
		msg = "PDF 在打印后被追加修改过，内嵌的年报数据是后来加入的，可能被替换，请核对附件数据与正文是否一致。"
	}
	x.Warnings = append(x.Warnings, msg)
	return nil
}

// fileData returns the decoded bytes of an embedded file.
func (v *view) fileData(fs pdfDict) ([]byte, error) {
	ef := v.dict(fs["EF"])
	sv, err := v.resolve(ef["F"])
	if err == nil && sv == nil {
		sv, err = v.resolve(ef["UF"])
	}
	if err != nil {
		return nil, err
	}
	st, ok := sv.(pdfStream)
	if !ok {
		return nil, errors.New("PDF 内嵌文件的数据流无效")
	}
	data, err := v.r.decode(st, app.MaxReportFileSize)
	if err != nil {
		return nil, err
	}
	return data, nil
}
