#!/bin/sh
# Times the whole CLI run that prints the full 2021 report (公文版, three
# tables, seal): build once, then N cold processes. Usage: bench/pdf.sh [N]
set -eu
cd "$(dirname "$0")/.."
n=${1:-10}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/nianbao-cli" ./cmd/nianbao-cli
in=pdfout/testdata/full-2021.nianbao.json
seal=pdfout/testdata/seal.png
export SOURCE_DATE_EPOCH=1642496400
"$tmp/nianbao-cli" pdf --style gongwen --seal "$seal" -o "$tmp/warm.pdf" "$in"
start=$(date +%s%N)
i=0
while [ "$i" -lt "$n" ]; do
	"$tmp/nianbao-cli" pdf --style gongwen --seal "$seal" -o "$tmp/out.pdf" "$in"
	i=$((i + 1))
done
end=$(date +%s%N)
echo "runs: $n"
echo "wall per run: $(( (end - start) / n / 1000000 )) ms"
if command -v /usr/bin/time >/dev/null 2>&1; then
	/usr/bin/time -f "last run: wall %es, CPU user %Us sys %Ss, peak RSS %M KB" "$tmp/nianbao-cli" pdf --style gongwen --seal "$seal" -o "$tmp/out.pdf" "$in"
fi
echo "PDF size: $(wc -c <"$tmp/out.pdf") bytes, pages: $(pdfinfo "$tmp/out.pdf" 2>/dev/null | awk '/^Pages:/{print $2}')"
cmp -s "$tmp/warm.pdf" "$tmp/out.pdf" && echo "output identical across runs (SOURCE_DATE_EPOCH)"
