#!/bin/bash
# Times the whole CLI run that prints the full 2021 report (公文版, three
# tables, seal): build once, then N cold processes with the bundled fonts
# and N with office fonts discovered (a copy of a bundled font installed as
# simfang.ttf in a font folder of its own; the discovery cache is warm after
# the first run). Usage: bench/pdf.sh [N]
set -eu
cd "$(dirname "$0")/.."
n=${1:-10}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/nianbao-cli" ./cmd/nianbao-cli
in=pdfout/testdata/full-2021.nianbao.json
seal=pdfout/testdata/seal.png
export SOURCE_DATE_EPOCH=1642496400
mkdir -p "$tmp/fonts" "$tmp/cache"
cp assets/fonts/st-song.ttf "$tmp/fonts/simfang.ttf"
export NIANBAO_FONT_DIRS="$tmp/fonts" XDG_CACHE_HOME="$tmp/cache"

run() { # mode, output
	"$tmp/nianbao-cli" pdf --fonts "$1" --style gongwen --seal "$seal" -o "$2" "$in" >/dev/null
}
for mode in builtin office; do
	run "$mode" "$tmp/warm-$mode.pdf"
	# CPU time of waited-for children, in clock ticks (/proc stat fields 16, 17)
	read -r cu0 cs0 < <(awk '{print $16, $17}' /proc/$$/stat)
	start=$(date +%s%N)
	walls=()
	for ((i = 0; i < n; i++)); do
		t0=${EPOCHREALTIME/[.,]/} # µs, without starting a process
		run "$mode" "$tmp/out-$mode.pdf"
		t1=${EPOCHREALTIME/[.,]/}
		walls+=($(((t1 - t0) / 100))) # tenths of a millisecond
	done
	end=$(date +%s%N)
	read -r cu1 cs1 < <(awk '{print $16, $17}' /proc/$$/stat)
	tick=$(getconf CLK_TCK)
	# a shared machine's speed drifts: the median and the range say more than the mean
	read -r lo med hi < <(printf '%s\n' "${walls[@]}" | sort -n | awk '{a[NR]=$1} END {print a[1], a[int((NR+1)/2)], a[NR]}')
	echo "$mode fonts: $n runs, wall median $((med / 10)).$((med % 10)) ms (min $((lo / 10)).$((lo % 10)), max $((hi / 10)).$((hi % 10))), mean $(((end - start) / n / 1000000)) ms, CPU per run $(((cu1 + cs1 - cu0 - cs0) * 1000 / tick / n)) ms"
	cmp -s "$tmp/warm-$mode.pdf" "$tmp/out-$mode.pdf" && echo "  output identical across runs (SOURCE_DATE_EPOCH)"
	echo "  PDF size: $(wc -c <"$tmp/out-$mode.pdf") bytes, pages: $(pdfinfo "$tmp/out-$mode.pdf" 2>/dev/null | awk '/^Pages:/{print $2}')"
done
if command -v /usr/bin/time >/dev/null 2>&1; then
	/usr/bin/time -f "last run: wall %es, CPU user %Us sys %Ss, peak RSS %M KB" "$tmp/nianbao-cli" pdf --fonts builtin --style gongwen --seal "$seal" -o "$tmp/out.pdf" "$in" >/dev/null
fi
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
