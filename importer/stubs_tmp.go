package importer

import "context"

func ReadXLSX(data []byte) (*Doc, error)                     { return nil, refuse("todo", nil) }
func ReadPDF(ctx context.Context, data []byte) (*Doc, error) { return nil, refuse("todo", nil) }
