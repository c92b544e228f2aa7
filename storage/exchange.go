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

// ImportJSON reads a report file with the strict reader and stores it. It
// returns the ID of the new or replaced report.
func (w *Workspace) ImportJSON(rd io.Reader, mode ImportMode) (int64, error) {
	r, err := app.ReadReport(rd)
	if err != nil {
		var fe *app.FileError
		if errors.As(err, &fe) {
			return 0, &Error{Msg: "导入失败：" + fe.Error(), Err: err}
		}
		return 0, fail("导入报告文件", err)
	}
	if err := validate(r); err != nil {
		return 0, err
	}
	var id int64
	err = w.tx("导入报告文件", func(tx *txn) error {
		old, err := findReport(tx, r.Unit.Name, r.Year)
		if err != nil && !errors.Is(err, ErrNotFound) {
			return err
		}
		exists := err == nil
		switch {
		case exists && mode == ImportNew:
			return existsError(r.Unit.Name, r.Year)
		case exists && mode == ImportReplace:
			id = old
			if err := w.insertRevision(tx, id, ReasonImport); err != nil {
				return err
			}
			return w.replaceContent(tx, id, r)
		}
		id, err = w.insertReport(tx, r)
		return err
	})
	return id, err
}
