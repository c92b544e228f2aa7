#!/bin/sh
# Times the superior office's desk: `nianbao-cli collect` over 1,000 app-made
# PDFs of distinct units (read, hash, extract, compare the printed tables
# with the embedded data, check, sum), then over 100 third-party PDFs read
# through the importer's PDF engine (a first run warms its cache).
# Usage: bench/collect.sh
set -eu
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/nianbao-cli" ./cmd/nianbao-cli
corpus="$tmp/corpus"
mkdir -p "$corpus"
# the Go benchmark writes the corpus and measures the desk in-process
NIANBAO_BENCH_CORPUS="$corpus" go test -run '^$' -bench 'BenchmarkCollect1000$' -benchtime 3x ./desk | grep Benchmark
timed() {
	if command -v /usr/bin/time >/dev/null 2>&1; then
		/usr/bin/time -f "  wall %es, CPU user %Us sys %Ss, peak RSS %M KB" "$@"
	else
		"$@"
	fi
}
echo "1,000 app-made PDFs, whole process:"
timed "$tmp/nianbao-cli" collect --year 2021 --roster "$corpus/roster.txt" --xlsx "$tmp/sum.xlsx" "$corpus" | tail -2
third="$tmp/third"
mkdir -p "$third"
sample=../shared/samples/hongze-2024.pdf
if [ -f "$sample" ]; then
	i=0
	while [ "$i" -lt 100 ]; do
		# distinct bytes (a comment after %%EOF), so none is a duplicate
		{ cat "$sample"; printf '%% copy %d\n' "$i"; } >"$third/$i.pdf"
		i=$((i + 1))
	done
	"$tmp/nianbao-cli" collect --year 2024 "$third/0.pdf" >/dev/null || true
	echo "100 third-party PDFs through the importer (engine cache warm):"
	timed "$tmp/nianbao-cli" collect --year 2024 "$third" | tail -2
fi
