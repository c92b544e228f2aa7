#!/usr/bin/env bash
# Builds what users get into dist/: the desktop app for Windows and for Linux
# on amd64 and arm64, the CLI for Windows and for Linux on amd64, arm64 and
# loong64, and SHA256SUMS, then smoke-tests them. The fyne packaging tool edits
# FyneApp.toml and writes metadata and .syso files next to the sources, so
# everything is built in a throw-away copy of the tracked files; the source
# tree is never modified.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/dist"
fyne=${FYNE:-fyne}
version=$(sed -n 's/^ *Version *= *"\(.*\)"/\1/p' "$root/FyneApp.toml")
build=$(sed -n 's/^ *Build *= *\([0-9]*\).*/\1/p' "$root/FyneApp.toml")
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

# fyne_package OS NAME [VAR=VALUE...]: the release build of the desktop app by
# the packaging tool, with the environment given (compiler, GOARCH); an empty
# NAME keeps the tool's default (the app's name from FyneApp.toml). The build
# number is passed because the tool bumps it in FyneApp.toml after each run,
# and every platform's app should carry the same one.
fyne_package() {
	local os=$1 name=$2
	shift 2
	rm -f "$src/cmd/nianbao/"*.tar.xz "$src/cmd/nianbao/nianbao"
	(cd "$src/cmd/nianbao" && env "$@" "$fyne" package --os "$os" --release \
		--appVersion "$version" --appBuild "$build" --appID "$app_id" ${name:+--name "$name"})
}

echo "== Windows desktop app"
fyne_package windows nianbao.exe CC=x86_64-w64-mingw32-gcc CGO_ENABLED=1 GOOS=windows GOARCH=amd64
mv "$src/cmd/nianbao/nianbao.exe" "$out/nianbao-windows-amd64.exe"
(cd "$src" && go run ./tools/pecheck "$out/nianbao-windows-amd64.exe")

echo "== CLI"
# Pure Go, so every platform is a plain cross-build.
cli() { (cd "$src" && CGO_ENABLED=0 GOOS=$1 GOARCH=$2 go build -trimpath -ldflags "-s -w" -o "$3" ./cmd/nianbao-cli); }
cli linux amd64 "$out/nianbao-cli-linux-amd64"
cli linux arm64 "$out/nianbao-cli-linux-arm64"
cli linux loong64 "$out/nianbao-cli-linux-loong64"
cli windows amd64 "$out/nianbao-cli-windows-amd64.exe"

# linux_tarball ARCH [VAR=VALUE...]: dist/nianbao-linux-ARCH.tar.xz, the
# desktop app built for GOARCH=ARCH with the environment given, the CLI of the
# same architecture, the per-user installer, the desktop entry and the icon.
linux_tarball() {
	local arch=$1
	shift
	local dir="nianbao-linux-$arch"
	local pkg="$work/$dir" unpacked="$work/fyne-linux-$arch"
	fyne_package linux "" CGO_ENABLED=1 GOOS=linux GOARCH="$arch" "$@"
	mkdir -p "$unpacked" "$pkg/bin" "$pkg/share/applications" "$pkg/share/icons/hicolor/512x512/apps"
	tar -xJf "$src/cmd/nianbao/"*.tar.xz -C "$unpacked"
	cp "$unpacked/"*/usr/local/bin/nianbao "$pkg/bin/nianbao"
	cp "$out/nianbao-cli-linux-$arch" "$pkg/bin/nianbao-cli"
	# Keep the desktop entry the tool generated from FyneApp.toml; only the paths
	# are set by install.sh on the user's machine.
	local desktop
	desktop=$(ls "$unpacked/"*/usr/local/share/applications/*.desktop)
	# %F: «打开方式 → 年报助手» in a file manager passes the files, which cmd/nianbao opens.
	sed -e 's|^Exec=.*|Exec=@BINDIR@/nianbao %F|' -e '/^Exec=/a MimeType=application/json;application/pdf;' \
		-e "s|^Icon=.*|Icon=$app_id|" "$desktop" \
		>"$pkg/share/applications/$app_id.desktop"
	cp "$src/assets/icon.png" "$pkg/share/icons/hicolor/512x512/apps/$app_id.png"
	cp "$src/packaging/linux/install.sh" "$src/packaging/linux/uninstall.sh" "$pkg/"
	# The instructions name the archive and the folder the clerk unpacked.
	sed "s/nianbao-linux-amd64/$dir/g" "$src/packaging/linux/安装说明.txt" >"$pkg/安装说明.txt"
	chmod 755 "$pkg/install.sh" "$pkg/uninstall.sh" "$pkg/bin/"*
	tar -C "$work" --owner=0 --group=0 -cJf "$out/$dir.tar.xz" "$dir"
}

echo "== Linux desktop app, amd64"
linux_tarball amd64

echo "== Linux desktop app, arm64"
# Cross-linked against the arm64 libraries that packaging/setup-cross.sh
# installs through Debian multiarch.
linux_tarball arm64 CC=aarch64-linux-gnu-gcc \
	PKG_CONFIG_LIBDIR=/usr/lib/aarch64-linux-gnu/pkgconfig:/usr/share/pkgconfig

(cd "$out" && sha256sum nianbao-* >SHA256SUMS)

echo "== Install and start the Linux packages as a clerk would"
"$root/packaging/smoke-install.sh" "$out/nianbao-linux-amd64.tar.xz"
"$root/packaging/smoke-install.sh" "$out/nianbao-linux-arm64.tar.xz"

echo "== The arm64 and loong64 CLI give the amd64 CLI's output byte for byte"
"$root/packaging/smoke-cross.sh" "$out"
ls -l "$out"
