#!/usr/bin/env bash
# Builds what users get into dist/: the Windows and Linux desktop app, the CLI for
# both, and SHA256SUMS. The fyne packaging tool edits FyneApp.toml and writes
# metadata and .syso files next to the sources, so everything is built in a
# throw-away copy of the tracked files; the source tree is never modified.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/dist"
fyne=${FYNE:-fyne}
version=$(sed -n 's/^ *Version *= *"\(.*\)"/\1/p' "$root/FyneApp.toml")
app_id=$(sed -n 's/^ *ID *= *"\(.*\)"/\1/p' "$root/FyneApp.toml")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
src="$work/src"
mkdir -p "$src"
(cd "$root" && git ls-files -z --cached --others --exclude-standard |
	while IFS= read -r -d '' f; do [ -f "$f" ] && printf '%s\0' "$f"; done |
	xargs -0 cp --parents -t "$src")

# The packaging tool looks for FyneApp.toml and the icon beside the main package.
cp "$src/assets/icon.png" "$src/cmd/nianbao/Icon.png"
sed 's|^\( *Icon *= *\).*|\1"Icon.png"|' "$src/FyneApp.toml" >"$src/cmd/nianbao/FyneApp.toml"

rm -rf "$out"
mkdir -p "$out"

echo "== Windows desktop app"
(cd "$src/cmd/nianbao" &&
	CC=x86_64-w64-mingw32-gcc CGO_ENABLED=1 GOOS=windows GOARCH=amd64 \
		"$fyne" package --os windows --release --appVersion "$version" --appID "$app_id" --name nianbao.exe)
mv "$src/cmd/nianbao/nianbao.exe" "$out/nianbao-windows-amd64.exe"
(cd "$src" && go run ./tools/pecheck "$out/nianbao-windows-amd64.exe")

echo "== Linux desktop app"
(cd "$src/cmd/nianbao" &&
	"$fyne" package --os linux --release --appVersion "$version" --appID "$app_id")
mkdir -p "$work/fyne-linux"
tar -xJf "$src/cmd/nianbao/"*.tar.xz -C "$work/fyne-linux"

pkg="$work/nianbao-linux-amd64"
mkdir -p "$pkg/bin" "$pkg/share/applications" "$pkg/share/icons/hicolor/512x512/apps"
cp "$work/fyne-linux/"*/usr/local/bin/nianbao "$pkg/bin/nianbao"
(cd "$src" && CGO_ENABLED=0 go build -trimpath -ldflags "-s -w" -o "$pkg/bin/nianbao-cli" ./cmd/nianbao-cli)
# Keep the desktop entry the tool generated from FyneApp.toml; only the paths
# are set by install.sh on the user's machine.
desktop=$(ls "$work/fyne-linux/"*/usr/local/share/applications/*.desktop)
# %F: «打开方式 → 年报助手» in a file manager passes the files, which cmd/nianbao opens.
sed -e 's|^Exec=.*|Exec=@BINDIR@/nianbao %F|' -e '/^Exec=/a MimeType=application/json;application/pdf;' \
	-e "s|^Icon=.*|Icon=$app_id|" "$desktop" \
	>"$pkg/share/applications/$app_id.desktop"
cp "$src/assets/icon.png" "$pkg/share/icons/hicolor/512x512/apps/$app_id.png"
cp "$src/packaging/linux/install.sh" "$src/packaging/linux/uninstall.sh" "$src/packaging/linux/安装说明.txt" "$pkg/"
chmod 755 "$pkg/install.sh" "$pkg/uninstall.sh" "$pkg/bin/"*
tar -C "$work" --owner=0 --group=0 -cJf "$out/nianbao-linux-amd64.tar.xz" nianbao-linux-amd64

echo "== CLI"
(cd "$src" &&
	CGO_ENABLED=0 GOOS=linux GOARCH=amd64 go build -trimpath -ldflags "-s -w" -o "$out/nianbao-cli-linux-amd64" ./cmd/nianbao-cli &&
	CGO_ENABLED=0 GOOS=windows GOARCH=amd64 go build -trimpath -ldflags "-s -w" -o "$out/nianbao-cli-windows-amd64.exe" ./cmd/nianbao-cli)

(cd "$out" && sha256sum nianbao-* >SHA256SUMS)

echo "== Install and start the Linux package as a clerk would"
"$root/packaging/smoke-install.sh" "$out/nianbao-linux-amd64.tar.xz"
ls -l "$out"
