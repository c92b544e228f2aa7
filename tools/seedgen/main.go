// Command seedgen writes the seed fixtures testdata/seeds/*.nianbao.json from
// the transcriptions in src/, so that every fixture is canonical (written by
// app.WriteReport) and traceable to the published text it was taken from.
//
//	go run ./tools/seedgen            # (re)write testdata/seeds
//	go run ./tools/seedgen -check     # fail if a fixture differs from its source
package main

import (
	"bytes"
	"embed"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

//go:embed src/*.txt
var sources embed.FS

func main() {
	out := flag.String("out", filepath.Join("testdata", "seeds"), "directory of the fixtures")
	check := flag.Bool("check", false, "compare instead of writing; exit 1 on any difference")
	flag.Parse()
	files, err := Generate()
	if err != nil {
		fmt.Fprintln(os.Stderr, "seedgen:", err)
		os.Exit(2)
	}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	differ := false
	for _, n := range names {
		path := filepath.Join(*out, n)
		if *check {
			have, err := os.ReadFile(path)
			if err != nil || !bytes.Equal(have, files[n]) {
				fmt.Fprintf(os.Stderr, "seedgen: %s is not what src/ generates\n", path)
				differ = true
			}
			continue
		}
		if err := os.WriteFile(path, files[n], 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "seedgen:", err)
			os.Exit(2)
		}
	}
	if differ {
		os.Exit(1)
	}
}

// Generate returns every fixture file name with its bytes.
func Generate() (map[string][]byte, error) {
	paths, err := fs.Glob(sources, "src/*.txt")
	if err != nil {
		return nil, err
	}
	files := map[string][]byte{}
	for _, p := range paths {
		data, err := sources.ReadFile(p)
		if err != nil {
			return nil, err
		}
		name := strings.TrimSuffix(filepath.Base(p), ".txt")
		s, err := parseSource(data)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		if err := s.emit(name, files); err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		if name == spamSeed {
			if err := cleanSpam(s).emit(name+"-clean", files); err != nil {
				return nil, fmt.Errorf("%s (clean): %w", p, err)
			}
		}
	}
	return files, nil
}
