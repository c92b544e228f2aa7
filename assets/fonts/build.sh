#!/usr/bin/env bash
# Rebuilds the bundled fonts from Debian packages with fontTools.
#   apt-get install fonts-noto-cjk fonts-noto-cjk-extra fonts-lxgw-wenkai \
#                   fonts-wqy-microhei python3-fonttools
#   assets/fonts/build.sh              # all fonts
#   assets/fonts/build.sh kt-kai.ttf   # only the named outputs
# gofpdf reads only single TrueType (glyf) fonts, and Fyne crashes on a TTC, so
# every output is one glyf face, hinting removed, subset to what a report needs.
set -euo pipefail
cd "$(dirname "$0")"

PY=/usr/bin/python3   # Debian's python3 has fontTools; a pyenv python3 may not
NOTO=/usr/share/fonts/opentype/noto
KAI=/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf
WQY=/usr/share/fonts/truetype/wqy/wqy-microhei.ttc

for f in "$NOTO/NotoSerifCJK-Light.ttc" "$NOTO/NotoSerifCJK-Black.ttc" \
	"$NOTO/NotoSerifCJK-Regular.ttc" "$NOTO/NotoSansCJK-Medium.ttc" "$KAI" "$WQY"; do
	[[ -f $f ]] || { echo "missing $f (install the packages listed in build.sh)" >&2; exit 1; }
done

# Noto CJK collections: face 2 is SC. Converted in parallel (about a minute).
# args: source face output charset family
jobs=(
	"$NOTO/NotoSerifCJK-Light.ttc 2 fs-body.ttf gb2312+uro NB-FS-Body"
	"$NOTO/NotoSerifCJK-Black.ttc 2 xbs-title.ttf gb2312 NB-XBS-Title"
	"$NOTO/NotoSansCJK-Medium.ttc 2 ht-heading.ttf gb2312 NB-HT-Heading"
	"$NOTO/NotoSerifCJK-Regular.ttc 2 st-song.ttf gb2312 NB-ST-Song"
	"$KAI 0 kt-kai.ttf gb2312 NB-KT-Kai"
	"$WQY 0 ui.ttf gb2312+uro NB-UI"
)
pids=()
for j in "${jobs[@]}"; do
	if [[ $# -gt 0 ]]; then
		read -r _ _ out _ <<<"$j"
		[[ " $* " == *" $out "* ]] || continue
	fi
	# shellcheck disable=SC2086
	"$PY" - $j <<'PYEOF' &
import sys
from fontTools.ttLib import TTFont, newTable
from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen

src, face, out, charset, family = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]

def gb2312():
    cps = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                cps.add(ord(bytes([hi, lo]).decode("gb2312")))
            except UnicodeDecodeError:
                pass
    return cps

cps = set(range(0x20, 0x7F)) | set(range(0xA0, 0x100)) | gb2312()
for lo, hi in [(0x2000, 0x206F), (0x2100, 0x218F), (0x2190, 0x21FF), (0x2460, 0x24FF),
               (0x2500, 0x25FF), (0x2600, 0x26FF), (0x3000, 0x303F), (0x3200, 0x32FF),
               (0xFE30, 0xFE4F), (0xFF00, 0xFFEF), (0xFFFD, 0xFFFD)]:
    cps |= set(range(lo, hi + 1))
if charset == "gb2312+uro":
    cps |= set(range(0x4E00, 0xA000))

font = TTFont(src, fontNumber=face, lazy=False)
o = subset.Options()
o.hinting = False
o.desubroutinize = True
o.notdef_outline = True
o.name_IDs = ["*"]
o.name_languages = ["*"]
o.glyph_names = False
o.layout_features = []
o.drop_tables += ["GSUB", "GPOS", "GDEF", "BASE", "JSTF", "DSIG", "VORG", "vhea", "vmtx", "mort", "morx", "gasp"]
s = subset.Subsetter(o)
s.populate(unicodes=cps)
s.subset(font)

if "CFF " in font:  # cubic CFF -> quadratic glyf, as fontTools' otf2ttf snippet
    order = font.getGlyphOrder()
    gs = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for n in gs.keys():
        pen = TTGlyphPen(gs)
        gs[n].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyf.glyphs[n] = pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf
    del font["CFF "]
    glyf.compile(font)
    hmtx = font["hmtx"]
    for n, g in glyf.glyphs.items():
        if hasattr(g, "xMin"):
            hmtx[n] = (hmtx[n][0], g.xMin)
    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.maxZones = 1
    for k in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
              "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, k, 0)
    font["maxp"] = maxp
    font.sfntVersion = "\0\1\0\0"

post = font["post"]
post.formatType = 3.0
post.extraNames = []
post.mapping = {}

# All the licences (OFL, Apache-2.0/GPL+FE) allow embedding:
# fsType 0 = installable embedding.
font["OS/2"].fsType = 0

# Renamed so a modified build is never mistaken for the upstream font (and
# LXGW's Reserved Font Names stay with unmodified builds, as OFL 1.1 asks).
name = font["name"]
orig = name.getDebugName(4)
for rec in list(name.names):
    if rec.nameID in (1, 3, 4, 6, 16, 17, 18):
        name.removeNames(nameID=rec.nameID)
name.setName(family, 1, 3, 1, 0x409)
name.setName("Regular", 2, 3, 1, 0x409)
name.setName(family + " (from " + orig + ")", 3, 3, 1, 0x409)
name.setName(family, 4, 3, 1, 0x409)
name.setName(family, 6, 3, 1, 0x409)
name.setName(family, 1, 1, 0, 0)
name.setName("Regular", 2, 1, 0, 0)
name.setName(family, 4, 1, 0, 0)
name.setName(family, 6, 1, 0, 0)

font.recalcTimestamp = False  # keep the source's head dates: reproducible bytes
font.save(out)
print("%s: %d glyphs from %s" % (out, len(font.getGlyphOrder()), orig))
PYEOF
	pids+=($!)
done
rc=0
for p in "${pids[@]}"; do wait "$p" || rc=1; done
exit $rc
