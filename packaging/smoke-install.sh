#!/usr/bin/env bash
# Installs dist/nianbao-linux-ARCH.tar.xz the way 安装说明.txt tells a clerk
# (unpack, ./install.sh, no root) into a fresh home, then starts the installed
# app under Xvfb and checks that it painted a window. An arm64 package runs
# under qemu through binfmt_misc (packaging/setup-cross.sh registers it).
set -euo pipefail

tarball=${1:?usage: smoke-install.sh nianbao-linux-ARCH.tar.xz}
tarball=$(cd "$(dirname "$tarball")" && pwd)/$(basename "$tarball")
dir=$(basename "$tarball" .tar.xz)
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT

# What file(1) says of a program built for the package's architecture.
case "$dir" in
*-amd64) machine=x86-64 ;;
*-arm64) machine=aarch64 ;;
*) echo "unknown architecture in $dir" >&2; exit 1 ;;
esac

cd "$home"
tar -xJf "$tarball"
[ -x "$dir/install.sh" ] || { echo "$dir/install.sh missing from $tarball" >&2; exit 1; }
grep -q "tar -xJf $dir.tar.xz" "$dir/安装说明.txt" || { echo "安装说明.txt does not name $dir.tar.xz" >&2; exit 1; }
HOME="$home" XDG_DATA_HOME="$home/.local/share" PATH=/usr/bin:/bin "./$dir/install.sh"

app_id=cn.nianbao.app
entry="$home/.local/share/applications/$app_id.desktop"
exe=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$entry")
[ -x "$exe" ] || { echo "desktop entry points to a missing program: $exe" >&2; exit 1; }
[ -f "$home/.local/share/icons/hicolor/512x512/apps/$app_id.png" ] || { echo "icon not installed" >&2; exit 1; }
for p in "$exe" "$home/.local/bin/nianbao-cli"; do
	file -bL "$p" | grep -q "$machine" || { echo "$p is not built for $machine: $(file -bL "$p")" >&2; exit 1; }
done
"$home/.local/bin/nianbao-cli" help >/dev/null
# The README names the oldest glibc the app starts on; a newer build system
# would raise it silently.
glibc_floor=2.34
needs=$(readelf -V "$exe" | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -n1)
[ -n "$needs" ] && [ "$(printf '%s\n' "$needs" "$glibc_floor" | sort -V | tail -n1)" = "$glibc_floor" ] ||
	{ echo "the app needs glibc ${needs:-(unreadable)}, not the $glibc_floor the README promises" >&2; exit 1; }
echo "the $machine app needs glibc $needs"

# Mesa's software renderer under qemu is many times slower than on the host.
limit=120
case "$(file -bL /bin/sh)" in *"$machine"*) ;; *) limit=900 ;; esac
shot="$home/shot.png"
start=$(date +%s)
HOME="$home" XDG_DATA_HOME="$home/.local/share" timeout "$limit" xvfb-run -a -s "-screen 0 1920x1080x24" "$exe" --screenshot "$shot"
[ -s "$shot" ] || { echo "the installed app wrote no screenshot" >&2; exit 1; }
# A blank 1280×800 window compresses to a few kilobytes; a painted one does not.
size=$(stat -c %s "$shot")
[ "$size" -gt 20000 ] || { echo "the screenshot looks blank ($size bytes)" >&2; exit 1; }
[ -z "${KEEP_SHOT:-}" ] || cp "$shot" "$KEEP_SHOT"
[ -f "$home/.local/share/nianbao/workspace.db" ] || { echo "no workspace created on first start" >&2; exit 1; }
echo "installed $machine app started in $(($(date +%s) - start)) s: $(file -b "$shot"), ${size} bytes; workspace created"

HOME="$home" PATH=/usr/bin:/bin "./$dir/uninstall.sh"
[ ! -e "$home/.local/bin/nianbao" ] || { echo "uninstall left the program" >&2; exit 1; }
[ -f "$home/.local/share/nianbao/workspace.db" ] || { echo "uninstall removed the clerk's data" >&2; exit 1; }
echo "uninstall removed the program and kept the workspace"
