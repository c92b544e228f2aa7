package desk

import (
	"context"
	"errors"
	"path/filepath"
	"time"

	"nianbao/app"
	"nianbao/importer"
)

// PrintedReader recognises, through the importer, the table cells an
// app-made PDF prints; it serves PDFs whose text layer pdfout.PrintedCells
// cannot read (re-saved by another program). Only recognised cells are returned.
func PrintedReader(timeout time.Duration) func(path string, data []byte) (map[string]string, error) {
	return func(path string, data []byte) (map[string]string, error) {
		ctx, cancel := context.WithTimeout(context.Background(), timeout)
		defer cancel()
		res, err := importer.Import(ctx, filepath.Base(path), data, importer.Options{PrintedText: true})
		if err != nil {
			return nil, err
		}
		if res.Printed == nil || len(res.Printed.Published) == 0 {
			return nil, errors.New("正文中的表格无法识别")
		}
		return res.Printed.Published, nil
	}
}

// TextImporter reads documents not made by the app through the importer,
// each within timeout.
func TextImporter(timeout time.Duration) Importer {
	return func(path string, data []byte) (*app.Report, error) {
		ctx, cancel := context.WithTimeout(context.Background(), timeout)
		defer cancel()
		res, err := importer.Import(ctx, filepath.Base(path), data, importer.Options{})
		if err != nil {
			return nil, err
		}
		return res.Report, nil
	}
}
