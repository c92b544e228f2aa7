#!/usr/bin/env bash
# Installs dist/nianbao-linux-amd64.tar.xz the way 安装说明.txt tells a clerk
# (unpack, ./install.sh, no root) into a fresh home, then starts the installed
# app under Xvfb and checks that it painted a window.
set -euo pipefail

tarball=${1:?usage: smoke-install.sh nianbao-linux-amd64.tar.xz}
tarball=$(cd "$(dirname "$tarball")" && pwd)/$(basename "$tarball")
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT

cd "$home"
tar -xJf "$tarball"
HOME="$home" XDG_DATA_HOME="$home/.local/share" PATH=/usr/bin:/bin ./nianbao-linux-amd64/install.sh

app_id=cn.nianbao.app
entry="$home/.local/share/applications/$app_id.desktop"
exe=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$entry")
[ -x "$exe" ] || { echo "desktop entry points to a missing program: $exe" >&2; exit 1; }
[ -f "$home/.local/share/icons/hicolor/512x512/apps/$app_id.png" ] || { echo "icon not installed" >&2; exit 1; }
"$home/.local/bin/nianbao-cli" help >/dev/null

shot="$home/shot.png"
HOME="$home" XDG_DATA_HOME="$home/.local/share" timeout 120 xvfb-run -a -s "-screen 0 1920x1080x24" "$exe" --screenshot "$shot"
[ -s "$shot" ] || { echo "the installed app wrote no screenshot" >&2; exit 1; }
# A blank 1280×800 window compresses to a few kilobytes; a painted one does not.
size=$(stat -c %s "$shot")
[ "$size" -gt 20000 ] || { echo "the screenshot looks blank ($size bytes)" >&2; exit 1; }
[ -z "${KEEP_SHOT:-}" ] || cp "$shot" "$KEEP_SHOT"
[ -f "$home/.local/share/nianbao/workspace.db" ] || { echo "no workspace created on first start" >&2; exit 1; }
echo "installed app started: $(file -b "$shot"), ${size} bytes; workspace created"

HOME="$home" PATH=/usr/bin:/bin ./nianbao-linux-amd64/uninstall.sh
[ ! -e "$home/.local/bin/nianbao" ] || { echo "uninstall left the program" >&2; exit 1; }
[ -f "$home/.local/share/nianbao/workspace.db" ] || { echo "uninstall removed the clerk's data" >&2; exit 1; }
echo "uninstall removed the program and kept the workspace"
