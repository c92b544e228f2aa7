// Package pdftext gives the text of a PDF's pages with the position of every
// character. It runs PDFium compiled to WebAssembly inside wazero: pure Go,
// no cgo, and a hostile PDF stays inside the sandbox. The compiled module is
// cached in the user's cache folder, so only the first start is slow.
package pdftext

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/klippa-app/go-pdfium"
	pdferrors "github.com/klippa-app/go-pdfium/errors"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
)

// Char is one character with its box in points, origin at the page's top left.
type Char struct {
	Text                     string
	Left, Top, Right, Bottom float64
	Angle                    float64 // radians; a watermark is set at an angle
}

// Page is the text of one page.
type Page struct {
	Width, Height float64
	Chars         []Char
}

// Errors a caller turns into a message for the user.
var (
	ErrEncrypted = errors.New("pdf is encrypted")
	ErrDamaged   = errors.New("pdf cannot be read")
	ErrTimeout   = errors.New("pdf text extraction timed out")
)

// Limits on one document.
const (
	MaxPages     = 300
	MaxChars     = 2_000_000
	memoryLimit  = 8192 // wasm pages of 64 KiB: 512 MiB
	instanceWait = 2 * time.Minute
)

var engine struct {
	once sync.Once
	pool pdfium.Pool
	err  error
}

// CacheDir is where the compiled module is kept between runs.
func CacheDir() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		dir = os.TempDir()
	}
	return filepath.Join(dir, "nianbao", "wazero")
}

// Start compiles (or loads from the cache) the PDF engine once per process;
// calling it early, in the background, hides the first-start delay.
func Start() error {
	engine.once.Do(func() {
		cfg := wazero.NewRuntimeConfig().
			WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling).
			WithMemoryLimitPages(memoryLimit).
			WithCloseOnContextDone(true)
		if err := os.MkdirAll(CacheDir(), 0o755); err == nil {
			if cache, err := wazero.NewCompilationCacheWithDir(CacheDir()); err == nil {
				cfg = cfg.WithCompilationCache(cache)
			}
		}
		engine.pool, engine.err = webassembly.Init(webassembly.Config{
			MinIdle: 0, MaxIdle: 1, MaxTotal: 2,
			RuntimeConfig: cfg,
			FSConfig:      wazero.NewFSConfig(), // no host files: the PDF comes as bytes
			Stdout:        io.Discard,
			Stderr:        io.Discard,
		})
		if engine.err != nil {
			engine.err = fmt.Errorf("start pdfium: %w", engine.err)
		}
	})
	return engine.err
}

// Pages extracts the characters of every page. The context bounds the time.
func Pages(ctx context.Context, data []byte) ([]Page, error) {
	if err := Start(); err != nil {
		return nil, err
	}
	inst, err := engine.pool.GetInstance(instanceWait)
	if err != nil {
		return nil, fmt.Errorf("pdfium instance: %w", err)
	}
	type result struct {
		pages []Page
		err   error
	}
	done := make(chan result, 1)
	go func() {
		p, err := extract(inst, data)
		done <- result{p, err}
	}()
	select {
	case r := <-done:
		inst.Close()
		return r.pages, r.err
	case <-ctx.Done():
		inst.Kill()
		return nil, ErrTimeout
	}
}

func extract(inst pdfium.Pdfium, data []byte) ([]Page, error) {
	doc, err := inst.OpenDocument(&requests.OpenDocument{File: &data})
	if err != nil {
		if errors.Is(err, pdferrors.ErrPassword) || errors.Is(err, pdferrors.ErrSecurity) {
			return nil, ErrEncrypted
		}
		return nil, fmt.Errorf("%w: %v", ErrDamaged, err)
	}
	defer inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: doc.Document})
	count, err := inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: doc.Document})
	if err != nil {
		return nil, fmt.Errorf("%w: page count: %v", ErrDamaged, err)
	}
	n := min(count.PageCount, MaxPages)
	pages := make([]Page, 0, n)
	total := 0
	for i := range n {
		pg, err := page(inst, doc.Document, i)
		if err != nil {
			return nil, err
		}
		total += len(pg.Chars)
		if total > MaxChars {
			return nil, fmt.Errorf("%w: more than %d characters", ErrDamaged, MaxChars)
		}
		pages = append(pages, pg)
	}
	return pages, nil
}

func page(inst pdfium.Pdfium, doc references.FPDF_DOCUMENT, i int) (Page, error) {
	ref := requests.Page{ByIndex: &requests.PageByIndex{Document: doc, Index: i}}
	size, err := inst.GetPageSize(&requests.GetPageSize{Page: ref})
	if err != nil {
		return Page{}, fmt.Errorf("%w: page %d size: %v", ErrDamaged, i+1, err)
	}
	st, err := inst.GetPageTextStructured(&requests.GetPageTextStructured{Page: ref, Mode: requests.GetPageTextStructuredModeChars})
	if err != nil {
		return Page{}, fmt.Errorf("%w: page %d text: %v", ErrDamaged, i+1, err)
	}
	pg := Page{Width: size.Width, Height: size.Height, Chars: make([]Char, 0, len(st.Chars))}
	for _, c := range st.Chars {
		p := c.PointPosition
		pg.Chars = append(pg.Chars, Char{Text: c.Text, Left: p.Left, Top: p.Top, Right: p.Right, Bottom: p.Bottom, Angle: c.Angle})
	}
	return pg, nil
}
