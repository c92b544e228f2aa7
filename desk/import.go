package desk

import (
	"context"
	"path/filepath"
	"time"

	"nianbao/app"
	"nianbao/importer"
)

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
