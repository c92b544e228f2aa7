#!/usr/bin/env bash
# Runs dist/'s arm64 and loong64 CLI under qemu on the same inputs as the amd64
# CLI and checks that everything they produce is byte for byte the same: what
# new, check, recompute, pdf, extract and import print, their exit codes, and
# the files they write (SOURCE_DATE_EPOCH fixes the dates inside the PDF).
set -euo pipefail

dist=${1:?usage: smoke-cross.sh DIST_DIR}
dist=$(cd "$dist" && pwd)
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=1767225600 # 2026-01-01 00:00 UTC

seed="$root/testdata/seeds/zhangwu-2021.nianbao.json"
broken="$root/app/testdata/xinjiang-2021-broken.nianbao.json"
seal="$root/pdfout/testdata/seal.png"
docx="$root/importer/testdata/pingtan-2024.docx"

# run ARCH: every command into $work/ARCH, each step's output in its own file
# named after the step, its exit code appended, so a difference names the step.
run() {
	local cli="$dist/nianbao-cli-linux-$1" dir="$work/$1"
	mkdir -p "$dir" "$work/home-$1"
	cd "$dir"
	# Caches (fonts, compiled WebAssembly) stay out of the caller's home.
	export HOME="$work/home-$1" XDG_CACHE_HOME="$work/home-$1/.cache"
	step() {
		local name=$1
		shift
		local rc=0
		"$cli" "$@" >"$name.out" 2>&1 || rc=$?
		echo "exit $rc" >>"$name.out"
	}
	step new new --unit 张坞镇人民政府 --level township --year 2021 -o new.json
	step check-new check new.json
	step check-broken check "$broken"
	step check-json check --json --lint "$broken"
	cp "$broken" recomputed.json
	step recompute recompute recomputed.json
	step pdf-gongwen pdf --style gongwen --seal "$seal" -o gongwen.pdf "$seed"
	step pdf-public pdf --style public -o public.pdf "$seed"
	step pdf-draft pdf --draft -o draft.pdf "$broken"
	step extract extract gongwen.pdf -o extracted.json
	step import-docx import -o imported.json "$docx"
	cd - >/dev/null
}

run amd64
# The reference must be worth comparing with: the PDF and the reports exist,
# and the broken report was refused with exit code 1.
for f in new.json recomputed.json gongwen.pdf public.pdf draft.pdf extracted.json imported.json; do
	[ -s "$work/amd64/$f" ] || { echo "the amd64 CLI wrote no $f" >&2; exit 1; }
done
[ "$(tail -n1 "$work/amd64/check-broken.out")" = "exit 1" ] || { echo "the amd64 CLI did not fail on $broken" >&2; exit 1; }

for arch in arm64 loong64; do
	# A CLI built for the host by mistake would compare equal and prove nothing.
	case $arch in arm64) machine="ARM aarch64" ;; loong64) machine=LoongArch ;; esac
	file -b "$dist/nianbao-cli-linux-$arch" | grep -q "$machine" ||
		{ echo "nianbao-cli-linux-$arch is not a $machine program" >&2; exit 1; }
	start=$(date +%s)
	run "$arch"
	diff -r "$work/amd64" "$work/$arch" >"$work/$arch.diff" || {
		echo "the $arch CLI differs from the amd64 CLI:" >&2
		head -c 4000 "$work/$arch.diff" >&2
		exit 1
	}
	echo "$arch CLI under qemu ($(($(date +%s) - start)) s): $(find "$work/$arch" -type f | wc -l) outputs identical to amd64"
done
