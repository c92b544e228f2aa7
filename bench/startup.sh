#!/usr/bin/env bash
# Start-up of the real desktop binary under Xvfb: time from launch to the
# first painted frame and peak RSS (VmHWM) of the app process, median of 5
# runs, on a workspace holding one real report (the 新绛县 2021 seed), which
# the app opens with its tables and checks as a clerk would see it.
#
# Usage: bench/startup.sh [runs]      (needs xvfb-run; run from anywhere)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
command -v xvfb-run >/dev/null || { echo "xvfb-run is required (apt-get install xvfb xauth)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/nianbao" ./cmd/nianbao
go build -o "$work/nianbao-cli" ./cmd/nianbao-cli
"$work/nianbao-cli" db import --db "$work/ws/workspace.db" testdata/seeds/xinjiang-2021.nianbao.json >/dev/null

# One Xvfb for all runs, so its own start-up is not counted.
xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
	set -euo pipefail
	work=$1; runs=$2
	for i in $(seq "$runs"); do
		start=$(date +%s%N)
		out=$("$work/nianbao" --workspace "$work/ws/workspace.db" --screenshot "$work/shot$i.png" 2>/dev/null)
		frame=$(sed -n "s/^first-frame-unix-ns=//p" <<<"$out")
		rss=$(sed -n "s/^peak-rss-kb=//p" <<<"$out")
		[ -n "$frame" ] || { echo "run $i: no first frame reported" >&2; exit 1; }
		echo "$(( (frame - start) / 1000000 )) $(( rss / 1024 ))"
	done
' _ "$work" "$runs" >"$work/results"

echo "run  first-frame-ms  peak-rss-MB"
awk '{printf "%3d  %14d  %11d\n", NR, $1, $2}' "$work/results"
med() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "median first frame: $(cut -d" " -f1 "$work/results" | med) ms"
echo "median peak RSS:    $(cut -d" " -f2 "$work/results" | med) MB"
