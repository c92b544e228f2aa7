package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The committed fixtures must be exactly what the transcriptions generate,
// so a hand edit of a fixture or of a source cannot drift unnoticed.
func TestFixturesMatchSources(t *testing.T) {
	files, err := Generate()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join("..", "..", "testdata", "seeds")
	onDisk, _ := filepath.Glob(filepath.Join(dir, "*.nianbao.json"))
	if len(onDisk) != len(files) {
		t.Errorf("%d fixtures on disk, %d generated", len(onDisk), len(files))
	}
	for name, want := range files {
		have, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if !bytes.Equal(have, want) {
			t.Errorf("%s differs from what src/ generates; run go run ./tools/seedgen", name)
		}
	}
}

func TestCleanVariantHasNoSpam(t *testing.T) {
	files, err := Generate()
	if err != nil {
		t.Fatal(err)
	}
	dirty := string(files[spamSeed+".nianbao.json"])
	clean := string(files[spamSeed+"-clean.nianbao.json"])
	if n := strings.Count(dirty, "UedBet"); n != 24 {
		t.Errorf("published variant has %d UedBet tokens, the seed has 24", n)
	}
	if strings.Contains(clean, "UedBet") {
		t.Error("clean variant still contains UedBet")
	}
	for _, rep := range spamRepairs {
		if !strings.Contains(clean, rep[1]) {
			t.Errorf("clean variant lacks the repair %q", rep[1])
		}
	}
}

func TestSourceErrors(t *testing.T) {
	base := "format: 2021\nyear: 2021\nunit: 张坞镇人民政府\nlevel: township\n== t2\nrule 0 0 0\nnormdoc 0 0 0\nlicense 0\npenalty 0\ncoercion 0\nfee 0\n"
	for _, tc := range []struct{ name, src, want string }{
		{"short row", strings.Replace(base, "rule 0 0 0", "rule 0 0", 1), "row rule has 2 values"},
		{"missing table rows", base, "row new not transcribed"},
		{"non-canonical", strings.Replace(base, "fee 0", "fee 007", 1), "not a canonical value"},
		{"unknown header", "colour: red\n", "unknown header"},
	} {
		s, err := parseSource([]byte(tc.src))
		if err == nil {
			_, err = s.report()
		}
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want %q", tc.name, err, tc.want)
		}
	}
}
