#!/bin/bash
# Wall time and peak RSS of whole `nianbao-cli` processes on the hostile
# inputs of issue 15: every PDF attack through `extract`, a PDF header with
# 1 GiB of zeros, and a 10000×10000 seal through `pdf --seal`. Each must end
# within 2 s and 200 MB. Usage: bench/hostile.sh [CLI [TIMEOUT]] — CLI
# defaults to one built from this tree; TIMEOUT (default 30 s) kills a run.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cli=${1:-}
limit=${2:-30}
if [ -z "$cli" ]; then
	go build -o "$tmp/nianbao-cli" ./cmd/nianbao-cli
	cli=$tmp/nianbao-cli
fi
NIANBAO_HOSTILE_DIR=$tmp go test -count=1 -run '^(TestHostilePDFs|TestCheckSeal)$' ./pdfout/ >/dev/null
printf '%%PDF-1.7\n' >"$tmp/hostile-zeros.pdf"
truncate -s 1G "$tmp/hostile-zeros.pdf" # sparse: no disk space used
printf 'hostile-zeros.pdf\t%%PDF-1.7 and 1 GiB of zeros\n' >>"$tmp/index.txt"

# run NAME ARGS…: one process under /usr/bin/time, killed after $limit s
run() {
	local name=$1
	shift
	/usr/bin/time -f '%e %M' -o "$tmp/time" timeout "$limit" "$@" >/dev/null 2>"$tmp/err" && code=0 || code=$?
	read -r secs kb < <(tail -1 "$tmp/time")
	local verdict=ok
	if [ "$code" = 124 ]; then verdict="killed after ${limit}s"; fi
	if awk "BEGIN{exit !($secs > 2 || $kb > 200*1024)}"; then verdict="OVER 2 s / 200 MB"; fi
	printf '%-62s %6.2f s %7.1f MB  exit %-3s %s  %s\n' "$name" "$secs" "$(awk "BEGIN{print $kb/1024}")" "$code" "$verdict" "$(head -c 150 "$tmp/err" | tr '\n' ' ')"
}
while IFS=$'\t' read -r file name; do
	run "$name" "$cli" extract "$tmp/$file"
done <"$tmp/index.txt"
run "seal PNG of 10000×10000 pixels" "$cli" pdf --draft --seal "$tmp/seal-10000x10000.png" -o "$tmp/out.pdf" pdfout/testdata/township-2019.nianbao.json
