package fonts

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"time"
)

// FontDirsEnv overrides the folders searched for office fonts (a list
// separated like PATH), so tests and unusual installations can point
// discovery at a folder of their own.
const FontDirsEnv = "NIANBAO_FONT_DIRS"

// Choice says which font serves a role.
type Choice struct {
	Role Role
	Name string // 仿宋_GB2312, or the bundled font's description
	Path string // "" for the bundled font
}

// Builtin reports whether the bundled font serves the role.
func (c Choice) Builtin() bool { return c.Path == "" }

// String is a line for the CLI and the window: 「仿宋：仿宋（simfang.ttf）」.
func (c Choice) String() string {
	if c.Builtin() {
		return c.Role.Label() + "：内置 " + c.Name
	}
	return fmt.Sprintf("%s：%s（%s）", c.Role.Label(), c.Name, c.Path)
}

// BuiltinName describes the bundled font that stands in for role.
func BuiltinName(role Role) string {
	switch role {
	case FS:
		return "思源宋体 Light（Noto Serif CJK SC Light）"
	case HT:
		return "思源黑体 Medium（Noto Sans CJK SC Medium）"
	case KT:
		return "霞鹜文楷（LXGW WenKai）"
	case XBS:
		return "思源宋体 Black（Noto Serif CJK SC Black）"
	case ST:
		return "思源宋体（Noto Serif CJK SC Regular）"
	}
	return string(role)
}

// Office is the set for printing: each role gets the first installed office
// font (in the order of known) that loads, else the bundled font. Verdicts
// on font files are cached on disk keyed by path, size and modification
// time, and loaded faces in memory, so a second export reads no font it
// rejected before and parses none twice.
func Office() (*Set, []Choice) {
	set := Default()
	cache := openVerdicts()
	found := discoverIn(officeDirs())
	var out []Choice
	for _, role := range Roles() {
		ch := Choice{Role: role, Name: BuiltinName(role)}
		for _, c := range found[role] {
			f, ok := cache.load(c)
			if ok {
				set.Use(role, f)
				ch = Choice{Role: role, Name: c.Name, Path: c.Path}
				break
			}
		}
		out = append(out, ch)
	}
	cache.save()
	return set, out
}

// WordNames maps each role an installed office font serves to that font's
// name (e.g. "fs" → "仿宋_GB2312"), for a Word file that names the fonts
// the office has; roles served by bundled fonts are left out.
func WordNames(choices []Choice) map[string]string {
	out := map[string]string{}
	for _, c := range choices {
		if !c.Builtin() {
			out[string(c.Role)] = c.Name
		}
	}
	return out
}

// Builtin is the bundled set, described like Office.
func Builtin() (*Set, []Choice) {
	var out []Choice
	for _, role := range Roles() {
		out = append(out, Choice{Role: role, Name: BuiltinName(role)})
	}
	return Default(), out
}

func officeDirs() []string {
	if v := os.Getenv(FontDirsEnv); v != "" {
		return filepath.SplitList(v)
	}
	return fontDirs()
}

// verdicts is the on-disk cache: file key → "" (usable) or why not.
type verdicts struct {
	path    string
	m       map[string]string
	used    map[string]bool // keys looked at in this run; the rest is stale
	changed bool
}

// cacheFile is where verdicts live: the user's cache folder, e.g.
// ~/.cache/nianbao/fonts.json or %LOCALAPPDATA%\nianbao\fonts.json.
func cacheFile() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "nianbao", "fonts.json")
}

func openVerdicts() *verdicts {
	v := &verdicts{path: cacheFile(), m: map[string]string{}, used: map[string]bool{}}
	if v.path == "" {
		return v
	}
	// A missing, damaged or huge cache is ignored: it is rebuilt.
	if st, err := os.Stat(v.path); err == nil && st.Size() < 1<<20 {
		if b, err := os.ReadFile(v.path); err == nil {
			if json.Unmarshal(b, &v.m) != nil {
				v.m = map[string]string{}
			}
		}
	}
	return v
}

func (v *verdicts) save() {
	for k := range v.m {
		if !v.used[k] {
			delete(v.m, k) // a file changed or gone
			v.changed = true
		}
	}
	if !v.changed || v.path == "" {
		return
	}
	b, err := json.MarshalIndent(v.m, "", " ")
	if err != nil {
		return
	}
	// best effort: without a cache the next export only takes longer
	// (a temporary file of its own: two exports may save at once)
	if os.MkdirAll(filepath.Dir(v.path), 0o755) != nil {
		return
	}
	tmp, err := os.CreateTemp(filepath.Dir(v.path), "fonts-*.tmp")
	if err != nil {
		return
	}
	_, werr := tmp.Write(b)
	if cerr := tmp.Close(); werr != nil || cerr != nil || os.Rename(tmp.Name(), v.path) != nil {
		_ = os.Remove(tmp.Name())
	}
}

// fileKey identifies one version of a font file.
func fileKey(c Candidate) (string, bool) {
	st, err := os.Stat(c.Path)
	if err != nil || st.IsDir() {
		return "", false
	}
	return c.Path + "#" + strconv.Itoa(c.Index) + "|" + strconv.FormatInt(st.Size(), 10) + "|" + st.ModTime().UTC().Format(time.RFC3339Nano), true
}

var (
	loadedMu sync.Mutex
	loaded   = map[string]*Face{} // file key → face, for the life of the process
)

// load returns the candidate's face unless a cached verdict rejects it.
func (v *verdicts) load(c Candidate) (*Face, bool) {
	key, ok := fileKey(c)
	if !ok {
		return nil, false
	}
	v.used[key] = true
	if why, seen := v.m[key]; seen && why != "" {
		return nil, false
	}
	loadedMu.Lock()
	f := loaded[key]
	loadedMu.Unlock()
	if f != nil {
		return f, true
	}
	f, err := c.Load()
	why := ""
	if err != nil {
		why = err.Error()
	}
	if old, seen := v.m[key]; !seen || old != why {
		v.m[key] = why
		v.changed = true
	}
	if err != nil {
		return nil, false
	}
	loadedMu.Lock()
	loaded[key] = f
	loadedMu.Unlock()
	return f, true
}
