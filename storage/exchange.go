package storage

import (
	"errors"
	"fmt"
	"io"

	"nianbao/app"
)

// ImportMode says what an import does when the workspace already holds a
// report of the same unit and year.
type ImportMode int

const (
	// ImportNew refuses with ErrExists.
	ImportNew ImportMode = iota
	// ImportReplace overwrites the existing report; its state is kept as a revision.
	ImportReplace
	// ImportKeepBoth adds the file as another report.
	ImportKeepBoth
)

// ExportJSON writes a report as a *.nianbao.json report file.
func (w *Workspace) ExportJSON(id int64, wr io.Writer) error {
	r, err := w.LoadReport(id)
	if err != nil {
		return err
	}
	if err := app.WriteReport(wr, r); err != nil {
		return fail("导出报告文件", fmt.Errorf("export report %d: %w", id, err))
	}
	return nil
}

// ImportResult is what an import stored and what it corrected.
type ImportResult struct {
	ID int64
	// Totals are the file's totals that disagreed with the sums of their
	// terms; the workspace stores the computed ones, and the revision made
	// at import keeps the file as it was.
	Totals []app.TotalMismatch
}

// ImportJSON reads a report file with the strict reader and stores it. It
// returns the ID of the new or replaced report.
func (w *Workspace) ImportJSON(rd io.Reader, mode ImportMode) (int64, error) {
	res, err := w.ImportReport(rd, mode)
	return res.ID, err
}

// ImportReport is ImportJSON with the totals it corrected.
func (w *Workspace) ImportReport(rd io.Reader, mode ImportMode) (ImportResult, error) {
	data, err := io.ReadAll(io.LimitReader(rd, maxReportFile+1))
	if err != nil {
		return ImportResult{}, fail("导入报告文件", err)
	}
	if len(data) > maxReportFile {
		return ImportResult{}, newError(nil, errors.New("report file too large"), "报告文件超过%d MB，不是本软件的报告文件。", maxReportFile>>20)
	}
	r, err := app.ParseReport(data)
	if err != nil {
		var fe *app.FileError
		if errors.As(err, &fe) {
			return ImportResult{}, &Error{Msg: "导入失败：" + fe.Error(), Err: err}
		}
		return ImportResult{}, fail("导入报告文件", err)
	}
	return w.importParsed(r, data, mode)
}

// ImportParsed stores a report read elsewhere (a PDF attachment, a
// recognised web page); data is the file as received, kept as evidence.
func (w *Workspace) ImportParsed(r *app.Report, data []byte, mode ImportMode) (ImportResult, error) {
	return w.importParsed(r, data, mode)
}

func (w *Workspace) importParsed(r *app.Report, data []byte, mode ImportMode) (ImportResult, error) {
	if err := validate(r); err != nil {
		return ImportResult{}, err
	}
	res := ImportResult{Totals: app.StaleTotals(r)}
	err := w.tx("导入报告文件", func(tx *txn) error {
		old, err := findReport(tx, r.Unit.Name, r.Year)
		if err != nil && !errors.Is(err, ErrNotFound) {
			return err
		}
		exists := err == nil
		switch {
		case exists && mode == ImportNew:
			return existsError(r.Unit.Name, r.Year)
		case exists && mode == ImportReplace:
			res.ID = old
			if err := w.insertRevision(tx, res.ID, ReasonImport); err != nil {
				return err
			}
			if err := w.replaceContent(tx, res.ID, r); err != nil {
				return err
			}
		default:
			if res.ID, err = w.insertReport(tx, r); err != nil {
				return err
			}
		}
		if len(res.Totals) == 0 || data == nil {
			return nil
		}
		return w.insertRevisionData(tx, res.ID, ReasonImport, data)
	})
	if err != nil {
		return ImportResult{}, err
	}
	return res, nil
}

// maxReportFile bounds what an import reads; real report files are < 100 KB.
const maxReportFile = 16 << 20
