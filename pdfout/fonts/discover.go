package fonts

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
)

// Candidate is an installed office font that may serve a role.
type Candidate struct {
	Role  Role
	Name  string // Chinese font name, e.g. 仿宋_GB2312
	Path  string
	Index int // face within a .ttc
}

// Load reads and checks the candidate (glyf outlines, embedding permission).
func (c Candidate) Load() (*Face, error) { return LoadFile(c.Path, c.Index) }

// known maps lower-case file names to role, name and face, in order of
// preference within each role: Windows' and the standard's GB2312 names,
// then the CESI fonts UOS and Kylin ship in /usr/share/fonts/fonts-cesi,
// then the Founder (方正) fonts WPS installs, then others.
var known = []struct {
	file  string
	role  Role
	name  string
	index int
}{
	{"fangsong_gb2312.ttf", FS, "仿宋_GB2312", 0},
	{"仿宋_gb2312.ttf", FS, "仿宋_GB2312", 0},
	{"simfang.ttf", FS, "仿宋", 0},
	{"仿宋.ttf", FS, "仿宋", 0},
	{"cesi_fs_gb18030.ttf", FS, "CESI仿宋-GB18030", 0},
	{"cesi_fs_gb13000.ttf", FS, "CESI仿宋-GB13000", 0},
	{"cesi_fs_gb2312.ttf", FS, "CESI仿宋-GB2312", 0},
	{"fzfsk.ttf", FS, "方正仿宋_GBK", 0},
	{"fzfsjw.ttf", FS, "方正仿宋简体", 0},
	{"stfangso.ttf", FS, "华文仿宋", 0},

	{"simhei.ttf", HT, "黑体", 0},
	{"黑体.ttf", HT, "黑体", 0},
	{"cesi_ht_gb18030.ttf", HT, "CESI黑体-GB18030", 0},
	{"cesi_ht_gb13000.ttf", HT, "CESI黑体-GB13000", 0},
	{"cesi_ht_gb2312.ttf", HT, "CESI黑体-GB2312", 0},
	{"fzhtk.ttf", HT, "方正黑体_GBK", 0},
	{"fzhtjw.ttf", HT, "方正黑体简体", 0},

	{"kaiti_gb2312.ttf", KT, "楷体_GB2312", 0},
	{"楷体_gb2312.ttf", KT, "楷体_GB2312", 0},
	{"simkai.ttf", KT, "楷体", 0},
	{"楷体.ttf", KT, "楷体", 0},
	{"cesi_kt_gb18030.ttf", KT, "CESI楷体-GB18030", 0},
	{"cesi_kt_gb13000.ttf", KT, "CESI楷体-GB13000", 0},
	{"cesi_kt_gb2312.ttf", KT, "CESI楷体-GB2312", 0},
	{"fzktk.ttf", KT, "方正楷体_GBK", 0},
	{"fzktjw.ttf", KT, "方正楷体简体", 0},
	{"stkaiti.ttf", KT, "华文楷体", 0},

	{"fzxbsjw.ttf", XBS, "方正小标宋简体", 0},
	{"方正小标宋简体.ttf", XBS, "方正小标宋简体", 0},
	{"fzxbsk.ttf", XBS, "方正小标宋_GBK", 0},
	{"cesi_xbs_gb18030.ttf", XBS, "CESI小标宋-GB18030", 0},
	{"cesi_xbs_gb13000.ttf", XBS, "CESI小标宋-GB13000", 0},
	{"cesi_xbs_gb2312.ttf", XBS, "CESI小标宋-GB2312", 0},

	{"simsun.ttc", ST, "宋体", 0},
	{"simsun.ttf", ST, "宋体", 0},
	{"宋体.ttf", ST, "宋体", 0},
	{"cesi_ss_gb18030.ttf", ST, "CESI宋体-GB18030", 0},
	{"cesi_ss_gb13000.ttf", ST, "CESI宋体-GB13000", 0},
	{"cesi_ss_gb2312.ttf", ST, "CESI宋体-GB2312", 0},
	{"fzssk.ttf", ST, "方正书宋_GBK", 0},
	{"fzssjw.ttf", ST, "方正书宋简体", 0},
	{"stsong.ttf", ST, "华文宋体", 0},
}

// fontDirs lists where Windows and Linux desktops (UOS, Kylin) install fonts.
func fontDirs() []string {
	home, _ := os.UserHomeDir()
	if runtime.GOOS == "windows" {
		win := os.Getenv("WINDIR")
		if win == "" {
			win = `C:\Windows`
		}
		dirs := []string{filepath.Join(win, "Fonts")}
		if la := os.Getenv("LOCALAPPDATA"); la != "" {
			dirs = append(dirs, filepath.Join(la, "Microsoft", "Windows", "Fonts"))
		}
		return dirs
	}
	dirs := []string{"/usr/share/fonts", "/usr/local/share/fonts"}
	data := os.Getenv("XDG_DATA_HOME")
	if data == "" && home != "" {
		data = filepath.Join(home, ".local", "share")
	}
	if data != "" {
		dirs = append(dirs, filepath.Join(data, "fonts"))
	}
	if home != "" {
		dirs = append(dirs, filepath.Join(home, ".fonts"))
	}
	return dirs
}

// Discover finds the office fonts installed on this computer, by file name,
// for each role in order of preference. It only looks at names; Load checks
// that a candidate is usable.
func Discover() map[Role][]Candidate { return discoverIn(fontDirs()) }

func discoverIn(dirs []string) map[Role][]Candidate {
	rank := make(map[string]int, len(known))
	for i, k := range known {
		rank[k.file] = i
	}
	type hit struct {
		rank int
		c    Candidate
	}
	var hits []hit
	seen := map[string]bool{}
	for _, dir := range dirs {
		// Errors (missing or unreadable folders) just mean no fonts there.
		_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				return nil
			}
			i, ok := rank[strings.ToLower(d.Name())]
			if !ok || seen[p] {
				return nil
			}
			seen[p] = true
			k := known[i]
			hits = append(hits, hit{i, Candidate{Role: k.role, Name: k.name, Path: p, Index: k.index}})
			return nil
		})
	}
	sort.SliceStable(hits, func(a, b int) bool { return hits[a].rank < hits[b].rank })
	out := map[Role][]Candidate{}
	for _, h := range hits {
		out[h.c.Role] = append(out[h.c.Role], h.c)
	}
	return out
}
